package io.jcoro.processor.debug;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.processor.testing.CoroCompiler;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The frame classes, renamed into the user's top-level class ({@link FrameNames}), load and run
 * with everything the JVM and reflection check on nested classes: the nest (NestHost and
 * NestMembers), InnerClasses (simple name, declaring and enclosing class), lambdas, anonymous and
 * local classes inside a body, a generic host and a host nested in another type.
 */
class FrameNamesTest {
    private static final String HOST = """
            package p;

            import static io.jcoro.Coro.*;
            import io.jcoro.Coroutine;
            import io.jcoro.annotations.Async;
            import java.util.List;
            import java.util.function.Supplier;

            public class Host<T> {
                @Async
                public Coroutine<List<Object>> work(T item, int n) {
                    await(sleep(1));
                    Supplier<String> lambda = () -> "lambda " + item;
                    Object anonymous = new Object() {
                        @Override
                        public String toString() {
                            return "anonymous " + n;
                        }
                    };
                    class Local {
                        @Override
                        public String toString() {
                            return "local " + n;
                        }
                    }
                    List<Object> made = List.of(lambda, anonymous, new Local());
                    await(sleep(1));
                    return done(made);
                }

                public static class Inner {
                    @Async
                    public Coroutine<Integer> twice(int n) {
                        await(sleep(1));
                        return done(2 * n);
                    }
                }
            }
            """;

    private static ClassLoader loader;

    @BeforeAll
    static void compile() {
        Compilation compilation = CoroCompiler.compile(JavaFileObjects.forSourceString("p.Host", HOST));
        assertThat(compilation).succeededWithoutWarnings();
        loader = CoroCompiler.classLoader(compilation);
    }

    private static Coroutine<?> call(String generated, String method, Object... args) throws Exception {
        Class<?> type = loader.loadClass(generated);
        Object host = type.getConstructor().newInstance();
        return (Coroutine<?>) Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(method)).findFirst()
                .orElseThrow().invoke(host, args);
    }

    @Test
    void theFramesOfAGenericHostLoadRunAndReflectAsNestedClasses() throws Exception {
        Coroutine<?> work = call("p.HostCoroutines", "work", "x", 3);
        Class<?> frame = work.getClass();
        Class<?> generated = loader.loadClass("p.HostCoroutines");
        assertEquals("p.Host$HostCoroutines$$Work", frame.getName());
        assertEquals("$Work", frame.getSimpleName());
        assertSame(generated, frame.getDeclaringClass());
        assertSame(generated, frame.getEnclosingClass());
        assertSame(generated, frame.getNestHost());
        assertTrue(List.of(generated.getNestMembers()).contains(frame));
        assertTrue(List.of(generated.getDeclaredClasses()).contains(frame));

        List<?> made = (List<?>) Coro.run(work);
        assertEquals("lambda x", ((Supplier<?>) made.get(0)).get());
        assertEquals("anonymous 3", made.get(1).toString());
        assertEquals("local 3", made.get(2).toString());
        Class<?> anonymous = made.get(1).getClass();
        assertEquals("p.Host$HostCoroutines$$Work$1", anonymous.getName());
        assertTrue(anonymous.isAnonymousClass());
        assertSame(frame, anonymous.getEnclosingClass());
        assertEquals("$resume", anonymous.getEnclosingMethod().getName());
        assertSame(generated, anonymous.getNestHost());
        Class<?> local = made.get(2).getClass();
        assertEquals("p.Host$HostCoroutines$$Work$1Local", local.getName());
        assertEquals("Local", local.getSimpleName());
        assertTrue(local.isLocalClass());
        assertSame(frame, local.getEnclosingClass());
    }

    @Test
    void theFramesOfANestedHostGoIntoItsTopLevelClassApartFromTheOuterOnes() throws Exception {
        Coroutine<?> twice = call("p.Host_InnerCoroutines", "twice", 21);
        assertEquals("p.Host$Host_InnerCoroutines$$Twice", twice.getClass().getName());
        assertSame(loader.loadClass("p.Host_InnerCoroutines"), twice.getClass().getNestHost());
        assertEquals(42, Coro.run(twice));
    }
}
