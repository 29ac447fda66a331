package io.miniman.operation.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.miniman.operation.LogRows;
import io.miniman.operation.OperationEvents;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;
import io.miniman.operation.OperationUpdate;
import io.miniman.testsupport.MinimanSpringTest;

/** Each rule's positive and negative case on a crafted log dated in 2004 (no other test's rows are there). */
@MinimanSpringTest
class PatternRulesTest {

    private static final Instant NOW = Instant.parse("2004-03-01T12:00:00Z");
    private static final Instant SINCE = NOW.minus(PatternAnalysis.PERIOD);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    NamedParameterJdbcTemplate named;
    @Autowired
    OperationEvents operationEvents;

    private LogRows rows;
    private LogQueries log;

    @BeforeEach
    void setUp() {
        rows = new LogRows(jdbc, transactions);
        log = new LogQueries(named);
    }

    @AfterEach
    void removeRows() {
        rows.deleteBetween(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(30)));
        jdbc.update("DELETE FROM login_failure WHERE address LIKE '192.0.2.%'");
        jdbc.update("DELETE FROM finding_dismissal WHERE finding_key LIKE '%2004-test%'");
    }

    private static Instant minutesAgo(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    @Test
    void repeatedFailuresOfOneOperationAndTargetNameTheCauseAndTheRows() {
        for (int i = 1; i <= 3; i++) {
            rows.failed(OperationType.DOCKER, "Pull image", "image 2004-test/x", minutesAgo(10 * i), "dial tcp: connection refused");
        }
        // two failures of another target, and a success: under the threshold / not failures
        rows.failed(OperationType.DOCKER, "Pull image", "image 2004-test/y", minutesAgo(5), "dial tcp: connection refused")
                .failed(OperationType.DOCKER, "Pull image", "image 2004-test/y", minutesAgo(6), "dial tcp: connection refused")
                .completed(OperationType.DOCKER, "Pull image", "image 2004-test/y", minutesAgo(7), Duration.ofSeconds(3)).save();

        List<Finding> found = new RepeatedFailures(log).find(SINCE, NOW);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.title()).startsWith("Pull image of image 2004-test/x failed 3 times since")
                    .endsWith("registry or host unreachable");
            assertThat(f.recommendation()).contains("check the uplink");
            assertThat(f.evidence()).hasSize(3).allSatisfy(e -> assertThat(e.operationId()).isNotNull());
            assertThat(f.latest()).isEqualTo(minutesAgo(10));
        });
    }

    @Test
    void repeatedFailuresNeedThreeInThePeriod() {
        rows.failed(OperationType.DOCKER, "Pull image", "image 2004-test/x", minutesAgo(10), "manifest unknown")
                .failed(OperationType.DOCKER, "Pull image", "image 2004-test/x", minutesAgo(20), "manifest unknown")
                // the third is older than the period
                .failed(OperationType.DOCKER, "Pull image", "image 2004-test/x", NOW.minus(Duration.ofHours(25)), "manifest unknown")
                .save();
        assertThat(new RepeatedFailures(log).find(SINCE, NOW)).isEmpty();
    }

    @Test
    void pullsOfSeveralImagesFailingForOneCauseAreOneFinding() {
        rows.failed(OperationType.DOCKER, "Pull image", "image 2004-test/a", minutesAgo(1), "unauthorized: authentication required")
                .failed(OperationType.DOCKER, "Pull image", "image 2004-test/b", minutesAgo(2), "pull access denied")
                .failed(OperationType.COMPOSE, "Pull", "stack 2004-test", minutesAgo(3), "denied: requested access is denied")
                .failed(OperationType.DOCKER, "Pull image", "image 2004-test/c", minutesAgo(4), "no such host").save();

        List<Finding> found = new PullFailuresByCause(log).find(SINCE, NOW);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("pulls:DENIED");
            assertThat(f.title()).startsWith("3 pulls of 3 images failed");
            assertThat(f.evidence()).hasSize(3);
        });
    }

    @Test
    void pullsFailingForOneImageOnlyAreNotACauseFinding() {
        for (int i = 1; i <= 4; i++) {
            rows.failed(OperationType.DOCKER, "Pull image", "image 2004-test/a", minutesAgo(i), "no such host");
        }
        rows.failed(OperationType.DOCKER, "Remove image", "image 2004-test/b", minutesAgo(9), "no such host").save();
        assertThat(new PullFailuresByCause(log).find(SINCE, NOW)).isEmpty();
    }

    @Test
    void networkSettingsRolledBackTwiceIsAFindingOnceIsNot() {
        RepeatedRollbacks rule = new RepeatedRollbacks(log);
        rows.add(OperationType.NETWORK, "Roll back network settings", "network settings", OperationStatus.COMPLETED, "system",
                minutesAgo(30), Duration.ofSeconds(2), "rolled back: not confirmed", null, null).save();
        assertThat(rule.find(SINCE, NOW)).isEmpty();

        rows.add(OperationType.NETWORK, "Roll back network settings", "network settings", OperationStatus.COMPLETED, "system",
                minutesAgo(5), Duration.ofSeconds(2), "rolled back: not confirmed", null, null).save();
        assertThat(rule.find(SINCE, NOW)).singleElement()
                .satisfies(f -> assertThat(f.title()).startsWith("Network settings were rolled back 2 times"));
    }

    @Test
    void manyFailedSignInsFromOneAddressNameTheAddressAndTheNamesTried() {
        loginFailure("192.0.2.7", null, 6, minutesAgo(20), minutesAgo(2));
        loginFailure("192.0.2.7", "admin", 4, minutesAgo(20), minutesAgo(2));
        loginFailure("192.0.2.8", null, 2, minutesAgo(20), minutesAgo(2));
        rows.add(OperationType.AUTH, "login", "login admin", OperationStatus.FAILED, "admin", minutesAgo(20), Duration.ZERO, null,
                "wrong credentials from 192.0.2.7 (further failures from there are counted, then locked)", null)
                .add(OperationType.AUTH, "login", "login admin", OperationStatus.FAILED, "admin", minutesAgo(21), Duration.ZERO, null,
                        "wrong credentials from 192.0.2.70 (further failures from there are counted, then locked)", null)
                .save();

        List<Finding> found = new LoginFailuresFromAddress(log).find(SINCE, NOW);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.title()).isEqualTo("6 failed sign-ins from 192.0.2.7 (tried: admin)");
            // the throttle's count and the one log row from this address (not 192.0.2.70's)
            assertThat(f.evidence()).hasSize(2);
            assertThat(f.evidence()).filteredOn(e -> e.operationId() != null).singleElement()
                    .satisfies(e -> assertThat(e.text()).contains("from 192.0.2.7 "));
        });
    }

    @Test
    void aFewFailedSignInsOrOldOnesAreNoFinding() {
        loginFailure("192.0.2.8", null, 4, minutesAgo(20), minutesAgo(2));
        loginFailure("192.0.2.9", null, 9, NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(2)));
        assertThat(new LoginFailuresFromAddress(log).find(SINCE, NOW)).isEmpty();
    }

    @Test
    void aPullThatBeganOnANearlyFullDiskOrFailedForSpaceIsAFinding() {
        double[] used = {95};
        DiskFullBeforePulls rule = new DiskFullBeforePulls(log, operationEvents, () -> used[0]);
        try {
            rule.heard(running(41, "Pull image", minutesAgo(3)));
            rows.failed(OperationType.COMPOSE, "Build", "stack 2004-test", minutesAgo(8), "write /var/lib/docker: no space left on device")
                    .save();

            assertThat(rule.find(SINCE, NOW)).singleElement().satisfies(f -> {
                assertThat(f.evidence()).hasSize(2);
                assertThat(f.evidence().get(0).operationId()).isEqualTo(41L);
                assertThat(f.evidence().get(0).text()).contains("95 % full");
            });
        } finally {
            rule.destroy();
        }
    }

    @Test
    void pullsOnADiskWithRoomAndOtherFailuresAreNoDiskFinding() {
        DiskFullBeforePulls rule = new DiskFullBeforePulls(log, operationEvents, () -> 60);
        try {
            rule.heard(running(42, "Pull image", minutesAgo(3)));
            rows.failed(OperationType.DOCKER, "Pull image", "image 2004-test/a", minutesAgo(8), "manifest unknown")
                    .failed(OperationType.SYSTEM, "Backup", "settings 2004-test", minutesAgo(9), "no space left on device").save();
            assertThat(rule.find(SINCE, NOW)).isEmpty();
        } finally {
            rule.destroy();
        }
    }

    @Test
    void aDismissedFindingStaysHiddenUntilNewerEvidence() {
        LogRows.MovableClock clock = new LogRows.MovableClock(NOW);
        PatternAnalysis analysis = new PatternAnalysis(List.of(new RepeatedFailures(log)), named, clock);
        for (int i = 1; i <= 3; i++) {
            rows.failed(OperationType.SYSTEM, "Restart service", "2004-test svc", minutesAgo(10 * i), "timed out");
        }
        rows.save();
        Finding finding = analysis.findings().get(0);

        analysis.dismiss(finding, "admin");
        assertThat(analysis.findings()).isEmpty();

        rows.failed(OperationType.SYSTEM, "Restart service", "2004-test svc", minutesAgo(1), "timed out").save();
        assertThat(analysis.findings()).singleElement().satisfies(f -> assertThat(f.evidence()).hasSize(4));
    }

    @Test
    void findingsComeNewestFirst() {
        PatternAnalysis analysis = new PatternAnalysis(List.of(new RepeatedFailures(log), new RepeatedRollbacks(log)), named,
                new LogRows.MovableClock(NOW));
        for (int i = 1; i <= 3; i++) {
            rows.failed(OperationType.SYSTEM, "Restart service", "2004-test svc", minutesAgo(30 + i), "timed out");
        }
        rows.add(OperationType.NETWORK, "Roll back network settings", "network settings", OperationStatus.COMPLETED, "system",
                minutesAgo(50), Duration.ofSeconds(2), "rolled back", null, null)
                .add(OperationType.NETWORK, "Roll back network settings", "network settings", OperationStatus.COMPLETED, "system",
                        minutesAgo(5), Duration.ofSeconds(2), "rolled back", null, null)
                .save();
        assertThat(analysis.findings()).extracting(Finding::rule)
                .containsExactly("Apply rolled back repeatedly", "Repeated failures");
    }

    private void loginFailure(String address, String user, int failures, Instant first, Instant last) {
        jdbc.update("INSERT INTO login_failure (address, username, failures, first_failure_at, last_failure_at) VALUES (?, ?, ?, ?, ?)",
                address, user, failures, first.toEpochMilli(), last.toEpochMilli());
    }

    private static OperationUpdate running(long id, String name, Instant start) {
        return new OperationUpdate(id, OperationType.DOCKER, name, "image 2004-test/a", OperationStatus.RUNNING, "admin", start,
                null, null, null, null);
    }
}
