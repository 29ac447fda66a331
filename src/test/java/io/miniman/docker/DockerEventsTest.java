package io.miniman.docker;

import io.miniman.Subscription;
import static io.miniman.docker.DockerTestEngine.docker;
import static io.miniman.docker.DockerTestEngine.name;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("engine")
class DockerEventsTest {

    @AfterAll
    static void cleanUp() {
        DockerTestEngine.cleanUp();
    }

    private static boolean seen(List<DockerEvent> events, String action, String name) {
        return events.stream().anyMatch(e -> e.type().equals("container") && e.action().equals(action) && e.name().equals(name));
    }

    @Test
    void aChangeMadeWithTheCliReachesEverySubscriber() {
        String image = DockerTestEngine.image();
        List<DockerEvent> first = new CopyOnWriteArrayList<>();
        List<DockerEvent> second = new CopyOnWriteArrayList<>();
        try (DockerEvents events = new DockerEvents(DockerTestEngine.engine());
             Subscription a = events.subscribe(first::add);
             Subscription b = events.subscribe(second::add)) {
            String name = name("cli");
            assertThat(docker(List.of("run", "-d", "--name", name, image, "sleep", "3600")).exitCode()).isZero();
            Await.until(() -> seen(first, "start", name) && seen(second, "start", name), Duration.ofSeconds(2),
                    "the start event at both subscribers");

            b.close();
            assertThat(docker(List.of("rm", "-f", name)).exitCode()).isZero();
            Await.until(() -> seen(first, "destroy", name), Duration.ofSeconds(2), "the destroy event");
            assertThat(seen(second, "destroy", name)).isFalse();
        }
    }

    @Test
    void subscribersHearTheEngineGoAndComeBackAndEventsResume(@TempDir Path dir) throws Exception {
        String image = DockerTestEngine.image();
        Path realSocket = Path.of(DockerTestEngine.host().replaceFirst("^unix://", ""));
        List<DockerEvent> heard = new CopyOnWriteArrayList<>();
        try (SocketProxy proxy = new SocketProxy(dir.resolve("engine.sock"), realSocket)) {
            proxy.up();
            try (DockerEngine engine = new DockerEngine(DockerProperties.of(proxy.uri()));
                 DockerEvents events = new DockerEvents(engine);
                 Subscription s = events.subscribe(heard::add)) {
                Await.until(() -> engine.state().up(), Duration.ofSeconds(5), "the engine to be up");

                proxy.down();
                Await.until(() -> heard.stream().anyMatch(e -> e.type().equals(DockerEvent.ENGINE) && e.action().equals("down")),
                        Duration.ofSeconds(10), "the engine-down event");
                assertThat(engine.state().message()).startsWith("Docker engine unreachable at " + proxy.uri());

                proxy.up();
                Await.until(() -> heard.stream().anyMatch(e -> e.type().equals(DockerEvent.ENGINE) && e.action().equals("up")
                        && e.time().isAfter(heard.get(0).time().minusSeconds(1)) && engine.state().up()),
                        Duration.ofSeconds(15), "the engine-up event");
                String name = name("after-outage");
                Await.until(() -> {
                    docker(List.of("rm", "-f", name));
                    docker(List.of("run", "-d", "--name", name, image, "sleep", "3600"));
                    return seen(heard, "start", name);
                }, Duration.ofSeconds(15), "events again after the outage");
            }
        }
    }
}
