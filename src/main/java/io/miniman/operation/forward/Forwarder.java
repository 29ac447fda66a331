package io.miniman.operation.forward;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.miniman.Subscription;
import io.miniman.operation.OperationEvents;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;

/**
 * Sends every operation transition (and the alerts handed to it) to the configured collectors. The
 * operation's thread only puts the event on each destination's bounded queue; sending happens on that
 * destination's own thread.
 */
@Service
@EnableConfigurationProperties(ForwardProperties.class)
public class Forwarder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Forwarder.class);

    private final ForwardProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String hostname = localHostname();
    private final Map<String, TargetQueue> queues = new ConcurrentHashMap<>();
    /** The last status forwarded per unfinished operation: progress lines republish RUNNING and are not transitions. */
    private final Map<Long, OperationStatus> forwarded = new ConcurrentHashMap<>();
    private final Subscription subscription;
    private final List<Destination> fromEnvironment;

    Forwarder(ForwardProperties properties, OperationEvents events, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.fromEnvironment = environmentDestinations(properties);
        fromEnvironment.forEach(this::open);
        this.subscription = events.subscribe(this::onTransition);
    }

    private static List<Destination> environmentDestinations(ForwardProperties properties) {
        List<Destination> list = new ArrayList<>();
        add(list, Destination.Format.SYSLOG, properties.syslog(), null);
        add(list, Destination.Format.GELF, properties.gelf(), null);
        add(list, Destination.Format.SNMP, properties.snmp(), properties.snmpCommunity());
        return list;
    }

    private static void add(List<Destination> list, Destination.Format format, List<String> addresses, String secret) {
        for (int i = 0; i < addresses.size(); i++) {
            String text = addresses.get(i);
            if (text == null || text.isBlank()) {
                continue;
            }
            String key = "env:" + format.name().toLowerCase() + ":" + i;
            try {
                list.add(new Destination(key, "environment", format, format.parse(text), secret, true));
            } catch (IllegalArgumentException e) {
                // a typo in the environment must not stop the console: the log says which variable is wrong
                log.error("miniman.forward.{}[{}] '{}' {}", format.name().toLowerCase(), i, text, e.getMessage());
            }
        }
    }

    void onTransition(OperationUpdate update) {
        OperationStatus before = update.status().isFinished() ? forwarded.remove(update.id())
                : forwarded.put(update.id(), update.status());
        if (before == update.status()) {
            return;
        }
        ForwardEvent event = ForwardEvent.of(update);
        for (TargetQueue queue : queues.values()) {
            if (queue.destination().forwardOperations()) {
                queue.offer(event);
            }
        }
    }

    /** Queues an alert for one destination (a channel of the rule that fired); unknown keys are ignored. */
    public boolean deliver(String key, ForwardEvent event) {
        TargetQueue queue = queues.get(key);
        if (queue == null) {
            return false;
        }
        queue.offer(event);
        return true;
    }

    /** Queues an alert for every collector that receives all operations, except those in {@code skip}. */
    public void broadcast(ForwardEvent event, Set<String> skip) {
        queues.forEach((key, queue) -> {
            if (queue.destination().forwardOperations() && !skip.contains(key)) {
                queue.offer(event);
            }
        });
    }

    /**
     * Replaces the destinations set in the console (those from the environment stay). A destination whose
     * wire settings did not change keeps its queue and its counts.
     */
    public synchronized void configure(Collection<Destination> destinations) {
        Map<String, Destination> wanted = new LinkedHashMap<>();
        destinations.forEach(d -> wanted.put(d.key(), d));
        fromEnvironment.forEach(d -> wanted.put(d.key(), d));
        queues.entrySet().removeIf(entry -> {
            Destination now = wanted.get(entry.getKey());
            boolean keep = now != null && now.sameWire(entry.getValue().destination())
                    && now.forwardOperations() == entry.getValue().destination().forwardOperations()
                    && now.label().equals(entry.getValue().destination().label());
            if (!keep) {
                entry.getValue().stop();
            }
            return !keep;
        });
        wanted.values().stream().filter(d -> !queues.containsKey(d.key())).forEach(this::open);
    }

    private void open(Destination destination) {
        queues.put(destination.key(), new TargetQueue(destination, destination.newSender(hostname), properties.queueCapacity(),
                clock, Counter.builder("miniman.forward.dropped").description("Events dropped by a full forwarding queue")
                        .tags("target", destination.key(), "format", destination.format().name().toLowerCase()).register(meters)));
    }

    /** Sends one event now on the caller's thread, for a channel's "send test": the exception is the answer. */
    public void sendNow(Destination destination, ForwardEvent event) throws IOException {
        EventSender sender = destination.newSender(hostname);
        try {
            sender.send(event);
        } finally {
            sender.close();
        }
    }

    public List<TargetState> states() {
        return queues.values().stream().map(TargetQueue::state).sorted(Comparator.comparing(TargetState::key)).toList();
    }

    @Override
    public void destroy() {
        subscription.close();
        queues.values().forEach(TargetQueue::stop);
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "miniman";
        }
    }
}
