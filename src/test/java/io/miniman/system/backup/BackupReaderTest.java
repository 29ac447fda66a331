package io.miniman.system.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.miniman.backup.BackupPart;
import io.miniman.backup.PartPreview;
import io.miniman.backup.RestoreContext;
import io.miniman.system.backup.BackupWriter.VersionedEntries;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive reader against archives made here: a good one in both formats, then each bad one refused with its reason. */
class BackupReaderTest {

    private static final long MiB = 1024 * 1024;
    private static final Instant TIME = Instant.parse("2026-11-29T10:00:00Z");
    private static final Map<String, byte[]> NOTES = Map.of("notes.txt", bytes("hello"), "sub/more.txt", bytes("more"));

    @TempDir
    Path dir;

    /** A part of this test only, so the reader is judged on its own; version 2 reads version 1 by renaming. */
    static final class NotesPart implements BackupPart {
        @Override
        public String name() {
            return "notes";
        }

        @Override
        public String title() {
            return "Notes";
        }

        @Override
        public int version() {
            return 2;
        }

        @Override
        public Map<String, byte[]> migrate(int fromVersion, Map<String, byte[]> entries) {
            Map<String, byte[]> out = new TreeMap<>();
            entries.forEach((name, bytes) -> out.put(name.replace("old-", ""), bytes));
            return out;
        }

        @Override
        public Map<String, byte[]> export() {
            return NOTES;
        }

        @Override
        public PartPreview preview(Map<String, byte[]> entries) {
            return new PartPreview("", "", List.of(), List.of());
        }

        @Override
        public String restore(Map<String, byte[]> entries, RestoreContext context) {
            return "";
        }
    }

    private final BackupReader reader = new BackupReader(4 * MiB, 16 * MiB, List.of(new NotesPart()));

    @Test
    void aGoodTarGzIsReadWithItsManifest() throws IOException {
        BackupContents contents = reader.read(good());
        assertThat(contents.manifest().hostName()).isEqualTo("box-a");
        assertThat(contents.manifest().entries()).containsKeys("notes/notes.txt", "notes/sub/more.txt");
        assertThat(contents.parts().get("notes")).containsOnlyKeys("notes.txt", "sub/more.txt");
        assertThat(contents.parts().get("notes").get("notes.txt")).isEqualTo(bytes("hello"));
        assertThat(contents.unknownParts()).isEmpty();
    }

