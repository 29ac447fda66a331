package io.miniman.docker.container;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StreamType;

import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerFailure;
import io.miniman.docker.SecretValues;
import io.miniman.docker.validation.DockerPatterns;
import io.miniman.Subscription;

/** Containers on the engine, in records. Each method is one engine request or a short, fixed sequence. */
@Service
public class ContainerService {

    private static final Pattern HEALTH = Pattern.compile("\\((healthy|unhealthy|health: starting)\\)");
    private static final int EXEC_OUTPUT_CAP = 64 * 1024;

    private final DockerEngine engine;
    private final ObjectMapper json = new ObjectMapper();
    private final LogFollowers followers;

    public ContainerService(DockerEngine engine) {
        this.engine = engine;
        // a late follower's live lines wait while it reads its past ones: room for a burst over that read
        this.followers = new LogFollowers(this::openFollow, this::logs, 4 * engine.properties().logBufferLines(),
                Clock.systemUTC());
    }

    public List<ContainerSummary> list(ContainerFilter filter) {
        List<Container> containers = engine.call(c -> c.listContainersCmd().withShowAll(true).exec());
        List<ContainerSummary> out = new ArrayList<>(containers.size());
        for (Container container : containers) {
            ContainerSummary summary = toSummary(container);
            if (filter.matches(summary)) {
                out.add(summary);
            }
        }
        return out;
    }

    private static ContainerSummary toSummary(Container c) {
        String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", "");
        Matcher health = HEALTH.matcher(c.getStatus() == null ? "" : c.getStatus());
        return new ContainerSummary(c.getId(), name, c.getImage(), c.getState(), c.getStatus(),
                health.find() ? health.group(1).replace("health: ", "") : "", ports(c.getPorts()),
                Instant.ofEpochSecond(c.getCreated() == null ? 0 : c.getCreated()),
                c.getLabels() == null ? Map.of() : c.getLabels());
    }

    /** The engine lists a published port once per address family; one row per port is what people read. */
    private static List<PortMapping> ports(ContainerPort[] ports) {
        if (ports == null) {
            return List.of();
        }
        Map<String, PortMapping> unique = new LinkedHashMap<>();
        for (ContainerPort p : ports) {
            if (p.getPrivatePort() == null) {
                continue;
            }
            PortMapping mapping = new PortMapping(p.getIp(), p.getPublicPort(), p.getPrivatePort(), p.getType());
            unique.merge(p.getPublicPort() + ":" + p.getPrivatePort() + "/" + p.getType(), mapping,
                    (a, b) -> a.hostIp() != null && a.hostIp().contains(":") ? b : a);
        }
        return List.copyOf(unique.values());
    }

    public ContainerDetails details(String id) {
        InspectContainerResponse r = engine.call(c -> c.inspectContainerCmd(id).exec());
        var config = r.getConfig();
        var state = r.getState();
        List<ContainerDetails.EnvVar> env = new ArrayList<>();
        for (String assignment : config.getEnv() == null ? new String[0] : config.getEnv()) {
            int eq = assignment.indexOf('=');
            String key = eq < 0 ? assignment : assignment.substring(0, eq);
            boolean secret = SecretValues.looksSecret(key);
            env.add(new ContainerDetails.EnvVar(key, secret ? SecretValues.MASK : eq < 0 ? "" : assignment.substring(eq + 1), secret));
        }
        List<ContainerDetails.MountInfo> mounts = r.getMounts() == null ? List.of() : r.getMounts().stream()
                .map(m -> new ContainerDetails.MountInfo(m.getName() != null ? "volume" : "bind",
                        m.getName() != null ? m.getName() : m.getSource(),
                        m.getDestination() == null ? "" : m.getDestination().getPath(), Boolean.TRUE.equals(m.getRW())))
                .toList();
        List<ContainerDetails.NetworkAttachment> networks = new ArrayList<>();
        if (r.getNetworkSettings() != null && r.getNetworkSettings().getNetworks() != null) {
            r.getNetworkSettings().getNetworks().forEach((name, n) -> networks.add(new ContainerDetails.NetworkAttachment(
                    name, n.getIpAddress(), n.getAliases() == null ? List.of() : n.getAliases())));
        }
        List<PortMapping> ports = new ArrayList<>();
        if (r.getHostConfig() != null && r.getHostConfig().getPortBindings() != null) {
            r.getHostConfig().getPortBindings().getBindings().forEach((exposed, bindings) -> {
                for (Ports.Binding b : bindings == null ? new Ports.Binding[0] : bindings) {
                    String spec = b.getHostPortSpec();
                    ports.add(new PortMapping(b.getHostIp() == null || b.getHostIp().isEmpty() ? null : b.getHostIp(),
                            spec == null || spec.isEmpty() ? null : Integer.valueOf(spec), exposed.getPort(),
                            exposed.getProtocol().toString()));
                }
            });
        }
        RestartPolicy restart = r.getHostConfig() == null ? null : r.getHostConfig().getRestartPolicy();
        String health = state.getHealth() == null ? "" : state.getHealth().getStatus();
        return new ContainerDetails(r.getId(), r.getName().replaceFirst("^/", ""), config.getImage(), state.getStatus(), health,
                config.getCmd() == null ? List.of() : List.of(config.getCmd()),
                config.getEntrypoint() == null ? List.of() : List.of(config.getEntrypoint()),
                config.getWorkingDir(), env, mounts, networks, ports,
                restart == null || restart.getName() == null || restart.getName().isEmpty() ? "no" : restart.getName(),
                instant(r.getCreated()), instant(state.getStartedAt()), instant(state.getFinishedAt()),
                state.getExitCodeLong(), config.getLabels() == null ? Map.of() : config.getLabels(),
                Boolean.TRUE.equals(config.getTty()));
    }

