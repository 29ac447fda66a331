package io.miniman.operation.alert;

import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.miniman.operation.OperationType;

/**
 * An alert rule as stored, read and edited. {@code operationType} empty means any type;
 * {@code minutes} is M of "N failures within M minutes" or T of "running longer than T minutes";
 * after an alert, matches of the next {@code quietMinutes} are counted and sent as one alert.
 */
@Checked
public record RuleSpec(
        Long id,
        @NotBlank(message = "is required") @Size(max = 64, message = "is longer than 64 characters")
        @Pattern(regexp = "[\\p{L}\\p{N} ._@-]*", message = "may hold letters, digits, spaces and . _ @ -") String name,
        @NotNull(message = "choose what the rule watches") RuleKind kind,
        OperationType operationType,
        @Size(max = 100, message = "is longer than 100 characters") String operationName,
        @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "must be at most 1000") Integer threshold,
        @Min(value = 1, message = "must be at least 1 minute") @Max(value = 10080, message = "must be at most a week (10080)") Integer minutes,
        @Min(value = 0, message = "must not be negative") @Max(value = 1440, message = "must be at most a day (1440)") int quietMinutes,
        @NotEmpty(message = "choose at least one channel") Set<Long> channelIds,
        boolean enabled) implements Checked.SelfChecked {

    public RuleSpec {
        name = name == null ? null : name.trim();
        operationName = operationName == null || operationName.isBlank() ? null : operationName.trim();
        channelIds = channelIds == null ? Set.of() : Set.copyOf(channelIds);
    }

    @Override
    public void check(Checked.Problems problems) {
        if (kind == RuleKind.FAILURES_OF_NAME) {
            if (operationName == null) {
                problems.add("operationName", "is required: the name of the operation, e.g. Pull image");
            }
            if (threshold == null) {
                problems.add("threshold", "is required: how many failures");
            }
        }
        if ((kind == RuleKind.FAILURES_OF_NAME || kind == RuleKind.RUNNING_LONGER) && minutes == null) {
            problems.add("minutes", "is required: at least 1 minute");
        }
    }

    /** The rule in words, for the page and the alert. */
    public String describe() {
        String type = operationType == null ? "any" : operationType.label();
        return switch (kind) {
            case FAILURE_OF_TYPE -> "a failure of " + type + " operations";
            case FAILURES_OF_NAME -> threshold + " failures of '" + operationName + "' within " + minutes + " min";
            case RUNNING_LONGER -> (operationName == null ? type + " operations" : "'" + operationName + "'")
                    + " running longer than " + minutes + " min";
            case LOGIN_LOCKOUT -> "a login lockout";
        };
    }
}
