package io.jcoro.processor.emit;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import io.jcoro.processor.analyze.BodyFacts;
import io.jcoro.processor.analyze.MemberRef;
import io.jcoro.processor.ir.FrameLayout;
import io.jcoro.processor.ir.Label;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Prints a tree of the user's body as the user wrote it (their layout and comments), with the
 * few edits the frame class needs: hoisted variables under their field names, names the frame
 * would bind differently qualified, {@code this} as the generated instance, {@code done(x)} as
 * {@code $return(x)}, and jumps out of exploded statements as state transitions.
 */
final class SourceRenderer {
    private final CharSequence source;
    private final CompilationUnitTree unit;
    private final SourcePositions positions;
    private final BodyFacts facts;
    private final FrameLayout layout;
    private final java.util.Map<Tree, io.jcoro.processor.ir.Op.Exit> jumps;
    private final java.util.Set<Tree> deferredExits;
    private final java.util.Map<Tree, io.jcoro.processor.ir.Op.Replacement> replacements;
    private final TypeRendering.Names typeNames;
    private final NameSpeller names;
    private final String generatedThis;
    private final Set<String> frameMethods;

    SourceRenderer(CompilationUnitTree unit, CharSequence source, SourcePositions positions, BodyFacts facts,
            FrameLayout layout,
            java.util.Map<Tree, io.jcoro.processor.ir.Op.Exit> jumps, java.util.Set<Tree> deferredExits,
            java.util.Map<Tree, io.jcoro.processor.ir.Op.Replacement> replacements,
            TypeRendering.Names typeNames, NameSpeller names) {
        this.source = source;
        this.unit = unit;
        this.positions = positions;
        this.facts = facts;
        this.layout = layout;
        this.jumps = jumps;
        this.deferredExits = deferredExits;
        this.replacements = replacements;
        this.typeNames = typeNames;
        this.names = names;
        this.generatedThis = names.generatedClass() + ".this";
        this.frameMethods = GeneratedNames.FRAME_METHOD_NAMES;
    }

    /**
     * Hoisted variables that the statement being rendered captures in a lambda or nested class,
     * each with the name of the local snapshot the frame takes just before the statement.
     */
    private java.util.Map<VariableElement, String> captures = java.util.Map.of();

    /**
     * Renders the tree of one op, reading {@code snapshots} instead of the fields they copy. The
     * op that evaluates a spilled subtree into {@code defines} prints that subtree itself, not
     * the temp that replaces it everywhere else.
     */
    String renderOp(Tree tree, java.util.Map<VariableElement, String> snapshots, io.jcoro.processor.ir.Temp defines) {
        java.util.Map<VariableElement, String> saved = captures;
        captures = snapshots;
        boolean itself = defines != null && replacements.get(tree) instanceof io.jcoro.processor.ir.Op.Replacement.ByTemp by
                && by.temp().equals(defines);
        if (itself) {
            rendering.add(tree);
        }
        try {
            return render(tree);
        } finally {
            captures = saved;
            rendering.remove(tree);
        }
    }

    /**
     * The hoisted variables that lambdas and nested classes inside {@code tree} capture. A lambda
     * captures a local's value when it is created; a field would be read when the lambda runs,
     * after a later iteration may have changed it, so the frame passes a snapshot instead.
     */
    java.util.Set<VariableElement> capturedFields(Tree tree) {
        java.util.Set<VariableElement> captured = new java.util.LinkedHashSet<>();
        new TreeScanner<Void, Integer>() {
            @Override
            public Void scan(Tree node, Integer depth) {
                if (node == null) {
                    return null;
                }
                int inner = depth + (node instanceof com.sun.source.tree.LambdaExpressionTree
                        || node instanceof com.sun.source.tree.ClassTree ? 1 : 0);
                VariableElement local = facts.localRefs().get(node);
                if (inner > 0 && local != null && layout.isField(local)) {
                    captured.add(local);
                }
                return super.scan(node, inner);
            }
        }.scan(tree, 0);
        return captured;
    }

    /** Replaced trees being printed in full right now (the spill that evaluates them). */
    private final java.util.Set<Tree> rendering = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** The source of {@code tree} with its edits, re-indented to start at column 0. */
    private String render(Tree tree) {
        long start = positions.getStartPosition(unit, tree);
        long end = positions.getEndPosition(unit, tree);
        if (start < 0 || end < start) {
            throw new IllegalStateException("no source position for " + tree.getKind() + ": " + tree);
        }
        StringBuilder out = new StringBuilder();
        long cursor = start;
        for (Tree edited : editsWithin(tree)) {
            long editStart = positions.getStartPosition(unit, edited);
            if (editStart < cursor) {
                continue; // inside an edit already made
            }
            out.append(source, (int) cursor, (int) editStart);
            out.append(replacement(edited));
            cursor = positions.getEndPosition(unit, edited);
        }
        out.append(source, (int) cursor, (int) end);
        return dedent(out.toString());
    }

