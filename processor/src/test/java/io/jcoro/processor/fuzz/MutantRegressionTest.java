package io.jcoro.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.jcoro.processor.fuzz.MutantOracle.Verdict;
import io.jcoro.processor.fuzz.MutationCorpus.SourceFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Findings of the mutation fuzzer, minimized by hand, under {@code src/test/resources/fuzz-mutants/}:
 * each file (package {@code mutants}, its type named as the file) must pass the fuzzer's checks
 * ({@link MutantOracle}: no processor exception, no JCORO-E023, no error in a generated file, no
 * javac error added or lost).
 */
class MutantRegressionTest {

    static Stream<String> files() throws IOException, URISyntaxException {
        Path dir = Path.of(MutantRegressionTest.class.getClassLoader().getResource("fuzz-mutants").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void passesTheFuzzersChecks(String file) throws Exception {
        Path path = Path.of(MutantRegressionTest.class.getClassLoader().getResource("fuzz-mutants/" + file).toURI());
        SourceFile source = new SourceFile("mutants." + file.replace(".java", ""), Files.readString(path));
        Verdict verdict = new MutantOracle(MutationFuzzTest.release()).check(List.of(source));
        assertNull(verdict.finding(), () -> verdict.finding().kind() + ": " + verdict.finding().detail());
    }
}
