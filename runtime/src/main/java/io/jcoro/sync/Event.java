package io.jcoro.sync;

import io.jcoro.Awaitable;
import io.jcoro.Promise;
import io.jcoro.Waiter;
import java.util.ArrayDeque;

/**
 * A flag tasks can wait for: asyncio's {@code Event}.
 *
 * <pre>{@code
 * Event ready = new Event();
 * // one task:                  // others:
 * ready.set();                  await(ready.waitAsync());
 * }</pre>
 *
 * <pre>
 *  state  how it got there     waitAsync()
 *  CLEAR  new; clear()         waits until set() (FIFO wake-up order)
 *  SET    set()                completes at once
 * </pre>
 *
 * <p>{@code waitAsync} is asyncio's {@code wait()} ({@code Object.wait()} is final); it acts when
 * called: await it at once. Loop thread only.
 */
public final class Event {
    private final ArrayDeque<Node> waiters = new ArrayDeque<>();
    private boolean flag;

    /** A clear event. */
    public Event() {}

    /** Sets the flag and wakes every waiting task. Setting a set event does nothing. */
    public void set() {
        if (!flag) {
            flag = true;
            for (Node n; (n = waiters.poll()) != null; ) {
                n.fire(null);
            }
        }
    }

    /** Clears the flag: later {@link #waitAsync()} calls wait again. */
    public void clear() {
        flag = false;
    }

    /** Whether the flag is set. */
    public boolean isSet() {
        return flag;
    }

    /** Waits until the flag is set (completes at once if it is). */
    public Awaitable<Void> waitAsync() {
        if (flag) {
            return Promise.completed(null);
        }
        Node n = new Node();
        waiters.add(n);
        return n;
    }

    @Override
    public String toString() {
        return "Event[" + (flag ? "set" : "unset") + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]";
    }

    private final class Node extends Waiter<Void> {
        /** Wakes the waiting task (the outer class cannot call the protected wake). */
        void fire(Void value) {
            wake(value);
        }

        @Override
        protected void onCancelled() {
            waiters.remove(this);
        }
    }
}
