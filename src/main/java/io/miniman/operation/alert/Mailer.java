package io.miniman.operation.alert;

import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends through one e-mail channel's SMTP server: STARTTLS required when the channel asks for it (so a
 * server that offers none fails instead of receiving the password in clear), login when a user is
 * set, 5-second timeouts so a dead server answers quickly.
 */
final class Mailer {

    private static final String TIMEOUT_MILLIS = "5000";

    private Mailer() {
    }

    static void send(AlertChannel channel, ChannelSummary settings, String subject, String body, boolean html,
            List<MailAttachment> attachments) throws MessagingException, MailException {
        SmtpServer server = SmtpServer.parse(settings.address());
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(server.host());
        sender.setPort(server.port());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = sender.getJavaMailProperties();
        if (settings.username() != null) {
            sender.setUsername(settings.username());
            sender.setPassword(channel.getSecret());
            properties.put("mail.smtp.auth", "true");
        }
        properties.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(settings.starttls()));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);

        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
        helper.setFrom(new InternetAddress(settings.mailFrom(), true));
        helper.setTo(InternetAddress.parse(settings.mailTo(), true));
        helper.setSubject(subject);
        helper.setText(body, html);
        for (MailAttachment attachment : attachments) {
            helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()), attachment.contentType());
        }
        sender.send(message);
    }
}
