package io.miniman.system.settings.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.docker.ui.UiUpdates;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;
import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;
import io.miniman.system.settings.HostFacts;
import io.miniman.system.settings.HostSettings;
import io.miniman.system.settings.HostSettingsActions;
import io.miniman.system.settings.HostSettingsService;
import io.miniman.system.settings.PowerActions;
import io.miniman.ui.ConfirmAction;
import io.miniman.ui.FieldErrors;
import io.miniman.ui.Formats;
import io.miniman.ui.FormColumns;
import io.miniman.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;

/** The host: name, time, OS and versions for everyone; changes, reboot, shut-down and reset for admins. */
@Route(value = "system/host", layout = MainLayout.class)
@PageTitle("Host · Mini Manager")
@Menu(title = "Host", order = 36, icon = "vaadin:server")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class HostView extends VerticalLayout {

    private final HostSettingsService host;
    private final HostSettingsActions actions;
    private final PowerActions power;
    private final boolean admin = CurrentUser.hasRole(Roles.ADMIN);
    private final FormLayout facts = new FormLayout();
    final TextField hostname = new TextField("Host name");
    final ComboBox<String> timeZone = new ComboBox<>("Time zone");
    final Button apply = new Button("Apply");
    final Button reboot = new Button("Reboot");
    final Button shutdown = new Button("Shut down");
    final Button reset = new Button("Reset…");

    public HostView(HostSettingsService host, HostSettingsActions actions, PowerActions power) {
        this.host = host;
        this.actions = actions;
        this.power = power;
        FormColumns.wide(facts, 2);
        add(new H2("Host"), facts);
        if (admin) {
            addSettingsForm();
            addPowerButtons();
        }
        showFacts();
    }

    private void showFacts() {
        HostFacts f = host.facts();
        facts.removeAll();
        fact("Host name", f.hostname());
        fact("Time zone", f.timeZone());
        fact("Time sync (NTP)", f.ntp().map(ntp -> !ntp.available() ? "not available"
                : (ntp.enabled() ? "on" : "off") + (ntp.synchronized_() ? ", synchronized" : ", not synchronized"))
                .orElse("unknown: " + f.ntpProblem()));
        fact("Operating system", f.os());
        fact("Kernel", f.kernel());
        fact("Up", Formats.duration(f.uptime()));
        fact("Console version", f.consoleVersion());
        if (admin) {
            hostname.setValue(f.hostname());
            timeZone.setValue(f.timeZone());
        }
    }

    private void fact(String label, String value) {
        Span text = new Span(value);
        text.setId("fact-" + label.toLowerCase().replaceAll("[^a-z]+", "-"));
        facts.addFormItem(text, label);
    }

    private void addSettingsForm() {
        timeZone.setItems(host.timeZones());
        hostname.setHelperText("Letters, digits and '-', up to 63");
        FieldErrors errors = new FieldErrors().bind("hostname", hostname).bind("timeZone", timeZone);
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(click -> {
            errors.clear();
            try {
                actions.apply(new HostSettings(hostname.getValue().strip(), timeZone.getValue()))
                        .ifPresentOrElse(handle -> follow(handle, update -> showFacts()),
                                () -> Notification.show("Nothing to change", 3000, Notification.Position.BOTTOM_START));
            } catch (ConstraintViolationException e) {
                errors.show(e).forEach(HostView::error);
            } catch (IllegalArgumentException e) {
                timeZone.setErrorMessage(e.getMessage());
                timeZone.setInvalid(true);
            }
        });
        FormLayout form = new FormLayout(hostname, timeZone);
        add(new H3("Settings"), form, apply);
    }

    private void addPowerButtons() {
        reboot.addClickListener(click -> ConfirmAction.ask("Reboot the box?",
                "Every connection, the WiFi and running containers stop for about a minute.", "Reboot",
                () -> startThenWait(() -> power.power(PowerActions.Power.REBOOT), "reboot")));
        shutdown.addClickListener(click -> ConfirmAction.ask("Shut the box down?",
                "The box stays off until someone powers it on again: this console, the WiFi and every container stop.",
                "Shut down", () -> startThenWait(() -> power.power(PowerActions.Power.SHUTDOWN), "shutdown")));
        reset.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reset.addClickListener(click -> new ResetDialog(host, typedAndPurge ->
                startThenWait(() -> power.reset(typedAndPurge.typed(), typedAndPurge.purgeDocker()), "reset")).open());
        FlexLayout buttons = new FlexLayout(reboot, shutdown, reset);
        buttons.getStyle().set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
        add(new H3("Power and reset"), buttons);
    }

    /** Once the operation is recorded as done, the browser goes to the page that waits for the box. */
    private void startThenWait(Supplier<OperationHandle> action, String kind) {
        try {
            follow(action.get(), update -> UI.getCurrent().getPage().setLocation("/waiting?for=" + kind));
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException e) {
            error(e.getMessage());
        }
    }

    private void follow(OperationHandle handle, Consumer<OperationUpdate> onCompleted) {
        UI ui = UI.getCurrent();
        handle.completion().thenAccept(update -> UiUpdates.run(ui, () -> {
            if (update.status() == OperationStatus.COMPLETED) {
                Notification.show(update.name() + ": " + update.result(), 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                onCompleted.accept(update);
            } else {
                error(update.name() + " failed: " + update.errorMessage());
            }
        }));
    }

    static void error(String message) {
        Notification.show(message, 8000, Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
