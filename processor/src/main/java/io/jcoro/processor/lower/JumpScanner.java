package io.jcoro.processor.lower;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import io.jcoro.processor.ir.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the {@code break}/{@code continue} statements of a kept statement whose target is an
 * exploded statement outside it, and the {@code return}s inside an exploded finally's region,
 * and records where each goes. Jumps whose target is inside the kept statement stay plain Java.
 */
final class JumpScanner extends TreeScanner<Void, Void> {
    private final TargetStack outer;
    private final Map<Tree, io.jcoro.processor.ir.Op.Exit> jumps;
    private final List<String> innerLabels = new ArrayList<>();
    private int innerLoops;
    private int innerSwitches;
    private int innerSwitchExpressions;
    /** Kept try statements with a finally or resources around the current tree. */
    private int innerProtected;
    private final java.util.Set<Tree> deferred;

    JumpScanner(TargetStack outer, Map<Tree, io.jcoro.processor.ir.Op.Exit> jumps, java.util.Set<Tree> deferred) {
        this.deferred = deferred;
        this.outer = outer;
        this.jumps = jumps;
    }

    @Override
    public Void visitBreak(BreakTree tree, Void unused) {
        String label = tree.getLabel() == null ? null : tree.getLabel().toString();
        boolean inner = label == null ? innerLoops + innerSwitches > 0 : innerLabels.contains(label);
        if (!inner) {
            TargetStack.Target target = outer.find(label, false);
            if (target != null) {
                record(tree, outer.exitTo(target, target.breakTo()));
            }
        }
        return null;
    }

    @Override
    public Void visitContinue(ContinueTree tree, Void unused) {
        String label = tree.getLabel() == null ? null : tree.getLabel().toString();
        boolean inner = label == null ? innerLoops > 0 : innerLabels.contains(label);
        if (!inner) {
            TargetStack.Target target = outer.find(label, true);
            if (target != null) {
                record(tree, outer.exitTo(target, target.continueTo()));
            }
        }
        return null;
    }

    /** A return leaves every exploded finally around it. */
    @Override
    public Void visitReturn(com.sun.source.tree.ReturnTree tree, Void unused) {
        io.jcoro.processor.ir.Op.Exit exit = outer.exitTo(null, null);
        if (exit != null) {
            record(tree, exit);
        }
        return null;
    }

    /**
     * A jump out through a kept try's finally or resources is deferred: the finally or a close
     * may still throw on the way out, and that exception belongs to the state the jump leaves.
     */
    private void record(Tree exitTree, io.jcoro.processor.ir.Op.Exit exit) {
        jumps.put(exitTree, exit);
        if (innerProtected > 0) {
            deferred.add(exitTree);
        }
    }

    @Override
    public Void visitTry(com.sun.source.tree.TryTree tree, Void unused) {
        boolean protectedExit = tree.getFinallyBlock() != null || !tree.getResources().isEmpty();
        if (protectedExit) {
            innerProtected++;
        }
        super.visitTry(tree, unused);
        if (protectedExit) {
            innerProtected--;
        }
        return null;
    }

    @Override
    public Void visitLabeledStatement(LabeledStatementTree tree, Void unused) {
        innerLabels.add(tree.getLabel().toString());
        super.visitLabeledStatement(tree, unused);
        innerLabels.remove(innerLabels.size() - 1);
        return null;
    }

    @Override
    public Void visitWhileLoop(WhileLoopTree tree, Void unused) {
        return loop(() -> super.visitWhileLoop(tree, unused));
    }

    @Override
    public Void visitDoWhileLoop(DoWhileLoopTree tree, Void unused) {
        return loop(() -> super.visitDoWhileLoop(tree, unused));
    }

    @Override
    public Void visitForLoop(ForLoopTree tree, Void unused) {
        return loop(() -> super.visitForLoop(tree, unused));
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Void unused) {
        return loop(() -> super.visitEnhancedForLoop(tree, unused));
    }

    @Override
    public Void visitSwitch(SwitchTree tree, Void unused) {
        innerSwitches++;
        super.visitSwitch(tree, unused);
        innerSwitches--;
        return null;
    }

    @Override
    public Void visitSwitchExpression(SwitchExpressionTree tree, Void unused) {
        innerSwitches++;
        innerSwitchExpressions++;
        super.visitSwitchExpression(tree, unused);
        innerSwitchExpressions--;
        innerSwitches--;
        return null;
    }

    /** A {@code yield} of an exploded switch expression around this kept statement. */
    @Override
    public Void visitYield(com.sun.source.tree.YieldTree tree, Void unused) {
        if (innerSwitchExpressions == 0 && outer.yieldTarget() != null) {
            record(tree, outer.yieldTarget());
        }
        return super.visitYield(tree, unused);
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null; // a lambda body cannot jump out of it
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
        return null; // nor can a nested class body
    }

    private Void loop(java.util.function.Supplier<Void> body) {
        innerLoops++;
        try {
            return body.get();
        } finally {
            innerLoops--;
        }
    }
}
