package io.miniman.docker.security;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface BindFolderRepository extends JpaRepository<BindFolderEntity, Long>, JpaSpecificationExecutor<BindFolderEntity> {

    /**
     * At once, in one statement, as the new rows that follow may repeat a deleted path (Hibernate would
     * flush them before a pending delete); built with the Criteria API, where deleteAllInBatch is query text.
     */
    default void deleteEvery() {
        delete((row, query, cb) -> cb.conjunction());
    }
}
