package io.miniman.system.backup;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.miniman.backup.BackupPart;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads an uploaded archive ({@code .tar.gz} or {@code .zip}, told apart by their first bytes) and refuses
 * it, with the reason, unless every check passes: plain files only (no links, devices, pipes), names that
 * stay inside the archive, the archive and the sum of its unpacked entries under their limits (counted
 * while inflating, so a small archive that unpacks to a gigabyte stops at the limit, whatever its headers
 * claim), a manifest of a format this console reads, and every entry matching its SHA-256. Nothing is
 * written: entries are held in memory, which the unpacked limit bounds.
 */
final class BackupReader {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.@+-]{1,128}");
    private static final int MAX_DEPTH = 4;
    private static final int TYPE_BITS = 0170000;
    private static final int REGULAR = 0100000;
    private static final int DIRECTORY = 0040000;

    private final long archiveLimit;
    private final long unpackedLimit;
    private final Map<String, BackupPart> parts;

    BackupReader(long archiveLimit, long unpackedLimit, Collection<? extends BackupPart> parts) {
        this.archiveLimit = archiveLimit;
        this.unpackedLimit = unpackedLimit;
        this.parts = parts.stream().collect(Collectors.toMap(BackupPart::name, Function.identity()));
    }

    BackupContents read(Path archive) {
        Map<String, byte[]> files = readEntries(archive);
        byte[] manifestBytes = files.remove(BackupManifest.NAME);
        if (manifestBytes == null) {
            throw new BackupRefusedException("This is not a Mini Manager backup: it has no " + BackupManifest.NAME + ".");
        }
        BackupManifest manifest = BackupManifest.parse(manifestBytes);
        if (manifest.format() > BackupManifest.FORMAT) {
            throw new BackupRefusedException("This backup was made by a newer console (archive format " + manifest.format()
                    + "; this console reads up to " + BackupManifest.FORMAT + "). Update this console first, then restore.");
        }
        if (manifest.format() < 1) {
            throw new BackupRefusedException("Unknown archive format " + manifest.format() + ".");
        }
        checkSums(manifest, files);
        return contents(manifest, files);
    }

    private static void checkSums(BackupManifest manifest, Map<String, byte[]> files) {
        for (String name : files.keySet()) {
            if (!manifest.entries().containsKey(name)) {
                throw new BackupRefusedException("The entry '" + name + "' is not listed in the manifest: the archive was changed.");
            }
        }
        for (Map.Entry<String, String> listed : manifest.entries().entrySet()) {
            byte[] bytes = files.get(listed.getKey());
            if (bytes == null) {
                throw new BackupRefusedException("The entry '" + listed.getKey() + "' named in the manifest is missing.");
            }
            if (!Sha256.hex(bytes).equalsIgnoreCase(listed.getValue())) {
                throw new BackupRefusedException("The entry '" + listed.getKey()
                        + "' does not match its checksum: the archive was changed or damaged.");
            }
        }
    }

    private BackupContents contents(BackupManifest manifest, Map<String, byte[]> files) {
        Map<String, Map<String, byte[]>> byPart = new TreeMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            int slash = file.getKey().indexOf('/');
            String part = slash < 0 ? "" : file.getKey().substring(0, slash);
            if (!manifest.parts().containsKey(part)) {
                throw new BackupRefusedException("The entry '" + file.getKey() + "' belongs to no part of the manifest.");
            }
            byPart.computeIfAbsent(part, p -> new TreeMap<>()).put(file.getKey().substring(slash + 1), file.getValue());
        }
        Map<String, Map<String, byte[]>> known = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        manifest.parts().keySet().stream().sorted(Comparator.comparingInt(this::order).thenComparing(p -> p))
                .forEach(name -> {
                    BackupPart part = parts.get(name);
                    Map<String, byte[]> entries = byPart.getOrDefault(name, Map.of());
                    if (part == null) {
                        unknown.add(name);
                    } else {
                        known.put(name, current(part, manifest.parts().get(name), entries));
                    }
                });
        return new BackupContents(manifest, known, unknown);
    }

    private int order(String name) {
        BackupPart part = parts.get(name);
        return part == null ? Integer.MAX_VALUE : part.restoreOrder();
    }

    private static Map<String, byte[]> current(BackupPart part, int version, Map<String, byte[]> entries) {
        if (version > part.version()) {
            throw new BackupRefusedException(part.title() + " in this backup were written by a newer console (version "
                    + version + "; this console reads up to " + part.version() + "). Update this console first.");
        }
        if (version == part.version()) {
            return entries;
        }
        try {
            return part.migrate(version, entries);
        } catch (IllegalArgumentException e) {
            throw new BackupRefusedException(e.getMessage(), e);
        }
    }

    private Map<String, byte[]> readEntries(Path archive) {
        try {
            long size = Files.size(archive);
            if (size > archiveLimit) {
                throw new BackupRefusedException("The archive has " + size + " bytes; at most " + archiveLimit + " are accepted.");
            }
            byte[] head = new byte[4];
            int read;
            try (InputStream in = Files.newInputStream(archive)) {
                read = in.readNBytes(head, 0, head.length);
            }
            if (read >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
                return readTarGz(archive);
            }
            if (read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return readZip(archive);
            }
            throw new BackupRefusedException("This is not a backup archive: a .tar.gz or .zip made by Mini Manager is expected.");
        } catch (EOFException e) {
            throw new BackupRefusedException("The archive ends early: the upload was cut short or the file is incomplete.", e);
        } catch (IOException e) {
            throw new BackupRefusedException("The archive is damaged or incomplete (" + e.getMessage() + ").", e);
        }
    }

    private Map<String, byte[]> readTarGz(Path archive) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Budget budget = new Budget();
        try (InputStream raw = Files.newInputStream(archive);
                GzipCompressorInputStream gzip = new GzipCompressorInputStream(raw);
                TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = checkedName(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                if (entry.isSymbolicLink() || entry.isLink()) {
                    throw new BackupRefusedException("The entry '" + name + "' is a link; a backup holds plain files only.");
                }
                byte type = entry.getLinkFlag();
                // isFile() alone also says yes to devices and pipes: only the plain-file type flags pass
                if (type != TarArchiveEntry.LF_NORMAL && type != TarArchiveEntry.LF_OLDNORM && type != TarArchiveEntry.LF_CONTIG) {
                    throw new BackupRefusedException("The entry '" + name + "' is a device, pipe or other special file; a backup holds plain files only.");
                }
                budget.expect(entry.getSize());
                put(files, name, budget.read(tar));
            }
            // the gzip trailer's CRC is checked only when the stream is read to its end
            budget.read(gzip);
        }
        return files;
    }

    private Map<String, byte[]> readZip(Path archive) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Budget budget = new Budget();
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                String name = checkedName(entry.getName());
                int type = entry.getUnixMode() & TYPE_BITS;
                if (entry.isUnixSymlink()) {
                    throw new BackupRefusedException("The entry '" + name + "' is a link; a backup holds plain files only.");
                }
                if (entry.isDirectory() || type == DIRECTORY) {
                    continue;
                }
                if (type != 0 && type != REGULAR) {
                    throw new BackupRefusedException("The entry '" + name + "' is a device, pipe or other special file; a backup holds plain files only.");
                }
                budget.expect(entry.getSize());
                try (InputStream in = zip.getInputStream(entry)) {
                    put(files, name, budget.read(in));
                }
            }
        }
        return files;
    }

    private static void put(Map<String, byte[]> files, String name, byte[] bytes) {
        if (files.putIfAbsent(name, bytes) != null) {
            throw new BackupRefusedException("The entry '" + name + "' appears twice.");
        }
    }

    /** The entry's name, refused when it could point outside the folder it would be unpacked into. */
    static String checkedName(String raw) {
        String name = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        if (name.startsWith("/") || name.contains("\\") || name.matches("[A-Za-z]:.*")) {
            throw new BackupRefusedException("The entry '" + printable(raw) + "' has an absolute path; a backup holds relative names only.");
        }
        String[] segments = name.split("/", -1);
        for (String segment : segments) {
            if (segment.equals("..")) {
                throw new BackupRefusedException("The entry '" + printable(raw) + "' climbs out of the archive ('..').");
            }
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".")) {
                throw new BackupRefusedException("The entry '" + printable(raw) + "' has an unexpected name.");
            }
        }
        if (segments.length > MAX_DEPTH) {
            throw new BackupRefusedException("The entry '" + printable(raw) + "' is nested too deep.");
        }
        return name;
    }

    private static String printable(String raw) {
        String cut = raw.length() > 120 ? raw.substring(0, 120) + "…" : raw;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** The unpacked bytes still allowed; reading stops the moment the archive asks for more. */
    private final class Budget {
        private long left = unpackedLimit;

        void expect(long declared) {
            if (declared > left) {
                throw tooLarge();
            }
        }

        byte[] read(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                left -= n;
                if (left < 0) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }

        private BackupRefusedException tooLarge() {
            return new BackupRefusedException("The archive unpacks to more than " + unpackedLimit
                    + " bytes, the most accepted; reading stopped there.");
        }
    }
}
