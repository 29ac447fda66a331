package io.miniman.docker.container.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;

import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerEvents;
import io.miniman.docker.DockerProperties;
import io.miniman.docker.DockerTestEngine;
import io.miniman.docker.container.ContainerFilter;
import io.miniman.docker.container.ContainerService;
import io.miniman.docker.container.ContainerUsageSampler;
import io.miniman.docker.container.RunSpec;
import io.miniman.docker.image.ImageService;
import io.miniman.docker.network.NetworkService;

/**
 * Not a test: prints figures. (1) With 200 containers (running, created and exited mixed), the server
 * time to list them and render the first page of the containers grid, against {@code docker ps -a} on the
 * same engine in the same run. (2) Heap while the Logs tab follows a container printing ~1,000 lines/s
 * for 60 s (the argument: seconds to follow). Needs the engine and the docker CLI, like the tests:
 *
 *   ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *       -Dexec.mainClass=io.miniman.docker.container.ui.ContainersBenchmark -Dexec.args=60
 *
 * Heap figures then include Maven's own (a constant); for the console's alone, run it in a JVM of its own:
 *
 *   ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   java -Xmx256m -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *       io.miniman.docker.container.ui.ContainersBenchmark 60
 */
public final class ContainersBenchmark {

    private static final int CONTAINERS = 200;
    private static final int RUNS = 20;
    private static final int PAGE = 50;

    private ContainersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // as on the device: development mode tracks where every component was created, which grows with each log line
        System.setProperty("vaadin.productionMode", "true");
        DockerEngine engine = new DockerEngine(DockerProperties.of(DockerTestEngine.host()));
        if (!engine.check().up()) {
            System.err.println(engine.state().message());
            System.exit(1);
        }
        String image = DockerTestEngine.image();
        ContainerService containers = new ContainerService(engine);
        DockerEvents events = new DockerEvents(engine);
        MockVaadin.setup(new Routes().autoDiscoverViews("io.miniman.docker"));
        try {
            createContainers(engine, containers, image);
            listFigures(engine, events, containers);
            followFigures(engine, events, containers, image, Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 60));
        } finally {
            MockVaadin.tearDown();
            DockerTestEngine.cleanUp();
            events.close();
            engine.close();
        }
    }

    private static void createContainers(DockerEngine engine, ContainerService containers, String image) {
        long start = System.nanoTime();
        for (int i = 0; i < CONTAINERS; i++) {
            String name = DockerTestEngine.name("bench-" + i);
            switch (i % 3) {
                case 0 -> containers.run(RunSpec.of(image, name, List.of("sleep", "3600")));
                case 1 -> engine.call(c -> c.createContainerCmd(image).withName(name).withCmd("true").exec());
                default -> containers.run(RunSpec.of(image, name, List.of("true")));
            }
        }
        System.out.printf(Locale.ROOT, "created %d containers (1/3 running, 1/3 created, 1/3 exited) in %.1f s%n",
                CONTAINERS, (System.nanoTime() - start) / 1e9);
    }

    private static void listFigures(DockerEngine engine, DockerEvents events, ContainerService containers) throws Exception {
        ContainersView view = new ContainersView(engine, events, containers, null, new ImageService(engine),
                new NetworkService(engine), new ContainerUsageSampler(engine, containers), null);
        UI.getCurrent().add(view);
        int total = containers.list(ContainerFilter.ALL).size();

        for (int i = 0; i < 5; i++) {
            listAndRender(view);
            dockerPs();
        }
        double[] console = new double[RUNS];
        double[] service = new double[RUNS];
        double[] cli = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            console[i] = listAndRender(view);
            long start = System.nanoTime();
            containers.list(ContainerFilter.ALL);
            service[i] = (System.nanoTime() - start) / 1e6;
            cli[i] = dockerPs();
        }
        System.out.printf(Locale.ROOT, "containers on the engine: %d%n", total);
        System.out.printf(Locale.ROOT, "list + first grid page (%d rows rendered), median of %d: %.1f ms%n", PAGE, RUNS, median(console));
        System.out.printf(Locale.ROOT, "  of which ContainerService.list alone:             %.1f ms%n", median(service));
        System.out.printf(Locale.ROOT, "docker ps -a (CLI process, same engine), median:      %.1f ms%n", median(cli));
        System.out.printf(Locale.ROOT, "ratio console / docker ps -a: %.2f%n", median(console) / median(cli));
        UI.getCurrent().remove(view);
    }

    private static double listAndRender(ContainersView view) {
        long start = System.nanoTime();
        view.refresh();
        int rows = GridKt._fetch(view.grid, 0, PAGE).size();
        for (int row = 0; row < rows; row++) {
            GridKt._getFormattedRow(view.grid, row);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double dockerPs() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process ps = new ProcessBuilder("docker", "ps", "-a").redirectErrorStream(true).start();
        ps.getInputStream().readAllBytes();
        ps.waitFor();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void followFigures(DockerEngine engine, DockerEvents events, ContainerService containers, String image,
                                      Duration length) throws InterruptedException {
        String id = containers.run(RunSpec.of(image, DockerTestEngine.name("chatty"), List.of("sh", "-c",
                "while true; do for i in $(seq 1 100); do echo \"line $i of a chatty container, padded a little to look like a real log entry\"; done; sleep 0.1; done")));
        DockerProperties properties = DockerProperties.of(DockerTestEngine.host());
        ContainerView view = new ContainerView(engine, events, containers, null, properties);
        view.setParameter(null, id);
        UI.getCurrent().add(view);
        view.select("Logs");
        LogsTab logs = _get(LogsTab.class);
        _get(Checkbox.class, spec -> spec.withLabel("Follow")).setValue(true);

        List<String> samples = new ArrayList<>();
        long end = System.nanoTime() + length.toNanos();
        long nextSample = System.nanoTime();
        long linesBefore = loggedLines(id);
        while (System.nanoTime() < end) {
            pushRoundtrip();
            if (System.nanoTime() >= nextSample) {
                System.gc();
                long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
                samples.add(String.format(Locale.ROOT, "%.1f", used / 1024.0 / 1024.0));
                nextSample += Duration.ofSeconds(5).toNanos();
            }
            Thread.sleep(250);
        }
        pushRoundtrip();
        String text = logs.viewer.text();
        int lastLine = text.isEmpty() ? 0 : text.split("\n").length;
        System.out.printf(Locale.ROOT, "followed %d s; lines on screen at the end: %d (buffer cap %d); container wrote ~%d lines/s%n",
                length.toSeconds(), lastLine, properties.logBufferLines(),
                (loggedLines(id) - linesBefore) / length.toSeconds());
        System.out.println("heap used after GC every 5 s (MiB): " + String.join(" ", samples));
    }

    /**
     * What a push to a browser does four times a second: run the queued ui.access work, then write the
     * changes out, which is when the server lets go of removed elements.
     */
    private static void pushRoundtrip() {
        MockVaadin.clientRoundtrip();
        UI.getCurrent().getInternals().getStateTree().collectChanges(change -> { });
    }

    /** Every line the engine holds for the container, counted by the CLI so no buffer of ours caps it. */
    private static long loggedLines(String id) {
        String out = DockerTestEngine.docker(List.of("logs", id)).output();
        return out.lines().count();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
