package io.miniman.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.CRC32;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Rewrites the extracted libraries with their resources stored rather than deflated; class files keep their
 * compression, copied as they are. The JDK keeps, for each jar it has read a deflated entry from, a zlib
 * inflater with its 32 kB window for as long as the jar is open, and a running console keeps all 179 open
 * and reads resources from most of them: 2 MB of private memory at idle (147.7-147.9 MB against 149.8-149.9
 * in the footprint bench), for 30 MB more on disk. Classes come from the class-data archive, so few are
 * inflated after start. install.sh and miniman-update run it on the fresh extraction, before the archive
 * is recorded (the archive checks each jar's size and time), as a plain main class of the extracted jar:
 * {@code java -cp app/miniman.jar io.miniman.update.StoredResources app/lib}. Not a verb of the jar: an
 * older release staged as an update has no such verb and would start its whole context to say so, while
 * a missing class fails at once, and the update goes on with the libraries as extracted.
 */
public final class StoredResources {

    private StoredResources() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -cp miniman.jar " + StoredResources.class.getName() + " LIB_FOLDER");
            return 2;
        }
        try {
            System.out.println("stored the resources of " + rewrite(Path.of(args[0])) + " jars");
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("storing the resources failed: " + e.getMessage());
            return 1;
        }
    }

    /** Each jar of {@code folder}, rewritten beside itself and renamed over it, so none is ever half-written. */
    static int rewrite(Path folder) throws IOException {
        int jars = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path jar : files) {
                Path next = jar.resolveSibling(jar.getFileName() + ".stored");
                try {
                    rewrite(jar, next);
                    Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(next);
                }
                jars++;
            }
        }
        return jars;
    }

    private static void rewrite(Path jar, Path next) throws IOException {
        try (ZipFile in = ZipFile.builder().setPath(jar).get();
                ZipArchiveOutputStream out = new ZipArchiveOutputStream(next)) {
            for (Enumeration<ZipArchiveEntry> entries = in.getEntriesInPhysicalOrder(); entries.hasMoreElements();) {
                ZipArchiveEntry entry = entries.nextElement();
                if (entry.isDirectory() || entry.getName().endsWith(".class") || entry.getMethod() == ZipArchiveEntry.STORED) {
                    try (InputStream raw = in.getRawInputStream(entry)) {
                        out.addRawArchiveEntry(entry, raw);
                    }
                } else {
                    byte[] data;
                    try (InputStream inflated = in.getInputStream(entry)) {
                        data = inflated.readAllBytes();
                    }
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    ZipArchiveEntry stored = new ZipArchiveEntry(entry);
                    stored.setMethod(ZipArchiveEntry.STORED);
                    stored.setSize(data.length);
                    stored.setCompressedSize(data.length);
                    stored.setCrc(crc.getValue());
                    out.putArchiveEntry(stored);
                    out.write(data);
                    out.closeArchiveEntry();
                }
            }
        }
    }
}
