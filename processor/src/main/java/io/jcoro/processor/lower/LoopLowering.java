package io.jcoro.processor.lower;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import io.jcoro.processor.diag.DiagnosticCode;
import io.jcoro.processor.ir.Label;
import io.jcoro.processor.ir.Op;
import io.jcoro.processor.ir.Temp;
import javax.lang.model.type.TypeMirror;

/** Lower: loops and switch statements that hold awaits. */
final class LoopLowering {
    private final LoweringContext ctx;

    LoopLowering(LoweringContext ctx) {
        this.ctx = ctx;
    }

    /**
     * [source] {@code while (c) S}
     * [ir]     {@code TOP: unless (c) goto END; S; goto TOP; END:}
     *          ({@code break} jumps to END, {@code continue} to TOP)
     */
    void lowerWhile(WhileLoopTree tree, String label) {
        Label top = new Label("while.top");
        Label end = new Label("while.end");
        ctx.mark(top);
        ctx.branchUnless(tree.getCondition(), end);
        ctx.targets.pushLoop(tree, label, end, top);
        ctx.lowerStatement(tree.getStatement(), null);
        ctx.targets.pop();
        ctx.jumpAfter(tree.getStatement(), top);
        ctx.mark(end);
    }
    /**
     * [source] {@code do S while (c);}
     * [ir]     {@code TOP: S; NEXT: unless (c) goto END; goto TOP; END:}
     *          ({@code continue} jumps to NEXT)
     */
    void lowerDoWhile(com.sun.source.tree.DoWhileLoopTree tree, String label) {
        Label top = new Label("do.top");
        Label next = new Label("do.next");
        Label end = new Label("do.end");
        ctx.mark(top);
        ctx.targets.pushLoop(tree, label, end, next);
        ctx.lowerStatement(tree.getStatement(), null);
        ctx.targets.pop();
        ctx.mark(next);
        ctx.branchUnless(tree.getCondition(), end);
        ctx.add(new Op.Jump(top));
        ctx.mark(end);
    }
    /**
     * [source] {@code for (init; c; update) S}
     * [ir]     {@code init; TOP: unless (c) goto END; S; NEXT: update; goto TOP; END:}
     *          ({@code continue} jumps to NEXT)
     */
    void lowerFor(com.sun.source.tree.ForLoopTree tree, String label) {
        Label top = new Label("for.top");
        Label next = new Label("for.next");
        Label end = new Label("for.end");
        ctx.lowerStatements(tree.getInitializer());
        ctx.mark(top);
        if (tree.getCondition() != null) {
            ctx.branchUnless(tree.getCondition(), end);
        }
        ctx.targets.pushLoop(tree, label, end, next);
        ctx.lowerStatement(tree.getStatement(), null);
        ctx.targets.pop();
        ctx.mark(next);
        ctx.lowerStatements(tree.getUpdate());
        ctx.add(new Op.Jump(top));
        ctx.mark(end);
    }
    /**
     * [source] {@code for (T x : e) S}
     * [ir]     {@code iter-init $it = e; TOP: iter-next x <- $it else goto END; S; goto TOP; END:}
     *          (JLS 14.14.2: the iterable is evaluated once, before the first element)
     */
    void lowerForEach(com.sun.source.tree.EnhancedForLoopTree tree, String label) {
        if (ctx.facts.eachLoops().contains(tree)) {
            lowerAsyncFor(tree, label);
            return;
        }
        Label top = new Label("foreach.top");
        Label end = new Label("foreach.end");
        ctx.spiller.spill(tree.getExpression(), tree.getExpression());
        TypeMirror iterable = ctx.typeOf(tree.getExpression());
        boolean array = iterable.getKind() == javax.lang.model.type.TypeKind.ARRAY;
        Temp iterator = ctx.ir.newTemp(array ? iterable : iteratorType(iterable));
        Temp index = array ? ctx.ir.newTemp(ctx.attribution.intType()) : null;
        ctx.add(new Op.IterInit(iterator, index, tree.getExpression()));
        ctx.mark(top);
        ctx.add(new Op.IterNext(iterator, index, tree.getVariable(), elementType(tree), end));
        ctx.targets.pushLoop(tree, label, end, top);
        ctx.lowerStatement(tree.getStatement(), null);
        ctx.targets.pop();
        ctx.jumpAfter(tree.getStatement(), top);
        ctx.mark(end);
    }
    /**
     * [source] {@code for (T x : each(g)) S} (async for)
     * [ir]     {@code spill $g = g; TOP: await-next $g -> L; L: take-next x else goto END; S;
     *          goto TOP; END:} (the loop ends when {@code next()} fails with StopAsyncIteration)
     */
    private void lowerAsyncFor(com.sun.source.tree.EnhancedForLoopTree tree, String label) {
        Label top = new Label("asyncfor.top");
        Label next = new Label("asyncfor.next");
        Label end = new Label("asyncfor.end");
        ExpressionTree generator = ((com.sun.source.tree.MethodInvocationTree) LoweringContext.strip(tree.getExpression()))
                .getArguments().get(0);
        ctx.spiller.spill(generator, generator);
        Temp source = ctx.ir.newTemp(ctx.typeOf(generator));
        ctx.add(new Op.Spill(source, generator));
        ctx.mark(top);
        ctx.add(new Op.AwaitNext(source, next));
        ctx.mark(next);
        ctx.add(new Op.TakeNext(tree.getVariable(), ctx.typeOf(tree.getVariable()), end));
        ctx.targets.pushLoop(tree, label, end, top);
        ctx.lowerStatement(tree.getStatement(), null);
        ctx.targets.pop();
        ctx.jumpAfter(tree.getStatement(), top);
        ctx.mark(end);
    }

