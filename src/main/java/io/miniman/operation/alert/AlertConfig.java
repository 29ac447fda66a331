package io.miniman.operation.alert;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.miniman.operation.forward.Destination;
import io.miniman.operation.forward.Forwarder;
import io.miniman.operation.forward.TargetState;

/**
 * Channels and rules as stored. Reads are public; the writes are package-private and reached through
 * {@link AlertActions}, which checks roles and logs them as operations. Every write hands the
 * collector channels to the {@link Forwarder} and the rules to the {@link AlertEngine}.
 */
@Service
public class AlertConfig implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AlertConfig.class);

    private final AlertChannelRepository channels;
    private final AlertRuleRepository rules;
    private final Forwarder forwarder;
    private final ChannelHealth health;
    private volatile List<RuleSpec> activeRules = List.of();

    AlertConfig(AlertChannelRepository channels, AlertRuleRepository rules, Forwarder forwarder, ChannelHealth health) {
        this.channels = channels;
        this.rules = rules;
        this.forwarder = forwarder;
        this.health = health;
    }

    @Override
    public void afterSingletonsInstantiated() {
        reload();
    }

    public List<ChannelSummary> channels() {
        return channels.findAllByOrderByNameAsc().stream().map(AlertChannel::toSummary).toList();
    }

    public List<RuleSpec> rules() {
        return rules.findAllByOrderByNameAsc().stream().map(AlertRule::toSpec).toList();
    }

    /** Every destination with its state: console channels first, then the environment's collectors. */
    public List<ChannelState> states() {
        Map<String, TargetState> queues = forwarder.states().stream()
                .collect(Collectors.toMap(TargetState::key, Function.identity()));
        List<ChannelState> list = new ArrayList<>();
        for (ChannelSummary channel : channels()) {
            TargetState queue = queues.remove(channel.key());
            ChannelHealth.Failure failure = health.of(channel.key()).orElse(null);
            // the queue's failure when it has one, else the last test or mail that failed
            boolean queueFails = queue != null && queue.failing();
            list.add(new ChannelState(channel, channel.name(), channel.kind().label(), channel.address(),
                    channel.forwardOperations(), queue == null ? 0 : queue.sent(), queue == null ? 0 : queue.dropped(),
                    queueFails ? queue.failingSince() : failure == null ? null : failure.since(),
                    queueFails ? queue.reason() : failure == null ? null : failure.reason()));
        }
        queues.values().forEach(queue -> list.add(new ChannelState(null, queue.label(), queue.format().name().toLowerCase(),
                queue.address(), queue.forwardOperations(), queue.sent(), queue.dropped(), queue.failingSince(), queue.reason())));
        return list;
    }

    List<RuleSpec> activeRules() {
        return activeRules;
    }

    Optional<AlertChannel> channel(long id) {
        return channels.findById(id);
    }

    List<AlertChannel> channels(Collection<Long> ids) {
        return channels.findAllById(ids);
    }

    @Transactional
    ChannelSummary save(ChannelDraft draft) {
        channels.findByName(draft.name()).filter(other -> !other.getId().equals(draft.id())).ifPresent(other -> {
            throw new IllegalArgumentException("a channel named '" + draft.name() + "' exists");
        });
        AlertChannel row = draft.id() == null ? new AlertChannel(draft)
                : channels.findById(draft.id()).orElseThrow(() -> new IllegalArgumentException("no such channel"));
        row.apply(draft);
        ChannelSummary saved = channels.save(row).toSummary();
        reloadAfterCommit();
        return saved;
    }

    @Transactional
    void deleteChannel(long id) {
        for (AlertRule rule : rules.findAll()) {
            if (rule.getChannelIds().remove(id)) {
                rules.save(rule);
            }
        }
        channels.deleteById(id);
        health.ok(AlertChannel.key(id));
        reloadAfterCommit();
    }

    @Transactional
    RuleSpec save(RuleSpec spec) {
        rules.findByName(spec.name()).filter(other -> !other.getId().equals(spec.id())).ifPresent(other -> {
            throw new IllegalArgumentException("a rule named '" + spec.name() + "' exists");
        });
        if (channels.findAllById(spec.channelIds()).size() != spec.channelIds().size()) {
            throw new IllegalArgumentException("a chosen channel no longer exists");
        }
        AlertRule row = spec.id() == null ? new AlertRule(spec)
                : rules.findById(spec.id()).orElseThrow(() -> new IllegalArgumentException("no such rule"));
        row.apply(spec);
        RuleSpec saved = rules.save(row).toSpec();
        reloadAfterCommit();
        return saved;
    }

    @Transactional
    void deleteRule(long id) {
        rules.deleteById(id);
        reloadAfterCommit();
    }

    private void reloadAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                reload();
            }
        });
    }

    void reload() {
        List<Destination> destinations = new ArrayList<>();
        for (AlertChannel channel : channels.findAll()) {
            if (!channel.isEnabled()) {
                continue;
            }
            try {
                channel.toDestination().ifPresent(destinations::add);
            } catch (IllegalArgumentException e) {
                // saved channels are validated; a row edited by hand in the database is skipped, not fatal
                log.warn("channel {} is not usable: {}", channel.getId(), e.getMessage());
            }
        }
        forwarder.configure(destinations);
        activeRules = rules().stream().filter(RuleSpec::enabled).toList();
    }
}
