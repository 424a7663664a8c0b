package io.jcoro.process;

import io.jcoro.EventLoop;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How a subprocess's threads (its pipe pumps and the JDK's exit notification) reach its event
 * loop: through the loop's cross-thread inbox ({@link EventLoop#callSoonThreadsafe}), which
 * wakes the loop if it is parked. Once the loop is closed nothing reaches it any more; the first
 * thread to find that out while the process still runs logs one warning (asyncio warns of an
 * unclosed transport), and each pump then finishes on its own (see {@link Subprocess}).
 */
final class LoopLink {
    private static final System.Logger LOG = System.getLogger(Subprocess.class.getName());
    /** How often a pump that waits for the loop looks whether the loop was closed meanwhile. */
    static final long CLOSED_CHECK_MILLIS = 50;

    private final EventLoop loop;
    private final Process process;
    private final AtomicBoolean warned = new AtomicBoolean();

    LoopLink(EventLoop loop, Process process) {
        this.loop = loop;
        this.process = process;
    }

    /** Runs {@code action} on the loop thread, soon; false if the loop is closed (it never runs). */
    boolean post(Runnable action) {
        try {
            loop.callSoonThreadsafe(action);
            return true;
        } catch (IllegalStateException closed) {
            loopClosed();
            return false;
        }
    }

    /** Whether the loop was closed; a pump waiting for it asks every {@link #CLOSED_CHECK_MILLIS}. */
    boolean isClosed() {
        if (loop.isClosed()) {
            loopClosed();
            return true;
        }
        return false;
    }

    private void loopClosed() {
        if (process.isAlive() && warned.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "event loop closed while subprocess " + process.pid()
                    + " still runs: it is not killed; its stdin is closed and its output discarded");
        }
    }
}
