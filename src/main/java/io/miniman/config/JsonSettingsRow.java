package io.miniman.config;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A feature's settings kept as one JSON document in a table of its own (the newest row is current):
 * the record is the source of truth and validated before it is stored, so the table needs no columns per field.
 */
@MappedSuperclass
public abstract class JsonSettingsRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(columnDefinition = "integer")
    private Long id;

    @Column(name = "settings_json", nullable = false, columnDefinition = "text")
    private String settingsJson;

    @Column(name = "updated_at", nullable = false, columnDefinition = "integer")
    private long updatedAt;

    protected JsonSettingsRow() {
    }

    protected JsonSettingsRow(String settingsJson, long updatedAt) {
        this.settingsJson = settingsJson;
        this.updatedAt = updatedAt;
    }

    public String settingsJson() {
        return settingsJson;
    }

    public void update(String json, long at) {
        this.settingsJson = json;
        this.updatedAt = at;
    }
}
