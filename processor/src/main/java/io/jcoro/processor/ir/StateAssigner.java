package io.jcoro.processor.ir;

import java.util.List;

/**
 * Gives each marked label a dense state number in order of appearance; the entry is state 0.
 * State numbers are part of a frame's layout only, never persisted, but they must be
 * deterministic: the same body always gets the same numbers.
 */
public final class StateAssigner {
    private StateAssigner() {}

    /** @return the number of states */
    public static int assign(Label entry, List<Op> ops) {
        entry.assign(0);
        int next = 1;
        for (Op op : ops) {
            if (op instanceof Op.Mark mark && mark.label() != entry) {
                mark.label().assign(next++);
            }
        }
        return next;
    }
}
