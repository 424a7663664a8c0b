package io.jcoro.test;

import io.jcoro.EventLoop;
import io.jcoro.Task;
import java.util.concurrent.TimeoutException;

/**
 * A test's timeouts: the first to expire records what every task was waiting for, then cancels
 * the test's task, so that its {@code finally} blocks run and the run ends.
 */
final class Expiry {
    private final EventLoop loop;
    private final Task<?> test;
    private String message;

    Expiry(EventLoop loop, Task<?> test) {
        this.loop = loop;
        this.test = test;
    }

    /** Expires the test, from the loop's thread (its virtual deadline passed). */
    void expire(String why) {
        if (message != null || test.isDone()) {
            return;
        }
        message = why + "; its tasks:\n" + loop.dumpTasks();
        test.cancel(why);
    }

    /** Expires the test from another thread (its real-time limit passed). */
    void expireFromAnyThread(String why) {
        try {
            loop.callSoonThreadsafe(() -> expire(why));
        } catch (IllegalStateException closed) {
            // the test ended meanwhile: nothing to expire
        }
    }

    /**
     * @param failure what the test's task ended with (its cancellation, after an expiry)
     * @return the timeout, with {@code failure} as its cause; null if the test did not expire
     */
    TimeoutException failure(Throwable failure) {
        if (message == null) {
            return null;
        }
        TimeoutException timeout = new TimeoutException(message);
        timeout.initCause(failure);
        return timeout;
    }
}
