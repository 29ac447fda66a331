package io.miniman.operation.alert;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface FiredAlertRepository extends JpaRepository<FiredAlert, Long> {

    List<FiredAlert> findByInAppTrueAndIdGreaterThanOrderByIdDesc(long afterId, Pageable page);

    long countByInAppTrueAndIdGreaterThan(long afterId);

    List<FiredAlert> findAllByOrderByIdDesc(Pageable page);
}
