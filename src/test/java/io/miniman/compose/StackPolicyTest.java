package io.miniman.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.miniman.testsupport.MinimanSpringTest;

/** The Docker security settings judge each service of a stack as the run dialog's container (no engine needed). */
@MinimanSpringTest
class StackPolicyTest {

    @Autowired
    StackPolicy policy;

    private static String service(String lines) {
        return "services:\n  web:\n    image: x\n" + lines.indent(4);
    }

    @Test
    void everyShapeThatReachesPastTheContainerIsRefusedWithItsReason() {
        assertThat(policy.refusals(service("privileged: true"))).containsExactly("service 'web': Privileged mode is for admins");
        assertThat(policy.refusals(service("network_mode: host"))).containsExactly("service 'web': The host network is for admins");
        assertThat(policy.refusals(service("network_mode: container:other"))).singleElement().asString().contains("container:other");
        assertThat(policy.refusals(service("pid: host"))).singleElement().asString().contains("PID namespace (host)");
        assertThat(policy.refusals(service("devices: [/dev/sda:/dev/sda]"))).singleElement().asString().contains("/dev/sda");
        assertThat(policy.refusals(service("cap_add: [SYS_ADMIN]"))).singleElement().asString().contains("SYS_ADMIN");
        assertThat(policy.refusals(service("volumes: ['/:/host:rw']"))).singleElement().asString().contains("Bind mounts of host folders (/)");
        assertThat(policy.refusals(service("ipc: host"))).singleElement().asString().contains("IPC");
        assertThat(policy.refusals("services:\n  web:\n    image: x\n" + "volumes:\n  v:\n    driver_opts: {type: none, o: bind, device: /}\n"))
                .containsExactly("volume 'v': Volume driver options are for admins");
    }

    @Test
    void namedVolumesPortsAndSharingWithinTheStackPass() {
        assertThat(policy.refusals(service("volumes: ['data:/data:rw']\nports: ['8080:80']\nnetwork_mode: service:db")
                + "volumes:\n  data: {}\n")).isEmpty();
    }
}