    /** The mark that the code printed next comes from {@code tree}'s line (see {@link LineMarks}). */
    String lineMark(Tree tree) {
        return LineMarks.open(GeneratedNames.sourceFileName(unit), lineOf(tree));
    }

    /** The user's line where {@code tree} starts. */
    long lineOf(Tree tree) {
        return unit.getLineMap().getLineNumber(positions.getStartPosition(unit, tree));
    }

    /** The length of {@code tree}'s text in the user's file. */
    int sourceLength(Tree tree) {
        return (int) (positions.getEndPosition(unit, tree) - positions.getStartPosition(unit, tree));
    }

    /** The name a hoisted variable has in the frame. */
    String fieldName(VariableElement variable) {
        return layout.fieldName(variable);
    }

    private String replacement(Tree tree) {
        io.jcoro.processor.ir.Op.Replacement replaced = rendering.contains(tree) ? null : replacements.get(tree);
        if (replaced instanceof io.jcoro.processor.ir.Op.Replacement.ByTemp byTemp) {
            return byTemp.temp().name();
        }
        if (replaced instanceof io.jcoro.processor.ir.Op.Replacement.CompoundWrite write) {
            // JLS 15.26.2: E1 op= E2 is E1 = (T) ((E1) op (E2)), with E1's value read before E2
            return render(write.tree().getVariable()) + " = (" + typeNames.name(write.type()) + ") ("
                    + write.old().name() + " " + write.operator() + " (" + render(write.tree().getExpression()) + "))";
        }
        if (renamedBindings.contains(tree)) {
            // 'int x' as 'int x$b': the declaration's text up to its name, then the fresh name
            com.sun.source.tree.VariableTree variable = (com.sun.source.tree.VariableTree) tree;
            String text = source.subSequence((int) positions.getStartPosition(unit, tree),
                    (int) positions.getEndPosition(unit, tree)).toString();
            String name = variable.getName().toString();
            return text.substring(0, text.length() - name.length())
                    + layout.fieldName(facts.localRefs().get(variable)) + "$b";
        }
        if (tree instanceof com.sun.source.tree.InstanceOfTree test && !hoistedBindings(test).isEmpty()) {
            // a pattern variable kept across an await is a field, which no pattern can declare:
            // bind a fresh name and copy it, once the test has matched (each variable of a
            // record pattern alike); a copy of NaN is not == itself, hence '|| true' there
            List<com.sun.source.tree.VariableTree> bindings = hoistedBindings(test);
            String pattern;
            renamedBindings.addAll(bindings);
            try {
                pattern = render(test.getPattern());
            } finally {
                bindings.forEach(renamedBindings::remove);
            }
            StringBuilder out = new StringBuilder("(").append(render(test.getExpression())).append(" instanceof ")
                    .append(pattern);
            for (com.sun.source.tree.VariableTree variable : bindings) {
                VariableElement binding = facts.localRefs().get(variable);
                String field = layout.fieldName(binding);
                javax.lang.model.type.TypeKind kind = binding.asType().getKind();
                boolean floating = kind == javax.lang.model.type.TypeKind.FLOAT || kind == javax.lang.model.type.TypeKind.DOUBLE;
                out.append(" && ").append(floating ? "((" : "(").append(field).append(" = ").append(field)
                        .append("$b) == ").append(field).append(floating ? " || true)" : "");
            }
            return out.append(")").toString();
        }
        io.jcoro.processor.ir.Op.Exit exit = jumps.get(tree);
        if (exit instanceof io.jcoro.processor.ir.Op.Exit.Direct direct) {
            return "{ " + labelVariable(tree) + " = " + direct.target().state() + "; continue " + GeneratedNames.DISPATCH_LABEL + "; }";
        }
        if (exit instanceof io.jcoro.processor.ir.Op.Exit.Yield yield) {
            return "{ " + yield.result().name() + " = " + render(((com.sun.source.tree.YieldTree) tree).getValue())
                    + "; " + labelVariable(tree) + " = " + yield.end().state() + "; continue " + GeneratedNames.DISPATCH_LABEL + "; }";
        }
        if (exit instanceof io.jcoro.processor.ir.Op.Exit.ViaFinally via) {
            io.jcoro.processor.ir.Finally f = via.finally_();
            String pending;
            if (via.target() != null) {
                pending = f.pending().name() + " = " + via.target().state() + "; ";
            } else {
                MethodInvocationTree done = (MethodInvocationTree) ((com.sun.source.tree.ReturnTree) tree).getExpression();
                String value = done.getArguments().isEmpty() ? "null" : "$return(" + render(done.getArguments().get(0)) + ")";
                pending = f.value().name() + " = " + value + "; " + f.pending().name() + " = "
                        + io.jcoro.processor.ir.Finally.RETURN + "; ";
            }
            return "{ " + pending + labelVariable(tree) + " = " + f.start().state() + "; continue "
                    + GeneratedNames.DISPATCH_LABEL + "; }";
        }
        if (facts.thisRefs().contains(tree)) {
            return generatedThis;
        }
        if (facts.isDone(tree)) {
            MethodInvocationTree done = (MethodInvocationTree) tree;
            return done.getArguments().isEmpty() ? "$return(null)" : "$return(" + render(done.getArguments().get(0)) + ")";
        }
        VariableElement local = facts.localRefs().get(tree);
        if (local != null) {
            return captures.getOrDefault(local, layout.fieldName(local));
        }
        MemberRef member = facts.members().get(tree);
        if (member.isType()) {
            TypeElement type = (TypeElement) member.target();
            return member.qualifier() ? names.qualifier(type) : names.type(type);
        }
        return (member.instance() ? generatedThis : names.qualifier((TypeElement) member.target().getEnclosingElement()))
                + "." + member.name();
    }

