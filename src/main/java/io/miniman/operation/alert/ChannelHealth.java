package io.miniman.operation.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** "Failing since …: reason" of the channels that send on the alert thread (e-mail); collectors have their queue's state. */
@Component
class ChannelHealth {

    record Failure(Instant since, String reason) {
    }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    ChannelHealth(Clock clock) {
        this.clock = clock;
    }

    void ok(String key) {
        failures.remove(key);
    }

    void failed(String key, String reason) {
        failures.merge(key, new Failure(clock.instant(), reason), (before, now) -> new Failure(before.since(), reason));
    }

    Optional<Failure> of(String key) {
        return Optional.ofNullable(failures.get(key));
    }
}
