package io.miniman.ui.log;

/**
 * Feeds a {@link LogViewer} from a text that is sent whole each time it grows (an operation's details):
 * only the complete lines not shown yet are appended, the last partial line once the work has ended.
 */
public final class GrowingText {

    private final LogViewer viewer;
    private String shown = "";

    public GrowingText(LogViewer viewer) {
        this.viewer = viewer;
    }

    public synchronized void show(String whole, boolean finished) {
        String text = whole == null ? "" : whole;
        if (!text.startsWith(shown)) {
            // the text was cut at the front to its cap: show it afresh
            reset();
        }
        int end = finished ? text.length() : text.lastIndexOf('\n') + 1;
        if (end > shown.length()) {
            viewer.appendText(ViewerLine.Kind.STDOUT, text.substring(shown.length(), end));
            shown = text.substring(0, end);
        }
    }

    public synchronized void reset() {
        viewer.clear();
        shown = "";
    }
}
