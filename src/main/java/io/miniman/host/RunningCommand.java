package io.miniman.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/** A program started by {@link CommandRunner#start}; its output lines go to the sink as they come. */
public final class RunningCommand implements AutoCloseable {

    private static final int MAX_LINE = 4096;

    private final Process process;
    private final Duration timeout;
    private final Thread reader;

    RunningCommand(Process process, Duration timeout, Consumer<String> lineSink) {
        this.process = process;
        this.timeout = timeout;
        this.reader = new Thread(() -> pump(lineSink), "command-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // nothing to feed; a program that wanted input sees end of file either way
        }
    }

    private void pump(Consumer<String> sink) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                sink.accept(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line);
            }
        } catch (IOException e) {
            // the process was cancelled; its end is reported by waitFor
        }
    }

    /** Waits for the end (or the timeout) and for the last line to reach the sink; -1 when timed out or cancelled. */
    public int waitFor() {
        boolean finished = CommandRunner.waitFor(process, timeout);
        if (!finished) {
            cancel();
        }
        try {
            reader.join(CommandRunner.OUTPUT_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return finished ? process.exitValue() : -1;
    }

    public void cancel() {
        if (process.isAlive()) {
            ProcessTree.kill(process);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        cancel();
    }
}
