package io.miniman.security;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.miniman.CliVerb;
import io.miniman.InvalidInputException;
import jakarta.validation.ConstraintViolationException;

/**
 * {@code token create --user NAME --name LABEL [--expires 30d] [--read-only] [--role ROLE]}: a token for
 * provisioning and automation. The value alone goes to standard output (so {@code TOKEN=$(...)} works),
 * once; what it is goes to standard error.
 */
@Component
class TokenCommand implements CliVerb {

    static final String USAGE = "token create --user NAME --name LABEL [--expires 30d|never] [--read-only] [--role ADMIN|OPERATOR|VIEWER]";
    private static final int DEFAULT_DAYS = 30;

    private final ApiTokens tokens;
    private final AppUserRepository users;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    TokenCommand(ApiTokens tokens, AppUserRepository users) {
        this(tokens, users, System.out, System.err);
    }

    TokenCommand(ApiTokens tokens, AppUserRepository users, PrintStream out, PrintStream err) {
        this.tokens = tokens;
        this.users = users;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "token";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(String[] args) {
        Optional<Request> parsed = parse(args);
        if (parsed.isEmpty()) {
            err.println("usage: " + USAGE);
            return 2;
        }
        Request request = parsed.get();
        Optional<Role> userRole = users.findByUsernameIgnoreCase(request.user()).map(AppUser::getRole);
        if (userRole.isEmpty()) {
            err.println("token: no user named " + request.user());
            return 2;
        }
        Role role = request.role() == null ? userRole.get() : request.role();
        try {
            CreatedApiToken created = tokens.createFor(request.user(),
                    new NewApiToken(request.name(), role, request.days(), request.readOnly()));
            ApiTokenSummary token = created.token();
            err.println("token " + token.name() + " for " + token.username() + ", " + token.role()
                    + (token.readOnly() ? ", read-only" : "")
                    + (token.expiresAt() == null ? ", no expiry" : ", expires " + token.expiresAt())
                    + ". It is shown this once: store it now.");
            out.println(created.value());
            return 0;
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().forEach(v -> err.println("token: " + v.getPropertyPath() + ": " + v.getMessage()));
            return 2;
        } catch (InvalidInputException e) {
            err.println("token: " + e.getMessage());
            return 2;
        }
    }

    record Request(String user, String name, Integer days, boolean readOnly, Role role) {
    }

    /** Empty for anything but a well-formed {@code create}; {@code --expires} takes days ("30d" or "30") or "never". */
    static Optional<Request> parse(String[] args) {
        if (args.length == 0 || !args[0].equals("create")) {
            return Optional.empty();
        }
        String user = null;
        String name = null;
        Integer days = DEFAULT_DAYS;
        boolean readOnly = false;
        Role role = null;
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--user" -> user = args[++i];
                    case "--name" -> name = args[++i];
                    case "--read-only" -> readOnly = true;
                    case "--role" -> role = Role.valueOf(args[++i].toUpperCase(Locale.ROOT));
                    case "--expires" -> {
                        String value = args[++i];
                        days = value.equals("never") ? null : Integer.valueOf(value.replaceFirst("d$", ""));
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return user == null || name == null ? Optional.empty() : Optional.of(new Request(user, name, days, readOnly, role));
    }
}
