package io.miniman.network.diag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;
import io.miniman.testsupport.MinimanSpringTest;
import io.miniman.testsupport.Requires;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Only loopback is ever the target: tests send no traffic anywhere else. */
@MinimanSpringTest
@WithMockUser(roles = "OPERATOR")
class DiagnosticsTest {

    @Autowired
    DiagnosticsService diagnostics;

    @ParameterizedTest
    @ValueSource(strings = {"-f", "--help", "; reboot", "a b", "$(reboot)", "host\nname", "", "a;b", "`id`", "x/y",
            "-1.2.3.4"})
    void refusesAnythingButAHostNameOrAddress(String target) {
        assertThat(DiagnosticTarget.problem(target)).isPresent();
        assertThat(violationsOf(new DiagnosticRequest(DiagnosticKind.PING, target, null))).containsOnlyKeys("target");
    }

    /** The service's own answer, by property path: what a form shows beside its fields and the API returns. */
    private Map<String, String> violationsOf(DiagnosticRequest request) {
        Throwable thrown = catchThrowable(() -> diagnostics.run(request, line -> { }));
        assertThat(thrown).isInstanceOf(ConstraintViolationException.class);
        return ((ConstraintViolationException) thrown).getConstraintViolations().stream().collect(Collectors.toMap(
                violation -> violation.getPropertyPath().toString(), ConstraintViolation::getMessage));
    }

    @Test
    void aTcpCheckNeedsAPortAndOtherTestsIgnoreIt() {
        assertThat(violationsOf(new DiagnosticRequest(DiagnosticKind.TCP_PORT, "127.0.0.1", null)))
                .containsExactly(Map.entry("port", "A port from 1 to 65535."));
        assertThat(violationsOf(new DiagnosticRequest(DiagnosticKind.TCP_PORT, "-x", 70000))).containsOnlyKeys("target",
                "port");
        assertThat(violationsOf(new DiagnosticRequest(null, "localhost", null))).containsOnlyKeys("kind");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "example.org", "miniman.lan.", "::1", "fe80::1", "a-b.c"})
    void acceptsHostNamesAndAddresses(String target) {
        assertThat(DiagnosticTarget.problem(target)).isEmpty();
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void viewersCannotRunThem() {
        assertThatThrownBy(() -> diagnostics.run(new DiagnosticRequest(DiagnosticKind.PING, "127.0.0.1", null),
                line -> { })).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theTargetIsTheLastArgumentOfItsOwn() {
        assertThat(DiagnosticsService.command(DiagnosticKind.DNS_LOOKUP, "example.org"))
                .containsExactly("getent", "ahosts", "example.org");
        List<String> ping = DiagnosticsService.command(DiagnosticKind.PING, "127.0.0.1");
        assertThat(ping.get(ping.size() - 1)).isEqualTo("127.0.0.1");
    }

    @Test
    void pingStreamsItsOutputAsAnOperation() throws Exception {
        Requires.root();
        Requires.program("busybox");
        List<String> lines = new CopyOnWriteArrayList<>();
        OperationUpdate done = diagnostics.run(new DiagnosticRequest(DiagnosticKind.PING, "127.0.0.1", null), lines::add).completion()
                .get(60, TimeUnit.SECONDS);
        assertThat(done.status()).as(done.errorMessage()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(done.name()).isEqualTo("Ping 127.0.0.1");
        assertThat(lines).anyMatch(line -> line.contains("127.0.0.1"));
        assertThat(done.details()).contains("127.0.0.1");
    }

    @Test
    void dnsLookupOfLocalhost() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        OperationUpdate done = diagnostics.run(new DiagnosticRequest(DiagnosticKind.DNS_LOOKUP, "localhost", null), lines::add).completion()
                .get(60, TimeUnit.SECONDS);
        assertThat(done.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(String.join("\n", lines)).containsAnyOf("127.0.0.1", "::1");
    }

    @Test
    void tcpCheckTellsOpenFromClosed() throws Exception {
        int closedPort;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            OperationUpdate open = diagnostics.run(new DiagnosticRequest(DiagnosticKind.TCP_PORT, "127.0.0.1",
                    listener.getLocalPort()), line -> { }).completion().get(60, TimeUnit.SECONDS);
            assertThat(open.status()).isEqualTo(OperationStatus.COMPLETED);
            assertThat(open.result()).startsWith("Open");
            closedPort = listener.getLocalPort();
        }
        OperationUpdate closed = diagnostics.run(new DiagnosticRequest(DiagnosticKind.TCP_PORT, "127.0.0.1", closedPort),
                line -> { })
                .completion().get(60, TimeUnit.SECONDS);
        assertThat(closed.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(closed.errorMessage()).contains("closed or unreachable");
        assertThat(violationsOf(new DiagnosticRequest(DiagnosticKind.TCP_PORT, "127.0.0.1", 70000)))
                .containsOnlyKeys("port");
    }
}
