package io.miniman.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.miniman.testsupport.Requires;

class DockerEngineTest {

    @Test
    @Tag("engine")
    void infoDescribesTheEngineAndItsDiskUsage() {
        DockerEngine engine = DockerTestEngine.engine();
        DockerTestEngine.image();

        EngineInfo info = engine.info();

        assertThat(info.version()).isNotBlank();
        assertThat(info.apiVersion()).matches("1\\.\\d+");
        assertThat(info.storageDriver()).isNotBlank();
        assertThat(info.cpus()).isPositive();
        assertThat(info.memoryBytes()).isPositive();
        assertThat(info.diskUsage().rows()).extracting(DiskUsage.Row::type)
                .containsExactly("Images", "Containers", "Local Volumes", "Build Cache");
        DiskUsage.Row images = info.diskUsage().rows().get(0);
        assertThat(images.total()).isPositive();
        assertThat(images.sizeBytes()).isGreaterThanOrEqualTo(images.reclaimableBytes()).isPositive();
    }

    @Test
    void aDeadSocketIsADownStateWithTheReasonAndCallsSayItAsIs(@TempDir Path dir) {
        String host = "unix://" + dir.resolve("nothing.sock");
        try (DockerEngine engine = new DockerEngine(DockerProperties.of(host))) {
            EngineState state = engine.check();

            assertThat(state.status()).isEqualTo(EngineState.Status.DOWN);
            assertThat(state.message()).startsWith("Docker engine unreachable at " + host + ": ");
            assertThat(state.reason()).isNotBlank();
            assertThatThrownBy(engine::info).isInstanceOf(DockerFailure.class)
                    .hasMessageStartingWith("Docker engine unreachable at " + host);
        }
    }

    @Test
    @Tag("engine")
    void theEngineComesBackByItselfWhenItAnswersAgain(@TempDir Path dir) throws Exception {
        DockerTestEngine.engine();
        Path realSocket = Path.of(DockerTestEngine.host().replaceFirst("^unix://", ""));
        Requires.that(Files.exists(realSocket), "the engine on a local unix socket");
        List<EngineState> changes = new CopyOnWriteArrayList<>();
        try (SocketProxy proxy = new SocketProxy(dir.resolve("engine.sock"), realSocket);
             DockerEngine engine = new DockerEngine(DockerProperties.of(proxy.uri()))) {
            engine.onStateChange(changes::add);
            assertThat(engine.check().up()).isFalse();

            proxy.up();

            Await.until(() -> engine.state().up(), Duration.ofSeconds(10), "the watchdog to find the engine");
            assertThat(changes).extracting(EngineState::status).endsWith(EngineState.Status.UP);
            assertThat(engine.info().version()).isNotBlank();
        }
    }
}
