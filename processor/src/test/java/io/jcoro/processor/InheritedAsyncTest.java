package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.processor.testing.CoroCompiler;
import io.jcoro.processor.testing.Trace;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @Async} methods a type inherits (an interface's default methods, a superclass's
 * methods, each in a file of its own with its own imports) are lowered in the type's generated
 * class too, as SPEC.md asks: the generated class overrides every {@code @Async} method.
 */
class InheritedAsyncTest {
    private static ClassLoader loader;

    @BeforeAll
    static void compile() {
        Compilation compilation = CoroCompiler.compile(CoroCompiler.resource("programs/inherit/Api.java"),
                CoroCompiler.resource("programs/inherit/Helpers.java"), CoroCompiler.resource("programs/inherit/Base.java"),
                CoroCompiler.resource("programs/inherit/Sub.java"));
        assertThat(compilation).succeededWithoutWarnings();
        loader = CoroCompiler.classLoader(compilation);
    }

    @Test
    void inheritedCoroutinesRunLoweredOnTheSubtypesGeneratedClass() throws Exception {
        Trace trace = new Trace();
        Object sub = newSub(trace);
        EventLoop loop = EventLoop.virtualTime();
        try {
            Object result = loop.runUntilComplete((Coroutine<?>) sub.getClass().getMethod("run").invoke(sub));
            assertEquals("fast:1:#0 slow:11:#0 #0,#1", result);
            // fetch(1) twice and fetch(2): 5 ms each, step(SLOW) 10 ms
            assertEquals(30_000_000L, loop.time());
        } finally {
            loop.close();
        }
        assertEquals(List.of("fetched 1", "fetched 1", "fetched 2"), trace.events());
    }

    @Test
    void aFailureInAnInheritedBodyNamesItsOwnFileAndLine() throws Exception {
        Object sub = newSub(new Trace());
        EventLoop loop = EventLoop.virtualTime();
        try {
            Coroutine<?> failing = (Coroutine<?>) sub.getClass().getMethod("fails", int.class).invoke(sub, 2);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(failing));
            assertEquals("bad 2", e.getMessage());
            assertTrue(Arrays.stream(e.getStackTrace()).anyMatch(frame -> frame.getClassName().equals("programs.inherit.Api")
                            && frame.getMethodName().equals("fails") && "Api.java".equals(frame.getFileName())
                            && frame.getLineNumber() == 33), // the throw's own line, in the supertype's file
                    () -> Arrays.toString(e.getStackTrace()));
        } finally {
            loop.close();
        }
    }

    @Test
    void anInheritedBodyFromAnotherPackageIsLoweredWhenAllItNamesIsReachable() throws Exception {
        Compilation compilation = CoroCompiler.compile(CoroCompiler.resource("programs/inherit/other/Remote.java"),
                CoroCompiler.resource("programs/inherit/other/Hidden.java"), CoroCompiler.resource("programs/inherit/Local.java"));
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("[JCORO-W002] Local inherits @Async method Remote.secret(), which the"
                + " generated LocalCoroutines cannot lower (its body uses word(), out of reach from"
                + " programs.inherit.Local)");
        Object local = CoroCompiler.classLoader(compilation).loadClass("programs.inherit.LocalCoroutines")
                .getConstructor().newInstance();
        EventLoop loop = EventLoop.virtualTime();
        try {
            assertEquals("r3:1:6 r4:2:8", loop.runUntilComplete((Coroutine<?>) local.getClass().getMethod("run").invoke(local)));
            // the un-lowered body runs when called, and its first await says what is missing
            Throwable unlowered = assertThrows(java.lang.reflect.InvocationTargetException.class,
                    () -> local.getClass().getMethod("secret").invoke(local)).getCause();
            assertTrue(unlowered instanceof IllegalStateException && unlowered.getMessage().contains("@Async"),
                    unlowered::toString);
        } finally {
            loop.close();
        }
    }

    private static Object newSub(Trace trace) throws Exception {
        return loader.loadClass("programs.inherit.SubCoroutines").getConstructor(Consumer.class).newInstance(trace);
    }
}
