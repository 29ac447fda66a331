package io.miniman.host;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/**
 * Runs programs as argument lists (never through a shell), with a timeout and capped output, so a
 * runaway or chatty program can neither hang a request nor fill the heap of a 1 GB box. The timeout
 * ends the whole process tree, and no wait of a call (input, output, exit) is unbounded.
 */
@Component
public class CommandRunner {

    static final int OUTPUT_CAP = OutputCapture.OUTPUT_CAP;
    static final String CUT_MARKER = OutputCapture.CUT_MARKER;
    /** How long the output may still flow after the program ended (a background child may hold the pipe). */
    static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);

    private static final List<String> SEARCH_PATH =
            List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    public static Optional<Path> which(String program) {
        return SEARCH_PATH.stream().map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
    }

    public CommandResult run(List<String> argv, Duration timeout) {
        return run(argv, timeout, null);
    }

    public CommandResult run(List<String> argv, Duration timeout, byte[] stdin) {
        Process process = startProcess(argv, false);
        OutputCapture out = OutputCapture.of(process.getInputStream(), "command-stdout-" + process.pid());
        OutputCapture err = OutputCapture.of(process.getErrorStream(), "command-stderr-" + process.pid());
        feed(process, stdin);
        boolean finished = waitFor(process, timeout);
        if (!finished) {
            ProcessTree.kill(process);
        }
        return new CommandResult(finished ? process.exitValue() : -1, out.text(OUTPUT_GRACE), err.text(OUTPUT_GRACE),
                !finished);
    }

    /** Starts a program whose merged output is handed over line by line while it runs. */
    public RunningCommand start(List<String> argv, Duration timeout, Consumer<String> lineSink) {
        return new RunningCommand(startProcess(argv, true), timeout, lineSink);
    }

    private static Process startProcess(List<String> argv, boolean mergeErrors) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        try {
            return new ProcessBuilder(argv).redirectErrorStream(mergeErrors).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        }
    }

    /**
     * On a thread of its own: a program that does not read its input would otherwise block the write
     * on a full pipe before the timeout is even started. Killing the program ends the write.
     */
    private static void feed(Process process, byte[] stdin) {
        Thread writer = new Thread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            } catch (IOException e) {
                // the program exited without reading its input; its exit code tells the rest
            }
        }, "command-stdin-" + process.pid());
        writer.setDaemon(true);
        writer.start();
    }

    static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
