package io.miniman.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The shapes a non-admin may not run, read from compose's effective configuration; no engine needed. */
class ComposeShapesTest {

    private static String service(String lines) {
        return "services:\n  web:\n    image: x\n" + lines.indent(4);
    }

    @Test
    void everyShapeThatReachesPastTheContainerIsNamed() {
        assertThat(ComposeShapes.refusals(service("privileged: true"))).containsExactly("service 'web': privileged mode");
        assertThat(ComposeShapes.refusals(service("network_mode: host"))).containsExactly("service 'web': the host's network namespace");
        assertThat(ComposeShapes.refusals(service("network_mode: container:other"))).containsExactly("service 'web': network namespace of container:other");
        assertThat(ComposeShapes.refusals(service("pid: host"))).containsExactly("service 'web': the host's PID namespace");
        assertThat(ComposeShapes.refusals(service("ipc: host"))).containsExactly("service 'web': the host's IPC namespace");
        assertThat(ComposeShapes.refusals(service("userns_mode: host"))).containsExactly("service 'web': the host's user namespace");
        assertThat(ComposeShapes.refusals(service("devices: [/dev/sda:/dev/sda]"))).containsExactly("service 'web': host devices [/dev/sda:/dev/sda]");
        assertThat(ComposeShapes.refusals(service("cap_add: [SYS_ADMIN]"))).containsExactly("service 'web': added capabilities [SYS_ADMIN]");
        assertThat(ComposeShapes.refusals(service("volumes: ['/:/host:rw']"))).containsExactly("service 'web': bind mount of host path /");
        assertThat(ComposeShapes.refusals(service("volumes:\n- type: bind\n  source: /var/run/docker.sock\n  target: /s")))
                .containsExactly("service 'web': bind mount of host path /var/run/docker.sock");
        assertThat(ComposeShapes.refusals("services:\n  a:\n    image: x\nvolumes:\n  v:\n    driver_opts: {type: none, o: bind, device: /}\n"))
                .containsExactly("volume 'v': driver options (they can mount any host folder)");
    }

    @Test
    void namedVolumesPortsAndServiceNetworksPass() {
        assertThat(ComposeShapes.refusals(service("volumes: ['data:/data:rw']\nports: ['8080:80']\nnetwork_mode: service:db")
                + "volumes:\n  data: {}\n")).isEmpty();
    }

    @Test
    void yamlErrorsNameTheirLineAndAliasBombsAreRefused() {
        assertThatThrownBy(() -> StackValidator.parse("services:\n  a:\n    image: [x\n"))
                .isInstanceOfSatisfying(ComposeRejectedException.class, e -> assertThat(e.line()).isEqualTo(4));
        assertThatThrownBy(() -> StackValidator.parse("version: '3'\n"))
                .isInstanceOf(ComposeRejectedException.class).hasMessageContaining("services:");
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
                    .append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        bomb.append("services: {s: {image: *k}}\n");
        assertThatThrownBy(() -> StackValidator.parse(bomb.toString())).isInstanceOf(ComposeRejectedException.class);
    }

    @Test
    void theEnginePageSaysPlainlyWhenNoCliIsInstalled() {
        assertThat(ComposeProgram.NONE.describe()).startsWith("none installed");
        assertThat(new ComposeProgram(java.util.List.of("/usr/bin/docker-compose"), "1.29.2", false).describe())
                .isEqualTo("docker-compose 1.29.2 (v1)");
    }
}
