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
 * thread only. What a person reads is unchanged: the Java trace, then the crossed frames,
 * innermost first; a failure without a Java trace (not writable, or one of the JVM's preallocated
 * errors) keeps none, except a {@link CancelledError} made by {@code cancel()}, whose trace is this
 * chain alone.
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

    /** {@code crossing} left the frame at {@code where}. */
    void record(Throwable crossing, StackTraceElement where) {
        if (crossing != failure) {
            flush();
            failure = crossing;
        }
        if (size == places.length) {
            places = Arrays.copyOf(places, size * 2);
        }
        places[size++] = where;
    }

    /** Writes the recorded places into the failure's stack trace, once; cheap when none are. */
    void flush() {
        Throwable f = failure;
        if (f == null) {
            return;
        }
        failure = null;
        int n = size;
        size = 0;
        StackTraceElement[] recorded = places;
        places = recorded.length > KEPT_CAPACITY ? new StackTraceElement[16] : recorded;
        try {
            append(f, recorded, n);
        } finally {
            if (places == recorded) {
                Arrays.fill(recorded, 0, n, null);
            }
        }
    }

    /** {@link #flush()} on the loop running on this thread, if any. */
    static void flushOnThisThread() {
        EventLoop loop = EventLoop.currentOrNull();
        if (loop != null) {
            loop.asyncTrace.flush();
        }
    }

    /**
     * Appends {@code places[0..n)} to {@code failure}'s stack trace (one copy); never throws: if
     * the JVM cannot build traces any more (no memory; the JDK's trace code broken by a
     * StackOverflowError), the failure keeps the trace it has.
     */
    static void append(Throwable failure, StackTraceElement[] places, int n) {
        try {
            StackTraceElement[] trace = failure.getStackTrace();
            if (trace.length > 0 || failure instanceof CancelledError) {
                StackTraceElement[] longer = Arrays.copyOf(trace, trace.length + n);
                System.arraycopy(places, 0, longer, trace.length, n);
                failure.setStackTrace(longer);
            }
        } catch (Throwable brokenMachinery) {
            // see the comment of this method
        }
    }
}
