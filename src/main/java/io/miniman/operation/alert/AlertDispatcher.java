package io.miniman.operation.alert;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.miniman.operation.forward.ForwardErrors;
import io.miniman.operation.forward.ForwardEvent;
import io.miniman.operation.forward.Forwarder;

/**
 * Sends one alert to its rule's channels: stored (the bell lists those with an in-app channel), mailed,
 * queued for each collector channel and for the environment's collectors. Runs on the alert thread,
 * never on an operation's.
 */
@Component
class AlertDispatcher {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private final AlertConfig config;
    private final FiredAlertRepository alerts;
    private final InAppAlerts inApp;
    private final Forwarder forwarder;
    private final ChannelHealth health;
    private final MeterRegistry meters;
    private final Clock clock;

    AlertDispatcher(AlertConfig config, FiredAlertRepository alerts, InAppAlerts inApp, Forwarder forwarder,
            ChannelHealth health, MeterRegistry meters, Clock clock) {
        this.config = config;
        this.alerts = alerts;
        this.inApp = inApp;
        this.forwarder = forwarder;
        this.health = health;
        this.meters = meters;
        this.clock = clock;
        // registered at zero, so a dashboard sees the series before the first alert
        for (ChannelKind kind : ChannelKind.values()) {
            sentCounter(kind);
        }
    }

    AlertNotice dispatch(RuleSpec rule, String message, int count, Long operationId) {
        List<AlertChannel> channels = config.channels(rule.channelIds()).stream().filter(AlertChannel::isEnabled).toList();
        boolean toBell = channels.stream().anyMatch(c -> c.getKind() == ChannelKind.IN_APP);
        AlertNotice notice = alerts.save(new FiredAlert(rule.name(), message, count, clock.instant(), operationId, toBell)).toNotice();
        ForwardEvent event = ForwardEvent.alert(notice.createdAt(), rule.name(), message, count, operationId);
        for (AlertChannel channel : channels) {
            ChannelSummary settings = channel.toSummary();
            switch (channel.getKind()) {
                case IN_APP -> {
                    inApp.publish(notice);
                    sent(ChannelKind.IN_APP);
                }
                case EMAIL -> mail(channel, settings, notice);
                case SYSLOG, GELF, SNMP -> {
                    if (forwarder.deliver(settings.key(), event)) {
                        sent(channel.getKind());
                    }
                }
            }
        }
        Set<String> already = channels.stream().map(c -> c.toSummary().key()).collect(Collectors.toSet());
        forwarder.broadcast(event, already);
        return notice;
    }

    private void mail(AlertChannel channel, ChannelSummary settings, AlertNotice notice) {
        String subject = "[miniman] " + notice.rule() + (notice.count() > 1 ? " (" + notice.count() + " times)" : "");
        String body = notice.message() + "\n\n" + (notice.count() > 1 ? notice.count() + " matches. " : "")
                + "Sent by Mini Manager at " + notice.createdAt() + " for the rule '" + notice.rule() + "'.\n";
        try {
            Mailer.send(channel, settings, subject, body, false, List.of());
            health.ok(settings.key());
            sent(ChannelKind.EMAIL);
        } catch (Exception e) {
            String reason = ForwardErrors.describe(e);
            health.failed(settings.key(), reason);
            log.warn("alert mail through channel '{}' failed: {}", settings.name(), reason);
        }
    }

    private void sent(ChannelKind kind) {
        sentCounter(kind).increment();
    }

    private Counter sentCounter(ChannelKind kind) {
        return Counter.builder("miniman.alerts.sent").description("Alerts sent (or queued for a collector) by channel kind")
                .tag("channel", kind.name().toLowerCase()).register(meters);
    }
}
