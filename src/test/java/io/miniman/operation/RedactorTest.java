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

    @Test
    void oneKeyRuleCoversBothFormerLists() {
        // from the Docker list (SecretValues): DB_PASS and *_AUTH were not masked in operation texts
        assertThat(List.of("DB_PASS", "REGISTRY_AUTH", "auth", "BASIC_AUTH_USER", "dbPass", "MYSQL_PWD", "client.auth",
                "PGPASS", "AUTH_HEADER"))
                .allMatch(Redactor::looksSecret);
        // from the operation list
        assertThat(List.of("wpa_passphrase", "DB_PASSWORD", "PASSWD", "githubToken", "x-api-key", "API_KEY",
                "private_key", "aws_secret_access_key", "GOOGLE_CREDENTIALS")).allMatch(Redactor::looksSecret);
        // "pass" or "auth" inside another word is not a secret's name
        assertThat(List.of("COMPASS_URL", "AUTHOR", "unauthorized", "passed", "passengers", "PATH", "USER"))
                .noneMatch(Redactor::looksSecret);
    }

    @Test
    void operationTextsMaskWhatTheDockerListMasked() {
        assertThat(Redactor.redact("-e DB_PASS=hunter22 -e REGISTRY_AUTH=dXNlcjpwdw== -e USER=bob"))
                .isEqualTo("-e DB_PASS=******** -e REGISTRY_AUTH=******** -e USER=bob");
        assertThat(Redactor.redact("{\"auths\": {\"127.0.0.1:5000\": {\"auth\": \"dXNlcjpwdw==\"}}}"))
                .isEqualTo("{\"auths\": {\"127.0.0.1:5000\": {\"auth\": \"********\"}}}");
        String readable = "pull failed: unauthorized: authentication required; Tests passed: 3; author=bob";
        assertThat(Redactor.redact(readable)).isEqualTo(readable);
    }
}