    /**
     * [source] {@code switch (s) { case A: S1 case B, C: S2 default: S3 }}
     * [ir]     {@code spill $t = s; switch $t {A -> L1, B/C -> L2, else -> L3}; L1: S1; L2: S2;
     *          L3: S3; END:} (fall-through is the order of the labels; an arrow case jumps
     *          to END after its body; {@code break} jumps to END; patterns and guards: see
     *          {@link SwitchDispatch})
     */
    void lowerSwitch(com.sun.source.tree.SwitchTree tree, String label) {
        Label end = new Label("switch.end");
        ExpressionTree selector = LoweringContext.strip(tree.getExpression());
        Temp temp = null;
        if (ctx.facts.suspends(selector)) {
            ctx.spiller.spill(selector, tree);
            temp = ctx.ir.newTemp(ctx.typeOf(selector));
            ctx.add(new Op.Spill(temp, selector));
        }
        java.util.List<Label> bodies = ctx.switches.dispatch(tree.getCases(), selector, temp, end);
        ctx.targets.pushSwitch(tree, label, end);
        for (int i = 0; i < tree.getCases().size(); i++) {
            com.sun.source.tree.CaseTree c = tree.getCases().get(i);
            ctx.mark(bodies.get(i));
            if (c.getCaseKind() == com.sun.source.tree.CaseTree.CaseKind.RULE) {
                Tree body = c.getBody();
                if (body instanceof com.sun.source.tree.StatementTree statement) {
                    ctx.lowerStatement(statement, null);
                    ctx.jumpAfter(statement, end);
                } else {
                    // case X -> expression;  the expression is evaluated as a statement
                    ctx.spiller.spill((ExpressionTree) body, body);
                    ctx.add(new Op.Eval((ExpressionTree) body));
                    ctx.add(new Op.Jump(end));
                }
            } else {
                ctx.lowerStatements(c.getStatements());
            }
        }
        ctx.targets.pop();
        ctx.mark(end);
    }
    private TypeMirror iteratorType(TypeMirror iterable) {
        return ctx.attribution.iteratorTypeOf(iterable);
    }
    private TypeMirror elementType(com.sun.source.tree.EnhancedForLoopTree tree) {
        return ctx.typeOf(tree.getVariable());
    }}
