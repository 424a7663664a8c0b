package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.processor.testing.CoroCompiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The other side of JCORO-E016 (whose negative cases are in diagnostics/JCORO-E016_PrivateMember.java):
 * a body that reaches only members the generated class can reach (a nested type's non-private
 * members, the private members of types declared in the body) compiles without a diagnostic and
 * runs.
 */
class NestPrivateAccessTest {

    @Test
    void privateMembersOfTypesDeclaredInTheBodyAndNonPrivateNestedMembersStayReachable() throws Exception {
        JavaFileObject source = JavaFileObjects.forSourceString("nest.Reach", """
                package nest;

                import io.jcoro.Coroutine;
                import io.jcoro.annotations.Async;
                import java.util.function.IntFunction;
                import static io.jcoro.Coro.*;

                public abstract class Reach {
                    static final class Box {
                        final int size;
                        Box(int size) {
                            this.size = size;
                        }
                        static Box of(int size) {
                            return new Box(size);
                        }
                    }

                    public record Pair(int left, int right) {}

                    @Async
                    public Coroutine<Integer> sum(Pair pair) {
                        await(sleep(1));
                        class Counter {
                            private int n;
                            private Counter(int n) {
                                this.n = n;
                            }
                        }
                        Counter counter = new Counter(pair.left());
                        Object anonymous = new Object() {
                            private final int m = 100;
                            @Override
                            public int hashCode() {
                                return this.m;
                            }
                        };
                        IntFunction<Box> make = Box::of;
                        Box box = new Box(make.apply(1000).size);
                        return done(counter.n + pair.right() + anonymous.hashCode() + box.size);
                    }
                }
                """);
        Compilation compilation = CoroCompiler.compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader loader = CoroCompiler.classLoader(compilation);
        Class<?> reach = loader.loadClass("nest.Reach");
        Class<?> pair = loader.loadClass("nest.Reach$Pair");
        Object program = loader.loadClass("nest.ReachCoroutines").getDeclaredConstructor().newInstance();
        Object args = pair.getDeclaredConstructor(int.class, int.class).newInstance(1, 10);
        EventLoop loop = EventLoop.virtualTime();
        try {
            Coroutine<?> sum = (Coroutine<?>) reach.getMethod("sum", pair).invoke(program, args);
            assertEquals(1111, loop.runUntilComplete(sum));
        } finally {
            loop.close();
        }
    }
}
