package io.jcoro;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Debug mode's "coroutine was never awaited" report (asyncio's RuntimeWarning): a coroutine
 * created while a debug loop runs is watched, with the place it was created; if it is garbage
 * collected without ever having started, the loop reports it. Costs nothing with debug off: the
 * one check is a static flag that stays false until some loop turns debug mode on.
 *
 * <p>The watched coroutine carries its {@link Origin}; starting (or closing) it marks the origin,
 * so the report needs no reference to the coroutine itself. Loop thread only, but for
 * {@link #anyDebug}.
 */
final class NeverAwaited {
    /** True once any loop has turned debug mode on. */
    static volatile boolean anyDebug;

    /** Where a watched coroutine was made, and whether it ever started. */
    static final class Origin extends PhantomReference<Coroutine<?>> {
        final String name;
        final Throwable createdAt;
        boolean started;

        Origin(Coroutine<?> coroutine, ReferenceQueue<Coroutine<?>> queue) {
            super(coroutine, queue);
            this.name = coroutine.name();
            this.createdAt = new Throwable("coroutine '" + name + "' was created here");
            // start the site at the frame's own constructor, not in this class
            StackTraceElement[] trace = createdAt.getStackTrace();
            int skip = 0;
            while (skip < trace.length && ((trace[skip].getClassName().equals(NeverAwaited.class.getName()) || trace[skip].getClassName().startsWith(NeverAwaited.class.getName() + "$"))
                    || (trace[skip].getClassName().equals(Coroutine.class.getName())
                            && trace[skip].getMethodName().equals("<init>")))) {
                skip++;
            }
            createdAt.setStackTrace(java.util.Arrays.copyOfRange(trace, skip, trace.length));
        }
    }

    private final ReferenceQueue<Coroutine<?>> collected = new ReferenceQueue<>();
    /** The origins not yet collected: a phantom reference must stay reachable to be enqueued. */
    private final Set<Origin> watched = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Watches {@code coroutine}, just made on a debug loop. */
    Origin watch(Coroutine<?> coroutine) {
        Origin origin = new Origin(coroutine, collected);
        watched.add(origin);
        return origin;
    }

    /** Reports every watched coroutine collected unstarted since the last call. */
    void reportCollected(EventLoop loop) {
        for (Origin origin; (origin = (Origin) collected.poll()) != null; ) {
            watched.remove(origin);
            if (!origin.started) {
                loop.report("coroutine '" + origin.name + "' was never awaited", origin.createdAt);
            }
        }
    }
}
