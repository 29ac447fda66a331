package io.miniman.compose;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A stack's files as a user wrote them. The name is the folder and the compose project name, so it
 * keeps to what both accept and can never name a path ("..", "/"); the size caps protect a 1 GB box
 * (the real limit, {@code miniman.compose-file-limit}, is checked in bytes by the service).
 */
public record StackDraft(
        @NotBlank(message = "A stack needs a name")
        @Size(max = 63, message = "At most 63 characters")
        @Pattern(regexp = NAME_PATTERN, message = "Lower-case letters, digits, '_' and '-', starting with a letter or digit")
        String name,
        @NotNull @NotBlank(message = "The compose file is empty") String compose,
        @NotNull String env) {

    public static final String NAME_PATTERN = "[a-z0-9][a-z0-9_-]*";

    public StackDraft {
        env = env == null ? "" : env;
    }
}
