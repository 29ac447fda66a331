package io.miniman.docker.container.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.miniman.docker.DockerTestEngine.name;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;

import io.miniman.docker.DockerTestEngine;
import io.miniman.docker.container.ContainerDetails;
import io.miniman.docker.container.ContainerService;
import io.miniman.docker.container.RunSpec;
import io.miniman.docker.ui.DockerKaribu;
import io.miniman.docker.ui.JsonPanel;
import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationService;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;
import io.miniman.ui.log.ViewerLine;

@Tag("engine")
class ContainerViewTest extends KaribuTest {

    @Autowired
    ContainerService containers;
    @Autowired
    OperationService operations;
    String id;

    @BeforeEach
    void container() {
        DockerTestEngine.engine();
        String image = DockerTestEngine.image();
        String name = name("page-" + System.nanoTime());
        id = containers.run(new RunSpec(image, name,
                List.of("sh", "-c", "echo hello; echo bad >&2; while true; do echo tick; sleep 0.2; done"),
                Map.of("DB_PASSWORD", "hunter2", "MODE", "demo"), null, null, null, null, null, null, null));
    }

    @AfterAll
    static void cleanUp() {
        DockerTestEngine.cleanUp();
    }

    private ContainerView open(String role) {
        login(role);
        UI.getCurrent().navigate(ContainerView.class, id);
        return _get(ContainerView.class);
    }

    @Test
    void overviewMasksSecretsAndInspectIsSearchable() {
        ContainerView view = open(Roles.VIEWER);
        OverviewTab overview = _get(OverviewTab.class);
        assertThat(GridKt._findAll(overview.env)).contains(new ContainerDetails.EnvVar("DB_PASSWORD", "••••••", true),
                new ContainerDetails.EnvVar("MODE", "demo", false));
        _assertNone(ConsoleTab.class);
        assertThat(view.tabs.getChildren().map(t -> ((com.vaadin.flow.component.tabs.Tab) t).getLabel()))
                .containsExactly("Overview", "Logs", "Stats", "Inspect");

        view.select("Inspect");
        JsonPanel json = _get(JsonPanel.class);
        assertThat(json.text()).contains(id).doesNotContain("hunter2");
        json.search.setValue("DB_PASSWORD");
        assertThat(json.hits.getText()).isEqualTo("1 matches");
    }

    @Test
    void logsOfARunningContainerAreFollowedByDefaultWithStreamsApartInOneViewer() {
        ContainerView view = open(Roles.VIEWER);
        view.select("Logs");
        LogsTab logs = _get(LogsTab.class);
        assertThat(logs.follow.getValue()).as("follow is on for a running container").isTrue();
        DockerKaribu.until(() -> logs.viewer.lines().stream().filter(l -> l.text().equals("tick")).count() >= 3,
                Duration.ofSeconds(10), "followed lines");
        assertThat(logs.viewer.lines())
                .anyMatch(l -> l.kind() == ViewerLine.Kind.STDERR && l.text().equals("bad"))
                .anyMatch(l -> l.kind() == ViewerLine.Kind.STDOUT && l.text().equals("hello"))
                .allMatch(l -> l.time() != null);
        // the lines live in the browser element, never as server-side components
        assertThat(logs.viewer.getChildren()).isEmpty();

        logs.tail.setValue(1);
        logs.follow.setValue(false);
        assertThat(logs.viewer.lines()).hasSize(1);
        view.select("Overview");
        assertThat(logs.isAttached()).isFalse();
    }

    @Test
    void anOperatorRunsACommandOnceAndSeesItsOutputAndExitCode() {
        ContainerView view = open(Roles.OPERATOR);
        view.select("Console");
        ConsoleTab console = _get(ConsoleTab.class);
        console.command.setValue("sh -c 'echo out-$((40+2)); exit 3'");
        _click(console.runOnce);
        DockerKaribu.until(() -> console.exitCode.getText().startsWith("exit code"), Duration.ofSeconds(20), "the command's result");
        assertThat(console.exitCode.getText()).isEqualTo("exit code 3");
        assertThat(console.output.getText()).contains("out-42");
        // the output went to its author alone: the operations log, which viewers read, has the command and exit code
        assertThat(operations.list(OperationFilter.all(), 0, 500))
                .anyMatch(o -> o.name().equals("Run command in container") && "exit code 3".equals(o.result()))
                .noneMatch(o -> String.valueOf(o.result()).contains("out-42") || String.valueOf(o.details()).contains("out-42"));

        console.open();
        assertThat(console.state.getText()).isEqualTo("Connected: /bin/sh");
        console.type("exit\n");
        DockerKaribu.until(() -> console.state.getText().equals("Session ended"), Duration.ofSeconds(10), "the shell to end");
    }

    @Test
    void statsArriveLiveAndStopWhenTheTabIsLeft() {
        ContainerView view = open(Roles.VIEWER);
        view.select("Stats");
        StatsTab stats = _get(StatsTab.class);
        DockerKaribu.until(() -> stats.samples() >= 2, Duration.ofSeconds(10), "two samples");
        assertThat(stats.summary.getText()).contains("CPU", "memory");
        view.select("Overview");
        assertThat(stats.isAttached()).isFalse();
    }

    @Test
    void anAddressThatIsNoContainerIdOrNameIsNotFoundWithoutAskingTheEngine() {
        login(Roles.VIEWER);
        for (String bad : List.of("bad id!", "a".repeat(129), "-rm", ".hidden")) {
            UI.getCurrent().navigate(ContainerView.class, bad);
            ContainerView view = _get(ContainerView.class);
            assertThat(view.gone.getText()).as(bad).isEqualTo("No such container.");
            assertThat(view.tabs.isVisible()).isFalse();
        }
    }

    @Test
    void aStopFromThePageShowsTheNewStateAndARemovedContainerSaysSo() {
        ContainerView view = open(Roles.OPERATOR);
        _click(view.stop);
        DockerKaribu.until(() -> view.start.isEnabled(), Duration.ofSeconds(20), "the page to show the stopped state");
        containers.remove(id, true, true);
        DockerKaribu.until(() -> view.gone.getText().contains("no longer exists"), Duration.ofSeconds(5), "the removal");
    }
}
