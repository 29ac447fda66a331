package io.miniman.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.miniman.docker.DockerProperties;
import io.miniman.docker.DockerTestEngine;
import io.miniman.docker.container.ContainerFilter;
import io.miniman.docker.container.ContainerService;
import io.miniman.host.CommandRunner;

/**
 * Not a test: prints figures. Time from "up" to all three services of a stack running, the console's way
 * (ComposeCli with its argument list, output streamed line by line, state read from the engine by the
 * project label, as StackActions and StackService do) against {@code docker-compose up -d} typed by hand,
 * on the same engine, alternating, images already present. Runs (argument, default 5) per side:
 *
 *   ./mvnw -q package -DskipTests && ./mvnw -q test-compile
 *   mkdir -p target/lib && (cd target/lib && unzip -qo ../miniman.jar 'BOOT-INF/lib/*')
 *   java -cp "target/test-classes:target/classes:target/lib/BOOT-INF/lib/*:$(find ~/.m2/repository/org/junit/jupiter/junit-jupiter-api \
 *       ~/.m2/repository/org/opentest4j -name '*.jar' | tr '\n' ':')" io.miniman.compose.StackUpBenchmark 5
 */
public final class StackUpBenchmark {

    private StackUpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("mmt-stacks");
        ComposeProperties properties = new ComposeProperties(dir, 1 << 20, Duration.ofMinutes(5), 100);
        ComposeCli cli = new ComposeCli(new CommandRunner(), DockerProperties.of(DockerTestEngine.host()));
        ContainerService containers = new ContainerService(DockerTestEngine.engine());
        StackFiles files = new StackFiles(properties);
        String compose = ComposeTestStacks.sleepers("a", "b", "c");
        List<Long> console = new ArrayList<>();
        List<Long> byHand = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                String name = ComposeTestStacks.stack("bench" + i);
                files.write(name, new StackText(compose, ""));
                Path file = files.composeFile(name);

                long start = System.nanoTime();
                try (var up = cli.start(files.dir(name), name, file, List.of("up", "-d"), properties.composeTimeout(), line -> { })) {
                    require(up.waitFor() == 0, "console up");
                }
                awaitRunning(containers, name);
                console.add(System.nanoTime() - start);
                down(name, file);

                start = System.nanoTime();
                Process p = new ProcessBuilder("docker-compose", "-p", name, "-f", file.toString(), "up", "-d")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                require(p.waitFor() == 0, "docker-compose up -d");
                awaitRunning(containers, name);
                byHand.add(System.nanoTime() - start);
                down(name, file);
            }
        } finally {
            ComposeTestStacks.cleanUp();
            StackFiles.deleteTree(dir);
        }
        long c = median(console);
        long h = median(byHand);
        System.out.printf(Locale.ROOT, "3-service stack, up to all running, median of %d: console %.0f ms, docker-compose up -d by hand %.0f ms, ratio %.2f%n",
                runs, c / 1e6, h / 1e6, (double) c / h);
        System.out.println("console runs (ms): " + console.stream().map(n -> n / 1_000_000).toList()
                + "; by hand (ms): " + byHand.stream().map(n -> n / 1_000_000).toList());
        System.exit(0);
    }

    private static void awaitRunning(ContainerService containers, String project) throws InterruptedException {
        while (containers.list(ContainerFilter.ALL).stream()
                .filter(c -> project.equals(c.labels().get(StackService.PROJECT_LABEL)) && c.running()).count() < 3) {
            Thread.sleep(10);
        }
    }

    private static void down(String name, Path file) throws Exception {
        new ProcessBuilder("docker-compose", "-p", name, "-f", file.toString(), "down", "-t", "1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + " failed");
        }
    }
}
