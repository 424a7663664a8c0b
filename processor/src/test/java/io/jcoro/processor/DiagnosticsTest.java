package io.jcoro.processor;

import io.jcoro.processor.testing.CoroCompiler;
import io.jcoro.processor.testing.ExpectedDiagnostics;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every source under {@code diagnostics/} compiles with exactly the jcoro diagnostics its
 * {@code // EXPECT:} markers name, on those lines, with those messages, and no others.
 */
class DiagnosticsTest {

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(DiagnosticsTest.class.getClassLoader().getResource("diagnostics").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheMarkedDiagnostics(String file) {
        JavaFileObject source = CoroCompiler.resource("diagnostics/" + file);
        ExpectedDiagnostics.assertMatches(source, CoroCompiler.compile(source));
    }
}
