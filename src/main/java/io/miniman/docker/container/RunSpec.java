package io.miniman.docker.container;

import java.util.List;
import java.util.Map;

import io.miniman.docker.validation.DistinctHostPorts;
import io.miniman.docker.validation.DockerPatterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Everything "run a new container" asks. The annotations are the whole input check (the actions
 * validate before anything reaches the engine); what a role may ask for is
 * {@link io.miniman.docker.security.DockerSecurityPolicy}'s to say.
 *
 * @param command     empty: the image's default
 * @param mounts      a volume name or an absolute host path, mounted at an absolute container path
 * @param network     empty: the default bridge; {@code host}, {@code none} or {@code container:NAME} are modes
 * @param memoryBytes null: no limit
 * @param cpus        null: no limit
 * @param hostAccess  what reaches past the container's isolation (privileged, devices, capabilities, PID mode)
 */
public record RunSpec(
        @NotBlank(message = "An image is required")
        @Pattern(regexp = DockerPatterns.OPTIONAL_IMAGE, message = DockerPatterns.IMAGE_MESSAGE) String image,
        @Pattern(regexp = DockerPatterns.OPTIONAL_NAME, message = DockerPatterns.NAME_MESSAGE) String name,
        List<String> command,
        Map<@Pattern(regexp = ENV_KEY, message = "an environment key must not be empty or hold '=' or spaces") String,
                @Pattern(regexp = "[^\\x00]*", message = "an environment value must not hold a NUL character") String> env,
        @DistinctHostPorts List<PortMapping> ports,
        List<@Valid Mount> mounts,
        @Pattern(regexp = "|(container:)?" + DockerPatterns.NAME, message = "is not a network name or mode") String network,
        @NotNull RestartPolicy restart,
        @Min(value = MIN_MEMORY, message = "must be at least 6 MiB") Long memoryBytes,
        @Positive(message = "must be more than 0") Double cpus,
        Map<String, String> labels,
        @Valid @NotNull HostAccess hostAccess) {

    static final String ENV_KEY = "[^=\\x00\\s]+";
    static final long MIN_MEMORY = 6L * 1024 * 1024;

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

    public record Mount(
            @Pattern(regexp = DockerPatterns.ABSOLUTE_PATH + "|" + DockerPatterns.NAME,
                    message = "is neither an absolute host path nor a volume name") String source,
            @Pattern(regexp = DockerPatterns.ABSOLUTE_PATH, message = "must be an absolute path in the container") String target,
            boolean readOnly) {
        public boolean bind() {
            return source.startsWith("/");
        }
    }

    /**
     * @param devices  host devices, {@code /dev/x[:/dev/y][:rwm]} as {@code docker run --device} takes them
     * @param capAdd   capabilities added to the default set ({@code NET_ADMIN}, {@code CAP_SYS_TIME}, {@code ALL})
     * @param pidMode  empty: the container's own; {@code host} or {@code container:NAME}
     */
    public record HostAccess(
            boolean privileged,
            List<@Pattern(regexp = "/[^:\\x00]+(:/[^:\\x00]+)?(:[rwm]{1,3})?",
                    message = "is not a device like /dev/ttyUSB0[:/dev/ttyUSB0][:rwm]") String> devices,
            List<@Pattern(regexp = "ALL|(CAP_)?[A-Z_]+", message = "is not a capability name like NET_ADMIN") String> capAdd,
            @Pattern(regexp = "|host|container:" + DockerPatterns.NAME, message = "must be empty, host or container:NAME") String pidMode) {

        public static final HostAccess NONE = new HostAccess(false, List.of(), List.of(), "");

        public HostAccess {
            devices = devices == null ? List.of() : List.copyOf(devices);
            capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
            pidMode = pidMode == null ? "" : pidMode.trim();
        }
    }

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
        hostAccess = hostAccess == null ? HostAccess.NONE : hostAccess;
    }

    /** A container that asks for no access to the host beyond its mounts and ports. */
    public RunSpec(String image, String name, List<String> command, Map<String, String> env, List<PortMapping> ports,
                   List<Mount> mounts, String network, RestartPolicy restart, Long memoryBytes, Double cpus,
                   Map<String, String> labels) {
        this(image, name, command, env, ports, mounts, network, restart, memoryBytes, cpus, labels, HostAccess.NONE);
    }

    public static RunSpec of(String image, String name, List<String> command) {
        return new RunSpec(image, name, command, null, null, null, null, null, null, null, null);
    }
}
