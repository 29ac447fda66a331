package io.miniman.docker.image;

import java.io.InputStream;

/** Where a build's context comes from: an uploaded archive or a Dockerfile typed in the console. */
public sealed interface BuildSource {

    /** A tar, tar.gz or zip the user uploaded; {@code fileName} only names it in messages. */
    record Upload(String fileName, InputStream data) implements BuildSource {
    }

    record Dockerfile(String text) implements BuildSource {
    }
}
