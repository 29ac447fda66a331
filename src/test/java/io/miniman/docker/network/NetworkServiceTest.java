package io.miniman.docker.network;

import static io.miniman.docker.DockerTestEngine.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.miniman.docker.DockerFailure;
import io.miniman.docker.DockerTestEngine;
import io.miniman.docker.container.ContainerService;
import io.miniman.docker.container.RunSpec;

class NetworkServiceTest {

    private static NetworkService networks;
    private static ContainerService containers;
    private static String image;

    @BeforeAll
    static void engine() {
        networks = new NetworkService(DockerTestEngine.engine());
        containers = new ContainerService(DockerTestEngine.engine());
        image = DockerTestEngine.image();
    }

    @AfterAll
    static void cleanUp() {
        DockerTestEngine.cleanUp();
    }

    private static NetworkSummary find(String name) {
        return networks.list().stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void createConnectWithAliasAndAddressDisconnectRemove() {
        String net = name("net");
        networks.create(new NetworkSpec(net, "172.31.240.0/24", "172.31.240.1", "172.31.240.128/25", true, Map.of("owner", "test")));
        NetworkSummary created = find(net);
        assertThat(created.driver()).isEqualTo("bridge");
        assertThat(created.internal()).isTrue();
        assertThat(created.subnets()).containsExactly(new NetworkSummary.Subnet("172.31.240.0/24", "172.31.240.1", "172.31.240.128/25"));
        assertThat(created.labels()).containsEntry("owner", "test");

        String server = containers.run(RunSpec.of(image, name("server"), List.of("sleep", "3600")));
        String client = containers.run(RunSpec.of(image, name("client"), List.of("sleep", "3600")));
        networks.connect(net, server, "db", "172.31.240.10");
        networks.connect(net, client, "", "");

        assertThat(find(net).containers()).contains(new NetworkSummary.Attachment(name("server"), "172.31.240.10"));
        assertThat(containers.exec(client, List.of("ping", "-c", "1", "-W", "2", "db"), Duration.ofSeconds(10)).output())
                .contains("172.31.240.10");
        assertThat(networks.inspectJson(net)).contains("\"Name\" : \"" + net + "\"");

        assertThatThrownBy(() -> networks.remove(net)).isInstanceOf(DockerFailure.class).hasMessageContaining("active endpoints");
        networks.disconnect(net, server, false);
        networks.disconnect(net, client, true);
        assertThat(find(net).containers()).isEmpty();
        networks.remove(net);
        assertThat(find(net)).isNull();
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertThatThrownBy(() -> networks.connect("bridge", "x", "", "1.2.3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> networks.remove(name("absent"))).isInstanceOf(DockerFailure.class).hasMessageContaining("not found");
    }
}
