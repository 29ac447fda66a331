package io.miniman.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends a program together with everything it started. Killing only the direct child is not enough:
 * {@code bash -c "sleep 6; true"} leaves its {@code sleep} running, and since that grandchild holds the
 * same output pipes, whoever reads them waits until it ends by itself.
 */
final class ProcessTree {

    // sudo passes SIGTERM on to the root program it runs, which the console's user may not signal itself
    private static final Duration TERM_GRACE = Duration.ofSeconds(1);

    private ProcessTree() {
    }

    /** Asks politely, then forcibly; returns once the direct child is gone (or after a bounded wait). */
    static void kill(Process process) {
        // collected before anything dies: an orphan is re-parented and no longer a descendant
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        awaitExit(tree, TERM_GRACE);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, TERM_GRACE);
    }

    private static void awaitExit(List<ProcessHandle> tree, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // still running at the bound, or not ours to wait for: the caller moves on either way
            }
        }
    }
}
