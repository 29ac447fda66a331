package io.miniman.operation.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;
import jakarta.validation.ConstraintViolationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.icegreen.greenmail.util.GreenMail;
import io.miniman.operation.report.ReportMail;
import io.miniman.operation.report.ReportPeriod;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationType;
import io.miniman.operation.OperationUpdate;
import io.miniman.testsupport.MinimanSpringTest;

/** Alerts by e-mail into a real SMTP server (GreenMail on loopback, with a login), and the quiet period. */
@MinimanSpringTest
class AlertMailTest {

    static final String PASSWORD = "Smtp-pass-7f3k";

    @Autowired
    AlertActions actions;
    @Autowired
    AlertConfig config;
    @Autowired
    AlertEngine engine;
    @Autowired
    OperationService operations;
    @Autowired
    ReportMailer reports;
    @Autowired
    ReportMail scheduledReport;

    GreenMail smtp;
    ChannelSummary mail;
    String opName;

    @BeforeEach
    void setUp() throws Exception {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("alerts@box.lan", "mailer", PASSWORD);
        smtp.start();
        asAdmin();
        mail = actions.saveChannel(new ChannelDraft(null, "mail " + System.nanoTime(), ChannelKind.EMAIL,
                "127.0.0.1:" + smtp.getSmtp().getPort(), "mailer", PASSWORD, false, "miniman@box.lan", "admin@box.lan, ops@box.lan",
                false, true));
        opName = "Alert test " + System.nanoTime();
    }

