package io.jcoro.processor.lower;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import io.jcoro.processor.analyze.BodyFacts;
import io.jcoro.processor.attribute.Attribution;
import io.jcoro.processor.diag.AbortMethod;
import io.jcoro.processor.diag.DiagnosticCode;
import io.jcoro.processor.diag.Diagnostics;
import io.jcoro.processor.ir.Label;
import io.jcoro.processor.ir.Op;
import io.jcoro.processor.ir.Temp;
import io.jcoro.processor.model.AsyncMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Lower: turns a body into the flat IR of {@link io.jcoro.processor.ir}. A statement that
 * contains no suspension is kept whole ({@code Code}); one that does is exploded into labels and
 * jumps. Each {@code lower*} method shows the source it handles and the IR it makes.
 */
public final class Lowerer {
    private final Attribution attribution;
    private final Diagnostics diagnostics;

    public Lowerer(Attribution attribution, Diagnostics diagnostics) {
        this.attribution = attribution;
        this.diagnostics = diagnostics;
    }

    /** Lowers {@code method}'s body; throws {@link AbortMethod} after reporting what it cannot lower. */
    public LoweredBody lower(AsyncMethod method, BodyFacts facts) {
        Run run = new Run(method, facts);
        run.lowerStatements(method.tree().getBody().getStatements());
        if (diagnostics.errorCount() > run.errorsBefore) {
            throw new AbortMethod();
        }
        return run.ir.build();
    }

    /** The state of one lowering. */
    private final class Run {
        private final AsyncMethod method;
        private final BodyFacts facts;
        private final int errorsBefore = diagnostics.errorCount();
        private final IrBuilder ir = new IrBuilder();
        private final List<Op> ops = ir.ops;
        private final TargetStack targets = new TargetStack();
        private final Spiller spiller;

        Run(AsyncMethod method, BodyFacts facts) {
            this.method = method;
            this.facts = facts;
            this.spiller = new Spiller(ir, facts, attribution, diagnostics, method);
        }

        void lowerStatements(List<? extends StatementTree> statements) {
            for (StatementTree statement : statements) {
                lowerStatement(statement, null);
            }
        }

        /** @param label the label of an enclosing labelled statement, if this is its body */
        void lowerStatement(StatementTree statement, String label) {
            if (!facts.suspends(statement)) {
                emitCode(statement);
                return;
            }
            switch (statement.getKind()) {
                case BLOCK -> lowerStatements(((BlockTree) statement).getStatements());
                case EXPRESSION_STATEMENT -> lowerExpressionStatement((ExpressionStatementTree) statement);
                case VARIABLE -> lowerVariable((VariableTree) statement);
                case IF -> lowerIf((IfTree) statement);
                case WHILE_LOOP -> lowerWhile((WhileLoopTree) statement, label);
                case DO_WHILE_LOOP -> lowerDoWhile((com.sun.source.tree.DoWhileLoopTree) statement, label);
                case FOR_LOOP -> lowerFor((com.sun.source.tree.ForLoopTree) statement, label);
                case ENHANCED_FOR_LOOP -> lowerForEach((com.sun.source.tree.EnhancedForLoopTree) statement, label);
                case SWITCH -> lowerSwitch((com.sun.source.tree.SwitchTree) statement, label);
                case TRY -> lowerTry((com.sun.source.tree.TryTree) statement);
                case RETURN -> lowerReturn((ReturnTree) statement);
                case LABELED_STATEMENT -> lowerLabeled((LabeledStatementTree) statement);
                case THROW -> {
                    spiller.spill(((com.sun.source.tree.ThrowTree) statement).getExpression(), statement);
                    emitCode(statement);
                }
                default -> diagnostics.report(DiagnosticCode.UNSUPPORTED_SUSPENDING_STATEMENT, statement,
                        method.unit(), method.element(), keyword(statement));
            }
        }

        /**
         * [source] {@code x++; foo(y);} (no await inside)
         * [ir]     {@code code x++;}; a {@code break}/{@code continue} inside that leaves an
         *          exploded loop is recorded as a jump to that loop's label
         */
        private void emitCode(StatementTree statement) {
            ops.add(new Op.Code(statement));
            new JumpScanner(targets, ir.exits).scan(statement, null);
        }

