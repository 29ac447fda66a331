package io.miniman.system.backup;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface BackupSettingsRepository extends JpaRepository<BackupSettingsEntity, Long> {

    Optional<BackupSettingsEntity> findFirstByOrderByIdDesc();
}
