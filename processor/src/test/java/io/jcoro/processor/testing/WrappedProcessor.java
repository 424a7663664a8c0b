package io.jcoro.processor.testing;

import io.jcoro.processor.CoroutineProcessor;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The jcoro processor behind a wrapper, for tests that change what it meets: override
 * {@link #beforeInit} to act on the compilation first, or {@link #process} to hand it another round.
 */
public class WrappedProcessor extends AbstractProcessor {
    protected final CoroutineProcessor delegate = new CoroutineProcessor();

    @Override
    public final synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        beforeInit(env);
        delegate.init(env);
    }

    /** Runs before the processor's own {@code init}. */
    protected void beforeInit(ProcessingEnvironment env) {}

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return delegate.process(annotations, round);
    }
}
