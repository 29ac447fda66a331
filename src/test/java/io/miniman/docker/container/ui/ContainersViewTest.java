package io.miniman.docker.container.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.miniman.docker.DockerTestEngine.docker;
import static io.miniman.docker.DockerTestEngine.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.menubar.MenuBar;

import io.miniman.docker.DockerTestEngine;
import io.miniman.docker.container.ContainerActions;
import io.miniman.docker.container.ContainerService;
import io.miniman.docker.container.ContainerSummary;
import io.miniman.docker.container.RunSpec;
import io.miniman.docker.ui.DockerKaribu;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;
import io.miniman.ui.PhoneRows;

@Tag("engine")
class ContainersViewTest extends KaribuTest {

    @Autowired
    ContainerService containers;
    @Autowired
    ContainerActions actions;
    String image;

    @BeforeEach
    void engine() {
        DockerTestEngine.engine();
        image = DockerTestEngine.image();
    }

    @AfterAll
    static void cleanUp() {
        DockerTestEngine.cleanUp();
    }

    private ContainersView open(String role) {
        login(role);
        UI.getCurrent().navigate(ContainersView.class);
        return _get(ContainersView.class);
    }

    private static ContainerSummary row(ContainersView view, String name) {
        return view.rows().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void aViewerSeesContainersButNoActions() {
        containers.run(RunSpec.of(image, name("seen"), List.of("sleep", "3600")));
        ContainersView view = open(Roles.VIEWER);

        assertThat(row(view, name("seen")).state()).isEqualTo("running");
        _assertNone(Button.class, spec -> spec.withText("Run container"));
        MenuBar menu = (MenuBar) GridKt._getCellComponent(view.grid, view.rows().indexOf(row(view, name("seen"))), "actions");
        assertThat(menu.getItems().get(0).getSubMenu().getItems()).extracting(i -> i.getText()).containsExactly("Open");

        DockerKaribu.until(() -> GridKt._getFormattedRow(view.grid, view.rows().indexOf(row(view, name("seen"))))
                .stream().anyMatch(cell -> cell.matches("(…|\\d+\\.\\d %) · [\\d.]+ [KMG]?B")), Duration.ofSeconds(15),
                "CPU and memory of the running container");
    }

    @Test
    void theBulkMenuShowsOnlyWithASelectionAndActsOnIt() {
        containers.run(RunSpec.of(image, name("bulk-a"), List.of("sleep", "3600")));
        containers.run(RunSpec.of(image, name("bulk-b"), List.of("sleep", "3600")));
        containers.run(RunSpec.of(image, name("bulk-c"), List.of("sleep", "3600")));
        ContainersView view = open(Roles.OPERATOR);
        assertThat(view.bulk.isVisible()).isFalse();

        view.grid.select(row(view, name("bulk-a")));
        view.grid.select(row(view, name("bulk-b")));
        assertThat(view.bulk.isVisible()).isTrue();
        assertThat(view.bulk.getItems().get(0).getText()).isEqualTo("Selected (2) ▾");
        assertThat(view.bulk.getItems().get(0).getSubMenu().getItems()).extracting(i -> i.getText())
                .containsExactly("Start", "Stop", "Restart", "Kill", "Remove");
        ContextMenuKt._clickItemWithCaption(view.bulk, "Stop");
        DockerKaribu.until(() -> "exited".equals(row(view, name("bulk-a")).state()) && "exited".equals(row(view, name("bulk-b")).state()),
                Duration.ofSeconds(30), "both selected containers stopped");
        assertThat(row(view, name("bulk-c")).state()).isEqualTo("running");

        view.grid.deselectAll();
        assertThat(view.bulk.isVisible()).isFalse();
    }

    @Test
    void aViewerGetsNoBulkMenuAndNoSelection() {
        ContainersView view = open(Roles.VIEWER);
        assertThat(view.bulk.isVisible()).isFalse();
        assertThat(view.bulk.getParent().orElseThrow().isVisible()).isFalse();
        assertThat(view.grid.getSelectionModel()).isInstanceOf(com.vaadin.flow.component.grid.GridNoneSelectionModel.class);
    }

    @Test
    void onAPhoneARowIsTheWholeNameLinkedToItsPageWithStateAndImageUnderIt() {
        String id = containers.run(RunSpec.of(image, name("phone-row-with-a-name-no-phone-shows-in-one-column"), List.of("sleep", "3600")));
        ContainersView view = open(Roles.OPERATOR);
        PhoneRows.layoutFor(view.grid, 360);
        assertThat(view.grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly(PhoneRows.KEY, PhoneRows.ACTIONS);
        ContainerSummary row = row(view, name("phone-row-with-a-name-no-phone-shows-in-one-column"));
        int index = view.rows().indexOf(row);
        assertThat(GridKt._getFormattedRow(view.grid, index).get(0))
                .contains(name("phone-row-with-a-name-no-phone-shows-in-one-column"), "running", image);
        @SuppressWarnings("unchecked")
        var renderer = (com.vaadin.flow.data.renderer.LitRenderer<ContainerSummary>) view.grid.getColumnByKey(PhoneRows.KEY).getRenderer();
        assertThat(renderer.getValueProviders().get("href").apply(row)).isEqualTo("docker/container/" + id);
        MenuBar menu = (MenuBar) GridKt._getCellComponent(view.grid, index, PhoneRows.ACTIONS);
        assertThat(menu.getItems().get(0).getSubMenu().getItems()).extracting(i -> i.getText())
                .containsExactly("Open", "Stop", "Restart", "Pause", "Kill", "Rename", "Export / commit", "Remove");

        PhoneRows.layoutFor(view.grid, 1280);
        assertThat(view.grid.getColumnByKey(PhoneRows.KEY).isVisible()).isFalse();
        assertThat(view.grid.getColumns().stream().filter(Grid.Column::isVisible).count()).isEqualTo(8);
    }

    @Test
    void theActionsRefuseAViewerEvenWithoutTheButtons() {
        String id = containers.run(RunSpec.of(image, name("guarded"), List.of("sleep", "3600")));
        login(Roles.VIEWER);
        assertThatThrownBy(() -> actions.stop(id, name("guarded"), Duration.ofSeconds(1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(containers.details(id).running()).isTrue();
    }

    @Test
    void aChangeFromTheCommandLineShowsInTheOpenGridWithoutReload() {
        ContainersView view = open(Roles.OPERATOR);
        String name = name("from-cli");
        assertThat(row(view, name)).isNull();

        assertThat(docker(List.of("run", "-d", "--name", name, image, "sleep", "3600")).exitCode()).isZero();
        DockerKaribu.until(() -> row(view, name) != null && row(view, name).running(), Duration.ofSeconds(2),
                "the new container in the grid");

        assertThat(docker(List.of("stop", "-t", "0", name)).exitCode()).isZero();
        DockerKaribu.until(() -> "exited".equals(row(view, name).state()), Duration.ofSeconds(2), "the stopped state in the grid");
    }

    @Test
    void filtersNarrowTheGridByStateAndText() {
        containers.run(RunSpec.of(image, name("filter-a"), List.of("sleep", "3600")));
        String stopped = containers.run(RunSpec.of(image, name("filter-b"), List.of("sleep", "3600")));
        containers.stop(stopped, Duration.ofSeconds(1));
        ContainersView view = open(Roles.VIEWER);

        view.search.setValue(name("filter"));
        assertThat(view.rows()).extracting(ContainerSummary::name).containsExactlyInAnyOrder(name("filter-a"), name("filter-b"));
        view.states.setValue(java.util.Set.of("exited"));
        assertThat(view.rows()).extracting(ContainerSummary::name).containsExactly(name("filter-b"));
    }

    @Test
    void anOperatorStopsFromTheRowMenuAndRemovesASelectionAfterConfirming() {
        String id = containers.run(RunSpec.of(image, name("menu"), List.of("sleep", "3600")));
        containers.run(RunSpec.of(image, name("bulk"), List.of("sleep", "3600")));
        ContainersView view = open(Roles.OPERATOR);

        MenuBar menu = (MenuBar) GridKt._getCellComponent(view.grid, view.rows().indexOf(row(view, name("menu"))), "actions");
        ContextMenuKt._clickItemWithCaption(menu, "Stop");
        DockerKaribu.until(() -> "exited".equals(row(view, name("menu")).state()), Duration.ofSeconds(20), "the stopped container");

        view.grid.select(row(view, name("menu")));
        view.grid.select(row(view, name("bulk")));
        assertThat(view.bulk.isVisible()).isTrue();
        ContextMenuKt._clickItemWithCaption(view.bulk, "Remove");
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getText(confirm)).contains(name("menu"), name("bulk"), "anonymous volumes", "killed first");
        ConfirmDialogKt._fireConfirm(confirm);
        DockerKaribu.until(() -> row(view, name("menu")) == null && row(view, name("bulk")) == null, Duration.ofSeconds(20),
                "both containers gone");
        assertThat(containers.list(new io.miniman.docker.container.ContainerFilter(java.util.Set.of(), id))).isEmpty();
    }

    @Test
    void theRunDialogPullsAMissingImageFirstWithABarPerLayer() {
        String remote = DockerTestEngine.remoteOnlyImage("run-pulled");
        ContainersView view = open(Roles.OPERATOR);
        _click(view.run);
        RunDialog dialog = _get(RunDialog.class);
        dialog.image.setValue(remote);
        dialog.name.setValue(name("pulled-first"));
        dialog.command.setValue("sleep 3600");
        _click(dialog.runButton);

        DockerKaribu.until(() -> row(view, name("pulled-first")) != null && !dialog.isOpened(), Duration.ofSeconds(60),
                "the pulled image running");
        assertThat(dialog.progress.layerCount()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theRunDialogRefusesBadInputAndRunsAGoodSpec() {
        ContainersView view = open(Roles.OPERATOR);
        _click(view.run);
        RunDialog dialog = _get(RunDialog.class);
        dialog.image.setValue(image);
        dialog.name.setValue("bad name");
        dialog.ports.setValue("8080:80:90");
        _click(dialog.runButton);
        assertThat(dialog.problems.getText()).contains("8080:80:90");

        dialog.ports.setValue("");
        _click(dialog.runButton);
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).startsWith("may only hold letters");

        // what only an admin may ask: refused by the actions with the reason, no host-access fields shown
        dialog.name.setValue(name("dialog"));
        dialog.mounts.setValue("/:/host");
        dialog.network.setValue("host");
        _click(dialog.runButton);
        assertThat(dialog.name.isInvalid()).isFalse();
        assertThat(dialog.problems.getText()).contains("Bind mounts of host folders (/) are for admins", "The host network is for admins");
        assertThat(dialog.hostAccess.isVisible()).isFalse();
        dialog.mounts.setValue("");
        dialog.network.clear();

        dialog.name.setValue(name("dialog"));
        dialog.command.setValue("sh -c 'echo started; sleep 3600'");
        dialog.env.setValue("MODE=test\nAPI_TOKEN=s3cret");
        _click(dialog.runButton);
        DockerKaribu.until(() -> row(view, name("dialog")) != null, Duration.ofSeconds(20), "the new container");
        assertThat(containers.details(row(view, name("dialog")).id()).env())
                .extracting(e -> Map.entry(e.key(), e.value())).contains(Map.entry("MODE", "test"), Map.entry("API_TOKEN", "••••••"));
    }
}
