package io.miniman.docker.transfer;

import static io.miniman.docker.DockerTestEngine.PREFIX;
import static io.miniman.docker.DockerTestEngine.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

import io.miniman.docker.DockerTestEngine;

/** docker save / load through the console against the real engine, and every archive it must refuse. */
@Tag("engine")
class ImageTransfersTest {

    private static final String TAG = PREFIX + "/imported:1";
    private static ImageTransfers transfers;
    private static String id;
    @TempDir
    static Path work;

    @BeforeAll
    static void image() throws IOException {
        transfers = new ImageTransfers(DockerTestEngine.engine());
        Path dir = Files.createDirectories(work.resolve("ctx"));
        // an image of its own (its id unique to this run), so loading it is a real change
        Files.writeString(dir.resolve("Dockerfile"), "FROM " + DockerTestEngine.image() + "\nRUN echo " + PREFIX + " > /made-by\n");
        assertThat(docker(List.of("build", "-q", "-t", TAG, dir.toString())).exitCode()).isZero();
        id = docker(List.of("image", "inspect", "-f", "{{.Id}}", TAG)).output().trim();
        assertThat(docker(List.of("save", "-o", work.resolve("master.tar").toString(), TAG)).exitCode()).isZero();
    }

    /** Each test starts with the image present, whatever the one before left. */
    @org.junit.jupiter.api.BeforeEach
    void present() {
        if (!tagExists()) {
            assertThat(docker(List.of("load", "-i", work.resolve("master.tar").toString())).exitCode()).isZero();
        }
    }

    @AfterAll
    static void cleanUp() {
        DockerTestEngine.cleanUp();
    }

    private static Spooled spool(Path file) throws IOException {
        TransferFolder folder = new TransferFolder(Files.createDirectories(work.resolve("spool")));
        try (InputStream in = Files.newInputStream(file)) {
            return folder.receive(file.getFileName().toString(), Files.size(file), Long.MAX_VALUE, in, Transfer.detached());
        }
    }

    private static List<String> importFile(Path file) throws IOException {
        try (Spooled upload = spool(file)) {
            Transfer transfer = Transfer.detached();
            return transfers.load(upload, transfers.check(upload, transfer), transfer);
        }
    }

    private static Path savedByCli(String name) {
        Path file = work.resolve(name);
        assertThat(docker(List.of("save", "-o", file.toString(), TAG)).exitCode()).isZero();
        return file;
    }

    private static boolean tagExists() {
        return docker(List.of("image", "inspect", TAG)).exitCode() == 0;
    }

    @Test
    void anArchiveSavedByTheCliImportsAsTheSameImageAndGzipToo() throws IOException {
        Path tar = savedByCli("cli.tar");
        Path gz = work.resolve("cli.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(tar, out);
        }
        for (Path file : List.of(tar, gz)) {
            assertThat(docker(List.of("rmi", TAG)).exitCode()).isZero();
            assertThat(importFile(file)).containsExactly(TAG);
            assertThat(docker(List.of("image", "inspect", "-f", "{{.Id}}", TAG)).output().trim()).isEqualTo(id);
        }
        assertThat(Files.list(work.resolve("spool"))).isEmpty();
    }

    @Test
    void anExportLoadsWithTheCliAsTheSameImage() throws IOException {
        Path file = work.resolve("export.tar");
        try (OutputStream out = Files.newOutputStream(file)) {
            assertThat(transfers.save(List.of(TAG), out, Transfer.detached())).isEqualTo(Files.size(file));
        }
        assertThat(docker(List.of("rmi", TAG)).exitCode()).isZero();
        DockerTestEngine.Cli loaded = docker(List.of("load", "-i", file.toString()));
        assertThat(loaded.output()).contains("Loaded image: " + TAG);
        assertThat(docker(List.of("image", "inspect", "-f", "{{.Id}}", TAG)).output().trim()).isEqualTo(id);
        assertThat(ImageTransfers.fileName(List.of(TAG, "docker.io/library/busybox:1.36"))).isEqualTo(
                PREFIX + "_imported_1+busybox_1.36.tar");
    }

