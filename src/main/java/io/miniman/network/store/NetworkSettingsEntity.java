package io.miniman.network.store;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.miniman.config.JsonSettingsRow;

@Entity
@Table(name = "network_settings")
class NetworkSettingsEntity extends JsonSettingsRow {

    protected NetworkSettingsEntity() {
    }

    NetworkSettingsEntity(String settingsJson, long updatedAt) {
        super(settingsJson, updatedAt);
    }
}
