package io.miniman.docker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.miniman.docker.container.RunSpec;
import io.miniman.docker.container.RunSpec.HostAccess;
import io.miniman.docker.security.NotAllowedForRole.Refusal;
import io.miniman.docker.volume.VolumeSpec;

/** What a non-admin may ask of Docker, decided without an engine. */
class DockerSecurityPolicyTest {

    private static final UnaryOperator<Path> AS_TYPED = p -> p;

    private static RunSpec spec(List<RunSpec.Mount> mounts, String network, HostAccess access) {
        return new RunSpec("busybox", "", null, null, null, mounts, network, null, null, null, null, access);
    }

    private static List<String> refusedPaths(RunSpec spec, List<String> folders) {
        return DockerSecurityPolicy.refusals(spec, folders, AS_TYPED, "host"::equals).stream().map(Refusal::path).toList();
    }

    @Test
    void everyShapeThatReachesTheHostIsRefusedWithItsReason() {
        assertThat(refusedPaths(spec(List.of(new RunSpec.Mount("/", "/host", false)), "", HostAccess.NONE), List.of()))
                .containsExactly("mounts[0].source");
        assertThat(refusedPaths(spec(List.of(new RunSpec.Mount("/var/run/docker.sock", "/s", false)), "", HostAccess.NONE),
                List.of())).containsExactly("mounts[0].source");
        assertThat(refusedPaths(spec(List.of(), "host", HostAccess.NONE), List.of())).containsExactly("network");
        assertThat(refusedPaths(spec(List.of(), "container:db", HostAccess.NONE), List.of())).containsExactly("network");
        assertThat(refusedPaths(spec(List.of(), "", new HostAccess(true, null, null, null)), List.of()))
                .containsExactly("hostAccess.privileged");
        assertThat(refusedPaths(spec(List.of(), "", new HostAccess(false, List.of("/dev/sda"), null, null)), List.of()))
                .containsExactly("hostAccess.devices");
        assertThat(refusedPaths(spec(List.of(), "", new HostAccess(false, null, List.of("SYS_ADMIN"), null)), List.of()))
                .containsExactly("hostAccess.capAdd");
        assertThat(refusedPaths(spec(List.of(), "", new HostAccess(false, null, null, "host")), List.of()))
                .containsExactly("hostAccess.pidMode");
        assertThat(refusedPaths(spec(List.of(), "", new HostAccess(false, null, null, "container:db")), List.of()))
                .containsExactly("hostAccess.pidMode");

        List<Refusal> refused = DockerSecurityPolicy.refusals(spec(List.of(new RunSpec.Mount("/etc", "/e", true)), "host",
                new HostAccess(true, null, null, null)), List.of(), AS_TYPED, "host"::equals);
        assertThat(new NotAllowedForRole(refused)).hasMessage("Bind mounts of host folders (/etc) are for admins; use a volume; "
                + "The host network is for admins; Privileged mode is for admins");
    }

    @Test
    void volumesNetworksAndModesThatStayInsideAreAllowed() {
        assertThat(refusedPaths(spec(List.of(new RunSpec.Mount("data", "/data", false)), "", HostAccess.NONE), List.of())).isEmpty();
        assertThat(refusedPaths(spec(List.of(), "my-net", HostAccess.NONE), List.of())).isEmpty();
        assertThat(refusedPaths(spec(List.of(), "none", HostAccess.NONE), List.of())).isEmpty();
    }

    @Test
    void bindMountsOnlyUnderAnAllowedFolderAndNotOutOfItByDotsOrPrefixes() {
        List<String> folders = List.of("/srv/shared");
        assertThat(refusedPaths(spec(List.of(new RunSpec.Mount("/srv/shared", "/a", false),
                new RunSpec.Mount("/srv/shared/app/data", "/b", false)), "", HostAccess.NONE), folders)).isEmpty();
        assertThat(refusedPaths(spec(List.of(new RunSpec.Mount("/srv/shared/../../etc", "/a", false),
                new RunSpec.Mount("/srv/shared-not", "/b", false), new RunSpec.Mount("/srv", "/c", false)), "", HostAccess.NONE),
                folders)).containsExactly("mounts[0].source", "mounts[1].source", "mounts[2].source");
        assertThat(DockerSecurityPolicy.refusals(spec(List.of(new RunSpec.Mount("/etc", "/a", false)), "", HostAccess.NONE),
                folders, AS_TYPED, n -> false).get(0).message())
                .isEqualTo("Host folder /etc is not under a folder an admin allowed for bind mounts (/srv/shared)");
    }

    @Test
    void aLinkInsideAnAllowedFolderThatLeadsOutIsRefused(@TempDir Path dir) throws IOException {
        Path allowed = Files.createDirectories(dir.resolve("shared"));
        Files.createDirectories(allowed.resolve("app"));
        // what an operator could plant from a container that mounts the allowed folder
        Files.createSymbolicLink(allowed.resolve("escape"), Path.of("/"));

        List<String> folders = List.of(allowed.toString());
        assertThat(DockerSecurityPolicy.underAllowedFolder(allowed + "/app/new/sub", folders, DockerSecurityPolicy::resolveOnHost))
                .isTrue();
        assertThat(DockerSecurityPolicy.underAllowedFolder(allowed + "/escape", folders, DockerSecurityPolicy::resolveOnHost))
                .isFalse();
        assertThat(DockerSecurityPolicy.underAllowedFolder(allowed + "/escape/etc", folders, DockerSecurityPolicy::resolveOnHost))
                .isFalse();
    }

    @Test
    void volumeDriverOptionsAndOtherDriversAreRefused() {
        assertThat(DockerSecurityPolicy.refusals(new VolumeSpec("v", null, null, null))).isEmpty();
        assertThat(DockerSecurityPolicy.refusals(new VolumeSpec("v", null, Map.of("type", "none", "o", "bind", "device", "/"), null)))
                .extracting(Refusal::path).containsExactly("options");
        assertThat(DockerSecurityPolicy.refusals(new VolumeSpec("v", "some-plugin", null, null)))
                .extracting(Refusal::path).containsExactly("driver");
    }
}
