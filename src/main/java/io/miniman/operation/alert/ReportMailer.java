package io.miniman.operation.alert;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import io.miniman.operation.forward.ForwardErrors;

/**
 * Mails an HTML report (the scheduled period report) through every enabled e-mail channel. Returns one
 * answer per channel; a failure also sets that channel's state, as an alert's would.
 */
@Service
public class ReportMailer {

    private final AlertConfig config;
    private final ChannelHealth health;

    ReportMailer(AlertConfig config, ChannelHealth health) {
        this.config = config;
        this.health = health;
    }

    public List<ChannelTest> send(String subject, String html, List<MailAttachment> attachments) {
        List<ChannelTest> answers = new ArrayList<>();
        for (ChannelSummary channel : config.channels()) {
            if (channel.kind() != ChannelKind.EMAIL || !channel.enabled()) {
                continue;
            }
            AlertChannel row = config.channel(channel.id()).orElse(null);
            if (row == null) {
                continue;
            }
            try {
                Mailer.send(row, channel, subject, html, true, attachments);
                health.ok(channel.key());
                answers.add(new ChannelTest(true, "sent through " + channel.name()));
            } catch (Exception e) {
                String reason = ForwardErrors.describe(e);
                health.failed(channel.key(), reason);
                answers.add(new ChannelTest(false, channel.name() + ": " + reason));
            }
        }
        return answers;
    }
}
