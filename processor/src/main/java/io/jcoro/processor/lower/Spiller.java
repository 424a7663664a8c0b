package io.jcoro.processor.lower;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import io.jcoro.processor.analyze.BodyFacts;
import io.jcoro.processor.attribute.Attribution;
import io.jcoro.processor.ir.Label;
import io.jcoro.processor.ir.Op;
import io.jcoro.processor.ir.Temp;
import io.jcoro.processor.model.AsyncMethod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Normalises an expression that contains awaits so that every await happens at statement level,
 * keeping JLS 15.7's evaluation order and short-circuiting exactly: each await becomes
 * {@code await e -> L; L: take -> $tN}, and every operand that Java evaluates before an await is
 * saved in a temp first, unless its value cannot change meanwhile (a literal, a constant, an
 * unassigned local, {@code this}). What remains of the expression is printed afterwards with
 * those subtrees replaced ({@link Op.Replacement}).
 *
 * <pre>
 * [source] total = base.value() + await(fetch(id)) * 2;
 * [ir]     spill $t0 = base.value()
 *          await fetch(id) -> L1
 *     L1:  take -> $t1
 *          code total = $t0 + $t1 * 2;
 * </pre>
 */
final class Spiller {
    private final IrBuilder ir;
    private final BodyFacts facts;
    private final Attribution attribution;
    private final AsyncMethod method;
    /** Locals assigned anywhere in the statement being lowered: their reads are not stable. */
    private final Set<Element> assignedHere = new HashSet<>();

    private final java.util.Map<Tree, TreePath> paths;

    private final LoweringContext ctx;

    Spiller(LoweringContext ctx, java.util.Map<Tree, TreePath> paths) {
        this.ctx = ctx;
        this.paths = paths;
        this.ir = ctx.ir;
        this.facts = ctx.facts;
        this.attribution = ctx.attribution;
        this.method = ctx.method;
    }

    /** True if {@code tree} assigns or increments anything. */
    static boolean assigns(Tree tree) {
        boolean[] found = new boolean[1];
        new TreeScanner<Void, Void>() {
            @Override
            public Void scan(Tree node, Void unused) {
                if (node instanceof AssignmentTree || node instanceof CompoundAssignmentTree
                        || (node != null && switch (node.getKind()) {
                            case POSTFIX_INCREMENT, POSTFIX_DECREMENT, PREFIX_INCREMENT, PREFIX_DECREMENT -> true;
                            default -> false;
                        })) {
                    found[0] = true;
                }
                return found[0] ? null : super.scan(node, unused);
            }
        }.scan(tree, null);
        return found[0];
    }

    /** Evaluates the awaits of {@code expression}, a part of {@code statement}. */
    void spill(ExpressionTree expression, Tree statement) {
        assignedHere.clear();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitAssignment(AssignmentTree tree, Void unused) {
                assignedHere.add(facts.localRefs().get(tree.getVariable()));
                return super.visitAssignment(tree, unused);
            }

            @Override
            public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
                assignedHere.add(facts.localRefs().get(tree.getVariable()));
                return super.visitCompoundAssignment(tree, unused);
            }