        /**
         * [source] {@code await(e);} | {@code name = await(e);} | {@code local += await(e);}
         * [ir]     {@code await e -> L; L: take discard | assign v | v += }
         */
        private void lowerExpressionStatement(ExpressionStatementTree statement) {
            ExpressionTree expression = statement.getExpression();
            MethodInvocationTree await = asAwait(expression);
            if (await != null) {
                suspend(await, new Op.Use.Discard());
            } else if (expression instanceof AssignmentTree assignment
                    && assignment.getVariable() instanceof IdentifierTree
                    && (await = asAwait(assignment.getExpression())) != null) {
                // a simple name has no subexpressions to evaluate before the right side (JLS 15.26.1)
                suspend(await, new Op.Use.Assign(assignment.getVariable(), "="));
            } else if (expression instanceof CompoundAssignmentTree compound
                    && isLocalName(compound.getVariable()) && (await = asAwait(compound.getExpression())) != null
                    && !Spiller.assigns(await)) {
                // a local cannot change while the frame is suspended, so reading it after the
                // await is the same as reading it before (JLS 15.26.2 evaluates it first)
                suspend(await, new Op.Use.Assign(compound.getVariable(), Operators.compound(compound.getKind())));
            } else {
                spiller.spill(expression, statement);
                emitCode(statement);
            }
        }

        /**
         * [source] {@code T v = await(e);}
         * [ir]     {@code await e -> L; L: take decl v}
         */
        private void lowerVariable(VariableTree variable) {
            MethodInvocationTree await = asAwait(variable.getInitializer());
            if (await != null) {
                suspend(await, new Op.Use.Declare(variable));
                return;
            }
            spiller.spill(variable.getInitializer(), variable);
            emitCode(variable);
        }

        /**
         * [source] {@code if (c) S1 else S2}
         * [ir]     {@code unless (c) goto ELSE; S1; goto END; ELSE: S2; END:}
         *          with {@code c = await(e)}: {@code await e -> L; L: take unless true -> ELSE}
         */
        private void lowerIf(IfTree tree) {
            Label elseLabel = new Label("if.else");
            Label end = tree.getElseStatement() == null ? elseLabel : new Label("if.end");
            branchUnless(tree.getCondition(), elseLabel);
            lowerStatement(tree.getThenStatement(), null);
            if (tree.getElseStatement() != null) {
                jumpAfter(tree.getThenStatement(), end);
                mark(elseLabel);
                lowerStatement(tree.getElseStatement(), null);
            }
            mark(end);
        }

        /**
         * [source] {@code while (c) S}
         * [ir]     {@code TOP: unless (c) goto END; S; goto TOP; END:}
         *          ({@code break} jumps to END, {@code continue} to TOP)
         */
        private void lowerWhile(WhileLoopTree tree, String label) {
            Label top = new Label("while.top");
            Label end = new Label("while.end");
            mark(top);
            branchUnless(tree.getCondition(), end);
            targets.pushLoop(tree, label, end, top);
            lowerStatement(tree.getStatement(), null);
            targets.pop();
            jumpAfter(tree.getStatement(), top);
            mark(end);
        }

        /**
         * [source] {@code do S while (c);}
         * [ir]     {@code TOP: S; NEXT: unless (c) goto END; goto TOP; END:}
         *          ({@code continue} jumps to NEXT)
         */
        private void lowerDoWhile(com.sun.source.tree.DoWhileLoopTree tree, String label) {
            Label top = new Label("do.top");
            Label next = new Label("do.next");
            Label end = new Label("do.end");
            mark(top);
            targets.pushLoop(tree, label, end, next);
            lowerStatement(tree.getStatement(), null);
            targets.pop();
            mark(next);
            branchUnless(tree.getCondition(), end);
            ops.add(new Op.Jump(top));
            mark(end);
        }

