package io.miniman.docker.container.ui;

import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.miniman.docker.container.ContainerDetails;
import io.miniman.ui.Formats;
import io.miniman.ui.PhoneRows;
import io.miniman.ui.FormColumns;

/** Configuration and state of one container; secret-looking environment values arrive masked. */
class OverviewTab extends VerticalLayout {

    final Grid<ContainerDetails.EnvVar> env = new Grid<>();
    private final Grid<ContainerDetails.MountInfo> mounts = new Grid<>();
    private final Grid<ContainerDetails.NetworkAttachment> networks = new Grid<>();
    private final Grid<Map.Entry<String, String>> labels = new Grid<>();

    OverviewTab() {
        setPadding(false);
        env.addColumn(ContainerDetails.EnvVar::key).setHeader("Variable").setAutoWidth(true);
        env.addColumn(ContainerDetails.EnvVar::value).setHeader("Value").setFlexGrow(1);
        PhoneRows.of(env, "Variable", ContainerDetails.EnvVar::key).fact(ContainerDetails.EnvVar::value).install();

        mounts.addColumn(ContainerDetails.MountInfo::type).setHeader("Type").setAutoWidth(true);
        mounts.addColumn(ContainerDetails.MountInfo::source).setHeader("Source").setFlexGrow(1);
        mounts.addColumn(ContainerDetails.MountInfo::destination).setHeader("Mounted at").setFlexGrow(1);
        mounts.addColumn(OverviewTab::mode).setHeader("Mode").setAutoWidth(true);
        PhoneRows.of(mounts, "Mounted at", ContainerDetails.MountInfo::destination).fact(m -> "from " + m.source())
                .fact(m -> m.type() + " · " + mode(m)).install();

        networks.addColumn(ContainerDetails.NetworkAttachment::network).setHeader("Network").setFlexGrow(1);
        networks.addColumn(ContainerDetails.NetworkAttachment::ipAddress).setHeader("IP address").setAutoWidth(true);
        networks.addColumn(OverviewTab::aliases).setHeader("Aliases").setFlexGrow(1);
        PhoneRows.of(networks, "Network", ContainerDetails.NetworkAttachment::network)
                .fact(ContainerDetails.NetworkAttachment::ipAddress).fact(OverviewTab::aliases).install();

        labels.addColumn(Map.Entry::getKey).setHeader("Label").setAutoWidth(true);
        labels.addColumn(Map.Entry::getValue).setHeader("Value").setFlexGrow(1);
        PhoneRows.of(labels, "Label", Map.Entry<String, String>::getKey).fact(Map.Entry::getValue).install();
    }

    void show(ContainerDetails d) {
        removeAll();
        FormLayout facts = new FormLayout();
        FormColumns.wide(facts, 2);
        fact(facts, "Image", d.image());
        fact(facts, "State", d.state() + (d.health().isEmpty() ? "" : " (" + d.health() + ")"));
        fact(facts, "Command", String.join(" ", d.command()));
        fact(facts, "Entrypoint", String.join(" ", d.entrypoint()));
        fact(facts, "Working dir", d.workingDir());
        fact(facts, "Restart policy", d.restartPolicy());
        fact(facts, "Created", Formats.time(d.created()));
        fact(facts, "Started", Formats.time(d.startedAt()));
        fact(facts, "Finished", Formats.time(d.finishedAt()));
        fact(facts, "Exit code", d.running() || d.exitCode() == null ? "" : String.valueOf(d.exitCode()));
        fact(facts, "Ports", d.ports().stream().map(Object::toString).collect(Collectors.joining(", ")));
        fact(facts, "Id", d.id());
        add(facts);

        env.setItems(d.env());
        add(section("Environment", env, d.env().size()));
        mounts.setItems(d.mounts());
        add(section("Mounts", mounts, d.mounts().size()));
        networks.setItems(d.networks());
        add(section("Networks", networks, d.networks().size()));
        labels.setItems(d.labels().entrySet());
        add(section("Labels", labels, d.labels().size()));
    }

    private static String mode(ContainerDetails.MountInfo mount) {
        return mount.readWrite() ? "rw" : "ro";
    }

    private static String aliases(ContainerDetails.NetworkAttachment attachment) {
        return String.join(", ", attachment.aliases());
    }

    private static void fact(FormLayout form, String label, String value) {
        Span text = new Span(value == null || value.isEmpty() ? "–" : value);
        text.getStyle().set("word-break", "break-all");
        form.addFormItem(text, label);
    }

    private static Component section(String title, Grid<?> grid, int rows) {
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        VerticalLayout box = new VerticalLayout(new H4(title + " (" + rows + ")"), grid);
        box.setPadding(false);
        box.setSpacing(false);
        return box;
    }
}
