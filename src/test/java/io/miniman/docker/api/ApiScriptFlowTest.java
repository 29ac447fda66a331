package io.miniman.docker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.miniman.api.ApiClients;
import io.miniman.api.ApiHttp;
import io.miniman.docker.Await;
import io.miniman.docker.DockerTestEngine;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;
import io.miniman.security.ApiTokens;
import io.miniman.security.Role;
import io.miniman.security.UserService;
import io.miniman.testsupport.MinimanSpringTest;

/**
 * What a script does with curl, over real HTTP against the real engine: run a container, follow its
 * operation by SSE, read its logs, run a command in it, remove it; and the Docker reads and changes of
 * each kind with the roles that may and may not.
 */
@MinimanSpringTest
@Tag("engine")
class ApiScriptFlowTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    OperationService operations;

    @AfterAll
    static void cleanUp() {
        DockerTestEngine.cleanUp();
    }

    private ApiHttp as(String user, Role role) {
        return new ApiHttp(port, ApiClients.token(users, tokens, user, role, false));
    }

    @Test
    void aScriptRunsAContainerFollowsItReadsItsLogsAndRemovesIt() throws Exception {
        String image = DockerTestEngine.image();
        String name = DockerTestEngine.name("api-run");
        ApiHttp api = as("flow-op", Role.OPERATOR);

        HttpResponse<String> run = api.send("POST", "/api/v1/containers?pull=false", """
                {"image":"%s","name":"%s","command":["sh","-c","echo hello-from-api; exec sleep 300"],"restart":"NO"}
                """.formatted(image, name));
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        long operation = ApiHttp.json(run).path("operationId").asLong();
        assertThat(run.headers().firstValue("Location")).hasValue("/api/v1/operations/" + operation);

        JsonNode last = follow(api, operation);
        assertThat(last.path("status").asText()).as(last.toString()).isEqualTo("COMPLETED");
        assertThat(last.path("user").asText()).startsWith("flow-op (token ");

        JsonNode listed = ApiHttp.json(api.get("/api/v1/containers?text=" + name));
        assertThat(listed).hasSize(1);
        String id = listed.get(0).path("id").asText();
        assertThat(listed.get(0).path("state").asText()).isEqualTo("running");
        Await.until(() -> logs(api, name).contains("hello-from-api"), Duration.ofSeconds(10), "the container's first line");

        HttpResponse<String> exec = api.send("POST", "/api/v1/containers/" + name + "/exec", "{\"command\":[\"echo\",\"via-exec\"]}");
        assertThat(exec.statusCode()).as(exec.body()).isEqualTo(200);
        assertThat(ApiHttp.json(exec).path("exitCode").asInt()).isZero();
        assertThat(ApiHttp.json(exec).path("output").asText()).contains("via-exec");

        // while an operation holds the container, a script is told so instead of queued behind it
        CountDownLatch release = new CountDownLatch(1);
        operations.submit(OperationType.DOCKER, "hold", OperationTarget.of(OperationTarget.Kind.CONTAINER, id), ctx -> {
            release.await(30, TimeUnit.SECONDS);
            return "held";
        });
        try {
            HttpResponse<String> busy = api.send("POST", "/api/v1/containers/" + name + "/stop?timeout=1", null);
            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(409);
            assertThat(busy.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        } finally {
            release.countDown();
        }

        // a VIEWER reads but may not remove
        ApiHttp viewer = as("flow-viewer", Role.VIEWER);
        assertThat(viewer.get("/api/v1/containers/" + name).statusCode()).isEqualTo(200);
        assertThat(viewer.send("DELETE", "/api/v1/containers/" + name + "?force=true", null).statusCode()).isEqualTo(403);

        HttpResponse<String> remove = api.send("DELETE", "/api/v1/containers/" + name + "?force=true", null);
        assertThat(remove.statusCode()).as(remove.body()).isEqualTo(202);
        long removal = ApiHttp.json(remove).path("operationId").asLong();
        Await.until(() -> status(api, removal).equals("COMPLETED"),
                Duration.ofSeconds(60), "the removal");
        assertThat(api.get("/api/v1/containers/" + name).statusCode()).isEqualTo(404);
    }

    @Test
    void volumesNetworksImagesAndTheEngineAnswerEachRole() throws Exception {
        DockerTestEngine.image();
        ApiHttp admin = as("flow-admin", Role.ADMIN);
        ApiHttp viewer = as("flow-viewer", Role.VIEWER);
        for (String path : List.of("/api/v1/containers", "/api/v1/images", "/api/v1/volumes", "/api/v1/docker-networks",
                "/api/v1/docker/info", "/api/v1/docker/state", "/api/v1/stacks")) {
            HttpResponse<String> response = viewer.get(path);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        }
        assertThat(viewer.get("/api/v1/docker/security").statusCode()).isEqualTo(403);
        assertThat(admin.get("/api/v1/docker/security").statusCode()).isEqualTo(200);

        String volume = DockerTestEngine.name("api-vol");
        HttpResponse<String> created = admin.send("POST", "/api/v1/volumes", "{\"name\":\"" + volume + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        assertThat(follow(admin, accepted(created)).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(admin.get("/api/v1/volumes/" + volume).statusCode()).isEqualTo(200);
        // driver options are an admin's: an operator is refused with the field named
        HttpResponse<String> bind = as("flow-op", Role.OPERATOR).send("POST", "/api/v1/volumes",
                "{\"name\":\"" + volume + "-2\",\"options\":{\"type\":\"none\",\"o\":\"bind\",\"device\":\"/\"}}");
        assertThat(bind.statusCode()).isEqualTo(403);
        assertThat(ApiHttp.json(bind).path("errors").get(0).path("field").asText()).startsWith("options");
        assertThat(follow(admin, accepted(admin.send("DELETE", "/api/v1/volumes/" + volume, null)))
                .path("status").asText()).isEqualTo("COMPLETED");
        assertThat(admin.get("/api/v1/volumes/" + volume).statusCode()).isEqualTo(404);

        String network = DockerTestEngine.name("api-net");
        HttpResponse<String> net = admin.send("POST", "/api/v1/docker-networks", "{\"name\":\"" + network + "\"}");
        assertThat(follow(admin, accepted(net)).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(admin.get("/api/v1/docker-networks/" + network).statusCode()).isEqualTo(200);
        assertThat(follow(admin, accepted(admin.send("DELETE", "/api/v1/docker-networks/" + network, null))).path("status").asText()).isEqualTo("COMPLETED");

        JsonNode images = ApiHttp.json(viewer.get("/api/v1/images"));
        String imageId = null;
        for (JsonNode image : images) {
            if (image.path("tags").toString().contains(DockerTestEngine.IMAGE)) {
                imageId = image.path("id").asText();
            }
        }
        assertThat(imageId).isNotNull();
        assertThat(viewer.get("/api/v1/images/" + imageId + "/history").statusCode()).isEqualTo(200);
        String tag = "127.0.0.1:5000/" + DockerTestEngine.PREFIX + "-apitag:1";
        try {
            HttpResponse<String> tagged = admin.send("POST", "/api/v1/images/" + imageId + "/tag", "{\"reference\":\"" + tag + "\"}");
            assertThat(follow(admin, accepted(tagged)).path("status").asText()).isEqualTo("COMPLETED");
            HttpResponse<String> untag = admin.send("DELETE", "/api/v1/images/" + imageId + "?reference=" + tag, null);
            assertThat(follow(admin, accepted(untag)).path("status").asText()).isEqualTo("COMPLETED");
        } finally {
            // the shared test image must never keep a tag with this run's prefix: cleanUp removes such images by force
            DockerTestEngine.docker(List.of("rmi", tag));
        }
        assertThat(ApiHttp.json(viewer.get("/api/v1/images")).toString()).doesNotContain(tag).contains(DockerTestEngine.IMAGE);
    }

    /** The operation a 202 answer names (failing with the answer's body when it is not a 202). */
    static long accepted(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return ApiHttp.json(response).path("operationId").asLong();
    }

    /** Follows an operation's Server-Sent Events until the stream ends; returns the last state it carried. */
    static JsonNode follow(ApiHttp api, long operation) throws Exception {
        List<String> data = new ArrayList<>();
        try (Stream<String> lines = api.events("/api/v1/operations/events?id=" + operation)) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("data:")) {
                    data.add(line.substring(5));
                }
            }
        }
        assertThat(data).as("events of operation " + operation).isNotEmpty();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(data.get(data.size() - 1));
    }

    private static String logs(ApiHttp api, String name) {
        try {
            return api.get("/api/v1/containers/" + name + "/logs?tail=50").body();
        } catch (Exception e) {
            return "";
        }
    }

    private static String status(ApiHttp api, long operation) {
        try {
            return ApiHttp.json(api.get("/api/v1/operations/" + operation)).path("status").asText();
        } catch (Exception e) {
            return "";
        }
    }
}
