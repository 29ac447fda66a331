package io.miniman.docker;

import io.miniman.Listeners;
import io.miniman.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

/**
 * The one client to the engine and whether it answers. A failed call marks the engine down; a watchdog
 * pings it again with a growing pause (1 s doubling to 30 s) and marks it up when it answers, so the
 * views recover without a reload.
 */
@Component
public class DockerEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DockerEngine.class);
    private static final Duration UP_PING = Duration.ofSeconds(15);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final DockerProperties properties;
    private final DockerHttpClient http;
    private final DockerClient client;
    private final ObjectMapper json = new ObjectMapper();
    private final Listeners<EngineState> listeners = new Listeners<>("the Docker engine's state");
    /**
     * The report sums every container's writable layer, seconds of engine work with a few hundred: sizes
     * up to 5 s old serve every page and script meanwhile (api-bench: 6 volume lists a second kept the
     * engine busy and every other answer waiting behind it).
     */
    private final SingleFlight<JsonNode> diskUsage = new SingleFlight<>(() -> getJson("/system/df"), Duration.ofSeconds(5),
            System::nanoTime);
    private final ScheduledExecutorService watchdog;
    private volatile EngineState state;
    private Duration retryDelay = FIRST_RETRY;
    private ScheduledFuture<?> nextCheck;

    public DockerEngine(DockerProperties properties) {
        this.properties = properties;
        boolean tls = properties.certPath() != null && !properties.certPath().isBlank();
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(properties.host())
                .withDockerTlsVerify(tls);
        if (tls) {
            builder.withDockerCertPath(properties.certPath());
        }
        DockerClientConfig config = builder.build();
        // No response timeout: logs, stats and events are long-lived streams that may stay quiet for minutes.
        this.http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        this.client = DockerClientImpl.getInstance(config, http);
        this.state = new EngineState(EngineState.Status.UNKNOWN, properties.host(), null, Instant.now());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "docker-engine-watchdog");
            t.setDaemon(true);
            return t;
        });
        schedule(Duration.ZERO);
    }

    public DockerProperties properties() {
        return properties;
    }

    public EngineState state() {
        return state;
    }

    /** Pings the engine now and returns the resulting state (the Retry button). */
    public EngineState check() {
        try {
            client.pingCmd().exec();
            markUp();
        } catch (RuntimeException e) {
            markDown(reason(e));
        }
        return state;
    }

    public Subscription onStateChange(Consumer<EngineState> listener) {
        return listeners.add(listener);
    }

    /**
     * Runs a request against the engine, turning its failures into {@link DockerFailure} with the
     * engine's own message. For the docker services only: nothing outside docker sees the client.
     */
    public <T> T call(Function<DockerClient, T> request) {
        try {
            T result = request.apply(client);
            markUp();
            return result;
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    public void run(Consumer<DockerClient> request) {
        call(c -> {
            request.accept(c);
            return null;
        });
    }

    /** A raw GET for what docker-java does not model (system df, the inspect JSON as the engine wrote it). */
    public JsonNode getJson(String path) {
        return call(c -> {
            var request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path(path).build();
            try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
                byte[] bytes = body.readAllBytes();
                if (response.getStatusCode() >= 400) {
                    throw new DockerFailure(engineMessage(new String(bytes)), response.getStatusCode(), null);
                }
                return json.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public EngineInfo info() {
        Info info = call(c -> c.infoCmd().exec());
        Version version = call(c -> c.versionCmd().exec());
        return new EngineInfo(version.getVersion(), version.getApiVersion(), info.getOperatingSystem(),
                info.getKernelVersion(), info.getArchitecture(), info.getDriver(),
                info.getNCPU() == null ? 0 : info.getNCPU(), info.getMemTotal() == null ? 0 : info.getMemTotal(),
                DiskUsage.from(diskUsageReport()));
    }

    /** The engine's {@code /system/df} answer, at most 5 s old; callers at the same time share one call (see {@link SingleFlight}). */
    public JsonNode diskUsageReport() {
        return diskUsage.get();
    }

    /** Turns anything a request threw into the message a user should read. */
    public DockerFailure failure(Throwable e) {
        if (e instanceof DockerFailure f) {
            return f;
        }
        if (e instanceof DockerException de) {
            return new DockerFailure(engineMessage(de.getMessage()), de.getHttpStatus(), de);
        }
        if (e instanceof DockerClientException) {
            return new DockerFailure(e.getMessage(), 0, e);
        }
        if (connectionFailure(e)) {
            markDown(reason(e));
            return new DockerFailure(state.message(), 0, e);
        }
        return new DockerFailure(e.getMessage() == null ? e.toString() : e.getMessage(), 0, e);
    }

    /** A stream (events, logs) broke: if it was the connection, the engine is down. */
    public void streamFailed(Throwable e) {
        if (connectionFailure(e)) {
            markDown(reason(e));
        }
    }

    private static boolean connectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /** The engine writes {@code {"message":"..."}}; docker-java prefixes it with "Status 404: ". */
    private String engineMessage(String raw) {
        if (raw == null) {
            return "the engine gave no reason";
        }
        String body = raw.trim();
        if (body.startsWith("Status ") && body.contains(": ")) {
            body = body.substring(body.indexOf(": ") + 2).trim();
        }
        if (body.startsWith("{")) {
            try {
                JsonNode node = json.readTree(body);
                if (node.hasNonNull("message")) {
                    return node.get("message").asText();
                }
            } catch (IOException ignored) {
                // not JSON after all: the text itself is the best message there is
            }
        }
        return body;
    }

    private void markUp() {
        if (state.up()) {
            return;
        }
        synchronized (this) {
            if (state.up()) {
                return;
            }
            retryDelay = FIRST_RETRY;
            changeTo(new EngineState(EngineState.Status.UP, properties.host(), null, Instant.now()));
            schedule(UP_PING);
        }
    }

    private void markDown(String reason) {
        synchronized (this) {
            if (state.status() == EngineState.Status.DOWN) {
                if (!reason.equals(state.reason())) {
                    state = new EngineState(EngineState.Status.DOWN, properties.host(), reason, state.since());
                }
                return;
            }
            log.warn("Docker engine unreachable at {}: {}", properties.host(), reason);
            retryDelay = FIRST_RETRY;
            changeTo(new EngineState(EngineState.Status.DOWN, properties.host(), reason, Instant.now()));
            schedule(retryDelay);
        }
    }

    private void changeTo(EngineState next) {
        state = next;
        listeners.publish(next);
    }

    private synchronized void schedule(Duration delay) {
        if (watchdog.isShutdown()) {
            return;
        }
        if (nextCheck != null) {
            nextCheck.cancel(false);
        }
        nextCheck = watchdog.schedule(this::watch, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void watch() {
        check();
        synchronized (this) {
            if (state.up()) {
                schedule(UP_PING);
            } else {
                schedule(retryDelay);
                retryDelay = retryDelay.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retryDelay.multipliedBy(2);
            }
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        try {
            client.close();
        } catch (IOException e) {
            log.debug("Closing the docker client", e);
        }
    }
}
