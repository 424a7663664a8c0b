package io.jcoro.net;

import io.jcoro.Waiter;
import java.util.ArrayDeque;

/**
 * The tasks waiting for something of a stream or a server to change (data arrived, the write
 * buffer drained, the server closed). A waiter carries no data: a woken task looks at the state
 * again ({@link Retry}), so a waiter cancelled before or after its wake-up loses nothing and
 * leaves its place at once. Loop thread only.
 */
final class Signals {
    private final ArrayDeque<Signal> waiting = new ArrayDeque<>(2);

    /** A new waiter, woken by the next {@link #wakeAll()}. */
    Signal add() {
        Signal s = new Signal();
        waiting.add(s);
        return s;
    }

    /** Whether no task waits. */
    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** Wakes every waiting task, oldest first. */
    void wakeAll() {
        for (Signal s; (s = waiting.poll()) != null; ) {
            s.fire();
        }
    }

    /** One waiting task's node. */
    final class Signal extends Waiter<Void> {
        void fire() {
            wake(null);
        }

        @Override
        protected void onCancelled() {
            waiting.remove(this);
        }
    }
}
