package io.jcoro.processor;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.jcoro.processor.analyze.BodyFacts;
import io.jcoro.processor.analyze.BodyScanner;
import io.jcoro.processor.analyze.VerbPlacementScanner;
import io.jcoro.processor.attribute.Attribution;
import io.jcoro.processor.debug.FrameNames;
import io.jcoro.processor.diag.AbortMethod;
import io.jcoro.processor.diag.Diagnostics;
import io.jcoro.processor.emit.GeneratedNames;
import io.jcoro.processor.emit.SourceFileWriter;
import io.jcoro.processor.emit.StateMachineEmitter;
import io.jcoro.processor.emit.StateMachineEmitter.LoweredMethod;
import io.jcoro.processor.ir.FrameLayout;
import io.jcoro.processor.ir.HoistingAnalysis;
import io.jcoro.processor.ir.StateAssigner;
import io.jcoro.processor.ir.StateSplitter;
import io.jcoro.processor.lower.LoweredBody;
import io.jcoro.processor.lower.Lowerer;
import io.jcoro.processor.model.AsyncMethod;
import io.jcoro.processor.model.AsyncType;
import io.jcoro.processor.validate.SignatureValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;

/**
 * The recipe for one type: validate, attribute, analyze, lower, assign states, lay out the
 * frame, emit, write. Each pass is one line below; the pipeline stops at the first pass that
 * reported an error, so no pass ever sees input an earlier pass rejected.
 */
final class CoroutinePipeline {
    /** What became of a type. */
    enum Outcome { GENERATED, FAILED, DEFERRED }

    private final ProcessorContext context;

    CoroutinePipeline(ProcessorContext context) {
        this.context = context;
    }

    Outcome run(AsyncType type, boolean lastRound) {
        Diagnostics diagnostics = context.diagnostics();
        SignatureValidator validator = new SignatureValidator(diagnostics);
        if (!validator.validate(type)) {
            return Outcome.FAILED;
        }
        List<LoweredMethod> lowered = new ArrayList<>();
        Lowering own = lowerEach(type.methods(), type.element(), lastRound, diagnostics, method -> true, lowered);
        if (own == Lowering.DEFERRED) {
            return Outcome.DEFERRED;
        }
        // an inherited body's misuses are reported once, where it is declared: here, quietly;
        // one that cannot be lowered is left out (its own type's generated class fails, and says why)
        List<ExecutableElement> inherited = validator.inheritedToLower(type, context.attribution()::hasSource)
                .stream().filter(this::validWhereDeclared).toList();
        if (!inherited.isEmpty() && lowerEach(inherited, type.element(), lastRound, diagnostics.quiet(),
                reachableFrom(type, validator), lowered) == Lowering.DEFERRED) {
            return Outcome.DEFERRED;
        }
        boolean failed = own == Lowering.SOME_FAILED;
        int errors = diagnostics.errorCount();
        new VerbPlacementScanner(context.attribution(), diagnostics).scan(type.element(), Set.copyOf(type.methods()));
        if (failed || diagnostics.errorCount() > errors) {
            return Outcome.FAILED;
        }
        StateMachineEmitter.GeneratedSource source = new StateMachineEmitter(
                context.elements(), context.types(), context.attribution().positions(), context.partBudget()).emit(type.element(), lowered);
        new SourceFileWriter(context.filer()).write(source.qualifiedName(), source.text(), source.originatingElement());
        if (context.lines() != null) {
            context.lines().register(new FrameNames(source.qualifiedName(), GeneratedNames.frameNest(type.element(), context.elements())),
                    source.lines(), type.element());
        }
        return Outcome.GENERATED;
    }

    /**
     * Whether an inherited method's attributed body names nothing out of the reach of the
     * generated class (it lives in the host's package); warns about one that does.
     */
    private java.util.function.Predicate<AsyncMethod> reachableFrom(AsyncType type, SignatureValidator validator) {
        Optional<TreePath> host = context.attribution().attribute(type.methods().get(0));
        return method -> {
            Optional<Element> outOfReach = host.flatMap(scope -> context.attribution().firstInaccessible(method.path(), scope));
            outOfReach.ifPresent(element -> validator.warnNotLowered(type.element(), method.element(),
                    "its body uses " + element + ", out of reach from " + type.element().getQualifiedName()));
            return outOfReach.isEmpty();
        };
    }

    /**
     * Whether an inherited method passes, quietly, the checks of its own type's pipeline: one that
     * does not is reported there (its signature, as a result type without a type argument, is not
     * one the passes can read) and not lowered here.
     */
    private boolean validWhereDeclared(ExecutableElement method) {
        javax.lang.model.element.TypeElement declaring = (javax.lang.model.element.TypeElement) method.getEnclosingElement();
        return new SignatureValidator(context.diagnostics().quiet())
                .validate(new AsyncType(declaring, List.of(method), List.of()));
    }

