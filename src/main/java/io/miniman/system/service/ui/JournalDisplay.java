package io.miniman.system.service.ui;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;

import io.miniman.system.service.JournalLine;
import io.miniman.ui.Formats;

/**
 * How a journal looks on the page: the last {@code capacity} entries, warnings and errors coloured, only
 * those matching the search shown. Kept to this one class so a shared log viewer can replace it.
 */
class JournalDisplay extends Div {

    private final int capacity;
    private final ArrayDeque<JournalLine> kept = new ArrayDeque<>();
    private String term = "";
    private long dropped;

    JournalDisplay(int capacity) {
        this.capacity = capacity;
        getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)").set("font-size", "var(--lumo-font-size-s)")
                .set("white-space", "pre-wrap").set("overflow-wrap", "anywhere").set("overflow", "auto")
                .set("height", "65vh").set("width", "100%");
    }

    void append(List<JournalLine> lines) {
        for (JournalLine line : lines) {
            kept.addLast(line);
            if (matches(line)) {
                add(element(line));
            }
            if (kept.size() > capacity) {
                JournalLine oldest = kept.removeFirst();
                dropped++;
                if (matches(oldest)) {
                    getChildren().findFirst().ifPresent(this::remove);
                }
            }
        }
        getElement().executeJs("this.scrollTop = this.scrollHeight");
    }

    /** Shows only entries containing {@code text} (any case), or all when it is blank. */
    void search(String text) {
        term = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        removeAll();
        kept.stream().filter(this::matches).map(this::element).forEach(this::add);
    }

    int kept() {
        return kept.size();
    }

    long dropped() {
        return dropped;
    }

    long shown() {
        return getChildren().count();
    }

    private boolean matches(JournalLine line) {
        return term.isEmpty() || line.message().toLowerCase(Locale.ROOT).contains(term)
                || line.source().toLowerCase(Locale.ROOT).contains(term);
    }

    private Div element(JournalLine line) {
        String prefix = line.time() == null ? "" : Formats.time(line.time()) + " " + line.source()
                + (line.pid() > 0 ? "[" + line.pid() + "]" : "") + ": ";
        Div div = new Div(prefix + line.message());
        if (line.problem()) {
            div.getStyle().set("color", line.priority() <= 3 ? "var(--lumo-error-text-color)" : "var(--lumo-warning-text-color, #b26b00)");
            div.getElement().setAttribute("data-priority", Integer.toString(line.priority()));
        }
        return div;
    }
}
