package io.jcoro;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Test-only helpers for hand-written frames. Most test coroutines are written out in the exact
 * shape the processor generates ({@code for (;;) switch ($label) { case 0: ... }}); this helper
 * writes the common "run some code, await, run some code, ..." shape compactly, through the same
 * ABI: each step gets the value of the previous await ({@code $value()}, which throws its
 * failure) and returns the next awaitable, or {@link #ret(Object)} to return.
 */
final class Frames {
    private Frames() {}

    /** One state of a compact frame. */
    @FunctionalInterface
    interface Step {
        Object run(Object previousValue) throws Throwable;
    }

    private record Return(Object value) {}

    /** What a step returns to complete the coroutine with {@code value}. */
    static Object ret(Object value) {
        return new Return(value);
    }

    /** A coroutine named {@code name} whose state {@code i} runs {@code steps[i]}. */
    @SuppressWarnings("unchecked")
    static <T> Coroutine<T> of(String name, Step... steps) {
        return (Coroutine<T>) new Compact(name, steps);
    }

    /** A thread-safe list for traces. */
    static List<String> trace() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    /** A frame whose states are the steps: the processor's shape with the switch folded. */
    private static final class Compact extends Coroutine<Object> {
        private final String name;
        private final Step[] steps;

        Compact(String name, Step[] steps) {
            this.name = name;
            this.steps = steps;
        }

        @Override
        protected Object $resume() throws Throwable {
            for (;;) {
                int label = $label;
                if (label < 0 || label >= steps.length) {
                    throw $badLabel();
                }
                Object in = label == 0 ? null : $value();
                Object out = steps[label].run(in);
                if (out instanceof Return r) {
                    return $return(r.value());
                }
                if ($await((Awaitable<?>) out, label + 1)) {
                    return $SUSPENDED;
                }
            }
        }

        @Override
        public String name() {
            return name;
        }
    }
}
