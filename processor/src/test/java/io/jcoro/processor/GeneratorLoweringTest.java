package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.processor.testing.CoroCompiler;
import io.jcoro.processor.testing.Trace;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Async generators ({@code emit}) and async for ({@code each}) against the asyncio program
 * {@code programs/generators_twin.py}: the same trace and the same result. asyncio's output:
 * <pre>
 * tick 0 / tick 1 / tick 2 / ticks finally / ticks cleaned     (async for to the end)
 * tick 0 / tick 1 / ticks finally / ticks cleaned              (break, then aclose)
 * tick 0 / ticks finally / ticks cleaned                       (athrow)
 * result 012readygot agot b|exhausted|boom
 * </pre>
 */
class GeneratorLoweringTest {

    @Test
    void generatorsAndAsyncForBehaveAsAsyncio() throws Exception {
        Compilation compilation = CoroCompiler.compile(CoroCompiler.resource("programs/Generators.java"));
        assertThat(compilation).succeededWithoutWarnings();
        Constructor<?> constructor = CoroCompiler.classLoader(compilation).loadClass("programs.GeneratorsCoroutines")
                .getDeclaredConstructor(Consumer.class);
        constructor.setAccessible(true);
        Trace trace = new Trace();
        Object program = constructor.newInstance(trace);
        EventLoop loop = EventLoop.virtualTime();
        Object result = loop.runUntilComplete((Coroutine<?>) program.getClass().getMethod("consume").invoke(program));
        loop.close();

        assertEquals(List.of(
                "tick 0", "tick 1", "tick 2", "ticks finally", "ticks cleaned",
                "tick 0", "tick 1", "ticks finally", "ticks cleaned",
                "tick 0", "ticks finally", "ticks cleaned"), trace.events());
        assertEquals("012readygot agot b|exhausted|boom", result);
    }
}
