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
    /** The private-use character of every mark: a line without it is no mark and holds none. */
    private static final char TAG_CHAR = '\uE000';
    private static final String TAG = TAG_CHAR + "jcoro-line";
    private static final String END = "/*" + TAG + "*/";
    private static final Pattern MARK = Pattern.compile("[ \\t]*/\\*" + TAG + "(?: (.*):(\\d+))?\\*/[ \\t]*");
    private static final Pattern STARTING_AT = Pattern.compile("/\\*" + TAG + "@(\\d+)\\+(\\d+)\\*/");

    private LineMarks() {}

    /** The mark before the code of a statement at {@code line} of {@code file}. */
    static String open(String file, long line) {
        return "/*" + TAG + " " + file + ":" + line + "*/";
    }

    /**
     * {@code text}, the user's text of a tree that starts at {@code line}, marked so that each of
     * its lines maps to its own user line: the renderer keeps the user's line breaks.
     */
    static String startingAt(long line, String text) {
        return "/*" + TAG + "@" + line + "+" + text.chars().filter(c -> c == '\n').count() + "*/" + text;
    }

    /** The mark after that code: what follows has no user line. */
    static String close() {
        return END;
    }

    /** The length of {@code text} without its marks (what javac will see of it): that of {@link #strip}'s text. */
    static int unmarkedLength(String text) {
        int length = 0;
        int lines = 0;
        int tag = -1; // the next mark character at or after the line, past the end if none
        for (int from = 0; from <= text.length(); ) {
            int newline = text.indexOf('\n', from);
            int to = newline < 0 ? text.length() : newline;
            if (tag < from) {
                tag = text.indexOf(TAG_CHAR, from);
                tag = tag < 0 ? Integer.MAX_VALUE : tag;
            }
            if (tag >= to) {
                length += to - from;
                lines++;
            } else {
                String line = text.substring(from, to);
                if (!MARK.matcher(line).matches()) {
                    length += STARTING_AT.matcher(line).replaceAll("").length();
                    lines++;
                }
            }
            from = to + 1;
        }
        return length + Math.max(0, lines - 1); // the line breaks between the lines kept
    }

    /** The text without marks, and where its lines come from. */
    record Stripped(String text, SourceMap map) {}

    /**
     * The text without marks, and where its lines come from: a line in a statement's code is at
     * the statement's line, except the lines of a tree's text, each at its own line.
     */
    static Stripped strip(String text, String generatedFile, String generatedPath) {
        StringBuilder out = new StringBuilder(text.length());
        Map<Integer, SourceMap.UserLine> lines = new HashMap<>();
        SourceMap.UserLine current = null;
        int treeLine = 0;
        int treeLinesLeft = 0;
        int line = 0;
        for (String each : text.split("\n", -1)) {
            boolean tagged = each.indexOf(TAG_CHAR) >= 0;
            Matcher mark = tagged ? MARK.matcher(each) : null;
            if (tagged && mark.matches()) {
                current = mark.group(1) == null ? null : new SourceMap.UserLine(mark.group(1), Integer.parseInt(mark.group(2)));
                treeLinesLeft = 0;
                continue;
            }
            Matcher tree = tagged ? STARTING_AT.matcher(each) : null;
            if (tagged && tree.find()) {
                treeLine = Integer.parseInt(tree.group(1));
                treeLinesLeft = Integer.parseInt(tree.group(2));
                each = STARTING_AT.matcher(each).replaceAll("");
            } else if (treeLinesLeft > 0) {
                treeLine++;
                treeLinesLeft--;
            } else {
                treeLine = 0;
            }
            if (line > 0) {
                out.append('\n');
            }
            line++;
            if (current != null) {
                lines.put(line, treeLine > 0 ? new SourceMap.UserLine(current.file(), treeLine) : current);
            }
            out.append(each);
        }
        return new Stripped(out.toString(), new SourceMap(generatedFile, generatedPath, lines));
    }
}
