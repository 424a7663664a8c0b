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
    record Target(Tree statement, String label, Label breakTo, Label continueTo) {
        boolean isLoop() {
            return continueTo != null;
        }
    }

    private final Deque<Target> targets = new ArrayDeque<>();

    void push(Tree statement, String label, Label breakTo, Label continueTo) {
        targets.push(new Target(statement, label, breakTo, continueTo));
    }

    void pop() {
        targets.pop();
    }

    /** The target of {@code break}/{@code continue} with {@code label} (null: the innermost loop). */
    Target find(String label, boolean isContinue) {
        for (Target target : targets) {
            if (label == null ? target.isLoop() : label.equals(target.label())) {
                return target;
            }
        }
        return null;
    }
}
