package io.miniman.docker.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder uploads land in before the engine reads them: on the data disk, never in /tmp. A
 * file is written as {@code *.part} and only handed on when it arrived whole; whatever fails (the
 * limit, a full disk, a phone that went away) deletes it, and files a crash left are swept at start.
 */
public final class TransferFolder {

    private static final Logger log = LoggerFactory.getLogger(TransferFolder.class);
    private static final int BUFFER = 64 * 1024;

    private final Path dir;

    public TransferFolder(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "*.part")) {
                for (Path file : leftovers) {
                    Files.deleteIfExists(file);
                    log.info("removed {} left by an interrupted upload", file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the transfer folder " + dir, e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Free bytes where uploads land. */
    public long usable() {
        return usable(dir);
    }

    /** Free bytes on the file system of {@code path} (or of its nearest existing parent). */
    public static long usable(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? Long.MAX_VALUE : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            // not readable by us (e.g. the engine's root): the engine will say so itself if it runs out
            return Long.MAX_VALUE;
        }
    }

    /** Refuses before anything is written when {@code needed} bytes would not fit (or pass {@code limit}). */
    public void requireRoom(String what, long needed, long limit) {
        if (needed > limit) {
            throw new IllegalArgumentException(what + " is " + Bytes.text(needed) + ", over the limit of " + Bytes.text(limit));
        }
        long free = usable();
        if (needed > free) {
            throw new IllegalArgumentException(what + " needs " + Bytes.text(needed) + " but only " + Bytes.text(free)
                    + " are free in " + dir);
        }
    }

    /**
     * Writes an upload to a file of its own. {@code declaredSize} (negative when unknown) is checked
     * against the limit and the free space before the first byte; the bytes that really come are
     * counted against the limit too, since a client may declare anything.
     */
    public Spooled receive(String fileName, long declaredSize, long limit, InputStream in, Transfer transfer) {
        requireRoom("'" + fileName + "'", Math.max(0, declaredSize), limit);
        Path part = null;
        try {
            part = Files.createTempFile(dir, "upload-", ".part");
            long total = 0;
            byte[] buffer = new byte[BUFFER];
            try (OutputStream out = Files.newOutputStream(part)) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    transfer.checkCancelled();
                    total += n;
                    if (total > limit) {
                        throw new IllegalArgumentException("'" + fileName + "' is over the limit of " + Bytes.text(limit));
                    }
                    out.write(buffer, 0, n);
                    transfer.advance(n);
                }
            }
            Spooled spooled = new Spooled(part, fileName, total);
            part = null;
            return spooled;
        } catch (IOException e) {
            throw new UncheckedIOException("receiving '" + fileName + "' failed: " + Bytes.reason(e), e);
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // swept at the next start
                }
            }
        }
    }
}
