package io.miniman.compose.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import io.miniman.InvalidInputException;
import io.miniman.docker.ui.UiUpdates;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;
import io.miniman.ui.FieldErrors;
import jakarta.validation.ConstraintViolationException;

/**
 * Starts a stack action from a view: a refusal before anything changed goes beside its field (or into a
 * notification), the outcome of the operation into a notification when it ends.
 */
final class Submit {

    private Submit() {
    }

    /**
     * @param fields    the form's fields by property ("name", "compose", "env"), for refusals that name one
     * @param onRefused also told about a refusal (the editor marks a rejected line)
     * @return the handle, or null when the action was refused at once
     */
    static OperationHandle run(Supplier<OperationHandle> action, Map<String, HasValidation> fields,
            Consumer<InvalidInputException> onRefused, Consumer<OperationUpdate> onDone) {
        FieldErrors errors = new FieldErrors();
        fields.forEach(errors::bind);
        errors.clear();
        UI ui = UI.getCurrent();
        try {
            OperationHandle handle = action.get();
            handle.completion().thenAccept(update -> UiUpdates.run(ui, () -> {
                if (update.status() == OperationStatus.COMPLETED) {
                    Notification.show(update.name() + ": " + update.result(), 4000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } else {
                    error(update.name() + " failed: " + update.errorMessage());
                }
                onDone.accept(update);
            }));
            return handle;
        } catch (ConstraintViolationException e) {
            List<String> unclaimed = errors.show(e);
            if (!unclaimed.isEmpty()) {
                error(String.join("\n", unclaimed));
            }
        } catch (InvalidInputException e) {
            HasValidation field = fields.get(e.field());
            if (field != null) {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            } else {
                error(e.getMessage());
            }
            onRefused.accept(e);
        } catch (AccessDeniedException | IllegalStateException e) {
            error(e.getMessage());
        }
        return null;
    }

    static void error(String message) {
        Notification.show(message, 8000, Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
