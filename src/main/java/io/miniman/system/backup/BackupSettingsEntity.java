package io.miniman.system.backup;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.miniman.config.JsonSettingsRow;

@Entity
@Table(name = "backup_settings")
class BackupSettingsEntity extends JsonSettingsRow {

    protected BackupSettingsEntity() {
    }

    BackupSettingsEntity(String settingsJson, long updatedAt) {
        super(settingsJson, updatedAt);
    }
}
