package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.testing.compile.Compilation;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.Promise;
import io.jcoro.Task;
import io.jcoro.processor.testing.CoroCompiler;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body reaches the instance its method was called on exactly as plain Java would, whichever way
 * it names it; and a suspended coroutine whose body never reaches that instance does not keep it
 * alive (a sleeping coroutine keeps only what it will read again).
 */
class FrameInstanceTest {
    private static ClassLoader loader;

    @BeforeAll
    static void compile() {
        Compilation compilation = CoroCompiler.compile(CoroCompiler.resource("programs/Instances.java"));
        assertThat(compilation).succeededWithoutWarnings();
        loader = CoroCompiler.classLoader(compilation);
    }

    @ParameterizedTest
    @CsvSource({
            "explicitThis, t!",
            "qualifiedThis, t!",
            "field, t!",
            "method, plain:t!",
            "objectMethod, InstancesCoroutines!",
            "innerClass, inner:t!",
            "innerConstructorReference, inner:t!",
            "anonymousClass, plain:t!",
            "lambda, t!",
            "localClass, plain:t!",
            "nothingOfIt, none!",
            "staticMembersOnly, nestedlocal2!",
    })
    void aBodyReachesItsInstanceAfterASuspension(String method, String expected) throws Exception {
        Object instances = newInstances();
        EventLoop loop = EventLoop.virtualTime();
        try {
            Promise<String> gate = new Promise<>();
            Task<?> task = loop.createTask(call(instances, method, gate));
            loop.runUntilComplete(call(instances, "settle"));
            assertFalse(task.isDone(), "suspended on the gate");
            gate.setResult("!");
            assertEquals(expected, loop.runUntilComplete(call(instances, "join", task)));
        } finally {
            loop.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nothingOfIt", "staticMembersOnly"})
    void aSuspendedCoroutineThatNeverReachesItsInstanceDoesNotKeepItAlive(String method) throws Exception {
        assertNull(instanceWhileSuspended(method), "the instance was collected while " + method + " was suspended");
    }

    @ParameterizedTest
    @ValueSource(strings = {"field", "lambda", "innerClass"})
    void aSuspendedCoroutineThatReachesItsInstanceKeepsIt(String method) throws Exception {
        assertNotNull(instanceWhileSuspended(method));
    }

    /**
     * Suspends {@code method} of a fresh instance, drops every other reference to that instance,
     * collects garbage, and returns the instance if it is still reachable; then lets the
     * coroutine finish.
     */
    private static Object instanceWhileSuspended(String method) throws Exception {
        Object runner = newInstances();
        EventLoop loop = EventLoop.virtualTime();
        try {
            Promise<String> gate = new Promise<>();
            Object subject = newInstances();
            WeakReference<Object> ref = new WeakReference<>(subject);
            Task<?> task = loop.createTask(call(subject, method, gate));
            subject = null;
            loop.runUntilComplete(call(runner, "settle"));
            assertFalse(task.isDone());
            for (int i = 0; i < 20 && ref.get() != null; i++) {
                System.gc();
                Thread.sleep(10);
            }
            Object left = ref.get();
            gate.setResult("!");
            loop.runUntilComplete(call(runner, "join", task));
            return left;
        } finally {
            loop.close();
        }
    }

    private static Object newInstances() throws Exception {
        return loader.loadClass("programs.InstancesCoroutines").getConstructor().newInstance();
    }

    private static Coroutine<?> call(Object target, String method, Object... arguments) throws Exception {
        for (java.lang.reflect.Method m : target.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == arguments.length) {
                return (Coroutine<?>) m.invoke(target, arguments);
            }
        }
        throw new NoSuchMethodException(method);
    }
}
