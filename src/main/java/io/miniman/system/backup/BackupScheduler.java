package io.miniman.system.backup;

import java.time.Clock;

import io.miniman.operation.OperationService;
import io.miniman.operation.OperationType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily backup. Checked every ten minutes rather than at a fixed hour, so a box that was off at that
 * hour still gets its backup soon after it starts; the work runs as an operation, on its workers.
 */
@Component
class BackupScheduler {

    private static final long CHECK_MILLIS = 10 * 60 * 1000;

    private final BackupService backups;
    private final BackupScheduleStore schedule;
    private final OperationService operations;
    private final Clock clock;

    BackupScheduler(BackupService backups, BackupScheduleStore schedule, OperationService operations, Clock clock) {
        this.backups = backups;
        this.schedule = schedule;
        this.operations = operations;
        this.clock = clock;
    }

    @Scheduled(initialDelay = CHECK_MILLIS, fixedDelay = CHECK_MILLIS)
    void check() {
        BackupSchedule current = schedule.current();
        if (backups.due(current, clock.instant())) {
            operations.submit(OperationType.SYSTEM, "Scheduled backup", BackupActions.STORE, ctx ->
                    backups.storeAndPrune(BackupService.SCHEDULED, current.includeUsers(), current.keep()));
        }
    }
}
