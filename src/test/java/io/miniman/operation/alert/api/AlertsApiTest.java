package io.miniman.operation.alert.api;

import static io.miniman.api.ApiMvc.as;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.miniman.api.ApiClients;
import io.miniman.api.ApiMvc;
import io.miniman.security.ApiTokens;
import io.miniman.security.Role;
import io.miniman.security.UserService;
import io.miniman.testsupport.MinimanSpringTest;

/**
 * Channels and rules as the admins' Forwarding page has them (a channel's secret goes in and never comes
 * out), and the bell's unread alerts for admins and operators.
 */
@MinimanSpringTest
class AlertsApiTest {

    private static final String SECRET = "smtp-Secret-4711";

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
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        api = ApiMvc.of(context);
        mvc = api.mvc();
        admin = ApiClients.token(users, tokens, "api-admin", Role.ADMIN, false);
        operator = ApiClients.token(users, tokens, "api-operator", Role.OPERATOR, false);
        viewer = ApiClients.token(users, tokens, "api-viewer", Role.VIEWER, false);
    }

    private static MockHttpServletRequestBuilder jsonBody(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String text(MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aChannelsSecretIsWrittenAndNeverReadBack() throws Exception {
        String name = "mail " + System.nanoTime() % 100000;
        String mail = "{\"name\":\"" + name + "\",\"kind\":\"EMAIL\",\"address\":\"127.0.0.1:1\",\"username\":\"mm\","
                + "\"secret\":\"" + SECRET + "\",\"mailFrom\":\"mm@box.lan\",\"mailTo\":\"ops@example.org\",\"enabled\":true}";
        mvc.perform(jsonBody(as(post("/api/v1/alerts/channels"), operator), mail)).andExpect(status().isForbidden());
        mvc.perform(jsonBody(as(post("/api/v1/alerts/channels"), admin), mail.replace("ops@example.org", "")))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("mailTo")));

        String created = mvc.perform(jsonBody(as(post("/api/v1/alerts/channels"), admin), mail))
                .andExpect(status().isCreated()).andExpect(header().string("Location", Matchers.startsWith("/api/v1/alerts/channels/")))
                .andExpect(jsonPath("$.hasSecret").value(true)).andReturn().getResponse().getContentAsString();
        assertThat(created).doesNotContain(SECRET);
        long id = json.readTree(created).path("id").asLong();
        mvc.perform(jsonBody(as(post("/api/v1/alerts/channels"), admin), mail)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("exists")));

        // a change without the secret keeps the stored one
        String changed = text(jsonBody(as(put("/api/v1/alerts/channels/{id}", id), admin),
                mail.replace(",\"secret\":\"" + SECRET + "\"", "").replace("mm@box.lan", "box@box.lan")), 200);
        assertThat(json.readTree(changed).path("hasSecret").asBoolean()).isTrue();
        assertThat(json.readTree(changed).path("mailFrom").asText()).isEqualTo("box@box.lan");
        String one = text(as(get("/api/v1/alerts/channels/{id}", id), admin), 200);
        assertThat(json.readTree(one).path("channel").path("hasSecret").asBoolean()).isTrue();
        assertThat(text(as(get("/api/v1/alerts/channels"), admin), 200)).contains(name).doesNotContain(SECRET);
        assertThat(text(as(get("/api/v1/operations").queryParam("text", name), admin), 200))
                .contains("Add alert channel", "Change alert channel", "api-admin (token ").doesNotContain(SECRET);
        mvc.perform(as(get("/api/v1/alerts/channels"), viewer)).andExpect(status().isForbidden());

        // nothing listens on port 1: the test says why it failed, as the page does
        mvc.perform(as(post("/api/v1/alerts/channels/{id}/test", id), admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false)).andExpect(jsonPath("$.message").isNotEmpty());
        mvc.perform(as(delete("/api/v1/alerts/channels/{id}", id), admin)).andExpect(status().isNoContent());
        mvc.perform(as(get("/api/v1/alerts/channels/{id}", id), admin)).andExpect(status().isNotFound());
        mvc.perform(as(post("/api/v1/alerts/channels/{id}/test", id), admin)).andExpect(status().isNotFound());
    }

    @Test
    void rulesAreValidatedFieldByFieldAndChangedByAdmins() throws Exception {
        long channel = json.readTree(text(jsonBody(as(post("/api/v1/alerts/channels"), admin),
                "{\"name\":\"bell " + System.nanoTime() % 100000 + "\",\"kind\":\"IN_APP\",\"enabled\":true}"), 201)).path("id").asLong();
        String name = "pulls " + System.nanoTime() % 100000;
        String incomplete = "{\"name\":\"" + name + "\",\"kind\":\"FAILURES_OF_NAME\",\"quietMinutes\":0,\"channelIds\":[" + channel
                + "],\"enabled\":true}";
        JsonNode refused = json.readTree(text(jsonBody(as(post("/api/v1/alerts/rules"), admin), incomplete), 422));
        assertThat(refused.path("errors")).extracting(e -> e.path("field").asText())
                .containsExactlyInAnyOrder("minutes", "operationName", "threshold");
        mvc.perform(jsonBody(as(post("/api/v1/alerts/rules"), admin), incomplete.replace("\"quietMinutes\":0", "\"quietMinutes\":0,\"colour\":1")))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("colour"));

        String rule = incomplete.replace("\"quietMinutes\":0", "\"quietMinutes\":5,\"operationName\":\"Pull image\",\"threshold\":3,\"minutes\":10");
        mvc.perform(jsonBody(as(post("/api/v1/alerts/rules"), operator), rule)).andExpect(status().isForbidden());
        JsonNode created = json.readTree(text(jsonBody(as(post("/api/v1/alerts/rules"), admin), rule), 201));
        long id = created.path("id").asLong();
        assertThat(created.path("threshold").asInt()).isEqualTo(3);
        mvc.perform(jsonBody(as(put("/api/v1/alerts/rules/{id}", id), admin), rule.replace("\"threshold\":3", "\"threshold\":4")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.threshold").value(4)).andExpect(jsonPath("$.id").value(id));
        mvc.perform(jsonBody(as(put("/api/v1/alerts/rules/{id}", id), admin), rule.replace("[" + channel + "]", "[987654]")))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.detail").value(Matchers.containsString("channel")));
        mvc.perform(as(get("/api/v1/alerts/rules/{id}", id), admin)).andExpect(status().isOk()).andExpect(jsonPath("$.threshold").value(4));
        mvc.perform(as(get("/api/v1/alerts/rules"), operator)).andExpect(status().isForbidden());
        mvc.perform(as(delete("/api/v1/alerts/rules/{id}", id), admin)).andExpect(status().isNoContent());
        mvc.perform(as(get("/api/v1/alerts/rules/{id}", id), admin)).andExpect(status().isNotFound());
        mvc.perform(as(delete("/api/v1/alerts/channels/{id}", channel), admin)).andExpect(status().isNoContent());
    }

    @Test
    void theBellsAlertsAreReadAndMarkedReadPerUser() throws Exception {
        long channel = json.readTree(text(jsonBody(as(post("/api/v1/alerts/channels"), admin),
                "{\"name\":\"bell " + System.nanoTime() % 100000 + "\",\"kind\":\"IN_APP\",\"enabled\":true}"), 201)).path("id").asLong();
        // a test through the bell is an in-app alert like any other
        mvc.perform(as(post("/api/v1/alerts/channels/{id}/test", channel), admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true));
        JsonNode unread = json.readTree(text(as(get("/api/v1/alerts").queryParam("limit", "10"), operator), 200));
        assertThat(unread).isNotEmpty();
        assertThat(unread.get(0).path("rule").asText()).isEqualTo("test");
        assertThat(json.readTree(text(as(get("/api/v1/alerts/unread-count"), operator), 200)).path("unread").asLong()).isPositive();
        mvc.perform(jsonBody(as(post("/api/v1/alerts/read"), operator), "{\"upToId\":" + unread.get(0).path("id").asLong() + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unread").value(0));
        assertThat(json.readTree(text(as(get("/api/v1/alerts/unread-count"), admin), 200)).path("unread").asLong())
                .as("read for the operator only").isPositive();
        mvc.perform(as(get("/api/v1/alerts").queryParam("limit", "0"), operator)).andExpect(status().isUnprocessableEntity());
        mvc.perform(as(get("/api/v1/alerts"), viewer)).andExpect(status().isForbidden());
        mvc.perform(as(delete("/api/v1/alerts/channels/{id}", channel), admin)).andExpect(status().isNoContent());
    }
}
