package io.miniman.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import io.miniman.InvalidInputException;

class UiErrorHandlerTest {

    @Test
    void usersGetAShortSentenceNeverAStackTrace() {
        assertThat(UiErrorHandler.userMessage(new RuntimeException("wrapper", new InvalidInputException("ssid", "SSID too long"))))
                .isEqualTo("SSID too long");
        assertThat(UiErrorHandler.userMessage(new AccessDeniedException("Access Denied")))
                .isEqualTo("Your role does not allow this.");
        String unexpected = UiErrorHandler.userMessage(new IllegalStateException("boom",
                new NullPointerException("Cannot invoke \"String.length()\" because \"x\" is null")));
        assertThat(unexpected).contains("NullPointerException").contains("log").doesNotContain("String.length");
    }
}
