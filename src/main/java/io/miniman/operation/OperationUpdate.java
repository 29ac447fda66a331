package io.miniman.operation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One operation as it stands: what the views, the API and the forwarding see (already redacted). */
public record OperationUpdate(long id, OperationType type, String name, String target, OperationStatus status,
        String user, Instant startTime, Instant endTime, String details, String result, String errorMessage) {

    public Optional<Duration> duration() {
        return endTime == null ? Optional.empty() : Optional.of(Duration.between(startTime, endTime));
    }
}
