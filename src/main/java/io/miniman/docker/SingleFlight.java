package io.miniman.docker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One call of {@code source} at a time, shared by everyone who asked while it was waiting to run. The
 * engine refuses a second {@code /system/df} while one is running ("a disk usage operation is already
 * running"), so two pages or API clients asking at once would see an error; here the second waits and
 * takes the answer of a call that began after it asked, so no one gets a report older than their question
 * by more than {@code maxAge}: an answer that young is given at once, without asking the engine again.
 */
final class SingleFlight<T> {

    private record Answer<T>(T value, long began) {
    }

    private final Supplier<T> source;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    /** The newest success, for the fast path; never a failure. */
    private volatile Answer<T> fresh;
    private final ReentrantLock running = new ReentrantLock();
    /** Calls begun; only raised while holding {@link #running}, just before the call. */
    private final AtomicLong begun = new AtomicLong();
    private long done;
    private T result;
    private RuntimeException failure;

    SingleFlight(Supplier<T> source, Duration maxAge, LongSupplier nanoTime) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    T get() {
        Answer<T> last = fresh;
        if (last != null && maxAgeNanos > 0 && nanoTime.getAsLong() - last.began() <= maxAgeNanos) {
            return last.value();
        }
        // a call numbered above what has begun now is one that starts after this question
        long wanted = begun.get() + 1;
        running.lock();
        try {
            if (done < wanted) {
                long call = begun.incrementAndGet();
                long began = nanoTime.getAsLong();
                try {
                    result = source.get();
                    failure = null;
                    fresh = new Answer<>(result, began);
                } catch (RuntimeException e) {
                    result = null;
                    failure = e;
                }
                done = call;
            }
            if (failure != null) {
                throw failure;
            }
            return result;
        } finally {
            running.unlock();
        }
    }
}
