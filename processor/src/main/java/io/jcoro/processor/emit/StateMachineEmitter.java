package io.jcoro.processor.emit;

import com.palantir.javapoet.TypeSpec;
import com.sun.source.util.SourcePositions;
import io.jcoro.processor.analyze.BodyFacts;
import io.jcoro.processor.ir.FrameLayout;
import io.jcoro.processor.lower.LoweredBody;
import io.jcoro.processor.model.AsyncMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Emit: the entry of the emit pass. Turns the lowered methods of one type into the text of its
 * {@code <Name>Coroutines} source file.
 */
public final class StateMachineEmitter {
    private final Elements elements;
    private final Types types;
    private final SourcePositions positions;
    private final int partBudget;

    /** Generated characters per part of a {@code $resume} method: see {@link ResumeMethods}. */
    public static final int DEFAULT_PART_BUDGET = ResumeMethods.DEFAULT_PART_BUDGET;

    public StateMachineEmitter(Elements elements, Types types, SourcePositions positions, int partBudget) {
        this.elements = elements;
        this.types = types;
        this.positions = positions;
        this.partBudget = partBudget;
    }

    /** One method ready to emit. */
    /**
     * @param deadFields the reference fields to clear on entering a state (at its mark) and at a suspension
     * @param lines the user-source line of each state
     */
    public record LoweredMethod(AsyncMethod method, BodyFacts facts, LoweredBody body, FrameLayout layout,
            java.util.Map<io.jcoro.processor.ir.Op, java.util.List<String>> deadFields, int[] lines) {}

    /** A generated source file. */
    public record GeneratedSource(String qualifiedName, String text, io.jcoro.processor.debug.SourceMap lines,
            TypeElement originatingElement) {}

    public GeneratedSource emit(TypeElement host, List<LoweredMethod> methods) {
        String generatedName = GeneratedNames.generatedSimpleName(host);
        // the file keeps the host's imports: the host's own bodies are printed against them
        com.sun.source.tree.CompilationUnitTree hostUnit = methods.stream().map(LoweredMethod::method)
                .filter(m -> !m.inherited()).findFirst().orElseThrow().unit();
        NameSpeller names = new NameSpeller(elements, host, hostUnit.getImports(),
                methods.stream().map(m -> m.facts().declared()).toList(),
                methods.stream().flatMap(m -> m.method().element().getTypeParameters().stream()).toList());
        // an inherited method's body is in its own type's file: each file is read once
        Map<com.sun.source.tree.CompilationUnitTree, CharSequence> sources = new HashMap<>();
        Map<String, Integer> overloads = new HashMap<>();
        List<CoroutinesClassEmitter.Frame> frames = new ArrayList<>();
        for (LoweredMethod lowered : methods) {
            AsyncMethod method = lowered.method();
            int index = overloads.merge(method.element().getSimpleName().toString(), 1, Integer::sum) - 1;
            String frameName = GeneratedNames.frameClassName(method.element(), index);
            List<TypeParameterElement> inScope = new ArrayList<>(host.getTypeParameters());
            inScope.addAll(method.element().getTypeParameters());
            TypeRendering typeRendering = new TypeRendering(types, names, inScope, positions, method.unit());
            CharSequence source = sources.computeIfAbsent(method.unit(), StateMachineEmitter::sourceOf);
            SourceRenderer renderer = new SourceRenderer(method.unit(), source, positions, lowered.facts(), lowered.layout(),
                    lowered.body().exits(), lowered.body().deferredExits(), lowered.body().replacements(),
                    type -> typeRendering.castType(type).toString(), names);
            typeRendering.useRenderer(renderer);
            TypeSpec frame = new FrameEmitter(
                    new FrameEmitter.FrameInput(method, lowered.facts(), lowered.body(), lowered.layout(),
                            lowered.deadFields(), lowered.lines(), frameName, partBudget),
                    renderer, typeRendering).emit();
            frames.add(new CoroutinesClassEmitter.Frame(method.element(), frameName, frame));
        }
        TypeSpec type = new CoroutinesClassEmitter(elements, names).emit(host, frames);
        String packageName = packageOf(host).getQualifiedName().toString();
        LineMarks.Stripped text = SourceFileWriter.render(packageName, type, hostUnit,
                sources.computeIfAbsent(hostUnit, StateMachineEmitter::sourceOf), positions, names.addedImports());
        String qualified = packageName.isEmpty() ? generatedName : packageName + "." + generatedName;
        return new GeneratedSource(qualified, text.text(), text.map(), host);
    }

    /** The text of the user's file, read once per generated type (methods share one file). */
    private static CharSequence sourceOf(com.sun.source.tree.CompilationUnitTree unit) {
        try {
            return unit.getSourceFile().getCharContent(true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PackageElement packageOf(Element element) {
        Element e = element;
        while (!(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return (PackageElement) e;
    }
}
