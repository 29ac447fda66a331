package io.miniman.host;

/** What a finished command left behind; both streams are already capped by {@link CommandRunner}. */
public record CommandResult(int exitCode, String stdout, String stderr, boolean timedOut) {

    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** The most useful single line to show a user when the command failed. */
    public String failureText() {
        if (timedOut) {
            return "timed out";
        }
        String text = stderr.isBlank() ? stdout : stderr;
        return text.isBlank() ? "exit code " + exitCode : text.strip();
    }
}
