package io.miniman.docker.ui;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerEvent;
import io.miniman.docker.DockerEvents;
import io.miniman.docker.DockerFailure;
import io.miniman.docker.security.NotAllowedForRole;
import io.miniman.ui.FieldErrors;
import jakarta.validation.ConstraintViolationException;
import io.miniman.docker.EngineState;
import io.miniman.Subscription;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;
import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;
import io.miniman.ui.LiveUpdates;

/**
 * What every Docker view shares: the engine banner, a refresh whenever the engine reports a change to
 * the kinds of things the view shows (bursts fold into one refresh), and operations whose outcome is
 * shown as a notification with the engine's own words.
 */
public abstract class DockerPage extends VerticalLayout {

    protected final DockerEngine engine;
    private final DockerEvents events;
    private final Set<String> kinds;
    protected final EngineBanner banner;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();

    protected DockerPage(DockerEngine engine, DockerEvents events, Set<String> kinds) {
        this.engine = engine;
        this.events = events;
        this.kinds = kinds;
        this.banner = new EngineBanner(this::retry);
        setSizeFull();
        add(banner);
        LiveUpdates.whileAttached(this, this::follow);
    }

    /** Reloads what the view shows from the services. */
    protected abstract void refresh();

    protected static boolean canAct() {
        return CurrentUser.hasAnyRole(Roles.ADMIN, Roles.OPERATOR);
    }

    private Subscription follow(UI ui) {
        Subscription subscription = events.subscribe(event -> {
            if (relevant(event) && refreshQueued.compareAndSet(false, true)) {
                UiUpdates.run(ui, () -> {
                    refreshQueued.set(false);
                    refreshNow();
                });
            }
        });
        refreshNow();
        return subscription;
    }

    private boolean relevant(DockerEvent event) {
        return event.type().equals(DockerEvent.ENGINE) || kinds.contains(event.type());
    }

    private void retry() {
        engine.check();
        refreshNow();
    }

    protected void refreshNow() {
        if (engine.state().status() == EngineState.Status.UNKNOWN) {
            engine.check();
        }
        if (engine.state().up()) {
            read(() -> {
                refresh();
                return true;
            });
        }
        banner.show(engine.state());
    }

    /** A dialog with the object as the engine describes it, formatted and searchable. */
    protected void openInspect(String title, Supplier<String> json) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.setWidth("min(50rem, 96vw)");
        JsonPanel panel = new JsonPanel();
        read(json).ifPresent(panel::show);
        dialog.add(panel);
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.open();
    }

    /** Runs a read; a refusal or an unreachable engine becomes a notification or the banner, never a stack trace. */
    protected <T> Optional<T> read(Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (DockerFailure e) {
            if (engine.state().up()) {
                error(e.getMessage());
            }
            banner.show(engine.state());
            return Optional.empty();
        }
    }

    /** Starts an action; bad input and engine refusals are shown as they are. */
    protected void act(Supplier<OperationHandle> action, String done) {
        act(action, update -> done);
    }

    /** As {@link #act(Supplier, String)}, with a success message made from the outcome (e.g. the space a prune freed). */
    protected void act(Supplier<OperationHandle> action, Function<OperationUpdate, String> done) {
        act(action, done, new FieldErrors());
    }

    /**
     * Submits a form's action: bad input goes beside its fields ({@code errors}), a refusal to a
     * notification. Returns whether the action was accepted (the form may close).
     */
    protected boolean act(Supplier<OperationHandle> action, String done, FieldErrors errors) {
        return act(action, update -> done, errors);
    }

    private boolean act(Supplier<OperationHandle> action, Function<OperationUpdate, String> done, FieldErrors errors) {
        UI ui = UI.getCurrent();
        errors.clear();
        try {
            OperationHandle handle = action.get();
            handle.completion().thenAccept(update -> UiUpdates.run(ui, () -> {
                if (update.status() == OperationStatus.COMPLETED) {
                    Notification.show(done.apply(update), 4000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } else {
                    error(update.errorMessage());
                }
                refreshNow();
            }));
            return true;
        } catch (ConstraintViolationException e) {
            List<String> unclaimed = errors.show(e);
            if (!unclaimed.isEmpty()) {
                error(String.join("\n", unclaimed));
            }
        } catch (IllegalArgumentException | DockerFailure | NotAllowedForRole e) {
            error(e.getMessage());
        }
        return false;
    }

    /**
     * The same action on a selection, one container after another: a bulk stop on a 2-core box should
     * not start ten shutdowns at once, and the operations log then reads in order. One notification for
     * the lot, naming every refusal. Each step runs on an operation thread, so it carries the caller's
     * security context with it.
     */
    protected void actAll(List<Supplier<OperationHandle>> actions, String done) {
        UI ui = UI.getCurrent();
        SecurityContext security = SecurityContextHolder.getContext();
        List<String> refused = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Supplier<OperationHandle> action : actions) {
            chain = chain.thenCompose(previous -> submitAs(security, action, refused));
        }
        chain.thenRun(() -> UiUpdates.run(ui, () -> {
            if (refused.isEmpty()) {
                Notification.show(done, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } else {
                error(String.join("\n", refused));
            }
            refreshNow();
        }));
    }

    private static CompletableFuture<Void> submitAs(SecurityContext security, Supplier<OperationHandle> action,
                                                    List<String> refused) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(security);
        try {
            return action.get().completion().thenAccept(update -> {
                if (update.status() != OperationStatus.COMPLETED) {
                    refused.add(update.target() + ": " + update.errorMessage());
                }
            });
        } catch (IllegalArgumentException | DockerFailure | NotAllowedForRole | ConstraintViolationException e) {
            refused.add(e.getMessage());
            return CompletableFuture.completedFuture(null);
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    protected static void error(String message) {
        Notification.show(message, 8000, Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
