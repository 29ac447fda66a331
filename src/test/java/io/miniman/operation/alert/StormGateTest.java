package io.miniman.operation.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StormGateTest {

    private final StormGate gate = new StormGate();
    private final Instant t0 = Instant.parse("2026-11-29T10:00:00Z");
    private final Duration quiet = Duration.ofMinutes(10);

    @Test
    void aStormSendsTheFirstAlertAndThenOneWithTheCountPerQuietPeriod() {
        assertThat(gate.admit(1, quiet, t0, "first", 1L)).isTrue();
        for (int i = 1; i <= 39; i++) {
            assertThat(gate.admit(1, quiet, t0.plusSeconds(i * 10), "failure " + i, (long) i)).isFalse();
        }
        assertThat(gate.due(t0.plus(Duration.ofMinutes(9)), Map.of(1L, quiet))).isEmpty();
        assertThat(gate.due(t0.plus(quiet), Map.of(1L, quiet))).containsExactly(new StormGate.Held(1, 39, "failure 39", 39L));
        // the summary opened another quiet period: a match now is held again, nothing is due twice
        assertThat(gate.admit(1, quiet, t0.plus(Duration.ofMinutes(11)), "late", 40L)).isFalse();
        assertThat(gate.due(t0.plus(Duration.ofMinutes(15)), Map.of(1L, quiet))).isEmpty();
        assertThat(gate.due(t0.plus(Duration.ofMinutes(20)), Map.of(1L, quiet))).extracting(StormGate.Held::count).containsExactly(1);
    }

    @Test
    void afterAQuietPeriodWithoutMatchesTheNextMatchIsSentAtOnce() {
        assertThat(gate.admit(2, quiet, t0, "a", null)).isTrue();
        assertThat(gate.due(t0.plus(quiet), Map.of(2L, quiet))).isEmpty();
        assertThat(gate.admit(2, quiet, t0.plus(quiet), "b", null)).isTrue();
        // rules do not share a period
        assertThat(gate.admit(3, quiet, t0.plus(quiet), "c", null)).isTrue();
    }

    @Test
    void noQuietPeriodSendsEveryMatch() {
        assertThat(gate.admit(4, Duration.ZERO, t0, "a", null)).isTrue();
        assertThat(gate.admit(4, Duration.ZERO, t0, "b", null)).isTrue();
    }
}
