package io.miniman.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SingleFlightTest {

    @Test
    void askersWhileACallRunsShareOneLaterCallAndNeverRunTwoAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        SingleFlight<Integer> flight = new SingleFlight<>(() -> {
            mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            atOnce.decrementAndGet();
            return calls.incrementAndGet();
        }, Duration.ZERO, System::nanoTime);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<Integer> first = pool.submit(flight::get);
            while (atOnce.get() == 0) {
                Thread.sleep(5);
            }
            List<Future<Integer>> waiting = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                waiting.add(pool.submit(flight::get));
            }
            Thread.sleep(100);
            release.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            for (Future<Integer> answer : waiting) {
                // the running call began before they asked: they get the one after it, all of them the same
                assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(2);
            }
            assertThat(calls.get()).isEqualTo(2);
            assertThat(mostAtOnce.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aQuestionAfterAnAnswerCallsAgainAndAFailureIsNotKept() {
        AtomicInteger calls = new AtomicInteger();
        SingleFlight<Integer> flight = new SingleFlight<>(() -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("a disk usage operation is already running");
            }
            return calls.get();
        }, Duration.ZERO, System::nanoTime);
        assertThat(flight.get()).isEqualTo(1);
        assertThatThrownBy(flight::get).hasMessageContaining("already running");
        assertThat(flight.get()).isEqualTo(3);
    }

    @Test
    void anAnswerYoungerThanTheMaxAgeIsGivenAgainAndAnOlderOneIsNot() {
        AtomicLong now = new AtomicLong(1_000);
        AtomicInteger calls = new AtomicInteger();
        SingleFlight<Integer> flight = new SingleFlight<>(() -> {
            if (calls.incrementAndGet() == 3) {
                throw new IllegalStateException("the engine is gone");
            }
            return calls.get();
        }, Duration.ofNanos(500), now::get);
        assertThat(flight.get()).isEqualTo(1);
        now.addAndGet(500);
        assertThat(flight.get()).isEqualTo(1);
        now.addAndGet(1);
        assertThat(flight.get()).isEqualTo(2);
        now.addAndGet(501);
        assertThatThrownBy(flight::get).hasMessageContaining("gone");
        // a failure is not an answer to give again: the next question asks the engine
        assertThat(flight.get()).isEqualTo(4);
    }
}
