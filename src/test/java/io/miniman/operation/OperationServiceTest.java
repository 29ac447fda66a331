package io.miniman.operation;

import io.miniman.Subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import io.miniman.testsupport.MinimanSpringTest;

@MinimanSpringTest
class OperationServiceTest {

    @Autowired
    OperationService operations;
    @Autowired
    OperationEvents events;
    @Autowired
    OperationLogRepository repository;

    private final List<OperationUpdate> seen = new CopyOnWriteArrayList<>();
    private Subscription subscription;

    @BeforeEach
    void listen() {
        subscription = events.subscribe(seen::add);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of()));
    }

    @AfterEach
    void stop() {
        subscription.close();
        SecurityContextHolder.clearContext();
    }

    @Test
    void operationsTheLastRunLeftUnfinishedAreFailedAtStartKeepingWhatTheyReported() {
        Instant started = Instant.now().minus(Duration.ofMinutes(5));
        OperationLog running = new OperationLog(OperationType.SYSTEM, "cut short", null, OperationStatus.RUNNING, "alice", started);
        running.setDetails("step one");
        long runningId = repository.save(running).getId();
        long pendingId = repository.save(new OperationLog(OperationType.SYSTEM, "never began", null, OperationStatus.PENDING,
                "alice", started)).getId();
        OperationLog done = new OperationLog(OperationType.SYSTEM, "finished", null, OperationStatus.COMPLETED, "alice", started);
        done.finish(OperationStatus.COMPLETED, started.plusSeconds(1), "all good", null);
        long doneId = repository.save(done).getId();

        operations.afterSingletonsInstantiated();

        assertThat(operations.find(runningId)).hasValueSatisfying(op -> {
            assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
            assertThat(op.errorMessage()).isEqualTo(OperationService.INTERRUPTED);
            assertThat(op.details()).isEqualTo("step one");
            assertThat(op.endTime()).isAfter(started);
        });
        assertThat(operations.find(pendingId)).hasValueSatisfying(op -> assertThat(op.status()).isEqualTo(OperationStatus.FAILED));
        assertThat(operations.find(doneId)).hasValueSatisfying(op -> {
            assertThat(op.status()).isEqualTo(OperationStatus.COMPLETED);
            assertThat(op.result()).isEqualTo("all good");
            assertThat(op.errorMessage()).isNull();
        });
    }

    @Test
    void aSuccessfulOperationGoesThroughEveryStateAndIsStored() throws Exception {
        OperationTarget target = OperationTarget.of(OperationTarget.Kind.SETTINGS, "target-" + System.nanoTime());
        OperationHandle handle = operations.submit(OperationType.SYSTEM, "restart thing", target, ctx -> {
            ctx.progress("step one");
            return "all good";
        });
        OperationUpdate done = handle.completion().get(10, TimeUnit.SECONDS);

        assertThat(done.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(done.result()).isEqualTo("all good");
        assertThat(done.user()).isEqualTo("alice");
        assertThat(done.endTime()).isNotNull();
        assertThat(seen).filteredOn(u -> u.id() == handle.id()).extracting(OperationUpdate::status)
                .startsWith(OperationStatus.PENDING, OperationStatus.RUNNING).endsWith(OperationStatus.COMPLETED);
        OperationUpdate stored = operations.find(handle.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(stored.target()).isEqualTo("settings " + target.id());
        assertThat(stored.details()).contains("step one");
    }

    @Test
    void aFailureKeepsItsErrorText() throws Exception {
        OperationUpdate done = operations.submit(OperationType.DOCKER, "pull", OperationTarget.of(OperationTarget.Kind.IMAGE, "img"), ctx -> {
            throw new IllegalStateException("manifest for nope:latest not found");
        }).completion().get(10, TimeUnit.SECONDS);

        assertThat(done.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(done.errorMessage()).isEqualTo("manifest for nope:latest not found");
        assertThat(operations.find(done.id()).orElseThrow().errorMessage()).contains("manifest for nope:latest");
    }

    @Test
    void workOnTheSameTargetRunsOneAtATimeWhateverItsLabel() throws Exception {
        String id = "container-" + System.nanoTime();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        OperationWork work = ctx -> {
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            release.await(10, TimeUnit.SECONDS);
            inside.decrementAndGet();
            return "ok";
        };
        // a rename between the two calls changes the label a view passes, never the id
        OperationHandle first = operations.submit(OperationType.DOCKER, "stop",
                OperationTarget.of(OperationTarget.Kind.CONTAINER, id, "web"), work);
        OperationHandle second = operations.submit(OperationType.DOCKER, "start",
                OperationTarget.of(OperationTarget.Kind.CONTAINER, id, "web-renamed"), work);
        // the same id of another kind (a volume named like the container's id) is another target
        OperationHandle other = operations.submit(OperationType.DOCKER, "remove",
                OperationTarget.of(OperationTarget.Kind.VOLUME, id), ctx -> "free");

        assertThat(other.completion().get(10, TimeUnit.SECONDS).status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(operations.find(second.id()).orElseThrow().status()).isEqualTo(OperationStatus.PENDING);
        release.countDown();
        assertThat(first.completion().get(10, TimeUnit.SECONDS).status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(second.completion().get(10, TimeUnit.SECONDS).status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(maxInside.get()).isEqualTo(1);
    }

    @Test
    void manyOperationsOnOneTargetRunInTheOrderTheyCame() throws Exception {
        OperationTarget target = OperationTarget.of(OperationTarget.Kind.SETTINGS, "queue-" + System.nanoTime());
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<OperationHandle> handles = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            handles.add(operations.submit(OperationType.SYSTEM, "step " + n, target, ctx -> {
                order.add(n);
                return null;
            }));
        }
        for (OperationHandle handle : handles) {
            assertThat(handle.completion().get(20, TimeUnit.SECONDS).status()).isEqualTo(OperationStatus.COMPLETED);
        }
        assertThat(order).isSorted().hasSize(40);
    }

    @Test
    void rowsLeftRunningByACrashAreMarkedFailedAtStart() {
        OperationLog running = repository.save(new OperationLog(OperationType.NETWORK, "apply", null,
                OperationStatus.RUNNING, "bob", Instant.now().minus(Duration.ofMinutes(1))));
        OperationLog pending = repository.save(new OperationLog(OperationType.NETWORK, "apply", null,
                OperationStatus.PENDING, "bob", Instant.now()));

        operations.afterSingletonsInstantiated();

        for (OperationLog row : List.of(running, pending)) {
            OperationUpdate after = operations.find(row.getId()).orElseThrow();
            assertThat(after.status()).isEqualTo(OperationStatus.FAILED);
            assertThat(after.errorMessage()).isEqualTo("interrupted by restart");
            assertThat(after.endTime()).isNotNull();
        }
    }

    @Test
    void secretsNeverReachTheStoredOrPublishedTexts() throws Exception {
        OperationUpdate done = operations.submit(OperationType.NETWORK, "set wifi", OperationTarget.of(OperationTarget.Kind.NETWORK_SETTINGS, "wlan0"), ctx -> {
            ctx.secret("correct horse battery");
            ctx.progress("writing wpa_passphrase=correct horse battery");
            throw new IllegalStateException("hostapd refused passphrase 'correct horse battery' and token=abc123");
        }).completion().get(10, TimeUnit.SECONDS);

        OperationUpdate stored = operations.find(done.id()).orElseThrow();
        for (OperationUpdate update : List.of(done, stored)) {
            assertThat(update.errorMessage()).doesNotContain("correct horse", "abc123").contains(Redactor.MASK);
            assertThat(update.details()).doesNotContain("correct horse");
        }
        assertThat(seen).filteredOn(u -> u.id() == done.id())
                .allSatisfy(u -> assertThat(String.valueOf(u.details()) + u.errorMessage()).doesNotContain("correct horse"));
    }

    @Test
    void longResultsAreBounded() throws Exception {
        OperationUpdate done = operations.submit(OperationType.SYSTEM, "chatty", null, ctx -> "x".repeat(100_000))
                .completion().get(10, TimeUnit.SECONDS);
        assertThat(done.result()).hasSizeLessThanOrEqualTo(OperationService.TEXT_LIMIT).contains("[cut:");
    }

    @Test
    void filtersFindByTypeStatusUserAndText() throws Exception {
        String marker = "needle" + System.nanoTime();
        operations.submit(OperationType.COMPOSE, "deploy " + marker, OperationTarget.of(OperationTarget.Kind.FILE, "stack"), ctx -> "up").completion().get(10, TimeUnit.SECONDS);
        operations.submit(OperationType.COMPOSE, "deploy " + marker, OperationTarget.of(OperationTarget.Kind.FILE, "stack2"), ctx -> {
            throw new IllegalStateException("bad file");
        }).completion().get(10, TimeUnit.SECONDS);

        OperationFilter failedOnly = new OperationFilter(OperationType.COMPOSE, OperationStatus.FAILED, "alice", null, null, marker);
        assertThat(operations.list(failedOnly, 0, 50)).singleElement()
                .satisfies(op -> assertThat(op.target()).isEqualTo("file stack2"));
        assertThat(operations.count(new OperationFilter(null, null, null, null, null, marker))).isEqualTo(2);
        assertThat(operations.count(new OperationFilter(null, null, "mallory", null, null, marker))).isZero();
    }
}
