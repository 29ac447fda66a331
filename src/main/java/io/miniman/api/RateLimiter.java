package io.miniman.api;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per API token: a script may burst, then gets the sustained rate. Buckets live in
 * memory (a restart forgives everyone); full ones are dropped when many tokens have been seen.
 */
final class RateLimiter {

    private static final int MAX_BUCKETS = 1000;

    private final Bandwidth limit;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int requestsPerSecond, int burst) {
        this.limit = Bandwidth.builder().capacity(Math.max(burst, 1))
                .refillGreedy(Math.max(requestsPerSecond, 1), Duration.ofSeconds(1)).build();
    }

    /** Empty when the request may go on; else how many seconds to wait (at least 1, for Retry-After). */
    OptionalLong take(long tokenId) {
        if (buckets.size() > MAX_BUCKETS) {
            forgetIdle();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(tokenId, id -> Bucket.builder().addLimit(limit).build())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    /** Forgets full buckets: those tokens were quiet long enough to be back at the start. */
    private void forgetIdle() {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= limit.getCapacity());
    }
}
