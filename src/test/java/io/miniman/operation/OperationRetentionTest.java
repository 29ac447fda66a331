package io.miniman.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.miniman.testsupport.MinimanSpringTest;

/**
 * Both limits of the retention, on the shared database: this test's rows are dated decades before any
 * other test's, and the clock handed to the purge is set just after them.
 */
@MinimanSpringTest
class OperationRetentionTest {

    private static final Instant NOW = Instant.parse("1999-01-01T00:00:00Z");

    @Autowired
    OperationLogRepository repository;
    @Autowired
    OperationService operations;
    @Autowired
    OperationRetentionProperties configured;

    private final List<Long> mine = new ArrayList<>();

    @AfterEach
    void removeWhatIsLeft() {
        repository.deleteAllByIdInBatch(mine);
    }

    @Test
    void rowsOlderThanTheAgeLimitGoInBatchesButUnfinishedOnesStay() throws Exception {
        List<OperationLog> batches = new ArrayList<>();
        for (int i = 0; i < 2 * OperationRetention.BATCH + 1; i++) {
            batches.add(newRow(NOW.minus(Duration.ofDays(91)).plusSeconds(i), OperationStatus.COMPLETED));
        }
        List<Long> old = repository.saveAll(batches).stream().map(OperationLog::getId).toList();
        mine.addAll(old);
        long stillRunning = row(NOW.minus(Duration.ofDays(200)), OperationStatus.RUNNING);
        long stillPending = row(NOW.minus(Duration.ofDays(200)), OperationStatus.PENDING);
        long young = row(NOW.minus(Duration.ofDays(89)), OperationStatus.FAILED);

        int deleted = retention(Duration.ofDays(90), 1_000_000, NOW).purge();

        assertThat(deleted).isEqualTo(old.size());
        assertThat(repository.findAllById(old)).isEmpty();
        assertThat(repository.findAllById(List.of(stillRunning, stillPending, young))).hasSize(3);
    }

    @Test
    void beyondTheRowLimitTheOldestFinishedRowsGo() throws Exception {
        List<Long> rows = new ArrayList<>();
        for (int day = 5; day >= 1; day--) {
            rows.add(row(NOW.minus(Duration.ofDays(day)), OperationStatus.COMPLETED));
        }
        long unfinished = row(NOW.minus(Duration.ofDays(10)), OperationStatus.RUNNING);
        long finished = repository.findAll().stream().filter(r -> r.getStatus() == OperationStatus.COMPLETED
                || r.getStatus() == OperationStatus.FAILED).count();

        // this test's five rows are the oldest in the database: a limit three below the count drops three of them
        int deleted = retention(Duration.ofDays(90), (int) finished - 3, NOW).purge();

        assertThat(deleted).isEqualTo(3);
        assertThat(repository.findAllById(rows.subList(0, 3))).isEmpty();
        assertThat(repository.findAllById(rows.subList(3, 5))).hasSize(2);
        assertThat(repository.findById(unfinished)).isPresent();
    }

    @Test
    void timeMovingOnTurnsAKeptRowIntoAPurgedOne() throws Exception {
        long row = row(NOW.minus(Duration.ofDays(30)), OperationStatus.COMPLETED);

        assertThat(retention(Duration.ofDays(90), 1_000_000, NOW).purge()).isZero();
        assertThat(retention(Duration.ofDays(90), 1_000_000, NOW.plus(Duration.ofDays(61))).purge()).isEqualTo(1);
        assertThat(repository.findById(row)).isEmpty();
    }

    @Test
    void theConsolePurgesAtStartAsAnOperationWithTheDefaultLimits() throws Exception {
        assertThat(configured.retentionAge()).isEqualTo(Duration.ofDays(90));
        assertThat(configured.retentionRows()).isEqualTo(100_000);
        OperationFilter purges = new OperationFilter(OperationType.SYSTEM, OperationStatus.COMPLETED, "system", null, null,
                "purge old operations");
        // a bound so a broken build ends, not a timing assertion: the start purge runs on the operation workers
        Instant deadline = Instant.now().plusSeconds(30);
        while (operations.count(purges) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(operations.count(purges)).isPositive();
    }

    private OperationRetention retention(Duration age, int rows, Instant now) {
        return new OperationRetention(repository, operations, new OperationRetentionProperties(age, rows),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static OperationLog newRow(Instant start, OperationStatus status) {
        OperationLog row = new OperationLog(OperationType.SYSTEM, "retention test", null, status, "tester", start);
        if (status == OperationStatus.COMPLETED || status == OperationStatus.FAILED) {
            row.finish(status, start.plusSeconds(1), null, null);
        }
        return row;
    }

    private long row(Instant start, OperationStatus status) {
        long id = repository.save(newRow(start, status)).getId();
        mine.add(id);
        return id;
    }
}
