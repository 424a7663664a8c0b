package io.jcoro.bench.peers;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * A single-threaded executor drained by its caller: the event loop {@code CompletableFuture}'s
 * async stages run on in the benchmarks (no thread hand-off, as jcoro's loop).
 */
public final class LoopExecutor implements Executor {
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>(1024);

    @Override
    public void execute(Runnable command) {
        queue.add(command);
    }

    /** Runs everything queued, and what that queues, until the queue is empty. */
    public void runAll() {
        for (Runnable r; (r = queue.poll()) != null; ) {
            r.run();
        }
    }
}
