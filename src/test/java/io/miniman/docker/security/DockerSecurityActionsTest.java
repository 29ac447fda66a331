package io.miniman.docker.security;

import static io.miniman.docker.DockerTestEngine.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import io.miniman.docker.DockerTestEngine;
import io.miniman.docker.container.ContainerActions;
import io.miniman.docker.container.RunSpec;
import io.miniman.docker.container.RunSpec.HostAccess;
import io.miniman.docker.volume.VolumeActions;
import io.miniman.docker.volume.VolumeSpec;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;
import io.miniman.security.Roles;
import io.miniman.testsupport.MinimanSpringTest;

/** The policy as the actions apply it: every caller (view or REST API) gets these answers. */
@MinimanSpringTest
class DockerSecurityActionsTest {

    @Autowired
    ContainerActions containers;
    @Autowired
    VolumeActions volumes;
    @Autowired
    DockerSecurityActions settings;
    @Autowired
    DockerSecurityPolicy policy;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    static void cleanUp() {
        DockerTestEngine.cleanUp();
    }

    private static void signIn(String role) {
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("test-" + role.toLowerCase(), null, authorities));
    }

    /** Each shape that makes a container's user root on the box, in a spec that is otherwise harmless. */
    private static Map<String, RunSpec> hostReachingSpecs(String image) {
        return Map.of(
                "Bind mounts of host folders (/) are for admins", spec(image, "root", List.of(new RunSpec.Mount("/", "/host", true)), "", HostAccess.NONE),
                "Bind mounts of host folders (/var/run/docker.sock) are for admins",
                spec(image, "sock", List.of(new RunSpec.Mount("/var/run/docker.sock", "/s", true)), "", HostAccess.NONE),
                "The host network is for admins", spec(image, "hostnet", List.of(), "host", HostAccess.NONE),
                "Sharing another container's network (container:", spec(image, "cnet", List.of(), "container:" + name("sec-peer"), HostAccess.NONE),
                "Privileged mode is for admins", spec(image, "priv", List.of(), "", new HostAccess(true, null, null, null)),
                "Host devices (/dev/null) are for admins", spec(image, "dev", List.of(), "", new HostAccess(false, List.of("/dev/null"), null, null)),
                "Added capabilities (SYS_ADMIN) are for admins", spec(image, "cap", List.of(), "", new HostAccess(false, null, List.of("SYS_ADMIN"), null)),
                "Sharing a PID namespace (host) is for admins", spec(image, "pid", List.of(), "", new HostAccess(false, null, null, "host")));
    }

    private static RunSpec spec(String image, String what, List<RunSpec.Mount> mounts, String network, HostAccess access) {
        return new RunSpec(image, name("sec-" + what), List.of("true"), null, null, mounts, network, null, null, null, null, access);
    }

    private static OperationUpdate done(OperationHandle handle) throws Exception {
        return handle.completion().get(60, TimeUnit.SECONDS);
    }

    @Test
    void anOperatorIsRefusedEveryShapeThatReachesTheHostBeforeAnythingRuns() {
        signIn(Roles.OPERATOR);
        hostReachingSpecs("busybox").forEach((message, spec) ->
                assertThatThrownBy(() -> containers.run(spec, false)).as(message)
                        .isInstanceOf(NotAllowedForRole.class).isInstanceOf(AccessDeniedException.class)
                        .hasMessageContaining(message));
        assertThatThrownBy(() -> volumes.create(new VolumeSpec(name("sec-bindvol"), null,
                Map.of("type", "none", "o", "bind", "device", "/"), null)))
                .isInstanceOf(NotAllowedForRole.class).hasMessage("Volume driver options are for admins");
    }

    @Test
    @Tag("engine")
    void anAdminRunsTheSameSpecs() throws Exception {
        String image = DockerTestEngine.image();
        signIn(Roles.ADMIN);
        assertThat(done(containers.run(RunSpec.of(image, name("sec-peer"), List.of("sleep", "60")), false)).status())
                .isEqualTo(OperationStatus.COMPLETED);
        for (var shape : hostReachingSpecs(image).entrySet()) {
            // the policy lets it through (run() returns a handle); what follows is the engine's to say
            OperationUpdate update = done(containers.run(shape.getValue(), false));
            if (update.status() != OperationStatus.COMPLETED) {
                // a sandboxed dockerd (CI in a container) cannot grant every capability to a privileged container
                assertThat(update.errorMessage()).as(shape.getKey()).contains("OCI runtime").doesNotContain("for admins");
            }
        }
        OperationUpdate volume = done(volumes.create(new VolumeSpec(name("sec-tmpfs"), null,
                Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=1m"), null)));
        assertThat(volume.status()).as(volume.errorMessage()).isEqualTo(OperationStatus.COMPLETED);
    }

    @Test
    @Tag("engine")
    void anAdminOpensAHostFolderForBindMountsAndOnlyThatFolder(@TempDir Path dir) throws Exception {
        String image = DockerTestEngine.image();
        Path shared = Files.createDirectories(dir.resolve("shared"));
        signIn(Roles.OPERATOR);
        assertThatThrownBy(() -> settings.save(new DockerSecuritySettings(List.of(shared.toString()))))
                .isInstanceOf(AccessDeniedException.class);
        signIn(Roles.ADMIN);
        assertThatThrownBy(() -> settings.save(new DockerSecuritySettings(List.of("/"))))
                .hasMessageContaining("must be an absolute folder other than /");
        settings.save(new DockerSecuritySettings(List.of(shared.toString())));
        try {
            assertThat(policy.settings().bindFolders()).containsExactly(shared.toString());
            signIn(Roles.OPERATOR);
            OperationUpdate allowed = done(containers.run(new RunSpec(image, name("sec-shared"), List.of("true"), null, null,
                    List.of(new RunSpec.Mount(shared + "/app", "/data", false)), null, null, null, null, null), false));
            assertThat(allowed.status()).as(allowed.errorMessage()).isEqualTo(OperationStatus.COMPLETED);
            assertThatThrownBy(() -> containers.run(new RunSpec(image, name("sec-outside"), List.of("true"), null, null,
                    List.of(new RunSpec.Mount(dir.toString(), "/data", false)), null, null, null, null, null), false))
                    .isInstanceOf(NotAllowedForRole.class).hasMessageContaining("is not under a folder an admin allowed");
        } finally {
            signIn(Roles.ADMIN);
            settings.save(DockerSecuritySettings.DEFAULTS);
        }
    }
}
