package io.jcoro.processor;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import io.jcoro.processor.analyze.BodyFacts;
import io.jcoro.processor.analyze.BodyScanner;
import io.jcoro.processor.analyze.VerbPlacementScanner;
import io.jcoro.processor.attribute.Attribution;
import io.jcoro.processor.diag.AbortMethod;
import io.jcoro.processor.diag.DiagnosticCode;
import io.jcoro.processor.diag.Diagnostics;
import io.jcoro.processor.emit.GeneratedNames;
import io.jcoro.processor.emit.SourceFileWriter;
import io.jcoro.processor.emit.StateMachineEmitter;
import io.jcoro.processor.emit.StateMachineEmitter.LoweredMethod;
import io.jcoro.processor.emit.TypeRendering;
import io.jcoro.processor.ir.FrameLayout;
import io.jcoro.processor.ir.HoistingAnalysis;
import io.jcoro.processor.ir.LocalTypeScopes;
import io.jcoro.processor.ir.StateAssigner;
import io.jcoro.processor.ir.StateSplitter;
import io.jcoro.processor.lower.LoweredBody;
import io.jcoro.processor.lower.Lowerer;
import io.jcoro.processor.model.AsyncMethod;
import io.jcoro.processor.model.AsyncType;
import io.jcoro.processor.validate.SignatureValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
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
        List<ExecutableElement> inherited = validator.inheritedToLower(type, context.attribution()::hasSource);
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
            // a misuse of the DSL can be why javac could not type the body: say that, if so
            int errors = diagnostics.errorCount();
            new BodyScanner(attribution, diagnostics, context.types())
                    .scan(method, GeneratedNames.generatedSimpleName(host));
            if (diagnostics.errorCount() == errors) {
                diagnostics.report(DiagnosticCode.UNRESOLVED_TYPE, unresolved.get(),
                        path.get().getCompilationUnit(), element, displayName(element), unresolved.get());
            }
            return Optional.empty();
        }
        return Optional.of(method);
    }

    private LoweredMethod lower(AsyncMethod method, Diagnostics diagnostics) {
        int errors = diagnostics.errorCount();
        String generatedName = GeneratedNames.generatedSimpleName(method.host());
        BodyFacts facts = new BodyScanner(context.attribution(), diagnostics, context.types()).scan(method, generatedName);
        if (diagnostics.errorCount() > errors) {
            throw new AbortMethod();
        }
        LoweredBody lowered = new Lowerer(context.attribution()).lower(method, facts);
        com.sun.source.util.SourcePositions positions = context.attribution().positions();
        Set<Element> typeParameters = typeParametersInScope(method);
        List<io.jcoro.processor.ir.Op> ops = StateSplitter.split(lowered.ops(), facts, context.partBudget(),
                tree -> (int) (positions.getEndPosition(method.unit(), tree) - positions.getStartPosition(method.unit(), tree)),
                variable -> fieldable(variable, typeParameters));
        LoweredBody body = ops == lowered.ops() ? lowered : new LoweredBody(lowered.entry(), ops, lowered.exits(),
                lowered.deferredExits(), lowered.replacements(), lowered.temps(), lowered.finallies());
        StateAssigner.assign(body.entry(), body.ops());
        checkLocalTypes(method, facts, body, diagnostics);
        if (context.dumpIr()) {
            context.messager().printMessage(javax.tools.Diagnostic.Kind.NOTE,
                    "jcoro IR of " + method.displayName() + ":\n" + io.jcoro.processor.ir.IrPrinter.print(body.ops()),
                    method.element());
        }
        FrameLayout layout = HoistingAnalysis.analyze(body.ops(), facts, body.replacements(), body.exits(), body.finallies());
        checkFieldTypes(method, facts, layout, diagnostics);
        checkNamelessValues(method, body, layout, diagnostics);
        java.util.Map<io.jcoro.processor.ir.Op.Suspend, java.util.List<String>> dead =
                io.jcoro.processor.ir.LivenessAnalysis.deadAtSuspensions(body.ops(), facts, body.replacements(),
                        body.exits(), layout);
        com.sun.source.tree.CompilationUnitTree unit = method.unit();
        long firstLine = unit.getLineMap().getLineNumber(
                context.attribution().positions().getStartPosition(unit, method.tree()));
        int[] lines = io.jcoro.processor.ir.LineTable.of(body.ops(), context.attribution().positions(), unit, firstLine);
        return new LoweredMethod(method, facts, body, layout, dead, lines);
    }

    /** A local type is visible in one state's case block only (see {@link LocalTypeScopes}). */
    private void checkLocalTypes(AsyncMethod method, BodyFacts facts, LoweredBody body, Diagnostics diagnostics) {
        Optional<LocalTypeScopes.Escape> escape =
                LocalTypeScopes.firstEscape(body.ops(), facts, body.replacements(), body.exits());
        if (escape.isPresent()) {
            javax.lang.model.element.TypeElement type = escape.get().type();
            diagnostics.report(DiagnosticCode.LOCAL_TYPE_ACROSS_AWAIT, escape.get().use(), method.unit(), method.element(),
                    type.getKind().toString().toLowerCase(java.util.Locale.ROOT), type.getSimpleName(),
                    method.element().getEnclosingElement().getSimpleName());
            throw new AbortMethod();
        }
    }

    /** A hoisted variable needs a field, so its type must be one Java can write. */
    private void checkFieldTypes(AsyncMethod method, BodyFacts facts, FrameLayout layout, Diagnostics diagnostics) {
        Set<Element> typeParameters = typeParametersInScope(method);
        boolean ok = true;
        for (VariableElement field : layout.fields()) {
            if (!fieldable(field, typeParameters)) {
                diagnostics.report(DiagnosticCode.NON_DENOTABLE_TYPE, declarationOf(field, facts, method), method.unit(),
                        method.element(), field.getSimpleName(), field.asType());
                ok = false;
            }
        }
        if (!ok) {
            throw new AbortMethod();
        }
    }

    /** The type variables a frame's field types may name: the method's and its host type's. */
    private static Set<Element> typeParametersInScope(AsyncMethod method) {
        Set<Element> typeParameters = new HashSet<>(method.element().getTypeParameters());
        typeParameters.addAll(method.host().getTypeParameters());
        return typeParameters;
    }

    /** Whether a variable's type can be a field's; a multi-catch parameter's union is kept as its erasure. */
    private static boolean fieldable(VariableElement variable, Set<Element> typeParameters) {
        return variable.asType().getKind() == javax.lang.model.type.TypeKind.UNION
                || TypeRendering.isDenotable(variable.asType(), typeParameters);
    }

    /**
     * A value of a local or anonymous class that the frame must name: kept across an await in a
     * field, or cast from an await's result. A temp used within one state is declared with
     * {@code var} and needs no name.
     */
    private void checkNamelessValues(AsyncMethod method, LoweredBody body, FrameLayout layout, Diagnostics diagnostics) {
        for (io.jcoro.processor.ir.Op op : body.ops()) {
            Tree at = null;
            javax.lang.model.type.TypeMirror type = null;
            if (op instanceof io.jcoro.processor.ir.Op.Spill spill && layout.isField(spill.temp())) {
                at = spill.value();
                type = spill.temp().type();
            } else if (op instanceof io.jcoro.processor.ir.Op.Take take
                    && !(take.use() instanceof io.jcoro.processor.ir.Op.Use.Discard)) {
                at = take.source();
                type = take.type();
            } else if (op instanceof io.jcoro.processor.ir.Op.TakeNext next) {
                at = next.variable();
                type = next.elementType();
            } else if (op instanceof io.jcoro.processor.ir.Op.IterNext next) {
                at = next.variable();
                type = next.elementType();
            }
            if (at != null && TypeRendering.isNameless(type)) {
                diagnostics.report(DiagnosticCode.NON_DENOTABLE_TYPE, at, method.unit(), method.element(),
                        sourceText(method, at), type);
                throw new AbortMethod();
            }
        }
    }

    /** A tree's source text on one line, shortened for a message. */
    private String sourceText(AsyncMethod method, Tree tree) {
        com.sun.source.util.SourcePositions positions = context.attribution().positions();
        try {
            CharSequence source = method.unit().getSourceFile().getCharContent(true);
            String text = source.subSequence((int) positions.getStartPosition(method.unit(), tree),
                    (int) positions.getEndPosition(method.unit(), tree)).toString().replaceAll("\\s+", " ");
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        } catch (java.io.IOException | IndexOutOfBoundsException e) {
            return tree.getKind().toString().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where a variable is declared in the body, for a diagnostic about it. */
    private static Tree declarationOf(VariableElement variable, BodyFacts facts, AsyncMethod method) {
        return facts.localRefs().entrySet().stream()
                .filter(e -> e.getValue().equals(variable) && e.getKey().getKind() == Tree.Kind.VARIABLE)
                .map(java.util.Map.Entry::getKey).findFirst().orElse(method.tree());
    }

    private static String displayName(ExecutableElement element) {
        return element.getEnclosingElement().getSimpleName() + "." + element.getSimpleName() + "()";
    }
}
