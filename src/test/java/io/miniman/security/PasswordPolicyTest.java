package io.miniman.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import io.miniman.InvalidInputException;
import io.miniman.config.MinimanProperties;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(new MinimanProperties(Path.of("data"), 8000,
            Duration.ofMinutes(30), null, 10, new MinimanProperties.Host(Path.of("data"), Path.of("/proc"))));

    @Test
    void whatBcryptCannotHashIsAFieldErrorNotARawOne() {
        String ascii72 = "abcd-".repeat(14) + "xy";
        assertThatCode(() -> policy.check("bob", ascii72)).doesNotThrowAnyException();
        assertThatCode(() -> new BCryptPasswordEncoder().encode(ascii72)).doesNotThrowAnyException();

        // 40 characters, but 80 bytes in UTF-8: within any character limit, beyond BCrypt's
        String accented = "éàüö".repeat(10);
        assertThatThrownBy(() -> policy.check("bob", accented)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("72 bytes")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvalidInputException) e).field()).isEqualTo("newPassword"));
        assertThatThrownBy(() -> policy.check("bob", ascii72 + "z")).isInstanceOf(InvalidInputException.class);
    }
}
