package io.miniman.network.diag;

import java.util.Optional;
import java.util.regex.Pattern;

import io.miniman.network.settings.validation.NetworkText;

/**
 * A host name or an address and nothing else. It goes into a command line as an argument of its own,
 * so a shell is never involved, but a leading '-' would still be read as an option ("-f" floods).
 */
public final class DiagnosticTarget {

    // IPv6 literals: hex groups and colons, an optional embedded IPv4 tail; checked loosely, then by the program
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]{2,39}(\\.[0-9.]{7,15})?");

    private DiagnosticTarget() {
    }

    /** Why the target is refused, or empty when it is a host name or an address. */
    public static Optional<String> problem(String target) {
        if (target == null || target.isBlank()) {
            return Optional.of("Enter a host name or an address.");
        }
        if (target.startsWith("-")) {
            return Optional.of("A target cannot start with '-'.");
        }
        boolean address = NetworkText.isIpv4(target) || (target.contains(":") && IPV6.matcher(target).matches());
        boolean hostName = NetworkText.isDomainName(target.endsWith(".") ? target.substring(0, target.length() - 1)
                : target);
        return address || hostName ? Optional.empty()
                : Optional.of("Only a host name (letters, digits, '-', '.') or an IP address.");
    }
}
