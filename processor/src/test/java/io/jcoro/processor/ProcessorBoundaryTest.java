package io.jcoro.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.jcoro.processor.testing.CoroCompiler;
import io.jcoro.processor.testing.WrappedProcessor;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** What the processor does when it cannot work: one clear error, never an escaping exception. */
class ProcessorBoundaryTest {

    /** JCORO-W005: a compiler without javac's tree API (as Eclipse's ecj) gets one warning, however many rounds. */
    @Test
    void compilerWithoutTreeApiGetsOneWarning() {
        List<String> messages = new ArrayList<>();
        TypeElement async = proxy(TypeElement.class, (m, a) -> null);
        Elements elements = proxy(Elements.class, (m, a) -> m.getName().equals("getTypeElement") ? async : null);
        Messager messager = proxy(Messager.class, (m, a) -> messages.add(a[0] + ": " + a[1]));
        ProcessingEnvironment env = proxy(ProcessingEnvironment.class, (m, a) -> switch (m.getName()) {
            case "getElementUtils" -> elements;
            case "getMessager" -> messager;
            default -> null;
        });
        Element method = proxy(Element.class, (m, a) -> null);
        RoundEnvironment round = proxy(RoundEnvironment.class,
                (m, a) -> m.getName().equals("getElementsAnnotatedWith") ? Set.of(method) : false);

        CoroutineProcessor processor = new CoroutineProcessor();
        processor.init(env);
        processor.process(Set.of(), round);
        processor.process(Set.of(), round);

        assertEquals(1, messages.size(), messages.toString());
        assertThat(messages.get(0)).startsWith("WARNING: [JCORO-W005] this compiler (");
    }

    /** JCORO-E023: an exception inside the processor becomes one error asking for a report. */
    @Test
    void internalFailureBecomesOneError() {
        WrappedProcessor failingRounds = new WrappedProcessor() {
            @Override
            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                RoundEnvironment broken = proxy(RoundEnvironment.class, (m, a) -> {
                    throw new IllegalStateException("simulated bug");
                });
                return delegate.process(annotations, broken);
            }
        };
        Compilation compilation = Compiler.javac().withProcessors(failingRounds)
                .compile(CoroCompiler.resource("programs/ControlFlow.java"));
        List<String> errors = compilation.errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0)).startsWith("[JCORO-E023] internal error in the jcoro processor while processing this round:");
        assertThat(errors.get(0)).contains("simulated bug");
        assertThat(errors.get(0)).contains("please report this");
        assertEquals(Diagnostic.Kind.ERROR, compilation.errors().get(0).getKind());
    }

    interface Handler {
        Object handle(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getName().equals("hashCode")) {
                return System.identityHashCode(p);
            }
            if (m.getName().equals("equals")) {
                return p == a[0];
            }
            if (m.getName().equals("toString")) {
                return type.getSimpleName();
            }
            Object result = handler.handle(m, a);
            if (result == null && m.getReturnType() == boolean.class) {
                return false;
            }
            return result;
        });
    }
}
