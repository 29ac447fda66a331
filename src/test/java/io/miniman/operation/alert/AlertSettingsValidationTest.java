package io.miniman.operation.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

import io.miniman.operation.OperationType;

/** Each bad field of a rule or a channel gets its own message, on that field. */
class AlertSettingsValidationTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    private Map<String, String> problems(Object value) {
        return validator.validate(value).stream().collect(Collectors.toMap(v -> v.getPropertyPath().toString(),
                v -> v.getMessage(), (a, b) -> a + "; " + b));
    }

    @Test
    void aRuleWithZeroMinutesIsRefusedOnTheMinutesField() {
        assertThat(problems(new RuleSpec(null, "pulls", RuleKind.FAILURES_OF_NAME, OperationType.DOCKER, "Pull image", 3, 0, 10,
                Set.of(1L), true))).containsExactly(Map.entry("minutes", "must be at least 1 minute"));
        assertThat(problems(new RuleSpec(null, "slow", RuleKind.RUNNING_LONGER, null, null, null, null, 10, Set.of(1L), true)))
                .containsExactly(Map.entry("minutes", "is required: at least 1 minute"));
    }

    @Test
    void aCountingRuleNeedsItsOperationAndCountAndAChannel() {
        assertThat(problems(new RuleSpec(null, "", RuleKind.FAILURES_OF_NAME, null, " ", null, 5, -1, Set.of(), true)))
                .containsOnlyKeys("name", "operationName", "threshold", "quietMinutes", "channelIds");
        assertThat(problems(new RuleSpec(null, "lockouts", RuleKind.LOGIN_LOCKOUT, null, null, null, null, 0, Set.of(2L), true)))
                .isEmpty();
    }

    @Test
    void aCollectorAddressSaysWhatIsAccepted() {
        assertThat(problems(channel(ChannelKind.SYSLOG, "http://logs.lan")))
                .containsExactly(Map.entry("address", "has no known protocol: use udp://host:port, tcp://host:port, tls://host:port"));
        assertThat(problems(channel(ChannelKind.SNMP, "tcp://nms.lan:162")))
                .containsExactly(Map.entry("address", "tcp is not offered here: use udp://host:port"));
        assertThat(problems(channel(ChannelKind.GELF, "udp://graylog.lan:99999")))
                .containsExactly(Map.entry("address", "port must be 1 to 65535"));
        assertThat(problems(channel(ChannelKind.GELF, "udp://graylog.lan"))).isEmpty();
        // a name that does not resolve is not a form error: the box may not reach that DNS yet; the channel state says it
        assertThat(problems(channel(ChannelKind.SNMP, "udp://nms.invalid"))).isEmpty();
    }

    @Test
    void aMailChannelNeedsAServerAndAddresses() {
        ChannelDraft mail = new ChannelDraft(null, "mail", ChannelKind.EMAIL, "smtp.lan:abc", null, "secret-pass", true,
                "two@a.lan, three@b.lan", "not an address\nBcc: x@y", true, true);
        assertThat(problems(mail)).containsOnlyKeys("address", "username", "mailFrom", "mailTo", "forwardOperations");
    }

    private static ChannelDraft channel(ChannelKind kind, String address) {
        return new ChannelDraft(null, "collector", kind, address, null, null, false, null, null, true, true);
    }
}
