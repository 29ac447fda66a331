package io.miniman.system.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.miniman.backup.RestoreChoice;
import io.miniman.docker.security.DockerSecurityActions;
import io.miniman.docker.security.DockerSecurityPolicy;
import io.miniman.docker.security.DockerSecuritySettings;
import io.miniman.network.apply.ApplyState;
import io.miniman.network.apply.ApplyWithRollback;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.store.NetworkSettingsStore;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;
import io.miniman.operation.OperationUpdate;
import io.miniman.security.Role;
import io.miniman.security.UserService;
import io.miniman.system.backup.BackupWriter.VersionedEntries;
import io.miniman.testsupport.MinimanSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** Backup and restore through the admin's actions, against the real stores, files and apply path. */
@MinimanSpringTest
@WithMockUser(username = "admin", roles = "ADMIN")
class BackupRestoreTest {

    @Autowired
    BackupActions actions;
    @Autowired
    BackupService backups;
    @Autowired
    NetworkSettingsStore network;
    @Autowired
    ApplyWithRollback apply;
    @Autowired
    DockerSecurityActions dockerSecurity;
    @Autowired
    DockerSecurityPolicy dockerPolicy;
    @Autowired
    UserService users;
    @Autowired
    OperationService operations;
    @Autowired
    ObjectMapper json;

    private NetworkSettings original;
    private BackupSchedule originalSchedule;

    @BeforeEach
    void remember() {
        original = network.current();
        originalSchedule = actions.schedule();
    }

    @AfterEach
    void putBack() {
        network.save(original);
        network.releaseRollback();
        actions.saveSchedule(originalSchedule);
        dockerSecurity.save(DockerSecuritySettings.DEFAULTS);
        users.find("restore-extra").ifPresent(u -> users.delete("restore-extra"));
    }

    @Test
    void aRestoreBringsBackWhatWasBackedUp() throws Exception {
        NetworkSettings backedUp = original.withWifi(original.wifi().withSsid("before-backup"));
        network.save(backedUp);
        dockerSecurity.save(new DockerSecuritySettings(List.of("/srv/shared")));
        actions.saveSchedule(new BackupSchedule(true, 3, false));
        byte[] archive = download(true);

        network.save(backedUp.withWifi(backedUp.wifi().withSsid("after-backup").withPassphrase("a-new-passphrase")));
        dockerSecurity.save(new DockerSecuritySettings(List.of("/srv/other")));
        actions.saveSchedule(new BackupSchedule(false, 9, true));
        users.create("restore-extra", Role.VIEWER, "Extra-user-pw-2024");
        long preRestoreBefore = backups.list().stream().filter(b -> b.kind().equals(BackupService.PRE_RESTORE)).count();

        RestorePlan plan = actions.inspect(actions.stage(new ByteArrayInputStream(archive), "box.tar.gz"));
        assertThat(plan.parts()).extracting(RestorePlan.PartPlan::name)
                .containsExactly("users", "stacks", "docker-security", "console", "network");
        assertThat(part(plan, "network").preview().changes()).contains("The WiFi passphrase changes.");
        assertThat(part(plan, "network").preview().after()).contains("before-backup").doesNotContain(backedUp.wifi().passphrase());
        assertThat(part(plan, "users").preview().changes()).contains("User 'restore-extra' is removed.");
        assertThat(part(plan, "docker-security").preview().changes()).contains("Non-admins may bind-mount /srv/shared.",
                "Non-admins may no longer bind-mount /srv/other.");

        ApplyState[] awaiting = new ApplyState[1];
        try (var sub = apply.subscribe(state -> {
            if (state.phase() == ApplyState.Phase.AWAITING_CONFIRMATION) {
                awaiting[0] = state;
            }
        })) {
            OperationUpdate done = finish(actions.restore(plan.upload(), Map.of(), "10.9.9.9").completion());
            assertThat(done.status()).as(done.errorMessage()).isEqualTo(OperationStatus.COMPLETED);
            assertThat(done.result()).contains("pre-restore", "keep them within");
            apply.confirm(awaiting[0].id());
        }

        assertThat(network.current()).isEqualTo(backedUp);
        assertThat(dockerPolicy.settings().bindFolders()).containsExactly("/srv/shared");
        assertThat(actions.schedule()).isEqualTo(new BackupSchedule(true, 3, false));
        assertThat(users.find("restore-extra")).isEmpty();
        // the restored schedule is on, so the daily job may add a scheduled backup of its own meanwhile
        assertThat(backups.list()).filteredOn(b -> b.kind().equals(BackupService.PRE_RESTORE)).hasSize((int) preRestoreBefore + 1);
        assertThat(incoming()).as("the upload is deleted after the restore")
                .noneMatch(f -> f.getFileName().toString().equals(plan.upload().id()));
    }

    @Test
    void aBadArchiveIsRefusedAndNothingChanges() throws Exception {
        byte[] archive = download(false);
        network.save(original.withWifi(original.wifi().withSsid("must-stay")));
        NetworkSettings now = network.current();
        int kept = backups.list().size();

        byte[] tampered = archive.clone();
        tampered[tampered.length / 2] ^= 0x20;
        StagedUpload staged = actions.stage(new ByteArrayInputStream(tampered), "tampered.tar.gz");
        assertThatThrownBy(() -> actions.inspect(staged)).isInstanceOf(BackupRefusedException.class)
                .hasMessageMatching("(?s).+");
        StagedUpload cut = actions.stage(new ByteArrayInputStream(Arrays.copyOf(archive, archive.length - 100)), "cut.tar.gz");
        assertThatThrownBy(() -> actions.restore(cut, Map.of(), "")).isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("incomplete");
        assertThatThrownBy(() -> actions.stage(new BrokenUpload(archive), "broken.tar.gz"))
                .isInstanceOf(BackupRefusedException.class).hasMessageContaining("The upload broke off");

        assertThat(network.current()).isEqualTo(now);
        assertThat(backups.list()).as("no pre-restore backup: nothing was started").hasSize(kept);
        assertThat(incoming()).as("refused uploads are deleted").noneMatch(f -> f.getFileName().toString().equals(staged.id())
                || f.getFileName().toString().equals(cut.id()));
        assertThat(actions.runningRestore()).isEmpty();
    }

