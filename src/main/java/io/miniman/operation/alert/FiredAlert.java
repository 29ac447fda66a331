package io.miniman.operation.alert;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "alert")
class FiredAlert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(columnDefinition = "integer")
    private Long id;

    @Column(name = "rule_name", nullable = false, length = 64)
    private String rule;

    @Column(nullable = false, length = 2000)
    private String message;

    @Column(name = "match_count", columnDefinition = "integer")
    private int count;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "operation_id", columnDefinition = "integer")
    private Long operationId;

    @Column(name = "in_app")
    private boolean inApp;

    protected FiredAlert() {
    }

    FiredAlert(String rule, String message, int count, Instant createdAt, Long operationId, boolean inApp) {
        this.rule = rule;
        this.message = message.length() <= 2000 ? message : message.substring(0, 1999) + "…";
        this.count = count;
        this.createdAt = createdAt;
        this.operationId = operationId;
        this.inApp = inApp;
    }

    AlertNotice toNotice() {
        return new AlertNotice(id, rule, message, count, createdAt, operationId, inApp);
    }
}
