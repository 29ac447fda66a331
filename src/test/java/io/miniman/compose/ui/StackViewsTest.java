package io.miniman.compose.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.miniman.compose.ComposeTestStacks.done;
import static io.miniman.compose.ComposeTestStacks.sleepers;
import static io.miniman.compose.ComposeTestStacks.stack;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.select.Select;

import io.miniman.compose.ComposeProperties;
import io.miniman.compose.ComposeTestStacks;
import io.miniman.compose.StackActions;
import io.miniman.compose.StackDraft;
import io.miniman.compose.StackSummary;
import io.miniman.compose.StackTemplates;
import io.miniman.docker.ui.DockerKaribu;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

/** The stacks pages as each role uses them, against the real engine and docker-compose. */
@Tag("engine")
class StackViewsTest extends KaribuTest {

    @Autowired
    StackActions actions;
    @Autowired
    ComposeProperties properties;

    @BeforeEach
    void image() {
        ComposeTestStacks.image();
    }

    @AfterAll
    static void cleanUp() {
        ComposeTestStacks.cleanUp();
    }

    /** Made as an admin behind the page's back, as the folder or another session would. */
    private void made(String name, String compose, String env) {
        var before = SecurityContextHolder.getContext().getAuthentication();
        ComposeTestStacks.as(Roles.ADMIN);
        done(actions.create(new StackDraft(name, compose, env)));
        SecurityContextHolder.getContext().setAuthentication(before);
    }

    private StackView open(String name) {
        UI.getCurrent().navigate(StackView.class, name);
        return _get(StackView.class);
    }

    @Test
    void aViewerReadsStacksWithSecretsMaskedAndHasNoButtons() {
        String name = stack("seen");
        made(name, sleepers("a"), "API_TOKEN=s3cret\nGREETING=hello\n");
        login(Roles.VIEWER);
        UI.getCurrent().navigate(StacksView.class);
        StacksView list = _get(StacksView.class);
        StackSummary row = GridKt._findAll(list.grid).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        assertThat(row.stateText()).isEqualTo("not created");
        assertThat(row.services()).containsExactly("a");
        _assertNone(Button.class, spec -> spec.withText("New stack"));

        StackView page = open(name);
        _assertNone(Button.class, spec -> spec.withText("Up"));
        assertThat(page.files.save.isVisible()).isFalse();
        assertThat(page.files.editor.isReadOnly()).isTrue();
        assertThat(page.files.editor.getValue()).isEqualTo(sleepers("a"));
        assertThat(page.files.env.getValue()).contains("API_TOKEN=••••••", "GREETING=hello").doesNotContain("s3cret");
    }

    @Test
    void anAdminCreatesFromATemplateAndABadSaveMarksTheLineAndWritesNothing() throws Exception {
        String name = stack("tpl");
        login(Roles.ADMIN);
        UI.getCurrent().navigate(StacksView.class);
        _click(_get(Button.class, spec -> spec.withText("New stack")));
        NewStackDialog dialog = _get(NewStackDialog.class);
        dialog.name.setValue("Not OK");
        _click(dialog.create);
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).contains("Lower-case letters");

        dialog.name.setValue(name);
        @SuppressWarnings("unchecked")
        Select<StackTemplates.Template> template = dialog.template;
        template.setValue(StackTemplates.ALL.get(1));
        _click(dialog.create);
        DockerKaribu.until(() -> !LocatorJ._find(StackView.class).isEmpty(), Duration.ofSeconds(30), "the new stack's page");
        StackView page = _get(StackView.class);
        page.tabs.setSelectedIndex(1);
        assertThat(page.files.editor.getValue()).isEqualTo(StackTemplates.ALL.get(1).compose());

        page.files.editor.setValue("services:\n  web:\n    image: nginx\n    ports: [\"8080:80\"\n");
        _click(page.files.save);
        assertThat(page.files.rejected.isVisible()).isTrue();
        assertThat(page.files.rejected.getText()).startsWith("Line 5");
        assertThat(page.files.editor.errorLine()).isEqualTo(5);
        Path file = properties.stacksDir().resolve(name).resolve("compose.yaml");
        assertThat(Files.readString(file)).isEqualTo(StackTemplates.ALL.get(1).compose());

        page.files.editor.setValue(StackTemplates.ALL.get(1).compose().replace("8080:80", "8081:80"));
        _click(page.files.save);
        DockerKaribu.until(() -> GridKt._size(page.history.grid) == 2, Duration.ofSeconds(30), "the second revision");
        page.tabs.setSelectedIndex(3);
        GridKt._selectRow(page.history.grid, 0);
        assertThat(page.history.diff.getText()).contains("-       - \"8080:80\"", "+       - \"8081:80\"");
    }

    @Test
    void anOperatorRunsUpFollowsTheOutputAndDownAsksForTheNameBeforeVolumes() {
        String name = stack("ops");
        made(name, sleepers("a", "b"), "");
        login(Roles.OPERATOR);
        StackView page = open(name);
        assertThat(page.files.save.isVisible()).isFalse();
        _click(_get(Button.class, spec -> spec.withText("Up")));
        DockerKaribu.until(() -> page.badge.getElement().getText().isEmpty()
                && page.badge.getChildren().findFirst().map(b -> b.getElement().getText()).orElse("").equals("running 2/2"),
                Duration.ofSeconds(90), "both services running");
        DockerKaribu.until(() -> page.output.title.getText().contains("completed"), Duration.ofSeconds(30), "the up to complete");
        assertThat(page.output.text.text()).contains("Creating");
        assertThat(GridKt._findAll(page.containers)).hasSize(2);

        _click(_get(Button.class, spec -> spec.withText("Down…")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        page.downVolumes.setValue(true);
        page.downTyped.setValue("wrong");
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(page.output.title.getText()).doesNotContain("Down");

        _click(_get(Button.class, spec -> spec.withText("Down…")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        DockerKaribu.until(() -> page.badge.getChildren().findFirst().map(b -> b.getElement().getText()).orElse("").equals("not created"),
                Duration.ofSeconds(60), "the stack to be down");
    }

    @Test
    void theStacksPageNamesTheComposeCliFound() {
        login(Roles.VIEWER);
        UI.getCurrent().navigate(StacksView.class);
        assertThat(_get(ComposeCliInfo.class).getText()).matches("Compose: docker-compose 1\\.\\d+\\.\\d+ \\(v1\\)|Compose: docker compose .* \\(v2 plugin\\)");
    }
}
