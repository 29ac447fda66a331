package io.miniman.network.diag;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.miniman.host.CommandRunner;
import io.miniman.host.RunningCommand;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Ping, traceroute, DNS lookup and a TCP connect, each an operation whose output streams as it comes. */
@Service
public class DiagnosticsService {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private final OperationService operations;
    private final CommandRunner runner;
    private final Validator validator;

    public DiagnosticsService(OperationService operations, CommandRunner runner, Validator validator) {
        this.operations = operations;
        this.runner = runner;
        this.validator = validator;
    }

    /**
     * Starts the diagnostic; each output line goes to {@code lines} (on the operation's thread) and to the
     * operation's details. Throws {@link ConstraintViolationException} for an invalid request.
     */
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
    public OperationHandle run(DiagnosticRequest request, Consumer<String> lines) {
        Set<ConstraintViolation<DiagnosticRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        DiagnosticKind kind = request.kind();
        String target = request.target();
        String name = request.describe();
        // diagnostics change nothing: each gets its own queue instead of waiting behind network changes
        return operations.submit(OperationType.NETWORK, name, null, ctx -> {
            Consumer<String> sink = line -> {
                ctx.progress(line);
                lines.accept(line);
            };
            if (kind == DiagnosticKind.TCP_PORT) {
                return connect(target, request.port(), sink);
            }
            List<String> argv = command(kind, target);
            try (RunningCommand command = runner.start(argv, TIMEOUT, sink)) {
                int exit = command.waitFor();
                if (exit != 0) {
                    throw new IllegalStateException(exit == -1 ? "timed out" : argv.get(0) + " exited with " + exit);
                }
                return "finished";
            }
        });
    }

    static List<String> command(DiagnosticKind kind, String target) {
        List<String> argv = new ArrayList<>();
        switch (kind) {
            case PING -> {
                argv.addAll(program("ping"));
                argv.addAll(List.of("-c", "4", "-W", "2"));
            }
            case TRACEROUTE -> {
                argv.addAll(program("traceroute"));
                argv.addAll(List.of("-w", "2", "-m", "20"));
            }
            case DNS_LOOKUP -> argv.addAll(List.of("getent", "ahosts"));
            case TCP_PORT -> throw new IllegalArgumentException("a TCP check runs no program");
        }
        argv.add(target);
        return argv;
    }

    /** The system's program where installed, busybox's applet otherwise (busybox-static is on the box). */
    private static List<String> program(String name) {
        Optional<Path> own = CommandRunner.which(name);
        return own.map(path -> List.of(path.toString())).orElseGet(() -> List.of("busybox", name));
    }

    private static String connect(String target, int port, Consumer<String> sink) throws IOException {
        sink.accept("Connecting to " + target + " port " + port + "…");
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target, port), CONNECT_TIMEOUT_MILLIS);
            String line = "Open: connected to " + socket.getInetAddress().getHostAddress() + ":" + port + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms";
            sink.accept(line);
            return line;
        } catch (IOException e) {
            sink.accept("Closed or unreachable: " + e.getMessage());
            throw new IOException(target + ":" + port + " is closed or unreachable (" + e.getMessage() + ")", e);
        }
    }
}
