package io.jcoro.processor.diag;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one place that prints: attaches each finding to the most precise position (an element
 * through the {@link Messager}, a tree inside a body through {@link Trees#printMessage}), and
 * counts errors so that the pipeline can stop after a pass that found any.
 */
public final class Diagnostics {
    private final Messager messager;
    private final Trees trees;
    private final boolean quiet;
    private int errors;

    public Diagnostics(Messager messager, Trees trees) {
        this(messager, trees, false);
    }

    private Diagnostics(Messager messager, Trees trees, boolean quiet) {
        this.messager = messager;
        this.trees = trees;
        this.quiet = quiet;
    }

    /**
     * Counts errors without printing anything: for a body reported on already, where it is
     * declared (an inherited {@code @Async} method lowered again in a subtype's generated class).
     */
    public Diagnostics quiet() {
        return new Diagnostics(messager, trees, true);
    }

    /** Reports {@code code} on a declaration. */
    public void report(DiagnosticCode code, Element element, Object... args) {
        if (suppressed(code, element)) {
            return;
        }
        count(code);
        if (!quiet) {
            messager.printMessage(code.kind(), code.format(args), element);
        }
    }

    /** Reports {@code code} on a tree inside a body; {@code context} is its enclosing element. */
    public void report(DiagnosticCode code, Tree tree, CompilationUnitTree unit, Element context, Object... args) {
        if (suppressed(code, context)) {
            return;
        }
        count(code);
        if (!quiet) {
            trees.printMessage(code.kind(), code.format(args), tree, unit);
        }
    }

    /** Reports {@code code} with no position (a compiler-wide condition). */
    public void reportGlobal(DiagnosticCode code, Object... args) {
        count(code);
        if (!quiet) {
            messager.printMessage(code.kind(), code.format(args));
        }
    }

    /**
     * Counts an error that javac reports itself, printing nothing: the pipeline stops at it as at
     * its own, so that no generated file repeats the user's error.
     */
    public void countJavacError() {
        errors++;
    }

    /** Errors reported so far; passes compare it before and after to know whether to go on. */
    public int errorCount() {
        return errors;
    }

    private void count(DiagnosticCode code) {
        if (code.kind() == Diagnostic.Kind.ERROR) {
            errors++;
        }
    }

    /** Warnings are silenced by {@code @SuppressWarnings("coro:JCORO-W001")} on any enclosing element. */
    private static boolean suppressed(DiagnosticCode code, Element element) {
        if (code.kind() == Diagnostic.Kind.ERROR) {
            return false;
        }
        String key = "coro:" + code.id();
        for (Element e = element; e != null; e = e.getEnclosingElement()) {
            for (AnnotationMirror mirror : e.getAnnotationMirrors()) {
                if (!mirror.getAnnotationType().toString().equals("java.lang.SuppressWarnings")) {
                    continue;
                }
                for (AnnotationValue value : mirror.getElementValues().values()) {
                    if (value.getValue() instanceof List<?> names) {
                        for (Object name : names) {
                            if (((AnnotationValue) name).getValue().equals(key)) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }
}