            @Override
            public Void visitUnary(UnaryTree tree, Void unused) {
                assignedHere.add(facts.localRefs().get(tree.getExpression()));
                return super.visitUnary(tree, unused);
            }
        }.scan(statement, null);
        evaluate(expression);
    }

    /** Emits the ops that evaluate the awaits in {@code e}; afterwards {@code e} prints without them. */
    private void evaluate(ExpressionTree e) {
        if (e == null || !facts.suspends(e)) {
            return;
        }
        switch (e.getKind()) {
            case METHOD_INVOCATION -> {
                MethodInvocationTree call = (MethodInvocationTree) e;
                if (facts.isAwait(call) || facts.isEmit(call)) {
                    suspendIntoTemp(call);
                } else {
                    List<ExpressionTree> order = new ArrayList<>();
                    if (call.getMethodSelect() instanceof MemberSelectTree select && isValue(select.getExpression())) {
                        order.add(select.getExpression());
                    }
                    order.addAll(call.getArguments());
                    inOrder(order);
                }
            }
            case NEW_CLASS -> {
                NewClassTree creation = (NewClassTree) e;
                List<ExpressionTree> order = new ArrayList<>();
                if (creation.getEnclosingExpression() != null) {
                    order.add(creation.getEnclosingExpression());
                }
                order.addAll(creation.getArguments());
                inOrder(order);
            }
            case NEW_ARRAY -> {
                NewArrayTree array = (NewArrayTree) e;
                List<ExpressionTree> order = new ArrayList<>(array.getDimensions());
                if (array.getInitializers() != null) {
                    order.addAll(array.getInitializers());
                }
                inOrder(order);
            }
            case PARENTHESIZED -> evaluate(((ParenthesizedTree) e).getExpression());
            case TYPE_CAST -> evaluate(((TypeCastTree) e).getExpression());
            case INSTANCE_OF -> evaluate(((InstanceOfTree) e).getExpression());
            case MEMBER_SELECT -> evaluate(((MemberSelectTree) e).getExpression());
            // JLS 15.13.3: the qualifier is evaluated (and null-checked) where the reference is
            case MEMBER_REFERENCE -> evaluate(((com.sun.source.tree.MemberReferenceTree) e).getQualifierExpression());
            case ARRAY_ACCESS -> inOrder(List.of(((ArrayAccessTree) e).getExpression(), ((ArrayAccessTree) e).getIndex()));
            case CONDITIONAL_AND, CONDITIONAL_OR -> shortCircuit((BinaryTree) e);
            case CONDITIONAL_EXPRESSION -> conditional((ConditionalExpressionTree) e);
            case SWITCH_EXPRESSION -> switchExpression((com.sun.source.tree.SwitchExpressionTree) e);
            case ASSIGNMENT -> {
                AssignmentTree assignment = (AssignmentTree) e;
                List<ExpressionTree> order = new ArrayList<>(targetOperands(assignment.getVariable()));
                order.add(assignment.getExpression());
                inOrder(order);
            }
            case POSTFIX_INCREMENT, POSTFIX_DECREMENT, PREFIX_INCREMENT, PREFIX_DECREMENT ->
                    inOrder(targetOperands(((UnaryTree) e).getExpression()));
            default -> {
                if (e instanceof CompoundAssignmentTree compound) {
                    compoundAssignment(compound);
                } else if (e instanceof BinaryTree binary) {
                    inOrder(List.of(binary.getLeftOperand(), binary.getRightOperand()));
                } else if (e instanceof UnaryTree unary) {
                    evaluate(unary.getExpression());
                } else {
                    // lambdas: the scanner has reported their awaits already
                    throw new IllegalStateException("no lowering for an await inside a " + e.getKind());
                }
            }
        }
    }

    /**
     * Operands evaluated left to right: each one before the last that suspends is evaluated (its
     * own awaits first) and, unless stable, saved in a temp; the ones after it stay in place.
     */
    private void inOrder(List<? extends ExpressionTree> operands) {
        int last = -1;
        for (int i = 0; i < operands.size(); i++) {
            if (facts.suspends(operands.get(i))) {
                last = i;
            }
        }
        for (int i = 0; i <= last; i++) {
            ExpressionTree operand = operands.get(i);
            evaluate(operand);
            if (i < last && !isStable(operand)) {
                save(operand);
            }
        }
    }

    /**
     * [source] {@code a && await(b)}
     * [ir]     {@code spill $t = a; if $t == false goto END; await b -> L; L: take -> $u;
     *          spill $t = $u; END:}, and the expression prints as {@code $t}
     */
    private void shortCircuit(BinaryTree tree) {
        if (!facts.suspends(tree.getRightOperand())) {
            evaluate(tree.getLeftOperand());
            return;
        }
        Temp result = ir.newTemp(typeOf(tree));
        Label end = new Label(tree.getKind() == Tree.Kind.CONDITIONAL_AND ? "and.end" : "or.end");
        evaluate(tree.getLeftOperand());
        ir.add(new Op.Spill(result, tree.getLeftOperand()));
        ir.add(new Op.JumpIfTemp(result, tree.getKind() == Tree.Kind.CONDITIONAL_OR, end));
        evaluate(tree.getRightOperand());
        ir.add(new Op.Spill(result, tree.getRightOperand()));
        ir.mark(end);
        ir.replacements.put(tree, new Op.Replacement.ByTemp(result));
    }

    /**
     * [source] {@code c ? await(x) : y}
     * [ir]     {@code unless (c) goto ELSE; await x -> L; L: take -> $u; spill $t = $u; goto END;
     *          ELSE: spill $t = y; END:}, and the expression prints as {@code $t}
     */
    private void conditional(ConditionalExpressionTree tree) {
        evaluate(tree.getCondition());
        if (!facts.suspends(tree.getTrueExpression()) && !facts.suspends(tree.getFalseExpression())) {
            return;
        }
        Temp result = ir.newTemp(typeOf(tree));
        Label otherwise = new Label("cond.else");
        Label end = new Label("cond.end");
        ir.add(new Op.JumpUnless(tree.getCondition(), otherwise));
        evaluate(tree.getTrueExpression());
        ir.add(new Op.Spill(result, tree.getTrueExpression()));
        ir.add(new Op.Jump(end));
        ir.mark(otherwise);
        evaluate(tree.getFalseExpression());
        ir.add(new Op.Spill(result, tree.getFalseExpression()));
        ir.mark(end);
        ir.replacements.put(tree, new Op.Replacement.ByTemp(result));
    }

    /**
     * [source] {@code switch (s) { case A -> await(x); case B -> { S; yield y; } default -> z; }}
     * [ir]     {@code spill $s = s; switch $s {A -> L1, B -> L2, else -> L3};
     *          L1: await x -> L; L: take -> $u; spill $r = $u; goto END;
     *          L2: S; spill $r = y; goto END; L3: spill $r = z; goto END; END:}, and the
     *          expression prints as {@code $r} ({@code yield} inside kept statements is an exit)
     */
    private void switchExpression(com.sun.source.tree.SwitchExpressionTree tree) {
        ExpressionTree selector = LoweringContext.strip(tree.getExpression());
        evaluate(selector);
        Temp selected = ir.newTemp(typeOf(selector));
        ir.add(new Op.Spill(selected, selector));
        Temp result = ir.newTemp(typeOf(tree));
        Label end = new Label("switch.end");
        // without a default (an exhaustive enum switch), the dispatch is itself a switch
        // expression, so javac adds the same no-match error the user's switch would have
        List<Label> bodies = ctx.switches.dispatch(tree.getCases(), selector, selected, null);
        ctx.targets.pushYield(result, end);
        for (int i = 0; i < tree.getCases().size(); i++) {
            com.sun.source.tree.CaseTree c = tree.getCases().get(i);
            ir.mark(bodies.get(i));
            if (c.getCaseKind() == com.sun.source.tree.CaseTree.CaseKind.RULE) {
                Tree body = c.getBody();
                if (body instanceof ExpressionTree value) {
                    evaluate(value);
                    ir.add(new Op.Spill(result, value));
                    ir.add(new Op.Jump(end));
                } else {
                    // a block that yields, or a throw statement
                    ctx.lowerStatement((com.sun.source.tree.StatementTree) body, null);
                    ctx.landIfNeeded((com.sun.source.tree.StatementTree) body);
                    ir.add(new Op.Jump(end)); // unreachable in valid Java: every path yields or throws
                }
            } else {
                ctx.lowerStatements(c.getStatements());
            }
        }
        ctx.targets.popYield();
        ir.mark(end);
        ir.replacements.put(tree, new Op.Replacement.ByTemp(result));
    }

    /**
     * [source] {@code a[i] += await(x)}
     * [ir]     {@code spill $t0 = a; spill $t1 = i; spill $t2 = $t0[$t1]; await x -> L; L: take -> $t3}
     *          and the assignment prints as {@code $t0[$t1] = (T) ($t2 + $t3)}: the old value is
     *          read before the right side runs (JLS 15.26.2)
     */
    private void compoundAssignment(CompoundAssignmentTree tree) {
        List<ExpressionTree> target = targetOperands(tree.getVariable());
        if (!facts.suspends(tree.getExpression())) {
            inOrder(target);
            return;
        }
        for (ExpressionTree operand : target) {
            evaluate(operand);
            if (!isStable(operand)) {
                save(operand);
            }
        }
        Temp old = ir.newTemp(typeOf(tree.getVariable()));
        ir.add(new Op.Spill(old, tree.getVariable()));
        evaluate(tree.getExpression());
        ir.replacements.put(tree, new Op.Replacement.CompoundWrite(tree, old, typeOf(tree.getVariable()),
                Operators.binary(tree.getKind())));
    }

    /**
     * [source] {@code await(e)} or {@code emit(v)} inside an expression
     * [ir]     {@code await e -> L; L: take -> $t} (or {@code emit}), and the call prints as {@code $t}
     */
    private void suspendIntoTemp(MethodInvocationTree call) {
        evaluate(call.getArguments().get(0));
        Temp value = ir.newTemp(typeOf(call));
        ctx.suspendOn(call, new Op.Use.ToTemp(value));
        ir.replacements.put(call, new Op.Replacement.ByTemp(value));
    }

    private void save(ExpressionTree operand) {
        Temp temp = ir.newTemp(typeOf(operand));
        ir.add(new Op.Spill(temp, operand));
        ir.replacements.put(operand, new Op.Replacement.ByTemp(temp));
    }

    /** The operands an assignment target evaluates before the right side: {@code a} and {@code i} of {@code a[i]}. */
    private List<ExpressionTree> targetOperands(ExpressionTree target) {
        ExpressionTree t = target;
        while (t instanceof ParenthesizedTree parens) {
            t = parens.getExpression();
        }
        if (t instanceof ArrayAccessTree access) {
            return List.of(access.getExpression(), access.getIndex());
        }
        if (t instanceof MemberSelectTree select && isValue(select.getExpression())) {
            return List.of(select.getExpression());
        }
        return List.of();
    }

    /** True if reading {@code e} later gives the same value with no other effect. */
    private boolean isStable(ExpressionTree e) {
        if (ir.replacements.get(e) instanceof Op.Replacement.ByTemp) {
            return true; // already evaluated into a temp, which nothing else assigns
        }
        while (e instanceof ParenthesizedTree parens) {
            e = parens.getExpression();
            if (ir.replacements.get(e) instanceof Op.Replacement.ByTemp) {
                return true;
            }
        }
        if (e.getKind() == Tree.Kind.LAMBDA_EXPRESSION || e instanceof com.sun.source.tree.LiteralTree) {
            return true;
        }
        if (e.getKind() == Tree.Kind.MEMBER_SELECT && ((MemberSelectTree) e).getIdentifier().contentEquals("class")) {
            return true;
        }
        if (e instanceof IdentifierTree identifier) {
            if (identifier.getName().contentEquals("this")) {
                return true;
            }
            VariableElement local = facts.localRefs().get(e);
            if (local != null) {
                return !assignedHere.contains(local);
            }
        }
        Element element = elementOf(e);
        return element instanceof VariableElement variable && variable.getConstantValue() != null;
    }

    /** False for a receiver that is a type or package name ({@code Math.max(...)}). */
    private boolean isValue(ExpressionTree receiver) {
        Element element = elementOf(receiver);
        if (element == null) {
            return true;
        }
        ElementKind kind = element.getKind();
        return !(kind.isClass() || kind.isInterface() || kind == ElementKind.PACKAGE)
                || (receiver instanceof IdentifierTree id && (id.getName().contentEquals("this")));
    }

    private Element elementOf(Tree tree) {
        TreePath path = paths.get(tree);
        return path == null ? null : attribution.elementOf(path);
    }

    private javax.lang.model.type.TypeMirror typeOf(Tree tree) {
        javax.lang.model.type.TypeMirror type = attribution.typeOf(paths.get(tree));
        return type.getKind() == TypeKind.NULL ? attribution.objectType() : type;
    }
}
