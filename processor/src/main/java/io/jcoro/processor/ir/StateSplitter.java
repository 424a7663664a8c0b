package io.jcoro.processor.ir;

import com.sun.source.tree.Tree;
import io.jcoro.processor.analyze.BodyFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import javax.lang.model.element.VariableElement;

/**
 * Cuts a state whose code is longer than a {@code $resume} part into consecutive states, at
 * statement boundaries. {@code emit.ResumeMethods} packs whole states into parts below HotSpot's
 * 8,000-byte JIT limit, so without this a long run of statements between two awaits would stay
 * one method beyond it (longer, too, than the user's own method: a hoisted variable is a field
 * access). The cut is a label reached by falling through; a variable used on both sides becomes
 * a field, as any variable used in two states does ({@link HoistingAnalysis}), and the new state
 * keeps the exception handler of the one it was cut from. A state is not cut after it declares a
 * local type (its uses must stay in its state, see {@link LocalTypeScopes}) or a variable whose
 * type no field can have ({@code var o = new Object() { int n; }}); one statement is never cut,
 * as javac cannot cut a method's statement either.
 */
public final class StateSplitter {
    /** A generated line around an op's own source text: an {@code if}, a cast, a label. */
    private static final int OP_OVERHEAD = 40;

    private StateSplitter() {}

    /**
     * @param budget the generated characters of a {@code $resume} part
     * @param sourceLength the length of a tree's source text
     * @param fieldable whether a local's type can be a field's (a cut makes fields of locals)
     * @return {@code lowered}, or a copy with the long states cut
     */
    public static List<Op> split(List<Op> lowered, BodyFacts facts, int budget, ToIntFunction<Tree> sourceLength,
            Predicate<VariableElement> fieldable) {
        List<Op> ops = new ArrayList<>(lowered.size());
        Label handler = null;
        int size = 0;
        boolean uncuttable = false; // the rest of this state must stay in one case block
        int cuts = 0;
        for (Op op : lowered) {
            if (op instanceof Op.Mark mark) {
                handler = mark.handler();
                size = 0;
                uncuttable = false;
                ops.add(op);
                continue;
            }
            int opSize = size(op, sourceLength);
            if (size > 0 && size + opSize > budget && !uncuttable && cuttableBefore(op)) {
                ops.add(new Op.Mark(new Label("cut" + cuts++), handler));
                size = 0;
            }
            ops.add(op);
            size += opSize;
            uncuttable |= op instanceof Op.Code code && facts.localTypes().containsKey(code.statement());
            uncuttable |= !declaredFieldable(op, facts, fieldable);
        }
        return cuts == 0 ? lowered : ops;
    }

    /** Whether every local that {@code op} declares could become a field (its declarations are its own trees). */
    private static boolean declaredFieldable(Op op, BodyFacts facts, Predicate<VariableElement> fieldable) {
        for (Tree tree : OpReferences.treesOf(op)) {
            VariableElement declared = tree instanceof com.sun.source.tree.VariableTree ? facts.localRefs().get(tree) : null;
            if (declared != null && !fieldable.test(declared)) {
                return false;
            }
        }
        return true;
    }

    /** Ops that start a statement of their own; the others continue the op before them. */
    private static boolean cuttableBefore(Op op) {
        return op instanceof Op.Code || op instanceof Op.Eval || op instanceof Op.Spill || op instanceof Op.Suspend;
    }

    /** About the characters an op generates, counting the finally blocks javac copies. */
    private static int size(Op op, ToIntFunction<Tree> sourceLength) {
        int size = OP_OVERHEAD;
        for (Tree tree : OpReferences.treesOf(op)) {
            size += sourceLength.applyAsInt(tree);
        }
        if (op instanceof Op.Code code) {
            size += FinallyCopies.extraLength(code.statement(), sourceLength);
        }
        return size;
    }
}
