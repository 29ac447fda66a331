package io.miniman.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.miniman.config.MinimanProperties;
import io.miniman.testsupport.MinimanSpringTest;

/**
 * The login flood of issue 7 against the embedded server: 50 sign-ins with 1 MB user names from one
 * address. Prints the database growth; reproduce with
 * {@code ./mvnw -B -ntp -q test -Dtest=LoginFloodTest} and read the line starting "login flood:".
 */
@MinimanSpringTest
class LoginFloodTest {

    private static final int REQUESTS = 50;
    private static final int NAME_BYTES = 1 << 20;

    @LocalServerPort
    int port;
    @Autowired
    MinimanProperties properties;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void fiftyMegabyteNamesBarelyGrowTheDatabaseAndTheAdminStillSignsInFromElsewhere() throws Exception {
        long before = databaseBytes();
        String huge = "x".repeat(NAME_BYTES);
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            postLogin(i + huge, "guess", "10.10.0.1");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long growth = databaseBytes() - before;

        HttpResponse<String> admin = postLogin("admin", MinimanSpringTest.INITIAL_ADMIN_PASSWORD, "10.10.0.2");
        boolean adminIn = !admin.headers().firstValue("Location").orElseThrow().contains("login");
        System.out.printf("login flood: %d requests with %d-byte user names in %d ms; database grew by %d bytes; "
                + "admin from another address signed in: %s%n", REQUESTS, NAME_BYTES, millis, growth, adminIn);
        assertThat(growth).isLessThan(100_000);
        assertThat(adminIn).isTrue();
    }

    @Test
    void namesJustUnderTheFormLimitFromFiftyAddressesAreStoredCut() throws Exception {
        long before = databaseBytes();
        // fits the 4 KB form, so it reaches the throttle and the log; each address is new, so none is locked
        String long3k = "y".repeat(3_000);
        for (int i = 0; i < REQUESTS; i++) {
            postLogin(i + long3k, "guess", "10.11.0." + i);
        }
        long growth = databaseBytes() - before;
        System.out.printf("login flood: %d requests with 3000-byte user names from %d addresses; database grew by %d bytes%n",
                REQUESTS, REQUESTS, growth);
        assertThat(growth).isLessThan(100_000);
    }

    /** The database file after a full checkpoint, so the write-ahead log's pages are counted where they land. */
    private long databaseBytes() throws Exception {
        jdbc.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        return Files.size(properties.databaseFile());
    }

    private HttpResponse<String> postLogin(String user, String password, String clientAddress) throws Exception {
        return LoginForm.post(http, port, user, password, clientAddress);
    }
}
