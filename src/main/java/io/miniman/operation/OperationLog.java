package io.miniman.operation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The seed's SystemOperationLog row. Texts are stored already redacted and bounded. */
@Entity
@Table(name = "operation_log")
class OperationLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(columnDefinition = "integer")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "operation_type", nullable = false, length = 16)
    private OperationType type;

    @Column(name = "operation_name", nullable = false, length = 100)
    private String name;

    @Column(length = 160)
    private String target;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_kind", length = 24)
    private OperationTarget.Kind targetKind;

    @Column(name = "target_id", length = 128)
    private String targetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OperationStatus status;

    @Column(columnDefinition = "text")
    private String details;

    @Column(name = "start_time", nullable = false)
    private Instant startTime;

    @Column(name = "end_time")
    private Instant endTime;

    @Column(name = "username", length = 64)
    private String user;

    @Column(columnDefinition = "text")
    private String result;

    @Column(name = "error_message", columnDefinition = "text")
    private String errorMessage;

    protected OperationLog() {
    }

    OperationLog(OperationType type, String name, OperationTarget target, OperationStatus status, String user,
            Instant startTime) {
        this.type = type;
        this.name = name;
        if (target != null) {
            this.target = target.toString();
            this.targetKind = target.kind();
            this.targetId = target.id();
        }
        this.status = status;
        this.user = user;
        this.startTime = startTime;
    }

    OperationUpdate toUpdate() {
        return new OperationUpdate(id, type, name, target, status, user, startTime, endTime, details, result, errorMessage);
    }

    Long getId() {
        return id;
    }

    OperationStatus getStatus() {
        return status;
    }

    void setStatus(OperationStatus status) {
        this.status = status;
    }

    void setDetails(String details) {
        this.details = details;
    }

    void finish(OperationStatus status, Instant endTime, String result, String errorMessage) {
        this.status = status;
        this.endTime = endTime;
        this.result = result;
        this.errorMessage = errorMessage;
    }

    /** Failed at {@code at}, keeping what it had reported: the run that was doing it stopped. */
    void interrupt(Instant at, String reason) {
        this.status = OperationStatus.FAILED;
        this.endTime = at;
        this.errorMessage = reason;
    }
}
