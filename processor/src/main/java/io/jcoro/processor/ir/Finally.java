package io.jcoro.processor.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One exploded {@code finally} and its pending completion: why control entered the finally,
 * kept in two temps so that the finally may suspend (the technique of regenerator's try entries
 * and Roslyn's pending branches).
 *
 * <pre>
 *   pending = -1   completed normally: go on after the try statement
 *   pending = -2   an exception, in value: rethrow it
 *   pending = -3   return done(value): return it, or pass it to the next enclosing finally
 *   pending = N    break/continue to state N: jump there, or pass it to the next enclosing finally
 * </pre>
 *
 * A finally that completes abruptly itself (its own return, throw, break) never reaches the
 * end-finally, so the pending completion is discarded, as JLS 14.20.2 says.
 */
public final class Finally {
    public static final int NORMAL = -1;
    public static final int THROW = -2;
    public static final int RETURN = -3;

    private final Temp pending;
    private final Temp value;
    private final Label start;
    private final Finally outer;
    /** Jump targets that leave this finally, each with whether it must pass through {@link #outer}. */
    private final Map<Label, Boolean> targets = new LinkedHashMap<>();

    public Finally(Temp pending, Temp value, Label start, Finally outer) {
        this.pending = pending;
        this.value = value;
        this.start = start;
        this.outer = outer;
    }

    public Temp pending() {
        return pending;
    }

    public Temp value() {
        return value;
    }

    /** The first state of the finally block. */
    public Label start() {
        return start;
    }

    /** The next enclosing exploded finally of the method, or null. */
    public Finally outer() {
        return outer;
    }

    /** Records that a jump to {@code target} leaves this finally, then (if {@code viaOuter}) the outer one too. */
    public void addTarget(Label target, boolean viaOuter) {
        targets.merge(target, viaOuter, Boolean::logicalOr);
    }

    public Map<Label, Boolean> targets() {
        return Collections.unmodifiableMap(targets);
    }
}
