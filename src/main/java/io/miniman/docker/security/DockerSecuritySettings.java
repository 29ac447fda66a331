package io.miniman.docker.security;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What non-admins may do beyond the safe defaults: bind-mount host folders under these (and nothing
 * else). Everything that reaches past a container's isolation (privileged mode, devices, capabilities,
 * host or container network and PID modes, volume driver options) stays an admin's.
 */
public record DockerSecuritySettings(
        @NotNull List<@Pattern(regexp = "(/(?!\\.\\.?(/|$))[^/\\x00]+)+",
                message = "must be an absolute folder other than / with no '.' or '..' parts, like /srv/shared")
                String> bindFolders) {

    public static final DockerSecuritySettings DEFAULTS = new DockerSecuritySettings(List.of());

    public DockerSecuritySettings {
        bindFolders = bindFolders == null ? List.of()
                : bindFolders.stream().map(String::trim).filter(f -> !f.isEmpty()).distinct().toList();
    }
}
