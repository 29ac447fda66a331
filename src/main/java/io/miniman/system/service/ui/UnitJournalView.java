package io.miniman.system.service.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.InvalidInputException;
import io.miniman.Subscription;
import io.miniman.security.Roles;
import io.miniman.system.service.JournalLine;
import io.miniman.system.service.UnitJournal;
import io.miniman.ui.LiveUpdates;
import jakarta.annotation.security.RolesAllowed;

/**
 * One unit's journal: the last 200 entries, then each new one by push while the page is open (the
 * journalctl behind it ends when the page is left), with a search over what is kept.
 */
@Route("system/services/journal")
@PageTitle("Service journal · Mini Manager")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class UnitJournalView extends VerticalLayout implements HasUrlParameter<String> {

    private final UnitJournal journal;
    final H2 title = new H2();
    final TextField search = new TextField();
    final Span status = new Span();
    final JournalDisplay display;
    private final ArrayBlockingQueue<JournalLine> incoming;
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    private String unit;

    public UnitJournalView(UnitJournal journal) {
        this.journal = journal;
        this.display = new JournalDisplay(journal.bufferLines());
        // bounded too: a locked phone keeps its UI attached while no push gets through
        this.incoming = new ArrayBlockingQueue<>(journal.bufferLines());
        setSizeFull();
        search.setPlaceholder("Search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.addValueChangeListener(e -> {
            display.search(e.getValue());
            updateStatus();
        });
        status.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(new Anchor("system/services", "← Services"), title, search, status, display);
        expand(display);
        LiveUpdates.whileAttached(this, this::follow);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        unit = parameter;
        title.setText("Journal of " + parameter);
    }

    private Subscription follow(UI ui) {
        try {
            return journal.follow(unit, line -> {
                while (!incoming.offer(line)) {
                    incoming.poll();
                }
                if (flushQueued.compareAndSet(false, true)) {
                    ui.accessLater(this::flush, null).run();
                }
            }, reason -> ui.accessLater(() -> status.setText(reason), null).run());
        } catch (InvalidInputException | IllegalStateException e) {
            status.setText(e.getMessage());
            return () -> { };
        }
    }

    /** Hands what arrived since the last push to the display in one batch. */
    void flush() {
        flushQueued.set(false);
        List<JournalLine> batch = new ArrayList<>();
        JournalLine line;
        while ((line = incoming.poll()) != null) {
            batch.add(line);
        }
        display.append(batch);
        updateStatus();
    }

    private void updateStatus() {
        status.setText(display.kept() + " entries" + (display.dropped() > 0 ? " (older ones dropped)" : "")
                + (search.isEmpty() ? "" : " · " + display.shown() + " matching"));
    }
}
