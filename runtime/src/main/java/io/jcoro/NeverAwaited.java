package io.jcoro;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Debug mode's "coroutine was never awaited" report (asyncio's RuntimeWarning): a coroutine
 * created while a debug loop runs is watched, with the place it was created; if it is garbage
 * collected without ever having started, the loop reports it. Costs nothing with debug off: the
 * one check is a static flag that stays false until some loop turns debug mode on.
 *
 * <p>The origins live in a side table keyed by the coroutine's identity hash, not in the
 * coroutine, so that a frame carries no field for what only debug mode uses (a frame is most of
 * a suspended task's memory); the coroutine keeps one bit saying it is watched. Starting (or
 * closing) a watched coroutine drops its origin from the table, so the report needs no reference
 * to the coroutine itself: an origin that is collected while still in the table belongs to a
 * coroutine that never started. The table is shared by every loop (a coroutine may start on
 * another loop than the one it was made on) and guarded by its own monitor; each loop polls its
 * own queue of collected origins, and drops its origins from the table when it closes.
 */
final class NeverAwaited {
    /**
     * True once any loop has turned debug mode on. Not volatile: every coroutine's constructor
     * reads it, and a volatile read there would keep the JIT from keeping a frame's fields in
     * registers across it. It is set by {@link EventLoop#setDebug}, before the loop's thread makes
     * the coroutines it watches (as the loop's own debug flag, which is not volatile either).
     */
    static boolean anyDebug;

    /** The watched origins by identity hash; equal hashes chain through {@link Origin#sameHash}. */
    private static final Map<Integer, Origin> ORIGINS = new HashMap<>();

    /** Where a watched coroutine was made. */
    static final class Origin extends PhantomReference<Coroutine<?>> {
        final String name;
        final Throwable createdAt;
        final int hash;
        /** The loop's watch that reports it. */
        final NeverAwaited watch;
        /** The next origin in the table with the same identity hash. */
        Origin sameHash;

        Origin(Coroutine<?> coroutine, NeverAwaited watch) {
            super(coroutine, watch.collected);
            this.watch = watch;
            this.name = coroutine.name();
            this.hash = System.identityHashCode(coroutine);
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

    /** Watches {@code coroutine}, just made on a debug loop. */
    void watch(Coroutine<?> coroutine) {
        Origin origin = new Origin(coroutine, this);
        synchronized (ORIGINS) {
            origin.sameHash = ORIGINS.put(origin.hash, origin);
        }
    }

    /** A watched coroutine started or was closed: it will never be reported. Any thread. */
    static void started(Coroutine<?> coroutine) {
        int hash = System.identityHashCode(coroutine);
        synchronized (ORIGINS) {
            for (Origin o = ORIGINS.get(hash); o != null; o = o.sameHash) {
                if (o.refersTo(coroutine)) {
                    unlink(o);
                    o.clear();
                    return;
                }
            }
        }
    }

    /** Reports every watched coroutine collected unstarted since the last call. */
    void reportCollected(EventLoop loop) {
        for (Origin origin; (origin = (Origin) collected.poll()) != null; ) {
            boolean unstarted;
            synchronized (ORIGINS) {
                unstarted = unlink(origin);
            }
            if (unstarted) {
                loop.report("coroutine '" + origin.name + "' was never awaited", origin.createdAt);
            }
        }
    }

    /** The loop closed: nothing will poll its queue, so its origins leave the table. */
    void forget() {
        synchronized (ORIGINS) {
            for (Iterator<Map.Entry<Integer, Origin>> it = ORIGINS.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Integer, Origin> entry = it.next();
                Origin others = null;
                for (Origin o = entry.getValue(); o != null; ) {
                    Origin next = o.sameHash;
                    if (o.watch != this) {
                        o.sameHash = others;
                        others = o;
                    }
                    o = next;
                }
                if (others == null) {
                    it.remove();
                } else {
                    entry.setValue(others);
                }
            }
        }
    }

    /** Removes {@code origin} from the table; false if it was not there (its coroutine started). */
    private static boolean unlink(Origin origin) {
        Origin head = ORIGINS.get(origin.hash);
        if (head == origin) {
            if (origin.sameHash == null) {
                ORIGINS.remove(origin.hash);
            } else {
                ORIGINS.put(origin.hash, origin.sameHash);
            }
            return true;
        }
        for (Origin o = head; o != null; o = o.sameHash) {
            if (o.sameHash == origin) {
                o.sameHash = origin.sameHash;
                return true;
            }
        }
        return false;
    }
}
