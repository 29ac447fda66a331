package io.miniman.operation.alert;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AlertChannelRepository extends JpaRepository<AlertChannel, Long> {

    List<AlertChannel> findAllByOrderByNameAsc();

    Optional<AlertChannel> findByName(String name);
}
