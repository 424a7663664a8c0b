package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.jcoro.processor.testing.CoroCompiler;
import io.jcoro.processor.testing.PlainTwins;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Names in generated code that the user's names could capture (JLS 6.4.1 shadowing, 6.4.2
 * obscuring): each program declares, where the generated code writes names, variables and types
 * named like the first identifier of the packages it names ({@code java}, {@code io}, the
 * package's own), like the simple names it writes ({@code Iterator}, {@code Override},
 * {@code StackTraceElement}, {@code Coroutine}, {@code Void}, {@code AssertionError}) and like
 * the generated class itself. Each must compile without a warning and run as its plain twin.
 */
class HostileNamesTest {

    /** Variables named like the package's segments and {@code io}: the generated code's qualified names are expressions there. */
    private static final String SEGMENTS = """
            package acc.demo;

            import io.jcoro.AsyncCloseable;
            import io.jcoro.AsyncGenerator;
            import io.jcoro.Awaitable;
            import io.jcoro.Coroutine;
            import io.jcoro.annotations.Async;
            import java.util.function.Consumer;
            import static io.jcoro.Coro.*;

            public class Main {
                static String tag(String s) {
                    return "<" + s + ">";
                }

                public abstract static class Worker {
                    protected final Consumer<String> log;
                    protected int demo = 5;
                    protected String io = "field";

                    protected Worker(Consumer<String> log) {
                        this.log = log;
                    }

                    final class Res implements AsyncCloseable {
                        @Override
                        public Awaitable<Void> closeAsync() {
                            log.accept("closeAsync");
                            return sleep(1);
                        }
                    }

                    @Async
                    public Coroutine<String> segments(int acc) {
                        int demo = acc + this.demo;
                        log.accept(tag("start " + acc));
                        await(sleep(1));
                        String java = tag("java" + demo);
                        await(yieldNow());
                        return done(java + tag("end " + acc) + io);
                    }

                    public String segmentsPlain(int acc) {
                        int demo = acc + this.demo;
                        log.accept(tag("start " + acc));
                        String java = tag("java" + demo);
                        return java + tag("end " + acc) + io;
                    }

                    @Async
                    public AsyncGenerator<String> items(int io) {
                        for (int acc = 0; acc < io; acc++) {
                            emit(tag("item " + acc));
                        }
                        return done();
                    }

                    @Async
                    public Coroutine<String> resources(int acc) {
                        StringBuilder out = new StringBuilder();
                        try (Res io = new Res()) {
                            log.accept("open " + (io != null));
                            for (String java : each(items(acc))) {
                                out.append(java);
                                log.accept(java);
                            }
                        }
                        return done(out.toString());
                    }

                    public String resourcesPlain(int acc) {
                        StringBuilder out = new StringBuilder();
                        log.accept("open true");
                        for (int i = 0; i < acc; i++) {
                            out.append(tag("item " + i));
                            log.accept(tag("item " + i));
                        }
                        log.accept("closeAsync");
                        return out.toString();
                    }
                }
            }
            """;

    /**
     * Member types named like the first identifiers of the packages generated code names
     * ({@code io}, {@code java}, {@code javax}, the package's own) and a type parameter named
     * {@code io}: in a type context they obscure the packages.
     */
    private static final String ROOT_TYPES = """
            package members;

            import io.jcoro.Coroutine;
            import io.jcoro.annotations.Async;
            import java.util.List;
            import java.util.function.Consumer;
            import static io.jcoro.Coro.*;

            public abstract class Host {
                interface io {}
                static class java {}
                static class javax {}
                static class lang {}
                static class members {}

                protected final Consumer<String> log;
                protected int count;

                protected Host(Consumer<String> log) {
                    this.log = log;
                }

                @Async
                public Coroutine<Integer> members(int mode) {
                    int sum = 0;
                    for (String s : List.of("a", "bb", "ccc")) {
                        sum += await(length(s, mode));
                        this.count++;
                    }
                    assert await(length("x", mode)) == 1 : "never";
                    log.accept("sum " + sum + " count " + count);
                    return done(sum);
                }

                public int membersPlain(int mode) {
                    int sum = 0;
                    for (String s : List.of("a", "bb", "ccc")) {
                        sum += lengthPlain(s, mode);
                        this.count++;
                    }
                    assert lengthPlain("x", mode) == 1 : "never";
                    log.accept("sum " + sum + " count " + count);
                    return sum;
                }

                @Async
                public <io> Coroutine<Integer> length(String s, int mode) {
                    log.accept("length " + s);
                    if (mode > 0) await(sleep(mode));
                    return done(s.length());
                }

                public int lengthPlain(String s, int mode) {
                    log.accept("length " + s);
                    return s.length();
                }
            }
            """;

