package io.jcoro.processor.lower;

import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import io.jcoro.processor.ir.Finally;
import io.jcoro.processor.ir.Label;
import io.jcoro.processor.ir.Op;
import io.jcoro.processor.ir.Temp;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.UnionType;

/** Lower: try statements that hold awaits (try/catch/finally and try-with-resources). */
final class TryLowering {
    private final LoweringContext ctx;

    TryLowering(LoweringContext ctx) {
        this.ctx = ctx;
    }

    /**
     * [source] {@code try (R r = e) B catch ... finally ...}
     * [ir]     as {@code try { try (R r = e) B } catch ... finally ...} (JLS 14.20.3.2), the
     *          inner statement lowered by {@link #lowerResources}
     */
    void lowerTry(TryTree tree) {
        if (tree.getResources().isEmpty()) {
            lowerProtected(() -> ctx.lowerStatement(tree.getBlock(), null), tree.getBlock(), tree.getCatches(),
                    tree.getFinallyBlock() == null ? null : fin -> {
                        ctx.lowerStatement(tree.getFinallyBlock(), null);
                        ctx.landIfNeeded(tree.getFinallyBlock());
                    });
        } else if (tree.getCatches().isEmpty() && tree.getFinallyBlock() == null) {
            lowerResources(tree.getResources(), 0, tree.getBlock());
        } else {
            lowerProtected(() -> lowerResources(tree.getResources(), 0, tree.getBlock()), tree.getBlock(),
                    tree.getCatches(), tree.getFinallyBlock() == null ? null : fin -> {
                        ctx.lowerStatement(tree.getFinallyBlock(), null);
                        ctx.landIfNeeded(tree.getFinallyBlock());
                    });
        }
    }

    /** The body of a finally: the user's block, or the closing of a resource. */
    private interface FinallyBody {
        void lower(Finally fin);
    }

    /**
     * [source] {@code try { B } catch (E e) { C } finally { F }}
     * [ir]     {@code TRY: B; enter-finally normal; goto FIN;
     *          DISPATCH: catch-dispatch E -> C else rethrow;
     *          C: take-caught e; C; enter-finally normal; goto FIN;
     *          FIN_THROW: enter-finally throw; FIN: F; end-finally; END:}
     *          States of B go to DISPATCH on an exception, states of DISPATCH and C to
     *          FIN_THROW, states of the finally to the handler around the whole try.
     *
     * @param last the statement whose completion decides whether the body can end normally
     */
    private void lowerProtected(Runnable body, StatementTree last, List<? extends CatchTree> catches,
            FinallyBody finallyBody) {
        Label outerHandler = ctx.ir.handler;
        Label end = new Label("try.end");
        Label dispatch = catches.isEmpty() ? null : new Label("try.catch");
        Finally fin = null;
        Label finThrow = null;
        if (finallyBody != null) {
            fin = new Finally(ctx.ir.newTemp(ctx.attribution.intType()),
                    ctx.ir.newTemp(ctx.attribution.objectType()), new Label("finally"), ctx.targets.innermostFinally());
            ctx.ir.finallies.add(fin);
            finThrow = new Label("finally.throw");
            ctx.targets.enterFinallyRegion(fin);
        }
        ctx.ir.handler = dispatch != null ? dispatch : finThrow;
        ctx.mark(new Label("try"));
        body.run();
        leaveProtected(last, fin, end);
        if (dispatch != null) {
            ctx.ir.handler = finThrow != null ? finThrow : outerHandler;
            lowerCatches(dispatch, catches, fin, end);
        }
        ctx.ir.handler = outerHandler;
        if (fin != null) {
            ctx.targets.leaveFinallyRegion();
            ctx.mark(finThrow);
            ctx.add(new Op.EnterFinally(fin, Finally.THROW));
            ctx.mark(fin.start());
            finallyBody.lower(fin);
            ctx.add(new Op.EndFinally(fin));
        }
        ctx.mark(end);
    }

    /** [ir] {@code DISPATCH: catch-dispatch E1 -> C1, E2 -> C2; C1: take-caught e; ...} */
    private void lowerCatches(Label dispatch, List<? extends CatchTree> catches, Finally fin, Label end) {
        ctx.mark(dispatch);
        List<Op.CatchDispatch.Catch> clauses = new ArrayList<>();
        List<Label> bodies = new ArrayList<>();
        for (CatchTree c : catches) {
            Label body = new Label("catch");
            bodies.add(body);
            clauses.add(new Op.CatchDispatch.Catch(alternatives(c.getParameter()), body));
        }
        ctx.add(new Op.CatchDispatch(clauses));
        for (int i = 0; i < bodies.size(); i++) {
            CatchTree c = catches.get(i);
            ctx.mark(bodies.get(i));
            ctx.add(new Op.TakeCaught(c.getParameter()));
            ctx.lowerStatement(c.getBlock(), null);
            leaveProtected(c.getBlock(), fin, end);
        }
    }

    /**
     * [source] {@code try (R r = e; S s = f) B}
     * [ir]     {@code decl r = e; try { decl s = f; try { B } finally-close s } finally-close r}
     *          (JLS 14.20.3.1: resources closed in reverse order, each whatever happened)
     */
    private void lowerResources(List<? extends Tree> resources, int index, StatementTree block) {
        if (index == resources.size()) {
            ctx.lowerStatement(block, null);
            return;
        }
        Op.Resource resource = declare(resources.get(index));
        lowerProtected(() -> lowerResources(resources, index + 1, block), block, List.of(),
                fin -> close(resource, fin));
    }

    /** Evaluates a resource: a declaration, or (Java 9) an expression kept in a temp. */
    private Op.Resource declare(Tree resource) {
        if (resource instanceof VariableTree variable) {
            ctx.lowerStatement(variable, null);
            VariableElement element = ctx.facts.localRefs().get(variable);
            return new Op.Resource(element, null, element.asType(), ctx.attribution.isAsyncCloseable(element.asType()));
        }
        ExpressionTree expression = (ExpressionTree) resource;
        ctx.spiller.spill(expression, expression);
        TypeMirror type = ctx.typeOf(expression);
        Temp temp = ctx.ir.newTemp(type);
        ctx.add(new Op.Spill(temp, expression));
        return new Op.Resource(null, temp, type, ctx.attribution.isAsyncCloseable(type));
    }

    /**
     * [ir] sync: {@code close-sync r} (JLS 14.20.3.1: a close failure is suppressed into the
     *      pending exception, or thrown);
     *      async: {@code close-async r -> L else SKIP; L: after-close r; SKIP:} (awaits
     *      {@code r.closeAsync(pending)}; {@code AsyncCloseable.afterClose} decides what leaves)
     */
    private void close(Op.Resource resource, Finally fin) {
        if (!resource.async()) {
            ctx.add(new Op.CloseSync(fin, resource));
            return;
        }
        Label resume = new Label("close");
        Label skip = new Label("close.skip");
        ctx.add(new Op.CloseAsync(fin, resource, resume, skip));
        ctx.mark(resume);
        ctx.add(new Op.AfterCloseAsync(fin, resource));
        ctx.mark(skip);
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
    private List<TypeMirror> alternatives(VariableTree parameter) {
        TypeMirror type = ctx.typeOf(parameter);
        if (type instanceof UnionType union) {
            return List.copyOf(union.getAlternatives());
        }
        return List.of(type);
    }
}
