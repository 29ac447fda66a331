package io.miniman.docker.image;

import static io.miniman.docker.DockerTestEngine.PREFIX;
import static io.miniman.docker.DockerTestEngine.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerFailure;
import io.miniman.docker.DockerProperties;
import io.miniman.docker.DockerTestEngine;
import io.miniman.docker.PruneResult;
import io.miniman.docker.container.ContainerService;
import io.miniman.docker.container.ExecResult;
import io.miniman.docker.container.RunSpec;

class ImageServiceTest {

    private static ImageService images;
    private static ContainerService containers;
    private static String base;

    @BeforeAll
    static void engine() {
        images = new ImageService(DockerTestEngine.engine());
        containers = new ContainerService(DockerTestEngine.engine());
        base = DockerTestEngine.image();
    }

    @AfterAll
    static void cleanUp() {
        DockerTestEngine.cleanUp();
    }

    private static String repo(String what) {
        return PREFIX + "/" + what;
    }

    private static String runOnce(String image, String... command) {
        String id = containers.run(RunSpec.of(image, null, List.of("sleep", "3600")));
        try {
            ExecResult result = containers.exec(id, List.of(command), Duration.ofSeconds(10));
            return result.output();
        } finally {
            containers.remove(id, true, true);
        }
    }

    private static Set<String> untaggedImages() {
        return DockerTestEngine.engine().call(c -> c.listImagesCmd().withShowAll(true).exec()).stream()
                .filter(i -> i.getRepoTags() == null || List.of(i.getRepoTags()).equals(List.of("<none>:<none>")))
                .map(i -> i.getId()).collect(Collectors.toSet());
    }

