package io.miniman.docker.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything "run a new container" asks. {@link #problems()} checks it before anything reaches the engine.
 *
 * @param command     empty: the image's default
 * @param mounts      a volume name or an absolute host path, mounted at an absolute container path
 * @param network     empty: the default bridge
 * @param memoryBytes null: no limit
 * @param cpus        null: no limit
 */
public record RunSpec(String image, String name, List<String> command, Map<String, String> env,
                      List<PortMapping> ports, List<Mount> mounts, String network, RestartPolicy restart,
                      Long memoryBytes, Double cpus, Map<String, String> labels) {

    public enum RestartPolicy {
        NO("no"), ALWAYS("always"), UNLESS_STOPPED("unless-stopped"), ON_FAILURE("on-failure");

        private final String engineName;

        RestartPolicy(String engineName) {
            this.engineName = engineName;
        }

        public String engineName() {
            return engineName;
        }
    }

    public record Mount(String source, String target, boolean readOnly) {
        public boolean bind() {
            return source.startsWith("/");
        }
    }

    /** Docker's own rules: names and volume names [a-zA-Z0-9][a-zA-Z0-9_.-]+, env keys without '=' or NUL. */
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    static final Pattern IMAGE = Pattern.compile(
            "^(?:[a-zA-Z0-9.-]+(?::\\d+)?/)?[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*"
                    + "(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$");
    private static final Pattern ENV_KEY = Pattern.compile("[^=\\x00]+");
    private static final long MIN_MEMORY = 6L * 1024 * 1024;

    public RunSpec {
        command = command == null ? List.of() : List.copyOf(command);
        env = env == null ? Map.of() : Map.copyOf(env);
        ports = ports == null ? List.of() : List.copyOf(ports);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        restart = restart == null ? RestartPolicy.NO : restart;
        network = network == null ? "" : network.trim();
        name = name == null ? "" : name.trim();
        image = image == null ? "" : image.trim();
    }

    /** Docker's rule for container and volume names. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Whether the text is an image reference the engine could accept ([registry/]name[:tag][@digest]). */
    public static boolean validImage(String reference) {
        return IMAGE.matcher(reference).matches();
    }

    public static RunSpec of(String image, String name, List<String> command) {
        return new RunSpec(image, name, command, null, null, null, null, null, null, null, null);
    }

    /** What is wrong, in words a user can act on; empty when the spec may be sent. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (image.isEmpty()) {
            problems.add("An image is required");
        } else if (!IMAGE.matcher(image).matches()) {
            problems.add("'" + image + "' is not a valid image reference");
        }
        if (!name.isEmpty() && !NAME.matcher(name).matches()) {
            problems.add("Name '" + name + "' may only hold letters, digits, '_', '.' and '-', and must start with a letter or digit");
        }
        env.forEach((key, value) -> {
            if (!ENV_KEY.matcher(key).matches() || key.isBlank()) {
                problems.add("Environment key '" + key + "' must not be empty or contain '='");
            }
            if (value != null && value.indexOf('\0') >= 0) {
                problems.add("Environment value of '" + key + "' contains a NUL character");
            }
        });
        for (Mount m : mounts) {
            if (!m.target().startsWith("/")) {
                problems.add("Mount target '" + m.target() + "' must be an absolute path");
            }
            if (!m.bind() && !NAME.matcher(m.source()).matches()) {
                problems.add("Mount source '" + m.source() + "' is neither an absolute host path nor a volume name");
            }
        }
        for (PortMapping p : ports) {
            if (p.hostPort() != null && ports.stream().filter(o -> o != p && p.hostPort().equals(o.hostPort())
                    && p.protocol().equals(o.protocol())).findAny().isPresent()) {
                problems.add("Host port " + p.hostPort() + "/" + p.protocol() + " is mapped twice");
                break;
            }
        }
        if (memoryBytes != null && memoryBytes < MIN_MEMORY) {
            problems.add("Memory limit must be at least 6 MiB");
        }
        if (cpus != null && cpus <= 0) {
            problems.add("CPU limit must be more than 0");
        }
        if (!network.isEmpty() && !NAME.matcher(network).matches()) {
            problems.add("'" + network + "' is not a network name");
        }
        return problems;
    }
}
