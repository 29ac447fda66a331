package io.miniman.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.miniman.config.MinimanProperties;
import io.miniman.config.StartupRefusedException;
import io.miniman.host.HostFiles;

/**
 * On an empty database: user {@code admin} with MINIMAN_ADMIN_PASSWORD, or a random password written
 * once to {@code <data-dir>/initial-admin-password} (0600). Either way the first login must replace
 * it; once it is replaced the file goes, so a stale password does not lie around on the card.
 */
@Component
class InitialAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    static final String USERNAME = "admin";
    static final String PASSWORD_FILE = "initial-admin-password";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final MinimanProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    InitialAdmin(AppUserRepository users, PasswordEncoder encoder, PasswordPolicy policy, MinimanProperties properties,
            Clock clock, TransactionTemplate transaction) {
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> {
            if (users.anyUser()) {
                return;
            }
            String given = properties.adminPassword();
            boolean random = given == null || given.isBlank();
            String password = random ? randomPassword() : given;
            if (!random) {
                policy.problem(USERNAME, password).ifPresent(problem -> {
                    throw new StartupRefusedException("MINIMAN_ADMIN_PASSWORD does not pass the password policy: "
                            + problem, "Set a stronger MINIMAN_ADMIN_PASSWORD, or unset it to get a random one");
                });
            }
            users.save(new AppUser(USERNAME, encoder.encode(password), Role.ADMIN, true, clock.instant()));
            if (random) {
                HostFiles.atomicWrite(passwordFile(), (password + "\n").getBytes(StandardCharsets.UTF_8), "rw-------");
                // the log may be collected or shipped; the file is readable by root and the service user only
                log.warn("First run: user 'admin' created; its password is in {}. The first login must change it.",
                        passwordFile().toAbsolutePath());
            } else {
                log.info("First run: user 'admin' created with the password from MINIMAN_ADMIN_PASSWORD; the first login must change it");
            }
        });
    }

    @TransactionalEventListener
    void forgetInitialPassword(AccountChanged change) {
        if (!change.passwordReplaced() || !USERNAME.equalsIgnoreCase(change.username())) {
            return;
        }
        try {
            if (Files.deleteIfExists(passwordFile())) {
                log.info("The initial admin password was replaced; {} is deleted", passwordFile().toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path passwordFile() {
        return properties.dataDir().resolve(PASSWORD_FILE);
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
