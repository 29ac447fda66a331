package io.miniman.ui.log;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The server's bounded copy of what a viewer showed, for a download of streams the engine cannot replay
 * (a build, a diagnostic) and for a viewer put back on screen: the newest lines up to a number of
 * characters, older ones dropped.
 */
final class LogTextBuffer {

    private final long maxChars;
    private final ArrayDeque<ViewerLine> lines = new ArrayDeque<>();
    private long chars;

    LogTextBuffer(long maxChars) {
        this.maxChars = maxChars;
    }

    synchronized void add(ViewerLine line) {
        lines.addLast(line);
        chars += line.text().length();
        while (chars > maxChars && lines.size() > 1) {
            chars -= lines.pollFirst().text().length();
        }
    }

    synchronized List<ViewerLine> lines() {
        return List.copyOf(lines);
    }

    synchronized void clear() {
        lines.clear();
        chars = 0;
    }

    /** Plain text a line each; stderr lines start with "E ", a skip says how many lines it stands for. */
    synchronized String text() {
        StringBuilder text = new StringBuilder();
        for (ViewerLine line : lines) {
            if (line.time() != null) {
                text.append(line.time()).append(' ');
            }
            switch (line.kind()) {
                case STDERR -> text.append("E ").append(line.text());
                case SKIPPED -> text.append("[").append(line.text()).append(" lines skipped]");
                case STDOUT -> text.append(line.text());
            }
            text.append('\n');
        }
        return text.toString();
    }
}
