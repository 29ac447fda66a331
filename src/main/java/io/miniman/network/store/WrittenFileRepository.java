package io.miniman.network.store;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface WrittenFileRepository extends JpaRepository<WrittenFileEntity, Long> {

    Optional<WrittenFileEntity> findByDevicePath(String devicePath);
}
