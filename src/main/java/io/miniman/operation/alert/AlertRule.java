package io.miniman.operation.alert;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import io.miniman.operation.OperationType;

@Entity
@Table(name = "alert_rule")
class AlertRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(columnDefinition = "integer")
    private Long id;

    @Column(nullable = false, length = 64)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private RuleKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "operation_type", length = 16)
    private OperationType operationType;

    @Column(name = "operation_name", length = 100)
    private String operationName;

    @Column(columnDefinition = "integer")
    private Integer threshold;

    @Column(name = "window_minutes", columnDefinition = "integer")
    private Integer minutes;

    @Column(name = "quiet_minutes", columnDefinition = "integer")
    private int quietMinutes;

    private boolean enabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "alert_rule_channel", joinColumns = @JoinColumn(name = "rule_id", columnDefinition = "integer"))
    @Column(name = "channel_id", columnDefinition = "integer")
    private Set<Long> channelIds = new HashSet<>();

    protected AlertRule() {
    }

    AlertRule(RuleSpec spec) {
        apply(spec);
    }

    void apply(RuleSpec spec) {
        name = spec.name();
        kind = spec.kind();
        operationType = spec.operationType();
        operationName = spec.operationName();
        threshold = spec.threshold();
        minutes = spec.minutes();
        quietMinutes = spec.quietMinutes();
        enabled = spec.enabled();
        channelIds.clear();
        channelIds.addAll(spec.channelIds());
    }

    RuleSpec toSpec() {
        return new RuleSpec(id, name, kind, operationType, operationName, threshold, minutes, quietMinutes, channelIds, enabled);
    }

    Long getId() {
        return id;
    }

    Set<Long> getChannelIds() {
        return channelIds;
    }
}
