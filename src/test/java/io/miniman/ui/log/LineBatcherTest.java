package io.miniman.ui.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LineBatcherTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final LineBatcher batcher = new LineBatcher(clock, 5, 1000);

    @Test
    void onlyOneBatchAQuarterSecondAndNoneWhileOneIsUnacknowledged() {
        batcher.add(ViewerLine.out("a"));
        assertThat(texts(batcher.take().orElseThrow())).containsExactly("a");

        batcher.add(ViewerLine.out("b"));
        batcher.add(ViewerLine.err("c"));
        clock.advance(Duration.ofMillis(300));
        assertThat(batcher.take()).as("the first batch is not acknowledged yet").isEmpty();
        assertThat(batcher.delay()).isEqualTo(LineBatcher.ACK_TIMEOUT.minusMillis(300));

        batcher.acknowledged();
        assertThat(batcher.delay()).isZero();
        List<ViewerLine> second = batcher.take().orElseThrow();
        assertThat(texts(second)).containsExactly("b", "c");
        assertThat(second.get(1).kind()).isEqualTo(ViewerLine.Kind.STDERR);

        batcher.acknowledged();
        batcher.add(ViewerLine.out("d"));
        clock.advance(Duration.ofMillis(100));
        assertThat(batcher.take()).as("a quarter second between batches").isEmpty();
        assertThat(batcher.delay()).isEqualTo(Duration.ofMillis(150));
        clock.advance(Duration.ofMillis(150));
        assertThat(texts(batcher.take().orElseThrow())).containsExactly("d");
    }

    @Test
    void aLostAcknowledgementHoldsTheViewAtMostTwoSeconds() {
        batcher.add(ViewerLine.out("a"));
        batcher.take().orElseThrow();
        batcher.add(ViewerLine.out("b"));
        clock.advance(LineBatcher.ACK_TIMEOUT.minusMillis(1));
        assertThat(batcher.take()).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(texts(batcher.take().orElseThrow())).containsExactly("b");
    }

    @Test
    void pastTheBoundTheOldestWaitingLinesAreDroppedIntoOneMarkAtTheirPlace() {
        batcher.add(ViewerLine.out("sent"));
        batcher.take().orElseThrow();
        IntStream.rangeClosed(1, 12).forEach(i -> batcher.add(ViewerLine.out("line " + i)));
        batcher.acknowledged();
        clock.advance(LineBatcher.INTERVAL);

        List<ViewerLine> batch = batcher.take().orElseThrow();
        // the bound counts lines; the one mark in front of them is extra
        assertThat(batch).hasSize(6);
        assertThat(batch.get(0)).isEqualTo(ViewerLine.skipped(7));
        assertThat(texts(batch.subList(1, 6))).containsExactly("line 8", "line 9", "line 10", "line 11", "line 12");
        assertThat(batcher.skipped()).isEqualTo(7);
    }

    @Test
    void marksMergeAndCharactersBoundTheBatchToo() {
        LineBatcher byChars = new LineBatcher(clock, 100, 10);
        byChars.add(ViewerLine.out("aaaa"));
        byChars.add(ViewerLine.out("bbbb"));
        byChars.add(ViewerLine.skipped(5));
        byChars.add(ViewerLine.skipped(2));
        byChars.add(ViewerLine.out("cccc"));
        // "aaaa" went (12 chars > 10) into a mark of its own; the feed's two marks merged and stay at their place
        assertThat(byChars.take().orElseThrow()).containsExactly(ViewerLine.skipped(1), ViewerLine.out("bbbb"),
                ViewerLine.skipped(7), ViewerLine.out("cccc"));
        byChars.acknowledged();
        clock.advance(LineBatcher.INTERVAL);
        byChars.add(ViewerLine.out("dddd"));
        byChars.add(ViewerLine.skipped(4));
        byChars.add(ViewerLine.out("eeee"));
        byChars.add(ViewerLine.out("ffff"));
        // dropping "dddd" reaches the feed's mark: both become one mark at the head
        assertThat(byChars.take().orElseThrow()).containsExactly(ViewerLine.skipped(5), ViewerLine.out("eeee"), ViewerLine.out("ffff"));
    }

    @Test
    void aResetForgetsWaitingLinesAndTheOutstandingBatch() {
        batcher.add(ViewerLine.out("a"));
        batcher.take().orElseThrow();
        batcher.add(ViewerLine.out("b"));
        batcher.reset();
        assertThat(batcher.hasWaiting()).isFalse();
        batcher.add(ViewerLine.out("c"));
        clock.advance(LineBatcher.INTERVAL);
        assertThat(texts(batcher.take().orElseThrow())).containsExactly("c");
    }

    @Test
    void linesAreOneLineAndCappedAndABatchNeedsRoomForTwo() {
        assertThat(ViewerLine.out("10%\r50%\r100%").text()).isEqualTo("100%");
        assertThat(ViewerLine.out("a\nb").text()).isEqualTo("a b");
        assertThat(ViewerLine.out("x".repeat(20_000)).text()).hasSize(ViewerLine.MAX_CHARS + 1).endsWith("…");
        assertThatThrownBy(() -> new LineBatcher(clock, 1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBatchTravelsAsThreeStrings() {
        BatchText wire = BatchText.of(List.of(ViewerLine.skipped(3), new ViewerLine(ViewerLine.Kind.STDERR, Instant.ofEpochMilli(1234), "<b>x</b>"),
                ViewerLine.out("y")));
        assertThat(wire.text()).isEqualTo("3\n<b>x</b>\ny");
        assertThat(wire.kinds()).isEqualTo("seo");
        assertThat(wire.times()).isEqualTo(",1234,");
        assertThat(BatchText.of(List.of(ViewerLine.out("a"), ViewerLine.out("b"))).times()).isEmpty();
    }

    @Test
    void theTextBufferKeepsTheNewestCharacters() {
        LogTextBuffer buffer = new LogTextBuffer(8);
        buffer.add(ViewerLine.out("aaaa"));
        buffer.add(ViewerLine.err("bbbb"));
        buffer.add(ViewerLine.out("cccc"));
        assertThat(buffer.text()).isEqualTo("E bbbb\ncccc\n");
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static List<String> texts(List<ViewerLine> lines) {
        return lines.stream().map(ViewerLine::text).toList();
    }
}
