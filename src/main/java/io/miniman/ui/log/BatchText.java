package io.miniman.ui.log;

import java.util.List;

/**
 * A batch as three strings, the cheapest shape for an element call: the texts joined by newlines (a
 * line holds none), a kind letter per line ({@code o} stdout, {@code e} stderr, {@code s} skipped) and
 * the epoch milliseconds joined by commas (empty where unknown, all empty when no line has a time).
 */
record BatchText(String text, String kinds, String times) {

    static BatchText of(List<ViewerLine> batch) {
        StringBuilder text = new StringBuilder();
        StringBuilder kinds = new StringBuilder(batch.size());
        StringBuilder times = new StringBuilder();
        boolean anyTime = false;
        for (int i = 0; i < batch.size(); i++) {
            ViewerLine line = batch.get(i);
            if (i > 0) {
                text.append('\n');
                times.append(',');
            }
            text.append(line.text());
            kinds.append(switch (line.kind()) {
                case STDOUT -> 'o';
                case STDERR -> 'e';
                case SKIPPED -> 's';
            });
            if (line.time() != null) {
                times.append(line.time().toEpochMilli());
                anyTime = true;
            }
        }
        return new BatchText(text.toString(), kinds.toString(), anyTime ? times.toString() : "");
    }
}
