package io.miniman.docker.container;

/** A command run once in a container: its exit code and its output (stdout and stderr, capped). */
public record ExecResult(int exitCode, String output, boolean truncated) {
}
