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
    record Target(Tree statement, String label, Label breakTo, Label continueTo, boolean unlabeledBreak) {
        boolean isLoop() {
            return continueTo != null;
        }
    }

    private final Deque<Target> targets = new ArrayDeque<>();

    void pushLoop(Tree statement, String label, Label breakTo, Label continueTo) {
        targets.push(new Target(statement, label, breakTo, continueTo, true));
    }

    void pushSwitch(Tree statement, String label, Label breakTo) {
        targets.push(new Target(statement, label, breakTo, null, true));
    }

    /** A labelled statement that is neither a loop nor a switch: only {@code break label} leaves it. */
    void pushBlock(Tree statement, String label, Label breakTo) {
        targets.push(new Target(statement, label, breakTo, null, false));
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
