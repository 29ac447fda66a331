package io.miniman.docker.container.ui;

import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import io.miniman.docker.DockerFailure;
import io.miniman.docker.container.ContainerActions;
import io.miniman.docker.container.RunSpec;
import io.miniman.docker.container.SpecText;
import io.miniman.docker.image.ImageService;
import io.miniman.docker.image.ui.PullProgressPanel;
import io.miniman.docker.network.NetworkService;
import io.miniman.docker.network.NetworkSummary;
import io.miniman.docker.security.NotAllowedForRole;
import io.miniman.docker.ui.UiUpdates;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationStatus;
import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;
import io.miniman.ui.FieldErrors;
import io.miniman.ui.FormColumns;
import jakarta.validation.ConstraintViolationException;

/** "Run a new container": the actions check it (form, then role); problems go beside their fields, the engine's refusal as it is. */
class RunDialog extends Dialog {

    final ComboBox<String> image = new ComboBox<>("Image");
    final Checkbox pull = new Checkbox("Pull the image first when it is not here", true);
    final TextField name = new TextField("Name");
    final TextField command = new TextField("Command");
    final TextArea env = new TextArea("Environment (KEY=value a line)");
    final TextField ports = new TextField("Ports (e.g. 8080:80, 127.0.0.1:53:53/udp)");
    final TextArea mounts = new TextArea("Volumes and binds (source:/target[:ro] a line)");
    final ComboBox<String> network = new ComboBox<>("Network");
    final Select<RunSpec.RestartPolicy> restart = new Select<>();
    final IntegerField memory = new IntegerField("Memory limit (MiB)");
    final NumberField cpus = new NumberField("CPU limit (cores)");
    final TextArea labels = new TextArea("Labels (key=value a line)");
    final Checkbox privileged = new Checkbox("Privileged");
    final TextArea devices = new TextArea("Host devices (/dev/x[:/dev/y][:rwm] a line)");
    final TextField capAdd = new TextField("Added capabilities (e.g. NET_ADMIN SYS_TIME)");
    final TextField pidMode = new TextField("PID mode (host or container:NAME)");
    final Details hostAccess = new Details("Host access (admins)");
    private final FieldErrors errors = new FieldErrors();
    final Div problems = new Div();
    final PullProgressPanel progress = new PullProgressPanel();
    final Button runButton = new Button("Run");
    private final ContainerActions actions;
    private final Runnable afterRun;

    RunDialog(ImageService images, NetworkService networks,
              ContainerActions actions, Runnable afterRun) {
        this.actions = actions;
        this.afterRun = afterRun;
        setHeaderTitle("Run a container");
        setWidth("min(48rem, 96vw)");

        image.setItems(images.list().stream().flatMap(i -> i.tags().stream()).sorted().toList());
        image.setAllowCustomValue(true);
        image.addCustomValueSetListener(e -> image.setValue(e.getDetail()));
        image.setRequiredIndicatorVisible(true);
        network.setItems(networks.list().stream().map(NetworkSummary::name).sorted().toList());
        network.setPlaceholder("default bridge");
        // modes are typed: none, host, container:NAME
        network.setAllowCustomValue(true);
        network.addCustomValueSetListener(e -> network.setValue(e.getDetail()));
        restart.setLabel("Restart policy");
        restart.setItems(RunSpec.RestartPolicy.values());
        restart.setItemLabelGenerator(RunSpec.RestartPolicy::engineName);
        restart.setValue(RunSpec.RestartPolicy.NO);
        command.setPlaceholder("the image's default");
        memory.setMin(6);
        cpus.setMin(0.01);
        problems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");

        FormLayout form = new FormLayout(image, pull, name, command, env, ports, mounts, network, restart, memory, cpus, labels);
        FormColumns.wide(form, 2);
        form.setColspan(env, 2);
        form.setColspan(mounts, 2);
        form.setColspan(labels, 2);
        // only admins may use these (DockerSecurityPolicy): others are not shown fields they would be refused
        FormLayout access = new FormLayout(privileged, pidMode, capAdd, devices);
        FormColumns.wide(access, 2);
        hostAccess.add(access);
        hostAccess.setVisible(CurrentUser.hasAnyRole(Roles.ADMIN));
        add(form, hostAccess, problems, progress);
        errors.bind("image", image).bind("name", name).bind("env", env).bind("env<K>", env).bind("ports", ports)
                .bind("mounts", mounts).bind("network", network).bind("memoryBytes", memory).bind("cpus", cpus)
                .bind("hostAccess.devices", devices).bind("hostAccess.capAdd", capAdd).bind("hostAccess.pidMode", pidMode);

        runButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runButton.addClickListener(click -> submit());
        getFooter().add(new Button("Cancel", click -> close()), runButton);
    }

    RunSpec spec() {
        return new RunSpec(image.getValue(), name.getValue(), SpecText.arguments(command.getValue()),
                SpecText.keyValues(env.getValue(), "Environment"), SpecText.ports(ports.getValue()),
                SpecText.mounts(mounts.getValue()), network.getValue(), restart.getValue(),
                memory.getValue() == null ? null : memory.getValue() * 1024L * 1024L, cpus.getValue(),
                SpecText.keyValues(labels.getValue(), "Label"),
                new RunSpec.HostAccess(privileged.getValue(), SpecText.lines(devices.getValue()),
                        SpecText.arguments(capAdd.getValue()), pidMode.getValue()));
    }

    void submit() {
        errors.clear();
        problems.setText("");
        UI ui = UI.getCurrent();
        try {
            OperationHandle handle = actions.run(spec(), pull.getValue());
            UiUpdates.closeOnDetach(this, actions.followRun(handle.id(), UiUpdates.to(ui, progress::update)));
            runButton.setEnabled(false);
            handle.completion().thenAccept(update -> UiUpdates.run(ui, () -> {
                runButton.setEnabled(true);
                if (update.status() == OperationStatus.COMPLETED) {
                    Notification.show("Started " + update.target(), 3000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    close();
                    afterRun.run();
                } else {
                    problems.setText(update.errorMessage());
                }
            }));
        } catch (ConstraintViolationException e) {
            problems.setText(String.join("\n", errors.show(e)));
        } catch (NotAllowedForRole e) {
            problems.setText(e.refusals().stream().map(NotAllowedForRole.Refusal::message).collect(Collectors.joining("\n")));
        } catch (IllegalArgumentException | DockerFailure e) {
            problems.setText(e.getMessage());
        }
    }

}