    /** What became of a list of methods. */
    private enum Lowering { ALL_LOWERED, SOME_FAILED, DEFERRED }

    /**
     * Attributes and lowers each of {@code methods} into {@code lowered}, for the generated class
     * of {@code host}; an attributed method that {@code admitted} refuses is left out.
     */
    private Lowering lowerEach(List<ExecutableElement> methods, javax.lang.model.element.TypeElement host,
            boolean lastRound, Diagnostics diagnostics, java.util.function.Predicate<AsyncMethod> admitted,
            List<LoweredMethod> lowered) {
        Lowering outcome = Lowering.ALL_LOWERED;
        for (ExecutableElement element : methods) {
            Optional<AsyncMethod> method = attribute(element, host, lastRound, diagnostics);
            if (method == null) {
                return Lowering.DEFERRED;
            }
            if (method.isPresent() && !admitted.test(method.get())) {
                continue;
            }
            try {
                lowered.add(lower(method.orElseThrow(AbortMethod::new), diagnostics));
            } catch (AbortMethod abandoned) {
                outcome = Lowering.SOME_FAILED;
            }
        }
        return outcome;
    }

    /** @return the attributed method; empty if it has no body tree; null to defer the type */
    private Optional<AsyncMethod> attribute(ExecutableElement element, javax.lang.model.element.TypeElement host,
            boolean lastRound, Diagnostics diagnostics) {
        Attribution attribution = context.attribution();
        Optional<TreePath> path = attribution.attribute(element);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        DeclaredType result = (DeclaredType) element.getReturnType();
        boolean generator = ((javax.lang.model.element.TypeElement) result.asElement()).getQualifiedName()
                .contentEquals(io.jcoro.processor.util.TypeNames.ASYNC_GENERATOR.canonicalName());
        AsyncMethod method = new AsyncMethod(element, host, path.get(), result.getTypeArguments().get(0), generator);
        Optional<Tree> unresolved = attribution.firstErroneous(path.get());
        if (unresolved.isPresent()) {
            if (!lastRound) {
                return null;
            }
            // javac gives a tree no type only where it reports an error, which it shows when it
            // compiles the class: a misuse of the DSL can be the cause, and is said if so; any
            // other error of the processor's own there would only repeat javac's
            new BodyScanner(attribution, diagnostics, context.types()).scan(method);
            return Optional.empty();
        }
        return Optional.of(method);
    }

    private LoweredMethod lower(AsyncMethod method, Diagnostics diagnostics) {
        int errors = diagnostics.errorCount();
        BodyFacts facts = new BodyScanner(context.attribution(), diagnostics, context.types()).scan(method);
        if (diagnostics.errorCount() > errors) {
            throw new AbortMethod();
        }
        LoweredBody lowered = new Lowerer(context.attribution()).lower(method, facts);
        com.sun.source.util.SourcePositions positions = context.attribution().positions();
        FrameChecks checks = new FrameChecks(method, facts, positions, diagnostics);
        List<io.jcoro.processor.ir.Op> ops = StateSplitter.split(lowered.ops(), facts, context.partBudget(),
                tree -> (int) (positions.getEndPosition(method.unit(), tree) - positions.getStartPosition(method.unit(), tree)),
                checks::fieldable);
        LoweredBody body = ops == lowered.ops() ? lowered : new LoweredBody(lowered.entry(), ops, lowered.exits(),
                lowered.deferredExits(), lowered.replacements(), lowered.temps(), lowered.finallies());
        StateAssigner.assign(body.entry(), body.ops());
        checks.localTypes(body);
        if (context.dumpIr()) {
            context.messager().printMessage(javax.tools.Diagnostic.Kind.NOTE,
                    "jcoro IR of " + method.displayName() + ":\n" + io.jcoro.processor.ir.IrPrinter.print(body.ops()),
                    method.element());
        }
        FrameLayout layout = HoistingAnalysis.analyze(body.ops(), facts, body.replacements(), body.exits(), body.finallies());
        checks.fieldTypes(layout);
        checks.namelessValues(body, layout);
        java.util.Map<io.jcoro.processor.ir.Op, java.util.List<String>> dead =
                io.jcoro.processor.ir.LivenessAnalysis.deadFields(body.ops(), facts, body.replacements(),
                        body.exits(), layout);
        com.sun.source.tree.CompilationUnitTree unit = method.unit();
        long firstLine = unit.getLineMap().getLineNumber(
                context.attribution().positions().getStartPosition(unit, method.tree()));
        int[] lines = io.jcoro.processor.ir.LineTable.of(body.ops(), context.attribution().positions(), unit, firstLine);
        return new LoweredMethod(method, facts, body, layout, dead, lines);
    }
}
