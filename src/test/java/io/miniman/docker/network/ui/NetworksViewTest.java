package io.miniman.docker.network.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.miniman.docker.DockerTestEngine.docker;
import static io.miniman.docker.DockerTestEngine.name;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;

import io.miniman.docker.DockerTestEngine;
import io.miniman.docker.network.NetworkSummary;
import io.miniman.docker.ui.DockerKaribu;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

@Tag("engine")
class NetworksViewTest extends KaribuTest {

    @BeforeEach
    void engine() {
        DockerTestEngine.engine();
    }

    @AfterAll
    static void cleanUp() {
        DockerTestEngine.cleanUp();
    }

    @Test
    void aNetworkMadeAtTheCommandLineAppearsWithItsSubnet() {
        login(Roles.VIEWER);
        UI.getCurrent().navigate(NetworksView.class);
        NetworksView view = _get(NetworksView.class);
        String name = name("cli-net");

        assertThat(docker(List.of("network", "create", "--subnet", "172.31.241.0/24", name)).exitCode()).isZero();

        DockerKaribu.until(() -> GridKt._findAll(view.grid).stream().anyMatch(n -> n.name().equals(name)),
                Duration.ofSeconds(2), "the new network in the grid");
        NetworkSummary shown = GridKt._findAll(view.grid).stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
        assertThat(shown.subnets()).extracting(NetworkSummary.Subnet::subnet).containsExactly("172.31.241.0/24");
    }
}
