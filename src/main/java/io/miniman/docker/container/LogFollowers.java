package io.miniman.docker.container;

import java.io.Closeable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.miniman.Subscription;

/**
 * One engine follow stream per container, whoever watches it: five phones on one container's log cost
 * the engine and the console one stream, one parse of each line and one reading thread. The first
 * follower opens the stream with its own query, so it gets exactly what {@code docker logs -f} would.
 * A later one reads its past lines on their own and takes the live lines that came after them; what the
 * stream sends meanwhile waits in a bounded queue, so no line is lost or shown twice across the seam.
 */
final class LogFollowers {

    private static final Logger log = LoggerFactory.getLogger(LogFollowers.class);

    /** Opens a timestamped follow stream of a container; {@code ended} runs once when the engine ends it. */
    interface Opener {
        Closeable open(String container, LogQuery query, Consumer<LogLine> lines, Runnable ended);
    }

    private final Opener opener;
    private final BiFunction<String, LogQuery, List<LogLine>> history;
    private final int joinQueueLines;
    private final Clock clock;
    private final Map<String, Stream> streams = new HashMap<>();

    /**
     * {@code opener} and {@code history} take the container and a query that always asks for timestamps
     * (the seam is found by them); {@code joinQueueLines} bounds what waits while a late follower reads
     * its past lines.
     */
    LogFollowers(Opener opener, BiFunction<String, LogQuery, List<LogLine>> history, int joinQueueLines, Clock clock) {
        this.opener = opener;
        this.history = history;
        this.joinQueueLines = joinQueueLines;
        this.clock = clock;
    }

    /** Past lines as {@code query} asks, then each new one, until the subscription is closed or the container ends. */
    Subscription follow(String container, LogQuery query, Consumer<LogLine> sink) {
        LogQuery stamped = new LogQuery(query.tail(), query.since(), true);
        Follower follower = new Follower(sink, query.timestamps());
        Stream stream;
        synchronized (streams) {
            stream = streams.get(container);
            if (stream == null) {
                Stream opened = new Stream(container);
                opened.followers.add(follower);
                // the engine may end the stream at once (a stopped container): ended() waits for this lock
                opened.closeable = opener.open(container, stamped, opened::deliver, () -> ended(opened));
                streams.put(container, opened);
                return () -> leave(opened, follower);
            }
            follower.joining(clock.instant(), joinQueueLines);
            stream.followers.add(follower);
        }
        try {
            follower.joined(history.apply(container, stamped));
        } catch (RuntimeException e) {
            leave(stream, follower);
            throw e;
        }
        return () -> leave(stream, follower);
    }

    /** Containers with an open stream (for tests and the bench). */
    int streams() {
        synchronized (streams) {
            return streams.size();
        }
    }

    private void leave(Stream stream, Follower follower) {
        Closeable last = null;
        synchronized (streams) {
            if (stream.followers.remove(follower) && stream.followers.isEmpty() && streams.get(stream.container) == stream) {
                streams.remove(stream.container);
                last = stream.closeable;
            }
        }
        if (last != null) {
            try {
                last.close();
            } catch (Exception ignored) {
                // the engine already ended it
            }
        }
    }

    /** The engine ended the stream (the container stopped): the next follower opens a new one. */
    private void ended(Stream stream) {
        synchronized (streams) {
            streams.remove(stream.container, stream);
        }
    }

    private static final class Stream {
        final String container;
        final List<Follower> followers = new CopyOnWriteArrayList<>();
        Closeable closeable;

        Stream(String container) {
            this.container = container;
        }

        void deliver(LogLine line) {
            for (Follower follower : followers) {
                try {
                    follower.offer(line);
                } catch (RuntimeException e) {
                    // one broken viewer must not cut the others off
                    followers.remove(follower);
                    log.warn("A log follower failed and was dropped: {}", e.toString());
                }
            }
        }
    }

    /** One sink: joining (its past lines are being read, live ones wait) or live. */
    static final class Follower {
        private final Consumer<LogLine> sink;
        private final boolean timestamps;
        private ArrayDeque<LogLine> waiting;
        private int waitingLimit;
        private Instant joinedAt;

        Follower(Consumer<LogLine> sink, boolean timestamps) {
            this.sink = sink;
            this.timestamps = timestamps;
        }

        void joining(Instant at, int limit) {
            joinedAt = at;
            waitingLimit = limit;
            waiting = new ArrayDeque<>();
        }

        synchronized void offer(LogLine line) {
            if (waiting == null) {
                send(line);
                return;
            }
            if (waiting.size() == waitingLimit) {
                waiting.removeFirst();
            }
            waiting.addLast(line);
        }

        /**
         * Sends the past lines, then those that waited and came after them: a waiting line is new if it is
         * later than the latest past line (or than the join, with no past lines), or as late but not among
         * them. The latest, not the last: the engine copies stdout and stderr apart, so times may step back.
         */
        void joined(List<LogLine> past) {
            past.forEach(this::send);
            Instant seam = past.stream().map(LogLine::time).filter(t -> t != null).max(Instant::compareTo).orElse(joinedAt);
            List<LogLine> atSeam = new ArrayList<>();
            past.stream().filter(l -> seam.equals(l.time())).forEach(atSeam::add);
            synchronized (this) {
                for (LogLine line : waiting) {
                    Instant time = line.time();
                    if (time == null || time.isAfter(seam) || (time.equals(seam) && !atSeam.remove(line))) {
                        send(line);
                    }
                }
                waiting = null;
            }
        }

        private void send(LogLine line) {
            sink.accept(timestamps ? line : new LogLine(null, line.source(), line.text()));
        }
    }
}
