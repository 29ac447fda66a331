package io.miniman.operation.alert;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;
import io.miniman.testsupport.MinimanSpringTest;

/**
 * Not a test: prints figures (the name keeps it out of the normal run). Forwarding overhead per
 * operation, and the time from a failed operation to its alert mail in an SMTP server on loopback:
 *
 *   ./mvnw -B -ntp -o test -Dtest=AlertDeliveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 */
@MinimanSpringTest
class AlertDeliveryBenchmark {

    private static final int OPERATIONS = 2000;

    @Autowired
    AlertActions actions;
    @Autowired
    AlertConfig config;
    @Autowired
    OperationService operations;

    @Test
    void figures() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        forwardingOverhead();
        failureToMail();
    }

    private void forwardingOverhead() throws Exception {
        record(200);
        long without = record(OPERATIONS);
        try (DatagramSocket sink = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String to = "udp://127.0.0.1:" + sink.getLocalPort();
            List<ChannelSummary> added = List.of(
                    channel("bench syslog", ChannelKind.SYSLOG, to), channel("bench gelf", ChannelKind.GELF, to),
                    channel("bench snmp", ChannelKind.SNMP, to));
            long with = record(OPERATIONS);
            added.forEach(actions::deleteChannel);
            System.out.printf("forwarding: %d recorded operations, %.1f us each without destinations, %.1f us each with"
                    + " syslog+GELF+SNMP over UDP: overhead %.1f us per operation on the operation's thread%n", OPERATIONS,
                    without / 1000.0 / OPERATIONS, with / 1000.0 / OPERATIONS, (with - without) / 1000.0 / OPERATIONS);
        }
    }

    private ChannelSummary channel(String name, ChannelKind kind, String address) {
        return actions.saveChannel(new ChannelDraft(null, name, kind, address, null, null, false, null, null, true, true));
    }

    private long record(int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            operations.record(OperationType.SYSTEM, "Bench", null, OperationStatus.COMPLETED, "ok", null);
        }
        return System.nanoTime() - start;
    }

    private void failureToMail() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("bench@box.lan", "bench", "Bench-pass-1");
        smtp.start();
        ChannelSummary mail = actions.saveChannel(new ChannelDraft(null, "bench mail", ChannelKind.EMAIL, "127.0.0.1:" + port,
                "bench", "Bench-pass-1", false, "miniman@box.lan", "bench@box.lan", false, true));
        String name = "Bench failure " + System.nanoTime();
        RuleSpec rule = actions.saveRule(new RuleSpec(null, "bench rule", RuleKind.FAILURES_OF_NAME, null, name, 1, 1, 0,
                Set.of(mail.id()), true));
        List<Long> millis = new ArrayList<>();
        try {
            for (int i = 1; i <= 20; i++) {
                long start = System.nanoTime();
                operations.submit(OperationType.SYSTEM, name, null, ctx -> {
                    throw new IllegalStateException("bench failure");
                }).completion().join();
                while (smtp.getReceivedMessages().length < i) {
                    Thread.sleep(1);
                }
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
        } finally {
            actions.deleteRule(rule);
            actions.deleteChannel(mail);
            smtp.stop();
        }
        Collections.sort(millis);
        System.out.printf("failure to e-mail: %d failures, median %d ms, max %d ms (operation submitted -> message in the SMTP server)%n",
                millis.size(), millis.get(millis.size() / 2), millis.get(millis.size() - 1));
    }
}
