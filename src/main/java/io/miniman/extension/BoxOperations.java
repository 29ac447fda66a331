package io.miniman.extension;

import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import com.vaadin.flow.component.Component;

import io.miniman.operation.OperationEvents;
import io.miniman.operation.OperationReader;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;
import io.miniman.operation.OperationUpdate;

/**
 * Runs an extension's work the way the console runs its own: as an operation in the log (user, start,
 * end, result or error), off the UI thread, one at a time per target, followed live by any page.
 */
@Service
public class BoxOperations {

    /** What the work may say while it runs. */
    public interface Progress {
        /** A line for the operation's details, shown live. */
        void line(String text);

        /** From now on this value is masked in everything stored or shown for this operation. */
        void secret(String value);
    }

    /** The work; what it returns becomes the operation's result, what it throws its error. */
    @FunctionalInterface
    public interface Work {
        String run(Progress progress) throws Exception;
    }

    private final OperationService operations;
    private final OperationEvents events;

    BoxOperations(OperationService operations, OperationEvents events) {
        this.operations = operations;
        this.events = events;
    }

    /**
     * Starts the work and returns the operation's id at once. target names what the work changes
     * (e.g. "sensor-1"): two operations on the same target of extensions never run at the same time.
     */
    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
    public long submit(String name, String target, Work work) {
        // the work acts as the user who started it: the API's own role checks apply inside it too
        SecurityContext caller = SecurityContextHolder.createEmptyContext();
        caller.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        return operations.submit(OperationType.EXTENSION, name, OperationTarget.of(OperationTarget.Kind.EXTENSION,
                target), context -> {
                    SecurityContextHolder.setContext(caller);
                    try {
                        return work.run(new Progress() {
                            @Override
                            public void line(String text) {
                                context.progress(text);
                            }

                            @Override
                            public void secret(String value) {
                                context.secret(value);
                            }
                        });
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }).id();
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<OperationState> find(long id) {
        return operations.find(id).map(BoxOperations::state);
    }

    /**
     * The state of operation {@code id} now, then each change while {@code owner} is attached (progress,
     * the end); an operation that ended before this call is reported once, as it ended.
     */
    @PreAuthorize("isAuthenticated()")
    public void follow(Component owner, long id, Consumer<OperationState> update) {
        // events arrive on worker threads without the viewer's sign-in: decide what they may read now
        Optional<OperationReader> reader = OperationReader.current();
        Live.<OperationUpdate>follow(owner, listener -> events.subscribe(u -> {
            if (u.id() == id && reader.isPresent()) {
                listener.accept(reader.get().shown(u));
            }
        }), u -> update.accept(state(u)));
        find(id).ifPresent(update);
    }

    private static OperationState state(OperationUpdate u) {
        return new OperationState(u.id(), u.name(), u.status().label(), u.user(), u.startTime(), u.endTime(),
                u.details(), u.result(), u.errorMessage());
    }
}
