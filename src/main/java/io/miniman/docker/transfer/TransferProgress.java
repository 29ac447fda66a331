package io.miniman.docker.transfer;

/** Where a running transfer stands: bytes so far of {@code total} (0 when unknown), and its last message. */
public record TransferProgress(long bytes, long total, String message) {
}
