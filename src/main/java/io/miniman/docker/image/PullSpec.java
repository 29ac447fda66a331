package io.miniman.docker.image;

import io.miniman.docker.validation.DockerPatterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** An image to pull, credentials optional. */
public record PullSpec(
        @NotBlank(message = "An image reference is required")
        @Pattern(regexp = DockerPatterns.OPTIONAL_IMAGE, message = DockerPatterns.IMAGE_MESSAGE) String reference,
        RegistryAuth auth) {

    public PullSpec {
        reference = reference == null ? "" : reference.trim();
    }
}
