package io.jcoro.processor.lower;

import com.sun.source.tree.Tree;
import io.jcoro.processor.ir.Label;
import io.jcoro.processor.ir.Op;
import io.jcoro.processor.ir.Temp;
import java.util.List;
import java.util.Map;

/**
 * The lowering's output for one method.
 *
 * @param entry the label of state 0
 * @param ops   the flat IR, starting with {@code Mark(entry)}
 * @param jumps {@code break}/{@code continue} statements inside {@code Code} ops that leave an
 *              exploded statement, with the label they go to
 * @param replacements subtrees that were evaluated earlier (spilled), with how to print them now
 * @param temps the temps of the body, in order of creation
 */
public record LoweredBody(Label entry, List<Op> ops, Map<Tree, Label> jumps,
        Map<Tree, Op.Replacement> replacements, List<Temp> temps) {
    public LoweredBody {
        ops = List.copyOf(ops);
        jumps = Map.copyOf(jumps);
        replacements = Map.copyOf(replacements);
        temps = List.copyOf(temps);
    }
}
