package io.miniman.docker.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;

import io.miniman.compose.StackService;
import io.miniman.compose.ui.ComposeCliInfo;
import io.miniman.docker.DiskUsage;
import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerEvents;
import io.miniman.docker.DockerProperties;
import io.miniman.docker.DockerTestEngine;
import io.miniman.docker.SocketProxy;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

@Tag("engine")
class EngineViewTest extends KaribuTest {

    @Test
    void theEnginePageShowsVersionAndDiskUsage() {
        DockerTestEngine.image();
        login(Roles.VIEWER);
        UI.getCurrent().navigate(EngineView.class);
        EngineView view = _get(EngineView.class);

        assertThat(view.banner.isVisible()).isFalse();
        assertThat(GridKt._findAll(view.disk)).extracting(DiskUsage.Row::type)
                .containsExactly("Images", "Containers", "Local Volumes", "Build Cache");
        assertThat(view.facts.getChildren().count()).isEqualTo(8);
        // Debian's docker-compose v1 is installed wherever the engine tests run
        assertThat(_get(view, ComposeCliInfo.class).getText()).startsWith("Compose: ").contains("docker-compose");
    }

    /** A view on an engine that is away shows why, and recovers by itself when the engine answers again. */
    @Test
    void anUnreachableEngineShowsTheBannerAndTheViewRecovers(@TempDir Path dir) throws Exception {
        DockerTestEngine.engine();
        Path realSocket = Path.of(DockerTestEngine.host().replaceFirst("^unix://", ""));
        login(Roles.VIEWER);
        try (SocketProxy proxy = new SocketProxy(dir.resolve("engine.sock"), realSocket);
             DockerEngine engine = new DockerEngine(DockerProperties.of(proxy.uri()));
             DockerEvents events = new DockerEvents(engine)) {
            EngineView view = new EngineView(engine, events, context.getBean(StackService.class));
            UI.getCurrent().add(view);

            assertThat(view.banner.isVisible()).isTrue();
            assertThat(view.banner.text()).startsWith("Docker engine unreachable at " + proxy.uri() + ": ");
            assertThat(view.facts.getChildren().count()).isZero();

            proxy.up();
            DockerKaribu.until(() -> !view.banner.isVisible(), Duration.ofSeconds(15), "the view to recover");
            assertThat(view.facts.getChildren().count()).isEqualTo(8);
        }
    }
}
