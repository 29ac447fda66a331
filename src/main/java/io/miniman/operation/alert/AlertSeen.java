package io.miniman.operation.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The newest alert a user has read; the bell counts the in-app alerts after it. */
@Entity
@Table(name = "alert_seen")
class AlertSeen {

    @Id
    @Column(length = 64)
    private String username;

    @Column(name = "alert_id", columnDefinition = "integer")
    private long alertId;

    protected AlertSeen() {
    }

    AlertSeen(String username, long alertId) {
        this.username = username;
        this.alertId = alertId;
    }

    long getAlertId() {
        return alertId;
    }

    void setAlertId(long alertId) {
        this.alertId = alertId;
    }
}