    @Test
    void aBackupOfAnotherBoxAsksForItsInterfaces() throws Exception {
        NetworkSettings other = original.withLan(original.lan().withIface("wlx-other"))
                .withWifi(new io.miniman.network.settings.WifiSettings("wlx-other", "other-box", "other-passphrase",
                        original.wifi().security(), original.wifi().country(), original.wifi().band(), original.wifi().channel(),
                        false, 32, false, List.of()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BackupWriter.write(out, "0.1", "other-box", java.time.Instant.now(), Map.of("network",
                new VersionedEntries(1, Map.of("settings.json", json.writeValueAsBytes(other)))));

        RestorePlan plan = actions.inspect(actions.stage(new ByteArrayInputStream(out.toByteArray()), "other.tar.gz"));
        assertThat(plan.manifest().hostName()).isEqualTo("other-box");
        List<RestoreChoice> choices = plan.choices();
        assertThat(choices).extracting(RestoreChoice::key).containsExactly("iface:wlx-other");
        assertThat(choices.get(0).options()).contains("wlx-other", "lo");

        assertThatThrownBy(() -> actions.restore(plan.upload(), Map.of(), "")).isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("Not answered").hasMessageContaining("wlx-other");
        assertThatThrownBy(() -> actions.restore(plan.upload(), Map.of("iface:wlx-other", "eth-none"), ""))
                .isInstanceOf(BackupRefusedException.class);

        ApplyState[] awaiting = new ApplyState[1];
        try (var sub = apply.subscribe(state -> {
            if (state.phase() == ApplyState.Phase.AWAITING_CONFIRMATION) {
                awaiting[0] = state;
            }
        })) {
            OperationUpdate done = finish(actions.restore(plan.upload(), Map.of("iface:wlx-other", "lo"), "").completion());
            assertThat(done.status()).as(done.errorMessage()).isEqualTo(OperationStatus.COMPLETED);
            apply.confirm(awaiting[0].id());
        }
        assertThat(network.current().lan().iface()).isEqualTo("lo");
        assertThat(network.current().wifi().iface()).isEqualTo("lo");
        assertThat(network.current().wifi().ssid()).isEqualTo("other-box");
    }

    @Test
    void aSecondRestoreWhileOneRunsIsRefused() throws Exception {
        byte[] archive = download(false);
        CountDownLatch hold = new CountDownLatch(1);
        // the first restore queues behind this on the restore target, so it is still running when the second comes
        operations.submit(OperationType.SYSTEM, "test: hold the restore target", RestoreService.TARGET, ctx -> {
            hold.await(60, TimeUnit.SECONDS);
            return "released";
        });
        StagedUpload first = actions.stage(new ByteArrayInputStream(archive), "first.tar.gz");
        StagedUpload second = actions.stage(new ByteArrayInputStream(archive), "second.tar.gz");
        CompletableFuture<OperationUpdate> running = actions.restore(first, Map.of(), "").completion();
        try {
            assertThatThrownBy(() -> actions.restore(second, Map.of(), "")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("A restore started by admin is still running");
        } finally {
            hold.countDown();
        }
        assertThat(finish(running).status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(actions.runningRestore()).isEmpty();
        actions.discard(second);
    }

    @Test
    void theDailyBackupKeepsTheNewestOnly() {
        backups.prune(BackupService.SCHEDULED, 0);
        BackupSchedule schedule = new BackupSchedule(true, 2, false);
        java.time.Instant now = java.time.Instant.now();
        assertThat(backups.due(schedule, now)).isTrue();
        for (int i = 0; i < 3; i++) {
            backups.storeAndPrune(BackupService.SCHEDULED, false, schedule.keep());
        }
        assertThat(backups.list()).filteredOn(b -> b.kind().equals(BackupService.SCHEDULED)).hasSize(2);
        assertThat(backups.due(schedule, now)).isFalse();
        assertThat(backups.due(schedule, now.plus(Duration.ofHours(25)))).isTrue();
        assertThat(backups.due(new BackupSchedule(false, 2, false), now.plus(Duration.ofHours(25)))).isFalse();
    }

    private byte[] download(boolean withUsers) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        actions.download(out, withUsers);
        return out.toByteArray();
    }

    private static RestorePlan.PartPlan part(RestorePlan plan, String name) {
        return plan.parts().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static OperationUpdate finish(CompletableFuture<OperationUpdate> completion) throws Exception {
        // a bound so a broken build ends, not a timing assertion
        return completion.get(120, TimeUnit.SECONDS);
    }

    private List<Path> incoming() throws IOException {
        Path dir = backups.dir().resolve("incoming");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    /** An upload whose connection drops half-way. */
    private static final class BrokenUpload extends InputStream {
        private final ByteArrayInputStream half;

        BrokenUpload(byte[] archive) {
            this.half = new ByteArrayInputStream(archive, 0, archive.length / 2);
        }

        @Override
        public int read() throws IOException {
            int b = half.read();
            if (b < 0) {
                throw new IOException("connection reset");
            }
            return b;
        }
    }
}
