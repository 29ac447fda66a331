package io.miniman.docker.image;

import io.miniman.docker.validation.DockerPatterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A new name for an image (given by id or reference). */
public record TagSpec(
        @NotBlank String image,
        @NotBlank(message = "A repository:tag is required")
        @Pattern(regexp = DockerPatterns.OPTIONAL_IMAGE, message = DockerPatterns.IMAGE_MESSAGE) String reference) {

    public TagSpec {
        reference = reference == null ? "" : reference.trim();
    }
}