    @Test
    void listCountsTheContainersUsingAnImageAndTagRemoveInspectHistoryWork() {
        String id = containers.run(RunSpec.of(base, name("user"), List.of("sleep", "3600")));
        ImageSummary busybox = images.list().stream().filter(i -> i.tags().contains(base)).findFirst().orElseThrow();
        assertThat(busybox.usedBy()).isGreaterThanOrEqualTo(1);
        assertThat(busybox.dangling()).isFalse();
        assertThat(busybox.sizeBytes()).isPositive();
        containers.remove(id, true, true);

        images.tag(base, repo("tagged") + ":2");
        assertThat(images.list()).anyMatch(i -> i.id().equals(busybox.id()) && i.tags().contains(repo("tagged") + ":2"));
        assertThat(images.inspectJson(repo("tagged") + ":2")).contains("\"Id\" : \"" + busybox.id() + "\"");
        assertThat(images.history(repo("tagged") + ":2")).anyMatch(h -> h.createdBy().contains("busybox") && h.sizeBytes() > 0);

        images.remove(repo("tagged") + ":2", false);
        assertThat(images.present(repo("tagged") + ":2")).isFalse();
        assertThat(images.present(base)).isTrue();
        assertThatThrownBy(() -> images.tag(base, "Not A Valid/Ref")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTypedDockerfileWithBuildArgsBuildsARunnableImage() {
        List<String> log = new CopyOnWriteArrayList<>();
        String tag = repo("typed") + ":1";
        String id = images.build(new BuildSource.Dockerfile("FROM " + base + "\nARG WHO\nRUN echo \"hi $WHO\" > /who\n"),
                tag, Map.of("WHO", PREFIX), log::add);

        assertThat(id).isNotBlank();
        assertThat(log).anyMatch(l -> l.startsWith("Step 1/3 : FROM " + base));
        assertThat(runOnce(tag, "cat", "/who")).isEqualTo("hi " + PREFIX + "\n");
    }

    @Test
    void anUploadedTarGzOrZipContextBuildsARunnableImage() throws IOException {
        String dockerfile = "FROM " + base + "\nCOPY hello.txt /hello.txt\n";
        Map<String, String> files = Map.of("Dockerfile", dockerfile, "hello.txt", "hello from " + PREFIX);

        images.build(new BuildSource.Upload("ctx.tar.gz", new ByteArrayInputStream(gzip(tar(files)))), repo("tgz") + ":1",
                Map.of(), l -> { });
        images.build(new BuildSource.Upload("ctx.zip", new ByteArrayInputStream(zip(files))), repo("zip") + ":1",
                Map.of(), l -> { });

        assertThat(runOnce(repo("tgz") + ":1", "cat", "/hello.txt")).isEqualTo("hello from " + PREFIX);
        assertThat(runOnce(repo("zip") + ":1", "cat", "/hello.txt")).isEqualTo("hello from " + PREFIX);
    }

    @Test
    void aFailingDockerfileLeavesNoTagAndNoUntaggedLayersOfOurs() {
        Set<String> before = untaggedImages();
        List<String> log = new CopyOnWriteArrayList<>();
        String tag = repo("broken") + ":1";

        assertThatThrownBy(() -> images.build(new BuildSource.Dockerfile(
                "FROM " + base + "\nRUN echo " + PREFIX + " > /made\nRUN exit 7\n"), tag, Map.of(), log::add))
                .isInstanceOf(DockerFailure.class).hasMessageContaining("non-zero code: 7");

        assertThat(log).anyMatch(l -> l.contains("RUN exit 7"));
        assertThat(images.present(tag)).isFalse();
        assertThat(untaggedImages()).isSubsetOf(before);
    }

    @Test
    void anUploadThatIsNoArchiveOrTooLargeIsRefusedBeforeTheEngine() throws IOException {
        assertThatThrownBy(() -> images.build(new BuildSource.Upload("notes.txt",
                new ByteArrayInputStream("just text, not an archive".repeat(40).getBytes(StandardCharsets.UTF_8))),
                repo("bad") + ":1", Map.of(), l -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("'notes.txt' is not a tar, tar.gz or zip archive");
        assertThatThrownBy(() -> images.build(new BuildSource.Dockerfile(" "), repo("bad") + ":1", Map.of(), l -> { }))
                .hasMessage("The Dockerfile is empty");

        DockerProperties small = new DockerProperties(DockerTestEngine.host(), null, 1024 * 1024, 100, Duration.ofMinutes(1), Duration.ofMinutes(1));
        try (DockerEngine limited = new DockerEngine(small)) {
            byte[] big = tar(Map.of("Dockerfile", "FROM scratch\n", "big.bin", "x".repeat(2 * 1024 * 1024)));
            assertThatThrownBy(() -> new ImageService(limited).build(new BuildSource.Upload("big.tar",
                    new ByteArrayInputStream(big)), repo("big") + ":1", Map.of(), l -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("over the build context limit of 1 MiB");
        }
    }

    @Test
    void aPullFromARegistryReportsProgressPerLayer() {
        String remote = DockerTestEngine.remoteOnlyImage("pulled");
        assertThat(images.present(remote)).isFalse();

        List<PullProgress> progress = new CopyOnWriteArrayList<>();
        images.pull(remote, null, progress::add);

        assertThat(images.present(remote)).isTrue();
        assertThat(progress).anyMatch(p -> p.status().equals("Downloading") && p.total() > 0 && p.current() > 0);
        assertThat(progress).anyMatch(p -> p.status().equals("Pull complete") && p.fraction() == 1);
        assertThat(progress).anyMatch(p -> p.status().equals("Already exists"));
        assertThat(progress.stream().map(PullProgress::layer).distinct()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aMissingTagOrImageIsTheEnginesMessage() {
        String registry = DockerTestEngine.registry();
        assertThatThrownBy(() -> images.pull(registry + "/" + repo("nothing") + ":404", null, p -> { }))
                .isInstanceOf(DockerFailure.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> images.remove(repo("nothing") + ":404", false))
                .isInstanceOf(DockerFailure.class).hasMessageContaining("No such image");
    }

    @Test
    void pruneRemovesDanglingImages() {
        String tag = repo("prune") + ":1";
        // the label keeps the prune to this test's images: others on the engine are not ours to delete
        String label = "LABEL miniman.test=" + PREFIX + "\n";
        String first = images.build(new BuildSource.Dockerfile("FROM " + base + "\n" + label + "RUN echo one " + PREFIX + " > /v\n"),
                tag, Map.of(), l -> { });
        images.build(new BuildSource.Dockerfile("FROM " + base + "\n" + label + "RUN echo two " + PREFIX + " > /v\n"), tag, Map.of(),
                l -> { });
        assertThat(images.list()).anyMatch(i -> i.id().equals(first) && i.dangling());

        PruneResult result = images.prune(false, "miniman.test=" + PREFIX);

        assertThat(result.reclaimedBytes()).isPositive();
        assertThat(images.list()).noneMatch(i -> i.id().equals(first));
        assertThat(images.present(tag)).isTrue();
    }

    static byte[] tar(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
