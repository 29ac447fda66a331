package io.miniman.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import io.miniman.InvalidInputException;

/** One error handler for the whole UI: the full story goes to the log, a short sentence to the user. */
@Component
class UiErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable error = event.getThrowable();
        String message = userMessage(error);
        if (error instanceof InvalidInputException || error instanceof AccessDeniedException) {
            log.debug("refused in the UI: {}", message);
        } else {
            log.error("Unexpected error in the UI", error);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> Notification.show(message, 6000, Notification.Position.BOTTOM_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
        }
    }

    static String userMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root != root.getCause()
                && !(root instanceof InvalidInputException) && !(root instanceof AccessDeniedException)) {
            root = root.getCause();
        }
        if (root instanceof InvalidInputException || root instanceof IllegalArgumentException) {
            return root.getMessage();
        }
        if (root instanceof AccessDeniedException) {
            return "Your role does not allow this.";
        }
        return "Something went wrong (" + root.getClass().getSimpleName() + "). The details are in the console's log.";
    }
}
