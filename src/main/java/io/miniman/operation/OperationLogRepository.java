package io.miniman.operation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface OperationLogRepository extends JpaRepository<OperationLog, Long>, JpaSpecificationExecutor<OperationLog> {

    @Modifying
    @Transactional
    @Query("update OperationLog o set o.status = io.miniman.operation.OperationStatus.FAILED, o.endTime = :now, "
            + "o.errorMessage = :reason where o.status in :statuses")
    int failAll(Collection<OperationStatus> statuses, Instant now, String reason);

    long countByStatusAndStartTimeAfter(OperationStatus status, Instant after);

    @Query("select o.startTime from OperationLog o where o.status not in :unfinished order by o.startTime desc, o.id desc")
    List<Instant> finishedStartTimesNewestFirst(Collection<OperationStatus> unfinished, Pageable page);

    @Query("select o.id from OperationLog o where o.startTime < :cutoff and o.status not in :unfinished order by o.id")
    List<Long> finishedIdsStartedBefore(Instant cutoff, Collection<OperationStatus> unfinished, Pageable page);

}
