package io.miniman.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.miniman.testsupport.Requires;

/**
 * The real engine the docker tests run against: one client, one busybox image built FROM scratch
 * (no registry reachable here), one local registry for pulls, and a name prefix per JVM so that
 * cleaning up never touches anything a person or another test run made.
 */
public final class DockerTestEngine {

    public static final String IMAGE = "miniman-test/busybox:1";
    public static final String REGISTRY = "127.0.0.1:5000";
    /** Every container, volume, network and image repository a test makes starts with this. */
    public static final String PREFIX = "mmt-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);

    private static DockerEngine engine;
    private static boolean imageReady;
    private static Process registry;

    private DockerTestEngine() {
    }

    public static String host() {
        String fromEnv = System.getenv("DOCKER_HOST");
        return fromEnv == null || fromEnv.isBlank() ? "unix:///var/run/docker.sock" : fromEnv;
    }

    public static synchronized DockerEngine engine() {
        if (engine == null) {
            engine = new DockerEngine(DockerProperties.of(host()));
        }
        EngineState state = engine.check();
        Requires.that(state.up(), "a Docker engine (" + state.message() + "); start dockerd");
        return engine;
    }

    public static String name(String what) {
        return PREFIX + "-" + what;
    }

    /** The busybox test image, built once per JVM when the engine lacks it. */
    public static synchronized String image() {
        engine();
        if (imageReady) {
            return IMAGE;
        }
        if (docker(List.of("image", "inspect", IMAGE)).exitCode() != 0) {
            Path busybox = Requires.program("busybox");
            try {
                Path dir = Files.createTempDirectory("mmt-image");
                Files.copy(busybox, dir.resolve("busybox"));
                Files.writeString(dir.resolve("Dockerfile"), """
                        FROM scratch
                        COPY busybox /bin/busybox
                        RUN ["/bin/busybox", "--install", "-s", "/bin"]
                        CMD ["/bin/sh"]
                        """);
                Cli built = docker(List.of("build", "-t", IMAGE, dir.toString()));
                if (built.exitCode() != 0) {
                    throw new IllegalStateException("building " + IMAGE + " failed: " + built.output());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        imageReady = true;
        return IMAGE;
    }

    /** Debian's docker-registry on 127.0.0.1:5000, unless one (e.g. CI's) already answers there. */
    public static synchronized String registry() {
        image();
        if (registryAnswers()) {
            return REGISTRY;
        }
        Path program = Requires.program("docker-registry");
        try {
            Path dir = Files.createTempDirectory("mmt-registry");
            Path config = dir.resolve("config.yml");
            Files.writeString(config, """
                    version: 0.1
                    log:
                      level: warn
                    storage:
                      filesystem:
                        rootdirectory: %s
                      delete:
                        enabled: true
                    http:
                      addr: %s
                    """.formatted(dir.resolve("data"), REGISTRY));
            registry = new ProcessBuilder(program.toString(), "serve", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(registry::destroy));
            for (int i = 0; i < 100 && !registryAnswers(); i++) {
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Requires.that(registryAnswers(), "a registry answering GET http://" + REGISTRY + "/v2/");
        return REGISTRY;
    }

    /**
     * An image only the registry has, with a layer of its own: pulling it downloads that layer (and
     * reports its progress) while the busybox layer beneath it "Already exists".
     */
    public static String remoteOnlyImage(String what) {
        String remote = registry() + "/" + PREFIX + "/" + what + ":1";
        try {
            Path dir = Files.createTempDirectory("mmt-remote");
            // 2 MB of noise: the engine reports bytes per 512 KB, so a tiny layer might show no "Downloading" at all
            Files.writeString(dir.resolve("Dockerfile"), "FROM " + IMAGE + "\nRUN head -c 2000000 /dev/urandom > /own-layer && echo "
                    + what + " " + PREFIX + " >> /own-layer\n");
            for (List<String> step : List.of(List.of("build", "-t", remote, dir.toString()), List.of("push", remote),
                    List.of("rmi", remote))) {
                Cli done = docker(step);
                if (done.exitCode() != 0) {
                    throw new IllegalStateException("docker " + step + " failed: " + done.output());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return remote;
    }

    private static boolean registryAnswers() {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://" + REGISTRY + "/v2/")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public record Cli(int exitCode, String output) {
    }

    /** The docker CLI, for doing things behind the console's back (as a person at a shell would). */
    public static Cli docker(List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(Requires.program("docker").toString());
        argv.addAll(args);
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
            builder.environment().put("DOCKER_BUILDKIT", "0");
            builder.environment().put("DOCKER_HOST", host());
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Cli(-1, "timed out: " + argv);
            }
            return new Cli(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Cli(-1, "interrupted");
        }
    }

    /** Removes every container, network, volume and image of this JVM's tests. */
    public static void cleanUp() {
        if (engine == null || !engine.state().up()) {
            return;
        }
        engine.run(c -> {
            c.listContainersCmd().withShowAll(true).withNameFilter(List.of(PREFIX)).exec()
                    .forEach(ct -> c.removeContainerCmd(ct.getId()).withForce(true).withRemoveVolumes(true).exec());
            c.listNetworksCmd().exec().stream().filter(n -> n.getName().startsWith(PREFIX))
                    .forEach(n -> c.removeNetworkCmd(n.getId()).exec());
            c.listVolumesCmd().exec().getVolumes().stream().filter(v -> v.getName().startsWith(PREFIX))
                    .forEach(v -> c.removeVolumeCmd(v.getName()).exec());
            c.listImagesCmd().exec().stream()
                    .filter(i -> i.getRepoTags() != null && List.of(i.getRepoTags()).stream().anyMatch(t -> t.contains(PREFIX)))
                    .forEach(i -> c.removeImageCmd(i.getId()).withForce(true).exec());
        });
    }
}
