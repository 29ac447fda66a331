package io.miniman.operation.alert;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;
import io.miniman.operation.forward.ForwardErrors;
import io.miniman.operation.forward.ForwardEvent;
import io.miniman.operation.forward.Forwarder;

/**
 * Every change to channels and rules, for admins, as an operation. The operation's name and result
 * name the channel, never its secret.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class AlertActions {

    private final AlertConfig config;
    private final OperationService operations;
    private final Validator validator;
    private final Forwarder forwarder;
    private final ChannelHealth health;
    private final InAppAlerts inApp;
    private final FiredAlertRepository alerts;
    private final Clock clock;

    AlertActions(AlertConfig config, OperationService operations, Validator validator, Forwarder forwarder,
            ChannelHealth health, InAppAlerts inApp, FiredAlertRepository alerts, Clock clock) {
        this.config = config;
        this.operations = operations;
        this.validator = validator;
        this.forwarder = forwarder;
        this.health = health;
        this.inApp = inApp;
        this.alerts = alerts;
        this.clock = clock;
    }

    public ChannelSummary saveChannel(ChannelDraft draft) {
        check(draft);
        return (ChannelSummary) logged(draft.id() == null ? "Add alert channel" : "Change alert channel", draft.name(),
                () -> config.save(draft));
    }

    public void deleteChannel(ChannelSummary channel) {
        logged("Remove alert channel", channel.name(), () -> {
            config.deleteChannel(channel.id());
            return "removed " + channel.name();
        });
    }

    public RuleSpec saveRule(RuleSpec spec) {
        check(spec);
        return (RuleSpec) logged(spec.id() == null ? "Add alert rule" : "Change alert rule", spec.name(), () -> config.save(spec));
    }

    public void deleteRule(RuleSpec rule) {
        logged("Remove alert rule", rule.name(), () -> {
            config.deleteRule(rule.id());
            return "removed " + rule.name();
        });
    }

    /** Sends a test message through the channel now and says what happened; the channel's state follows. */
    public ChannelTest sendTest(ChannelSummary channel) {
        try {
            logged("Send test alert", channel.name(), () -> {
                send(channel);
                return "test message sent through " + channel.name();
            });
            health.ok(channel.key());
            return new ChannelTest(true, "Sent to " + (channel.address() == null ? "the bell" : channel.address()));
        } catch (Throwable e) {
            String reason = ForwardErrors.describe(e);
            health.failed(channel.key(), reason);
            return new ChannelTest(false, reason);
        }
    }

    private void send(ChannelSummary channel) throws Exception {
        AlertChannel row = config.channel(channel.id()).orElseThrow(() -> new IllegalArgumentException("no such channel"));
        ForwardEvent test = ForwardEvent.test(clock.instant(), channel.name());
        switch (channel.kind()) {
            case IN_APP -> inApp.publish(alerts.save(new FiredAlert("test", test.message(), 1, test.time(), null, true)).toNotice());
            case EMAIL -> Mailer.send(row, channel, "[miniman] test message", test.message() + "\n", false, List.of());
            case SYSLOG, GELF, SNMP -> forwarder.sendNow(row.toDestination().orElseThrow(), test);
        }
    }

    private Object logged(String name, String subject, OperationService.ThrowingSupplier work) {
        try {
            return operations.runLogged(OperationType.SYSTEM, name, OperationTarget.of(OperationTarget.Kind.SETTINGS,
                    "alerts:" + subject, "alerts " + subject), work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(ForwardErrors.describe(e), e);
        }
    }

    private <T> void check(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
