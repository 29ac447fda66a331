package io.miniman.operation;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who reads the operation log, and what of a row they may see. Every VIEWER reads the log, but the details
 * of some Docker work carry build output and command lines: those are shown to admins and to the row's
 * author only.
 */
public record OperationReader(String name, boolean admin) {

    /** Docker operations whose details are the work's own output (see ImageActions, ContainerActions). */
    static final Set<String> PRIVATE_DETAILS = Set.of("Build image", "Run command in container");

    // the role's authority spelled out: io.miniman.security depends on this package, not the reverse
    private static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

    /** The signed-in reader; empty for the console's own work (no user), which reads everything. */
    public static Optional<OperationReader> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> ADMIN_AUTHORITY.equals(a.getAuthority()));
        return Optional.of(new OperationReader(auth.getName(), admin));
    }

    /** The row as this reader may see it: private details blanked for anyone but an admin or the author. */
    public OperationUpdate shown(OperationUpdate row) {
        if (admin || row.details() == null || !hasPrivateDetails(row) || authoredBy(row)) {
            return row;
        }
        return new OperationUpdate(row.id(), row.type(), row.name(), row.target(), row.status(), row.user(),
                row.startTime(), row.endTime(), null, row.result(), row.errorMessage());
    }

    /** The reader's own row, signed in the console or through one of their API tokens ("alice (token ci)"). */
    private boolean authoredBy(OperationUpdate row) {
        return row.user().equals(name) || row.user().startsWith(name + " (token ");
    }

    static boolean hasPrivateDetails(OperationUpdate row) {
        return row.type() == OperationType.DOCKER && PRIVATE_DETAILS.contains(row.name());
    }

    /** As the signed-in reader may see it (the console's own work sees all). */
    static OperationUpdate shownToCurrent(OperationUpdate row) {
        return current().map(reader -> reader.shown(row)).orElse(row);
    }
}
