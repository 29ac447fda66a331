package io.miniman.compose.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

import io.miniman.Subscription;
import io.miniman.compose.StackLogLine;
import io.miniman.compose.StackLogs;
import io.miniman.ui.LiveUpdates;
import io.miniman.ui.log.LogViewer;
import io.miniman.ui.log.ViewerLine;

/**
 * The logs of one service or all, following live while the panel is on screen, in the shared
 * {@link LogViewer}: lines arrive on the engine's threads and the viewer batches them to the browser.
 */
class StackLogsPanel extends VerticalLayout {

    static final String ALL = "All services";
    private static final int TAIL = 100;

    final Select<String> service = new Select<>();
    final LogViewer viewer = new LogViewer();
    private final StackLogs logs;
    private final String stack;
    private Subscription following = () -> { };

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
        viewer.setCapacity(logs.bufferLines());
        viewer.setHeight("28rem");
        add(service, viewer);
        LiveUpdates.whileAttached(this, attached -> {
            restart();
            return () -> following.close();
        });
    }

    private void restart() {
        following.close();
        viewer.clear();
        String chosen = ALL.equals(service.getValue()) ? null : service.getValue();
        try {
            following = logs.follow(stack, chosen, TAIL, this::arrived);
        } catch (RuntimeException e) {
            following = () -> { };
            viewer.append(ViewerLine.err("Logs are not available: " + e.getMessage()));
        }
    }

    private void arrived(StackLogLine line) {
        viewer.append(new ViewerLine(ViewerLine.Kind.STDOUT, line.time(), line.service() + " | " + line.text()));
    }
}
