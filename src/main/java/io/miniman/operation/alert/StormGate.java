package io.miniman.operation.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The quiet period: the first match of a rule is sent at once; matches within the next quiet minutes
 * are counted, and when the period ends one alert carries their count. So a storm of 40 failed pulls
 * sends two alerts (the first, then "39 more"), not 40. Not thread-safe: the alert thread owns it.
 */
final class StormGate {

    record Held(long ruleId, int count, String lastMessage, Long lastOperationId) {
    }

    private static final class State {
        Instant quietUntil;
        int held;
        String lastMessage;
        Long lastOperationId;
    }

    private final Map<Long, State> states = new HashMap<>();

    /** True when this match is to be sent now; false when it is held for the summary. */
    boolean admit(long ruleId, Duration quiet, Instant now, String message, Long operationId) {
        State state = states.computeIfAbsent(ruleId, id -> new State());
        if (state.quietUntil != null && now.isBefore(state.quietUntil)) {
            state.held++;
            state.lastMessage = message;
            state.lastOperationId = operationId;
            return false;
        }
        state.quietUntil = now.plus(quiet);
        return true;
    }

    /** The summaries due at {@code now}; sending one starts another quiet period, so a long storm sends one per period. */
    List<Held> due(Instant now, Map<Long, Duration> quietByRule) {
        List<Held> due = new ArrayList<>();
        states.forEach((ruleId, state) -> {
            if (state.held > 0 && !now.isBefore(state.quietUntil)) {
                due.add(new Held(ruleId, state.held, state.lastMessage, state.lastOperationId));
                state.held = 0;
                state.quietUntil = now.plus(quietByRule.getOrDefault(ruleId, Duration.ZERO));
            }
        });
        return due;
    }

    void forget(long ruleId) {
        states.remove(ruleId);
    }
}
