package io.miniman.docker.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * What an uploaded archive is, told by its first bytes rather than its name. Plain tar and gzip are
 * read here and by the engine. zstd is refused: the one maintained Java reader (zstd-jni) unpacks a
 * native library into the temp folder at first use, which is noexec on the box, and Debian's engine
 * (20.10) cannot load it either.
 */
enum Compression {
    TAR, GZIP;

    private static final int TAR_MAGIC_OFFSET = 257;

    static Compression of(Path file, String name) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
                && (head[3] & 0xff) == 0xfd) {
            throw new IllegalArgumentException("'" + name + "' is zstd-compressed: unpack it to .tar or recompress it"
                    + " as .tar.gz (zstd -d, then gzip)");
        }
        if (head.length > TAR_MAGIC_OFFSET + 5 && new String(head, TAR_MAGIC_OFFSET, 5, java.nio.charset.StandardCharsets.US_ASCII)
                .equals("ustar")) {
            return TAR;
        }
        throw new IllegalArgumentException("'" + name + "' is not a tar or tar.gz archive");
    }

    /** The tar stream inside. */
    InputStream open(InputStream raw) throws IOException {
        InputStream buffered = new BufferedInputStream(raw, 64 * 1024);
        return this == GZIP ? new GzipCompressorInputStream(buffered, true) : buffered;
    }

    /** Reads an entry's bytes; fewer than its header says means the archive was cut short. */
    static void readWhole(org.apache.commons.compress.archivers.tar.TarArchiveInputStream tar,
            org.apache.commons.compress.archivers.tar.TarArchiveEntry entry) throws IOException {
        long read = tar.transferTo(java.io.OutputStream.nullOutputStream());
        if (entry.isFile() && read != entry.getSize()) {
            throw new java.io.EOFException("'" + entry.getName() + "' ends after " + read + " of its " + entry.getSize() + " bytes");
        }
    }
}
