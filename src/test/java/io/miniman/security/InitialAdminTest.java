package io.miniman.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import io.miniman.config.MinimanProperties;
import io.miniman.testsupport.MinimanSpringTest;

@MinimanSpringTest
class InitialAdminTest {

    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    TransactionTemplate transaction;

    @TempDir
    Path dataDir;

    @Test
    void withoutAGivenPasswordARandomOneIsWrittenOnceWithMode0600() throws Exception {
        var saved = users.findAll();
        users.deleteAll();
        try {
            MinimanProperties properties = new MinimanProperties(dataDir, 8000, Duration.ofMinutes(30), null, 10,
                    new MinimanProperties.Host(dataDir, Path.of("/proc")));
            new InitialAdmin(users, encoder, properties, Clock.systemUTC(), transaction).afterSingletonsInstantiated();

            Path file = dataDir.resolve(InitialAdmin.PASSWORD_FILE);
            String password = Files.readString(file).strip();
            assertThat(password).hasSize(16);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            AppUser admin = users.findByUsernameIgnoreCase("admin").orElseThrow();
            assertThat(encoder.matches(password, admin.getPasswordHash())).isTrue();
            assertThat(admin.isMustChangePassword()).isTrue();

            // a second start finds a user and leaves both the user and the file alone
            new InitialAdmin(users, encoder, properties, Clock.systemUTC(), transaction).afterSingletonsInstantiated();
            assertThat(Files.readString(file).strip()).isEqualTo(password);
            assertThat(users.count()).isEqualTo(1);
        } finally {
            users.deleteAll();
            saved.forEach(u -> users.save(copy(u)));
        }
    }

    private static AppUser copy(AppUser u) {
        AppUser copy = new AppUser(u.getUsername(), u.getPasswordHash(), u.getRole(), u.isMustChangePassword(),
                java.time.Instant.now());
        copy.setEnabled(u.isEnabled());
        return copy;
    }
}
