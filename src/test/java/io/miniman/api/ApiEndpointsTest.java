package io.miniman.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.miniman.security.ApiTokens;
import io.miniman.security.Role;
import io.miniman.security.UserService;
import io.miniman.testsupport.MinimanSpringTest;

/**
 * The endpoints that need no Docker engine, each with a role that may (and its answer) and one that may
 * not; the Docker ones are in ApiScriptFlowTest, and every route's refusals in ApiContractTest.
 */
@MinimanSpringTest
class ApiEndpointsTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserService users;
    @Autowired
    ApiTokens tokens;

    MockMvc mvc;
    String admin;
    String operator;
    String viewer;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        admin = ApiClients.token(users, tokens, "api-admin", Role.ADMIN, false);
        operator = ApiClients.token(users, tokens, "api-operator", Role.OPERATOR, false);
        viewer = ApiClients.token(users, tokens, "api-viewer", Role.VIEWER, false);
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    @Test
    void hostStatusAndMetricsForEveryRole() throws Exception {
        mvc.perform(as(get("/api/v1/host"), viewer)).andExpect(status().isOk()).andExpect(jsonPath("$.memoryTotalBytes").isNumber());
        mvc.perform(as(get("/api/v1/host/metrics"), viewer)).andExpect(status().isOk()).andExpect(jsonPath("$").isArray());
    }

    @Test
    void theOperationLogWithItsFilters() throws Exception {
        mvc.perform(as(get("/api/v1/operations").queryParam("type", "USERS").queryParam("limit", "5"), viewer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.limit").value(5))
                .andExpect(jsonPath("$.items[*].type", Matchers.everyItem(Matchers.is("USERS"))));
        mvc.perform(as(get("/api/v1/operations").queryParam("limit", "5000"), viewer)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(as(get("/api/v1/operations").queryParam("type", "NOPE"), viewer)).andExpect(status().isUnprocessableEntity());
        mvc.perform(as(get("/api/v1/operations/{id}", 987654321L), viewer)).andExpect(status().isNotFound());
    }

    @Test
    void usersForAdminsOnly() throws Exception {
        String name = "api-made-" + System.nanoTime() % 100000;
        mvc.perform(as(post("/api/v1/users"), admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + name + "\",\"role\":\"VIEWER\",\"password\":\"short\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(as(post("/api/v1/users"), admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + name + "\",\"role\":\"VIEWER\",\"password\":\"Long-enough-pw-9\"}"))
                .andExpect(status().isCreated()).andExpect(header().string("Location", "/api/v1/users/" + name));
        mvc.perform(as(get("/api/v1/users/{name}", name), admin)).andExpect(status().isOk()).andExpect(jsonPath("$.role").value("VIEWER"));
        mvc.perform(as(put("/api/v1/users/{name}/role", name), admin).contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"OPERATOR\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.role").value("OPERATOR"));
        mvc.perform(as(put("/api/v1/users/{name}/enabled", name), admin).contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(as(post("/api/v1/users/{name}/password-reset", name), admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"Another-long-pw-8\"}")).andExpect(status().isNoContent());
        mvc.perform(as(get("/api/v1/users"), operator)).andExpect(status().isForbidden());
        mvc.perform(as(delete("/api/v1/users/{name}", name), admin)).andExpect(status().isNoContent());
        mvc.perform(as(get("/api/v1/users/{name}", name), admin)).andExpect(status().isNotFound());
    }

    @Test
    void tokensOwnAllAndRevoke() throws Exception {
        JsonNode own = json.readTree(mvc.perform(as(get("/api/v1/tokens"), operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(own).isNotEmpty().allSatisfy(t -> {
            assertThat(t.path("username").asText()).isEqualTo("api-operator");
            assertThat(t.toString()).doesNotContain("mmt_").doesNotContain("hash");
        });
        mvc.perform(as(get("/api/v1/tokens/all"), operator)).andExpect(status().isForbidden());
        mvc.perform(as(get("/api/v1/tokens/all"), admin)).andExpect(status().isOk());
        String doomed = ApiClients.token(users, tokens, "api-operator", Role.OPERATOR, false);
        long id = tokens.authenticate(doomed).orElseThrow().tokenId();
        mvc.perform(as(delete("/api/v1/tokens/{id}", id), viewer)).andExpect(status().isNotFound());
        mvc.perform(as(delete("/api/v1/tokens/{id}", id), doomed)).andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        mvc.perform(as(get("/api/v1/tokens"), doomed)).andExpect(status().isUnauthorized());
    }

    @Test
    void networkSettingsAreReadByAllWithThePassphraseForAdminsAndChangedOnlyThroughApplyAndConfirm() throws Exception {
        mvc.perform(as(get("/api/v1/network/settings"), viewer)).andExpect(status().isOk()).andExpect(jsonPath("$.wifi.passphrase").value(""));
        String settings = mvc.perform(as(get("/api/v1/network/settings"), admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.wifi.passphrase").value(Matchers.not(""))).andReturn().getResponse().getContentAsString();
        ObjectNode changed = (ObjectNode) json.readTree(settings);
        ((ObjectNode) changed.path("wifi")).put("ssid", "api-ssid");

        mvc.perform(as(post("/api/v1/network/preview"), operator).contentType(MediaType.APPLICATION_JSON).content(changed.toString()))
                .andExpect(status().isForbidden());
        ObjectNode bad = changed.deepCopy();
        ((ObjectNode) bad.path("wifi")).put("ssid", "two\nlines");
        mvc.perform(as(post("/api/v1/network/preview"), admin).contentType(MediaType.APPLICATION_JSON).content(bad.toString()))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("wifi.ssid")));
        mvc.perform(as(post("/api/v1/network/preview"), admin).contentType(MediaType.APPLICATION_JSON).content(changed.toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.changes").isArray());

        JsonNode applied = json.readTree(mvc.perform(as(post("/api/v1/network/apply"), admin).contentType(MediaType.APPLICATION_JSON)
                        .content(changed.toString())).andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/network/change")).andReturn().getResponse().getContentAsString());
        String phase = applied.path("phase").asText();
        if (phase.equals("AWAITING_CONFIRMATION")) {
            assertThat(applied.path("deadline").asText()).isNotEmpty();
            // one change at a time
            mvc.perform(as(post("/api/v1/network/apply"), admin).contentType(MediaType.APPLICATION_JSON).content(changed.toString()))
                    .andExpect(status().isConflict());
            mvc.perform(as(post("/api/v1/network/change/{id}/confirm", applied.path("id").asLong()), admin))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.phase").value("CONFIRMED"));
            mvc.perform(as(get("/api/v1/network/settings"), viewer)).andExpect(jsonPath("$.wifi.ssid").value("api-ssid"));
        } else {
            // where the real checkers refuse the files here, the change failed and nothing was kept
            assertThat(phase).as(applied.toString()).isIn("FAILED", "ROLLED_BACK");
            mvc.perform(as(get("/api/v1/network/settings"), viewer)).andExpect(jsonPath("$.wifi.ssid").value(Matchers.not("api-ssid")));
        }
        mvc.perform(as(get("/api/v1/network/change"), viewer)).andExpect(status().isOk());
        mvc.perform(as(post("/api/v1/network/change/{id}/confirm", 424242), admin)).andExpect(status().isConflict());
    }

    @Test
    void diagnosticsRunAsAnOperationForOperators() throws Exception {
        mvc.perform(as(post("/api/v1/network/diagnostics"), viewer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"TCP_PORT\",\"target\":\"127.0.0.1\",\"port\":1}")).andExpect(status().isForbidden());
        mvc.perform(as(post("/api/v1/network/diagnostics"), operator).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"TCP_PORT\",\"target\":\"127.0.0.1\",\"port\":1}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.operationId").isNumber());
        mvc.perform(as(post("/api/v1/network/diagnostics"), operator).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"PING\",\"target\":\"-x;rm\"}")).andExpect(status().isUnprocessableEntity());
    }
}
