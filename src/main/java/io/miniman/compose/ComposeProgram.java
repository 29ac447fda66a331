package io.miniman.compose;

import java.util.List;

/**
 * The compose CLI found on this box: {@code docker compose} (the v2 plugin) or {@code docker-compose}
 * (v1, all Debian 12 ships), with its version; {@link #NONE} when neither answers. {@code command} is the
 * program alone: for v2 the caller adds the engine options and then "compose".
 */
public record ComposeProgram(List<String> command, String version, boolean v2) {

    public static final ComposeProgram NONE = new ComposeProgram(List.of(), "", false);

    public ComposeProgram {
        command = List.copyOf(command);
    }

    public boolean installed() {
        return !command.isEmpty();
    }

    /** How the engine page names it, e.g. "docker-compose 1.29.2 (v1)". */
    public String describe() {
        if (!installed()) {
            return "none installed: install the docker compose plugin or docker-compose to run stacks";
        }
        return (v2 ? "docker compose " : "docker-compose ") + version + (v2 ? " (v2 plugin)" : " (v1)");
    }
}
