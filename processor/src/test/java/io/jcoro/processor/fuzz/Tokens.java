package io.jcoro.processor.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a Java source, as spans, for the mutator's token-level edits. Not a full lexer:
 * comments and white space are skipped, literals (text blocks too) are single tokens, and an
 * operator is the longest one in {@link #OPERATORS} (so {@code >>} in a type argument is one token,
 * which is fine for deleting, duplicating and swapping tokens).
 */
final class Tokens {
    enum Kind { IDENTIFIER, LITERAL, OPERATOR }

    record Token(int start, int end, Kind kind) {
        String text(String source) {
            return source.substring(start, end);
        }
    }

    private static final String[] OPERATORS = {">>>=", "<<=", ">>=", ">>>", "...", "->", "::", "++", "--", "&&", "||",
        "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "&=", "|=", "^=", "%=", "<<", ">>"};

    private Tokens() {}

    /** The tokens of {@code source} whose start lies in [{@code from}, {@code to}). */
    static List<Token> of(String source, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            int end;
            Kind kind;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            } else if (source.startsWith("//", i)) {
                i = lineEnd(source, i);
                continue;
            } else if (source.startsWith("/*", i)) {
                int close = source.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                continue;
            } else if (source.startsWith("\"\"\"", i)) {
                int close = source.indexOf("\"\"\"", i + 3);
                end = close < 0 ? n : close + 3;
                kind = Kind.LITERAL;
            } else if (c == '"' || c == '\'') {
                end = quoted(source, i, c);
                kind = Kind.LITERAL;
            } else if (Character.isJavaIdentifierStart(c)) {
                end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(source.charAt(end))) {
                    end++;
                }
                kind = Kind.IDENTIFIER;
            } else if (Character.isDigit(c)) {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(source.charAt(end)) || source.charAt(end) == '_'
                        || source.charAt(end) == '.')) {
                    end++;
                }
                kind = Kind.LITERAL;
            } else {
                end = i + operatorLength(source, i);
                kind = Kind.OPERATOR;
            }
            if (i >= from && i < to) {
                tokens.add(new Token(i, end, kind));
            }
            i = end;
        }
        return tokens;
    }

    private static int lineEnd(String source, int i) {
        int nl = source.indexOf('\n', i);
        return nl < 0 ? source.length() : nl;
    }

    private static int quoted(String source, int i, char quote) {
        int j = i + 1;
        while (j < source.length() && source.charAt(j) != quote && source.charAt(j) != '\n') {
            j += source.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(source.length(), j + 1);
    }

    private static int operatorLength(String source, int i) {
        for (String op : OPERATORS) {
            if (source.startsWith(op, i)) {
                return op.length();
            }
        }
        return 1;
    }
}