        /**
         * [source] {@code for (init; c; update) S}
         * [ir]     {@code init; TOP: unless (c) goto END; S; NEXT: update; goto TOP; END:}
         *          ({@code continue} jumps to NEXT)
         */
        private void lowerFor(com.sun.source.tree.ForLoopTree tree, String label) {
            Label top = new Label("for.top");
            Label next = new Label("for.next");
            Label end = new Label("for.end");
            lowerStatements(tree.getInitializer());
            mark(top);
            if (tree.getCondition() != null) {
                branchUnless(tree.getCondition(), end);
            }
            targets.pushLoop(tree, label, end, next);
            lowerStatement(tree.getStatement(), null);
            targets.pop();
            mark(next);
            lowerStatements(tree.getUpdate());
            ops.add(new Op.Jump(top));
            mark(end);
        }

        /**
         * [source] {@code for (T x : e) S}
         * [ir]     {@code iter-init $it = e; TOP: iter-next x <- $it else goto END; S; goto TOP; END:}
         *          (JLS 14.14.2: the iterable is evaluated once, before the first element)
         */
        private void lowerForEach(com.sun.source.tree.EnhancedForLoopTree tree, String label) {
            Label top = new Label("foreach.top");
            Label end = new Label("foreach.end");
            spiller.spill(tree.getExpression(), tree.getExpression());
            TypeMirror iterable = typeOf(tree.getExpression());
            boolean array = iterable.getKind() == javax.lang.model.type.TypeKind.ARRAY;
            Temp iterator = ir.newTemp(array ? iterable : iteratorType(iterable));
            Temp index = array ? ir.newTemp(attribution.intType()) : null;
            ops.add(new Op.IterInit(iterator, index, tree.getExpression()));
            mark(top);
            ops.add(new Op.IterNext(iterator, index, tree.getVariable(), elementType(tree), end));
            targets.pushLoop(tree, label, end, top);
            lowerStatement(tree.getStatement(), null);
            targets.pop();
            jumpAfter(tree.getStatement(), top);
            mark(end);
        }

        /**
         * [source] {@code switch (s) { case A: S1 case B, C: S2 default: S3 }}
         * [ir]     {@code spill $t = s; switch $t {A -> L1, B/C -> L2, else -> L3}; L1: S1; L2: S2;
         *          L3: S3; END:} (fall-through is the order of the labels; an arrow case jumps
         *          to END after its body; {@code break} jumps to END)
         */
        private void lowerSwitch(com.sun.source.tree.SwitchTree tree, String label) {
            Label end = new Label("switch.end");
            ExpressionTree selector = strip(tree.getExpression());
            Temp temp = null;
            if (facts.suspends(selector)) {
                spiller.spill(selector, tree);
                temp = ir.newTemp(typeOf(selector));
                ops.add(new Op.Spill(temp, selector));
            }
            java.util.List<Op.SwitchJump.Case> cases = new java.util.ArrayList<>();
            java.util.List<Label> bodies = new java.util.ArrayList<>();
            Label otherwise = end;
            for (com.sun.source.tree.CaseTree c : tree.getCases()) {
                Label body = new Label("case");
                bodies.add(body);
                if (c.getExpressions().isEmpty()) {
                    otherwise = body;
                } else {
                    cases.add(new Op.SwitchJump.Case(c.getExpressions(), body));
                }
            }
            ops.add(new Op.SwitchJump(selector, temp, cases, otherwise));
            targets.pushSwitch(tree, label, end);
            for (int i = 0; i < tree.getCases().size(); i++) {
                com.sun.source.tree.CaseTree c = tree.getCases().get(i);
                mark(bodies.get(i));
                if (c.getCaseKind() == com.sun.source.tree.CaseTree.CaseKind.RULE) {
                    Tree body = c.getBody();
                    if (body instanceof StatementTree statement) {
                        lowerStatement(statement, null);
                        jumpAfter(statement, end);
                    } else {
                        // case X -> expression;  the expression is evaluated as a statement
                        spiller.spill((ExpressionTree) body, body);
                        ops.add(new Op.Eval((ExpressionTree) body));
                        ops.add(new Op.Jump(end));
                    }
                } else {
                    lowerStatements(c.getStatements());
                }
            }
            targets.pop();
            mark(end);
        }

