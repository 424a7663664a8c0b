package io.jcoro.processor.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The constant-pool renamer: which occurrences of a prefix it renames, and a whole class file javac compiled. */
class ClassFileRenamerTest {
    private static final String FROM = "p/GenCoroutines$";
    private static final String TO = "p/Gen$GenCoroutines$";
    private static final String SAMPLE = "io/jcoro/processor/debug/ClassFileRenamerTest$Sample";

    /** Names its nested class in a field, a descriptor, an array, a generic signature and a class literal. */
    static final class Sample {
        static final class Part {}

        Part part = new Part();
        List<Part> parts = List.of(part);

        Part[] all(Part first) {
            return new Part[] {first, part};
        }

        Class<?> type() {
            return Part.class;
        }
    }

    @Test
    void aPrefixIsRenamedAtTheStartAndAfterTheLOfAClassType() {
        assertEquals("p/Gen$GenCoroutines$$Work", ClassFileRenamer.rename("p/GenCoroutines$$Work", FROM, TO));
        assertEquals("(Lp/Gen$GenCoroutines$$Work;I[Lp/Gen$GenCoroutines$$Work$1;)Lp/Gen$GenCoroutines$$Work;",
                ClassFileRenamer.rename("(Lp/GenCoroutines$$Work;I[Lp/GenCoroutines$$Work$1;)Lp/GenCoroutines$$Work;", FROM, TO));
        assertEquals("Ljava/util/List<+Lp/Gen$GenCoroutines$$Work;>;",
                ClassFileRenamer.rename("Ljava/util/List<+Lp/GenCoroutines$$Work;>;", FROM, TO));
        assertEquals("[[Lp/Gen$GenCoroutines$$Work;", ClassFileRenamer.rename("[[Lp/GenCoroutines$$Work;", FROM, TO));
    }

    @Test
    void otherOccurrencesAreLeftAlone() {
        // the generated class itself, a longer class name, a name that merely contains the prefix
        assertSame("p/GenCoroutines", ClassFileRenamer.rename("p/GenCoroutines", FROM, TO));
        assertSame("Lp/GenCoroutines;", ClassFileRenamer.rename("Lp/GenCoroutines;", FROM, TO));
        assertSame("p/GenCoroutinesX$$Work", ClassFileRenamer.rename("p/GenCoroutinesX$$Work", FROM, TO));
        assertSame("q/p/GenCoroutines$$Work", ClassFileRenamer.rename("q/p/GenCoroutines$$Work", FROM, TO));
        assertSame("Lq/ALp/GenCoroutines$$Work;", ClassFileRenamer.rename("Lq/ALp/GenCoroutines$$Work;", FROM, TO));
        // a generic inner type names its nested class after a '.', not by its binary name
        assertSame("Lp/GenCoroutines<TT;>.$Work;", ClassFileRenamer.rename("Lp/GenCoroutines<TT;>.$Work;", FROM, TO));
    }

    @Test
    void aClassFileKeepsEverythingButTheRenamedEntries() throws IOException {
        byte[] original;
        try (InputStream in = Sample.class.getResourceAsStream("ClassFileRenamerTest$Sample.class")) {
            original = in.readAllBytes();
        }
        String from = SAMPLE + "$";
        String to = SAMPLE + "$Moved$";
        byte[] renamed = ClassFileRenamer.rename(original, from, to);

        String before = new String(original, StandardCharsets.ISO_8859_1);
        String after = new String(renamed, StandardCharsets.ISO_8859_1);
        for (String name : List.of(SAMPLE + "$Part", "L" + SAMPLE + "$Part;", "(L" + SAMPLE + "$Part;)[L" + SAMPLE + "$Part;",
                "Ljava/util/List<L" + SAMPLE + "$Part;>;")) {
            assertTrue(before.contains(name), name);
            assertTrue(after.contains(name.replace(from, to)), name);
        }
        assertFalse(after.contains(from + "Part"));
        int entries = (before.length() - before.replace(from, "").length()) / from.length();
        assertEquals(original.length + entries * (to.length() - from.length()), renamed.length);
        // its lines and its attributes are where they were
        ClassFileLines.Lines linesBefore = ClassFileLines.read(original);
        ClassFileLines.Lines linesAfter = ClassFileLines.read(renamed);
        assertEquals(linesBefore.sourceFile(), linesAfter.sourceFile());
        assertEquals(List.copyOf(linesBefore.methods().values()), List.copyOf(linesAfter.methods().values()));
        assertEquals(List.copyOf(linesBefore.methods().keySet()).toString().replace(from, to),
                List.copyOf(linesAfter.methods().keySet()).toString());
        assertSame(original, ClassFileRenamer.rename(original, "p/GenCoroutines$", TO));
    }

    @Test
    void aMalformedFileIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClassFileRenamer.rename(new byte[] {1, 2, 3, 4, 0, 0, 0, 0, 0, 2}, FROM, TO));
        assertThrows(IllegalArgumentException.class, () -> ClassFileRenamer.rename(new byte[] {(byte) 0xCA, (byte) 0xFE}, FROM, TO));
    }
}
