package io.miniman.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import io.miniman.testsupport.MinimanSpringTest;

@MinimanSpringTest
class BoxOperationsTest {

    @Autowired
    BoxOperations operations;
    @Autowired
    HostFigures host;

    @Test
    @WithMockUser(username = "olga", roles = "OPERATOR")
    void anExtensionsWorkIsAnOperationOfItsUserAndRunsWithTheirRights() {
        long id = operations.submit("Read the sensor", "sensor-1", progress -> {
            progress.line("asking the bus");
            progress.secret("bus-token-123");
            progress.line("token bus-token-123 accepted");
            // the API's own role checks hold inside the work: it acts as the user who started it
            return "host " + host.now().hostName();
        });

        OperationState done = Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30))
                .until(() -> operations.find(id).orElseThrow(), OperationState::finished);
        assertThat(done.failed()).as(done.error()).isFalse();
        assertThat(done.name()).isEqualTo("Read the sensor");
        assertThat(done.user()).isEqualTo("olga");
        assertThat(done.result()).startsWith("host ");
        assertThat(done.details()).contains("asking the bus").doesNotContain("bus-token-123");
    }

    @Test
    @WithMockUser(username = "vera", roles = "VIEWER")
    void aViewerCannotStartWorkButReadsTheBox() {
        assertThatThrownBy(() -> operations.submit("Change", "x", progress -> "no"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(host.now().memoryTotalBytes()).isPositive();
    }
}
