package io.jcoro;

import java.util.Objects;

/**
 * Splices the async chain of a failure into its Java stack trace, so that the trace reads like a
 * synchronous one (as Python 3.11's tracebacks and Kotlin's stack-trace recovery do): the
 * innermost user frame first, at the line that threw; then each {@code @Async} method the failure
 * crossed, innermost first, at its await; then what lies below the loop, starting at the loop's
 * entry the program called (the outermost {@code Coro} or {@code EventLoop} element:
 * {@code Coro.run}, {@code EventLoop.runUntilComplete}).
 *
 * <pre>
 * Java trace at the throw                         spliced
 *   UsersCoroutines$FetchUser.$resume(..:23)  -->   Users.fetchUser(Users.java:23)
 *   io.jcoro.Coroutine.startInline(..)              Users.processUser(Users.java:29)
 *   UsersCoroutines$ProcessUser.$resume(..)         Users.main(Users.java:36)
 *   io.jcoro.Task.drive(..) ... EventLoop.runOnce   io.jcoro.Coro.run(Coro.java:100)
 *   io.jcoro.Coro.run(Coro.java:100)                App.main(App.java:12)
 *   App.main(App.java:12)
 * </pre>
 *
 * The frames of generated classes are replaced by the user's (type, method, file), never shown
 * twice; the machinery between them and the loop's entry is dropped. The throwing frame keeps the
 * line of its Java element when that element names the user's file (the class file's line table
 * maps to the user's source), else it takes the line of its current state. A trace spliced before
 * (a failure that is caught and rethrown, or that ends a task and is awaited by another) gains the
 * newly crossed frames where its chain ends, above the loop's entry; a trace made elsewhere
 * (another thread, a callback) keeps its frames and gains the chain at its end. Nothing here runs
 * on a success path.
 */
final class TraceSplice {
    private static final String RESUME = "$resume";

    private TraceSplice() {}

    /**
     * The trace {@code trace} becomes once the failure crossed the frames at {@code chain[0..n)}
     * (innermost first; the first of them an instance of {@code thrower}). O(trace + n).
     */
    static StackTraceElement[] splice(StackTraceElement[] trace, StackTraceElement[] chain, int n, String thrower) {
        int top = firstGenerated(trace);
        int thrown = n > 0 && top >= 0 ? generatedFrameOf(trace, top, thrower) : -1;
        if (thrown >= 0) {
            int below = entry(trace, thrown + 1);
            if (below < 0) {
                below = lastGenerated(trace) + 1;
            }
            Builder out = new Builder(top + n + trace.length - below);
            out.add(trace, 0, top);
            out.add(asUser(trace[thrown], chain[0]));
            out.add(chain, 1, n);
            return out.add(trace, below, trace.length).done();
        }
        int at = joinPoint(trace, top);
        Builder out = new Builder(trace.length + n);
        out.add(trace, 0, at);
        out.add(chain, 0, n);
        return out.add(trace, at, trace.length).done();
    }

    /** {@code java}, the throwing frame's element, as the user's {@code place}; see the class comment. */
    private static StackTraceElement asUser(StackTraceElement java, StackTraceElement place) {
        boolean userLines = java.getLineNumber() > 0 && Objects.equals(java.getFileName(), place.getFileName());
        return new StackTraceElement(place.getClassName(), place.getMethodName(), place.getFileName(),
                userLines ? java.getLineNumber() : place.getLineNumber());
    }

    /**
     * Where the chain of a trace without generated frames ends: at the loop's entry if a spliced
     * chain (not the loop's own machinery) is right above it; else the end of the trace.
     */
    private static int joinPoint(StackTraceElement[] trace, int firstGenerated) {
        int entry = firstGenerated < 0 ? entry(trace, 0) : -1;
        return entry > 0 && !isLoop(trace[entry - 1]) ? entry : trace.length;
    }

    /** The outermost element of the loop's entry points from {@code from} on, or -1. */
    private static int entry(StackTraceElement[] trace, int from) {
        for (int i = trace.length - 1; i >= from; i--) {
            if (isLoop(trace[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLoop(StackTraceElement e) {
        String type = e.getClassName();
        return type.equals("io.jcoro.Coro") || type.equals("io.jcoro.EventLoop");
    }

    private static boolean isGenerated(StackTraceElement e) {
        return e.getMethodName().startsWith(RESUME);
    }

    private static int firstGenerated(StackTraceElement[] trace) {
        for (int i = 0; i < trace.length; i++) {
            if (isGenerated(trace[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first generated element of {@code type} from {@code from} on, or -1; the generated
     * elements above it are frames without a source (the runtime's own, as a task group's exit),
     * which the failure left before any user frame.
     */
    private static int generatedFrameOf(StackTraceElement[] trace, int from, String type) {
        for (int i = from; i < trace.length; i++) {
            if (isGenerated(trace[i]) && trace[i].getClassName().equals(type)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastGenerated(StackTraceElement[] trace) {
        for (int i = trace.length - 1; i >= 0; i--) {
            if (isGenerated(trace[i])) {
                return i;
            }
        }
        return -1;
    }

    /** An array filled in order. */
    private static final class Builder {
        private final StackTraceElement[] out;
        private int size;

        Builder(int capacity) {
            out = new StackTraceElement[capacity];
        }

        void add(StackTraceElement e) {
            out[size++] = e;
        }

        Builder add(StackTraceElement[] from, int start, int end) {
            for (int i = start; i < end; i++) {
                add(from[i]);
            }
            return this;
        }

        StackTraceElement[] done() {
            return out;
        }
    }
}
