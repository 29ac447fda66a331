package io.miniman.network.store;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PendingRollbackRepository extends JpaRepository<PendingRollbackEntity, Long> {

    Optional<PendingRollbackEntity> findFirstByOrderByIdDesc();
}
