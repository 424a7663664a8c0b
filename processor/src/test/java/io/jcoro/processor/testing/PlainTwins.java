package io.jcoro.processor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Consumer;

/**
 * Runs {@code name(mode)} of a compiled program on a virtual-time loop and {@code namePlain(mode)},
 * its plain twin, directly; both must log the same trace and end the same way.
 */
public final class PlainTwins {
    private PlainTwins() {}

    /** @param type the generated class, made with a {@code Consumer<String>} log */
    public static void assertSameAsPlainTwin(ClassLoader loader, String type, String name, int mode) throws Exception {
        Trace plainTrace = new Trace();
        Object plain = newProgram(loader, type, plainTrace);
        String expected;
        try {
            expected = "value " + plain.getClass().getMethod(name + "Plain", int.class).invoke(plain, mode);
        } catch (InvocationTargetException e) {
            expected = describe(e.getCause());
        }

        Trace coroTrace = new Trace();
        Object program = newProgram(loader, type, coroTrace);
        Coroutine<?> coroutine = (Coroutine<?>) program.getClass().getMethod(name, int.class).invoke(program, mode);
        EventLoop loop = EventLoop.virtualTime();
        String actual;
        try {
            actual = "value " + loop.runUntilComplete(coroutine);
        } catch (Throwable t) {
            actual = describe(t);
        } finally {
            loop.close();
        }
        assertEquals(plainTrace.events(), coroTrace.events(), name + "(" + mode + "): trace");
        assertEquals(expected, actual, name + "(" + mode + "): outcome");
    }

    public static Object newProgram(ClassLoader loader, String type, Trace trace) throws Exception {
        Constructor<?> constructor = loader.loadClass(type).getDeclaredConstructor(Consumer.class);
        constructor.setAccessible(true);
        return constructor.newInstance(trace);
    }

    private static String describe(Throwable t) {
        return "threw " + t + (t.getCause() == null ? "" : " caused by " + t.getCause());
    }
}