    /** The engine's inspect JSON, indented, with secret-looking environment values masked. */
    public String inspectJson(String id) {
        JsonNode node = engine.getJson("/containers/" + id + "/json");
        if (node.path("Config").path("Env") instanceof ArrayNode env) {
            for (int i = 0; i < env.size(); i++) {
                env.set(i, SecretValues.maskAssignment(env.get(i).asText()));
            }
        }
        return pretty(node);
    }

    private String pretty(JsonNode node) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new DockerFailure("Could not format the inspect JSON: " + e.getMessage());
        }
    }

    /** Docker writes "0001-01-01T00:00:00Z" for "never". */
    private static Instant instant(String text) {
        if (text == null || text.isEmpty() || text.startsWith("0001-")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public void start(String id) {
        engine.run(c -> {
            try {
                c.startContainerCmd(id).exec();
            } catch (NotModifiedException alreadyRunning) {
                // the container is where the user wants it
            }
        });
    }

    public void stop(String id, Duration timeout) {
        engine.run(c -> {
            try {
                c.stopContainerCmd(id).withTimeout((int) timeout.toSeconds()).exec();
            } catch (NotModifiedException alreadyStopped) {
                // the container is where the user wants it
            }
        });
    }

    public void restart(String id, Duration timeout) {
        engine.run(c -> c.restartContainerCmd(id).withTimeout((int) timeout.toSeconds()).exec());
    }

    public void kill(String id) {
        engine.run(c -> c.killContainerCmd(id).exec());
    }

    public void pause(String id) {
        engine.run(c -> c.pauseContainerCmd(id).exec());
    }

    public void unpause(String id) {
        engine.run(c -> c.unpauseContainerCmd(id).exec());
    }

    public void rename(String id, String newName) {
        if (!DockerPatterns.validName(newName)) {
            throw new IllegalArgumentException("Name '" + newName + "' " + DockerPatterns.NAME_MESSAGE);
        }
        engine.run(c -> c.renameContainerCmd(id).withName(newName).exec());
    }

    /** {@code volumes}: also the container's anonymous volumes (named ones stay). */
    public void remove(String id, boolean force, boolean volumes) {
        engine.run(c -> c.removeContainerCmd(id).withForce(force).withRemoveVolumes(volumes).exec());
    }

    /**
     * Creates and starts a container. When the engine refuses to start it (a port already taken), the
     * created container is removed again, so a failed run leaves nothing behind.
     */
    public String run(RunSpec spec) {
        String id = engine.call(c -> CreateCommand.configure(c.createContainerCmd(spec.image()), spec).exec().getId());
        try {
            start(id);
        } catch (DockerFailure e) {
            try {
                remove(id, true, true);
            } catch (DockerFailure cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return id;
    }


    /**
     * Lines written so far: the last {@code tail}, or since a time; never more than the configured
     * log buffer, however much the engine sends.
     */
    public List<LogLine> logs(String id, LogQuery query) {
        LogBuffer lines = new LogBuffer(engine.properties().logBufferLines());
        ResultCallback.Adapter<Frame> callback = engine.call(c -> logCmd(c.logContainerCmd(id), query, false)
                .exec(new FrameAdapter(query.timestamps(), lines::add)));
        try {
            callback.awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (callback instanceof FrameAdapter adapter && adapter.error != null) {
            throw engine.failure(adapter.error);
        }
        return lines.snapshot();
    }

    /**
     * Sends the lines {@code query} asks for, then each new one, to {@code sink} until the subscription is
     * closed or the container ends. Every follower of a container shares one engine stream.
     */
    public Subscription follow(String id, LogQuery query, Consumer<LogLine> sink) {
        return followers.follow(id, query, sink);
    }

    /** Containers whose log is followed now, each by one engine stream. */
    int followStreams() {
        return followers.streams();
    }

    private Closeable openFollow(String id, LogQuery query, Consumer<LogLine> lines, Runnable ended) {
        return engine.call(c -> logCmd(c.logContainerCmd(id), query, true).exec(new FrameAdapter(query.timestamps(), lines) {
            @Override
            public void onComplete() {
                ended.run();
                super.onComplete();
            }

            @Override
            public void onError(Throwable throwable) {
                ended.run();
                super.onError(throwable);
            }
        }));
    }

    /**
     * Writes the whole log, as the engine sends it, to {@code out} while it arrives (a download): nothing
     * is held in memory, so a log of any size passes through.
     */
    public void writeLogs(String id, boolean timestamps, OutputStream out) throws IOException {
        IOException[] failed = {null};
        ResultCallback.Adapter<Frame> callback = engine.call(c -> c.logContainerCmd(id).withStdOut(true).withStdErr(true)
                .withTimestamps(timestamps).withFollowStream(false).exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        try {
                            out.write(frame.getPayload());
                        } catch (IOException gone) {
                            failed[0] = gone;
                            closeQuietly(this);
                        }
                    }
                }));
        try {
            callback.awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    private static LogContainerCmd logCmd(LogContainerCmd cmd, LogQuery query, boolean follow) {
        cmd.withStdOut(true).withStdErr(true).withTimestamps(query.timestamps()).withFollowStream(follow);
        if (query.tail() != null) {
            cmd.withTail(query.tail());
        }
        if (query.since() != null) {
            cmd.withSince((int) query.since().getEpochSecond());
        }
        return cmd;
    }

    private static class FrameAdapter extends ResultCallback.Adapter<Frame> {
        private final boolean timestamps;
        private final Consumer<LogLine> sink;
        private Throwable error;

        FrameAdapter(boolean timestamps, Consumer<LogLine> sink) {
            this.timestamps = timestamps;
            this.sink = sink;
        }

        @Override
        public void onNext(Frame frame) {
            LogLine.Source source = frame.getStreamType() == StreamType.STDERR ? LogLine.Source.STDERR : LogLine.Source.STDOUT;
            String payload = new String(frame.getPayload(), StandardCharsets.UTF_8);
            for (String line : payload.split("\r?\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                Instant time = null;
                String text = line;
                int space = line.indexOf(' ');
                if (timestamps && space > 0) {
                    time = instant(line.substring(0, space));
                    text = line.substring(space + 1);
                }
                sink.accept(new LogLine(time, source, text));
            }
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
            super.onError(throwable);
        }
    }

    /** Runs a command once and waits for it (at most {@code timeout}); output is capped at 64 KiB. */
    public ExecResult exec(String id, List<String> command, Duration timeout) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("A command is required");
        }
        String execId = engine.call(c -> c.execCreateCmd(id).withCmd(command.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec().getId());
        StringBuilder output = new StringBuilder();
        boolean[] truncated = {false};
        ResultCallback.Adapter<Frame> callback = engine.call(c -> c.execStartCmd(execId).exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (output) {
                    String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                    int room = EXEC_OUTPUT_CAP - output.length();
                    if (text.length() > room) {
                        truncated[0] = true;
                    }
                    output.append(text, 0, Math.max(0, Math.min(room, text.length())));
                }
            }
        }));
        boolean finished;
        try {
            finished = callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        closeQuietly(callback);
        if (!finished) {
            throw new DockerFailure("'" + String.join(" ", command) + "' did not finish within " + timeout.toSeconds() + " s");
        }
        Long exitCode = engine.call(c -> c.inspectExecCmd(execId).exec().getExitCodeLong());
        synchronized (output) {
            return new ExecResult(exitCode == null ? -1 : exitCode.intValue(), output.toString(), truncated[0]);
        }
    }

    /**
     * Opens a shell with a TTY. {@code output} receives what the shell prints (already decoded);
     * {@code ended} runs once when the shell exits or the stream breaks.
     */
    public TerminalSession terminal(String id, List<String> shell, int columns, int rows, Consumer<String> output,
                                    Runnable ended) {
        String execId = engine.call(c -> c.execCreateCmd(id).withCmd(shell.toArray(String[]::new)).withTty(true)
                .withAttachStdin(true).withAttachStdout(true).withAttachStderr(true)
                .withEnv(List.of("TERM=xterm-256color")).exec().getId());
        TerminalSession session = new TerminalSession(engine, execId);
        TerminalSession.Utf8Stream decoder = new TerminalSession.Utf8Stream(output);
        Closeable stream = engine.call(c -> c.execStartCmd(execId).withTty(true).withStdIn(session.stdin())
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        decoder.accept(frame.getPayload());
                    }

                    @Override
                    public void onComplete() {
                        ended.run();
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        ended.run();
                    }
                }));
        session.attached(stream);
        try {
            session.resize(columns, rows);
        } catch (DockerFailure notYetRunning) {
            // the exec may not have started yet; the next resize from the terminal applies it
        }
        return session;
    }

    /** A sample about every second while the container runs, until the subscription is closed. */
    public Subscription stats(String id, Consumer<StatsSample> sink) {
        Closeable stream = engine.call(c -> c.statsCmd(id).exec(new ResultCallback.Adapter<Statistics>() {
            @Override
            public void onNext(Statistics s) {
                sink.accept(sample(s));
            }
        }));
        return () -> closeQuietly(stream);
    }

    static StatsSample sample(Statistics s) {
        double cpuPercent = 0;
        var cpu = s.getCpuStats();
        var pre = s.getPreCpuStats();
        if (cpu != null && pre != null && cpu.getCpuUsage() != null && pre.getCpuUsage() != null
                && cpu.getSystemCpuUsage() != null && pre.getSystemCpuUsage() != null) {
            long cpuDelta = nz(cpu.getCpuUsage().getTotalUsage()) - nz(pre.getCpuUsage().getTotalUsage());
            long systemDelta = cpu.getSystemCpuUsage() - pre.getSystemCpuUsage();
            long cpus = cpu.getOnlineCpus() != null ? cpu.getOnlineCpus()
                    : cpu.getCpuUsage().getPercpuUsage() == null ? 1 : cpu.getCpuUsage().getPercpuUsage().size();
            if (cpuDelta > 0 && systemDelta > 0) {
                cpuPercent = (double) cpuDelta / systemDelta * cpus * 100.0;
            }
        }
        long memory = 0;
        long limit = 0;
        if (s.getMemoryStats() != null) {
            memory = nz(s.getMemoryStats().getUsage());
            limit = nz(s.getMemoryStats().getLimit());
            // like `docker stats`: page cache the kernel can drop does not count as use
            var detail = s.getMemoryStats().getStats();
            if (detail != null) {
                long inactive = detail.getTotalInactiveFile() != null ? detail.getTotalInactiveFile()
                        : nz(detail.getInactiveFile());
                if (inactive < memory) {
                    memory -= inactive;
                }
            }
        }
        long rx = 0;
        long tx = 0;
        if (s.getNetworks() != null) {
            for (var n : s.getNetworks().values()) {
                rx += nz(n.getRxBytes());
                tx += nz(n.getTxBytes());
            }
        }
        long read = 0;
        long write = 0;
        if (s.getBlkioStats() != null && s.getBlkioStats().getIoServiceBytesRecursive() != null) {
            for (var e : s.getBlkioStats().getIoServiceBytesRecursive()) {
                if ("read".equalsIgnoreCase(e.getOp())) {
                    read += nz(e.getValue());
                } else if ("write".equalsIgnoreCase(e.getOp())) {
                    write += nz(e.getValue());
                }
            }
        }
        Instant time = instant(s.getRead());
        return new StatsSample(time == null ? Instant.now() : time, cpuPercent, memory, limit, rx, tx, read, write);
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }

    private static void closeQuietly(Closeable stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // closing a stream the engine already ended
        }
    }

    /** Names of every container, for pickers (network connect, run dialog). */
    public List<String> names() {
        return list(ContainerFilter.ALL).stream().map(ContainerSummary::name).sorted().toList();
    }

}
