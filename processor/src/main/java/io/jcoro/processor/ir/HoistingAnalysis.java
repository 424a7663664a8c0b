package io.jcoro.processor.ir;

import com.sun.source.tree.Tree;
import io.jcoro.processor.analyze.BodyFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;

/**
 * Decides the frame's fields from the lowered body. A variable becomes a field when
 * <ul>
 *   <li>it is a parameter (the frame is made before its body runs), or
 *   <li>it is used in more than one state: across a suspension, or across a jump that the
 *       lowering made (Java scoping would not reach it from the other state's case block), or
 *   <li>it is declared directly in an exploded block and another variable of the body has the
 *       same name (flattening the block would put both in one Java scope), or
 *   <li>it is a pattern variable used in more than one op: its Java scope is at most the
 *       statement or expression of its {@code instanceof}, which the lowering may have split
 *       into several statements ({@code o instanceof String s && s.length() == await(n())}).
 * </ul>
 * Temps follow the same rule; the pending completions of finally blocks are always fields.
 * Everything else stays a Java local of its state. Field order is deterministic.
 */
public final class HoistingAnalysis {
    private HoistingAnalysis() {}

    public static FrameLayout analyze(List<Op> ops, BodyFacts facts, Map<Tree, Op.Replacement> replacements,
            Map<Tree, Op.Exit> exits, List<Finally> finallies) {
        Map<VariableElement, Set<Integer>> states = new LinkedHashMap<>();
        Map<Temp, Set<Integer>> tempStates = new LinkedHashMap<>();
        Map<VariableElement, Integer> bindingOps = new HashMap<>();
        Set<VariableElement> explodedLevel = new LinkedHashSet<>();
        int state = 0;
        for (Op op : ops) {
            if (op instanceof Op.Mark mark) {
                state = mark.label().state();
                continue;
            }
            OpReferences references = OpReferences.of(op, facts, replacements, exits);
            explodedLevel.addAll(references.declared());
            for (VariableElement variable : references.variables()) {
                states.computeIfAbsent(variable, v -> new LinkedHashSet<>()).add(state);
                if (variable.getKind() == ElementKind.BINDING_VARIABLE) {
                    bindingOps.merge(variable, 1, Integer::sum);
                }
            }
            for (Temp temp : references.temps()) {
                tempStates.computeIfAbsent(temp, t -> new LinkedHashSet<>()).add(state);
            }
        }
        Map<String, Integer> nameCounts = new HashMap<>();
        for (VariableElement local : facts.locals()) {
            nameCounts.merge(local.getSimpleName().toString(), 1, Integer::sum);
        }
        List<VariableElement> fields = new ArrayList<>();
        for (VariableElement local : facts.locals()) {
            // the method's parameters are the only PARAMETER locals the scanner records
            boolean hoist = local.getKind() == ElementKind.PARAMETER
                    || states.getOrDefault(local, Set.of()).size() > 1
                    || bindingOps.getOrDefault(local, 0) > 1
                    || (explodedLevel.contains(local) && nameCounts.get(local.getSimpleName().toString()) > 1);
            if (hoist) {
                fields.add(local);
            }
        }
        Map<VariableElement, String> names = new LinkedHashMap<>();
        Map<String, Integer> used = new HashMap<>();
        for (VariableElement field : fields) {
            String name = field.getSimpleName().toString();
            int seen = used.merge(name, 1, Integer::sum);
            names.put(field, nameCounts.get(name) > 1 && seen > 1 ? name + "$" + (seen - 1) : name);
        }
        Set<Temp> fieldTemps = new LinkedHashSet<>();
        for (Finally f : finallies) {
            // written by jumps anywhere in the protected region, read at the end of the finally
            fieldTemps.add(f.pending());
            fieldTemps.add(f.value());
        }
        tempStates.forEach((temp, seenIn) -> {
            if (seenIn.size() > 1) {
                fieldTemps.add(temp);
            }
        });
        return new FrameLayout(fields, names, fieldTemps);
    }
}
