package io.jcoro.net;

import io.jcoro.Waiter;

/**
 * The tasks waiting for something of a stream or a server to change (data arrived, the write
 * buffer drained, the server closed). A waiter carries no data: a woken task looks at the state
 * again ({@link Retry}), so a waiter cancelled before or after its wake-up loses nothing and
 * leaves its place at once. Loop thread only.
 *
 * <p>The waiters are linked through themselves: an idle connection holds several of these and
 * almost never more than one waiter in each, so an empty set costs two fields, not a deque and
 * its array, and a cancelled waiter unlinks itself in constant time.
 */
final class Signals {
    private Signal head;
    private Signal tail;

    /** A new waiter, woken by the next {@link #wakeAll()}. */
    Signal add() {
        Signal s = new Signal();
        s.prev = tail;
        if (tail == null) {
            head = s;
        } else {
            tail.next = s;
        }
        tail = s;
        return s;
    }

    /** Whether no task waits. */
    boolean isEmpty() {
        return head == null;
    }

    /** Wakes every waiting task, oldest first (with any that a wake-up adds meanwhile). */
    void wakeAll() {
        for (Signal s; (s = head) != null; ) {
            unlink(s);
            s.fire();
        }
    }

    private void unlink(Signal s) {
        if (s.prev == null) {
            head = s.next;
        } else {
            s.prev.next = s.next;
        }
        if (s.next == null) {
            tail = s.prev;
        } else {
            s.next.prev = s.prev;
        }
        s.prev = s.next = null;
    }

    /** One waiting task's node. */
    final class Signal extends Waiter<Void> {
        private Signal prev;
        private Signal next;

        void fire() {
            wake(null);
        }

        @Override
        protected void onCancelled() {
            if (head == this || prev != null) { // still waiting: not woken yet
                unlink(this);
            }
        }
    }
}
