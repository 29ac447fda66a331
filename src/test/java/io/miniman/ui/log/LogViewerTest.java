package io.miniman.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class LogViewerTest {

    @Test
    void theServerKeepsABoundedTextCopyAndNoComponentPerLine() {
        LogViewer viewer = new LogViewer();
        viewer.appendText(ViewerLine.Kind.STDOUT, "one\r\ntwo\n");
        viewer.append(List.of(new ViewerLine(ViewerLine.Kind.STDERR, Instant.parse("2026-11-29T12:00:00Z"), "bad")));
        viewer.appendSkipped(0);
        viewer.appendSkipped(12);
        assertThat(viewer.text()).isEqualTo("one\ntwo\n2026-11-29T12:00:00Z E bad\n[12 lines skipped]\n");
        assertThat(viewer.getChildren()).isEmpty();

        for (int i = 0; i < 100_000; i++) {
            viewer.append(ViewerLine.out("line " + i + " of a chatty container"));
        }
        // a newline a line on top of the bounded characters
        assertThat(viewer.text().length()).isLessThanOrEqualTo((int) LogViewer.TEXT_CHARS + viewer.lines().size());
        assertThat(viewer.lines().size()).isLessThan(100_000);
        assertThat(viewer.lines().get(viewer.lines().size() - 1).text()).isEqualTo("line 99999 of a chatty container");

        viewer.clear();
        assertThat(viewer.lines()).isEmpty();
    }

    @Test
    void aTextSentWholeAsItGrowsAppendsOnlyItsNewCompleteLines() {
        LogViewer viewer = new LogViewer();
        GrowingText details = new GrowingText(viewer);
        details.show("Creating a\nCreat", false);
        details.show("Creating a\nCreating b\nSta", false);
        assertThat(viewer.text()).isEqualTo("Creating a\nCreating b\n");
        details.show("Creating a\nCreating b\nStarted", true);
        assertThat(viewer.text()).isEqualTo("Creating a\nCreating b\nStarted\n");
        // cut at the front (the details' cap): shown afresh rather than guessed at
        details.show("b\nStarted\nDone\n", true);
        assertThat(viewer.text()).isEqualTo("b\nStarted\nDone\n");
    }
}
