package io.miniman.operation.alert;

import org.springframework.data.jpa.repository.JpaRepository;

interface AlertSeenRepository extends JpaRepository<AlertSeen, String> {
}
