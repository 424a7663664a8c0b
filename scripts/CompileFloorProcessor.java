import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * The compile-time floor of any processor that, like jcoro's, generates source from javac's
 * attributed trees: for each type with {@code @Async} methods it has javac attribute the type
 * (what {@code Trees.getElement} on a body does, and what the types of a body's expressions need)
 * and writes a subclass that overrides each {@code @Async} method with its body copied verbatim,
 * so that round 2 compiles the user's statements once more. No analysis, no lowering, no glue:
 * a transformer cannot do less. Used by {@code scripts/compile-bench.sh}; never shipped.
 */
@SupportedAnnotationTypes("io.jcoro.annotations.Async")
public final class CompileFloorProcessor extends AbstractProcessor {
    private Trees trees;
    private final Map<CompilationUnitTree, String> sources = new java.util.HashMap<>();

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        trees = Trees.instance(env);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Map<TypeElement, StringBuilder> bodies = new LinkedHashMap<>();
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element.getKind() != ElementKind.METHOD) {
                    continue;
                }
                ExecutableElement method = (ExecutableElement) element;
                TreePath path = trees.getPath(method);
                MethodTree tree = (MethodTree) path.getLeaf();
                trees.getElement(new TreePath(path, tree.getBody())); // attributes the whole type
                SourcePositions positions = trees.getSourcePositions();
                CompilationUnitTree unit = path.getCompilationUnit();
                String source = sources.computeIfAbsent(unit, CompileFloorProcessor::source);
                int from = (int) positions.getStartPosition(unit, tree.getReturnType());
                int to = (int) positions.getEndPosition(unit, tree);
                String modifiers = method.getModifiers().stream()
                        .filter(m -> m == Modifier.PUBLIC || m == Modifier.PROTECTED)
                        .map(Modifier::toString).collect(Collectors.joining(" "));
                bodies.computeIfAbsent((TypeElement) method.getEnclosingElement(), t -> new StringBuilder())
                        .append("    @Override ").append(modifiers).append(' ')
                        .append(source, from, to).append("\n\n");
            }
        }
        bodies.forEach(this::write);
        return false;
    }

    private void write(TypeElement type, StringBuilder methods) {
        CompilationUnitTree unit = trees.getPath(type).getCompilationUnit();
        String pkg = ((PackageElement) type.getEnclosingElement()).getQualifiedName().toString();
        String name = type.getSimpleName() + "Floor";
        StringBuilder file = new StringBuilder();
        if (!pkg.isEmpty()) {
            file.append("package ").append(pkg).append(";\n\n");
        }
        for (ImportTree i : unit.getImports()) {
            file.append(i.toString().strip()).append('\n');
        }
        file.append("\npublic class ").append(name)
                .append(type.getKind().isInterface() ? " implements " : " extends ").append(type.getSimpleName())
                .append(" {\n").append(methods).append("}\n");
        try (Writer out = processingEnv.getFiler().createSourceFile(pkg.isEmpty() ? name : pkg + "." + name, type)
                .openWriter()) {
            out.write(file.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String source(CompilationUnitTree unit) {
        try {
            return unit.getSourceFile().getCharContent(true).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
