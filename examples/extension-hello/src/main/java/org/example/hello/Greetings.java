package org.example.hello;

import org.springframework.stereotype.Service;

import io.miniman.extension.BoxOperations;
import io.miniman.extension.HostFigures;
import io.miniman.extension.HostReading;

/** The extension's service: its one action runs as an operation, so it lands in the console's log. */
@Service
public class Greetings {

    private final BoxOperations operations;
    private final HostFigures host;

    public Greetings(BoxOperations operations, HostFigures host) {
        this.operations = operations;
        this.host = host;
    }

    /** Starts the greeting and returns its operation's id; only OPERATOR and ADMIN may (the API checks). */
    public long greet(String whom) {
        return operations.submit("Say hello", "hello", progress -> {
            HostReading now = host.now();
            progress.line("reading the box");
            return "Hello " + whom + " from " + now.hostName() + ", up " + now.uptime().toMinutes() + " min";
        });
    }
}
