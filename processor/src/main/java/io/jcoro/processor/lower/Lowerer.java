package io.jcoro.processor.lower;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import io.jcoro.processor.analyze.BodyFacts;
import io.jcoro.processor.attribute.Attribution;
import io.jcoro.processor.ir.Label;
import io.jcoro.processor.ir.Op;
import io.jcoro.processor.model.AsyncMethod;
import javax.lang.model.element.VariableElement;

/**
 * Lower: turns a body into the flat IR of {@link io.jcoro.processor.ir}. A statement that
 * contains no suspension is kept whole ({@code Code}); one that does is exploded into labels and
 * jumps: straight-line statements here, loops and switches in {@link LoopLowering}, try
 * statements in {@link TryLowering}, awaits inside expressions in {@link Spiller}. Each
 * {@code lower*} method shows the source it handles and the IR it makes.
 */
public final class Lowerer {
    private final Attribution attribution;

    public Lowerer(Attribution attribution) {
        this.attribution = attribution;
    }

    /** Lowers one statement (the recursion that the lowering classes share). */
    interface StatementLowering {
        void lower(StatementTree statement, String label);
    }

    /**
     * Lowers {@code method}'s body. Every misuse was reported by the analyze pass before, so
     * this pass reports nothing: a body it cannot lower is a bug (JCORO-E023).
     */
    public LoweredBody lower(AsyncMethod method, BodyFacts facts) {
        Run run = new Run(method, facts);
        run.ctx.lowerStatements(method.tree().getBody().getStatements());
        return run.ctx.ir.build();
    }

    /** One lowering: dispatches each statement to the lowering of its kind. */
    private final class Run implements StatementLowering {
        private final LoweringContext ctx;
        private final LoopLowering loops;
        private final TryLowering tries;

        Run(AsyncMethod method, BodyFacts facts) {
            this.ctx = new LoweringContext(method, facts, attribution, this);
            this.loops = new LoopLowering(ctx);
            this.tries = new TryLowering(ctx);
        }

        @Override
        public void lower(StatementTree statement, String label) {
            if (!ctx.facts.suspends(statement)) {
                ctx.emitCode(statement);
                return;
            }
            switch (statement.getKind()) {
                case BLOCK -> ctx.lowerStatements(((BlockTree) statement).getStatements());
                case EXPRESSION_STATEMENT -> lowerExpressionStatement((ExpressionStatementTree) statement);
                case VARIABLE -> lowerVariable((VariableTree) statement);
                case IF -> lowerIf((IfTree) statement);
                case RETURN -> lowerReturn((ReturnTree) statement);
                case THROW -> lowerThrow((ThrowTree) statement);
                case LABELED_STATEMENT -> lowerLabeled((LabeledStatementTree) statement);
                case WHILE_LOOP -> loops.lowerWhile((WhileLoopTree) statement, label);
                case DO_WHILE_LOOP -> loops.lowerDoWhile((DoWhileLoopTree) statement, label);
                case FOR_LOOP -> loops.lowerFor((ForLoopTree) statement, label);
                case ENHANCED_FOR_LOOP -> loops.lowerForEach((EnhancedForLoopTree) statement, label);
                case SWITCH -> loops.lowerSwitch((SwitchTree) statement, label);
                case TRY -> tries.lowerTry((TryTree) statement);
                case YIELD -> lowerYield((com.sun.source.tree.YieldTree) statement);
                case ASSERT -> lowerAssert((com.sun.source.tree.AssertTree) statement);
                // synchronized, local classes: the scanner has reported their awaits already
                default -> throw new IllegalStateException("no lowering for a suspending " + statement.getKind());
            }
        }

        /**
         * [source] {@code await(e);} | {@code name = await(e);} | {@code local += await(e);} |
         *          {@code emit(v);} | {@code name = emit(v);}
         * [ir]     {@code await e -> L; L: take discard | assign v | v += }; anything else
         *          spills its awaits and keeps the statement
         */
        private void lowerExpressionStatement(ExpressionStatementTree statement) {
            ExpressionTree expression = statement.getExpression();
            MethodInvocationTree await = ctx.asSuspension(expression);
            if (await != null) {
                ctx.suspend(await, new Op.Use.Discard());
            } else if (expression instanceof AssignmentTree assignment
                    && assignment.getVariable() instanceof IdentifierTree
                    && (await = ctx.asSuspension(assignment.getExpression())) != null) {
                // a simple name has no subexpressions to evaluate before the right side (JLS 15.26.1)
                ctx.suspend(await, new Op.Use.Assign(assignment.getVariable(), "="));
            } else if (expression instanceof CompoundAssignmentTree compound
                    && isLocalName(compound.getVariable()) && (await = ctx.asAwait(compound.getExpression())) != null
                    && !Spiller.assigns(await)) {
                // a local cannot change while the frame is suspended, so reading it after the
                // await is the same as reading it before (JLS 15.26.2 evaluates it first)
                ctx.suspend(await, new Op.Use.Assign(compound.getVariable(), Operators.compound(compound.getKind())));
            } else {
                ctx.spiller.spill(expression, statement);
                ctx.emitCode(statement);
            }
        }