    @AfterEach
    void tearDown() {
        asAdmin();
        config.rules().stream().filter(r -> r.channelIds().contains(mail.id())).forEach(actions::deleteRule);
        config.channels().stream().filter(c -> c.id() == mail.id()).forEach(actions::deleteChannel);
        smtp.stop();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aFailureIsMailedOnceAndTheStormAfterItAsOneAlertWithItsCount() throws Exception {
        RuleSpec rule = actions.saveRule(new RuleSpec(null, "rule " + System.nanoTime(), RuleKind.FAILURES_OF_NAME,
                OperationType.SYSTEM, opName, 1, 10, 30, Set.of(mail.id()), true));

        OperationUpdate first = fail("disk on fire");
        engine.settle();
        // one message per recipient: admin@ and ops@
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2).extracting(MimeMessage::getSubject).containsOnly("[miniman] " + rule.name());
        assertThat(GreenMailUtil.getBody(received[0])).contains(opName, "failed", "disk on fire");

        // the storm inside the quiet period is held ...
        for (int i = 0; i < 4; i++) {
            fail("disk still on fire " + i);
        }
        engine.settle();
        assertThat(smtp.getReceivedMessages()).hasSize(2);

        // ... and sent as one alert with its count when the period ends
        engine.checkAt(first.endTime().plus(Duration.ofMinutes(31)));
        assertThat(smtp.waitForIncomingEmail(5000, 4)).isTrue();
        List<MimeMessage> summaries = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).equals("[miniman] " + rule.name() + " (4 times)")).toList();
        assertThat(summaries).hasSize(2);
        assertThat(GreenMailUtil.getBody(summaries.get(0))).contains("4 more since the last alert", "disk still on fire 3");
        assertThat(smtp.getReceivedMessages()).hasSize(4);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLoginLockoutIsMailedAndAFailedLoginIsNot() {
        actions.saveRule(new RuleSpec(null, "lockouts " + System.nanoTime(), RuleKind.LOGIN_LOCKOUT, null, null, null, null, 0,
                Set.of(mail.id()), true));
        operations.record(OperationType.AUTH, "login", null, io.miniman.operation.OperationStatus.FAILED, null,
                "wrong credentials from 10.6.6.6", "unknown user");
        operations.record(OperationType.AUTH, AlertEngine.LOCKOUT, null, io.miniman.operation.OperationStatus.FAILED, null,
                "10 failed sign-ins from 10.6.6.6 within 10 minutes: the address is locked", "unknown user");
        engine.settle();
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).contains("10.6.6.6", "locked");
    }

    @Test
    void anOperationRunningLongerThanTheRuleAllowsIsReportedOnce() throws Exception {
        RuleSpec rule = actions.saveRule(new RuleSpec(null, "slow " + System.nanoTime(), RuleKind.RUNNING_LONGER, null, opName,
                null, 5, 0, Set.of(mail.id()), true));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var handle = operations.submit(OperationType.SYSTEM, opName, null, ctx -> {
            release.await();
            return "done";
        });
        try {
            // on a busy machine the work may still wait for a worker: only a running operation is timed
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> operations.find(handle.id())
                    .orElseThrow().status() == io.miniman.operation.OperationStatus.RUNNING);
            java.time.Instant started = operations.find(handle.id()).orElseThrow().startTime();
            engine.settle();
            // the stored start is cut to the second: half a minute more keeps the whole minutes clear
            engine.checkAt(started.plus(Duration.ofSeconds(4 * 60 + 30)));
            assertThat(smtp.getReceivedMessages()).isEmpty();
            engine.checkAt(started.plus(Duration.ofSeconds(6 * 60 + 30)));
            engine.checkAt(started.plus(Duration.ofMinutes(8)));
            assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
            assertThat(smtp.getReceivedMessages()).hasSize(2);
            assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).contains(opName, "has been running for 6 min");
        } finally {
            release.countDown();
            handle.completion().join();
        }
        assertThat(rule.describe()).isEqualTo("'" + opName + "' running longer than 5 min");
    }

    @Test
    void aWrongPasswordIsTheTestsAnswerAndTheChannelsStateAndNeverLogged() {
        assertThat(actions.sendTest(mail).ok()).isTrue();
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();

        String wrong = "Wrong-pass-4u2c";
        ChannelSummary changed = actions.saveChannel(new ChannelDraft(mail.id(), mail.name(), ChannelKind.EMAIL, mail.address(),
                "mailer", wrong, false, mail.mailFrom(), mail.mailTo(), false, true));
        ChannelTest test = actions.sendTest(changed);
        assertThat(test.ok()).isFalse();
        assertThat(test.message()).containsIgnoringCase("authentication");
        assertThat(config.states()).filteredOn(s -> s.channel() != null && s.channel().id() == mail.id()).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo(test.message()));

        // neither password reaches the operation log (the operations that saved and tested the channel)
        List<OperationUpdate> logged = operations.list(new OperationFilter(OperationType.SYSTEM, null, null, null, null, mail.name()), 0, 50);
        assertThat(logged).hasSizeGreaterThanOrEqualTo(3);
        assertThat(logged.toString()).doesNotContain(PASSWORD, wrong);
        // nor the form: the summary only says a secret is stored
        assertThat(changed.toString()).doesNotContain(wrong);
        assertThat(changed.hasSecret()).isTrue();
    }

    @Test
    void aBadSmtpHostIsAFieldErrorOrAChannelStateNeverAnException() {
        assertThatThrownBy(() -> actions.saveChannel(new ChannelDraft(null, "bad mail", ChannelKind.EMAIL, "smtp host:25",
                null, null, true, "not an address", "", false, true)))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .extracting(v -> v.getPropertyPath().toString()).contains("address", "mailFrom", "mailTo"));
        ChannelSummary unknownHost = actions.saveChannel(new ChannelDraft(mail.id(), mail.name(), ChannelKind.EMAIL,
                "smtp.invalid:587", "mailer", null, true, mail.mailFrom(), mail.mailTo(), false, true));
        ChannelTest test = actions.sendTest(unknownHost);
        assertThat(test.ok()).isFalse();
        assertThat(test.message()).contains("smtp.invalid");
    }

    @Test
    void aReportGoesOutAsHtmlWithItsAttachment() throws Exception {
        List<ChannelTest> answers = reports.send("Weekly report", "<h1>Week 48</h1><p>3 failures</p>",
                List.of(new MailAttachment("report.csv", "text/csv", "type,count\r\ndocker,3\r\n".getBytes())));
        assertThat(answers).filteredOn(ChannelTest::ok).hasSize(1);
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage report = smtp.getReceivedMessages()[0];
        assertThat(report.getSubject()).isEqualTo("Weekly report");
        String raw = GreenMailUtil.getWholeMessage(report);
        assertThat(raw).contains("text/html", "<h1>Week 48</h1>", "report.csv");
    }

    @Test
    void theScheduledReportMailsTheDaysPageWithItsFailuresAndTheCsv() throws Exception {
        fail("registry unreachable");

        List<ChannelTest> answers = scheduledReport.send(ReportPeriod.day(LocalDate.now(), ZoneId.systemDefault()));

        assertThat(answers).filteredOn(ChannelTest::ok).hasSize(1);
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage report = smtp.getReceivedMessages()[0];
        assertThat(report.getSubject()).startsWith("Mini Manager report: ");
        assertThat(GreenMailUtil.getWholeMessage(report)).contains("text/html", opName, "miniman-report.csv");
    }

    private OperationUpdate fail(String error) {
        return operations.submit(OperationType.SYSTEM, opName, null, ctx -> {
            throw new IOException(error);
        }).completion().join();
    }

    private static void asAdmin() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
