package io.miniman.docker.transfer;

import static io.miniman.docker.DockerTestEngine.docker;
import static io.miniman.docker.DockerTestEngine.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

import io.miniman.docker.DockerTestEngine;

/** Volume backup and restore against the real engine, container export and commit, and the archives a restore refuses. */
@Tag("engine")
class VolumeTransfersTest {

    private static VolumeTransfers volumes;
    private static ContainerTransfers containers;
    private static String image;
    @TempDir
    static Path work;

    @BeforeAll
    static void engine() {
        volumes = new VolumeTransfers(DockerTestEngine.engine());
        containers = new ContainerTransfers(DockerTestEngine.engine());
        image = DockerTestEngine.image();
    }

    @AfterAll
    static void cleanUp() {
        DockerTestEngine.cleanUp();
    }

    private static String sh(String volume, String script) {
        DockerTestEngine.Cli cli = docker(List.of("run", "--rm", "-v", volume + ":/v", image, "sh", "-c", script));
        assertThat(cli.exitCode()).as(cli.output()).isZero();
        return cli.output();
    }

    private static Spooled spool(Path file) throws IOException {
        TransferFolder folder = new TransferFolder(Files.createDirectories(work.resolve("spool")));
        try (InputStream in = Files.newInputStream(file)) {
            return folder.receive(file.getFileName().toString(), Files.size(file), Long.MAX_VALUE, in, Transfer.detached());
        }
    }

    private static void restore(String volume, Path file, boolean overwrite) throws IOException {
        try (Spooled upload = spool(file)) {
            VolumeArchive.read(upload.file(), upload.fileName(), 1024 * 1024, Transfer.detached());
            volumes.restore(volume, upload, overwrite, false, Transfer.detached());
        }
    }

    private static final String LISTING = "cd /v && find . | sort && stat -c '%n %a %s' data/run.sh data/secret"
            + " && readlink data/latest && cat data/latest";

    @Test
    void aVolumeComesBackWithItsFilesModesAndSymlink() throws IOException {
        String source = name("vol-src");
        sh(source, "mkdir -p /v/data/sub && echo hello > /v/data/sub/a.txt && printf '#!/bin/sh\\n' > /v/data/run.sh"
                + " && chmod 751 /v/data/run.sh && echo s > /v/data/secret && chmod 600 /v/data/secret"
                + " && ln -s sub/a.txt /v/data/latest");
        String before = sh(source, LISTING);
        Path backup = work.resolve("vol.tar.gz");
        try (OutputStream out = Files.newOutputStream(backup)) {
            volumes.backup(source, out, false, Transfer.detached());
        }
        String target = name("vol-dst");
        restore(target, backup, false);
        assertThat(sh(target, LISTING)).isEqualTo(before).contains("data/run.sh 751").contains("data/secret 600")
                .contains("sub/a.txt\nhello");
        assertThatThrownBy(() -> restore(target, backup, false)).hasMessageContaining("is not empty");
        restore(target, backup, true);
        assertThat(sh(target, LISTING)).isEqualTo(before);
    }

    @Test
    void aRunningUserIsPausedForTheCopyAndRunsAgainAfter() throws IOException {
        String volume = name("vol-used");
        sh(volume, "echo x > /v/x");
        String user = name("vol-user");
        assertThat(docker(List.of("run", "-d", "--name", user, "-v", volume + ":/v", image, "sleep", "600")).exitCode()).isZero();
        assertThat(volumes.users(volume)).extracting(VolumeUser::name).containsExactly(user);
        List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
        Transfer transfer = new Transfer(null, p -> notes.add(p.message()));
        try (OutputStream out = Files.newOutputStream(work.resolve("used.tar.gz"))) {
            volumes.backup(volume, out, true, transfer);
        }
        assertThat(notes).contains("paused " + user, "unpaused " + user);
        assertThat(docker(List.of("inspect", "-f", "{{.State.Status}}", user)).output().trim()).isEqualTo("running");
    }

    static Path archive(String name, TarArchiveEntry... entries) throws IOException {
        Path file = work.resolve(name);
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(file)))) {
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (TarArchiveEntry entry : entries) {
                out.putArchiveEntry(entry);
                for (long i = 0; i < entry.getSize(); i++) {
                    out.write('x');
                }
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    private static TarArchiveEntry file(String name, long size) {
        // true: keep a leading '/', as a hostile archive would
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(size);
        return entry;
    }

    private static TarArchiveEntry link(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(target);
        return entry;
    }

    @Test
    void archivesThatReachOutOrExplodeAreRefusedAndTheVolumeIsNotMade() throws IOException {
        String volume = name("vol-bad");
        Object[][] cases = {
                {archive("slip.tar.gz", file("../escape", 2)), "points outside the volume"},
                {archive("abs-name.tar.gz", file("/etc/passwd", 2)), "is an absolute path"},
                {archive("abs-link.tar.gz", link("etc", "/etc")), "a link to the absolute path '/etc'"},
                {archive("climb-link.tar.gz", file("a/b", 1), link("a/up", "../../..")), "points outside the volume"},
                {archive("bomb.tar.gz", file("big", 2L * 1024 * 1024)), "unpacks to more than the limit"},
        };
        for (Object[] c : cases) {
            assertThatThrownBy(() -> restore(volume, (Path) c[0], false)).hasMessageContaining((String) c[1]);
        }
        Path whole = archive("whole.tar.gz", file("a.txt", 100_000));
        Path cut = work.resolve("cut.tar.gz");
        try (InputStream in = Files.newInputStream(whole); OutputStream out = Files.newOutputStream(cut)) {
            out.write(in.readNBytes((int) Files.size(whole) / 2));
        }
        assertThatThrownBy(() -> restore(volume, cut, false)).hasMessageContaining("damaged or truncated");
        assertThat(docker(List.of("volume", "inspect", volume)).exitCode()).isNotZero();
        assertThat(Files.list(work.resolve("spool"))).isEmpty();
    }

    @Test
    void aFailedRestoreRemovesTheVolumeItMade() throws IOException {
        String volume = name("vol-fail");
        Path ok = archive("ok.tar.gz", file("a.txt", 10));
        try (Spooled upload = spool(ok)) {
            Transfer transfer = Transfer.detached();
            transfer.cancel();
            assertThatThrownBy(() -> volumes.restore(volume, upload, false, false, transfer)).hasMessageContaining("cancelled");
        }
        assertThat(docker(List.of("volume", "inspect", volume)).exitCode()).isNotZero();
    }

    @Test
    void aContainerExportsItsFileSystemAndCommitsToANewTag() throws IOException {
        String container = name("exported");
        assertThat(docker(List.of("run", "-d", "--name", container, image, "sh", "-c", "echo mark > /mark && sleep 600"))
                .exitCode()).isZero();
        DockerTestEngine.Cli ready = docker(List.of("exec", container, "sh", "-c", "while [ ! -f /mark ]; do sleep 0.1; done"));
        assertThat(ready.exitCode()).isZero();
        Path tar = work.resolve("fs.tar");
        try (OutputStream out = Files.newOutputStream(tar)) {
            containers.export(container, out, Transfer.detached());
        }
        List<String> names = new java.util.ArrayList<>();
        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("mark", "bin/busybox");
        String tag = DockerTestEngine.PREFIX + "/committed:1";
        String id = containers.commit(container, tag, "kept", true);
        assertThat(docker(List.of("image", "inspect", "-f", "{{.Id}}", tag)).output().trim()).isEqualTo(id);
        assertThat(docker(List.of("run", "--rm", tag, "cat", "/mark")).output().trim()).isEqualTo("mark");
    }
}
