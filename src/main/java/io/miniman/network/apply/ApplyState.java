package io.miniman.network.apply;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The one change in flight, as views show it. {@code deadline} is set while awaiting confirmation. */
public record ApplyState(long id, Phase phase, Optional<Instant> deadline, List<String> warnings, String message) {

    public enum Phase {
        APPLYING, AWAITING_CONFIRMATION, CONFIRMED, ROLLING_BACK, ROLLED_BACK, FAILED;

        public boolean inFlight() {
            return this == APPLYING || this == AWAITING_CONFIRMATION || this == ROLLING_BACK;
        }
    }
}
