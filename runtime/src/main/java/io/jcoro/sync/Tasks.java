package io.jcoro.sync;

import io.jcoro.Coro;
import io.jcoro.Task;

/** Small helpers shared by the primitives of this package. */
final class Tasks {
    private Tasks() {}

    /** The running task, or null when no task (or no loop) runs on this thread. */
    static Task<?> current() {
        try {
            return Coro.currentTask();
        } catch (IllegalStateException noLoop) {
            return null;
        }
    }
}
