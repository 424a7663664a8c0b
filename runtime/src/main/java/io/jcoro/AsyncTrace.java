package io.jcoro;

import java.util.Arrays;

/**
 * The async part of the stack trace of a failure crossing frames, built once. A failure that
 * leaves N frames of a task on its way out gains N stack-trace elements (see
 * {@link Coroutine#crossed}); setting them one frame at a time would copy the whole trace at each
 * frame ({@code getStackTrace()} and {@code setStackTrace()} both copy), O(N²) for a recursion N
 * awaits deep. Instead the places are recorded here, and the trace is rewritten once, with all of
 * them, before anything can read it: when user code is handed the failure (a catch or finally
 * of a frame: {@link Coroutine#$handler}; a {@code closeAsync}: {@link Coroutine#$failure}), when
 * another failure starts crossing, when the task completes with it, and at the end of every task
 * step (so no other task or thread ever sees a trace being built).
 *
 * <p>One per loop: only one task steps at a time, and nothing recorded outlives its step. Loop
 * thread only. {@link TraceSplice} says what a person reads: the trace as a synchronous one, the
 * throwing user frame first, then the crossed frames, innermost first, then the loop's entry and
 * its callers. A frame that handles the failure appears at its await (as the caller of a throwing
 * method appears at its call in plain Java), once: rethrowing the same exception does not add it
 * again. A failure without a Java trace (not writable, or one of the JVM's preallocated errors)
 * keeps none, except a {@link CancelledError} made by {@code cancel()}, whose trace is this chain
 * alone.
 */
final class AsyncTrace {
    /** A buffer above this many slots is not kept after a flush. */
    private static final int KEPT_CAPACITY = 256;

    static {
        // Initialise the JDK's stack-trace classes now, on a shallow stack: if their first use
        // were a StackOverflowError's trace, their initialisation could fail for good, and every
        // later getStackTrace() in the JVM would throw NoClassDefFoundError.
        new Throwable().getStackTrace();
    }

    /** The failure whose places are recorded, or null. */
    private Throwable failure;
    private StackTraceElement[] places = new StackTraceElement[16];
    private int size;
    /** The class of the frame of {@code places[0]}: whose generated element the throw point is. */
    private String thrower;
    /** The frame the failure goes to after the last frame it crossed (its caller), or null. */
    private Coroutine<?> next;
    /** The failure a frame handles in this step, and that frame: its rethrow adds no place. */
    private Throwable handledFailure;
    private Coroutine<?> handledFrame;

    /** {@code crossing} left {@code frame}, which was at {@code where} (null: no source). */
    void record(Throwable crossing, Coroutine<?> frame, StackTraceElement where) {
        if (crossing != failure) {
            flush();
            failure = crossing;
        }
        next = frame.caller;
        if (crossing != handledFailure || frame != handledFrame) {
            add(frame, where); // else rethrown by the frame that caught it: already in the trace
        }
    }

    private void add(Coroutine<?> frame, StackTraceElement where) {
        if (where == null) {
            return;
        }
        if (size == 0) {
            thrower = frame.getClass().getName();
        }
        if (size == places.length) {
            places = Arrays.copyOf(places, size * 2);
        }
        places[size++] = where;
    }

    /**
     * The frame the recorded failure went to is handed it (its catch, finally or closeAsync):
     * writes the trace, with that frame at the await that failed as the last place.
     */
    void handled() {
        Coroutine<?> by = next;
        if (failure != null && by != null) {
            handledFailure = failure;
            handledFrame = by;
            add(by, by.$where());
        }
        flush();
    }

    /** Writes the recorded places into the failure's stack trace, once; cheap when none are. */
    void flush() {
        Throwable f = failure;
        if (f == null) {
            return;
        }
        failure = null;
        next = null;
        int n = size;
        size = 0;
        StackTraceElement[] recorded = places;
        places = recorded.length > KEPT_CAPACITY ? new StackTraceElement[16] : recorded;
        try {
            if (n > 0) {
                splice(f, recorded, n, thrower);
            }
        } finally {
            thrower = null;
            if (places == recorded) {
                Arrays.fill(recorded, 0, n, null);
            }
        }
    }

    /**
     * The task's step ended: writes what is recorded, and forgets everything (a step without a
     * failure reads two fields).
     */
    void endStep() {
        if (failure != null || handledFrame != null) {
            flush();
            handledFailure = null;
            handledFrame = null;
        }
    }

    /** {@link #handled()} on the loop running on this thread, if any. */
    static void handledOnThisThread() {
        EventLoop loop = EventLoop.currentOrNull();
        if (loop != null) {
            loop.asyncTrace.handled();
        }
    }

    /**
     * Splices {@code chain[0..n)} into {@code failure}'s stack trace (one read, one write; see
     * {@link TraceSplice}); never throws: if the JVM cannot build traces any more (no memory; the
     * JDK's trace code broken by a StackOverflowError), the failure keeps the trace it has.
     */
    static void splice(Throwable failure, StackTraceElement[] chain, int n, String thrower) {
        try {
            StackTraceElement[] trace = failure.getStackTrace();
            if (trace.length > 0 || failure instanceof CancelledError) {
                failure.setStackTrace(TraceSplice.splice(trace, chain, n, thrower));
            }
        } catch (Throwable brokenMachinery) {
            // see the comment of this method
        }
    }
}
