package io.miniman.compose;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface StackRevisionRepository extends JpaRepository<StackRevisionEntity, Long>,
        JpaSpecificationExecutor<StackRevisionEntity> {

    List<StackRevisionEntity> findByStackOrderByIdDesc(String stack, Pageable page);

    /** A bulk delete (a derived one would read every row first). */
    default long deleteOlderThan(String stack, long id) {
        return delete((row, query, cb) -> cb.and(cb.equal(row.get("stack"), stack), cb.lessThan(row.get("id"), id)));
    }
}
