package io.jcoro.process;

import io.jcoro.Awaitable;
import io.jcoro.Promise;
import io.jcoro.Waiter;
import java.util.ArrayDeque;

/**
 * The tasks waiting for a subprocess to exit. Each {@link #await()} gets its own node, as each
 * asyncio {@code wait()} gets its own future: cancelling one waiting task drops its node and
 * touches neither the process nor the other waiters. Loop thread only.
 */
final class ExitWaiters {
    private final ArrayDeque<Node> waiting = new ArrayDeque<>(1);
    private Integer exitCode;

    /** The exit code, at once if the process has exited. */
    Awaitable<Integer> await() {
        if (exitCode != null) {
            return Promise.completed(exitCode);
        }
        Node n = new Node();
        waiting.add(n);
        return n;
    }

    /** The exit code, or null while the process runs (as far as the loop has learnt). */
    Integer exitCode() {
        return exitCode;
    }

    /** The process exited with {@code code}: wakes every waiter, oldest first. */
    void exited(int code) {
        exitCode = code;
        for (Node n; (n = waiting.poll()) != null; ) {
            n.wakeWith(code);
        }
    }

    private final class Node extends Waiter<Integer> {
        void wakeWith(int code) {
            wake(code);
        }

        @Override
        protected void onCancelled() {
            waiting.remove(this);
        }
    }
}
