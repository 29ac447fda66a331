package io.miniman.system.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The stored {@link BackupSchedule}; the defaults until someone saves one. */
@Component
class BackupScheduleStore {

    private final BackupSettingsRepository repository;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;

    BackupScheduleStore(BackupSettingsRepository repository, ObjectMapper json, Validator validator, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    BackupSchedule current() {
        return repository.findFirstByOrderByIdDesc().map(entity -> parse(entity.settingsJson().getBytes(StandardCharsets.UTF_8)))
                .orElse(BackupSchedule.DEFAULTS);
    }

    @Transactional
    void save(BackupSchedule schedule) {
        Set<ConstraintViolation<BackupSchedule>> violations = validator.validate(schedule);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String text = new String(write(schedule), StandardCharsets.UTF_8);
        BackupSettingsEntity entity = repository.findFirstByOrderByIdDesc()
                .orElseGet(() -> new BackupSettingsEntity(text, clock.millis()));
        entity.update(text, clock.millis());
        repository.save(entity);
    }

    byte[] write(BackupSchedule schedule) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(schedule);
        } catch (IOException e) {
            throw new IllegalStateException("the backup schedule cannot be written as JSON", e);
        }
    }

    BackupSchedule parse(byte[] bytes) {
        try {
            return json.readValue(bytes, BackupSchedule.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("the backup schedule is not readable: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }
}
