package io.miniman.operation;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps secrets out of every text the console stores or shows about an operation. */
public final class Redactor {

    public static final String MASK = "********";

    // secret wherever they stand in a key: DB_PASSWORD, githubToken, x-api-key, aws_secret_access_key
    private static final String ANYWHERE = "password|passwd|passphrase|secret|token|api[_-]?key|private[_-]?key|credentials?";
    // secret as a whole part or at the end of a key (DB_PASS, BASIC_AUTH, AUTH_HEADER, dbPass, PGPASS,
    // MYSQL_PWD), so that "unauthorized: ...", "Tests passed: 3" or "author=..." in build output stay readable
    private static final String PART = "pass|pwd|auth";
    private static final String KEYS = "(?:[A-Za-z0-9_.-]*(?:" + ANYWHERE + ")[A-Za-z0-9_.-]*"
            + "|[A-Za-z0-9_.-]*(?:" + PART + ")"
            + "|(?:[A-Za-z0-9_.-]*[_.-])?(?:" + PART + ")[_.-][A-Za-z0-9_.-]*"
            + "|[A-Za-z0-9_.-]*(?-i:[a-z0-9](?:Pass|Pwd|Auth))(?:(?-i:[A-Z_.-])[A-Za-z0-9_.-]*)?)";
    private static final Pattern KEY = Pattern.compile("(?i)" + KEYS);

    // "key": "value" (JSON) and key=value / key: value (config files, env, command lines)
    private static final Pattern JSON = Pattern.compile("(?i)(\"" + KEYS + "\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?i)(\\b" + KEYS + "\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&\"']+)");
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)(authorization\\s*[:=]\\s*(?:bearer|basic|token)?\\s*)(\\S+)");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^\\s:/@]+:)([^\\s@/]+)(@)");

    private Redactor() {
    }

    /**
     * Whether a key (an environment variable, a config or JSON key) names a secret: the one rule for every
     * place that masks values by their key, here and in the Docker views.
     */
    public static boolean looksSecret(String key) {
        return key != null && KEY.matcher(key.strip()).matches();
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
