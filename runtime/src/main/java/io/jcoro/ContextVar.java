package io.jcoro;

import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A context variable: asyncio's {@code contextvars.ContextVar}. Each task runs in a copy of the
 * context that was current when it was created, so a value set in a task is seen by that task
 * (and by coroutines it awaits inline, and by tasks it creates afterwards), never by its creator
 * or its siblings.
 *
 * <pre>{@code
 * static final ContextVar<String> REQUEST_ID = new ContextVar<>("request_id");
 *
 * @Async default Coroutine<Void> handle(String id) {
 *     var token = REQUEST_ID.set(id);
 *     try {
 *         await(createTask(log("start")));       // the child task sees id
 *     } finally {
 *         REQUEST_ID.reset(token);
 *     }
 *     return done();
 * }
 * }</pre>
 *
 * <p>Taking the copy is free: a context is immutable and a task holds a reference to it;
 * {@link #set} replaces the running task's context by a new one (copy-on-write of a small array).
 * The current context is the running task's, the loop's while a plain callback runs (callbacks do
 * not capture a context, unlike asyncio's {@code call_soon}), or a per-thread one outside a loop.
 * Loop thread only (or the thread that owns the per-thread context).
 *
 * @param <T> the type of the value
 */
public final class ContextVar<T> {
    private static final Object MISSING = new Object();

    private final String name;
    private final Object defaultValue;

    /** A variable without a default: {@link #get()} throws while it is not set. */
    public ContextVar(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultValue = MISSING;
    }

    /** A variable whose {@link #get()} returns {@code defaultValue} while it is not set. */
    public ContextVar(String name, T defaultValue) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultValue = defaultValue;
    }

    /** The variable's name, for diagnostics. */
    public String name() {
        return name;
    }

    /**
     * The value in the current context, else the variable's default.
     *
     * @throws NoSuchElementException if it is not set and has no default (asyncio's LookupError)
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Object v = Context.current().get(this, defaultValue);
        if (v == MISSING) {
            throw new NoSuchElementException("context variable '" + name + "' is not set");
        }
        return (T) v;
    }

    /** The value in the current context, else {@code fallback} (the variable's default is ignored). */
    @SuppressWarnings("unchecked")
    public T get(T fallback) {
        Object v = Context.current().get(this, MISSING);
        return v == MISSING ? fallback : (T) v;
    }

    /**
     * Sets the value in the current context.
     *
     * @return a token that {@link #reset} takes to restore the previous state
     */
    public Token<T> set(T value) {
        Context before = Context.current();
        Object old = before.get(this, MISSING);
        Context.setCurrent(before.with(this, value));
        return new Token<>(this, old, Context.owner());
    }

    /**
     * Restores the variable to what it was before the {@link #set} that returned {@code token}.
     *
     * @throws IllegalStateException    if the token was already used (asyncio's RuntimeError)
     * @throws IllegalArgumentException if the token belongs to another variable, or was made in
     *                                  another context (asyncio's ValueError)
     */
    public void reset(Token<T> token) {
        Objects.requireNonNull(token, "token");
        if (token.used) {
            throw new IllegalStateException("Token has already been used once");
        }
        if (token.var != this) {
            throw new IllegalArgumentException("Token was created by a different ContextVar");
        }
        if (token.owner != Context.owner()) {
            throw new IllegalArgumentException("Token was created in a different Context");
        }
        token.used = true;
        Context now = Context.current();
        Context.setCurrent(token.oldValue == MISSING ? now.without(this) : now.with(this, token.oldValue));
    }

    @Override
    public String toString() {
        return "ContextVar[" + name + "]";
    }

    /**
     * What {@link ContextVar#set} returns: the previous value, for {@link ContextVar#reset}.
     *
     * <pre>{@code
     * ContextVar.Token<String> t = VAR.set("x");
     * VAR.reset(t);
     * }</pre>
     *
     * @param <T> the type of the variable
     */
    public static final class Token<T> {
        private final ContextVar<T> var;
        private final Object oldValue;
        /** Who held the context the set changed (a task, a loop or a thread): a reset must
         *  happen in the same one, as asyncio's tokens belong to one Context object. */
        private final Object owner;
        private boolean used;

        Token(ContextVar<T> var, Object oldValue, Object owner) {
            this.var = var;
            this.oldValue = oldValue;
            this.owner = owner;
        }

        /** The variable that made this token. */
        public ContextVar<T> var() {
            return var;
        }

        /** Whether there was a value before the set (else {@link #oldValue()} is null). */
        public boolean hadValue() {
            return oldValue != MISSING;
        }

        /** The value before the set, or null if there was none. */
        @SuppressWarnings("unchecked")
        public T oldValue() {
            return oldValue == MISSING ? null : (T) oldValue;
        }
    }
}
