package io.jcoro.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.jcoro.processor.attribute.Attribution;
import io.jcoro.processor.attribute.AttributionFailed;
import io.jcoro.processor.collect.AsyncCollector;
import io.jcoro.processor.debug.UserLineRewriter;
import io.jcoro.processor.diag.DiagnosticCode;
import io.jcoro.processor.diag.Diagnostics;
import io.jcoro.processor.emit.StateMachineEmitter;
import io.jcoro.processor.model.AsyncType;
import io.jcoro.processor.util.TypeNames;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The jcoro annotation processor: for each type with {@code @Async} methods, generates
 * {@code <Name>Coroutines} with one state machine per method (see {@link CoroutinePipeline}).
 *
 * <p>A type whose bodies still refer to types that do not exist yet (another processor will
 * generate them) is deferred, by name, to the next round; it is reported only in the last round.
 * No exception escapes: a bug in a pass becomes one error naming the type.
 */
@AutoService(Processor.class)
public final class CoroutineProcessor extends AbstractProcessor {
    private final Set<String> deferred = new LinkedHashSet<>();
    private ProcessorContext context;
    private boolean noTreeApiReported;

    /** {@code -Ajcoro.dumpIr}: print the IR of every lowered method as a compiler note. */
    static final String DUMP_IR = "jcoro.dumpIr";

    /** {@code -Ajcoro.partBudget=n}: split {@code $resume} into parts of n generated characters (tests). */
    static final String PART_BUDGET = "jcoro.partBudget";

    /**
     * {@code -Ajcoro.keepInferredTypes}: leave the trees javac completed while attributing in place
     * after a round (tests of what is reported where they cannot be given back; see
     * {@code TreeSnapshot}, {@code InferredTypeTrees}).
     */
    static final String KEEP_INFERRED_TYPES = "jcoro.keepInferredTypes";

    /**
     * {@code -Ajcoro.generatedLines}: leave the frame classes as javac wrote them, with the
     * generated file's name and lines, to debug in the generated file (see docs/debugging.md).
     */
    static final String GENERATED_LINES = "jcoro.generatedLines";

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(DUMP_IR, PART_BUDGET, KEEP_INFERRED_TYPES, GENERATED_LINES);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(TypeNames.ASYNC);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        Trees trees;
        try {
            trees = Trees.instance(env);
        } catch (RuntimeException | LinkageError notJavac) {
            trees = null; // reported once, at the first round that has @Async methods
        }
        context = trees == null ? null : new ProcessorContext(env.getElementUtils(), env.getTypeUtils(),
                env.getFiler(), new Attribution(trees, env.getElementUtils(), env.getTypeUtils(),
                        !env.getOptions().containsKey(KEEP_INFERRED_TYPES)),
                new Diagnostics(env.getMessager(), trees), env.getMessager(), env.getOptions().containsKey(DUMP_IR),
                partBudget(env.getOptions().get(PART_BUDGET)),
                env.getOptions().containsKey(GENERATED_LINES) ? null : UserLineRewriter.install(env));
    }

    private static int partBudget(String option) {
        try {
            return option == null ? StateMachineEmitter.DEFAULT_PART_BUDGET : Math.max(1, Integer.parseInt(option.trim()));
        } catch (NumberFormatException notANumber) {
            return StateMachineEmitter.DEFAULT_PART_BUDGET;
        }
    }

    /**
     * The stack of the thread a round runs on. The passes recurse over the body's expressions, as
     * javac's attribution does, which the round runs too, below javac's own processing frames: on
     * the compiler's thread a chain of 1,600 {@code +} terms overflowed the stack in the processor
     * where javac alone compiles it. A thread's stack is reserved, not committed: only what a
     * round uses costs memory.
     */
    static final long ROUND_STACK_BYTES = 1L << 30;

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(null, () -> {
            try {
                processRound(round);
            } catch (Throwable bug) {
                failure[0] = bug;
            }
        }, "jcoro-round", ROUND_STACK_BYTES);
        try {
            worker.start();
        } catch (OutOfMemoryError noThread) {
            // a process whose address space is capped cannot reserve the stack: run here, as before
            worker.run();
        }
        try {
            worker.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure[0] = interrupted;
        }
        if (failure[0] != null) {
            reportBug(null, "this round", failure[0]);
        }
        return false;
    }

    private void processRound(RoundEnvironment round) {
        TypeElement async = processingEnv.getElementUtils().getTypeElement(TypeNames.ASYNC);
        if (async == null) {
            return;
        }
        Set<? extends Element> annotated = round.getElementsAnnotatedWith(async);
        if (context == null) {
            generateStubs(annotated, async);
            return;
        }
        context.attribution().newRound(round.getRootElements());
        List<AsyncType> types = new AsyncCollector(processingEnv.getElementUtils()).collect(annotated, deferred, async);
        deferred.clear();
        boolean lastRound = round.processingOver();
        try {
            for (AsyncType type : types) {
                try {
                    if (new CoroutinePipeline(context).run(type, lastRound) == CoroutinePipeline.Outcome.DEFERRED) {
                        deferred.add(type.element().getQualifiedName().toString());
                    }
                } catch (AttributionFailed javacFailed) {
                    // javac reports the file's errors itself when it compiles the class without the processor
                } catch (Throwable bug) {
                    reportBug(type.element(), type.element().getQualifiedName(), bug);
                }
            }
        } finally {
            // javac compiles the attributed classes again after this round: give it back their trees
            for (TreePath declaration : context.attribution().restoreTrees()) {
                VariableTree variable = (VariableTree) declaration.getLeaf();
                context.diagnostics().report(DiagnosticCode.UNNAMEABLE_INFERRED_TYPE, variable,
                        declaration.getCompilationUnit(), context.attribution().elementOf(declaration),
                        variable.getName(), context.attribution().typeOf(declaration));
            }
        }
    }

    /** A bug in a pass: one error naming what was being processed, never an escaping exception. */
    private void reportBug(Element element, Object what, Throwable bug) {
        StringWriter trace = new StringWriter();
        bug.printStackTrace(new PrintWriter(trace));
        String message = DiagnosticCode.INTERNAL_ERROR.format(what, trace);
        if (element != null) {
            processingEnv.getMessager().printMessage(DiagnosticCode.INTERNAL_ERROR.kind(), message, element);
        } else {
            processingEnv.getMessager().printMessage(DiagnosticCode.INTERNAL_ERROR.kind(), message);
        }
    }

    /**
     * Under a compiler without javac's tree API (Eclipse's ecj): the generated classes' shapes,
     * so that an editor resolves their names, and one warning that their bodies need javac.
     */
    private void generateStubs(Set<? extends Element> annotated, TypeElement async) {
        if (annotated.isEmpty()) {
            return;
        }
        if (!noTreeApiReported) {
            noTreeApiReported = true;
            processingEnv.getMessager().printMessage(DiagnosticCode.STUBS_WITHOUT_TREE_API.kind(),
                    DiagnosticCode.STUBS_WITHOUT_TREE_API.format(processingEnv.getClass().getName()));
        }
        Diagnostics elementsOnly = new Diagnostics(processingEnv.getMessager(), null);
        StubPipeline stubs = new StubPipeline(processingEnv.getElementUtils(), processingEnv.getFiler(), elementsOnly);
        for (AsyncType type : new AsyncCollector(processingEnv.getElementUtils()).collect(annotated, Set.of(), async)) {
            try {
                stubs.run(type);
            } catch (RuntimeException bug) {
                reportBug(type.element(), type.element().getQualifiedName(), bug);
            }
        }
    }
}