    /**
     * {@code $label}, or {@code $jump} for an exit through a kept try's finally or resources:
     * until Java has run those, an exception they throw belongs to the state being left.
     */
    private String labelVariable(Tree exit) {
        return deferredExits.contains(exit) ? "$jump" : "$label";
    }

    /** The trees under {@code root} that need an edit, in source order, outermost first. */
    private List<Tree> editsWithin(Tree root) {
        if (needsEdit(root)) {
            return List.of(root);
        }
        List<Tree> found = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (tree != null && tree != root && needsEdit(tree)) {
                    found.add(tree);
                    return null; // an edit renders its own children
                }
                return super.scan(tree, unused);
            }
        }.scan(root, null);
        found.sort(Comparator.comparingLong(t -> positions.getStartPosition(unit, t)));
        return found;
    }

    /** The variables of {@code test}'s pattern (a type or record pattern) that became fields. */
    private List<com.sun.source.tree.VariableTree> hoistedBindings(com.sun.source.tree.InstanceOfTree test) {
        List<com.sun.source.tree.VariableTree> found = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(com.sun.source.tree.VariableTree variable, Void unused) {
                VariableElement element = facts.localRefs().get(variable);
                if (element != null && layout.isField(element)) {
                    found.add(variable);
                }
                return super.visitVariable(variable, unused);
            }
        }.scan(test.getPattern(), null);
        return found;
    }

    /** The pattern variables printed under a fresh name right now (see {@link #replacement}). */
    private final java.util.Set<Tree> renamedBindings =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private boolean needsEdit(Tree tree) {
        if (renamedBindings.contains(tree)) {
            return true;
        }
        if (tree instanceof com.sun.source.tree.InstanceOfTree test && !hoistedBindings(test).isEmpty()
                && !replacements.containsKey(tree)) {
            return true;
        }
        if (replacements.containsKey(tree) && !rendering.contains(tree)) {
            return true;
        }
        if (jumps.containsKey(tree) || facts.thisRefs().contains(tree) || facts.isDone(tree)) {
            return true;
        }
        if (tree.getKind() == Tree.Kind.IDENTIFIER) {
            VariableElement local = facts.localRefs().get(tree);
            if (local != null) {
                return captures.containsKey(local)
                        || (layout.isField(local) && !layout.fieldName(local).equals(local.getSimpleName().toString()));
            }
            MemberRef member = facts.members().get(tree);
            return member != null && (member.always()
                    || (member.method() ? frameMethods.contains(member.name()) : layout.names().containsValue(member.name())));
        }
        return false;
    }

    /**
     * Moves the lines after the first left by their common indentation, so that a statement
     * that started mid-line in the user's file keeps its shape at any indentation.
     */
    private static String dedent(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 1) {
            return text;
        }
        int common = Integer.MAX_VALUE;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int indent = 0;
            while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
                indent++;
            }
            if (indent < line.length()) {
                common = Math.min(common, indent);
            }
        }
        StringBuilder out = new StringBuilder(text.length()).append(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            out.append('\n').append(line, Math.min(common, leadingBlanks(line)), line.length());
        }
        return out.toString();
    }

    private static int leadingBlanks(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }
}
