package io.miniman.docker.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An upload received in full into the transfer folder; closing it deletes the file. */
public record Spooled(Path file, String fileName, long size) implements AutoCloseable {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the folder is swept at the next start
        }
    }
}
