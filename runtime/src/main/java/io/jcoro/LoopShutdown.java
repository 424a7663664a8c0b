package io.jcoro;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The end of a loop's life, as {@code asyncio.run} ends it: cancel every task left and run the
 * loop until each has finished (their {@code finally} blocks may await), close the async
 * generators left unfinished, then close the loop. Shared by {@link Coro#run} and
 * {@link EventLoopGroup#close}; on the thread that runs the loop.
 */
final class LoopShutdown {
    private LoopShutdown() {}

    /** Finishes and closes {@code loop}; {@code owner} names the caller in reports. */
    static void finish(EventLoop loop, String owner) {
        try {
            cancelAllTasks(loop, owner);
            closeAsyncGenerators(loop, owner);
        } finally {
            loop.close();
        }
    }

    /** asyncio's {@code _cancel_all_tasks}. */
    private static void cancelAllTasks(EventLoop loop, String owner) {
        Set<Task<?>> left = loop.tasks.snapshot();
        if (left.isEmpty()) {
            return;
        }
        for (Task<?> t : left) {
            t.cancel();
        }
        loop.runUntilDone(Gathering.start(left, true, loop));
        for (Task<?> t : left) {
            if (!t.isCancelled() && t.exception() != null) {
                loop.report("unhandled exception during " + owner + " shutdown (task '" + t.name() + "')",
                        t.exception());
            }
        }
    }

    /** asyncio's {@code shutdown_asyncgens}: closes, concurrently, every generator left unfinished. */
    private static void closeAsyncGenerators(EventLoop loop, String owner) {
        List<Task<?>> closing = new ArrayList<>();
        for (AsyncGenerator<?> generator : loop.unfinishedAsyncGenerators()) {
            closing.add(loop.createTask((Coroutine<?>) generator.close(), "close " + generator.name()));
        }
        if (closing.isEmpty()) {
            return;
        }
        loop.runUntilDone(Gathering.start(closing, true, loop));
        for (Task<?> t : closing) {
            if (!t.isCancelled() && t.exception() != null) {
                loop.report("an error occurred while closing an async generator during " + owner + " shutdown",
                        t.exception());
            }
        }
    }
}
