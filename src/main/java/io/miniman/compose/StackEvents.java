package io.miniman.compose;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import io.miniman.Subscription;
import io.miniman.docker.DockerEvent;
import io.miniman.docker.DockerEvents;
import io.miniman.operation.OperationEvents;
import io.miniman.operation.OperationTarget;

/**
 * Which stack changed, from the feeds that already exist: container events carry their compose project
 * as a label attribute, and compose operations name their stack as target. {@link #ALL} means "re-read
 * everything" (the engine went away or came back).
 */
@Component
public class StackEvents {

    public static final String ALL = "*";

    private final DockerEvents docker;
    private final OperationEvents operations;

    StackEvents(DockerEvents docker, OperationEvents operations) {
        this.docker = docker;
        this.operations = operations;
    }

    public Subscription subscribe(Consumer<String> stackChanged) {
        Subscription engine = docker.subscribe(event -> {
            if (event.type().equals(DockerEvent.ENGINE)) {
                stackChanged.accept(ALL);
            } else if (event.type().equals("container") && event.attributes().containsKey(StackService.PROJECT_LABEL)) {
                stackChanged.accept(event.attributes().get(StackService.PROJECT_LABEL));
            }
        });
        String prefix = OperationTarget.Kind.STACK.word() + " ";
        Subscription ops = operations.subscribe(update -> {
            if (update.status().isFinished() && update.target() != null && update.target().startsWith(prefix)) {
                stackChanged.accept(update.target().substring(prefix.length()));
            }
        });
        return () -> {
            engine.close();
            ops.close();
        };
    }
}
