package io.miniman.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.miniman.docker.container.RunSpec;

/** The shapes a non-admin may not run, read from compose's effective configuration; no engine needed. */
class ComposeShapesTest {

    private static String service(String lines) {
        return "services:\n  web:\n    image: x\n" + lines.indent(4);
    }

    @Test
    void servicesBecomeTheRunSpecsTheRunDialogWouldMake() {
        ComposeShapes shapes = ComposeShapes.of(service("""
                privileged: true
                network_mode: host
                pid: host
                devices: [/dev/sda:/dev/sda]
                cap_add: [SYS_ADMIN]
                volumes:
                - /etc:/host-etc:ro
                - data:/data:rw
                - type: bind
                  source: /var/run/docker.sock
                  target: /s
                """) + "volumes:\n  data:\n    driver_opts: {type: none, o: bind, device: /}\n");
        RunSpec spec = shapes.services().get("web").get(0);
        assertThat(spec.hostAccess()).isEqualTo(new RunSpec.HostAccess(true, List.of("/dev/sda:/dev/sda"), List.of("SYS_ADMIN"), "host"));
        assertThat(spec.network()).isEqualTo("host");
        assertThat(spec.mounts()).containsExactly(new RunSpec.Mount("/etc", "/host-etc", true), new RunSpec.Mount("data", "/data", false),
                new RunSpec.Mount("/var/run/docker.sock", "/s", false));
        assertThat(shapes.volumes().get("data").options()).containsEntry("device", "/");
        assertThat(shapes.beyond()).isEmpty();
    }

    @Test
    void whatARunSpecCannotSayIsRefusedByItself() {
        assertThat(ComposeShapes.of(service("ipc: host\nuserns_mode: host\nsecurity_opt: [seccomp:unconfined]")).beyond())
                .containsExactly("service 'web': sharing an IPC namespace (host) is for admins",
                        "service 'web': the host's user namespace is for admins",
                        "service 'web': security options [seccomp:unconfined] are for admins");
    }

    @Test
    void sharingWithinTheStackAndExternalNetworksAreKeptApart() {
        ComposeShapes shapes = ComposeShapes.of(service("network_mode: service:db\npid: service:db")
                + "  other:\n    image: y\n    networks: [outside]\nnetworks:\n  outside:\n    external: true\n    name: host\n");
        assertThat(shapes.services().get("web").get(0).network()).isEmpty();
        assertThat(shapes.services().get("web").get(0).hostAccess().pidMode()).isEmpty();
        assertThat(shapes.services().get("other")).extracting(RunSpec::network).containsExactly("", "host");
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
