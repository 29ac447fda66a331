package io.miniman.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.miniman.security.ApiTokens;
import io.miniman.security.Role;
import io.miniman.security.UserService;
import io.miniman.testsupport.MinimanSpringTest;

/**
 * The OpenAPI document against the routes Spring MVC really has: no undocumented endpoint, none documented
 * that does not exist, each with its roles and an example; and each route refuses every role it does not list.
 */
@MinimanSpringTest
class ApiContractTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserService users;
    @Autowired
    ApiTokens tokens;
    @LocalServerPort
    int port;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void theDocumentListsExactlyTheRegisteredRoutesEachWithRolesAndAnExample() throws Exception {
        String viewer = ApiClients.token(users, tokens, "api-viewer", Role.VIEWER, false);
        String body = mvc.perform(get(ApiPaths.OPENAPI).header(HttpHeaders.AUTHORIZATION, "Bearer " + viewer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode doc = new ObjectMapper().readTree(body);
        assertThat(doc.path("openapi").asText()).startsWith("3.");

        Set<String> documented = new HashSet<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            assertThat(op.getValue().path("x-roles").isArray()).as(op.getKey() + " " + path.getKey() + " has roles").isTrue();
            assertThat(op.getValue().path("description").asText()).contains("Roles: ");
            assertThat(op.getValue().path("x-codeSamples").get(0).path("source").asText()).startsWith("curl ");
        }));
        List<ApiRoutes> routes = ApiRoutes.all(context);
        Set<String> registered = routes.stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toSet());
        assertThat(registered).hasSizeGreaterThan(50);
        assertThat(documented).isEqualTo(registered);
        assertThat(routes).allSatisfy(r -> assertThat(r.roles()).as(r.path()).isNotEmpty());
    }

    @Test
    void everyRouteRefusesEachRoleItDoesNotList() throws Exception {
        for (Role role : Role.values()) {
            String token = ApiClients.token(users, tokens, "api-" + role.name().toLowerCase(Locale.ROOT), role, false);
            for (ApiRoutes route : ApiRoutes.all(context)) {
                if (route.roles().contains(role.name())) {
                    continue;
                }
                int status = mvc.perform(request(HttpMethod.valueOf(route.method()), route.concretePath())
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                                .contentType(route.contentType()).content("{}"))
                        .andReturn().getResponse().getStatus();
                assertThat(status).as(role + " " + route.method() + " " + route.path()).isEqualTo(403);
            }
        }
    }

    @Test
    void theAdminsSeeTheSwaggerUiFromTheJarOthersDoNot() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/swagger-ui/index.html")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isIn(302, 401, 403);

        String adminCookie = signIn("admin", MinimanSpringTest.INITIAL_ADMIN_PASSWORD, "10.12.1.1");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/swagger-ui/index.html"))
                .header("Cookie", adminCookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui").doesNotContain("https://");
        HttpResponse<String> settings = http.send(HttpRequest.newBuilder(uri("/swagger-ui/settings.json"))
                .header("Cookie", adminCookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(settings.body()).contains("/swagger-ui/openapi.json");
        HttpResponse<String> doc = http.send(HttpRequest.newBuilder(uri("/swagger-ui/openapi.json"))
                .header("Cookie", adminCookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("/api/v1/containers");

        ApiClients.token(users, tokens, "api-docs-viewer", Role.VIEWER, false);
        ApiClients.as("admin", Role.ADMIN, () -> users.resetPassword("api-docs-viewer", "Viewer-pass-123"));
        String viewerCookie = signIn("api-docs-viewer", "Viewer-pass-123", "10.12.1.2");
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri("/swagger-ui/openapi.json"))
                .header("Cookie", viewerCookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as("a VIEWER's session").isIn(302, 403);
        assertThat(refused.body()).doesNotContain("/api/v1/containers");
    }

    private String signIn(String user, String password, String address) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = io.miniman.security.LoginForm.post(http, port, user, password, address);
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .map(c -> c.split(";")[0]).findFirst().orElseThrow(() -> new AssertionError("no session for " + user));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
