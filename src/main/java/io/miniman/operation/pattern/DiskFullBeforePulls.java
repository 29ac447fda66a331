package io.miniman.operation.pattern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import io.miniman.Subscription;
import io.miniman.operation.OperationEvents;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;
import io.miniman.operation.dashboard.FailureCause;

/**
 * Pulls and builds that began on a nearly full data disk (the level is read when the work starts, as no
 * history of it is stored), and those that failed for want of space (from the log, so they survive a
 * restart). On the box the images live on the same disk as the console's data.
 */
@Component
class DiskFullBeforePulls implements PatternRule, DisposableBean {

    static final double NEARLY_FULL_PERCENT = 90;
    private static final String PULLS_AND_BUILDS = "((operation_type = 'DOCKER' AND operation_name IN ('Pull image', 'Build image')) "
            + "OR (operation_type = 'COMPOSE' AND operation_name IN ('Pull', 'Build')))";

    private final LogQueries log;
    private final DiskLevel disk;
    private final EvidenceRing<Finding.Evidence> startedNearlyFull = new EvidenceRing<>(200);
    private final Subscription subscription;

    DiskFullBeforePulls(LogQueries log, OperationEvents events, DiskLevel disk) {
        this.log = log;
        this.disk = disk;
        this.subscription = events.subscribe(this::heard);
    }

    void heard(OperationUpdate update) {
        if (update.status() != OperationStatus.RUNNING || !isPullOrBuild(update)) {
            return;
        }
        double used = disk.usedPercent();
        if (used >= NEARLY_FULL_PERCENT) {
            startedNearlyFull.add(update.startTime(), new Finding.Evidence(update.id(), update.startTime(),
                    update.name() + (update.target() == null ? "" : " · " + update.target()) + " began with the data disk "
                            + String.format(Locale.ROOT, "%.0f", used) + " % full"));
        }
    }

    private static boolean isPullOrBuild(OperationUpdate update) {
        return switch (update.type()) {
            case DOCKER -> update.name().equals("Pull image") || update.name().equals("Build image");
            case COMPOSE -> update.name().equals("Pull") || update.name().equals("Build");
            default -> false;
        };
    }

    @Override
    public List<Finding> find(Instant since, Instant now) {
        List<Finding.Evidence> evidence = new ArrayList<>();
        startedNearlyFull.between(since, now).forEach(e -> evidence.add(e.value()));
        log.rows("status = 'FAILED' AND " + PULLS_AND_BUILDS, new MapSqlParameterSource(), since, now).stream()
                .filter(row -> FailureCause.of(row.error()) == FailureCause.DISK_FULL)
                .forEach(row -> evidence.add(row.evidence()));
        if (evidence.isEmpty()) {
            return List.of();
        }
        return List.of(new Finding("disk:pulls", "Disk nearly full before a pull or build",
                evidence.size() + " pulls or builds since " + Wording.time(evidence.stream().map(Finding.Evidence::at).min(Instant::compareTo).get())
                        + " ran short of disk space",
                "Images and build layers fill the data disk. Remove unused images and the build cache (Docker → Images → "
                        + "Prune), and old stacks' volumes you no longer need, before the next pull.",
                evidence.stream().sorted((a, b) -> b.at().compareTo(a.at())).limit(Finding.EVIDENCE_LIMIT).toList()));
    }

    @Override
    public void destroy() {
        subscription.close();
    }
}
