package io.jcoro.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.processor.diag.DiagnosticCode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog, its negative tests and {@code docs/diagnostics.md} stay in step. */
class DiagnosticCatalogTest {
    /** Codes that no source can trigger under javac as configured; each is tested by a dedicated test class. */
    private static final Set<String> TESTED_ELSEWHERE = Set.of(
            "JCORO-E023", // ProcessorBoundaryTest: a failing pass
            "JCORO-E031", // InferredTypesTest: only where javac's inferred type trees are left in place
            "JCORO-W003", // UserLinesTest: only where a class file javac wrote cannot be rewritten
            "JCORO-W005"); // EcjTest (Eclipse's compiler) and ProcessorBoundaryTest

    @Test
    void everyCodeHasANegativeTest() throws IOException, URISyntaxException {
        Set<String> tested = new TreeSet<>(TESTED_ELSEWHERE);
        Path dir = Path.of(getClass().getClassLoader().getResource("diagnostics").toURI());
        Pattern marker = Pattern.compile("EXPECT:\\s*(JCORO-[EW]\\d{3})");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Matcher m = marker.matcher(Files.readString(file));
                while (m.find()) {
                    tested.add(m.group(1));
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (DiagnosticCode code : DiagnosticCode.values()) {
            if (!tested.contains(code.id())) {
                missing.add(code.id() + " " + code.name());
            }
        }
        assertEquals(List.of(), missing, "diagnostic codes without a test under src/test/resources/diagnostics");
    }

    @Test
    void docsListEveryCodeWithItsMessageAndHint() throws IOException {
        Path docs = Path.of(System.getProperty("user.dir")).resolve("../docs/diagnostics.md").normalize();
        String text = Files.readString(docs);
        for (DiagnosticCode code : DiagnosticCode.values()) {
            assertTrue(text.contains("## " + code.id()), "docs/diagnostics.md lacks a section for " + code.id());
            assertTrue(text.contains(code.template()), "docs/diagnostics.md lacks the message of " + code.id());
            assertTrue(text.contains(code.hint()), "docs/diagnostics.md lacks the hint of " + code.id());
        }
    }

    @Test
    void idsAreUnique() {
        Set<String> ids = new TreeSet<>();
        for (DiagnosticCode code : DiagnosticCode.values()) {
            assertTrue(ids.add(code.id()), "duplicate id " + code.id());
        }
    }
}
