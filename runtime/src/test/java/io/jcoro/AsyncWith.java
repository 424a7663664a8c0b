package io.jcoro;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Test helper: {@code try (R r = open) { body(r) }} in an {@code @Async} body, written as the
 * processor will lower it (the body is an inline-awaited coroutine, which runs on the same task):
 *
 * <pre>{@code
 * R r = open.get();
 * Throwable pending = null;
 * try { value = await(body(r)); } catch (Throwable t) { pending = t; }
 * $await(r.closeAsync(pending), N);
 * // N: rethrow what $value() throws, or pending, by AsyncCloseable.afterClose's rules
 * }</pre>
 */
final class AsyncWith<R extends AsyncCloseable, T> extends Coroutine<T> {
    private final Supplier<R> open;
    private final Function<R, Coroutine<T>> body;
    private R resource;
    private Object value;
    private Throwable pending;

    private AsyncWith(Supplier<R> open, Function<R, Coroutine<T>> body) {
        this.open = open;
        this.body = body;
    }

    static <R extends AsyncCloseable, T> Coroutine<T> of(Supplier<R> open, Function<R, Coroutine<T>> body) {
        return new AsyncWith<>(open, body);
    }

    @Override
    @SuppressWarnings({"fallthrough", "unchecked"})
    protected Object $resume() throws Throwable {
        for (;;) switch ($label) {
            case 0: {
                resource = open.get();
                if ($await(body.apply(resource), 1)) return $SUSPENDED;
            }
            case 1: {
                try {
                    value = $value();
                } catch (Throwable t) {
                    pending = t;
                }
                if ($await(resource.closeAsync(pending), 2)) return $SUSPENDED;
            }
            case 2: {
                Throwable closeFailure = null;
                try {
                    $value();
                } catch (Throwable f) {
                    closeFailure = f;
                }
                Throwable out = AsyncCloseable.afterClose(resource, pending, closeFailure);
                if (out != null) throw out;
                return $return((T) value);
            }
            default: throw $badLabel();
        }
    }

    @Override
    public String name() {
        return "AsyncWith";
    }
}
