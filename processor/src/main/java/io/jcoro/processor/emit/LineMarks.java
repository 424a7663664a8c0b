package io.jcoro.processor.emit;

import io.jcoro.processor.debug.SourceMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks, in the generated text, where the code of a user statement starts and ends, and turns
 * the finished text into the text without marks plus its {@link SourceMap}. A mark is a comment
 * on a line of its own (harmless should one ever stay), with a private-use character that no
 * user code prints; the generated file keeps none of them.
 */
final class LineMarks {
    private static final String TAG = "\uE000jcoro-line";
    private static final String END = "/*" + TAG + "*/";
    private static final Pattern MARK = Pattern.compile("[ \\t]*/\\*" + TAG + "(?: (.*):(\\d+))?\\*/[ \\t]*");

    private LineMarks() {}

    /** The mark before the code of a statement at {@code line} of {@code file}. */
    static String open(String file, long line) {
        return "/*" + TAG + " " + file + ":" + line + "*/";
    }

    /** The mark after that code: what follows has no user line. */
    static String close() {
        return END;
    }

    /** The length of {@code text} without its marks (what javac will see of it). */
    static int unmarkedLength(String text) {
        return strip(text, "", "").text().length();
    }

    /** The text without marks, and where its lines come from. */
    record Stripped(String text, SourceMap map) {}

    static Stripped strip(String text, String generatedFile, String generatedPath) {
        StringBuilder out = new StringBuilder(text.length());
        Map<Integer, SourceMap.UserLine> lines = new HashMap<>();
        SourceMap.UserLine current = null;
        int line = 0;
        for (String each : text.split("\n", -1)) {
            Matcher mark = MARK.matcher(each);
            if (mark.matches()) {
                current = mark.group(1) == null ? null : new SourceMap.UserLine(mark.group(1), Integer.parseInt(mark.group(2)));
                continue;
            }
            if (line > 0) {
                out.append('\n');
            }
            line++;
            if (current != null) {
                lines.put(line, current);
            }
            out.append(each);
        }
        return new Stripped(out.toString(), new SourceMap(generatedFile, generatedPath, lines));
    }
}
