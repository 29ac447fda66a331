package io.miniman.operation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges the operation log by age and by row count, at start and once a day, as an operation of its own.
 * Rows go in small batches, each its own short transaction, with a pause between them: SQLite has one
 * write lock, and its busy handler polls rather than queues, so a purge that held the lock (or took it
 * back at once) would make a user's change wait or fail with "database is locked".
 */
@Component
class OperationRetention {

    private static final Logger log = LoggerFactory.getLogger(OperationRetention.class);

    static final int BATCH = 500;
    private static final long PAUSE_MILLIS = 25;
    private static final long DAY_MILLIS = 24 * 60 * 60 * 1000L;
    private static final Set<OperationStatus> UNFINISHED = Set.of(OperationStatus.PENDING, OperationStatus.RUNNING);
    private static final OperationTarget LOG = OperationTarget.of(OperationTarget.Kind.SETTINGS, "operation-log",
            "operation log");

    private final OperationLogRepository repository;
    private final OperationService operations;
    private final OperationRetentionProperties limits;
    private final Clock clock;

    OperationRetention(OperationLogRepository repository, OperationService operations,
            OperationRetentionProperties limits, Clock clock) {
        this.repository = repository;
        this.operations = operations;
        this.limits = limits;
        this.clock = clock;
    }

    /** The scheduler only hands the purge over: it runs on the operation workers, not on the shared scheduler thread. */
    @Scheduled(initialDelay = 0, fixedDelay = DAY_MILLIS)
    void purgeDaily() {
        operations.submit(OperationType.SYSTEM, "purge old operations", LOG, context -> {
            int deleted = purge();
            return deleted == 0 ? "nothing to purge" : "purged " + deleted + " operation(s)";
        });
    }

    /** Deletes finished rows older than the age limit or beyond the newest {@code retentionRows}; returns how many. */
    int purge() throws InterruptedException {
        Instant cutoff = clock.instant().minus(limits.retentionAge());
        // the newest retentionRows rows stay: everything that started before the last of them goes
        List<OperationLogRepository.StartTimeOnly> lastKept = repository.findByStatusNotInOrderByStartTimeDescIdDesc(
                UNFINISHED, PageRequest.of(limits.retentionRows() - 1, 1));
        if (!lastKept.isEmpty() && lastKept.get(0).getStartTime().isAfter(cutoff)) {
            cutoff = lastKept.get(0).getStartTime();
        }
        int deleted = 0;
        while (true) {
            List<Long> ids = repository.findByStartTimeBeforeAndStatusNotInOrderById(cutoff, UNFINISHED,
                    PageRequest.of(0, BATCH)).stream().map(OperationLogRepository.IdOnly::getId).toList();
            if (ids.isEmpty()) {
                break;
            }
            repository.delete((row, query, cb) -> row.get("id").in(ids));
            deleted += ids.size();
            if (ids.size() < BATCH) {
                break;
            }
            Thread.sleep(PAUSE_MILLIS);
        }
        if (deleted > 0) {
            log.info("purged {} operation(s) that started before {}", deleted, cutoff);
        }
        return deleted;
    }
}
