package io.miniman.docker.ui;

import java.util.Locale;

/** Search hits wrapped in {@code <mark>}, everything else escaped: for logs and inspect JSON. */
public final class Highlight {

    private Highlight() {
    }

    public static String html(String text, String term) {
        if (term == null || term.isBlank()) {
            return escape(text);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String needle = term.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(text.length() + 32);
        int from = 0;
        for (int hit = lower.indexOf(needle); hit >= 0; hit = lower.indexOf(needle, from)) {
            out.append(escape(text.substring(from, hit))).append("<mark>")
                    .append(escape(text.substring(hit, hit + needle.length()))).append("</mark>");
            from = hit + needle.length();
        }
        return out.append(escape(text.substring(from))).toString();
    }

    public static int count(String text, String term) {
        if (term == null || term.isBlank()) {
            return 0;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String needle = term.toLowerCase(Locale.ROOT);
        int n = 0;
        for (int hit = lower.indexOf(needle); hit >= 0; hit = lower.indexOf(needle, hit + needle.length())) {
            n++;
        }
        return n;
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