    @Test
    void aFileThatIsNoArchiveIsRefused() throws IOException {
        Path file = Files.write(work.resolve("notes.txt"), "hello, not an archive".repeat(100).getBytes());
        assertThatThrownBy(() -> importFile(file)).hasMessageContaining("is not a tar or tar.gz archive");
        Path zst = Files.write(work.resolve("x.tar.zst"), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0});
        assertThatThrownBy(() -> importFile(zst)).hasMessageContaining("zstd");
        Path plain = tar("plain.tar", "hello.txt", "hi".getBytes());
        assertThatThrownBy(() -> importFile(plain)).hasMessageContaining("no manifest.json");
    }

    @Test
    void aTruncatedArchiveIsRefusedAndLeavesNoTag() throws IOException {
        Path whole = savedByCli("whole.tar");
        Path cut = work.resolve("cut.tar");
        try (InputStream in = Files.newInputStream(whole); OutputStream out = Files.newOutputStream(cut)) {
            out.write(in.readNBytes((int) (Files.size(whole) * 2 / 3)));
        }
        assertThat(docker(List.of("rmi", TAG)).exitCode()).isZero();
        assertThatThrownBy(() -> importFile(cut)).hasMessageMatching("(?s).*(damaged or truncated|incomplete).*");
        assertThat(tagExists()).isFalse();
        assertThat(importFile(whole)).containsExactly(TAG);
    }

    @Test
    void anArchiveNamingAnInvalidReferenceIsRefusedBeforeTheEngineSeesIt() throws IOException {
        Path whole = savedByCli("valid.tar");
        Path bad = work.resolve("bad-ref.tar");
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(whole));
             TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(bad))) {
            for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] data = in.readAllBytes();
                if (entry.getName().equals("manifest.json")) {
                    data = new String(data, StandardCharsets.UTF_8).replace(TAG, "Bad Name!:1").getBytes(StandardCharsets.UTF_8);
                    entry.setSize(data.length);
                }
                out.putArchiveEntry(entry);
                out.write(data);
                out.closeArchiveEntry();
            }
        }
        assertThatThrownBy(() -> importFile(bad)).hasMessageContaining("'Bad Name!:1' that is no valid reference");
        assertThat(docker(List.of("image", "inspect", "Bad Name!:1")).exitCode()).isNotZero();
    }

    @Test
    void aCancelledLoadLeavesNoTagBehind() throws IOException {
        Path whole = savedByCli("cancel.tar");
        assertThat(docker(List.of("rmi", TAG)).exitCode()).isZero();
        try (Spooled upload = spool(whole)) {
            Transfer transfer = Transfer.detached();
            ImageArchive archive = transfers.check(upload, transfer);
            transfer.cancel();
            assertThatThrownBy(() -> transfers.load(upload, archive, transfer)).hasMessageContaining("cancelled");
        }
        assertThat(tagExists()).isFalse();
        assertThat(importFile(whole)).containsExactly(TAG);
    }

    static Path tar(String name, String entryName, byte[] data) throws IOException {
        Path file = work.resolve(name);
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(file))) {
            TarArchiveEntry entry = new TarArchiveEntry(entryName);
            entry.setSize(data.length);
            out.putArchiveEntry(entry);
            out.write(data);
            out.closeArchiveEntry();
        }
        return file;
    }

    @Test
    void aDiskFullMidUploadIsRefusedAndLeavesNoFile() throws Exception {
        io.miniman.testsupport.Requires.root();
        Path mount = Files.createDirectories(work.resolve("tiny"));
        assertThat(new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount.toString())
                .inheritIO().start().waitFor()).isZero();
        try {
            TransferFolder folder = new TransferFolder(mount);
            // declares nothing, sends 1 MiB: the disk fills on the way
            InputStream data = new ByteArrayInputStream(new byte[1024 * 1024]);
            assertThatThrownBy(() -> folder.receive("big.tar", -1, Long.MAX_VALUE, data, Transfer.detached()))
                    .hasMessageContaining("the disk is full");
            assertThat(Files.list(mount)).isEmpty();
            assertThatThrownBy(() -> folder.receive("big.tar", 1024 * 1024, Long.MAX_VALUE, InputStream.nullInputStream(),
                    Transfer.detached())).hasMessageContaining("are free in");
            assertThatThrownBy(() -> folder.receive("big.tar", 2048, 1024, InputStream.nullInputStream(),
                    Transfer.detached())).hasMessageContaining("over the limit");
        } finally {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
        }
    }
}
