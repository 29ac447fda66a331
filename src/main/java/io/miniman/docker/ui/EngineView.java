package io.miniman.docker.ui;

import java.util.Set;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.compose.StackService;
import io.miniman.compose.ui.ComposeCliInfo;
import io.miniman.docker.DiskUsage;
import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerEvents;
import io.miniman.docker.EngineInfo;
import io.miniman.security.Roles;
import io.miniman.ui.Formats;
import io.miniman.ui.MainLayout;
import io.miniman.ui.PhoneRows;
import io.miniman.ui.FormColumns;
import jakarta.annotation.security.RolesAllowed;

/**
 * The engine: version, API, OS, storage driver, CPUs, memory, disk usage as {@code docker system df}
 * reports it, and which compose CLI the stacks run with.
 */
@Route(value = "docker/engine", layout = MainLayout.class)
@PageTitle("Docker engine · Mini Manager")
@Menu(title = "Engine", order = 44, icon = "vaadin:server")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class EngineView extends DockerPage {

    final FormLayout facts = new FormLayout();
    final Grid<DiskUsage.Row> disk = new Grid<>();
    final Span host = new Span();

    public EngineView(DockerEngine engine, DockerEvents events, StackService stacks) {
        super(engine, events, Set.of("image", "container", "volume"));
        FormColumns.wide(facts, 2);
        disk.addColumn(DiskUsage.Row::type).setHeader("Type").setAutoWidth(true);
        disk.addColumn(DiskUsage.Row::total).setHeader("Total").setAutoWidth(true);
        disk.addColumn(DiskUsage.Row::active).setHeader("Active").setAutoWidth(true);
        disk.addColumn(r -> Formats.bytes(r.sizeBytes())).setHeader("Size").setAutoWidth(true);
        disk.addColumn(r -> Formats.bytes(r.reclaimableBytes())).setHeader("Reclaimable").setAutoWidth(true);
        PhoneRows.of(disk, "Type", DiskUsage.Row::type).fact(r -> r.total() + " total · " + r.active() + " active")
                .fact(r -> Formats.bytes(r.sizeBytes()) + " · " + Formats.bytes(r.reclaimableBytes()) + " reclaimable").install();
        disk.addThemeVariants(GridVariant.LUMO_COMPACT);
        disk.setAllRowsVisible(true);
        host.setText("Engine at " + engine.properties().host());
        add(new H2("Docker engine"), host, new ComposeCliInfo(stacks), facts, new H4("Disk usage"), disk);
    }

    @Override
    protected void refresh() {
        EngineInfo info = engine.info();
        facts.removeAll();
        fact("Version", info.version());
        fact("API version", info.apiVersion());
        fact("Operating system", info.operatingSystem());
        fact("Kernel", info.kernel());
        fact("Architecture", info.architecture());
        fact("Storage driver", info.storageDriver());
        fact("CPUs", String.valueOf(info.cpus()));
        fact("Memory", Formats.bytes(info.memoryBytes()));
        disk.setItems(info.diskUsage().rows());
    }

    private void fact(String label, String value) {
        facts.addFormItem(new Span(value == null ? "–" : value), label);
    }
}
