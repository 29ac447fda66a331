package io.miniman.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.miniman.config.MinimanProperties;
import io.miniman.host.HostFiles;

/**
 * On an empty database: user {@code admin} with MINIMAN_ADMIN_PASSWORD, or a random password written
 * once to {@code <data-dir>/initial-admin-password} (0600) and logged once. Either way the first login
 * must replace it.
 */
@Component
class InitialAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    static final String PASSWORD_FILE = "initial-admin-password";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final MinimanProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    InitialAdmin(AppUserRepository users, PasswordEncoder encoder, MinimanProperties properties, Clock clock,
            TransactionTemplate transaction) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> {
            if (users.count() > 0) {
                return;
            }
            String given = properties.adminPassword();
            String password = given == null || given.isBlank() ? randomPassword() : given;
            users.save(new AppUser("admin", encoder.encode(password), Role.ADMIN, true, clock.instant()));
            if (given == null || given.isBlank()) {
                Path file = properties.dataDir().resolve(PASSWORD_FILE);
                HostFiles.atomicWrite(file, (password + "\n").getBytes(StandardCharsets.UTF_8), "rw-------");
                log.warn("First run: user 'admin' created with password {} (also in {}); the first login must change it",
                        password, file.toAbsolutePath());
            } else {
                log.info("First run: user 'admin' created with the password from MINIMAN_ADMIN_PASSWORD; the first login must change it");
            }
        });
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
