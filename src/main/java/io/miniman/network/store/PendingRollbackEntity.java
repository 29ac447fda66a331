package io.miniman.network.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "network_pending_rollback")
class PendingRollbackEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(columnDefinition = "integer")
    private Long id;

    @Column(name = "snapshot_json", nullable = false, columnDefinition = "text")
    private String snapshotJson;

    @Column(name = "created_at", nullable = false, columnDefinition = "integer")
    private long createdAt;

    protected PendingRollbackEntity() {
    }

    PendingRollbackEntity(String snapshotJson, long createdAt) {
        this.snapshotJson = snapshotJson;
        this.createdAt = createdAt;
    }

    String snapshotJson() {
        return snapshotJson;
    }
}
