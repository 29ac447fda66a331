package io.miniman.operation;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps secrets out of every text the console stores or shows about an operation. */
public final class Redactor {

    public static final String MASK = "********";

    private static final String KEYS =
            "(?:[A-Za-z0-9_.-]*(?:password|passwd|passphrase|secret|token|api[_-]?key|private[_-]?key|credentials?)[A-Za-z0-9_.-]*)";

    // "key": "value" (JSON) and key=value / key: value (config files, env, command lines)
    private static final Pattern JSON = Pattern.compile("(?i)(\"" + KEYS + "\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?i)(\\b" + KEYS + "\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&\"']+)");
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)(authorization\\s*[:=]\\s*(?:bearer|basic|token)?\\s*)(\\S+)");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^\\s:/@]+:)([^\\s@/]+)(@)");

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = JSON.matcher(text).replaceAll("$1" + MASK + "$3");
        out = AUTH_HEADER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = ASSIGNMENT.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                m.group(2).equals(MASK) ? m.group() : m.group(1) + MASK));
        return URL_CREDENTIALS.matcher(out).replaceAll("$1" + MASK + "$3");
    }

    /** Also masks each exact value the work declared secret (a passphrase can be any text). */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 3) {
                out = out.replace(secret, MASK);
            }
        }
        return redact(out);
    }
}
