package io.miniman.system.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

import io.miniman.operation.LoggedOperation;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Everything on the Backup page, for admins only: an archive holds the WiFi passphrase and password hashes. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class BackupActions {

    static final OperationTarget STORE = OperationTarget.of(OperationTarget.Kind.SETTINGS, "backups", "backups");

    private final BackupService backups;
    private final RestoreService restores;
    private final BackupScheduleStore schedule;
    private final OperationService operations;

    BackupActions(BackupService backups, RestoreService restores, BackupScheduleStore schedule, OperationService operations) {
        this.backups = backups;
        this.restores = restores;
        this.schedule = schedule;
        this.operations = operations;
    }

    /** Streams a backup of the current state to a download; logged, as it carries secrets off the box. */
    public void download(OutputStream out, boolean withUsers) throws IOException {
        BackupManifest manifest = backups.write(out, withUsers);
        operations.record(OperationType.SYSTEM, "Download backup", STORE, OperationStatus.COMPLETED,
                String.join(", ", manifest.parts().keySet()), null);
    }

    public String downloadName() {
        return backups.downloadName();
    }

    public InputStream open(String name) throws IOException {
        return backups.open(name);
    }

    public OperationHandle backUpNow(boolean withUsers) {
        return operations.submit(OperationType.SYSTEM, "Back up now", STORE,
                ctx -> backups.storeAndPrune(BackupService.MANUAL, withUsers, schedule.current().keep()));
    }

    @LoggedOperation(type = OperationType.SYSTEM, name = "Delete backup")
    public String delete(String name) {
        backups.delete(name);
        return "deleted " + name;
    }

    public BackupSchedule schedule() {
        return schedule.current();
    }

    @LoggedOperation(type = OperationType.SYSTEM, name = "Save backup schedule")
    public String saveSchedule(BackupSchedule value) {
        schedule.save(value);
        return (value.enabled() ? "daily, keep " + value.keep() : "off") + (value.includeUsers() ? ", with users" : "");
    }

    public StagedUpload stage(InputStream in, String fileName) {
        return restores.stage(in, fileName);
    }

    public StagedUpload stageStored(String name) {
        return restores.stageStored(name);
    }

    public RestorePlan inspect(StagedUpload upload) {
        try {
            return restores.inspect(upload);
        } catch (BackupRefusedException e) {
            restores.discard(upload.id());
            throw e;
        }
    }

    public OperationHandle restore(StagedUpload upload, Map<String, String> answers, String remoteAddress) {
        return restores.restore(upload, answers, remoteAddress);
    }

    public void discard(StagedUpload upload) {
        restores.discard(upload.id());
    }

    public Optional<String> runningRestore() {
        return restores.running();
    }
}
