package io.miniman.system.service.api;

import static io.miniman.api.ApiMvc.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import io.miniman.api.ApiClients;
import io.miniman.api.ApiMvc;
import io.miniman.security.ApiTokens;
import io.miniman.security.Role;
import io.miniman.security.UserService;
import io.miniman.testsupport.MinimanSpringTest;

/**
 * The Services page through the API: every role reads, an operator restarts, an admin does the rest, with
 * the page's checks. The suite has no root helper, so an accepted action's operation fails with that reason.
 */
@MinimanSpringTest
class ServicesApiTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserService users;
    @Autowired
    ApiTokens tokens;

    ApiMvc api;
    MockMvc mvc;
    String admin;
    String operator;
    String viewer;

    @BeforeEach
    void setUp() {
        api = ApiMvc.of(context);
        mvc = api.mvc();
        admin = ApiClients.token(users, tokens, "api-admin", Role.ADMIN, false);
        operator = ApiClients.token(users, tokens, "api-operator", Role.OPERATOR, false);
        viewer = ApiClients.token(users, tokens, "api-viewer", Role.VIEWER, false);
    }

    @Test
    void everyRoleReadsTheUnitsAsThePageShowsThem() throws Exception {
        JsonNode list = api.json(as(get("/api/v1/services"), viewer), 200);
        assertThat(list.has("readAt")).isTrue();
        if (list.path("problem").isNull()) {
            assertThat(list.path("units")).extracting(u -> u.path("name").asText()).contains("dnsmasq");
            mvc.perform(as(get("/api/v1/services/dnsmasq"), viewer)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.name").value("dnsmasq")).andExpect(jsonPath("$.activeState").isString());
        } else {
            // no systemd here: the unit's read says why, as the page does
            mvc.perform(as(get("/api/v1/services/dnsmasq"), viewer)).andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.detail").value(list.path("problem").asText()));
        }
        mvc.perform(as(get("/api/v1/services/ssh"), viewer)).andExpect(status().isNotFound());
        mvc.perform(as(get("/api/v1/services/{unit}", "-dnsmasq"), viewer)).andExpect(status().isNotFound());
    }

    @Test
    void theJournalIsBoundedAndReadThroughTheHelper() throws Exception {
        mvc.perform(as(get("/api/v1/services/dnsmasq/journal").queryParam("lines", "0"), viewer))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("lines"));
        mvc.perform(as(get("/api/v1/services/dnsmasq/journal").queryParam("since", "yesterday"), viewer))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("since"));
        mvc.perform(as(get("/api/v1/services/ssh/journal"), viewer)).andExpect(status().isNotFound());
        mvc.perform(as(get("/api/v1/services/dnsmasq/journal").queryParam("lines", "20")
                        .queryParam("since", "2026-01-01T00:00:00Z"), viewer))
                .andExpect(status().isServiceUnavailable()).andExpect(jsonPath("$.detail").value(Matchers.containsString("root helper")));
    }

    @Test
    void anOperatorRestartsAndNothingElse() throws Exception {
        JsonNode accepted = api.json(as(post("/api/v1/services/dnsmasq/restart"), operator), 202);
        long id = accepted.path("operationId").asLong();
        assertThat(accepted.path("location").asText()).isEqualTo("/api/v1/operations/" + id);
        JsonNode operation = api.json(as(get("/api/v1/operations/{id}", id), operator), 200);
        assertThat(operation.path("name").asText()).isEqualTo("Restart service");
        assertThat(operation.path("user").asText()).startsWith("api-operator (token ");
        for (String action : new String[] {"start", "stop", "enable", "disable"}) {
            mvc.perform(as(post("/api/v1/services/dnsmasq/" + action), operator)).andExpect(status().isForbidden());
        }
        mvc.perform(as(post("/api/v1/services/dnsmasq/restart"), viewer)).andExpect(status().isForbidden());
    }

    @Test
    void anAdminDoesEachActionOnListedUnitsWithThePagesConfirmation() throws Exception {
        for (String action : new String[] {"start", "enable", "disable", "stop"}) {
            JsonNode accepted = api.acceptedOnceFree(as(post("/api/v1/services/dnsmasq/" + action), admin));
            // one operation at a time per unit: the next action waits for this one's end
            JsonNode done = api.finished(admin, accepted.path("operationId").asLong());
            assertThat(done.path("errorMessage").asText()).contains(action + " dnsmasq skipped: helper not installed");
        }
        mvc.perform(as(post("/api/v1/services/hostapd/stop"), admin)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("confirmation"));
        mvc.perform(as(post("/api/v1/services/hostapd/stop").queryParam("confirm", "yes"), admin))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(as(post("/api/v1/services/hostapd/stop").queryParam("confirm", "hostapd"), admin))
                .andExpect(status().isAccepted()).andExpect(header().string("Location", Matchers.startsWith("/api/v1/operations/")));
        mvc.perform(as(post("/api/v1/services/ssh/restart"), admin)).andExpect(status().isNotFound());
    }
}
