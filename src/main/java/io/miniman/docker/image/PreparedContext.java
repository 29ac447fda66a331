package io.miniman.docker.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A build context checked and staged on disk while its upload request is still open, so that the build
 * itself can run later as an operation. Closing it deletes the staged file.
 */
public final class PreparedContext implements AutoCloseable {

    private final Path file;
    private final String description;

    PreparedContext(Path file, String description) {
        this.file = file;
        this.description = description;
    }

    Path file() {
        return file;
    }

    /** The uploaded file's name, or "typed Dockerfile". */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file the OS cleans up later
        }
    }
}
