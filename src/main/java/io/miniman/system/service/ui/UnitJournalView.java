package io.miniman.system.service.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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
import io.miniman.ui.MainLayout;
import io.miniman.ui.log.LogViewer;
import io.miniman.ui.log.ViewerLine;
import jakarta.annotation.security.RolesAllowed;

/**
 * One unit's journal: the last 200 entries, then each new one by push while the page is open (the
 * journalctl behind it ends when the page is left), in the shared log viewer: search, timestamps and
 * the bounded buffer live in the browser; warnings and worse are marked like a container's stderr.
 */
@Route(value = "system/services/journal", layout = MainLayout.class)
@PageTitle("Service journal · Mini Manager")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class UnitJournalView extends VerticalLayout implements HasUrlParameter<String> {

    private final UnitJournal journal;
    final H2 title = new H2();
    final Span status = new Span();
    final LogViewer viewer = new LogViewer();
    private String unit;

    public UnitJournalView(UnitJournal journal) {
        this.journal = journal;
        setSizeFull();
        viewer.setCapacity(journal.bufferLines());
        viewer.setTimestamps(true);
        status.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(new Anchor("system/services", "← Services"), title, status, viewer);
        expand(viewer);
        LiveUpdates.whileAttached(this, this::follow);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        unit = parameter;
        title.setText("Journal of " + parameter);
    }

    private Subscription follow(UI ui) {
        try {
            // the viewer batches what any thread appends into its own pushes
            return journal.follow(unit, line -> viewer.append(viewerLine(line)),
                    reason -> ui.accessLater(() -> status.setText(reason), null).run());
        } catch (InvalidInputException | IllegalStateException e) {
            status.setText(e.getMessage());
            return () -> { };
        }
    }

    static ViewerLine viewerLine(JournalLine line) {
        // a unit may run several programs (docker and containerd, a shell script's children): say which
        String source = line.source() + (line.pid() > 0 ? "[" + line.pid() + "]" : "") + ": ";
        return new ViewerLine(line.problem() ? ViewerLine.Kind.STDERR : ViewerLine.Kind.STDOUT, line.time(),
                source + line.message());
    }
}
