package io.miniman.docker.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what people type in the run form (the docker CLI's notations) into the parts of a {@link RunSpec};
 * each parser throws {@link IllegalArgumentException} naming the line it could not read.
 */
public final class SpecText {

    private SpecText() {
    }

    /**
     * Splits a command line into arguments the way a shell would split words and quotes, without a
     * shell ever seeing it: {@code sh -c 'echo "a b"'} gives [sh, -c, echo "a b"].
     */
    public static List<String> arguments(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    current.append(line.charAt(++i));
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    args.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
                inWord = true;
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("Unclosed " + quote + " in the command");
        }
        if (inWord) {
            args.add(current.toString());
        }
        return args;
    }

    /** One {@code KEY=value} a line; blank lines are skipped. */
    public static Map<String, String> keyValues(String text, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(what + " line '" + line + "' is not KEY=value");
            }
            out.put(line.substring(0, eq).trim(), line.substring(eq + 1));
        }
        return out;
    }

    /** Port mappings separated by commas or spaces. */
    public static List<PortMapping> ports(String text) {
        List<PortMapping> out = new ArrayList<>();
        for (String spec : text.split("[,\\s]+")) {
            if (!spec.isBlank()) {
                out.add(PortMapping.parse(spec));
            }
        }
        return out;
    }

    /** One {@code source:/target[:ro]} a line; the source is a volume name or an absolute host path. */
    public static List<RunSpec.Mount> mounts(String text) {
        List<RunSpec.Mount> out = new ArrayList<>();
        for (String line : lines(text)) {
            String[] parts = line.split(":");
            if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !List.of("ro", "rw").contains(parts[2]))) {
                throw new IllegalArgumentException("Mount line '" + line + "' is not source:/target[:ro]");
            }
            out.add(new RunSpec.Mount(parts[0].trim(), parts[1].trim(), parts.length == 3 && parts[2].equals("ro")));
        }
        return out;
    }

    /** The non-blank lines, stripped. */
    public static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
