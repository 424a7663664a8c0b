package io.jcoro.processor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The contract of a diagnostics test source: a line that ends with
 * {@code // EXPECT: JCORO-E012 message} must produce exactly that jcoro diagnostic, with a
 * message starting with the given text; lines without a marker must produce no jcoro
 * diagnostic at all.
 */
public final class ExpectedDiagnostics {
    private static final Pattern MARKER = Pattern.compile("//\\s*EXPECT:\\s*(JCORO-[EW]\\d{3})\\s*(.*)$");
    private static final Pattern ID = Pattern.compile("^\\[(JCORO-[EW]\\d{3})\\] ");

    /** One expected or actual diagnostic. */
    public record Finding(long line, String code, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + code + " " + message;
        }
    }

    private ExpectedDiagnostics() {}

    /** The markers of {@code source}. */
    public static List<Finding> expected(JavaFileObject source) {
        List<Finding> found = new ArrayList<>();
        String[] lines;
        try {
            lines = source.getCharContent(true).toString().split("\n", -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i]);
            if (m.find()) {
                found.add(new Finding(i + 1, m.group(1), m.group(2).trim()));
            }
        }
        return found;
    }

    /** Asserts that the jcoro diagnostics of {@code compilation} are exactly {@code source}'s markers. */
    public static void assertMatches(JavaFileObject source, Compilation compilation) {
        List<Finding> expected = expected(source);
        List<Finding> actual = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            String message = d.getMessage(Locale.ROOT);
            Matcher m = ID.matcher(message);
            if (!m.find()) {
                continue;
            }
            String text = message.substring(m.end()).split("\n")[0];
            actual.add(new Finding(d.getLineNumber(), m.group(1), text));
        }
        assertEquals(expected.size(), actual.size(),
                "expected " + expected + "\nbut the compiler reported " + actual + "\nall diagnostics: " + compilation.diagnostics());
        for (int i = 0; i < expected.size(); i++) {
            Finding want = expected.get(i);
            Finding got = actual.get(i);
            assertEquals(want.line() + ": " + want.code(), got.line() + ": " + got.code(), "all: " + actual);
            if (!got.message().startsWith(want.message())) {
                throw new AssertionError("line " + got.line() + ": message\n  " + got.message()
                        + "\ndoes not start with\n  " + want.message());
            }
        }
    }
}
