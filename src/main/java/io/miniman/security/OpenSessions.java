package io.miniman.security;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Ends a user's sessions when their account changes. The {@link SessionRegistry} knows which session ids
 * belong to a user; the container's sessions are kept here so they can be invalidated at once, which
 * also closes the Vaadin session (and its push connection) stored in them. Expiring the registry entry
 * as well makes Spring Security's concurrent-session filter refuse a request that raced the invalidation.
 */
@Component
class OpenSessions implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(OpenSessions.class);

    private final SessionRegistry registry;
    private final Set<HttpSession> sessions = ConcurrentHashMap.newKeySet();

    OpenSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.add(event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession());
    }

    @TransactionalEventListener
    void end(AccountChanged change) {
        Set<String> ids = registry.getAllPrincipals().stream()
                .filter(principal -> change.username().equalsIgnoreCase(name(principal)))
                .flatMap(principal -> registry.getAllSessions(principal, false).stream())
                .filter(info -> !info.getSessionId().equals(change.keepSessionId()))
                .peek(SessionInformation::expireNow)
                .map(SessionInformation::getSessionId)
                .collect(Collectors.toSet());
        // the id is read now, not when the session was created: login changes it against fixation
        sessions.stream().filter(session -> ids.contains(session.getId())).forEach(OpenSessions::invalidate);
        if (!ids.isEmpty()) {
            log.info("Ended {} session(s) of {} after a change to the account", ids.size(), change.username());
        }
    }

    private static String name(Object principal) {
        return principal instanceof UserDetails user ? user.getUsername() : String.valueOf(principal);
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // its user signed out or it timed out meanwhile: the same end
        }
    }
}
