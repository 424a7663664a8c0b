package io.jcoro.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.jcoro.processor.testing.CoroCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The IR of the documented worked example ({@code docs/design/lowering.md}), pinned:
 * {@code -Ajcoro.dumpIr} prints it as a note. Regenerate with {@code UPDATE_GOLDENS} like the
 * source goldens.
 */
class IrDumpTest {

    @Test
    void workedExampleLowersToThePinnedIr() throws Exception {
        Compilation compilation = Compiler.javac()
                .withProcessors(new CoroutineProcessor())
                .withOptions("-Ajcoro.dumpIr", "--release", "17")
                .compile(CoroCompiler.resource("golden/download/input/golden/Downloads.java"));
        assertThat(compilation).succeeded();
        String ir = compilation.notes().stream()
                .map(d -> d.getMessage(Locale.ROOT))
                .filter(m -> m.startsWith("jcoro IR of Downloads.totalSize"))
                .findFirst().orElseThrow();
        Path resources = Path.of(getClass().getClassLoader().getResource("golden").toURI()).getParent();
        String update = System.getenv("UPDATE_GOLDENS");
        if (update != null) {
            Files.writeString(Path.of(update, "golden", "download", "totalSize.ir"), ir);
            return;
        }
        assertEquals(Files.readString(resources.resolve("golden/download/totalSize.ir")), ir);
        assertEquals(Diagnostic.Kind.NOTE, compilation.notes().get(0).getKind());
    }
}
