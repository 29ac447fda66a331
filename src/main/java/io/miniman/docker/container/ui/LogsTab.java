package io.miniman.docker.container.ui;

import java.time.ZoneId;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.server.streams.DownloadHandler;

import io.miniman.Subscription;
import io.miniman.docker.DockerFailure;
import io.miniman.docker.container.ContainerService;
import io.miniman.docker.container.LogLine;
import io.miniman.docker.container.LogQuery;
import io.miniman.ui.log.LogViewer;
import io.miniman.ui.log.ViewerLine;

/**
 * A container's log in the shared {@link LogViewer}: the last lines or since a time, then followed live
 * (on by default for a running container, as {@code docker logs -f}). Search, highlight, timestamps and
 * the pause on scrolling happen in the browser; the download streams the whole log from the engine.
 */
class LogsTab extends VerticalLayout {

    private final ContainerService containers;
    private final String containerId;
    private final int capacity;

    final IntegerField tail = new IntegerField("Last lines");
    final DateTimePicker since = new DateTimePicker("Since");
    final Checkbox follow = new Checkbox("Follow");
    final Button load = new Button("Load");
    final Span status = new Span();
    final LogViewer viewer = new LogViewer();
    private Subscription following;

    LogsTab(ContainerService containers, String containerId, String containerName, int capacity, boolean running) {
        this.containers = containers;
        this.containerId = containerId;
        this.capacity = capacity;
        setPadding(false);
        setSizeFull();

        tail.setValue(Math.min(200, capacity));
        tail.setMin(0);
        tail.setMax(capacity);
        tail.setStepButtonsVisible(true);
        tail.setWidth("8rem");
        follow.setValue(running);
        follow.addValueChangeListener(e -> reload());
        load.addClickListener(click -> reload());
        Anchor download = new Anchor((DownloadHandler) event -> {
            event.setFileName(containerName + ".log");
            event.setContentType("text/plain");
            containers.writeLogs(containerId, true, event.getOutputStream());
        }, "Download");
        download.getElement().setAttribute("download", true);
        viewer.setCapacity(capacity);
        viewer.setHeight("65vh");

        FlexLayout controls = new FlexLayout(tail, since, follow, load, download);
        controls.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        controls.setAlignItems(Alignment.BASELINE);
        controls.getStyle().set("gap", "var(--lumo-space-s)");
        add(controls, status, viewer);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        reload();
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        stopFollowing();
        super.onDetach(detach);
    }

    /**
     * Starts again from the chosen tail or time. Following uses one engine stream for the past lines and
     * the new ones, so none is missed or shown twice between the two.
     */
    void reload() {
        stopFollowing();
        viewer.clear();
        status.setText("");
        LogQuery query = new LogQuery(tail.getValue() == null ? capacity : Math.min(tail.getValue(), capacity),
                since.getValue() == null ? null : since.getValue().atZone(ZoneId.systemDefault()).toInstant(), true);
        try {
            if (follow.getValue()) {
                following = containers.follow(containerId, query, line -> viewer.append(viewerLine(line)));
            } else {
                containers.logs(containerId, query).forEach(line -> viewer.append(viewerLine(line)));
            }
        } catch (DockerFailure e) {
            status.setText(e.getMessage());
        }
    }

    private void stopFollowing() {
        if (following != null) {
            following.close();
            following = null;
        }
    }

    static ViewerLine viewerLine(LogLine line) {
        return new ViewerLine(line.source() == LogLine.Source.STDERR ? ViewerLine.Kind.STDERR : ViewerLine.Kind.STDOUT,
                line.time(), line.text());
    }
}
