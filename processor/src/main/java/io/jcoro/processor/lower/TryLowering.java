package io.jcoro.processor.lower;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import io.jcoro.processor.diag.DiagnosticCode;
import io.jcoro.processor.ir.Finally;
import io.jcoro.processor.ir.Label;
import io.jcoro.processor.ir.Op;
import io.jcoro.processor.ir.Temp;
import javax.lang.model.type.TypeMirror;

/** Lower: try statements that hold awaits (try/catch/finally and try-with-resources). */
final class TryLowering {
    private final LoweringContext ctx;

    TryLowering(LoweringContext ctx) {
        this.ctx = ctx;
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
    void lowerTry(com.sun.source.tree.TryTree tree) {
        if (!tree.getResources().isEmpty()) {
            ctx.diagnostics.report(DiagnosticCode.UNSUPPORTED_SUSPENDING_STATEMENT, tree,
                    ctx.method.unit(), ctx.method.element(), "try-with-resources");
            return;
        }
        Label outerHandler = ctx.ir.handler;
        Label end = new Label("try.end");
        Label dispatch = tree.getCatches().isEmpty() ? null : new Label("try.catch");
        Finally fin = null;
        Label finThrow = null;
        if (tree.getFinallyBlock() != null) {
            fin = new Finally(ctx.ir.newTemp(ctx.attribution.intType()),
                    ctx.ir.newTemp(ctx.attribution.objectType()), new Label("finally"), ctx.targets.innermostFinally());
            ctx.ir.finallies.add(fin);
            finThrow = new Label("finally.throw");
            ctx.targets.enterFinallyRegion(fin);
        }
        ctx.ir.handler = dispatch != null ? dispatch : finThrow;
        ctx.mark(new Label("try"));
        ctx.lowerStatement(tree.getBlock(), null);
        leaveProtected(tree.getBlock(), fin, end);
        if (dispatch != null) {
            ctx.ir.handler = finThrow != null ? finThrow : outerHandler;
            ctx.mark(dispatch);
            java.util.List<Op.CatchDispatch.Catch> clauses = new java.util.ArrayList<>();
            java.util.List<Label> bodies = new java.util.ArrayList<>();
            for (com.sun.source.tree.CatchTree c : tree.getCatches()) {
                Label body = new Label("catch");
                bodies.add(body);
                clauses.add(new Op.CatchDispatch.Catch(alternatives(c.getParameter()), body));
            }
            ctx.add(new Op.CatchDispatch(clauses));
            for (int i = 0; i < bodies.size(); i++) {
                com.sun.source.tree.CatchTree c = tree.getCatches().get(i);
                ctx.mark(bodies.get(i));
                ctx.add(new Op.TakeCaught(c.getParameter()));
                ctx.lowerStatement(c.getBlock(), null);
                leaveProtected(c.getBlock(), fin, end);
            }
        }
        ctx.ir.handler = outerHandler;
        if (fin != null) {
            ctx.targets.leaveFinallyRegion();
            ctx.mark(finThrow);
            ctx.add(new Op.EnterFinally(fin, Finally.THROW));
            ctx.mark(fin.start());
            ctx.lowerStatement(tree.getFinallyBlock(), null);
            ctx.landIfNeeded(tree.getFinallyBlock());
            ctx.add(new Op.EndFinally(fin));
        }
        ctx.mark(end);
    }
    /** The normal end of a try or catch block: into the finally, or past the try statement. */
    private void leaveProtected(StatementTree block, Finally fin, Label end) {
        if (fin == null) {
            ctx.jumpAfter(block, end);
            return;
        }
        ctx.landIfNeeded(block);
        ctx.add(new Op.EnterFinally(fin, Finally.NORMAL));
        ctx.add(new Op.Jump(fin.start()));
    }
    /** The exception types a catch clause names: the alternatives of {@code A | B}, or its one type. */
    private java.util.List<TypeMirror> alternatives(VariableTree parameter) {
        TypeMirror type = ctx.typeOf(parameter);
        if (type instanceof javax.lang.model.type.UnionType union) {
            return java.util.List.copyOf(union.getAlternatives());
        }
        return java.util.List.of(type);
    }}
