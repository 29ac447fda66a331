package io.miniman.docker.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "docker_bind_folder")
class BindFolderEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(columnDefinition = "integer")
    private Long id;

    @Column(nullable = false, columnDefinition = "text")
    private String path;

    protected BindFolderEntity() {
    }

    BindFolderEntity(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }
}
