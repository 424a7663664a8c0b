package io.jcoro.processor.lower;

import com.sun.source.tree.Tree;
import io.jcoro.processor.ir.Label;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The exploded statements that {@code break} and {@code continue} can leave, innermost first,
 * with the labels they go to (regenerator's LeapManager).
 */
final class TargetStack {
    /** @param unlabeledBreak whether a plain {@code break} can target it (a loop or a switch) */
    /**
     * @param finallyDepth how many exploded finally blocks enclosed the statement: a jump to it
     *                     from deeper runs the ones in between first
     */
    record Target(Tree statement, String label, Label breakTo, Label continueTo, boolean unlabeledBreak,
            int finallyDepth) {
        boolean isLoop() {
            return continueTo != null;
        }
    }

    private final Deque<Target> targets = new ArrayDeque<>();
    /** The exploded finally blocks around the statement being lowered, innermost last. */
    private final java.util.List<io.jcoro.processor.ir.Finally> finallies = new java.util.ArrayList<>();

    void enterFinallyRegion(io.jcoro.processor.ir.Finally f) {
        finallies.add(f);
    }

    void leaveFinallyRegion() {
        finallies.remove(finallies.size() - 1);
    }

    /** The innermost exploded finally around the current statement, or null. */
    io.jcoro.processor.ir.Finally innermostFinally() {
        return finallies.isEmpty() ? null : finallies.get(finallies.size() - 1);
    }

    /**
     * Where a jump to {@code target} (null: a return) goes from here: straight to its label, or
     * into the innermost finally it leaves, recording the route through every finally between.
     */
    io.jcoro.processor.ir.Op.Exit exitTo(Target target, Label label) {
        int depth = target == null ? 0 : target.finallyDepth();
        if (depth >= finallies.size()) {
            return label == null ? null : new io.jcoro.processor.ir.Op.Exit.Direct(label);
        }
        if (label != null) {
            for (int i = finallies.size() - 1; i >= depth; i--) {
                finallies.get(i).addTarget(label, i > depth);
            }
        }
        return new io.jcoro.processor.ir.Op.Exit.ViaFinally(finallies.get(finallies.size() - 1), label);
    }

    void pushLoop(Tree statement, String label, Label breakTo, Label continueTo) {
        targets.push(new Target(statement, label, breakTo, continueTo, true, finallies.size()));
    }

    void pushSwitch(Tree statement, String label, Label breakTo) {
        targets.push(new Target(statement, label, breakTo, null, true, finallies.size()));
    }

    /** The exploded switch expressions around the statement being lowered, innermost last. */
    private final java.util.List<io.jcoro.processor.ir.Op.Exit.Yield> yields = new java.util.ArrayList<>();

    /** Enters the case bodies of an exploded switch expression: {@code yield} assigns {@code result}. */
    void pushYield(io.jcoro.processor.ir.Temp result, Label end) {
        yields.add(new io.jcoro.processor.ir.Op.Exit.Yield(result, end));
    }

    void popYield() {
        yields.remove(yields.size() - 1);
    }

    /**
     * Where a {@code yield} goes: the innermost exploded switch expression; null for a {@code yield}
     * outside any (javac reports it: "yield outside of switch expression").
     */
    io.jcoro.processor.ir.Op.Exit.Yield yieldTarget() {
        return yields.isEmpty() ? null : yields.get(yields.size() - 1);
    }

    /** A labelled statement that is neither a loop nor a switch: only {@code break label} leaves it. */
    void pushBlock(Tree statement, String label, Label breakTo) {
        targets.push(new Target(statement, label, breakTo, null, false, finallies.size()));
    }

    void pop() {
        targets.pop();
    }

    /** The target of {@code break}/{@code continue} with {@code label} (null: the innermost loop). */
    Target find(String label, boolean isContinue) {
        for (Target target : targets) {
            boolean plainMatch = isContinue ? target.isLoop() : target.unlabeledBreak();
            if (label == null ? plainMatch : label.equals(target.label())) {
                return target;
            }
        }
        return null;
    }
}
