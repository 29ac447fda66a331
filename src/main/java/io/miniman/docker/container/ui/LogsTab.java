package io.miniman.docker.container.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import io.miniman.docker.DockerFailure;
import io.miniman.Subscription;
import io.miniman.docker.container.ContainerService;
import io.miniman.docker.container.LogBuffer;
import io.miniman.docker.container.LogLine;
import io.miniman.docker.container.LogQuery;
import io.miniman.docker.ui.Highlight;

/**
 * A container's log: tail or since, stdout and stderr told apart, search with highlight, download, and
 * follow by push. Both the lines waiting for the browser and the lines shown are bounded buffers, so a
 * chatty container cannot grow the console's memory.
 */
class LogsTab extends VerticalLayout {

    private final ContainerService containers;
    private final String containerId;
    private final String containerName;
    private final int capacity;

    final IntegerField tail = new IntegerField("Last lines");
    final DateTimePicker since = new DateTimePicker("Since");
    final Checkbox timestamps = new Checkbox("Timestamps", true);
    final Checkbox follow = new Checkbox("Follow");
    final TextField search = new TextField("Search");
    final Button load = new Button("Load");
    final Span status = new Span();
    final Div output = new Div();
    private final LogBuffer shown;
    private final LogBuffer pending;
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    private Subscription following;
    private UI ui;

    LogsTab(ContainerService containers, String containerId, String containerName, int capacity) {
        this.containers = containers;
        this.containerId = containerId;
        this.containerName = containerName;
        this.capacity = capacity;
        this.shown = new LogBuffer(capacity);
        this.pending = new LogBuffer(capacity);
        setPadding(false);
        setSizeFull();

        tail.setValue(200);
        tail.setMin(0);
        tail.setMax(capacity);
        tail.setStepButtonsVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> render());
        load.addClickListener(click -> reload());
        follow.addValueChangeListener(e -> {
            if (e.getValue()) {
                startFollowing();
            } else {
                stopFollowing();
            }
        });
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] text = asText().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(text), containerName + ".log", "text/plain", text.length);
        }), "Download");
        download.getElement().setAttribute("download", true);

        FlexLayout controls = new FlexLayout(tail, since, timestamps, follow, search, load, download);
        controls.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        controls.setAlignItems(Alignment.BASELINE);
        controls.getStyle().set("gap", "var(--lumo-space-s)");
        output.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-s)").set("white-space", "pre-wrap").set("overflow", "auto")
                .set("word-break", "break-all").set("height", "60vh").set("width", "100%");
        add(controls, status, output);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        ui = attach.getUI();
        reload();
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        stopFollowing();
        super.onDetach(detach);
    }

    void reload() {
        LogQuery query = new LogQuery(tail.getValue() == null ? capacity : Math.min(tail.getValue(), capacity),
                since.getValue() == null ? null : since.getValue().atZone(ZoneId.systemDefault()).toInstant(), timestamps.getValue());
        try {
            shown.drain();
            containers.logs(containerId, query).forEach(shown::add);
            render();
        } catch (DockerFailure e) {
            status.setText(e.getMessage());
        }
        if (follow.getValue()) {
            stopFollowing();
            startFollowing();
        }
    }

    private void startFollowing() {
        if (following != null || ui == null) {
            return;
        }
        try {
            following = containers.follow(containerId, new LogQuery(0, null, timestamps.getValue()), line -> {
                pending.add(line);
                if (flushQueued.compareAndSet(false, true)) {
                    ui.access(this::flush);
                }
            });
        } catch (DockerFailure e) {
            status.setText(e.getMessage());
            follow.setValue(false);
        }
    }

    private void stopFollowing() {
        if (following != null) {
            following.close();
            following = null;
        }
    }

    /** Moves what arrived since the last push into the view, dropping the oldest lines past the capacity. */
    void flush() {
        flushQueued.set(false);
        List<LogLine> arrived = pending.drain();
        String term = search.getValue();
        for (LogLine line : arrived) {
            shown.add(line);
            output.add(lineElement(line, term));
        }
        int excess = output.getChildren().mapToInt(c -> 1).sum() - capacity;
        if (excess > 0) {
            output.getChildren().limit(excess).toList().forEach(output::remove);
        }
        output.getElement().executeJs("this.scrollTop = this.scrollHeight");
        updateStatus();
    }

    private void render() {
        output.removeAll();
        String term = search.getValue();
        for (LogLine line : shown.snapshot()) {
            output.add(lineElement(line, term));
        }
        updateStatus();
    }

    private void updateStatus() {
        String term = search.getValue();
        long hits = term == null || term.isBlank() ? 0
                : shown.snapshot().stream().filter(l -> Highlight.count(l.text(), term) > 0).count();
        status.setText(shown.size() + " lines" + (shown.dropped() > 0 ? " (older ones dropped)" : "")
                + (term == null || term.isBlank() ? "" : " · " + hits + " matching"));
    }

    private Div lineElement(LogLine line, String term) {
        Div div = new Div();
        String prefix = line.time() == null ? "" : line.time() + " ";
        div.getElement().setProperty("innerHTML", Highlight.escape(prefix) + Highlight.html(line.text(), term));
        if (line.source() == LogLine.Source.STDERR) {
            div.getStyle().set("color", "var(--lumo-error-text-color)");
            div.getElement().setAttribute("data-stream", "stderr");
        }
        return div;
    }

    String asText() {
        StringBuilder text = new StringBuilder();
        for (LogLine line : shown.snapshot()) {
            text.append(line.time() == null ? "" : line.time() + " ").append(line.source() == LogLine.Source.STDERR ? "E " : "")
                    .append(line.text()).append('\n');
        }
        return text.toString();
    }

    int shownLines() {
        return shown.size();
    }
}
