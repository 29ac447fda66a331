package io.miniman.operation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.miniman.api.ApiClients;
import io.miniman.api.ApiHttp;
import io.miniman.docker.Await;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;
import io.miniman.security.ApiTokens;
import io.miniman.security.Role;
import io.miniman.security.UserService;
import io.miniman.testsupport.MinimanSpringTest;

/** The operations endpoints over real HTTP: one operation, the log, and its transitions as Server-Sent Events. */
@MinimanSpringTest
class OperationEventsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    OperationService operations;
    @Autowired
    OperationEventStreams streams;
    @Autowired
    UserService users;
    @Autowired
    ApiTokens tokens;

    private ApiHttp client() {
        return new ApiHttp(port, ApiClients.token(users, tokens, "sse-viewer", Role.VIEWER, false));
    }

    @Test
    void aStreamForOneOperationCarriesItsTransitionsAndEndsWhenItFinishes() throws Exception {
        ApiHttp api = client();
        CountDownLatch release = new CountDownLatch(1);
        OperationHandle handle = operations.submit(OperationType.SYSTEM, "sse test", OperationTarget.of(OperationTarget.Kind.SETTINGS, "sse-test"),
                ctx -> {
                    release.await(30, TimeUnit.SECONDS);
                    ctx.progress("half way");
                    return "done";
                });
        assertThat(ApiHttp.json(api.get("/api/v1/operations/" + handle.id())).path("status").asText()).isIn("PENDING", "RUNNING");

        List<String> data = new ArrayList<>();
        try (Stream<String> lines = api.events("/api/v1/operations/events?id=" + handle.id())) {
            release.countDown();
            Iterator<String> it = lines.iterator();
            // the stream ends by itself once the operation has finished: hasNext() turns false
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("data:")) {
                    data.add(line.substring(5));
                }
            }
        }
        assertThat(data).isNotEmpty().allSatisfy(d -> assertThat(d).contains("\"id\":" + handle.id()));
        assertThat(data.get(data.size() - 1)).contains("\"status\":\"COMPLETED\"").contains("\"result\":\"done\"");
        assertThat(ApiHttp.json(api.get("/api/v1/operations/" + handle.id())).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(ApiHttp.json(api.get("/api/v1/operations?type=SYSTEM&text=sse%20test")).path("total").asLong()).isPositive();

        // a finished operation's stream answers its last state at once and ends
        try (Stream<String> lines = api.events("/api/v1/operations/events?id=" + handle.id())) {
            assertThat(lines.filter(l -> l.startsWith("data:")).toList()).singleElement()
                    .satisfies(l -> assertThat(l).contains("COMPLETED"));
        }
        assertThat(api.get("/api/v1/operations/events?id=999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void aStreamFiltersByTypeAndIsClosedWhenTheClientGoesAway() throws Exception {
        ApiHttp api = client();
        int before = streams.openCount();
        Stream<String> lines = api.events("/api/v1/operations/events?type=NETWORK");
        Await.until(() -> streams.openCount() == before + 1, Duration.ofSeconds(10), "the stream to open");
        operations.record(OperationType.SYSTEM, "not for this stream", null, OperationStatus.COMPLETED, "x", null);
        operations.record(OperationType.NETWORK, "for this stream", null, OperationStatus.COMPLETED, "y", null);
        Iterator<String> it = lines.iterator();
        String first = null;
        while (first == null && it.hasNext()) {
            String line = it.next();
            first = line.startsWith("data:") ? line : null;
        }
        assertThat(first).contains("for this stream").doesNotContain("not for this stream");
        lines.close();
        // the server learns of the disconnect at its next write: each transition is one
        Await.until(() -> {
            operations.record(OperationType.NETWORK, "after the client left", null, OperationStatus.COMPLETED, "z", null);
            return streams.openCount() == before;
        }, Duration.ofSeconds(30), "the stream of a gone client to close");
    }
}
