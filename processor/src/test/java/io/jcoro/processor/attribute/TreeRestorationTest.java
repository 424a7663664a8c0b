package io.jcoro.processor.attribute;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.jcoro.processor.testing.CoroCompiler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * After a round, every source file the processor had javac attribute prints exactly as it did
 * before: whatever form javac completed while attributing (see {@link TreeSnapshot}) is given
 * back, in the test programs of the project and in every declaration form of {@code programs/forms}.
 */
class TreeRestorationTest {
    private static final JavaFileObject[] SOURCES = {
        CoroCompiler.resource("programs/forms/FormsBase.java"), CoroCompiler.resource("programs/forms/Forms.java"),
        CoroCompiler.resource("programs/inferred/Base.java"), CoroCompiler.resource("programs/inferred/Inferred.java"),
        CoroCompiler.resource("programs/ControlFlow.java"), CoroCompiler.resource("programs/Exceptions.java"),
        CoroCompiler.resource("programs/Generators.java"), CoroCompiler.resource("programs/LocalTypes.java"),
        CoroCompiler.resource("programs/Resources.java"), CoroCompiler.resource("programs/AsyncWith.java"),
        CoroCompiler.resource("programs/AssertsAndReferences.java"), CoroCompiler.resource("programs/Instances.java"),
        CoroCompiler.resource("golden/users/input/golden/Users.java"),
        CoroCompiler.resource("golden/download/input/golden/Downloads.java")};

    @Test
    void everyAttributedFilePrintsAsBefore() {
        AttributingProcessor processor = new AttributingProcessor(true);
        Compilation compilation = Compiler.javac().withProcessors(processor).withOptions("--release", "17").compile(SOURCES);
        assertThat(compilation.errors()).isEmpty();
        assertThat(processor.before).hasSize(SOURCES.length);
        processor.before.forEach((unit, text) -> assertEquals(text, processor.after.get(unit), unit));
    }

    /** The comparison sees what attribution changes: without the snapshot, the files differ. */
    @Test
    void attributionChangesTheFilesItIsNotUndone() {
        AttributingProcessor processor = new AttributingProcessor(false);
        Compiler.javac().withProcessors(processor).withOptions("--release", "17").compile(SOURCES);
        assertThat(processor.after.get("Forms.java")).isNotEqualTo(processor.before.get("Forms.java"));
        assertThat(processor.after.get("Forms.java")).contains("super();");
    }

    /** Attributes every method of every type of the first round, as the jcoro processor would, then gives the trees back. */
    private static final class AttributingProcessor extends AbstractProcessor {
        private final boolean restore;
        final Map<String, String> before = new LinkedHashMap<>();
        final Map<String, String> after = new LinkedHashMap<>();

        AttributingProcessor(boolean restore) {
            this.restore = restore;
        }

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
            if (round.processingOver() || !before.isEmpty()) {
                return false;
            }
            Trees trees = Trees.instance(processingEnv);
            Attribution attribution = new Attribution(trees, processingEnv.getElementUtils(), processingEnv.getTypeUtils(), restore);
            attribution.newRound(round.getRootElements());
            List<CompilationUnitTree> units = new ArrayList<>();
            for (Element root : round.getRootElements()) {
                CompilationUnitTree unit = trees.getPath(root).getCompilationUnit();
                units.add(unit);
                before.put(name(unit), unit.toString());
            }
            for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
                attributeAll(attribution, type);
            }
            List<TreePath> unrestorable = attribution.restoreTrees();
            assertEquals(restore, unrestorable.isEmpty());
            units.forEach(unit -> after.put(name(unit), unit.toString()));
            return false;
        }

        private void attributeAll(Attribution attribution, TypeElement type) {
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                attribution.attribute(method);
            }
            ElementFilter.typesIn(type.getEnclosedElements()).forEach(nested -> attributeAll(attribution, nested));
        }

        private static String name(CompilationUnitTree unit) {
            String path = unit.getSourceFile().getName();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }
}
