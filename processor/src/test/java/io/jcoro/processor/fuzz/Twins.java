package io.jcoro.processor.fuzz;

import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.processor.testing.Trace;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/** Runs an {@code @Async} method on a fresh virtual-time loop and its plain twin directly. */
final class Twins {
    private Twins() {}

    /** What one version did: its trace lines and its outcome. */
    record Run(List<String> trace, String outcome) {}

    /**
     * {@code name(n, s)} of a fresh instance made by {@code constructor} (the generated
     * {@code <Name>Coroutines(Consumer<String>)}), as a coroutine.
     */
    static Run runAsync(Constructor<?> constructor, String name, int n, String s) throws Exception {
        Trace trace = new Trace();
        Object program = constructor.newInstance(trace);
        Method method = program.getClass().getMethod(name, int.class, String.class);
        String outcome;
        EventLoop loop = EventLoop.virtualTime();
        try {
            Coroutine<?> coroutine = (Coroutine<?>) method.invoke(program, n, s);
            outcome = "value " + render(loop.runUntilComplete(coroutine));
        } catch (InvocationTargetException e) {
            outcome = "creating the coroutine threw " + describe(e.getCause());
        } catch (Throwable t) {
            outcome = describe(t);
        } finally {
            loop.close();
        }
        return new Run(trace.events(), outcome);
    }

    /** {@code namePlain(n, s)} of a fresh instance, called directly. */
    static Run runPlain(Constructor<?> constructor, String name, int n, String s) throws Exception {
        Trace trace = new Trace();
        Object program = constructor.newInstance(trace);
        Method method = program.getClass().getMethod(name + "Plain", int.class, String.class);
        String outcome;
        try {
            outcome = "value " + render(method.invoke(program, n, s));
        } catch (InvocationTargetException e) {
            outcome = describe(e.getCause());
        }
        return new Run(trace.events(), outcome);
    }

    static String render(Object value) {
        return value instanceof int[] array ? Arrays.toString(array) : String.valueOf(value);
    }

    /** Exception class, message, suppressed exceptions and cause. */
    static String describe(Throwable t) {
        StringBuilder out = new StringBuilder("threw ").append(t.getClass().getName()).append(": ").append(t.getMessage());
        Throwable[] suppressed = t.getSuppressed();
        out.append(" suppressed=").append(suppressed.length);
        for (Throwable s : suppressed) {
            out.append(" [").append(s.getClass().getSimpleName()).append(": ").append(s.getMessage()).append(']');
        }
        if (t.getCause() != null && t.getCause() != t) {
            out.append(" cause=").append(t.getCause().getClass().getSimpleName()).append(": ").append(t.getCause().getMessage());
        }
        return out.toString();
    }

    /** Empty if both runs did the same; else the first differing trace line and both outcomes. */
    static String difference(Run plain, Run async) {
        if (plain.trace().equals(async.trace()) && plain.outcome().equals(async.outcome())) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < plain.trace().size() && i < async.trace().size() && plain.trace().get(i).equals(async.trace().get(i))) {
            i++;
        }
        if (i < plain.trace().size() || i < async.trace().size()) {
            out.append("first differing trace line #").append(i).append(":\n  plain: ")
                    .append(i < plain.trace().size() ? plain.trace().get(i) : "<end of trace>")
                    .append("\n  async: ").append(i < async.trace().size() ? async.trace().get(i) : "<end of trace>")
                    .append('\n');
            if (i > 0) out.append("  (line before: ").append(plain.trace().get(i - 1)).append(")\n");
        } else {
            out.append("traces equal (").append(plain.trace().size()).append(" lines)\n");
        }
        out.append("outcome:\n  plain: ").append(plain.outcome()).append("\n  async: ").append(async.outcome()).append('\n');
        return out.toString();
    }
}