        /**
         * [source] {@code try { B } catch (E e) { C } finally { F }}
         * [ir]     {@code TRY: B; enter-finally normal; goto FIN;
         *          DISPATCH: catch-dispatch E -> C else rethrow;
         *          C: take-caught e; C; enter-finally normal; goto FIN;
         *          FIN_THROW: enter-finally throw; FIN: F; end-finally; END:}
         *          States of B go to DISPATCH on an exception, states of DISPATCH and C to
         *          FIN_THROW, states of the finally to the handler around the whole try.
         */
        private void lowerTry(com.sun.source.tree.TryTree tree) {
            if (!tree.getResources().isEmpty()) {
                diagnostics.report(DiagnosticCode.UNSUPPORTED_SUSPENDING_STATEMENT, tree,
                        method.unit(), method.element(), "try-with-resources");
                return;
            }
            Label outerHandler = ir.handler;
            Label end = new Label("try.end");
            Label dispatch = tree.getCatches().isEmpty() ? null : new Label("try.catch");
            io.jcoro.processor.ir.Finally fin = null;
            Label finThrow = null;
            if (tree.getFinallyBlock() != null) {
                fin = new io.jcoro.processor.ir.Finally(ir.newTemp(attribution.intType()),
                        ir.newTemp(attribution.objectType()), new Label("finally"), targets.innermostFinally());
                ir.finallies.add(fin);
                finThrow = new Label("finally.throw");
                targets.enterFinallyRegion(fin);
            }
            ir.handler = dispatch != null ? dispatch : finThrow;
            mark(new Label("try"));
            lowerStatement(tree.getBlock(), null);
            leaveProtected(tree.getBlock(), fin, end);
            if (dispatch != null) {
                ir.handler = finThrow != null ? finThrow : outerHandler;
                mark(dispatch);
                java.util.List<Op.CatchDispatch.Catch> clauses = new java.util.ArrayList<>();
                java.util.List<Label> bodies = new java.util.ArrayList<>();
                for (com.sun.source.tree.CatchTree c : tree.getCatches()) {
                    Label body = new Label("catch");
                    bodies.add(body);
                    clauses.add(new Op.CatchDispatch.Catch(alternatives(c.getParameter()), body));
                }
                ops.add(new Op.CatchDispatch(clauses));
                for (int i = 0; i < bodies.size(); i++) {
                    com.sun.source.tree.CatchTree c = tree.getCatches().get(i);
                    mark(bodies.get(i));
                    ops.add(new Op.TakeCaught(c.getParameter()));
                    lowerStatement(c.getBlock(), null);
                    leaveProtected(c.getBlock(), fin, end);
                }
            }
            ir.handler = outerHandler;
            if (fin != null) {
                targets.leaveFinallyRegion();
                mark(finThrow);
                ops.add(new Op.EnterFinally(fin, io.jcoro.processor.ir.Finally.THROW));
                mark(fin.start());
                lowerStatement(tree.getFinallyBlock(), null);
                if (Completion.mayNotComplete(tree.getFinallyBlock())) {
                    mark(new Label("landing"));
                }
                ops.add(new Op.EndFinally(fin));
            }
            mark(end);
        }

        /** The normal end of a try or catch block: into the finally, or past the try statement. */
        private void leaveProtected(StatementTree block, io.jcoro.processor.ir.Finally fin, Label end) {
            if (fin == null) {
                jumpAfter(block, end);
                return;
            }
            if (Completion.mayNotComplete(block)) {
                mark(new Label("landing"));
            }
            ops.add(new Op.EnterFinally(fin, io.jcoro.processor.ir.Finally.NORMAL));
            ops.add(new Op.Jump(fin.start()));
        }

        /** The exception types a catch clause names: the alternatives of {@code A | B}, or its one type. */
        private java.util.List<TypeMirror> alternatives(VariableTree parameter) {
            TypeMirror type = typeOf(parameter);
            if (type instanceof javax.lang.model.type.UnionType union) {
                return java.util.List.copyOf(union.getAlternatives());
            }
            return java.util.List.of(type);
        }

