package io.miniman.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import io.miniman.config.MinimanProperties;
import io.miniman.config.StartupRefusedException;
import io.miniman.testsupport.MinimanSpringTest;

/** Each test starts from an empty user table (as on a first run) and puts the suite's users back after. */
@MinimanSpringTest
@ExtendWith(OutputCaptureExtension.class)
class InitialAdminTest {

    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    PasswordPolicy policy;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MinimanProperties suiteProperties;
    @Autowired
    UserService userService;

    @TempDir
    Path dataDir;

    private List<AppUser> saved;

    @BeforeEach
    void emptyTheUserTable() {
        saved = users.findAll();
        users.deleteAll();
    }

    @AfterEach
    void restoreTheUsers() {
        SecurityContextHolder.clearContext();
        users.deleteAll();
        saved.forEach(u -> users.save(copy(u)));
    }

    @Test
    void withoutAGivenPasswordARandomOneIsWrittenOnceWithMode0600AndNotLogged(CapturedOutput output) throws Exception {
        firstRun(null);

        Path file = dataDir.resolve(InitialAdmin.PASSWORD_FILE);
        String password = Files.readString(file).strip();
        assertThat(password).hasSize(16);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        AppUser admin = users.findByUsernameIgnoreCase("admin").orElseThrow();
        assertThat(encoder.matches(password, admin.getPasswordHash())).isTrue();
        assertThat(admin.isMustChangePassword()).isTrue();
        assertThat(output.getAll()).doesNotContain(password).contains(file.toAbsolutePath().toString());

        // a second start finds a user and leaves both the user and the file alone
        firstRun(null);
        assertThat(Files.readString(file).strip()).isEqualTo(password);
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void aGivenPasswordMustPassThePolicy() {
        assertThatThrownBy(() -> firstRun("aaaaaaaaaaaa")).isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("MINIMAN_ADMIN_PASSWORD").hasMessageContaining("Too easy");
        assertThatThrownBy(() -> firstRun("short")).isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("At least");
        assertThatThrownBy(() -> firstRun("x".repeat(60) + "-Long-pw-12345")).isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("72 bytes");
        assertThat(users.count()).isZero();

        firstRun("Given-admin-pw-9");
        assertThat(encoder.matches("Given-admin-pw-9", users.findByUsernameIgnoreCase("admin").orElseThrow().getPasswordHash())).isTrue();
    }

    @Test
    void theFileIsDeletedOnceTheAdminChoseTheirOwnPassword() throws Exception {
        // the suite's context: its admin, and a password file where this run would have written it
        users.save(new AppUser("admin", encoder.encode("Initial-admin-pw-1"), Role.ADMIN, true, java.time.Instant.now()));
        Path file = suiteProperties.dataDir().resolve(InitialAdmin.PASSWORD_FILE);
        Files.writeString(file, "Initial-admin-pw-1\n");
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("admin", null, authorities));

        assertThatThrownBy(() -> userService.changeOwnPassword(new PasswordChange("wrong-current", "Admins-own-pw-2", "Admins-own-pw-2")))
                .isInstanceOf(jakarta.validation.ConstraintViolationException.class);
        assertThat(file).exists();

        userService.changeOwnPassword(new PasswordChange("Initial-admin-pw-1", "Admins-own-pw-2", "Admins-own-pw-2"));
        assertThat(file).doesNotExist();
    }

    private void firstRun(String givenPassword) {
        MinimanProperties properties = new MinimanProperties(dataDir, 8000, Duration.ofMinutes(30), givenPassword, 10,
                new MinimanProperties.Host(dataDir, Path.of("/proc")));
        new InitialAdmin(users, encoder, policy, properties, Clock.systemUTC(), transaction).afterSingletonsInstantiated();
    }

    private static AppUser copy(AppUser u) {
        AppUser copy = new AppUser(u.getUsername(), u.getPasswordHash(), u.getRole(), u.isMustChangePassword(),
                java.time.Instant.now());
        copy.setEnabled(u.isEnabled());
        return copy;
    }
}
