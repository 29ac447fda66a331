package io.miniman.network.apply;

import io.miniman.Subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;
import io.miniman.host.HostFiles;
import io.miniman.host.PrivilegedHelper;
import io.miniman.network.apply.ApplyState.Phase;
import io.miniman.network.render.ManagedFile;
import io.miniman.network.render.NetworkFiles;
import io.miniman.network.render.RenderedFile;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.store.NetworkSettingsStore;
import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;
import io.miniman.operation.OperationUpdate;
import io.miniman.testsupport.MinimanSpringTest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Apply, keep, time out and roll back, fail half-way: under a temporary host root, checking the files
 * byte for byte. The engine and the store are the shared context's; the apply service is built here
 * with its own root and a short timeout.
 */
@MinimanSpringTest
class ApplyWithRollbackTest {

    private static final Path HELPER = Path.of("provisioning/miniman-helper").toAbsolutePath();
    private static final CommandRunner RUNNER = new CommandRunner();

    @Autowired
    NetworkSettingsStore store;
    @Autowired
    OperationService operations;
    @Autowired
    Validator validator;
    @Autowired
    Clock clock;
    @Autowired
    ObjectMapper json;

    @TempDir
    Path root;

    private NetworkSettings original;
    private HostFileAccess access;
    private final Map<Phase, CompletableFuture<ApplyState>> reached = new ConcurrentHashMap<>();
    private Subscription subscription;

    @BeforeEach
    void remember() {
        original = store.current();
        for (Phase phase : Phase.values()) {
            reached.put(phase, new CompletableFuture<>());
        }
    }

    @AfterEach
    void restoreStoredSettings() throws Exception {
        store.save(original);
        // a restore with problems keeps its rollback on purpose; the shared database must not keep it
        store.releaseRollback();
        if (subscription != null) {
            subscription.close();
        }
    }

    private ApplyWithRollback service(PrivilegedHelper helper, Duration timeout, RenderedFileChecker checker) {
        access = new HostFileAccess(new HostFiles(root), helper);
        ApplyWithRollback service = new ApplyWithRollback(store, access, checker, operations, validator,
                new RollbackJournal(store, json), clock, timeout);
        subscription = service.subscribe(state -> reached.get(state.phase()).complete(state));
        return service;
    }

    private NetworkPreview previews() {
        PrivilegedHelper absent = new PrivilegedHelper(RUNNER, root.resolve("no-helper"));
        return new NetworkPreview(store, new HostFileAccess(new HostFiles(root), absent),
                new RenderedFileChecker(RUNNER, absent), validator);
    }

    private ApplyWithRollback withoutHelper(Duration timeout) {
        PrivilegedHelper absent = new PrivilegedHelper(RUNNER, root.resolve("no-helper"));
        return service(absent, timeout, new RenderedFileChecker(RUNNER, absent));
    }

    private ApplyState await(Phase phase) throws Exception {
        // a bound so a broken build ends, not a timing assertion
        return reached.get(phase).get(60, TimeUnit.SECONDS);
    }

    /** What was there before: a hand-made hostapd.conf with bytes that are not UTF-8, no dnsmasq file. */
    private Map<ManagedFile, byte[]> previousFiles() throws IOException {
        byte[] hostapd = "# by hand\ninterface=wlan0\nssid=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] rules = "*filter\nCOMMIT\n".getBytes(StandardCharsets.UTF_8);
        write(ManagedFile.HOSTAPD, hostapd);
        write(ManagedFile.IPTABLES, rules);
        return Map.of(ManagedFile.HOSTAPD, hostapd, ManagedFile.IPTABLES, rules);
    }

    private void write(ManagedFile file, byte[] content) throws IOException {
        Path path = hostPath(file);
        Files.createDirectories(path.getParent());
        Files.write(path, content);
    }

    private Path hostPath(ManagedFile file) {
        return root.resolve(file.devicePath().substring(1));
    }