    /**
     * Member types named like the simple names generated code writes, and like the generated
     * class ({@code HostCoroutines.this}): they shadow those types.
     */
    private static final String SIMPLE_TYPES = """
            package simple;

            import io.jcoro.annotations.Async;
            import java.util.List;
            import java.util.function.Consumer;
            import static io.jcoro.Coro.*;

            public abstract class Host {
                static class Iterator {}
                static class StackTraceElement {}
                static class Override {}
                static class AssertionError {}
                static class Coroutine {}
                static class HostCoroutines {}

                protected final Consumer<String> log;
                protected int count;

                protected Host(Consumer<String> log) {
                    this.log = log;
                }

                @Async
                public io.jcoro.Coroutine<Integer> members(int mode) {
                    int sum = 0;
                    for (String s : List.of("a", "bb", "ccc")) {
                        sum += await(length(s, mode));
                        this.count++;
                    }
                    assert await(length("x", mode)) == 1 : "never";
                    log.accept("sum " + sum + " count " + count);
                    return done(sum);
                }

                public int membersPlain(int mode) {
                    int sum = 0;
                    for (String s : List.of("a", "bb", "ccc")) {
                        sum += lengthPlain(s, mode);
                        this.count++;
                    }
                    assert lengthPlain("x", mode) == 1 : "never";
                    log.accept("sum " + sum + " count " + count);
                    return sum;
                }

                @Async
                public io.jcoro.Coroutine<Integer> length(String s, int mode) {
                    log.accept("length " + s);
                    if (mode > 0) await(sleep(mode));
                    return done(s.length());
                }

                public int lengthPlain(String s, int mode) {
                    log.accept("length " + s);
                    return s.length();
                }
            }
            """;

    /**
     * Local classes named like the package, {@code java}, {@code io} and simple names generated
     * code writes, in scope where it qualifies a static member of an enclosing class.
     */
    private static final String LOCAL_TYPES = """
            package locals;

            import io.jcoro.Coroutine;
            import io.jcoro.annotations.Async;
            import java.util.List;
            import java.util.function.Consumer;
            import static io.jcoro.Coro.*;

            public class Locals {
                static int twice(int v) {
                    return 2 * v;
                }

                public abstract static class Inner {
                    protected final Consumer<String> log;

                    protected Inner(Consumer<String> log) {
                        this.log = log;
                    }

                    @Async
                    public Coroutine<String> locals(int mode) {
                        class locals {}
                        class java {}
                        class io {}
                        class Iterator {}
                        class Coroutine {}
                        StringBuilder out = new StringBuilder().append(twice(mode));
                        for (String s : List.of("x", "y")) {
                            out.append(await(text(s, mode))).append(twice(mode));
                            Runnable r = () -> log.accept("in lambda " + this.log.hashCode() * 0 + twice(1));
                            r.run();
                        }
                        try {
                            await(fail(mode));
                        } catch (IllegalStateException e) {
                            out.append(e.getMessage());
                        } finally {
                            await(sleep(1));
                        }
                        return done(out.toString());
                    }

                    public String localsPlain(int mode) {
                        StringBuilder out = new StringBuilder().append(twice(mode));
                        for (String s : List.of("x", "y")) {
                            out.append(textPlain(s, mode)).append(twice(mode));
                            Runnable r = () -> log.accept("in lambda " + this.log.hashCode() * 0 + twice(1));
                            r.run();
                        }
                        try {
                            failPlain(mode);
                        } catch (IllegalStateException e) {
                            out.append(e.getMessage());
                        }
                        return out.toString();
                    }

                    @Async
                    public Coroutine<String> text(String s, int mode) {
                        if (mode > 0) await(yieldNow());
                        log.accept("text " + s);
                        return done(s);
                    }

                    public String textPlain(String s, int mode) {
                        log.accept("text " + s);
                        return s;
                    }

                    @Async
                    public Coroutine<Void> fail(int mode) {
                        if (mode > 1) throw new IllegalStateException("failed " + mode);
                        return done();
                    }

                    public void failPlain(int mode) {
                        if (mode > 1) throw new IllegalStateException("failed " + mode);
                    }
                }
            }
            """;

