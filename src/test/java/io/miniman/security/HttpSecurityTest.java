package io.miniman.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;

import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;
import io.miniman.testsupport.ConsolePages;
import io.miniman.testsupport.MinimanSpringTest;
import jakarta.servlet.ServletContext;

/** What an unauthenticated client gets over real HTTP, for every route Vaadin knows and for other paths. */
@MinimanSpringTest
class HttpSecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    ServletContext servletContext;
    @Autowired
    org.springframework.context.ApplicationContext applicationContext;
    @Autowired
    OperationService operations;
    @Autowired
    AppUserRepository users;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyRouteWithoutLoginIsSentToTheLoginView() throws Exception {
        List<RouteData> routes = ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext))
                .getRegisteredRoutes();
        assertThat(routes).extracting(RouteData::getTemplate).contains("", "operations", "users", "change-password");
        // Vaadin scans only the ui packages (ui.VaadinScan): every page of the console is still found
        assertThat(routes.stream().<Class<?>>map(RouteData::getNavigationTarget).toList()).containsAll(ConsolePages.all());
        Set<String> anonymous = routes.stream().filter(r -> r.getNavigationTarget().isAnnotationPresent(AnonymousAllowed.class))
                .map(RouteData::getTemplate).collect(Collectors.toSet());
        assertThat(anonymous).containsExactly("login");

        for (RouteData route : routes) {
            if (anonymous.contains(route.getTemplate())) {
                continue;
            }
            String path = "/" + route.getTemplate().replaceAll(":[^/]+", "x");
            assertSentToLogin(get(path), path);
        }
    }

    @Test
    void otherPathsWithoutLoginAreRefusedOrSentToLogin() throws Exception {
        for (String path : List.of("/api/v1/operations", "/actuator", "/actuator/env", "/actuator/beans", "/actuator/heapdump",
                "/actuator/metrics", "/actuator/loggers", "/h2-console", "/no/such/page",
                "/VAADIN/../users", "/operations?x=1", "/frontend/../data/miniman.db", "/error")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode() == 302 || response.statusCode() == 401 || response.statusCode() == 403
                    || response.statusCode() == 400).as(path + " answered " + response.statusCode()).isTrue();
            if (response.statusCode() == 302) {
                assertSentToLogin(response, path);
            }
            assertThat(response.body()).doesNotContain("Exception", "at io.miniman");
        }
    }

    @Test
    void theInstallableAppsFilesAreOpenWithoutLoginAndNothingBesideThem() throws Exception {
        // a phone fetches these before (or without) signing in: "Add to Home Screen" and the offline page
        HttpResponse<String> manifest = get("/manifest.webmanifest");
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.body()).contains("\"name\":\"Mini Manager\"", "\"short_name\":\"miniman\"",
                "\"display\":\"standalone\"", "icons/icon-192x192.png", "icons/icon-512x512.png");
        HttpResponse<String> precache = get("/sw-runtime-resources-precache.js");
        assertThat(precache.statusCode()).isEqualTo(200);
        assertThat(precache.body()).contains("'offline.html'", "icons/icon-192x192.png");
        HttpResponse<String> offline = get("/offline.html");
        assertThat(offline.statusCode()).isEqualTo(200);
        assertThat(offline.body()).contains("Not connected to the miniman WiFi", "reload")
                .doesNotContain("http://", "https://", "src=", "href=");
        for (String icon : List.of("/icons/icon-192x192.png", "/icons/icon-512x512.png", "/icons/icon.png")) {
            HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + icon)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(png.statusCode()).as(icon).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type")).as(icon).hasValue("image/png");
        }
        // the worker itself is built with the production bundle (after the tests of a clean build: then
        // Vaadin answers its unknown path like any other, with the login page)
        if (getClass().getResource("/META-INF/VAADIN/webapp/sw.js") != null) {
            assertThat(get("/sw.js").statusCode()).isEqualTo(200);
        }
        for (String near : List.of("/icons/other.png", "/icons/", "/offline.htm", "/manifest.json", "/sw2.js")) {
            assertSentToLogin(get(near), near);
        }
    }

    @Test
    void actuatorAnswersHealthToAnyoneAndMetricsToTheBoxOrTheToken() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        // this test's client is on loopback: the box itself may scrape
        assertThat(get("/actuator/prometheus").body()).contains("miniman_operations_active");
        // a client behind nginx (which forwards from loopback) is not the box
        HttpResponse<String> remote = getAs("/actuator/prometheus", "10.3.3.3", null);
        assertThat(remote.statusCode()).isEqualTo(401);
        assertThat(remote.body()).doesNotContain("jvm_");
        assertThat(getAs("/actuator/prometheus", "10.3.3.3", "wrong-token").statusCode()).isEqualTo(401);
        HttpResponse<String> scraper = getAs("/actuator/prometheus", "10.3.3.3", MinimanSpringTest.METRICS_TOKEN);
        assertThat(scraper.statusCode()).isEqualTo(200);
        assertThat(scraper.body()).contains("jvm_memory_used_bytes");
        assertThat(scraper.headers().allValues("Set-Cookie")).isEmpty();
        // the token opens the figures, nothing else
        assertThat(getAs("/actuator/env", "10.3.3.3", MinimanSpringTest.METRICS_TOKEN).statusCode()).isIn(401, 403);
    }

    @Test
    void everyApiRouteWithoutATokenAnswers401AsAProblemDocument() throws Exception {
        List<io.miniman.api.ApiRoutes> routes = io.miniman.api.ApiRoutes.all(applicationContext);
        assertThat(routes).extracting(io.miniman.api.ApiRoutes::path).contains("/api/v1/containers", "/api/v1/operations/events");
        for (io.miniman.api.ApiRoutes route : routes) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + route.concretePath()))
                    .method(route.method(), HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(route.method() + " " + route.path()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).as(route.path()).hasValue("application/problem+json");
        }
        for (String path : List.of("/api/v1/openapi.json", "/api/v1/no/such/path", "/api/../api/v1/users", "/swagger-ui/openapi.json",
                "/swagger-ui/index.html")) {
            assertThat(get(path).statusCode()).as(path).isIn(302, 400, 401, 403);
            assertThat(get(path).body()).as(path).doesNotContain("\"paths\"", "Exception");
        }
    }

    @Test
    void responsesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/operations");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void wrongCredentialsGetTheGenericErrorAndALogRow() throws Exception {
        String name = "nobody" + System.nanoTime() % 10000;
        HttpResponse<String> response = postLogin(name, "wrong-password", "10.9.9.1");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        // a name no user has is not repeated to every VIEWER (it may be a password typed in the wrong field)
        assertThat(operations.list(new OperationFilter(OperationType.AUTH, OperationStatus.FAILED, null, null, null, "10.9.9.1"), 0, 10))
                .singleElement().satisfies(op -> {
                    assertThat(op.errorMessage()).contains("wrong credentials");
                    assertThat(op.user()).isEqualTo(ThrottledAuthenticationProvider.UNKNOWN_USER);
                    assertThat(op.target()).doesNotContain(name);
                });
    }

    @Test
    void aStrangerGuessingTheAdminPasswordIsHeldUpWhileTheAdminSignsInFromElsewhere() throws Exception {
        for (int i = 0; i < 20; i++) {
            postLogin("admin", "guess-" + i, "10.8.8.1");
        }
        // after three failures in a row the stranger has to wait, even with the right password
        HttpResponse<String> stranger = postLogin("admin", MinimanSpringTest.INITIAL_ADMIN_PASSWORD, "10.8.8.1");
        assertThat(stranger.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

        HttpResponse<String> admin = postLogin("admin", MinimanSpringTest.INITIAL_ADMIN_PASSWORD, "10.8.8.2");
        assertThat(admin.headers().firstValue("Location").orElseThrow()).doesNotContain("login");
    }

    @Test
    void tryingManyNamesFromOneAddressLocksThatAddressWithOneLogRow() throws Exception {
        for (int i = 0; i < LoginThrottle.ADDRESS_MAX_FAILURES + 5; i++) {
            postLogin("name" + i, "guess", "10.8.9.1");
        }
        assertThat(operations.list(new OperationFilter(OperationType.AUTH, null, null, null, null, "lockout"), 0, 10))
                .filteredOn(op -> op.errorMessage().contains("10.8.9.1"))
                .singleElement().satisfies(op -> assertThat(op.errorMessage()).contains("10 failed sign-ins").contains("locked"));
        assertThat(operations.list(new OperationFilter(OperationType.AUTH, OperationStatus.FAILED, null, null, null, null), 0, 1000))
                .filteredOn(op -> op.errorMessage() != null && op.errorMessage().contains("10.8.9.1")).hasSize(2);
    }

    @Test
    void aGoodLoginGoesToTheConsoleWithAHardenedSessionCookie() throws Exception {
        String name = "cookie" + System.nanoTime() % 10000;
        users.save(new AppUser(name, encoder.encode("Right-pass-123"), Role.VIEWER, false, java.time.Instant.now()));
        HttpResponse<String> response = postLogin(name, "Right-pass-123", "10.7.7.7");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error").doesNotContain("login");
        assertThat(operations.list(new OperationFilter(OperationType.AUTH, OperationStatus.COMPLETED, name, null, null, null), 0, 10))
                .singleElement().satisfies(op -> assertThat(op.result()).contains("10.7.7.7"));
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).contains("JSESSIONID").contains("HttpOnly").containsIgnoringCase("SameSite=Strict"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getAs(String path, String clientAddress, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                .header("X-Forwarded-For", clientAddress);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postLogin(String user, String password, String clientAddress) throws Exception {
        return LoginForm.post(http, port, user, password, clientAddress);
    }

    private static void assertSentToLogin(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).as(path).isIn(302, 401, 403);
        if (response.statusCode() == 302) {
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
        }
    }
}
