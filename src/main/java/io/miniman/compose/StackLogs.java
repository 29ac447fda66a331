package io.miniman.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import io.miniman.Subscription;
import io.miniman.docker.container.ContainerService;
import io.miniman.docker.container.LogQuery;

/**
 * Follows the logs of a stack's containers through the engine's own log streams (no compose process per
 * reader: on a 1 GB box a Python v1 per open page would cost more than the page).
 */
@Service
public class StackLogs {

    private final StackService stacks;
    private final ContainerService containers;
    private final ComposeProperties properties;

    StackLogs(StackService stacks, ContainerService containers, ComposeProperties properties) {
        this.stacks = stacks;
        this.containers = containers;
        this.properties = properties;
    }

    /** Lines a reader keeps; older ones are dropped. */
    public int bufferLines() {
        return properties.composeLogLines();
    }

    /**
     * The last {@code tail} lines of each container of the stack (of one service when {@code service} is
     * not null), then every new one, until the subscription is closed.
     */
    public Subscription follow(String stack, String service, int tail, Consumer<StackLogLine> sink) {
        List<Subscription> open = new ArrayList<>();
        for (StackContainer c : stacks.detail(stack).containers()) {
            if (service == null || service.equals(c.service())) {
                open.add(containers.follow(c.id(), LogQuery.tail(tail),
                        line -> sink.accept(new StackLogLine(line.time(), c.service(), line.text()))));
            }
        }
        return () -> open.forEach(Subscription::close);
    }
}
