package io.miniman.compose.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

import io.miniman.Subscription;
import io.miniman.compose.StackLogLine;
import io.miniman.compose.StackLogs;
import io.miniman.docker.ui.UiUpdates;
import io.miniman.ui.LiveUpdates;

/**
 * The logs of one service or all, following live while the panel is on screen. Lines arrive on the
 * engine's threads and are handed to the UI in batches; the panel keeps the last N and drops older ones.
 */
class StackLogsPanel extends VerticalLayout {

    static final String ALL = "All services";
    private static final int TAIL = 100;

    final Select<String> service = new Select<>();
    final Pre text = new Pre();
    private final StackLogs logs;
    private final String stack;
    private final ArrayDeque<String> kept = new ArrayDeque<>();
    private final Queue<StackLogLine> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    private Subscription following = () -> { };
    private UI ui;

    StackLogsPanel(StackLogs logs, String stack, List<String> services) {
        this.logs = logs;
        this.stack = stack;
        setPadding(false);
        List<String> choices = new ArrayList<>();
        choices.add(ALL);
        choices.addAll(services);
        service.setLabel("Service");
        service.setItems(choices);
        service.setValue(ALL);
        service.addValueChangeListener(e -> restart());
        text.getStyle().set("max-height", "28rem").set("overflow", "auto").set("white-space", "pre-wrap")
                .set("font-size", "var(--lumo-font-size-s)").set("margin", "0");
        add(service, text);
        LiveUpdates.whileAttached(this, attached -> {
            ui = attached;
            restart();
            return () -> following.close();
        });
    }

    private void restart() {
        following.close();
        kept.clear();
        incoming.clear();
        text.setText("");
        String chosen = ALL.equals(service.getValue()) ? null : service.getValue();
        try {
            following = logs.follow(stack, chosen, TAIL, this::arrived);
        } catch (RuntimeException e) {
            following = () -> { };
            text.setText("Logs are not available: " + e.getMessage());
        }
    }

    private void arrived(StackLogLine line) {
        incoming.add(line);
        if (flushQueued.compareAndSet(false, true)) {
            UiUpdates.run(ui, this::flush);
        }
    }

    void flush() {
        flushQueued.set(false);
        StackLogLine line;
        while ((line = incoming.poll()) != null) {
            kept.addLast(line.service() + " | " + line.text());
            if (kept.size() > logs.bufferLines()) {
                kept.removeFirst();
            }
        }
        text.setText(String.join("\n", kept));
    }
}
