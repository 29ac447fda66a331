package io.miniman.docker.volume;

import java.util.Map;

import io.miniman.docker.validation.DockerPatterns;
import jakarta.validation.constraints.Pattern;

/**
 * A volume to create; an empty name lets the engine choose one. Driver options can turn a volume into a
 * bind mount of any host folder ({@code type=none,o=bind,device=/}): who may set them is
 * {@link io.miniman.docker.security.DockerSecurityPolicy}'s to say.
 */
public record VolumeSpec(
        @Pattern(regexp = DockerPatterns.OPTIONAL_NAME, message = DockerPatterns.NAME_MESSAGE) String name,
        @Pattern(regexp = DockerPatterns.NAME, message = "is not a volume driver name") String driver,
        Map<@Pattern(regexp = "[^=\\x00\\s]+", message = "an option key must not be empty or hold '=' or spaces") String, String> options,
        Map<String, String> labels) {

    public static final String DEFAULT_DRIVER = "local";

    public VolumeSpec {
        name = name == null ? "" : name.trim();
        driver = driver == null || driver.isBlank() ? DEFAULT_DRIVER : driver.trim();
        options = options == null ? Map.of() : Map.copyOf(options);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
