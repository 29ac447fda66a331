package io.miniman.docker.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A volume archive read to its end before the volume is touched. Refused: names that climb out
 * ({@code ../}) or start at {@code /}, symbolic links that point outside the volume (absolute, or
 * climbing above its top), hard links to anything the archive did not hold before, device files,
 * more than {@code limit} bytes unpacked or more than a million entries (a size bomb fills the
 * disk in either way), and an archive that is cut short.
 *
 * @param entries       how many entries it holds
 * @param unpackedBytes the size of its files
 */
public record VolumeArchive(long entries, long unpackedBytes) {

    private static final long ENTRY_LIMIT = 1_000_000;

    static VolumeArchive read(Path file, String name, long limit, Transfer transfer) throws IOException {
        Compression compression = Compression.of(file, name);
        Set<String> seen = new HashSet<>();
        long entries = 0;
        long unpacked = 0;
        try (InputStream raw = transfer.metered(Files.newInputStream(file));
             TarArchiveInputStream tar = new TarArchiveInputStream(compression.open(raw))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String path = inside(name, entry.getName(), entry.getName());
                if (entry.isSymbolicLink()) {
                    String target = entry.getLinkName();
                    if (target.startsWith("/")) {
                        throw refused(name, "'" + entry.getName() + "' is a link to the absolute path '" + target + "'");
                    }
                    int slash = path.lastIndexOf('/');
                    inside(name, (slash < 0 ? "" : path.substring(0, slash + 1)) + target,
                            entry.getName() + " -> " + target);
                } else if (entry.isLink()) {
                    String target = inside(name, entry.getLinkName(), entry.getName() + " => " + entry.getLinkName());
                    if (!seen.contains(target)) {
                        throw refused(name, "'" + entry.getName() + "' is a hard link to '" + entry.getLinkName()
                                + "', which is not in the archive before it");
                    }
                } else if (entry.isCharacterDevice() || entry.isBlockDevice()) {
                    throw refused(name, "'" + entry.getName() + "' is a device file");
                }
                if (++entries > ENTRY_LIMIT) {
                    throw refused(name, "it holds more than " + ENTRY_LIMIT + " entries");
                }
                unpacked += Math.max(0, entry.getSize());
                if (unpacked > limit) {
                    throw refused(name, "it unpacks to more than the limit of " + Bytes.text(limit));
                }
                // reading, not skipping: a short last file shows only when its bytes are read
                Compression.readWhole(tar, entry);
                seen.add(path);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("'" + name + "' is damaged or truncated: " + Bytes.reason(e));
        }
        if (entries == 0) {
            throw refused(name, "it is empty");
        }
        return new VolumeArchive(entries, unpacked);
    }

    /** The name relative to the volume's top, or refused when it leaves it. */
    private static String inside(String archive, String name, String shown) {
        if (name.startsWith("/")) {
            throw refused(archive, "'" + shown + "' is an absolute path");
        }
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw refused(archive, "'" + shown + "' points outside the volume");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    private static IllegalArgumentException refused(String archive, String why) {
        return new IllegalArgumentException("'" + archive + "' refused: " + why);
    }
}
