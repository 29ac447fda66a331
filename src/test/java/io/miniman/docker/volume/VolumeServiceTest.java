package io.miniman.docker.volume;

import static io.miniman.docker.DockerTestEngine.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.miniman.docker.DockerFailure;
import io.miniman.docker.DockerTestEngine;
import io.miniman.docker.container.ContainerService;
import io.miniman.docker.container.RunSpec;

@Tag("engine")
class VolumeServiceTest {

    private static VolumeService volumes;
    private static ContainerService containers;
    private static String image;

    @BeforeAll
    static void engine() {
        volumes = new VolumeService(DockerTestEngine.engine());
        containers = new ContainerService(DockerTestEngine.engine());
        image = DockerTestEngine.image();
    }

    @AfterAll
    static void cleanUp() {
        DockerTestEngine.cleanUp();
    }

    private static VolumeSummary find(String name) {
        return volumes.list().stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    /** The engine refuses a second disk usage report while one runs; pages and API clients ask at once. */
    @Test
    void listsAtTheSameTimeAllAnswer() throws Exception {
        String name = volumes.create(new VolumeSpec(name("vol-together"), "local", Map.of(), Map.of()));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<VolumeSummary>>> lists = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                lists.add(pool.submit(volumes::list));
            }
            for (Future<List<VolumeSummary>> list : lists) {
                assertThat(list.get(60, TimeUnit.SECONDS)).extracting(VolumeSummary::name).contains(name);
            }
        } finally {
            pool.shutdownNow();
            volumes.remove(name);
        }
    }

    @Test
    void createListShowsUsersAndSizeRemoveNeedsNoUser() {
        String name = volumes.create(new VolumeSpec(name("vol"), "local", Map.of(), Map.of("owner", "test")));
        assertThat(name).isEqualTo(name("vol"));
        String id = containers.run(new RunSpec(image, name("vol-user"), List.of("sh", "-c", "head -c 100000 /dev/zero > /data/f; sleep 3600"),
                null, null, List.of(new RunSpec.Mount(name, "/data", false)), null, null, null, null, null));
        containers.exec(id, List.of("sync"), Duration.ofSeconds(5));

        VolumeSummary volume = find(name);
        assertThat(volume.driver()).isEqualTo("local");
        assertThat(volume.labels()).containsEntry("owner", "test");
        assertThat(volume.usedBy()).containsExactly(name("vol-user"));
        assertThat(volume.mountpoint()).isNotBlank();
        assertThat(volumes.inspectJson(name)).contains("\"Name\" : \"" + name + "\"");

        assertThatThrownBy(() -> volumes.remove(name)).isInstanceOf(DockerFailure.class).hasMessageContaining("in use");
        containers.remove(id, true, false);
        volumes.remove(name);
        assertThat(find(name)).isNull();
    }

    @Test
    void pruneRemovesOnlyTheLabelledUnusedVolumes() {
        Map<String, String> ours = Map.of("miniman.test", DockerTestEngine.PREFIX);
        volumes.create(new VolumeSpec(name("unused"), null, null, ours));
        volumes.create(new VolumeSpec(name("unlabelled"), null, null, null));
        // the label keeps the prune to this test's volumes: others on the engine may hold someone's data
        volumes.prune("miniman.test=" + DockerTestEngine.PREFIX);
        assertThat(find(name("unused"))).isNull();
        assertThat(find(name("unlabelled"))).isNotNull();
    }
}
