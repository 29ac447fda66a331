package io.miniman.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masksValuesOfSecretKeysInEveryCommonForm() {
        assertThat(Redactor.redact("wpa_passphrase=hunter22 ssid=miniman"))
                .isEqualTo("wpa_passphrase=******** ssid=miniman");
        assertThat(Redactor.redact("{\"password\": \"s3cr\\\"et\", \"user\": \"bob\"}"))
                .isEqualTo("{\"password\": \"********\", \"user\": \"bob\"}");
        assertThat(Redactor.redact("DB_PASSWORD: 'abc def'")).isEqualTo("DB_PASSWORD: ********");
        assertThat(Redactor.redact("Authorization: Bearer eyJhbGciOi")).isEqualTo("Authorization: Bearer ********");
        assertThat(Redactor.redact("pull https://bob:pa55word@registry.local/app")).isEqualTo("pull https://bob:********@registry.local/app");
        assertThat(Redactor.redact("GITHUB_TOKEN=ghp_123 apikey=xyz")).isEqualTo("GITHUB_TOKEN=******** apikey=********");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "container web started on port 8080; image nginx:1.25";
        assertThat(Redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void masksDeclaredSecretValuesWherever_theyAppear() {
        assertThat(Redactor.redact("joined with my very own phrase ok", List.of("my very own phrase")))
                .isEqualTo("joined with ******** ok");
    }
}
