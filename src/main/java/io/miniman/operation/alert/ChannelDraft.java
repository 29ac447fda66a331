package io.miniman.operation.alert;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A channel as the form sends it. {@code address} is the collector ({@code udp://host:514}) or, for
 * e-mail, the SMTP server ({@code host:587}). {@code secret} is the SMTP password or the SNMP community;
 * left empty on an existing channel it keeps the stored one, which is never sent back to a form.
 */
@Checked
public record ChannelDraft(
        Long id,
        @NotBlank(message = "is required") @Size(max = 64, message = "is longer than 64 characters")
        @Pattern(regexp = "[\\p{L}\\p{N} ._@-]*", message = "may hold letters, digits, spaces and . _ @ -") String name,
        @NotNull(message = "choose a kind") ChannelKind kind,
        @Size(max = 255, message = "is longer than 255 characters") String address,
        @Size(max = 128, message = "is longer than 128 characters") String username,
        @Size(max = 255, message = "is longer than 255 characters") String secret,
        boolean starttls,
        @Size(max = 255, message = "is longer than 255 characters") String mailFrom,
        @Size(max = 1000, message = "is longer than 1000 characters") String mailTo,
        boolean forwardOperations,
        boolean enabled) implements Checked.SelfChecked {

    public ChannelDraft {
        name = name == null ? null : name.trim();
        address = blankToNull(address);
        username = blankToNull(username);
        secret = secret == null || secret.isEmpty() ? null : secret;
        mailFrom = blankToNull(mailFrom);
        mailTo = blankToNull(mailTo);
    }

    public static ChannelDraft of(ChannelSummary channel) {
        return new ChannelDraft(channel.id(), channel.name(), channel.kind(), channel.address(), channel.username(), null,
                channel.starttls(), channel.mailFrom(), channel.mailTo(), channel.forwardOperations(), channel.enabled());
    }

    @Override
    public void check(Checked.Problems problems) {
        if (kind == null) {
            return;
        }
        kind.format().ifPresent(format -> {
            try {
                format.parse(address);
            } catch (IllegalArgumentException e) {
                problems.add("address", e.getMessage());
            }
        });
        if (kind == ChannelKind.EMAIL) {
            try {
                SmtpServer.parse(address);
            } catch (IllegalArgumentException e) {
                problems.add("address", e.getMessage());
            }
            checkAddresses(problems, "mailTo", mailTo, true);
            checkAddresses(problems, "mailFrom", mailFrom, false);
            if (secret != null && username == null) {
                problems.add("username", "is required with a password");
            }
        }
        if (forwardOperations && kind.format().isEmpty()) {
            problems.add("forwardOperations", "only syslog, GELF and SNMP channels receive every operation");
        }
    }

    private static void checkAddresses(Checked.Problems problems, String property, String text, boolean list) {
        if (text == null) {
            problems.add(property, "is required");
            return;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(text, true);
            if (parsed.length == 0 || (!list && parsed.length > 1)) {
                problems.add(property, list ? "needs at least one address" : "takes one address");
            }
            for (InternetAddress address : parsed) {
                address.validate();
            }
        } catch (AddressException e) {
            problems.add(property, "is not an e-mail address: " + e.getMessage());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
