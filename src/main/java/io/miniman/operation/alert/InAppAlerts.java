package io.miniman.operation.alert;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.miniman.Listeners;
import io.miniman.Subscription;

/** The header bell: in-app alerts the signed-in user has not read yet, and a feed of new ones. */
@Service
public class InAppAlerts {

    private final FiredAlertRepository alerts;
    private final AlertSeenRepository seen;
    private final Listeners<AlertNotice> listeners = new Listeners<>("alerts");

    InAppAlerts(FiredAlertRepository alerts, AlertSeenRepository seen) {
        this.alerts = alerts;
        this.seen = seen;
    }

    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
    public List<AlertNotice> unread(int limit) {
        return alerts.findByInAppTrueAndIdGreaterThanOrderByIdDesc(lastSeen(), PageRequest.of(0, limit)).stream()
                .map(FiredAlert::toNotice).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
    public long unreadCount() {
        return alerts.countByInAppTrueAndIdGreaterThan(lastSeen());
    }

    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
    @Transactional
    public void markRead(long upToId) {
        String user = user();
        AlertSeen row = seen.findById(user).orElseGet(() -> new AlertSeen(user, 0));
        row.setAlertId(Math.max(row.getAlertId(), upToId));
        seen.save(row);
    }

    /** New in-app alerts as they fire (on the alert thread: views hand them to their UI). */
    public Subscription subscribe(Consumer<AlertNotice> listener) {
        return listeners.add(listener);
    }

    void publish(AlertNotice notice) {
        listeners.publish(notice);
    }

    private long lastSeen() {
        return seen.findById(user()).map(AlertSeen::getAlertId).orElse(0L);
    }

    private static String user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getName() == null) {
            throw new IllegalStateException("no signed-in user");
        }
        return auth.getName();
    }
}
