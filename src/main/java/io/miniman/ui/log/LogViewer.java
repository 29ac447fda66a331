package io.miniman.ui.log;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JsModule;

import io.miniman.Subscription;
import io.miniman.ui.LiveUpdates;

/**
 * Every stream of lines the console shows (a container's log, a build, compose, a journal, diagnostics).
 * The browser element keeps a ring of the newest lines (10,000 by default), draws only the rows in
 * sight, searches and highlights, toggles timestamps and renders ANSI colours; everything else in a
 * line is text, never markup. Lines may be appended from any thread: they wait in a {@link LineBatcher}
 * and go out as one element call at most four times a second, and the server keeps only a bounded
 * text copy for downloads and for putting the view back on screen.
 */
@Tag("miniman-log-viewer")
@JsModule("./components/log-viewer.js")
public class LogViewer extends Component implements HasSize {

    public static final int DEFAULT_CAPACITY = 10_000;
    static final int BATCH_LINES = 5_000;
    static final long BATCH_CHARS = 512 * 1024;
    static final long TEXT_CHARS = 512 * 1024;

    /**
     * One timer thread for all viewers: a viewer costs a scheduled task, never a thread. A flush moved
     * earlier cancels the later one, which leaves the queue at once instead of at its time (five viewers
     * kept about 600 cancelled tasks; log-viewer.sh).
     */
    private static final ScheduledThreadPoolExecutor FLUSHER = flusher();

    private final LineBatcher batcher;
    private final LogTextBuffer text = new LogTextBuffer(TEXT_CHARS);
    private final Object lock = new Object();
    private UI ui;
    private ScheduledFuture<?> flush;

    private static ScheduledThreadPoolExecutor flusher() {
        ScheduledThreadPoolExecutor flusher = new ScheduledThreadPoolExecutor(1, run -> {
            Thread thread = new Thread(run, "log-viewer-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.setRemoveOnCancelPolicy(true);
        return flusher;
    }

    public LogViewer() {
        this(Clock.systemUTC());
    }

    LogViewer(Clock clock) {
        batcher = new LineBatcher(clock, BATCH_LINES, BATCH_CHARS);
        setWidthFull();
        setHeight("60vh");
    }

    public void append(ViewerLine line) {
        synchronized (lock) {
            text.add(line);
            if (ui != null) {
                batcher.add(line);
                schedule();
            }
        }
    }

    public void append(Collection<ViewerLine> lines) {
        synchronized (lock) {
            lines.forEach(this::append);
        }
    }

    /** Output text of one stream, split into lines. */
    public void appendText(ViewerLine.Kind kind, String output) {
        synchronized (lock) {
            output.lines().forEach(line -> append(new ViewerLine(kind, null, line)));
        }
    }

    /** Marks that {@code count} lines were left out here (a feed that dropped some before us). */
    public void appendSkipped(long count) {
        if (count > 0) {
            append(ViewerLine.skipped(count));
        }
    }

    public void clear() {
        synchronized (lock) {
            text.clear();
            batcher.reset();
            getElement().callJsFunction("clear");
        }
    }

    /** Lines the browser keeps before dropping the oldest. */
    public void setCapacity(int lines) {
        getElement().setProperty("capacity", lines);
    }

    public void setTimestamps(boolean shown) {
        getElement().setProperty("timestamps", shown);
    }

    /**
     * Feeds the viewer from a stream while it is on screen: {@code open} gets the sink and returns the
     * subscription to close when the viewer leaves the screen.
     */
    public void streamWhileAttached(Function<Consumer<ViewerLine>, Subscription> open) {
        LiveUpdates.whileAttached(this, attachedUi -> open.apply(this::append));
    }

    /** The server's bounded copy, a line each (for downloads and tests). */
    public String text() {
        return text.text();
    }

    public List<ViewerLine> lines() {
        return text.lines();
    }

    /** Lines dropped on the way to the browser. */
    public long skipped() {
        return batcher.skipped();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        synchronized (lock) {
            ui = attach.getUI();
            // a new element in the browser: it gets the bounded copy, then what follows
            batcher.reset();
            text.lines().forEach(batcher::add);
            schedule();
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        synchronized (lock) {
            ui = null;
            batcher.reset();
            if (flush != null) {
                flush.cancel(false);
            }
        }
        super.onDetach(detach);
    }

    /** Sets the timer to the batcher's next slot unless it is already set that early. */
    private void schedule() {
        synchronized (lock) {
            UI target = ui;
            if (target == null || !batcher.hasWaiting()) {
                return;
            }
            long delay = batcher.delay().toMillis();
            if (flush != null && !flush.isDone()) {
                if (flush.getDelay(TimeUnit.MILLISECONDS) <= delay) {
                    return;
                }
                flush.cancel(false);
            }
            flush = FLUSHER.schedule(() -> target.accessLater(this::send, null).run(), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void send() {
        synchronized (lock) {
            if (ui == null) {
                return;
            }
            batcher.take().ifPresent(batch -> {
                BatchText wire = BatchText.of(batch);
                // the browser answers once the batch is drawn: that answer lets the next one go
                getElement().callJsFunction("append", wire.text(), wire.kinds(), wire.times())
                        .then(drawn -> acknowledged(), failed -> acknowledged());
            });
            schedule();
        }
    }

    private void acknowledged() {
        batcher.acknowledged();
        schedule();
    }
}
