package com.palantir.javapoet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jcoro processor's way into JavaPoet's writer, which JavaPoet keeps package-private: this
 * class is the processor's own, in JavaPoet's package, and the processor's jar relocates it with
 * JavaPoet (to {@code io.jcoro.processor.shaded.javapoet}).
 *
 * <p>JavaPoet writes a file in two passes: the first, to find the types it could import, formats
 * every code block once for nothing. The processor spells every name itself (no name it gives
 * JavaPoet is ever imported), so one pass writes the same text. And a state's code, formatted once
 * here, is both measured (at JavaPoet's default indent, as {@link CodeBlock#toString()} measures
 * it) and written into the file as it is.
 */
public final class SinglePass {
    private SinglePass() {}

    /** What {@link CodeBlock#toString()} indents a level with. */
    private static final String DEFAULT_INDENT = defaultIndent();

    private static String defaultIndent() {
        String text = CodeBlock.of("\n$>x\n$<").toString(); // a first line is never indented
        return text.substring(1, text.indexOf('x'));
    }

    /**
     * A code block formatted at indentation level 0.
     *
     * @param text the code indented with the requested indent: the same text, inserted with
     *     {@code $L} into code at any level, as the block itself writes there
     * @param defaultIndented the code as {@link CodeBlock#toString()} writes it
     */
    public record Block(String text, String defaultIndented) {}

    /** Formats {@code code} once; see {@link Block}. */
    public static Block format(CodeBlock code, String indent) {
        // the writer appends this very instance for each level of indentation: the other text gets
        // the default indent there instead (a line's own text, however blank, is never this instance;
        // see indentsApart for where the writer uses the indent otherwise)
        String level = new String(indent);
        Twin out = new Twin(level);
        try {
            new CodeWriter(out, level, Set.of(), Set.of()).emit(code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Block(out.text.toString(), indentsApart(code) ? code.toString() : out.defaultIndented.toString());
    }

    /**
     * Whether JavaPoet writes indentation in {@code code}, or in a block it includes, otherwise than
     * as the instance it was given: after a wrapping space ({@code $W}, {@code $Z}) it buffers what
     * follows, indentation included; a string ({@code $S}) of several lines goes on at twice the
     * indent, in the literal's own text. The processor writes neither in a state's code; should
     * one come, the default indentation is written apart.
     */
    private static boolean indentsApart(CodeBlock code) {
        for (String part : code.formatParts()) {
            if (part.equals("$W") || part.equals("$Z") || part.equals("$S")) {
                return true;
            }
        }
        for (Object arg : code.args()) {
            if (arg instanceof CodeBlock block && indentsApart(block)) {
                return true;
            }
        }
        return false;
    }

    /** Appends to two texts: the indentation instance as itself to one, as the default indent to the other. */
    private static final class Twin implements Appendable {
        private final String level;
        final StringBuilder text = new StringBuilder();
        final StringBuilder defaultIndented = new StringBuilder();

        Twin(String level) {
            this.level = level;
        }

        @Override
        public Appendable append(CharSequence chars) {
            text.append(chars);
            defaultIndented.append(chars == level ? DEFAULT_INDENT : chars);
            return this;
        }

        @Override
        public Appendable append(CharSequence chars, int start, int end) {
            text.append(chars, start, end);
            defaultIndented.append(chars, start, end);
            return this;
        }

        @Override
        public Appendable append(char c) {
            text.append(c);
            defaultIndented.append(c);
            return this;
        }
    }

    /**
     * The text {@code JavaFile.builder(packageName, type).addFileComment(...).indent(indent).build().toString()}
     * gives, written in one pass; null if JavaPoet would import a type into it (a name it was
     * given as a {@link ClassName} with a package) or qualify one always, which only its own two
     * passes write alike.
     */
    public static String javaFile(String packageName, CodeBlock fileComment, TypeSpec type, String indent) {
        if (qualifiesAlways(type)) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        CodeWriter writer = new CodeWriter(out, indent, Map.of(), Set.of(), Set.of());
        try {
            // as JavaFile.emit, with no import to write
            writer.pushPackage(packageName);
            if (!fileComment.isEmpty()) {
                writer.emitComment(fileComment);
            }
            if (!packageName.isEmpty()) {
                writer.emit("package $L;\n", packageName);
                writer.emit("\n");
            }
            type.emit(writer, null, Collections.emptySet());
            writer.popPackage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.suggestedImports().isEmpty() ? out.toString() : null;
    }

    private static boolean qualifiesAlways(TypeSpec type) {
        if (!type.alwaysQualifiedNames().isEmpty()) {
            return true;
        }
        List<TypeSpec> nested = type.typeSpecs();
        for (TypeSpec each : nested) {
            if (qualifiesAlways(each)) {
                return true;
            }
        }
        return false;
    }
}
