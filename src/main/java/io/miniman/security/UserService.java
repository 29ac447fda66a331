package io.miniman.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.miniman.InvalidInputException;
import io.miniman.operation.LoggedOperation;
import io.miniman.operation.OperationType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * Users and their roles. The last enabled ADMIN can never be deleted, disabled or demoted. A change that
 * takes rights or a password away publishes {@link AccountChanged}, which ends that user's sessions.
 */
@Service
public class UserService {

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final Validator validator;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UserService(AppUserRepository users, PasswordEncoder encoder, Validator validator, Clock clock,
            ApplicationEventPublisher events) {
        this.users = users;
        this.encoder = encoder;
        this.validator = validator;
        this.clock = clock;
        this.events = events;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<UserSummary> list() {
        return users.findAll(Sort.by("username")).stream().map(AppUser::toSummary).toList();
    }

    public Optional<UserSummary> find(String username) {
        return users.findByUsernameIgnoreCase(username).map(AppUser::toSummary);
    }

    /** Throws {@link ConstraintViolationException} naming the fields of {@link NewUser}. */
    @PreAuthorize("hasRole('ADMIN')")
    @LoggedOperation(type = OperationType.USERS, name = "create user", targetArg = 0)
    @Transactional
    public UserSummary create(String username, Role role, String initialPassword) {
        NewUser user = valid(new NewUser(username, role, initialPassword));
        // a password set by an admin is known to two people: its owner replaces it at first login
        return users.save(new AppUser(user.username(), encoder.encode(user.password()), user.role(), true, clock.instant()))
                .toSummary();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @LoggedOperation(type = OperationType.USERS, name = "change role", targetArg = 0)
    @Transactional
    public UserSummary changeRole(String username, Role role) {
        AppUser user = require(username);
        if (user.getRole() == Role.ADMIN && role != Role.ADMIN) {
            guardLastAdmin(user, "demoted");
        }
        if (user.getRole() != role) {
            user.setRole(role);
            // the open sessions hold the old role's authorities: a demoted user would keep them
            events.publishEvent(AccountChanged.of(user.getUsername()));
        }
        return user.toSummary();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @LoggedOperation(type = OperationType.USERS, name = "enable or disable user", targetArg = 0)
    @Transactional
    public UserSummary setEnabled(String username, boolean enabled) {
        AppUser user = require(username);
        if (!enabled) {
            guardLastAdmin(user, "disabled");
        }
        user.setEnabled(enabled);
        if (!enabled) {
            events.publishEvent(AccountChanged.of(user.getUsername()));
        }
        return user.toSummary();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @LoggedOperation(type = OperationType.USERS, name = "delete user", targetArg = 0)
    @Transactional
    public String delete(String username) {
        AppUser user = require(username);
        guardLastAdmin(user, "deleted");
        users.delete(user);
        events.publishEvent(AccountChanged.of(user.getUsername()));
        return "deleted " + user.getUsername();
    }

    /** Throws {@link ConstraintViolationException} naming the fields of {@link PasswordReset}. */
    @PreAuthorize("hasRole('ADMIN')")
    @LoggedOperation(type = OperationType.USERS, name = "reset password", targetArg = 0)
    @Transactional
    public String resetPassword(String username, String newPassword) {
        AppUser user = require(username);
        valid(new PasswordReset(user.getUsername(), newPassword));
        user.setPassword(encoder.encode(newPassword), true);
        events.publishEvent(new AccountChanged(user.getUsername(), true, null));
        return "password reset; " + user.getUsername() + " must choose a new one at next login";
    }

    /**
     * The signed-in user replaces their own password (the forced first-login change, or later at will);
     * throws {@link ConstraintViolationException} naming the fields of {@link PasswordChange}.
     */
    @PreAuthorize("isAuthenticated()")
    @LoggedOperation(type = OperationType.USERS, name = "change own password")
    @Transactional
    public String changeOwnPassword(PasswordChange change) {
        String name = CurrentUser.name().orElseThrow(() -> new IllegalStateException("not signed in"));
        AppUser user = require(name);
        valid(change);
        user.setPassword(encoder.encode(change.newPassword()), false);
        // whoever else knew the old password is signed out; the session that changed it stays
        events.publishEvent(new AccountChanged(user.getUsername(), true, currentSessionId()));
        return "password changed";
    }

    public boolean mustChangePassword(String username) {
        return users.findByUsernameIgnoreCase(username).map(AppUser::isMustChangePassword).orElse(false);
    }

    public Optional<java.time.Instant> operationsSeenAt(String username) {
        return users.findByUsernameIgnoreCase(username).map(AppUser::getOperationsSeenAt);
    }

    @Transactional
    public void markOperationsSeen(String username) {
        users.findByUsernameIgnoreCase(username).ifPresent(user -> user.setOperationsSeenAt(clock.instant()));
    }

    /** SYSTEM for anyone not signed in or unknown, so the login page follows the device. */
    public ThemeChoice themeOf(String username) {
        return username == null ? ThemeChoice.SYSTEM
                : users.findByUsernameIgnoreCase(username).map(AppUser::getTheme).orElse(ThemeChoice.SYSTEM);
    }

    /** A display preference of the signed-in user, not a change to the box: no operation row. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void chooseTheme(ThemeChoice theme) {
        if (theme == null) {
            throw new InvalidInputException("theme", "Choose Light, Dark or System");
        }
        require(CurrentUser.name().orElse(null)).setTheme(theme);
    }

    /** The one check of a form's record, here so every caller (view, REST) gets the same field errors. */
    private <T> T valid(T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            var session = request.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }

    private AppUser require(String username) {
        return users.findByUsernameIgnoreCase(username == null ? "" : username)
                .orElseThrow(() -> new InvalidInputException("username", "No such user: " + username));
    }

    private void guardLastAdmin(AppUser user, String what) {
        if (user.getRole() == Role.ADMIN && user.isEnabled() && users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
            throw new InvalidInputException("role", "The last enabled ADMIN cannot be " + what);
        }
    }
}
