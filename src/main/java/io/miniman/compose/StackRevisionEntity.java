package io.miniman.compose;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "stack_revision")
class StackRevisionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(columnDefinition = "integer")
    private Long id;

    @Column(nullable = false, length = 63)
    private String stack;

    @Column(name = "created_at", nullable = false, columnDefinition = "integer")
    private long createdAt;

    @Column(nullable = false, length = 64)
    private String author;

    @Column(nullable = false, columnDefinition = "text")
    private String compose;

    @Column(nullable = false, columnDefinition = "text")
    private String env;

    @Column(nullable = false, length = 200)
    private String summary;

    protected StackRevisionEntity() {
    }

    StackRevisionEntity(String stack, Instant createdAt, String author, StackText text, String summary) {
        this.stack = stack;
        this.createdAt = createdAt.toEpochMilli();
        this.author = author;
        this.compose = text.compose();
        this.env = text.env();
        this.summary = summary;
    }

    StackRevision toRecord() {
        return new StackRevision(id, stack, Instant.ofEpochMilli(createdAt), author, new StackText(compose, env), summary);
    }
}
