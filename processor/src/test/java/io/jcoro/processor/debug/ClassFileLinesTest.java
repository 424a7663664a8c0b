package io.jcoro.processor.debug;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The class file rewriter on a class javac compiled (this test's {@link Sample}), loaded after the rewrite. */
class ClassFileLinesTest {
    private static final String RUN = "run(I)I";

    /** Lines of its own, and long and double constants (two constant pool entries each). */
    static final class Sample {
        long big = 1L << 40;
        double half = 0.5;

        int run(int x) {
            int y = x + (int) (big >> 40);
            if (y > 1000) {
                throw new IllegalStateException("big " + half);
            }
            return y * 2;
        }
    }

    private static byte[] sample() throws IOException {
        try (InputStream in = Sample.class.getResourceAsStream("ClassFileLinesTest$Sample.class")) {
            return in.readAllBytes();
        }
    }

    private static List<Integer> lines(byte[] classFile, String method) {
        return ClassFileLines.read(classFile).methods().get(method).stream().map(ClassFileLines.Entry::line).toList();
    }

    /** Loads {@code classFile} as {@link Sample} in a loader of its own. */
    private static Object load(byte[] classFile) throws ReflectiveOperationException {
        Class<?> loaded = new ClassLoader(ClassFileLinesTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(Sample.class.getName(), classFile, 0, classFile.length);
            }
        }.define();
        var constructor = loaded.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    @Test
    void readsWhatJavacWrote() throws IOException {
        ClassFileLines.Lines read = ClassFileLines.read(sample());
        assertEquals("ClassFileLinesTest.java", read.sourceFile());
        assertNull(read.debugExtension());
        List<Integer> run = lines(sample(), RUN);
        assertEquals(4, run.size(), run.toString());
        assertEquals(List.of(0, 1, 2, 4), run.stream().map(line -> line - run.get(0)).toList());
    }

    @Test
    void mapsLinesRenamesTheFileAndAddsTheSmap() throws Exception {
        int first = lines(sample(), RUN).get(0);
        byte[] rewritten = ClassFileLines.rewrite(sample(), "User.java", line -> line - first + 100, "SMAP\nx\n*E\n");
        ClassFileLines.Lines read = ClassFileLines.read(rewritten);
        assertEquals("User.java", read.sourceFile());
        assertEquals("SMAP\nx\n*E\n", read.debugExtension());
        assertEquals(List.of(100, 101, 102, 104), lines(rewritten, RUN));

        Object sample = load(rewritten);
        Method run = sample.getClass().getDeclaredMethod("run", int.class);
        run.setAccessible(true);
        assertEquals(8, run.invoke(sample, 3));
        Throwable thrown = assertThrows(java.lang.reflect.InvocationTargetException.class, () -> run.invoke(sample, 5000))
                .getCause();
        StackTraceElement top = thrown.getStackTrace()[0];
        assertEquals("User.java", top.getFileName());
        assertEquals(102, top.getLineNumber());
    }

    @Test
    void dropsTheEntriesOfLinesWithoutAUserLineAndRepeats() throws IOException {
        int first = lines(sample(), RUN).get(0);
        // the second line has no user line; the third repeats the first: both go to the entry before them
        byte[] rewritten = ClassFileLines.rewrite(sample(), "User.java", line -> line == first + 1 ? 0
                : line == first + 2 ? 7 : line == first ? 7 : 9, null);
        assertEquals(List.of(7, 9), lines(rewritten, RUN));
        assertNull(ClassFileLines.read(rewritten).debugExtension());
    }

    @Test
    void rewritingAgainReplacesTheAttributes() throws Exception {
        byte[] once = ClassFileLines.rewrite(sample(), "A.java", line -> line + 1, "SMAP\nA\n*E\n");
        byte[] twice = ClassFileLines.rewrite(once, "B.java", line -> line + 1, "SMAP\nB\n*E\n");
        ClassFileLines.Lines read = ClassFileLines.read(twice);
        assertEquals("B.java", read.sourceFile());
        assertEquals("SMAP\nB\n*E\n", read.debugExtension());
        assertEquals(lines(sample(), RUN).stream().map(line -> line + 2).toList(), lines(twice, RUN));
        // the constant pool reuses what it has: the same rewrite of the rewritten file adds nothing
        assertArrayEquals(twice, ClassFileLines.rewrite(twice, "B.java", line -> line, "SMAP\nB\n*E\n"));
        load(twice);
    }

    @Test
    void readsModifiedUtf8AsTheClassFileFormatWritesIt() throws IOException {
        // ASCII (the fast path), and what is not: NUL (two bytes), Latin-1, a BMP char, a
        // supplementary char (two surrogates of three bytes each), an ASCII run after them
        for (String value : List.of("", "run", "(ILjava/lang/String;)V", "a\0b", "caf\u00e9", "\u65e5\u672c",
                "\ud83d\ude00 smile", "x".repeat(300))) {
            var bytes = new java.io.ByteArrayOutputStream();
            var out = new java.io.DataOutputStream(bytes);
            out.write(new byte[] {9, 9, 9}); // the constant does not start the array
            out.writeUTF(value);
            out.write(7);
            byte[] written = bytes.toByteArray();
            int length = (written[3] & 0xFF) << 8 | written[4] & 0xFF;
            assertEquals(value, ClassFileLines.modifiedUtf8(written, 3, length), value);
        }
        byte[] truncated = {0, 5, 'a', 'b'};
        assertEquals("malformed UTF-8 constant", assertThrows(IllegalArgumentException.class,
                () -> ClassFileLines.modifiedUtf8(truncated, 0, 5)).getMessage());
    }

    @Test
    void aFileThatIsNotAClassFileIsRefused() throws IOException {
        assertEquals("not a class file", assertThrows(IllegalArgumentException.class,
                () -> ClassFileLines.read(new byte[] {1, 2, 3, 4})).getMessage());
        byte[] truncated = Arrays.copyOf(sample(), sample().length - 10);
        assertThrows(IllegalArgumentException.class, () -> ClassFileLines.rewrite(truncated, "A.java", line -> line, null));
        assertThrows(IllegalArgumentException.class, () -> ClassFileLines.read(Arrays.copyOf(sample(), 40)));
    }
}
