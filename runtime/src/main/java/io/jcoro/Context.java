package io.jcoro;

import java.util.Arrays;

/**
 * An immutable set of {@link ContextVar} bindings: asyncio's {@code contextvars.Context}. A task
 * holds one (taken from its creator when it is made, so "copying" the context is copying a
 * reference); {@link ContextVar#set} replaces the running task's context by a new one with one
 * binding changed (copy-on-write of a small array: contexts typically hold a handful of
 * variables).
 *
 * <p>Where the current context lives: the running {@link Task}'s field; the loop's field while a
 * plain callback runs; a thread-local outside any loop.
 */
final class Context {
    static final Context EMPTY = new Context(new Object[0]);
    private static final ThreadLocal<Context> OUTSIDE = ThreadLocal.withInitial(() -> EMPTY);

    /** Alternating keys (ContextVar) and values. */
    private final Object[] pairs;

    private Context(Object[] pairs) {
        this.pairs = pairs;
    }

    /** The binding of {@code var}, or {@code absent}. */
    Object get(ContextVar<?> var, Object absent) {
        Object[] p = pairs;
        for (int i = 0; i < p.length; i += 2) {
            if (p[i] == var) {
                return p[i + 1];
            }
        }
        return absent;
    }

    /** A context like this one with {@code var} bound to {@code value}. */
    Context with(ContextVar<?> var, Object value) {
        Object[] p = pairs;
        for (int i = 0; i < p.length; i += 2) {
            if (p[i] == var) {
                Object[] copy = p.clone();
                copy[i + 1] = value;
                return new Context(copy);
            }
        }
        Object[] copy = Arrays.copyOf(p, p.length + 2);
        copy[p.length] = var;
        copy[p.length + 1] = value;
        return new Context(copy);
    }

    /** A context like this one without a binding for {@code var}. */
    Context without(ContextVar<?> var) {
        Object[] p = pairs;
        for (int i = 0; i < p.length; i += 2) {
            if (p[i] == var) {
                Object[] copy = new Object[p.length - 2];
                System.arraycopy(p, 0, copy, 0, i);
                System.arraycopy(p, i + 2, copy, i, p.length - i - 2);
                return new Context(copy);
            }
        }
        return this;
    }

    /** The context a task made now on {@code loop} (by whoever runs on this thread) starts with. */
    static Context current(EventLoop loop) {
        if (loop != null && loop.isRunningOnThisThread()) {
            Task<?> t = loop.currentTask();
            return t != null ? t.context() : loop.context;
        }
        return OUTSIDE.get();
    }

    /** The context of whatever runs on this thread now. */
    static Context current() {
        return current(EventLoop.currentOrNull());
    }

    /** Runs {@code work} on this (non-loop) thread with {@code context} current. */
    static <T> T callIn(Context context, java.util.concurrent.Callable<T> work) throws Exception {
        Context saved = OUTSIDE.get();
        OUTSIDE.set(context);
        try {
            return work.call();
        } finally {
            OUTSIDE.set(saved);
        }
    }

    /** Who holds the current context: the running task, else the running loop, else the thread. */
    static Object owner() {
        EventLoop loop = EventLoop.currentOrNull();
        if (loop != null) {
            Task<?> t = loop.currentTask();
            return t != null ? t : loop;
        }
        return Thread.currentThread();
    }

    /** Makes {@code context} the current one of whatever runs on this thread now. */
    static void setCurrent(Context context) {
        EventLoop loop = EventLoop.currentOrNull();
        if (loop != null) {
            Task<?> t = loop.currentTask();
            if (t != null) {
                t.setContext(context);
            } else {
                loop.context = context;
            }
        } else {
            OUTSIDE.set(context);
        }
    }
}
