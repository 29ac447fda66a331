package io.miniman.operation.alert.ui;

import java.util.List;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

import io.miniman.Subscription;
import io.miniman.operation.alert.AlertNotice;
import io.miniman.operation.alert.InAppAlerts;
import io.miniman.security.CurrentUser;
import io.miniman.ui.Formats;
import io.miniman.ui.LiveUpdates;

/**
 * The header bell: the count of in-app alerts the user has not read, updated by push as alerts fire;
 * a click lists them and "Mark all read" clears the count for this user only.
 */
public class AlertBell extends Composite<Div> {

    static final int SHOWN = 50;

    private final InAppAlerts alerts;
    final Button bell = new Button(new Icon(VaadinIcon.BELL));

    public AlertBell(InAppAlerts alerts) {
        this.alerts = alerts;
        bell.setId("alert-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.getElement().setAttribute("aria-label", "Alerts");
        bell.addClickListener(click -> openList());
        getContent().add(bell);
        // alerts name failed operations and their errors, which viewers do not read in full
        setVisible(CurrentUser.hasAnyRole("ADMIN", "OPERATOR"));
        if (isVisible()) {
            LiveUpdates.whileAttached(this, this::follow);
        }
    }

    private Subscription follow(UI ui) {
        refresh();
        return alerts.subscribe(notice -> ui.access(this::refresh));
    }

    void refresh() {
        long unread = alerts.unreadCount();
        bell.setText(unread > 0 ? String.valueOf(unread) : "");
        bell.removeThemeVariants(ButtonVariant.LUMO_ERROR);
        if (unread > 0) {
            bell.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
    }

    Dialog openList() {
        List<AlertNotice> unread = alerts.unread(SHOWN);
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(unread.isEmpty() ? "No unread alerts" : unread.size() + " unread alert" + (unread.size() == 1 ? "" : "s"));
        for (AlertNotice notice : unread) {
            Div row = new Div(new Span(Formats.time(notice.createdAt()) + " · " + notice.rule()
                    + (notice.count() > 1 ? " · " + notice.count() + " times" : "")), new Paragraph(notice.message()));
            row.addClassName("alert-row");
            row.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            dialog.add(row);
        }
        Button read = new Button("Mark all read", click -> {
            unread.stream().mapToLong(AlertNotice::id).max().ifPresent(alerts::markRead);
            refresh();
            dialog.close();
        });
        read.setEnabled(!unread.isEmpty());
        dialog.getFooter().add(new Button("Close", click -> dialog.close()), read);
        dialog.open();
        return dialog;
    }
}
