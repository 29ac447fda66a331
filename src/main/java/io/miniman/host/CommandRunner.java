package io.miniman.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/**
 * Runs programs as argument lists (never through a shell), with a timeout and capped output, so a
 * runaway or chatty program can neither hang a request nor fill the heap of a 1 GB box.
 */
@Component
public class CommandRunner {

    static final int OUTPUT_CAP = 64 * 1024;
    static final String CUT_MARKER = "\n[output cut at 64 KiB]";

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
        CompletableFuture<String> out = capture(process.getInputStream());
        CompletableFuture<String> err = capture(process.getErrorStream());
        feed(process, stdin);
        boolean finished = waitFor(process, timeout);
        if (!finished) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(5));
        }
        return new CommandResult(finished ? process.exitValue() : -1, out.join(), err.join(), !finished);
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

    private static void feed(Process process, byte[] stdin) {
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException e) {
            // the program exited without reading its input; its exit code tells the rest
        }
    }

    static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    private static CompletableFuture<String> capture(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> readCapped(stream));
    }

    static String readCapped(InputStream stream) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean cut = false;
        try (stream) {
            int n;
            while ((n = stream.read(buffer)) != -1) {
                int room = OUTPUT_CAP - kept.size();
                if (room > 0) {
                    kept.write(buffer, 0, Math.min(room, n));
                }
                // keep draining past the cap, or the program blocks on a full pipe
                cut |= n > room;
            }
        } catch (IOException e) {
            cut = true;
        }
        String text = kept.toString(StandardCharsets.UTF_8);
        return cut ? text + CUT_MARKER : text;
    }
}
