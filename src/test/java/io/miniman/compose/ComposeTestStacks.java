package io.miniman.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import io.miniman.docker.DockerTestEngine;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationUpdate;
import io.miniman.testsupport.Requires;

/**
 * What the compose tests share: the busybox test image pushed to the local registry (Debian's compose v1
 * always pulls, so stacks name the registry), unique stack names, and a clean-up that takes down only
 * the projects these tests made.
 */
public final class ComposeTestStacks {

    private static final List<String> made = new ArrayList<>();
    private static String image;

    private ComposeTestStacks() {
    }

    /** The test image as the registry serves it, pushed once per JVM. */
    public static synchronized String image() {
        if (image == null) {
            Requires.program("docker-compose");
            String local = DockerTestEngine.image();
            String remote = DockerTestEngine.registry() + "/" + DockerTestEngine.PREFIX + "/compose-busybox:1";
            for (List<String> step : List.of(List.of("tag", local, remote), List.of("push", remote))) {
                DockerTestEngine.Cli done = DockerTestEngine.docker(step);
                if (done.exitCode() != 0) {
                    throw new IllegalStateException("docker " + step + " failed: " + done.output());
                }
            }
            image = remote;
        }
        return image;
    }

    /** A unique stack name, remembered for clean-up. */
    public static synchronized String stack(String what) {
        String name = DockerTestEngine.name(what);
        made.add(name);
        return name;
    }

    /** {@code services} services that sleep (and stop at once: a sleeping PID 1 ignores SIGTERM). */
    public static String sleepers(String... services) {
        StringBuilder text = new StringBuilder("services:\n");
        for (String service : services) {
            text.append("  ").append(service).append(":\n    image: ").append(image())
                    .append("\n    command: [\"sleep\", \"3600\"]\n    stop_grace_period: 1s\n");
        }
        return text.toString();
    }

    public static void as(String role) {
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("test-" + role.toLowerCase(), null, authorities));
    }

    public static OperationUpdate done(OperationHandle handle) {
        try {
            return handle.completion().get(180, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the containers, networks and volumes of every project these tests named; only those. */
    public static synchronized void cleanUp() {
        for (String name : made) {
            String label = "label=" + StackService.PROJECT_LABEL + "=" + name;
            for (List<String> kind : List.of(List.of("ps", "-aq"), List.of("network", "ls", "-q"), List.of("volume", "ls", "-q"))) {
                List<String> list = new ArrayList<>(kind);
                list.addAll(List.of("--filter", label));
                for (String id : DockerTestEngine.docker(list).output().split("\\s+")) {
                    if (!id.isBlank()) {
                        DockerTestEngine.docker(kind.get(0).equals("ps") ? List.of("rm", "-f", "-v", id) : List.of(kind.get(0), "rm", id));
                    }
                }
            }
        }
        made.clear();
        // only the tag: the image is the shared busybox test image, which other tests build on
        if (image != null) {
            DockerTestEngine.docker(List.of("rmi", image));
            image = null;
        }
    }
}
