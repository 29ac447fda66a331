package io.miniman.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.miniman.testsupport.MinimanSpringTest;

/** Over real HTTP, each browser with its own cookie jar: a change to a user ends that user's open sessions. */
@MinimanSpringTest
class SessionEndTest {

    private static final String PASSWORD = "Session-pass-42";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    AppUserRepository repository;
    @Autowired
    PasswordEncoder encoder;

    @AfterEach
    void signOutOfTheTestThread() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void demotingAUserEndsTheirSessionsAtTheNextRoundTripAndLeavesOthersAlone() throws Exception {
        String demoted = user("demoted", Role.ADMIN);
        String bystander = user("bystander", Role.ADMIN);
        Browser victim = signIn(demoted, "10.6.0.1");
        Browser other = signIn(bystander, "10.6.0.2");
        String victimTab = victim.openUi();
        String otherTab = other.openUi();
        assertThat(victim.heartbeat(victimTab).statusCode()).isEqualTo(200);

        actAs(bystander, Roles.ADMIN);
        users.changeRole(demoted, Role.VIEWER);

        assertSentToLogin(victim.heartbeat(victimTab));
        assertThat(other.heartbeat(otherTab).statusCode()).isEqualTo(200);
    }

    @Test
    void disablingDeletingOrResettingEndsTheSessions() throws Exception {
        String disabled = user("disabled", Role.OPERATOR);
        String deleted = user("deleted", Role.OPERATOR);
        String reset = user("reset", Role.OPERATOR);
        Browser a = signIn(disabled, "10.6.1.1");
        Browser b = signIn(deleted, "10.6.1.2");
        Browser c = signIn(reset, "10.6.1.3");
        String tabA = a.openUi();
        String tabB = b.openUi();
        String tabC = c.openUi();

        actAs("test-admin", Roles.ADMIN);
        users.setEnabled(disabled, false);
        users.delete(deleted);
        users.resetPassword(reset, "Reset-by-admin-7");

        assertSentToLogin(a.heartbeat(tabA));
        assertSentToLogin(b.heartbeat(tabB));
        assertSentToLogin(c.heartbeat(tabC));
    }

    @Test
    void changingOnesOwnPasswordEndsOnlyTheOtherSessions() throws Exception {
        String name = user("owner", Role.VIEWER);
        Browser phone = signIn(name, "10.6.2.1");
        Browser laptop = signIn(name, "10.6.2.2");
        String phoneTab = phone.openUi();
        String laptopTab = laptop.openUi();

        // the change arrives as a request of the phone's session
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(new MockHttpSession(null, phone.sessionId()));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        actAs(name, Roles.VIEWER);
        users.changeOwnPassword(new PasswordChange(PASSWORD, "Changed-on-phone-8", "Changed-on-phone-8"));

        assertThat(phone.heartbeat(phoneTab).statusCode()).isEqualTo(200);
        assertSentToLogin(laptop.heartbeat(laptopTab));
    }

    @Test
    void aRefusedChangeEndsNothing() throws Exception {
        String name = user("kept", Role.VIEWER);
        Browser browser = signIn(name, "10.6.3.1");
        String tab = browser.openUi();
        actAs("test-admin", Roles.ADMIN);
        try {
            users.resetPassword(name, "short");
        } catch (jakarta.validation.ConstraintViolationException expected) {
            // the policy refuses it, and the transaction rolls back
        }
        assertThat(browser.heartbeat(tab).statusCode()).isEqualTo(200);
    }

    private String user(String prefix, Role role) {
        String name = prefix + System.nanoTime() % 100000;
        repository.save(new AppUser(name, encoder.encode(PASSWORD), role, false, Instant.now()));
        return name;
    }

    private static void actAs(String name, String role) {
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(name, null, authorities));
    }

    private Browser signIn(String name, String address) throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> response = LoginForm.post(browser.http, port, name, PASSWORD, address);
        assertThat(response.headers().firstValue("Location").orElseThrow()).as("sign-in of " + name).doesNotContain("login");
        return browser;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static void assertSentToLogin(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    /** One browser: its own cookie jar, so its own session. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Loads the console's UI, as the Flow client does right after the page; returns the UI's id. */
        String openUi() throws Exception {
            HttpResponse<String> init = get("/?v-r=init&location=");
            assertThat(init.statusCode()).isEqualTo(200);
            Matcher id = Pattern.compile("\"v-uiId\":(\\d+)").matcher(init.body());
            assertThat(id.find()).as(init.body()).isTrue();
            return id.group(1);
        }

        /** A server round trip of an open tab: 200 while its session lives, sent to sign in after. */
        HttpResponse<String> heartbeat(String uiId) throws Exception {
            return http.send(HttpRequest.newBuilder(uri("/?v-r=heartbeat&v-uiId=" + uiId))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
        }
    }
}
