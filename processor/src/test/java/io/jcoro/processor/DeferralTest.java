package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.processor.testing.CoroCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A body that uses a class another processor generates: the type is deferred to the round in
 * which that class exists, then lowered as usual; nothing is reported meanwhile.
 */
class DeferralTest {

    /** Generates {@code later.Greeting} in its first round, as any other processor might. */
    static final class GreetingGenerator extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (done) {
                return false;
            }
            done = true;
            try {
                JavaFileObject file = processingEnv.getFiler().createSourceFile("later.Greeting");
                try (Writer writer = file.openWriter()) {
                    writer.write("package later;\npublic final class Greeting {\n"
                            + "    public static String of(String name) { return \"hello \" + name; }\n}\n");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return false;
        }
    }

    @Test
    void bodyUsingAClassGeneratedInTheSameRoundIsLoweredInTheNextRound() throws Exception {
        JavaFileObject source = JavaFileObjects.forSourceLines("early.Greeter",
                "package early;",
                "",
                "import io.jcoro.Coroutine;",
                "import io.jcoro.annotations.Async;",
                "import later.Greeting;",
                "import static io.jcoro.Coro.*;",
                "",
                "public interface Greeter {",
                "    @Async",
                "    default Coroutine<String> greet(String name) {",
                "        await(sleep(1));",
                "        return done(Greeting.of(name));",
                "    }",
                "}");
        Compilation compilation = Compiler.javac()
                .withProcessors(new GreetingGenerator(), new CoroutineProcessor())
                .compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("early.GreeterCoroutines");

        Object greeter = CoroCompiler.classLoader(compilation).loadClass("early.GreeterCoroutines")
                .getConstructor().newInstance();
        Coroutine<?> greeting = (Coroutine<?>) greeter.getClass().getMethod("greet", String.class).invoke(greeter, "jcoro");
        EventLoop loop = EventLoop.virtualTime();
        assertEquals("hello jcoro", loop.runUntilComplete(greeting));
        loop.close();
    }
}
