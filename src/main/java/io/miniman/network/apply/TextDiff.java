package io.miniman.network.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A line diff (longest common subsequence; the managed files are a few dozen lines). Lines carrying
 * the WiFi key are masked: the diff is shown on a screen that others may see.
 */
public final class TextDiff {

    public enum Kind { SAME, ADDED, REMOVED }

    public record Line(Kind kind, String text) {
        @Override
        public String toString() {
            return (kind == Kind.ADDED ? "+ " : kind == Kind.REMOVED ? "- " : "  ") + text;
        }
    }

    private static final Pattern SECRET = Pattern.compile("^(wpa_passphrase|wpa_psk|sae_password)=.*");

    private TextDiff() {
    }

    public static List<Line> diff(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.add(new Line(Kind.SAME, mask(a.get(i++))));
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                out.add(new Line(Kind.REMOVED, mask(a.get(i++))));
            } else {
                out.add(new Line(Kind.ADDED, mask(b.get(j++))));
            }
        }
        return out;
    }

    static String mask(String line) {
        return SECRET.matcher(line).matches() ? line.substring(0, line.indexOf('=') + 1) + "********" : line;
    }
}
