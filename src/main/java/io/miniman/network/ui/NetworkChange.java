package io.miniman.network.ui;

import java.time.Clock;
import java.util.List;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.miniman.network.apply.ApplyWithRollback;
import io.miniman.network.apply.ClientContext;
import io.miniman.network.apply.NetworkPreview;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.status.ClientService;
import io.miniman.ui.FieldErrors;
import jakarta.validation.ConstraintViolationException;
import org.springframework.stereotype.Component;

/**
 * What every network form does with "Review and apply": preview through the one apply path, show
 * field errors, open the review dialog. Also re-opens the dialog of a change still in flight.
 */
@Component
class NetworkChange {

    private final ApplyWithRollback apply;
    private final NetworkPreview previews;
    private final ClientService clients;
    private final Clock clock;

    NetworkChange(ApplyWithRollback apply, NetworkPreview previews, ClientService clients, Clock clock) {
        this.apply = apply;
        this.previews = previews;
        this.clients = clients;
        this.clock = clock;
    }

    /** Returns false (and marks the fields) when the settings are invalid. */
    boolean review(NetworkSettings proposed, FieldErrors errors) {
        ClientContext client = ClientContexts.current(clients);
        try {
            var preview = previews.preview(proposed, client);
            errors.clear();
            ApplyDialog.review(apply, clock, preview, client);
            return true;
        } catch (ConstraintViolationException e) {
            List<String> unclaimed = errors.show(e);
            if (!unclaimed.isEmpty()) {
                Notification.show(String.join("\n", unclaimed), 8000, Notification.Position.BOTTOM_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            return false;
        }
    }

    void followInFlight() {
        apply.state().filter(state -> state.phase().inFlight())
                .ifPresent(state -> ApplyDialog.follow(apply, clock, state));
    }
}
