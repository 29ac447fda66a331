package io.miniman.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationType;
import io.miniman.security.ApiTokens;
import io.miniman.security.Role;
import io.miniman.security.UserService;
import io.miniman.testsupport.MinimanSpringTest;

/** What the API's door lets through: the token rules, the body rules and the problem documents. */
@MinimanSpringTest
class ApiSecurityTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    OperationService operations;
    @LocalServerPort
    int port;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private String token(String user, Role role) {
        return ApiClients.token(users, tokens, user, role, false);
    }

    @Test
    void withoutATokenTheAnswerIs401AsAProblemDocument() throws Exception {
        mvc.perform(get("/api/v1/operations"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"miniman\""))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/operations").header(HttpHeaders.AUTHORIZATION, "Basic YWRtaW46eA=="))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/operations").header(HttpHeaders.AUTHORIZATION, "Bearer mmt_not-a-real-token"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("unknown")));
    }

    @Test
    void aTokenInTheUrlIsRefusedEvenWhenItIsValid() throws Exception {
        String token = token("api-url", Role.VIEWER);
        mvc.perform(get("/api/v1/operations").queryParam("access_token", token)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("never in the URL")));
        mvc.perform(get("/api/v1/operations").queryParam("token", token).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theSessionCookieOfASignedInAdminIsNotAcceptedByTheApi() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = io.miniman.security.LoginForm.post(http, port, "admin",
                MinimanSpringTest.INITIAL_ADMIN_PASSWORD, "10.12.0.1");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .map(c -> c.split(";")[0]).findFirst().orElseThrow();
        // the same cookie opens what the console serves admins (the test context has no frontend bundle for views)...
        HttpResponse<String> console = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui/openapi.json"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(200);
        // ...but not the API, for reads or changes
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/users"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        HttpResponse<String> change = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/volumes/prune"))
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(change.statusCode()).isEqualTo(401);
        assertThat(api.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aReadOnlyTokenReadsButChangesNothing() throws Exception {
        String token = ApiClients.token(users, tokens, "api-ro", Role.OPERATOR, true);
        mvc.perform(get("/api/v1/operations").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());
        long before = operations.count(OperationFilter.all());
        mvc.perform(post("/api/v1/volumes/prune").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value("This token is read-only"));
        assertThat(operations.count(OperationFilter.all())).isEqualTo(before);
    }

    @Test
    void aRoleThatMayNotGets403AndNothingIsLogged() throws Exception {
        String viewer = token("api-viewer", Role.VIEWER);
        long before = operations.count(OperationFilter.all());
        mvc.perform(post("/api/v1/volumes").header(HttpHeaders.AUTHORIZATION, "Bearer " + viewer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"api-never\"}"))
                .andExpect(status().isForbidden()).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/users").header(HttpHeaders.AUTHORIZATION, "Bearer " + viewer)).andExpect(status().isForbidden());
        assertThat(operations.count(OperationFilter.all())).isEqualTo(before);
    }

    @Test
    void badBodiesAreRefusedWithTheRightStatusAndChangeNothing() throws Exception {
        String admin = token("api-admin", Role.ADMIN);
        long before = operations.count(OperationFilter.all());
        // not JSON
        mvc.perform(post("/api/v1/volumes").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON).content("name=x"))
                .andExpect(status().isBadRequest()).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        // JSON with a field no spec has
        mvc.perform(post("/api/v1/volumes").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"v\",\"driverz\":\"local\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("driverz"));
        // the form's own rule: a volume name with a space
        mvc.perform(post("/api/v1/volumes").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"bad name\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("name"));
        // a body over 10 MB
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        mvc.perform(post("/api/v1/volumes").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON).content(big))
                .andExpect(status().isPayloadTooLarge()).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        // the wrong content type
        mvc.perform(post("/api/v1/volumes").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                        .contentType(MediaType.TEXT_PLAIN).content("{}"))
                .andExpect(status().isUnsupportedMediaType());
        // an id with characters no engine name has never reaches the engine
        mvc.perform(get("/api/v1/volumes/{name}", "a$b").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin))
                .andExpect(status().isNotFound()).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        // what the firewall refuses before any chain (";", encoded slashes, "..") is a problem document too
        mvc.perform(get("/api/v1/volumes/{name}", "a;b").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin))
                .andExpect(status().isBadRequest()).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/containers/{id}/start", "x'--").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/operations/{id}", "12abc").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(put("/api/v1/users/{name}/role", "api-admin").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"KING\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/no-such-thing").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin))
                .andExpect(status().isNotFound()).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/images/build").queryParam("tag", "x").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType()).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/v1/containers").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin))
                .andExpect(status().isMethodNotAllowed());
        assertThat(operations.count(OperationFilter.all())).isEqualTo(before);
    }

    @Test
    void aTokenOverItsRateGets429WithRetryAfterAndAnotherTokenIsNotHeldUp() throws Exception {
        String token = token("api-rate", Role.VIEWER);
        String other = token("api-rate2", Role.VIEWER);
        // the filter as the chain builds it, with a bucket of 3 that refills 1 a second
        BearerTokenFilter filter = new BearerTokenFilter(tokens, new RateLimiter(1, 3));
        for (int i = 0; i < 3; i++) {
            assertThat(through(filter, token).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse limited = through(filter, token);
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1, 2);
        assertThat(limited.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(limited.getContentAsString()).contains("\"status\":429");
        assertThat(through(filter, other).getStatus()).isEqualTo(200);
    }

    private static MockHttpServletResponse through(BearerTokenFilter filter, String token) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/operations");
        request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aChangeIsLoggedWithTheUserAndTheTokensName() throws Exception {
        String admin = token("api-admin", Role.ADMIN);
        String name = "api-logged-" + System.nanoTime() % 100000;
        mvc.perform(post("/api/v1/users").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + name + "\",\"role\":\"VIEWER\",\"password\":\"Long-enough-pw-9\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.username").value(name));
        assertThat(operations.list(new OperationFilter(OperationType.USERS, null, null, null, null, name), 0, 10))
                .singleElement().satisfies(op -> assertThat(op.user()).matches("api-admin \\(token t\\d+\\)"));
    }
}
