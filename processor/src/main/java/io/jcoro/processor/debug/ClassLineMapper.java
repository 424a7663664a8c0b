package io.jcoro.processor.debug;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's view of a class compiled from a generated file: its {@code SourceFile} becomes the
 * user's file, each line entry of a generated line that prints user code becomes that user
 * line, and every other entry (the dispatch, the bookkeeping between statements) is dropped, so
 * that its code belongs to the user line before it and stepping never stops on it. A JSR-45
 * {@code SourceDebugExtension} keeps the way back: its stratum {@value #GENERATED_STRATUM}
 * gives, for each user line, the first generated line mapped to it.
 */
public final class ClassLineMapper {
    /** The SMAP stratum that shows the generated file. */
    public static final String GENERATED_STRATUM = "Generated";

    private ClassLineMapper() {}

    /** {@code classFile} mapped to the user's lines; the same array if none of its lines is the user's. */
    public static byte[] map(byte[] classFile, SourceMap lines) {
        ClassFileLines.Lines read = ClassFileLines.read(classFile);
        String userFile = null;
        Map<Integer, Integer> firstGenerated = new LinkedHashMap<>();
        for (List<ClassFileLines.Entry> entries : read.methods().values()) {
            for (ClassFileLines.Entry entry : entries) {
                SourceMap.UserLine user = lines.userLine(entry.line());
                if (user != null && (userFile == null || userFile.equals(user.file()))) {
                    userFile = user.file();
                    firstGenerated.merge(user.line(), entry.line(), Math::min);
                }
            }
        }
        if (userFile == null) {
            return classFile;
        }
        String file = userFile;
        return ClassFileLines.rewrite(classFile, file, generated -> {
            SourceMap.UserLine user = lines.userLine(generated);
            return user != null && user.file().equals(file) ? user.line() : 0;
        }, smap(lines, firstGenerated));
    }

    /**
     * The SMAP (JSR-45): the class's own lines are the default stratum, Java; the stratum
     * {@value #GENERATED_STRATUM} maps each back to the generated file.
     */
    private static String smap(SourceMap lines, Map<Integer, Integer> firstGenerated) {
        StringBuilder smap = new StringBuilder()
                .append("SMAP\n").append(lines.generatedFile()).append("\nJava\n")
                .append("*S ").append(GENERATED_STRATUM).append('\n')
                .append("*F\n+ 1 ").append(lines.generatedFile()).append('\n').append(lines.generatedPath()).append('\n')
                .append("*L\n");
        firstGenerated.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> smap.append(e.getValue()).append("#1:").append(e.getKey()).append('\n'));
        return smap.append("*E\n").toString();
    }
}
