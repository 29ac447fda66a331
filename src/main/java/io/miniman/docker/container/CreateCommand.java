package io.miniman.docker.container;

import java.util.ArrayList;
import java.util.List;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;

/** A {@link RunSpec} as the engine's create request. */
final class CreateCommand {

    private CreateCommand() {
    }

    static CreateContainerCmd configure(CreateContainerCmd cmd, RunSpec spec) {
        HostConfig host = HostConfig.newHostConfig();
        if (!spec.name().isEmpty()) {
            cmd.withName(spec.name());
        }
        if (!spec.command().isEmpty()) {
            cmd.withCmd(spec.command());
        }
        cmd.withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue() == null ? "" : e.getValue())).toList());
        if (!spec.ports().isEmpty()) {
            Ports bindings = new Ports();
            List<ExposedPort> exposed = new ArrayList<>();
            for (PortMapping p : spec.ports()) {
                ExposedPort port = new ExposedPort(p.containerPort(), InternetProtocol.parse(p.protocol()));
                exposed.add(port);
                bindings.bind(port, new Ports.Binding(p.hostIp(), p.hostPort() == null ? "" : p.hostPort().toString()));
            }
            cmd.withExposedPorts(exposed);
            host.withPortBindings(bindings);
        }
        if (!spec.mounts().isEmpty()) {
            host.withBinds(spec.mounts().stream()
                    .map(m -> new Bind(m.source(), new Volume(m.target()), m.readOnly() ? AccessMode.ro : AccessMode.rw))
                    .toList());
        }
        if (!spec.network().isEmpty()) {
            host.withNetworkMode(spec.network());
        }
        host.withRestartPolicy(switch (spec.restart()) {
            case NO -> RestartPolicy.noRestart();
            case ALWAYS -> RestartPolicy.alwaysRestart();
            case UNLESS_STOPPED -> RestartPolicy.unlessStoppedRestart();
            case ON_FAILURE -> RestartPolicy.onFailureRestart(3);
        });
        RunSpec.HostAccess access = spec.hostAccess();
        host.withPrivileged(access.privileged());
        if (!access.devices().isEmpty()) {
            host.withDevices(access.devices().stream().map(Device::parse).toList());
        }
        if (!access.capAdd().isEmpty()) {
            host.withCapAdd(access.capAdd().stream().map(CreateCommand::capability).toArray(Capability[]::new));
        }
        if (!access.pidMode().isEmpty()) {
            host.withPidMode(access.pidMode());
        }
        if (spec.memoryBytes() != null) {
            host.withMemory(spec.memoryBytes());
        }
        if (spec.cpus() != null) {
            host.withNanoCPUs(Math.round(spec.cpus() * 1_000_000_000d));
        }
        return cmd.withLabels(spec.labels()).withHostConfig(host);
    }

    private static Capability capability(String name) {
        try {
            return Capability.valueOf(name.replaceFirst("^CAP_", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown capability " + name);
        }
    }
}