    @Test
    void aZipWithTheSameEntriesReadsTheSame() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(BackupManifest.NAME, manifest(2, Map.of("notes/notes.txt", bytes("hello"))).toJson());
        files.put("notes/", new byte[0]);
        files.put("notes/notes.txt", bytes("hello"));
        Path zip = zip(files, Map.of());
        assertThat(reader.read(zip).parts().get("notes").get("notes.txt")).isEqualTo(bytes("hello"));
    }

    @Test
    void oneChangedByteIsRefused() throws IOException {
        byte[] archive = Files.readAllBytes(good());
        byte[] tampered = archive.clone();
        tampered[archive.length / 2] ^= 0x01;
        assertRefused(write("tampered.tar.gz", tampered), "damaged");
    }

    @Test
    void anEntryChangedAfterItsChecksumWasTakenIsRefused() throws IOException {
        BackupManifest manifest = manifest(2, Map.of("notes/notes.txt", bytes("hello")));
        Path archive = tarGz(Map.of(BackupManifest.NAME, manifest.toJson(), "notes/notes.txt", bytes("hellO")));
        assertRefused(archive, "'notes/notes.txt' does not match its checksum");
    }

    @Test
    void anEntryTheManifestDoesNotListIsRefused() throws IOException {
        BackupManifest manifest = manifest(2, Map.of("notes/notes.txt", bytes("hello")));
        Path archive = tarGz(Map.of(BackupManifest.NAME, manifest.toJson(), "notes/notes.txt", bytes("hello"),
                "notes/extra.txt", bytes("x")));
        assertRefused(archive, "'notes/extra.txt' is not listed in the manifest");
    }

    @Test
    void zipSlipEntriesAreRefusedInBothFormats() throws IOException {
        assertRefused(tarGz(Map.of("notes/../../etc/cron.d/evil", bytes("x"))), "climbs out of the archive");
        assertRefused(zip(Map.of("../../etc/passwd", bytes("x")), Map.of()), "climbs out of the archive");
        assertRefused(tarGz(Map.of("/etc/passwd", bytes("x"))), "absolute path");
        assertRefused(zip(Map.of("C:/Windows/evil", bytes("x")), Map.of()), "absolute path");
        assertRefused(zip(Map.of("notes\\..\\evil", bytes("x")), Map.of()), "climbs out of the archive");
    }

    @Test
    void linksAndDevicesAreRefused() throws IOException {
        assertRefused(tarWith(entry -> {
            TarArchiveEntry link = new TarArchiveEntry("notes/link", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/shadow");
            return link;
        }), "'notes/link' is a link");
        assertRefused(tarWith(entry -> {
            TarArchiveEntry hard = new TarArchiveEntry("notes/hard", TarArchiveEntry.LF_LINK);
            hard.setLinkName("notes/notes.txt");
            return hard;
        }), "'notes/hard' is a link");
        assertRefused(tarWith(entry -> new TarArchiveEntry("notes/null", TarArchiveEntry.LF_CHR)), "device");
        assertRefused(zip(Map.of("notes/link", bytes("/etc/shadow")), Map.of("notes/link", 0120777)), "'notes/link' is a link");
    }

    @Test
    void aGigabyteUnpackedFromAMegabyteIsRefusedWhileReading() throws IOException {
        Path bomb = dir.resolve("bomb.tar.gz");
        byte[] zeros = new byte[(int) MiB];
        try (OutputStream file = Files.newOutputStream(bomb);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            // 1024 entries of 1 MiB: each is under the limit alone, so only counting while reading stops it
            for (int i = 0; i < 1024; i++) {
                TarArchiveEntry entry = new TarArchiveEntry("notes/zeros-" + i);
                entry.setSize(zeros.length);
                tar.putArchiveEntry(entry);
                tar.write(zeros);
                tar.closeArchiveEntry();
            }
        }
        assertThat(Files.size(bomb)).isLessThan(2 * MiB);
        assertRefused(bomb, "unpacks to more than " + 16 * MiB + " bytes");
    }

    @Test
    void anArchiveOverTheLimitIsRefusedBeforeItIsOpened() throws IOException {
        byte[] big = new byte[(int) (4 * MiB + 1)];
        big[0] = 0x1f;
        big[1] = (byte) 0x8b;
        assertRefused(write("big.tar.gz", big), "at most " + 4 * MiB + " are accepted");
    }

    @Test
    void foreignFilesAreRefused() throws IOException {
        assertRefused(write("notes.txt", bytes("just some text")), "not a backup archive");
        assertRefused(tarGz(Map.of("etc/hosts", bytes("127.0.0.1 localhost"))), "it has no manifest.json");
        assertRefused(tarGz(Map.of(BackupManifest.NAME, bytes("{\"name\":\"other tool\"}"))), "not a Mini Manager manifest");
    }

    @Test
    void aTruncatedUploadIsRefused() throws IOException {
        byte[] archive = Files.readAllBytes(good());
        assertRefused(write("cut.tar.gz", Arrays.copyOf(archive, archive.length / 2)), "incomplete");
    }

    @Test
    void aNewerFormatIsRefusedAndAnOlderPartIsMigrated() throws IOException {
        BackupManifest newer = new BackupManifest(BackupManifest.FORMAT + 1, "9.0", "box-b", TIME, Map.of("notes", 2), Map.of());
        assertRefused(tarGz(Map.of(BackupManifest.NAME, newer.toJson())), "made by a newer console (archive format 2");
        BackupManifest newerPart = manifest(3, Map.of());
        assertRefused(tarGz(Map.of(BackupManifest.NAME, newerPart.toJson())), "Notes in this backup were written by a newer console");

        BackupManifest older = manifest(1, Map.of("notes/old-notes.txt", bytes("hi")));
        BackupContents contents = reader.read(tarGz(Map.of(BackupManifest.NAME, older.toJson(), "notes/old-notes.txt", bytes("hi"))));
        assertThat(contents.parts().get("notes")).containsOnlyKeys("notes.txt");
    }

    @Test
    void aPartThisConsoleDoesNotKnowIsListedNotRead() throws IOException {
        Map<String, byte[]> files = new TreeMap<>(Map.of("alerts/rules.json", bytes("[]")));
        Map<String, String> sums = new TreeMap<>();
        files.forEach((name, bytes) -> sums.put(name, Sha256.hex(bytes)));
        BackupManifest manifest = new BackupManifest(1, "0.2", "box-a", TIME, Map.of("alerts", 1), sums);
        files.put(BackupManifest.NAME, manifest.toJson());
        BackupContents contents = reader.read(tarGz(files));
        assertThat(contents.unknownParts()).containsExactly("alerts");
        assertThat(contents.parts()).isEmpty();
    }

    private void assertRefused(Path archive, String reason) {
        assertThatThrownBy(() -> reader.read(archive)).isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining(reason);
    }

    private Path good() throws IOException {
        Path file = dir.resolve("good.tar.gz");
        try (OutputStream out = Files.newOutputStream(file)) {
            BackupWriter.write(out, "0.1", "box-a", TIME, Map.of("notes", new VersionedEntries(2, NOTES)));
        }
        return file;
    }

    private static BackupManifest manifest(int partVersion, Map<String, byte[]> files) {
        Map<String, String> sums = new TreeMap<>();
        files.forEach((name, bytes) -> sums.put(name, Sha256.hex(bytes)));
        return new BackupManifest(1, "0.1", "box-a", TIME, Map.of("notes", partVersion), sums);
    }

    private Path tarGz(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey(), true);
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        }
        return write("made.tar.gz", out.toByteArray());
    }

    private Path tarWith(java.util.function.Function<Void, TarArchiveEntry> special) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.putArchiveEntry(special.apply(null));
            tar.closeArchiveEntry();
        }
        return write("special.tar.gz", out.toByteArray());
    }

    private Path zip(Map<String, byte[]> files, Map<String, Integer> modes) throws IOException {
        Path file = dir.resolve("made.zip");
        Files.deleteIfExists(file);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                ZipArchiveEntry z = new ZipArchiveEntry(entry.getKey());
                if (modes.containsKey(entry.getKey())) {
                    z.setUnixMode(modes.get(entry.getKey()));
                }
                zip.putArchiveEntry(z);
                zip.write(entry.getValue());
                zip.closeArchiveEntry();
            }
        }
        return file;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
