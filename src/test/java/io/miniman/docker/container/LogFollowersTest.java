package io.miniman.docker.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Closeable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.miniman.Subscription;

/** The sharing and the seam between a late follower's past lines and the live ones, with a stream in memory. */
class LogFollowersTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private final List<Consumer<LogLine>> streamSinks = new ArrayList<>();
    private final List<Runnable> streamEnds = new ArrayList<>();
    private final List<LogQuery> openedWith = new ArrayList<>();
    private final AtomicInteger closed = new AtomicInteger();
    private BiFunction<String, LogQuery, List<LogLine>> history = (c, q) -> List.of();

    private final LogFollowers followers = new LogFollowers(this::open, (c, q) -> history.apply(c, q), 100,
            Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC));

    private Closeable open(String container, LogQuery query, Consumer<LogLine> lines, Runnable ended) {
        openedWith.add(query);
        streamSinks.add(lines);
        streamEnds.add(ended);
        return closed::incrementAndGet;
    }

    private static LogLine at(int second, String text) {
        return new LogLine(T0.plusSeconds(second), LogLine.Source.STDOUT, text);
    }

    private void live(LogLine line) {
        streamSinks.get(streamSinks.size() - 1).accept(line);
    }

    @Test
    void followersOfOneContainerShareOneStreamUntilTheLastLeaves() {
        List<LogLine> first = new ArrayList<>();
        List<LogLine> second = new ArrayList<>();
        Subscription a = followers.follow("web", LogQuery.tail(10), first::add);
        Subscription b = followers.follow("web", LogQuery.tail(0), second::add);
        Subscription other = followers.follow("db", LogQuery.tail(0), l -> { });
        assertThat(openedWith).hasSize(2);
        assertThat(followers.streams()).isEqualTo(2);

        streamSinks.get(0).accept(at(10, "one"));
        assertThat(first).extracting(LogLine::text).containsExactly("one");
        assertThat(second).extracting(LogLine::text).containsExactly("one");

        a.close();
        assertThat(closed).hasValue(0);
        streamSinks.get(0).accept(at(11, "two"));
        assertThat(first).hasSize(1);
        assertThat(second).extracting(LogLine::text).containsExactly("one", "two");
        b.close();
        assertThat(closed).hasValue(1);
        assertThat(followers.streams()).isEqualTo(1);
        other.close();

        followers.follow("web", LogQuery.tail(5), l -> { });
        assertThat(openedWith).hasSize(3);
    }

    @Test
    void theFirstFollowerOpensTheStreamWithItsQueryAndTimestampsAreStrippedForThoseWhoAskedNone() {
        List<LogLine> seen = new ArrayList<>();
        followers.follow("web", new LogQuery(20, T0, false), seen::add);
        assertThat(openedWith.get(0)).isEqualTo(new LogQuery(20, T0, true));
        live(at(1, "x"));
        assertThat(seen).containsExactly(new LogLine(null, LogLine.Source.STDOUT, "x"));
    }

    @Test
    void aLateFollowerGetsItsPastLinesThenOnlyTheLiveOnesAfterThem() {
        followers.follow("web", LogQuery.tail(100), l -> { });
        live(at(1, "old"));
        LogLine stderrAtSeam = new LogLine(T0.plusSeconds(3), LogLine.Source.STDERR, "late copy");
        history = (c, q) -> {
            // the stream goes on while the past lines are read: these wait, and the seam sorts them
            live(at(2, "a"));
            live(at(3, "b"));
            live(stderrAtSeam);
            live(at(4, "c"));
            return List.of(at(1, "old"), at(2, "a"), at(3, "b"));
        };
        List<LogLine> late = new ArrayList<>();
        followers.follow("web", LogQuery.tail(3), late::add);
        live(at(5, "d"));
        assertThat(late).extracting(LogLine::text).containsExactly("old", "a", "b", "late copy", "c", "d");
    }

    @Test
    void aLateFollowerWithNoPastLinesTakesWhatCameAfterItJoined() {
        followers.follow("web", LogQuery.tail(100), l -> { });
        history = (c, q) -> {
            live(at(4, "before the join"));
            live(at(6, "after the join"));
            return List.of();
        };
        List<LogLine> late = new ArrayList<>();
        followers.follow("web", LogQuery.tail(0), late::add);
        assertThat(late).extracting(LogLine::text).containsExactly("after the join");
    }

    @Test
    void whatWaitsForALateFollowerIsBounded() {
        followers.follow("web", LogQuery.tail(0), l -> { });
        history = (c, q) -> {
            for (int i = 0; i < 150; i++) {
                live(at(10 + i, "line " + i));
            }
            return List.of();
        };
        List<LogLine> late = new ArrayList<>();
        followers.follow("web", LogQuery.tail(0), late::add);
        assertThat(late).hasSize(100);
        assertThat(late.get(late.size() - 1).text()).isEqualTo("line 149");
    }

    @Test
    void aFollowerThatThrowsIsDroppedAndTheOthersGoOn() {
        List<LogLine> good = new ArrayList<>();
        followers.follow("web", LogQuery.tail(0), l -> {
            throw new IllegalStateException("the viewer is gone");
        });
        followers.follow("web", LogQuery.tail(0), good::add);
        live(at(6, "one"));
        live(at(7, "two"));
        assertThat(good).extracting(LogLine::text).containsExactly("one", "two");
    }

    @Test
    void aStreamTheEngineEndedIsOpenedAgainByTheNextFollower() {
        followers.follow("web", LogQuery.tail(0), l -> { });
        streamEnds.get(0).run();
        assertThat(followers.streams()).isZero();
        followers.follow("web", LogQuery.tail(0), l -> { });
        assertThat(openedWith).hasSize(2);
    }

    @Test
    void aFailedPastReadLeavesNoFollowerBehind() {
        Subscription first = followers.follow("web", LogQuery.tail(0), l -> { });
        history = (c, q) -> {
            throw new IllegalArgumentException("no such container");
        };
        List<LogLine> late = new ArrayList<>();
        assertThatThrownBy(() -> followers.follow("web", LogQuery.tail(5), late::add)).hasMessage("no such container");
        live(at(6, "one"));
        assertThat(late).isEmpty();
        first.close();
        assertThat(closed).hasValue(1);
    }
}
