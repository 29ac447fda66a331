package io.miniman.operation.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.miniman.operation.OperationService;
import io.miniman.operation.OperationType;
import io.miniman.testsupport.MinimanSpringTest;
import io.miniman.testsupport.Requires;

/** The scrape as Prometheus gets it, checked by Prometheus's own parser ({@code promtool check metrics}). */
@MinimanSpringTest
@Tag("engine")
class PrometheusScrapeTest {

    @LocalServerPort
    int port;
    @Autowired
    OperationService operations;

    @Test
    void theScrapeParsesAndCountsOperationsByTypeAndStatus() throws Exception {
        Path promtool = Requires.program("promtool");
        operations.submit(OperationType.COMPOSE, "Metrics probe", null, ctx -> {
            throw new IOException("probe failure");
        }).completion().join();
        operations.submit(OperationType.COMPOSE, "Metrics probe", null, ctx -> "fine").completion().join();

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String scrape = response.body();
        assertThat(scrape).contains("# TYPE miniman_operations_total counter");

        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(scrape.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String verdict = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // 0: clean; 3: parsed, with lint advice about the JVM meters Micrometer names (1 would be a parse error)
        assertThat(check.exitValue()).as(verdict).isIn(0, 3);
        assertThat(verdict).doesNotContain("error while linting");
        assertThat(verdict.lines().filter(line -> line.startsWith("miniman_"))).as("lint advice on our own metrics").isEmpty();

        assertThat(scrape).containsPattern("(?m)^miniman_operations_total\\{application=\"miniman\",status=\"failed\",type=\"compose\"} [1-9]")
                .containsPattern("(?m)^miniman_operations_total\\{application=\"miniman\",status=\"completed\",type=\"compose\"} [1-9]")
                .containsPattern("(?m)^miniman_operation_duration_seconds_count\\{application=\"miniman\",status=\"failed\",type=\"compose\"} [1-9]")
                .contains("miniman_operations_active", "jvm_memory_used_bytes", "system_cpu_count", "process_uptime_seconds");
    }
}
