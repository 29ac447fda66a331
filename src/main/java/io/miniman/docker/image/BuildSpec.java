package io.miniman.docker.image;

import java.util.Map;

import io.miniman.docker.validation.DockerPatterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** What a build is tagged and which build arguments it gets; the context comes separately (it is a file). */
public record BuildSpec(
        @NotBlank(message = "A tag is required")
        @Pattern(regexp = DockerPatterns.OPTIONAL_IMAGE, message = DockerPatterns.IMAGE_MESSAGE) String tag,
        Map<@Pattern(regexp = "[^=\\x00\\s]+", message = "a build argument's name must not be empty or hold '=' or spaces")
                String, String> buildArgs) {

    public BuildSpec {
        tag = tag == null ? "" : tag.trim();
        buildArgs = buildArgs == null ? Map.of() : Map.copyOf(buildArgs);
    }
}
