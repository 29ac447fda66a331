package io.miniman.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import io.miniman.config.MinimanProperties;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(new MinimanProperties(Path.of("data"), 8000,
            Duration.ofMinutes(30), null, 10, new MinimanProperties.Host(Path.of("data"), Path.of("/proc"))));

    @Test
    void whatBcryptCannotHashIsAPolicyProblemNotARawError() {
        String ascii72 = "abcd-".repeat(14) + "xy";
        assertThat(policy.problem("bob", ascii72)).isEmpty();
        assertThatCode(() -> new BCryptPasswordEncoder().encode(ascii72)).doesNotThrowAnyException();

        // 40 characters, but 80 bytes in UTF-8: within any character limit, beyond BCrypt's
        String accented = "éàüö".repeat(10);
        assertThat(policy.problem("bob", accented)).hasValueSatisfying(problem -> assertThat(problem).contains("72 bytes"));
        assertThat(policy.problem("bob", ascii72 + "z")).isPresent();
        assertThat(policy.problem("bob", "BOB")).isPresent();
    }
}
