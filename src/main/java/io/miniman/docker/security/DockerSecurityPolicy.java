package io.miniman.docker.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.miniman.docker.container.RunSpec;
import io.miniman.docker.network.NetworkService;
import io.miniman.docker.security.NotAllowedForRole.Refusal;
import io.miniman.docker.volume.VolumeSpec;
import io.miniman.security.Roles;

/**
 * Portainer's "security settings" with safe defaults: whoever may run a container may otherwise become
 * root on the box (bind-mount {@code /}, the Docker socket, run privileged, join the host's namespaces).
 * Admins may do all of it; everyone else gets named host folders for bind mounts, if an admin allowed
 * any, and nothing more. The actions call this, so every caller (views, the REST API) gets the same answer.
 */
@Service
public class DockerSecurityPolicy {

    private final BindFolderRepository folders;
    private final NetworkService networks;

    public DockerSecurityPolicy(BindFolderRepository folders, NetworkService networks) {
        this.folders = folders;
        this.networks = networks;
    }

    @Transactional(readOnly = true)
    public DockerSecuritySettings settings() {
        return new DockerSecuritySettings(folders.findAll().stream().map(BindFolderEntity::path).sorted().toList());
    }

    /** Throws {@link NotAllowedForRole} naming every part of the spec the current user may not ask for. */
    public void check(RunSpec spec) {
        if (!currentUserIsAdmin()) {
            throwIfAny(refusals(spec, settings().bindFolders(), DockerSecurityPolicy::resolveOnHost, this::isHostNetwork));
        }
    }

    public void check(VolumeSpec spec) {
        if (!currentUserIsAdmin()) {
            throwIfAny(refusals(spec));
        }
    }

    /**
     * What a non-admin may not ask for in this spec. {@code resolve} gives a host path as the engine will
     * see it (symbolic links followed); {@code hostNetwork} says whether a network name or id is the
     * engine's host network.
     */
    static List<Refusal> refusals(RunSpec spec, List<String> bindFolders, UnaryOperator<Path> resolve,
                                  Predicate<String> hostNetwork) {
        List<Refusal> refused = new ArrayList<>();
        for (int i = 0; i < spec.mounts().size(); i++) {
            RunSpec.Mount mount = spec.mounts().get(i);
            if (mount.bind() && !underAllowedFolder(mount.source(), bindFolders, resolve)) {
                refused.add(new Refusal("mounts[" + i + "].source", bindFolders.isEmpty()
                        ? "Bind mounts of host folders (" + mount.source() + ") are for admins; use a volume"
                        : "Host folder " + mount.source() + " is not under a folder an admin allowed for bind mounts ("
                                + String.join(", ", bindFolders) + ")"));
            }
        }
        String network = spec.network();
        if (network.startsWith("container:")) {
            refused.add(new Refusal("network", "Sharing another container's network (" + network + ") is for admins"));
        } else if (!network.isEmpty() && hostNetwork.test(network)) {
            refused.add(new Refusal("network", "The host network is for admins"));
        }
        RunSpec.HostAccess access = spec.hostAccess();
        if (access.privileged()) {
            refused.add(new Refusal("hostAccess.privileged", "Privileged mode is for admins"));
        }
        if (!access.devices().isEmpty()) {
            refused.add(new Refusal("hostAccess.devices", "Host devices (" + String.join(", ", access.devices()) + ") are for admins"));
        }
        if (!access.capAdd().isEmpty()) {
            refused.add(new Refusal("hostAccess.capAdd", "Added capabilities (" + String.join(", ", access.capAdd()) + ") are for admins"));
        }
        if (!access.pidMode().isEmpty()) {
            refused.add(new Refusal("hostAccess.pidMode", "Sharing a PID namespace (" + access.pidMode() + ") is for admins"));
        }
        return refused;
    }

    /** Driver options can make a "volume" a bind mount of any host folder ({@code type=none,o=bind,device=/}). */
    static List<Refusal> refusals(VolumeSpec spec) {
        List<Refusal> refused = new ArrayList<>();
        if (!VolumeSpec.DEFAULT_DRIVER.equals(spec.driver())) {
            refused.add(new Refusal("driver", "Volume drivers other than " + VolumeSpec.DEFAULT_DRIVER + " are for admins"));
        }
        if (!spec.options().isEmpty()) {
            refused.add(new Refusal("options", "Volume driver options are for admins"));
        }
        return refused;
    }

    /**
     * Both the path as typed and the path with links followed must lie under an allowed folder: a link an
     * operator planted inside an allowed folder (from a container that mounts it) must not lead out of it.
     */
    static boolean underAllowedFolder(String source, List<String> bindFolders, UnaryOperator<Path> resolve) {
        Path typed = Path.of(source).normalize();
        Path resolved = resolve.apply(typed);
        return bindFolders.stream().anyMatch(folder -> {
            Path allowed = Path.of(folder).normalize();
            return typed.startsWith(allowed) && resolved.startsWith(resolve.apply(allowed));
        });
    }

    /**
     * The path with every symbolic link of its existing part followed (the engine runs on this box; the part
     * that does not exist yet is created by the engine as plain folders).
     */
    static Path resolveOnHost(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path)).normalize();
        } catch (IOException e) {
            return path;
        }
    }

    private boolean isHostNetwork(String nameOrId) {
        return "host".equals(nameOrId) || networks.list().stream().anyMatch(n -> "host".equals(n.driver())
                && (n.name().equals(nameOrId) || n.id().startsWith(nameOrId)));
    }

    private static void throwIfAny(List<Refusal> refusals) {
        if (!refusals.isEmpty()) {
            throw new NotAllowedForRole(refusals);
        }
    }

    static boolean currentUserIsAdmin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + Roles.ADMIN).equals(a.getAuthority()));
    }
}
