package io.jcoro.processor.ir;

import com.sun.source.tree.Tree;
import io.jcoro.processor.analyze.BodyFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * Finds a class, record, enum or interface declared in the body and named in a state other than
 * the one that declares it. An exploded block's declarations are statements of one state's
 * {@code case} block, and Java sees a local type only there: a variable can move to a field, a
 * type cannot. Such a body is reported (JCORO-E030), never emitted. A local type declared and
 * used inside one kept statement, or within the stretch between two awaits, stays as written.
 */
public final class LocalTypeScopes {
    private LocalTypeScopes() {}

    /** A use of {@code type} outside the state that declares it. */
    public record Escape(Tree use, TypeElement type) {}

    /** The first such use, in IR order, or empty; after {@link StateAssigner}. */
    public static Optional<Escape> firstEscape(List<Op> ops, BodyFacts facts, Map<Tree, Op.Replacement> replacements,
            Map<Tree, Op.Exit> exits) {
        if (facts.localTypes().isEmpty()) {
            return Optional.empty(); // most bodies declare no type
        }
        Map<TypeElement, Integer> declaredIn = new HashMap<>();
        int state = 0;
        for (Op op : ops) {
            if (op instanceof Op.Mark mark) {
                state = mark.label().state();
                continue;
            }
            if (op instanceof Op.Code code && facts.localTypes().containsKey(code.statement())) {
                declaredIn.put(facts.localTypes().get(code.statement()), state);
            }
            for (Map.Entry<Tree, TypeElement> use : OpReferences.of(op, facts, replacements, exits).localTypes().entrySet()) {
                Integer home = declaredIn.get(use.getValue());
                if (home != null && home != state) {
                    return Optional.of(new Escape(use.getKey(), use.getValue()));
                }
            }
        }
        return Optional.empty();
    }
}
