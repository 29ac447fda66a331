package io.miniman.network.store;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface NetworkSettingsRepository extends JpaRepository<NetworkSettingsEntity, Long> {

    Optional<NetworkSettingsEntity> findFirstByOrderByIdDesc();
}
