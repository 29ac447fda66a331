package io.miniman.network.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "network_written_file")
class WrittenFileEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(columnDefinition = "integer")
    private Long id;

    @Column(name = "device_path", nullable = false, unique = true, columnDefinition = "text")
    private String devicePath;

    @Column(nullable = false, columnDefinition = "text")
    private String content;

    @Column(name = "written_at", nullable = false, columnDefinition = "integer")
    private long writtenAt;

    protected WrittenFileEntity() {
    }

    WrittenFileEntity(String devicePath) {
        this.devicePath = devicePath;
    }

    String devicePath() {
        return devicePath;
    }

    String content() {
        return content;
    }

    void update(String value, long at) {
        this.content = value;
        this.writtenAt = at;
    }
}
