package io.miniman.network.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;
import io.miniman.testsupport.Requires;

/**
 * A network namespace of the test's own, removed on close, so rules and addresses never touch the
 * host's. Names carry a random suffix: parallel or leftover runs cannot collide.
 */
public final class ScratchNetns implements AutoCloseable {

    private static final CommandRunner RUNNER = new CommandRunner();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String name;

    private ScratchNetns(String name) {
        this.name = name;
    }

    /** Skips (or fails under strict mode) without root and iproute2. */
    public static ScratchNetns create(String prefix) {
        Requires.root();
        Requires.program("ip");
        String name = prefix + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        must(List.of("ip", "netns", "add", name));
        ScratchNetns netns = new ScratchNetns(name);
        netns.exec("ip", "link", "set", "lo", "up");
        return netns;
    }

    /** A short unique name for a veth end (interface names have at most 15 characters). */
    public static String uniqueIfname(String prefix) {
        return prefix + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    }

    public String name() {
        return name;
    }

    public CommandResult run(String... argv) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", name));
        command.addAll(List.of(argv));
        return RUNNER.run(command, TIMEOUT);
    }

    /** Runs and fails the test when the command fails. */
    public CommandResult exec(String... argv) {
        CommandResult result = run(argv);
        if (!result.ok()) {
            throw new AssertionError(String.join(" ", argv) + " in " + name + ": " + result.failureText());
        }
        return result;
    }

    /** Started is not listening yet; this waits (bounded) for the TCP socket rather than sleeping. */
    public void awaitListening(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            if (exec("ss", "-Hltn", "sport", "=", ":" + port).stdout().contains(":" + port)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing listens on port " + port + " in " + name);
    }

    public static CommandResult must(List<String> argv) {
        CommandResult result = RUNNER.run(argv, TIMEOUT);
        if (!result.ok()) {
            throw new AssertionError(String.join(" ", argv) + ": " + result.failureText());
        }
        return result;
    }

    @Override
    public void close() {
        RUNNER.run(List.of("ip", "netns", "delete", name), TIMEOUT);
    }
}
