package io.miniman.system.backup.api;

import static io.miniman.api.ApiMvc.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.miniman.api.ApiClients;
import io.miniman.api.ApiMvc;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.store.NetworkSettingsStore;
import io.miniman.security.ApiTokens;
import io.miniman.security.Role;
import io.miniman.security.UserService;
import io.miniman.system.backup.BackupActions;
import io.miniman.system.backup.BackupProperties;
import io.miniman.system.backup.BackupSchedule;
import io.miniman.testsupport.MinimanSpringTest;

/**
 * Backup and restore through the API, admins only: kept archives, the schedule, a download of the current
 * state, and a restore in two calls whose upload is checked first (a bad archive changes nothing). The
 * upload's role check (before a byte is read) and its size limit are checked over real HTTP.
 */
@MinimanSpringTest
class BackupsApiTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    NetworkSettingsStore network;
    @Autowired
    BackupActions actions;
    @Autowired
    BackupProperties limits;
    @LocalServerPort
    int port;

    ApiMvc api;
    MockMvc mvc;
    String admin;
    String operator;
    String viewer;
    NetworkSettings original;
    BackupSchedule originalSchedule;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        api = ApiMvc.of(context);
        mvc = api.mvc();
        admin = ApiClients.token(users, tokens, "api-admin", Role.ADMIN, false);
        operator = ApiClients.token(users, tokens, "api-operator", Role.OPERATOR, false);
        viewer = ApiClients.token(users, tokens, "api-viewer", Role.VIEWER, false);
        original = network.current();
        originalSchedule = ApiClients.as("admin", Role.ADMIN, actions::schedule);
    }

    @AfterEach
    void putBack() {
        network.save(original);
        network.releaseRollback();
        ApiClients.as("admin", Role.ADMIN, () -> actions.saveSchedule(originalSchedule));
    }

    /** The current state without the user accounts: restoring it leaves the suite's users alone. */
    private byte[] export() throws Exception {
        return mvc.perform(as(get("/api/v1/backups/export").queryParam("withUsers", "false"), admin))
                .andExpect(status().isOk()).andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
                        Matchers.startsWith("attachment; filename=\"miniman-")))
                .andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void keptArchivesTheScheduleAndTheDownloadAreForAdminsOnly() throws Exception {
        for (String token : new String[] {operator, viewer}) {
            mvc.perform(as(get("/api/v1/backups"), token)).andExpect(status().isForbidden());
            mvc.perform(as(get("/api/v1/backups/export"), token)).andExpect(status().isForbidden());
            mvc.perform(as(post("/api/v1/backups"), token)).andExpect(status().isForbidden());
        }
        byte[] archive = export();
        assertThat(archive[0] & 0xff).isEqualTo(0x1f);
        assertThat(archive[1] & 0xff).as("gzip").isEqualTo(0x8b);
        assertThat(api.json(as(get("/api/v1/operations").queryParam("text", "Download backup"), admin), 200)
                .path("items").get(0).path("user").asText()).startsWith("api-admin (token ");

        JsonNode made = api.finished(admin, api.json(as(post("/api/v1/backups").queryParam("withUsers", "false"), admin), 202)
                .path("operationId").asLong());
        assertThat(made.path("status").asText()).as(made.toString()).isEqualTo("COMPLETED");
        String name = made.path("result").asText().split(" ")[0];
        JsonNode kept = api.json(as(get("/api/v1/backups"), admin), 200);
        assertThat(kept).extracting(b -> b.path("name").asText()).contains(name);
        byte[] stored = mvc.perform(as(get("/api/v1/backups/{name}", name), admin)).andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/gzip"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(stored[0] & 0xff).isEqualTo(0x1f);

        mvc.perform(as(delete("/api/v1/backups/{name}", name), operator)).andExpect(status().isForbidden());
        mvc.perform(as(delete("/api/v1/backups/{name}", name), admin)).andExpect(status().isNoContent());
        mvc.perform(as(get("/api/v1/backups/{name}", name), admin)).andExpect(status().isNotFound());
        mvc.perform(as(delete("/api/v1/backups/{name}", "miniman-manual-nope.tar.gz"), admin)).andExpect(status().isNotFound());
        assertThat(api.json(as(get("/api/v1/backups"), admin), 200)).extracting(b -> b.path("name").asText()).doesNotContain(name);
    }

    @Test
    void theScheduleIsReadAndChangedWithItsLimits() throws Exception {
        mvc.perform(as(put("/api/v1/backups/schedule"), admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":true,\"keep\":0,\"includeUsers\":false}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("keep"));
        mvc.perform(as(put("/api/v1/backups/schedule"), admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":true,\"keep\":5,\"includeUsers\":false,\"hour\":3}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("hour"));
        assertThat(api.json(as(get("/api/v1/backups/schedule"), admin), 200).path("keep").asInt()).isEqualTo(originalSchedule.keep());
        mvc.perform(as(put("/api/v1/backups/schedule"), admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false,\"keep\":5,\"includeUsers\":false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.keep").value(5)).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(as(get("/api/v1/backups/schedule"), operator)).andExpect(status().isForbidden());
    }

    @Test
    void anUploadIsCheckedThenRestoredWithItsAnswersAndABadOneChangesNothing() throws Exception {
        byte[] archive = export();
        byte[] tampered = archive.clone();
        tampered[tampered.length / 2] ^= 0x20;
        network.save(original.withWifi(original.wifi().withSsid("must-stay")));
        NetworkSettings before = network.current();
        int kept = api.json(as(get("/api/v1/backups"), admin), 200).size();

        for (byte[] bad : new byte[][] {tampered, "not an archive".getBytes(StandardCharsets.UTF_8)}) {
            mvc.perform(as(post("/api/v1/backups/restore").contentType("application/gzip").content(bad), admin)).andExpect(status().isUnprocessableEntity())
                    .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Refused, nothing changed: ")));
        }
        mvc.perform(as(post("/api/v1/backups/restore").contentType("application/gzip").content(archive), operator)).andExpect(status().isForbidden());
        assertThat(network.current()).isEqualTo(before);
        assertThat(api.json(as(get("/api/v1/backups"), admin), 200).size()).as("no pre-restore backup").isEqualTo(kept);

        JsonNode plan = api.json(as(post("/api/v1/backups/restore").contentType("application/gzip").content(archive), admin), 200);
        assertThat(plan.path("parts")).extracting(p -> p.path("name").asText()).contains("network").doesNotContain("users");
        assertThat(plan.toString()).doesNotContain(original.wifi().passphrase());
        String upload = plan.path("upload").path("id").asText();
        assertThat(upload).matches("upload-\\d+\\.bin");

        JsonNode done = api.finished(admin, api.json(as(post("/api/v1/backups/restore/{id}", upload), admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"answers\":{}}"), 202).path("operationId").asLong());
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("result").asText()).contains("restored");
        JsonNode change = api.json(as(get("/api/v1/network/change"), admin), 200);
        if (change.path("phase").asText().equals("AWAITING_CONFIRMATION")) {
            mvc.perform(as(post("/api/v1/network/change/{id}/confirm", change.path("id").asLong()), admin))
                    .andExpect(status().isOk());
        }
        assertThat(network.current().wifi().ssid()).isEqualTo(original.wifi().ssid());
        mvc.perform(as(post("/api/v1/backups/restore/{id}", upload), admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":{}}")).andExpect(status().isUnprocessableEntity());
        mvc.perform(as(delete("/api/v1/backups/restore/{id}", upload), admin)).andExpect(status().isNotFound());
    }

    @Test
    void overRealHttpTheUploadIsParsedAfterTheRoleCheckAndCappedAtTheArchiveLimit() throws Exception {
        byte[] archive = export();
        HttpResponse<String> refused = upload(viewer, archive);
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> checked = upload(admin, archive);
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        String id = json.readTree(checked.body()).path("upload").path("id").asText();
        mvc.perform(as(delete("/api/v1/backups/restore/{id}", id), admin)).andExpect(status().isNoContent());

        // more than the archive limit, declared: refused before a byte of it is read (the JSON cap is far lower)
        long declared = limits.archiveLimit() + 1;
        assertThat(declared).isGreaterThan(10L * 1024 * 1024);
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/backups/restore HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + admin
                    + "\r\nContent-Type: application/gzip\r\nContent-Length: " + declared + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 413");
        }
    }

    private HttpResponse<String> upload(String token, byte[] archive) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/backups/restore")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/gzip").header("Content-Disposition", "attachment; filename=box.tar.gz")
                .POST(HttpRequest.BodyPublishers.ofByteArray(archive)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
