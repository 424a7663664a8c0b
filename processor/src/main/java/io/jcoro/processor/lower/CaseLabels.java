package io.jcoro.processor.lower;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The labels and the guard of a {@code case}, read through the tree API of the javac that runs
 * the processor. The processor is built for Java 17, whose API has no guards and lists only
 * constant labels ({@link CaseTree#getExpressions()} leaves out patterns, {@code case null,
 * default} and the {@code default} of a pattern switch): on javac 21 and later, where patterns,
 * guards and {@code case null} are Java, {@code getLabels()} and {@code getGuard()} are read
 * reflectively.
 *
 * @param labels  each label's tree: a constant expression (before javac 21), or a constant,
 *                pattern or default case label
 * @param guard   the {@code when} expression, or null
 */
record CaseLabels(List<? extends Tree> labels, ExpressionTree guard) {
    private static final Method GET_LABELS = method("getLabels");
    private static final Method GET_GUARD = method("getGuard");

    static CaseLabels of(CaseTree c) {
        if (GET_GUARD == null) {
            if (GET_LABELS != null && c.getExpressions().isEmpty()
                    && !((List<?>) invoke(GET_LABELS, c)).stream().allMatch(l -> isDefaultLabel((Tree) l))) {
                // javac 17 to 20 parse patterns in switch as a preview, in trees of another shape:
                // failing loudly beats taking the case for a default
                throw new IllegalStateException("patterns in a switch with awaits need javac 21 or later");
            }
            return new CaseLabels(c.getExpressions(), null);
        }
        @SuppressWarnings("unchecked")
        List<? extends Tree> labels = (List<? extends Tree>) invoke(GET_LABELS, c);
        return new CaseLabels(labels, (ExpressionTree) invoke(GET_GUARD, c));
    }

    /** A {@code default} (alone, or in {@code case null, default}); also a case without labels. */
    boolean isDefault() {
        return labels.isEmpty() || labels.stream().anyMatch(CaseLabels::isDefaultLabel);
    }

    /** Whether a label needs a Java 21 switch: a pattern, {@code case null}, or a guard. */
    boolean isEnhanced() {
        return guard != null || labels.stream().anyMatch(label -> isPattern(label) || isNull(label))
                || (isDefault() && labels.size() > 1);
    }

    /** The {@code case null} label, if this case has one. */
    Tree nullLabel() {
        return labels.stream().filter(CaseLabels::isNull).findFirst().orElse(null);
    }

    static boolean isDefaultLabel(Tree label) {
        return label.getKind().name().equals("DEFAULT_CASE_LABEL");
    }

    static boolean isPattern(Tree label) {
        return label.getKind().name().equals("PATTERN_CASE_LABEL");
    }

    static boolean isNull(Tree label) {
        Tree constant = label.getKind().name().equals("CONSTANT_CASE_LABEL") ? first(label) : label;
        return constant != null && constant.getKind() == Tree.Kind.NULL_LITERAL;
    }

    /** The one child of a constant or pattern case label: its expression or pattern. */
    static Tree first(Tree label) {
        Tree[] child = new Tree[1];
        new com.sun.source.util.TreeScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (child[0] == null && tree != null && tree != label) {
                    child[0] = tree;
                    return null;
                }
                return super.scan(tree, unused);
            }
        }.scan(label, null);
        return child[0];
    }

    private static Method method(String name) {
        try {
            return CaseTree.class.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object invoke(Method method, CaseTree c) {
        try {
            return method.invoke(c);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("javac's " + method.getName() + " failed", e);
        }
    }
}
