package io.jcoro.processor.debug;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which line of the user's source each line of a generated file comes from: the lines that
 * print a user statement or expression, or the glue that completes one (the value an await
 * resumes with). Other generated lines (the dispatch, bookkeeping) have no user line.
 *
 * @param generatedFile the generated file's simple name, {@code UsersCoroutines.java}
 * @param generatedPath its path from the source root, {@code golden/UsersCoroutines.java}
 */
public record SourceMap(String generatedFile, String generatedPath, Map<Integer, UserLine> lines) {
    /** A line of the user's file, named as a class file's {@code SourceFile} names it. */
    public record UserLine(String file, int line) {}

    public SourceMap {
        lines = java.util.Collections.unmodifiableMap(new TreeMap<>(lines));
    }

    /** The user line of generated line {@code line}, or null. */
    public UserLine userLine(int line) {
        return lines.get(line);
    }
}
