package io.miniman.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import io.miniman.InvalidInputException;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * API tokens: a user makes them for themselves, sees each one's value once, and revokes them; an admin
 * revokes anyone's. Only the SHA-256 of a value is stored: the value is 256 random bits, so a plain hash
 * is as good as a slow one and costs nothing per request. A token never acts above its user: each request
 * is capped at the user's role of the moment, and a demotion also lowers the stored role for good.
 */
@Service
public class ApiTokens {

    /** Marks a value as this console's token, so a secret scanner (or a person) can tell what leaked. */
    static final String PREFIX = "mmt_";
    /** How stale "last used" may get: writing it on every request would take SQLite's write lock each time. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final AppUserRepository users;
    private final OperationService operations;
    private final Validator validator;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenRepository tokens, AppUserRepository users, OperationService operations, Validator validator,
            Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.operations = operations;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * A token for the signed-in user. Throws {@link ConstraintViolationException} naming the fields of
     * {@link NewApiToken}. A token may not make tokens: a leaked short-lived one could otherwise renew itself.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public CreatedApiToken create(NewApiToken request) {
        if (org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication() instanceof ApiTokenAuthentication) {
            throw new AccessDeniedException("Tokens are made in the console, not with another token");
        }
        return createFor(CurrentUser.name().orElseThrow(), request);
    }

    /** For provisioning (the {@code token create} verb): no signed-in user, the named user's own limits. */
    @Transactional
    CreatedApiToken createFor(String username, NewApiToken request) {
        valid(request);
        AppUser user = users.findByUsernameIgnoreCase(username == null ? "" : username)
                .filter(AppUser::isEnabled)
                .orElseThrow(() -> new InvalidInputException("username", "No enabled user named " + username));
        if (above(request.role(), user.getRole())) {
            throw new InvalidInputException("role", "A token's role cannot be above its user's (" + user.getRole() + ")");
        }
        if (tokens.existsByUsernameIgnoreCaseAndNameAndRevokedAtIsNull(user.getUsername(), request.name())) {
            throw new InvalidInputException("name", "You already have a token named " + request.name());
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = request.expiresInDays() == null ? null : now.plus(Duration.ofDays(request.expiresInDays()));
        ApiToken token = tokens.save(new ApiToken(user.getUsername(), request.name(), hash(value), request.role(),
                request.readOnly(), now, expires));
        ApiTokenSummary summary = token.toSummary(now);
        operations.record(OperationType.USERS, "create API token", target(user.getUsername()), OperationStatus.COMPLETED,
                "token " + summary.name() + ", " + summary.role() + (summary.readOnly() ? ", read-only" : "")
                        + (expires == null ? ", no expiry" : ", expires " + expires), null);
        return new CreatedApiToken(summary, value);
    }

    @PreAuthorize("isAuthenticated()")
    public List<ApiTokenSummary> own() {
        Instant now = clock.instant();
        return tokens.findByUsernameIgnoreCaseOrderByCreatedAtDesc(CurrentUser.name().orElseThrow()).stream()
                .map(t -> t.toSummary(now)).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<ApiTokenSummary> all() {
        Instant now = clock.instant();
        return tokens.findAllByOrderByCreatedAtDesc().stream().map(t -> t.toSummary(now)).toList();
    }

    /** Revokes one of the user's own tokens, or anyone's for an admin; someone else's is "not found". */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public ApiTokenSummary revoke(long id) {
        String me = CurrentUser.name().orElseThrow();
        ApiToken token = tokens.findById(id)
                .filter(t -> t.getUsername().equalsIgnoreCase(me) || CurrentUser.hasRole(Roles.ADMIN))
                .orElseThrow(() -> new InvalidInputException("id", "No such token: " + id));
        Instant now = clock.instant();
        if (token.getRevokedAt() == null) {
            token.revoke(now);
            operations.record(OperationType.USERS, "revoke API token", target(token.getUsername()),
                    OperationStatus.COMPLETED, "token " + token.getName(), null);
        }
        return token.toSummary(now);
    }

    /**
     * The request's identity for a presented value, if the token is active and its user enabled. The role
     * is the lower of the token's and the user's, so a demotion takes effect on the very next request.
     */
    @Transactional
    public Optional<ApiTokenAuthentication> authenticate(String value) {
        if (value == null || !value.startsWith(PREFIX) || value.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(value)).filter(token -> token.usable(now)).flatMap(token ->
                users.findByUsernameIgnoreCase(token.getUsername()).filter(AppUser::isEnabled).map(user -> {
                    if (token.getLastUsedAt() == null || token.getLastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) {
                        token.setLastUsedAt(now);
                    }
                    Role role = above(token.getRole(), user.getRole()) ? user.getRole() : token.getRole();
                    return new ApiTokenAuthentication(user.getUsername(), token.getId(), token.getName(), role,
                            token.isReadOnly());
                }));
    }

    /**
     * A deleted or disabled user's tokens are revoked; a demoted user's are lowered to the new role. Runs
     * after the change commits, in a transaction of its own.
     */
    @TransactionalEventListener
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    void accountChanged(AccountChanged change) {
        Optional<AppUser> user = users.findByUsernameIgnoreCase(change.username()).filter(AppUser::isEnabled);
        Instant now = clock.instant();
        for (ApiToken token : tokens.findByUsernameIgnoreCaseOrderByCreatedAtDesc(change.username())) {
            if (token.getRevokedAt() != null) {
                continue;
            }
            if (user.isEmpty()) {
                token.revoke(now);
            } else if (above(token.getRole(), user.get().getRole())) {
                token.setRole(user.get().getRole());
            }
        }
    }

    /** Whether {@code role} may do more than {@code limit} (ADMIN above OPERATOR above VIEWER). */
    static boolean above(Role role, Role limit) {
        return role.ordinal() < limit.ordinal();
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static OperationTarget target(String username) {
        return OperationTarget.of(OperationTarget.Kind.USER, username);
    }

    private <T> void valid(T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
