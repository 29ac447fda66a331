package io.miniman.docker.container;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The Overview tab. Values of secret-looking environment keys arrive already masked. */
public record ContainerDetails(String id, String name, String image, String state, String health, List<String> command,
                               List<String> entrypoint, String workingDir, List<EnvVar> env, List<MountInfo> mounts,
                               List<NetworkAttachment> networks, List<PortMapping> ports, String restartPolicy,
                               Instant created, Instant startedAt, Instant finishedAt, Long exitCode,
                               Map<String, String> labels, boolean tty) {

    public record EnvVar(String key, String value, boolean masked) {
    }

    public record MountInfo(String type, String source, String destination, boolean readWrite) {
    }

    public record NetworkAttachment(String network, String ipAddress, List<String> aliases) {
    }

    public boolean running() {
        return "running".equals(state);
    }
}
