package io.miniman.docker.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Turns a build source into a temporary file the engine accepts (tar or tar.gz), checking first that it is
 * an archive at all and not over the size limit, so a bad upload fails here with a clear message instead
 * of half-way through a build. The caller deletes the file.
 */
final class BuildContextFile {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final int TAR_MAGIC_OFFSET = 257;

    private BuildContextFile() {
    }

    static Path prepare(BuildSource source, long limit) throws IOException {
        if (source instanceof BuildSource.Dockerfile d) {
            return dockerfileOnly(d.text());
        }
        return fromUpload((BuildSource.Upload) source, limit);
    }

    private static Path dockerfileOnly(String text) throws IOException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The Dockerfile is empty");
        }
        Path tar = Files.createTempFile("miniman-build", ".tar");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
            entry.setSize(bytes.length);
            out.putArchiveEntry(entry);
            out.write(bytes);
            out.closeArchiveEntry();
        }
        return tar;
    }

    private static Path fromUpload(BuildSource.Upload upload, long limit) throws IOException {
        Path raw = Files.createTempFile("miniman-upload", ".bin");
        try {
            copyWithin(upload.data(), raw, limit, upload.fileName());
            byte[] head = readHead(raw, 512);
            if (startsWith(head, ZIP)) {
                return zipToTar(raw, limit, upload.fileName());
            }
            boolean gzip = head.length > 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            byte[] tarHead = gzip ? gunzipHead(raw) : head;
            if (!isTar(tarHead)) {
                throw new IllegalArgumentException("'" + upload.fileName() + "' is not a tar, tar.gz or zip archive");
            }
            Path context = raw;
            raw = null;
            return context;
        } finally {
            if (raw != null) {
                Files.deleteIfExists(raw);
            }
        }
    }

    private static void copyWithin(InputStream in, Path target, long limit, String name) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw new IllegalArgumentException("'" + name + "' is over the build context limit of " + mib(limit));
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static Path zipToTar(Path zip, long limit, String name) throws IOException {
        Path tar = Files.createTempFile("miniman-build", ".tar");
        long total = 0;
        try (ZipFile zipFile = ZipFile.builder().setPath(zip).get();
             TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (ZipArchiveEntry entry : java.util.Collections.list(zipFile.getEntries())) {
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getName());
                if (!entry.isDirectory()) {
                    total += entry.getSize();
                    // a zip bomb must not fill the disk: the unpacked size counts against the limit too
                    if (entry.getSize() < 0 || total > limit) {
                        throw new IllegalArgumentException("'" + name + "' unpacks to more than the build context limit of " + mib(limit));
                    }
                    tarEntry.setSize(entry.getSize());
                }
                int unixMode = entry.getUnixMode();
                if (unixMode != 0) {
                    tarEntry.setMode(unixMode);
                }
                out.putArchiveEntry(tarEntry);
                if (!entry.isDirectory()) {
                    try (InputStream in = zipFile.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeArchiveEntry();
            }
            out.finish();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tar);
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException("'" + name + "' is not a readable zip archive: " + e.getMessage());
        }
        return tar;
    }

    private static byte[] readHead(Path file, int size) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(size);
        }
    }

    private static byte[] gunzipHead(Path file) {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return in.readNBytes(512);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean isTar(byte[] head) {
        return head.length >= TAR_MAGIC_OFFSET + 5
                && Arrays.equals(Arrays.copyOfRange(head, TAR_MAGIC_OFFSET, TAR_MAGIC_OFFSET + 5),
                "ustar".getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }

    private static String mib(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }
}