        private TypeMirror iteratorType(TypeMirror iterable) {
            return attribution.iteratorTypeOf(iterable);
        }

        private TypeMirror elementType(com.sun.source.tree.EnhancedForLoopTree tree) {
            return typeOf(tree.getVariable());
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
                    lowerStatement(tree.getStatement(), name);
                    return;
                }
                default -> { }
            }
            Label end = new Label("labeled.end");
            targets.pushBlock(tree, name, end);
            lowerStatement(tree.getStatement(), name);
            targets.pop();
            mark(end);
        }

        /**
         * [source] {@code return done(await(e));}
         * [ir]     {@code await e -> L; L: take return}
         */
        private void lowerReturn(ReturnTree tree) {
            if (targets.innermostFinally() == null
                    && tree.getExpression() instanceof MethodInvocationTree done && facts.isDone(done)
                    && done.getArguments().size() == 1) {
                MethodInvocationTree await = asAwait(done.getArguments().get(0));
                if (await != null) {
                    suspend(await, new Op.Use.Return());
                    return;
                }
            }
            spiller.spill(tree.getExpression(), tree);
            emitCode(tree);
        }

        /** A condition that is either free of awaits, or is exactly {@code await(e)} / {@code !await(e)}. */
        private void branchUnless(ExpressionTree condition, Label target) {
            if (!facts.suspends(condition)) {
                ops.add(new Op.JumpUnless(condition, target));
                return;
            }
            boolean expected = true;
            ExpressionTree inner = strip(condition);
            if (inner instanceof UnaryTree not && inner.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
                expected = false;
                inner = not.getExpression();
            }
            MethodInvocationTree await = asAwait(inner);
            if (await == null) {
                spiller.spill(condition, condition);
                ops.add(new Op.JumpUnless(condition, target));
                return;
            }
            suspend(await, new Op.Use.Branch(expected, target));
        }

        private void suspend(MethodInvocationTree await, Op.Use use) {
            ExpressionTree awaitable = await.getArguments().get(0);
            spiller.spill(awaitable, awaitable);
            Label resume = new Label("await");
            ops.add(new Op.Suspend(awaitable, resume));
            mark(resume);
            ops.add(new Op.Take(use, typeOf(await), await));
        }

        /**
         * Jumps to {@code target} after {@code last}. If {@code last} may not complete normally,
         * the jump gets a state of its own, so that it is never unreachable code in Java's eyes
         * (a case label makes the statement after it reachable) while still running whenever
         * {@code last} does complete.
         */
        private void jumpAfter(StatementTree last, Label target) {
            if (Completion.mayNotComplete(last)) {
                mark(new Label("landing"));
            }
            ops.add(new Op.Jump(target));
        }

        private void mark(Label label) {
            ir.mark(label);
        }

        private MethodInvocationTree asAwait(ExpressionTree expression) {
            ExpressionTree stripped = strip(expression);
            return stripped instanceof MethodInvocationTree call && facts.isAwait(call) ? call : null;
        }

        private boolean isLocalName(ExpressionTree target) {
            return target instanceof IdentifierTree && facts.localRefs().get(target) instanceof VariableElement;
        }

        private TypeMirror typeOf(Tree tree) {
            return attribution.typeOf(TreePath.getPath(method.unit(), tree));
        }

    }

    private static ExpressionTree strip(ExpressionTree expression) {
        while (expression instanceof ParenthesizedTree parens) {
            expression = parens.getExpression();
        }
        return expression;
    }

    private static String keyword(StatementTree statement) {
        return switch (statement.getKind()) {
            case FOR_LOOP, ENHANCED_FOR_LOOP -> "for";
            case DO_WHILE_LOOP -> "do";
            case SWITCH -> "switch";
            case TRY -> "try";
            case THROW -> "throw";
            case YIELD -> "yield";
            default -> statement.getKind().name().toLowerCase().replace('_', ' ');
        };
    }
}
