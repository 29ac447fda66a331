package io.miniman.system.settings.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;
import io.miniman.operation.OperationUpdate;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

class HostViewTest extends KaribuTest {

    private static final OperationFilter MINE = new OperationFilter(OperationType.SYSTEM, null, "test-admin", null, null, null);

    @Autowired
    OperationService operations;

    @Test
    void aViewerReadsTheHostButGetsNoFormAndNoPowerButtons() throws Exception {
        login(Roles.VIEWER);
        UI.getCurrent().navigate(HostView.class);
        String hostname = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        assertThat(_get(Span.class, spec -> spec.withId("fact-host-name")).getText()).isEqualTo(hostname);
        assertThat(_get(Span.class, spec -> spec.withId("fact-kernel")).getText())
                .isEqualTo(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip());
        assertThat(_get(Span.class, spec -> spec.withId("fact-console-version")).getText()).isNotBlank();
        _assertNone(Button.class, spec -> spec.withText("Apply"));
        _assertNone(Button.class, spec -> spec.withText("Reboot"));
        _assertNone(Button.class, spec -> spec.withText("Reset…"));
    }

    @Test
    void anOperatorGetsNoFormEither() {
        login(Roles.OPERATOR);
        UI.getCurrent().navigate(HostView.class);
        _assertNone(Button.class, spec -> spec.withText("Apply"));
        _assertNone(Button.class, spec -> spec.withText("Shut down"));
    }

    @Test
    void anAdminsBadHostNameIsShownBesideTheFieldAndNothingRuns() {
        login(Roles.ADMIN);
        UI.getCurrent().navigate(HostView.class);
        long before = operations.count(MINE);
        TextField name = _get(TextField.class, spec -> spec.withLabel("Host name"));
        _setValue(name, "-not_a-name-");
        _click(_get(Button.class, spec -> spec.withText("Apply")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("letters, digits");
        assertThat(operations.count(MINE)).isEqualTo(before);
    }

    @Test
    void anAdminsRenameRunsAsAnOperationThatSaysWhyItFailedWithoutTheHelper() throws Exception {
        login(Roles.ADMIN);
        UI.getCurrent().navigate(HostView.class);
        assertThat(_get(ComboBox.class, spec -> spec.withLabel("Time zone")).getValue()).isNotNull();
        _setValue(_get(TextField.class, spec -> spec.withLabel("Host name")), "mb-renamed");
        _click(_get(Button.class, spec -> spec.withText("Apply")));
        OperationUpdate update = operations.list(MINE, 0, 1).get(0);
        assertThat(update.name()).isEqualTo("Change host settings");
        OperationUpdate done = await(update.id());
        // no helper on a developer's machine: the operation fails with that reason, the host keeps its name
        assertThat(done.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(done.errorMessage()).contains("helper not installed");
    }

    @Test
    void theResetDialogWantsTheHostNameTypedOut() throws Exception {
        login(Roles.ADMIN);
        UI.getCurrent().navigate(HostView.class);
        _click(_get(Button.class, spec -> spec.withText("Reset…")));
        Button confirm = _get(Button.class, spec -> spec.withText("Reset the box"));
        assertThat(confirm.isEnabled()).isFalse();
        // without the helper there is no description, and then no reset either: the admin must see what it does
        assertThat(_get(com.vaadin.flow.component.html.Pre.class, spec -> spec.withId("reset-description")).getText())
                .contains("system-reset cannot describe itself");
        String hostname = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        _setValue(_get(TextField.class, spec -> spec.withLabel("Type " + hostname + " to confirm")), hostname);
        assertThat(confirm.isEnabled()).isFalse();
        NotificationsKt.clearNotifications();
    }

    private OperationUpdate await(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            OperationUpdate update = operations.find(id).orElseThrow();
            if (List.of(OperationStatus.COMPLETED, OperationStatus.FAILED).contains(update.status())) {
                return update;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("operation " + id + " did not finish");
    }
}
