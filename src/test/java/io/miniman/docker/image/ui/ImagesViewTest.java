package io.miniman.docker.image.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.miniman.docker.DockerTestEngine.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

import io.miniman.docker.DockerTestEngine;
import io.miniman.docker.image.ImageService;
import io.miniman.docker.image.ImageSummary;
import io.miniman.docker.ui.DockerKaribu;
import io.miniman.docker.Await;
import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

@Tag("engine")
class ImagesViewTest extends KaribuTest {

    @Autowired
    ImageService images;
    @Autowired
    OperationService operations;
    String base;

    @BeforeEach
    void engine() {
        DockerTestEngine.engine();
        base = DockerTestEngine.image();
    }

    @AfterAll
    static void cleanUp() {
        DockerTestEngine.cleanUp();
    }

    private ImagesView open(String role) {
        login(role);
        UI.getCurrent().navigate(ImagesView.class);
        return _get(ImagesView.class);
    }

    private static boolean listed(ImagesView view, String tag) {
        return GridKt._findAll(view.grid).stream().anyMatch(i -> i.tags().contains(tag));
    }

    @Test
    void aViewerSeesImagesButCannotPullOrBuild() {
        ImagesView view = open(Roles.VIEWER);
        ImageSummary busybox = GridKt._findAll(view.grid).stream().filter(i -> i.tags().contains(base)).findFirst().orElseThrow();
        assertThat(busybox.dangling()).isFalse();
        _assertNone(Button.class, spec -> spec.withText("Pull"));
        _assertNone(Button.class, spec -> spec.withText("Build"));
    }

    @Test
    void aTypedDockerfileBuildsWithALiveLogAndAFailureSaysWhy() {
        ImagesView view = open(Roles.OPERATOR);
        _click(view.build);
        BuildDialog dialog = _get(BuildDialog.class);
        String tag = PREFIX + "/view-built:1";
        dialog.tag.setValue(tag);
        dialog.args.setValue("WHO=karibu");
        dialog.dockerfile.setValue("FROM " + base + "\nARG WHO\nRUN echo $WHO > /who\n");
        _click(dialog.start);
        DockerKaribu.until(() -> dialog.result.getText().startsWith("built"), Duration.ofSeconds(60), "the build");
        assertThat(dialog.log.text()).contains("Step 1/3 : FROM " + base, "Successfully tagged " + tag);
        DockerKaribu.until(() -> listed(view, tag), Duration.ofSeconds(5), "the new image in the grid");

        dialog.dockerfile.setValue("FROM " + base + "\nRUN exit 9\n");
        dialog.tag.setValue(PREFIX + "/view-broken:1");
        _click(dialog.start);
        DockerKaribu.until(() -> dialog.result.getText().contains("non-zero code: 9"), Duration.ofSeconds(60), "the failed build");
        assertThat(images.present(PREFIX + "/view-broken:1")).isFalse();
    }

    @Test
    void aPullShowsABarPerLayer() {
        String remote = DockerTestEngine.remoteOnlyImage("view-pulled");

        ImagesView view = open(Roles.OPERATOR);
        _click(view.pull);
        ImagesView.PullDialog dialog = _get(ImagesView.PullDialog.class);
        dialog.reference.setValue(remote);
        _click(dialog.start);
        DockerKaribu.until(() -> dialog.result.getText().startsWith("Pulled"), Duration.ofSeconds(60), "the pull");

        assertThat(dialog.progress.layerCount()).isGreaterThanOrEqualTo(2);
        DockerKaribu.until(() -> listed(view, remote), Duration.ofSeconds(5), "the pulled image in the grid");
    }

    /** A phone locking its screen, a closed tab or a sign-out: the UI goes while the work runs. */
    private static void closeTheBrowser() {
        MockVaadin.tearDown();
    }

    private OperationUpdate lastOperation(String name, String target) {
        return operations.list(OperationFilter.all(), 0, 200).stream()
                .filter(o -> o.name().equals(name) && o.target().contains(target)).findFirst().orElseThrow();
    }

    @Test
    void aPullGoesOnWhenTheBrowserGoes() {
        String remote = DockerTestEngine.remoteOnlyImage("detached-pull");
        ImagesView view = open(Roles.OPERATOR);
        _click(view.pull);
        ImagesView.PullDialog dialog = _get(ImagesView.PullDialog.class);
        dialog.reference.setValue(remote);
        _click(dialog.start);
        closeTheBrowser();

        assertCompletesWithoutTheBrowser("Pull image", remote);
    }

    @Test
    void aBuildGoesOnWhenTheBrowserGoes() {
        ImagesView view = open(Roles.OPERATOR);
        _click(view.build);
        BuildDialog dialog = _get(BuildDialog.class);
        String tag = PREFIX + "/detached-build:1";
        dialog.tag.setValue(tag);
        // the browser goes between the first lines of the log and the last
        dialog.dockerfile.setValue("FROM " + base + "\nRUN echo started\nRUN sleep 2\nRUN echo " + PREFIX + " > /done\n");
        _click(dialog.start);
        DockerKaribu.until(() -> dialog.log.text().contains("started"), Duration.ofSeconds(30), "the build to log");
        closeTheBrowser();

        assertCompletesWithoutTheBrowser("Build image", tag);
    }

    private void assertCompletesWithoutTheBrowser(String operation, String image) {
        Await.until(() -> lastOperation(operation, image).status().isFinished(), Duration.ofSeconds(60),
                operation + " to end");
        assertThat(lastOperation(operation, image).status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(images.present(image)).isTrue();
    }

    @Test
    void aMissingTagIsTheEnginesMessage() {
        String registry = DockerTestEngine.registry();
        ImagesView view = open(Roles.OPERATOR);
        _click(view.pull);
        ImagesView.PullDialog dialog = _get(ImagesView.PullDialog.class);
        dialog.reference.setValue(registry + "/" + PREFIX + "/absent:404");
        _click(dialog.start);
        DockerKaribu.until(() -> dialog.result.getText().contains("not found"), Duration.ofSeconds(30), "the refusal");
    }
}
