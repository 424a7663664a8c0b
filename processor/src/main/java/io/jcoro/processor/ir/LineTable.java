package io.jcoro.processor.ir;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import java.util.ArrayList;
import java.util.List;

/**
 * The user-source line of each state, for async stack traces and task dumps: a state entered
 * by resuming after an await (or an emit) is at the line of that await; any other state is at
 * the line of its first statement. A frame reports the line of its current {@code $label}.
 */
public final class LineTable {
    private LineTable() {}

    /** {@code lines[state]}; {@code firstLine} for a state with no tree of its own. */
    public static int[] of(List<Op> ops, SourcePositions positions, CompilationUnitTree unit, long firstLine) {
        List<Integer> lines = new ArrayList<>();
        long last = firstLine;
        for (int i = 0; i < ops.size(); i++) {
            if (!(ops.get(i) instanceof Op.Mark mark)) {
                continue;
            }
            Tree here = i > 0 ? suspensionTree(ops.get(i - 1)) : null;
            for (int j = i + 1; here == null && j < ops.size() && !(ops.get(j) instanceof Op.Mark); j++) {
                here = firstTree(ops.get(j));
            }
            long line = here == null ? last : unit.getLineMap().getLineNumber(positions.getStartPosition(unit, here));
            last = line;
            while (lines.size() <= mark.label().state()) {
                lines.add((int) firstLine);
            }
            lines.set(mark.label().state(), (int) line);
        }
        return lines.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The await or emit that a state resumes after. */
    private static Tree suspensionTree(Op op) {
        if (op instanceof Op.Suspend suspend) {
            return suspend.awaitable();
        } else if (op instanceof Op.Emit emit) {
            return emit.value();
        }
        return null;
    }

    /** The user's tree that {@code op} evaluates or completes, or null for an op of the frame's own. */
    public static Tree firstTree(Op op) {
        if (op instanceof Op.Code code) {
            return code.statement();
        } else if (op instanceof Op.Take take) {
            return take.source();
        } else if (op instanceof Op.Spill spill) {
            return spill.value();
        } else if (op instanceof Op.JumpUnless jump) {
            return jump.condition();
        } else if (op instanceof Op.Eval eval) {
            return eval.expression();
        } else if (op instanceof Op.FailAssertion fail) {
            return fail.statement();
        } else if (op instanceof Op.IterInit init) {
            return init.iterable();
        } else if (op instanceof Op.IterNext next) {
            return next.variable();
        } else if (op instanceof Op.TakeNext next) {
            return next.variable();
        } else if (op instanceof Op.TakeCaught caught) {
            return caught.parameter();
        } else if (op instanceof Op.SwitchJump jump) {
            return jump.selectorTree();
        }
        return suspensionTree(op);
    }
}
