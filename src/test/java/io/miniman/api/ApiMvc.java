package io.miniman.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** MockMvc calls as a script makes them: with a bearer token, reading JSON, waiting for an operation's end. */
public record ApiMvc(MockMvc mvc) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ApiMvc of(WebApplicationContext context) {
        return new ApiMvc(MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build());
    }

    public static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    /** The answer's JSON, after checking its status. */
    public JsonNode json(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        return JSON.readTree(mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn().getResponse().getContentAsString());
    }

    /**
     * The 202 answer's JSON of a request whose target an operation of another test may still hold (the API
     * answers 409 until that one ends; a minute at most).
     */
    public JsonNode acceptedOnceFree(MockHttpServletRequestBuilder request) throws Exception {
        for (int i = 0; i < 1200; i++) {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            if (response.getStatus() != 409) {
                assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(202);
                return JSON.readTree(response.getContentAsString());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the target stayed busy");
    }

    /** Polls GET /operations/{id} until the operation has completed or failed (a minute at most). */
    public JsonNode finished(String token, long id) throws Exception {
        for (int i = 0; i < 1200; i++) {
            JsonNode operation = json(as(get(ApiPaths.OPERATIONS + "/{id}", id), token), 200);
            if (operation.path("status").asText().matches("COMPLETED|FAILED")) {
                return operation;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("operation " + id + " did not finish");
    }
}
