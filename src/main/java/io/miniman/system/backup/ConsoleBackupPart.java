package io.miniman.system.backup;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.miniman.backup.BackupPart;
import io.miniman.backup.PartPreview;
import io.miniman.backup.RestoreContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/**
 * The console's own settings kept in its database: today the backup schedule. Settings from
 * {@code application.properties} or the environment belong to the installation, not to a backup.
 */
@Component
class ConsoleBackupPart implements BackupPart {

    static final String ENTRY = "backup-schedule.json";

    private final BackupScheduleStore schedule;
    private final Validator validator;

    ConsoleBackupPart(BackupScheduleStore schedule, Validator validator) {
        this.schedule = schedule;
        this.validator = validator;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public String title() {
        return "Console settings";
    }

    @Override
    public int restoreOrder() {
        return 500;
    }

    @Override
    public Map<String, byte[]> export() {
        return Map.of(ENTRY, schedule.write(schedule.current()));
    }

    @Override
    public PartPreview preview(Map<String, byte[]> entries) {
        return new PartPreview(text(schedule.current()), text(parse(entries)), List.of(), List.of());
    }

    @Override
    public String restore(Map<String, byte[]> entries, RestoreContext context) {
        BackupSchedule restored = parse(entries);
        schedule.save(restored);
        return "backup schedule: " + text(restored);
    }

    private BackupSchedule parse(Map<String, byte[]> entries) {
        byte[] bytes = entries.get(ENTRY);
        if (bytes == null) {
            throw new IllegalArgumentException("the console part has no " + ENTRY);
        }
        BackupSchedule restored = schedule.parse(bytes);
        Set<ConstraintViolation<BackupSchedule>> violations = validator.validate(restored);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("the backup schedule is not valid: " + violations.iterator().next().getMessage());
        }
        return restored;
    }

    private static String text(BackupSchedule s) {
        return (s.enabled() ? "daily backup on" : "daily backup off") + ", keep " + s.keep()
                + (s.includeUsers() ? ", with user accounts" : ", without user accounts");
    }
}
