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
 * @param exits {@code break}/{@code continue}/{@code return} statements inside {@code Code} ops
 *              that leave an exploded statement, with where they go
 * @param deferredExits the exits that leave through a kept try's finally or resources: they set
 *              {@code $jump}, which takes effect only once Java has left those blocks
 * @param replacements subtrees that were evaluated earlier (spilled), with how to print them now
 * @param temps the temps of the body, in order of creation
 * @param finallies the exploded finally blocks, whose pending completions are frame fields
 */
public record LoweredBody(Label entry, List<Op> ops, Map<Tree, Op.Exit> exits, java.util.Set<Tree> deferredExits,
        Map<Tree, Op.Replacement> replacements, List<Temp> temps, List<io.jcoro.processor.ir.Finally> finallies) {
    public LoweredBody {
        ops = List.copyOf(ops);
        exits = Map.copyOf(exits);
        deferredExits = java.util.Set.copyOf(deferredExits);
        finallies = List.copyOf(finallies);
        replacements = Map.copyOf(replacements);
        temps = List.copyOf(temps);
    }
}
