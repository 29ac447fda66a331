package io.miniman.operation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * Derived queries only, no query text: Spring Data and Hibernate would parse it at start-up with two ANTLR
 * grammars, about a second of the box's start.
 */
interface OperationLogRepository extends JpaRepository<OperationLog, Long>, JpaSpecificationExecutor<OperationLog> {

    List<OperationLog> findByStatusIn(Collection<OperationStatus> statuses);

    long countByStatusAndStartTimeAfter(OperationStatus status, Instant after);

    /** Only the column is read, not the rows' output. */
    List<StartTimeOnly> findByStatusNotInOrderByStartTimeDescIdDesc(Collection<OperationStatus> statuses, Pageable page);

    List<IdOnly> findByStartTimeBeforeAndStatusNotInOrderById(Instant cutoff, Collection<OperationStatus> statuses,
            Pageable page);

    interface StartTimeOnly {
        Instant getStartTime();
    }

    interface IdOnly {
        Long getId();
    }
}