        /**
         * [source] {@code T v = await(e);}
         * [ir]     {@code await e -> L; L: take decl v}
         */
        private void lowerVariable(VariableTree variable) {
            MethodInvocationTree await = ctx.asSuspension(variable.getInitializer());
            if (await != null) {
                ctx.suspend(await, new Op.Use.Declare(variable));
                return;
            }
            ctx.spiller.spill(variable.getInitializer(), variable);
            ctx.emitCode(variable);
        }

        /**
         * [source] {@code if (c) S1 else S2}
         * [ir]     {@code unless (c) goto ELSE; S1; goto END; ELSE: S2; END:}
         *          with {@code c = await(e)}: {@code await e -> L; L: take unless true -> ELSE}
         */
        private void lowerIf(IfTree tree) {
            Label elseLabel = new Label("if.else");
            Label end = tree.getElseStatement() == null ? elseLabel : new Label("if.end");
            ctx.branchUnless(tree.getCondition(), elseLabel);
            ctx.lowerStatement(tree.getThenStatement(), null);
            if (tree.getElseStatement() != null) {
                ctx.jumpAfter(tree.getThenStatement(), end);
                ctx.mark(elseLabel);
                ctx.lowerStatement(tree.getElseStatement(), null);
            }
            ctx.mark(end);
        }

        /**
         * [source] {@code return done(await(e));}
         * [ir]     {@code await e -> L; L: take return}; inside an exploded finally's region, or
         *          with other awaits, the awaits are spilled and the return routed as an exit
         */
        private void lowerReturn(ReturnTree tree) {
            if (ctx.targets.innermostFinally() == null
                    && tree.getExpression() instanceof MethodInvocationTree done && ctx.facts.isDone(done)
                    && done.getArguments().size() == 1) {
                MethodInvocationTree await = ctx.asAwait(done.getArguments().get(0));
                if (await != null) {
                    ctx.suspend(await, new Op.Use.Return());
                    return;
                }
            }
            ctx.spiller.spill(tree.getExpression(), tree);
            ctx.emitCode(tree);
        }

        /**
         * [source] {@code yield v;} in an exploded switch expression
         * [ir]     {@code spill $r = v; goto END} (its awaits spilled first)
         */
        private void lowerYield(com.sun.source.tree.YieldTree tree) {
            Op.Exit.Yield target = ctx.targets.yieldTarget();
            if (target == null) {
                throw new io.jcoro.processor.diag.AbortMethod(); // a yield outside a switch expression: javac says so
            }
            ctx.spiller.spill(tree.getValue(), tree);
            ctx.add(new Op.Spill(target.result(), tree.getValue()));
            ctx.add(new Op.Jump(target.end()));
        }

        /**
         * [source] {@code assert c : d;}
         * [ir]     {@code unless assertions goto END; unless (c) goto FAIL; goto END;
         *          FAIL: (d's awaits spilled) fail-assertion d; END:} — with assertions disabled
         *          nothing is evaluated, and {@code d} only when {@code c} is false (JLS 14.10)
         */
        private void lowerAssert(com.sun.source.tree.AssertTree tree) {
            Label fail = new Label("assert.fail");
            Label end = new Label("assert.end");
            ctx.add(new Op.JumpIfAssertionsDisabled(end));
            ctx.branchUnless(tree.getCondition(), fail);
            ctx.add(new Op.Jump(end));
            ctx.mark(fail);
            if (tree.getDetail() != null) {
                ctx.spiller.spill(tree.getDetail(), tree);
            }
            ctx.add(new Op.FailAssertion(tree));
            ctx.mark(end);
        }

        /** [source] {@code throw await(e);} [ir] the awaits spilled, then {@code code throw $t0;} */
        private void lowerThrow(ThrowTree tree) {
            ctx.spiller.spill(tree.getExpression(), tree);
            ctx.emitCode(tree);
        }

        /**
         * [source] {@code name: S}
         * [ir]     {@code S} with {@code name} as the label of its loop targets; a labelled
         *          block exits to END on {@code break name}
         */
        private void lowerLabeled(LabeledStatementTree tree) {
            String name = tree.getLabel().toString();
            switch (tree.getStatement().getKind()) {
                case WHILE_LOOP, DO_WHILE_LOOP, FOR_LOOP, ENHANCED_FOR_LOOP, SWITCH -> {
                    ctx.lowerStatement(tree.getStatement(), name);
                    return;
                }
                default -> { }
            }
            Label end = new Label("labeled.end");
            ctx.targets.pushBlock(tree, name, end);
            ctx.lowerStatement(tree.getStatement(), name);
            ctx.targets.pop();
            ctx.mark(end);
        }

        private boolean isLocalName(ExpressionTree target) {
            return target instanceof IdentifierTree && ctx.facts.localRefs().get(target) instanceof VariableElement;
        }
    }
}