    private NetworkSettings changed() {
        return original.withWifi(original.wifi().withSsid("renamed-" + System.nanoTime() % 1000));
    }

    private void assertPreviousFilesBack(Map<ManagedFile, byte[]> before) throws IOException {
        for (ManagedFile file : ManagedFile.values()) {
            if (before.containsKey(file)) {
                assertThat(Files.readAllBytes(hostPath(file))).as(file.name()).isEqualTo(before.get(file));
            } else {
                assertThat(hostPath(file)).as(file.name()).doesNotExist();
            }
        }
    }

    private List<String> operationNamesSince(long firstId) {
        return operations.list(new OperationFilter(OperationType.NETWORK, null, null, null, null, null), 0, 200)
                .stream().filter(op -> op.id() >= firstId).map(OperationUpdate::name).toList();
    }

    private long nextOperationId() {
        return operations.record(OperationType.NETWORK, "test marker", ApplyWithRollback.TARGET, io.miniman.operation.OperationStatus.COMPLETED,
                null, null).id();
    }

    @Test
    void appliedFilesAreKeptWhenConfirmed() throws Exception {
        previousFiles();
        ApplyWithRollback service = withoutHelper(Duration.ofMinutes(5));
        NetworkSettings proposed = changed();
        long firstOp = nextOperationId();

        ApplyState started = service.apply(proposed, ClientContext.unknown());
        ApplyState waiting = await(Phase.AWAITING_CONFIRMATION);
        assertThat(waiting.id()).isEqualTo(started.id());
        assertThat(waiting.deadline()).isPresent();
        assertThat(waiting.message()).contains("Skipped", "restart hostapd (helper not installed)");
        for (RenderedFile file : NetworkFiles.render(proposed)) {
            assertThat(Files.readAllBytes(hostPath(file.file()))).isEqualTo(file.bytes());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hostPath(ManagedFile.HOSTAPD))))
                .isEqualTo("rw-------");
        assertThat(store.current()).as("stored only when kept").isEqualTo(original);

        assertThat(store.heldRollback()).isPresent();
        service.confirm(started.id());
        assertThat(await(Phase.CONFIRMED).message()).contains("kept");
        assertThat(store.heldRollback()).isEmpty();
        assertThat(store.current()).isEqualTo(proposed);
        assertThat(operationNamesSince(firstOp)).contains("Write /etc/hostapd/hostapd.conf", "restart hostapd",
                "Keep network settings");
        assertThat(operations.list(OperationFilter.all(), 0, 500)).filteredOn(op -> op.id() >= firstOp)
                .allSatisfy(op -> assertThat(String.join("|", String.valueOf(op.details()), String.valueOf(op.result()),
                        String.valueOf(op.errorMessage()))).doesNotContain(proposed.wifi().passphrase()));
        assertThatThrownBy(() -> service.confirm(started.id())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unconfirmedChangeIsRolledBackByteForByte() throws Exception {
        Map<ManagedFile, byte[]> before = previousFiles();
        ApplyWithRollback service = withoutHelper(Duration.ofMillis(300));
        long firstOp = nextOperationId();

        ApplyState started = service.apply(changed(), ClientContext.unknown());
        ApplyState rolledBack = await(Phase.ROLLED_BACK);

        assertThat(rolledBack.id()).isEqualTo(started.id());
        assertThat(rolledBack.message()).contains("not kept within", "previous files were put back");
        assertPreviousFilesBack(before);
        assertThat(store.current()).isEqualTo(original);
        assertThat(operationNamesSince(firstOp)).contains("Restore /etc/hostapd/hostapd.conf",
                "Restore /etc/dnsmasq.d/miniman.conf", "Roll back network settings");
        assertThatThrownBy(() -> service.confirm(started.id())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void revertNowRestoresThroughTheHelper() throws Exception {
        Map<ManagedFile, byte[]> before = previousFiles();
        PrivilegedHelper helper = PrivilegedHelper.forTestRoot(RUNNER, HELPER, root);
        ApplyWithRollback service = service(helper, Duration.ofMinutes(5), new RenderedFileChecker(RUNNER, helper));
        long firstOp = nextOperationId();

        ApplyState started = service.apply(changed(), ClientContext.unknown());
        assertThat(await(Phase.AWAITING_CONFIRMATION).message()).doesNotContain("Skipped");
        service.revert(started.id());

        assertThat(await(Phase.ROLLED_BACK).message()).contains("reverted by the admin");
        assertPreviousFilesBack(before);
        List<OperationUpdate> restarts = operations.list(new OperationFilter(OperationType.NETWORK, null, null, null,
                null, "restart hostapd"), 0, 50).stream().filter(op -> op.id() >= firstOp).toList();
        assertThat(restarts).extracting(OperationUpdate::result)
                .allMatch(result -> result.equals("done"));
        assertThat(restarts).hasSize(2);
    }

    @Test
    void aConsoleRestartInsideTheWindowStillRollsBack() throws Exception {
        Map<ManagedFile, byte[]> before = previousFiles();
        ApplyWithRollback crashed = withoutHelper(Duration.ofMinutes(5));
        crashed.apply(changed(), ClientContext.unknown());
        await(Phase.AWAITING_CONFIRMATION);
        crashed.destroy();
        assertThat(store.heldRollback()).isPresent();

        ApplyWithRollback restarted = withoutHelper(Duration.ofMinutes(5));
        restarted.recoverInterruptedChange();

        assertThat(await(Phase.ROLLED_BACK).message()).contains("console restarted");
        assertPreviousFilesBack(before);
        assertThat(store.heldRollback()).isEmpty();
        restarted.recoverInterruptedChange();
        assertThat(restarted.state()).map(ApplyState::phase).hasValue(Phase.ROLLED_BACK);
    }

    @Test
    void blockingAloneIsMadeLiveWithoutRestartingHostapd() throws Exception {
        PrivilegedHelper helper = PrivilegedHelper.forTestRoot(RUNNER, HELPER, root);
        ApplyWithRollback service = service(helper, Duration.ofMinutes(5), new RenderedFileChecker(RUNNER, helper));
        for (RenderedFile file : NetworkFiles.render(original)) {
            write(file.file(), file.bytes());
        }
        byte[] denyBefore = Files.readAllBytes(hostPath(ManagedFile.HOSTAPD_DENY));
        long firstOp = nextOperationId();
        List<String> blocked = List.of("02:00:00:00:00:66");

        ApplyState started = service.apply(original.withWifi(original.wifi().withBlockedMacs(blocked)),
                ClientContext.unknown());
        await(Phase.AWAITING_CONFIRMATION);
        service.revert(started.id());
        await(Phase.ROLLED_BACK);

        assertThat(operationNamesSince(firstOp)).contains("Write /etc/hostapd/hostapd.deny", "block 02:00:00:00:00:66",
                "Restore: unblock 02:00:00:00:00:66").doesNotContain("restart hostapd", "Restore: restart hostapd",
                "Write /etc/hostapd/hostapd.conf");
        assertThat(Files.readAllBytes(hostPath(ManagedFile.HOSTAPD_DENY))).isEqualTo(denyBefore);
    }

    @Test
    void aFailureHalfWayPutsThePreviousFilesBack() throws Exception {
        Map<ManagedFile, byte[]> before = previousFiles();
        // the real helper, except that restarting hostapd fails, as with a radio that refuses the channel
        Path failing = root.resolve("failing-helper");
        Files.writeString(failing, "#!/bin/bash\n"
                + "if [[ \"$1 $2 $3\" == \"service restart hostapd\" ]]; then echo 'Job for hostapd.service failed' >&2; exit 1; fi\n"
                + "exec " + HELPER + " \"$@\"\n");
        failing.toFile().setExecutable(true);
        PrivilegedHelper helper = PrivilegedHelper.forTestRoot(RUNNER, failing, root);
        ApplyWithRollback service = service(helper, Duration.ofMinutes(5), new RenderedFileChecker(RUNNER, helper));

        service.apply(changed(), ClientContext.unknown());
        ApplyState failed = await(Phase.FAILED);

        assertThat(failed.message()).contains("restart hostapd", "Job for hostapd.service failed",
                "previous files were put back");
        assertPreviousFilesBack(before);
        assertThat(reached.get(Phase.AWAITING_CONFIRMATION)).isNotDone();
        // the restore restarted hostapd too, and that failed as well: the next start must try again
        assertThat(failed.message()).contains("put back with problems", ApplySteps.KEPT_ROLLBACK);
        assertThat(store.heldRollback()).isPresent();
    }

    @Test
    void aFileTheProgramRefusesStopsEverythingBeforeWriting() throws Exception {
        Map<ManagedFile, byte[]> before = previousFiles();
        PrivilegedHelper absent = new PrivilegedHelper(RUNNER, root.resolve("no-helper"));
        RenderedFileChecker refusing = new RenderedFileChecker(RUNNER, absent) {
            @Override
            public List<Check> check(List<RenderedFile> files) {
                return List.of(new Check(ManagedFile.DNSMASQ, Verdict.REJECTED, "dnsmasq: bad dhcp-range at line 3"));
            }
        };
        ApplyWithRollback service = service(absent, Duration.ofMinutes(5), refusing);

        service.apply(changed(), ClientContext.unknown());

        assertThat(await(Phase.FAILED).message()).contains("Nothing applied", "bad dhcp-range at line 3");
        assertPreviousFilesBack(before);
    }

    @Test
    void invalidSettingsAreRefusedAndNothingIsWritten() {
        ApplyWithRollback service = withoutHelper(Duration.ofMinutes(5));
        NetworkSettings invalid = original.withLan(original.lan().withRange("10.9.9.1", "10.9.9.9"));
        assertThatThrownBy(() -> service.apply(invalid, ClientContext.unknown()))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> previews().preview(invalid, ClientContext.unknown()))
                .isInstanceOf(ConstraintViolationException.class);
        assertThat(root.resolve("etc")).doesNotExist();
        assertThat(service.state()).isEmpty();
    }

    @Test
    void previewShowsDiffsHandEditsAndTheWarningForTheAdminsOwnConnection() throws Exception {
        ApplyWithRollback service = withoutHelper(Duration.ofMinutes(5));
        NetworkPreview previews = previews();
        store.recordWritten(ManagedFile.IPTABLES.devicePath(), "*filter\nCOMMIT\n");
        write(ManagedFile.IPTABLES, "*filter\n-A INPUT -j ACCEPT\nCOMMIT\n".getBytes(StandardCharsets.UTF_8));
        NetworkSettings proposed = changed();

        ApplyPreview preview = previews.preview(proposed, new ClientContext(original.lan().rangeStart(), Optional.empty()));

        FileChange hostapd = preview.changes().stream().filter(c -> c.file() == ManagedFile.HOSTAPD).findFirst()
                .orElseThrow();
        assertThat(hostapd.changed()).isTrue();
        assertThat(hostapd.diff()).extracting(Object::toString).contains("+ ssid=" + proposed.wifi().ssid(),
                "+ wpa_passphrase=********");
        assertThat(hostapd.diff()).extracting(Object::toString).noneMatch(line -> line.contains(
                proposed.wifi().passphrase()));
        assertThat(preview.changes().stream().filter(c -> c.file() == ManagedFile.IPTABLES).findFirst().orElseThrow()
                .handEdited()).isTrue();
        assertThat(new HandEdits(store, access, service, clock).report().drifted()).extracting(FileChange::file)
                .contains(ManagedFile.IPTABLES);
        assertThat(preview.warnings()).singleElement().asString().contains("reconnect to '" + proposed.wifi().ssid());
        assertThat(previews.preview(proposed, new ClientContext("203.0.113.9", Optional.empty())).warnings()).isEmpty();
        assertThat(root.resolve("etc/hostapd")).as("a preview writes nothing").doesNotExist();
    }

    /**
     * Six slow operations hold every worker of the shared pool and its queue (as four long pulls or
     * builds would): the unconfirmed change is still rolled back within the confirm timeout and 5 s.
     */
    @Test
    void aSaturatedOperationPoolCannotStarveTheRollback() throws Exception {
        Map<ManagedFile, byte[]> before = previousFiles();
        Duration timeout = Duration.ofMillis(500);
        ApplyWithRollback service = withoutHelper(timeout);
        CountDownLatch release = new CountDownLatch(1);
        List<OperationHandle> blockers = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                blockers.add(operations.submit(OperationType.DOCKER, "slow pull " + i,
                        OperationTarget.of(OperationTarget.Kind.IMAGE, "starved-rollback-test-" + i), ctx -> {
                            release.await();
                            return "released";
                        }));
            }
            long started = System.nanoTime();
            service.apply(changed(), ClientContext.unknown());

            ApplyState rolledBack = reached.get(Phase.ROLLED_BACK).get(timeout.plusSeconds(5).toMillis(),
                    TimeUnit.MILLISECONDS);
            long total = Duration.ofNanos(System.nanoTime() - started).toMillis();
            long restore = Duration.between(await(Phase.AWAITING_CONFIRMATION).deadline().orElseThrow(), clock.instant())
                    .toMillis();
            // the figure for the closing note
            System.out.printf("starved-pool rollback: applied and rolled back in %d ms with a %d ms confirm timeout;"
                    + " restore finished %d ms after the deadline%n", total, timeout.toMillis(), restore);
            assertThat(rolledBack.message()).contains("not kept within", "previous files were put back");
            assertPreviousFilesBack(before);
            assertThat(blockers).allSatisfy(blocker -> assertThat(blocker.completion()).isNotDone());
        } finally {
            release.countDown();
        }
        for (OperationHandle blocker : blockers) {
            blocker.completion().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void theHandEditCheckReadsOnceUntilAChangeOrACheckAgain() throws Exception {
        AtomicInteger helperCalls = new AtomicInteger();
        CommandRunner counting = new CommandRunner() {
            @Override
            public CommandResult run(List<String> argv, Duration timeout, byte[] stdin) {
                helperCalls.incrementAndGet();
                return super.run(argv, timeout, stdin);
            }
        };
        PrivilegedHelper helper = PrivilegedHelper.forTestRoot(counting, HELPER, root);
        ApplyWithRollback service = service(helper, Duration.ofMinutes(5), new RenderedFileChecker(RUNNER, helper));
        HandEdits handEdits = new HandEdits(store, access, service, clock);
        List<RenderedFile> rendered = NetworkFiles.render(original);
        for (RenderedFile file : rendered) {
            write(file.file(), file.bytes());
            store.recordWritten(file.file().devicePath(), file.content());
        }

        assertThat(handEdits.report().drifted()).isEmpty();
        int oneCheck = helperCalls.get();
        assertThat(oneCheck).as("one helper read per managed file").isEqualTo(rendered.size());

        write(ManagedFile.DNSMASQ, "# edited by hand\n".getBytes(StandardCharsets.UTF_8));
        assertThat(handEdits.report().drifted()).as("the second page open gets the last answer").isEmpty();
        assertThat(helperCalls.get()).isEqualTo(oneCheck);

        assertThat(handEdits.checkAgain().drifted()).extracting(FileChange::file).containsExactly(ManagedFile.DNSMASQ);
        assertThat(helperCalls.get()).isEqualTo(2 * oneCheck);

        ApplyState started = service.apply(changed(), ClientContext.unknown());
        await(Phase.AWAITING_CONFIRMATION);
        service.revert(started.id());
        await(Phase.ROLLED_BACK);
        int afterChange = helperCalls.get();
        handEdits.report();
        assertThat(helperCalls.get()).as("a change makes the last answer stale").isEqualTo(afterChange + oneCheck);
    }
}