    /** Types of the package named like {@code java.lang} types the generated code writes. */
    private static final String PACKAGE_TYPES = """
            package shadowed;

            import io.jcoro.Coroutine;
            import io.jcoro.annotations.Async;
            import java.util.function.Consumer;
            import static io.jcoro.Coro.*;

            public abstract class Shadowed {
                protected final Consumer<String> log;

                protected Shadowed(Consumer<String> log) {
                    this.log = log;
                }

                @Async
                public Coroutine<Integer> shadowed(int mode) {
                    int total = 0;
                    try {
                        total += await(one(mode));
                        if (mode > 2) throw new IllegalArgumentException("mode " + mode);
                    } finally {
                        total += await(one(mode));
                    }
                    return done(total);
                }

                public int shadowedPlain(int mode) {
                    int total = 0;
                    try {
                        total += onePlain(mode);
                        if (mode > 2) throw new IllegalArgumentException("mode " + mode);
                    } finally {
                        total += onePlain(mode);
                    }
                    return total;
                }

                @Async
                public Coroutine<Integer> one(int mode) {
                    if (mode > 0) await(sleep(1));
                    log.accept("one");
                    return done(1);
                }

                public int onePlain(int mode) {
                    log.accept("one");
                    return 1;
                }
            }
            """;

    @ParameterizedTest(name = "{1}({2})")
    @CsvSource({
        "acc.demo.Main, acc.demo.Main$WorkerCoroutines, segments, 1",
        "acc.demo.Main, acc.demo.Main$WorkerCoroutines, resources, 3",
        "members.Host, members.HostCoroutines, members, 0",
        "members.Host, members.HostCoroutines, members, 2",
        "simple.Host, simple.HostCoroutines, members, 0",
        "simple.Host, simple.HostCoroutines, members, 2",
        "locals.Locals, locals.Locals$InnerCoroutines, locals, 0",
        "locals.Locals, locals.Locals$InnerCoroutines, locals, 2",
        "shadowed.Shadowed, shadowed.ShadowedCoroutines, shadowed, 1",
        "shadowed.Shadowed, shadowed.ShadowedCoroutines, shadowed, 3"})
    void compilesAndRunsAsItsPlainTwin(String source, String generated, String method, int mode) throws Exception {
        Compilation compilation = CoroCompiler.compile(sources(source));
        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader loader = CoroCompiler.classLoader(compilation);
        loader.setDefaultAssertionStatus(true);
        PlainTwins.assertSameAsPlainTwin(loader, generated.replace('$', '_'), method, mode);
    }

    private static JavaFileObject[] sources(String type) {
        return switch (type) {
            case "acc.demo.Main" -> new JavaFileObject[] {JavaFileObjects.forSourceString(type, SEGMENTS)};
            case "members.Host" -> new JavaFileObject[] {JavaFileObjects.forSourceString(type, ROOT_TYPES)};
            case "simple.Host" -> new JavaFileObject[] {JavaFileObjects.forSourceString(type, SIMPLE_TYPES)};
            case "locals.Locals" -> new JavaFileObject[] {JavaFileObjects.forSourceString(type, LOCAL_TYPES)};
            default -> new JavaFileObject[] {JavaFileObjects.forSourceString(type, PACKAGE_TYPES),
                    // classes of the package named like the java.lang types generated code writes
                    JavaFileObjects.forSourceString("shadowed.Object", "package shadowed; class Object {}"),
                    JavaFileObjects.forSourceString("shadowed.Throwable", "package shadowed; class Throwable {}"),
                    JavaFileObjects.forSourceString("shadowed.Override", "package shadowed; class Override {}"),
                    JavaFileObjects.forSourceString("shadowed.StackTraceElement",
                            "package shadowed; class StackTraceElement {}"),
                    JavaFileObjects.forSourceString("shadowed.SuppressWarnings",
                            "package shadowed; class SuppressWarnings {}")};
        };
    }
}
