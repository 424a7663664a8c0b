package io.jcoro.bench.coro;

import io.jcoro.Coro;
import io.jcoro.Task;

/** Checks, before a memory measurement, that every coroutine got to its await and is parked. */
public final class Suspended {
    private Suspended() {}

    /** {@code reached} tasks ran up to their await, and all {@code n} (plus the caller) are live. */
    public static void confirm(int reached, int n) {
        if (reached != n) {
            throw new IllegalStateException(reached + " of " + n + " coroutines reached their await");
        }
        int live = 0;
        for (Task<?> t : Coro.allTasks()) {
            if (!t.isDone()) {
                live++;
            }
        }
        if (live != n + 1) {
            throw new IllegalStateException(live + " tasks live, expected " + (n + 1));
        }
    }
}
