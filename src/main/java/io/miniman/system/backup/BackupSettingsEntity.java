package io.miniman.system.backup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "backup_settings")
class BackupSettingsEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(columnDefinition = "integer")
    private Long id;

    @Column(name = "settings_json", nullable = false, columnDefinition = "text")
    private String settingsJson;

    @Column(name = "updated_at", nullable = false, columnDefinition = "integer")
    private long updatedAt;

    protected BackupSettingsEntity() {
    }

    BackupSettingsEntity(String settingsJson, long updatedAt) {
        this.settingsJson = settingsJson;
        this.updatedAt = updatedAt;
    }

    String settingsJson() {
        return settingsJson;
    }

    void update(String json, long at) {
        this.settingsJson = json;
        this.updatedAt = at;
    }
}
