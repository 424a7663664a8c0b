package io.jcoro.processor;

import io.jcoro.processor.diag.Diagnostics;
import io.jcoro.processor.emit.SourceFileWriter;
import io.jcoro.processor.emit.StateMachineEmitter.GeneratedSource;
import io.jcoro.processor.emit.StubEmitter;
import io.jcoro.processor.model.AsyncType;
import io.jcoro.processor.validate.SignatureValidator;
import javax.annotation.processing.Filer;
import javax.lang.model.util.Elements;

/**
 * The recipe for one type under a compiler without javac's tree API (JCORO-W005): validate the
 * signatures (what needs no body), emit the stub class, write it. Without the bodies there is
 * nothing to attribute or lower.
 */
final class StubPipeline {
    private final Elements elements;
    private final Filer filer;
    private final Diagnostics diagnostics;

    /** @param diagnostics reports on elements only: there are no trees to report on */
    StubPipeline(Elements elements, Filer filer, Diagnostics diagnostics) {
        this.elements = elements;
        this.filer = filer;
        this.diagnostics = diagnostics;
    }

    void run(AsyncType type) {
        if (!new SignatureValidator(diagnostics).validate(type)) {
            return;
        }
        GeneratedSource source = new StubEmitter(elements).emit(type.element(), type.methods());
        new SourceFileWriter(filer).write(source.qualifiedName(), source.text(), source.originatingElement());
    }
}
