package io.jcoro.processor.ir;

import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
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
 *       same name (flattening the block would put both in one Java scope).
 * </ul>
 * Everything else stays a Java local of its state. Field order is deterministic.
 */
public final class HoistingAnalysis {
    private HoistingAnalysis() {}

    public static FrameLayout analyze(List<Op> ops, BodyFacts facts, Map<Tree, Op.Replacement> replacements,
            List<Finally> finallies) {
        Map<VariableElement, Set<Integer>> states = new LinkedHashMap<>();
        Map<Temp, Set<Integer>> tempStates = new LinkedHashMap<>();
        Set<VariableElement> explodedLevel = new LinkedHashSet<>();
        int state = 0;
        for (Op op : ops) {
            if (op instanceof Op.Mark mark) {
                state = mark.label().state();
                continue;
            }
            int current = state;
            Op.Resource closed = op instanceof Op.CloseSync sync ? sync.resource()
                    : op instanceof Op.CloseAsync async ? async.resource()
                    : op instanceof Op.AfterCloseAsync after ? after.resource() : null;
            if (closed != null && closed.variable() != null) {
                states.computeIfAbsent(closed.variable(), v -> new LinkedHashSet<>()).add(current);
            }
            for (Temp temp : tempsOf(op)) {
                tempStates.computeIfAbsent(temp, t -> new LinkedHashSet<>()).add(current);
            }
            for (Tree tree : treesOf(op)) {
                if (tree instanceof VariableTree declared && facts.localRefs().get(declared) != null) {
                    explodedLevel.add(facts.localRefs().get(declared));
                }
                new TreeScanner<Void, Void>() {
                    @Override
                    public Void scan(Tree node, Void unused) {
                        Op.Replacement replaced = node == null || definedHere(op, node, replacements) ? null : replacements.get(node);
                        if (replaced != null) {
                            // evaluated earlier into temps: this op reads the temps, not the subtree
                            for (Temp temp : tempsOf(replaced)) {
                                tempStates.computeIfAbsent(temp, t -> new LinkedHashSet<>()).add(current);
                            }
                            if (replaced instanceof Op.Replacement.CompoundWrite write) {
                                scan(write.tree().getVariable(), null);
                                scan(write.tree().getExpression(), null);
                            }
                            return null;
                        }
                        VariableElement variable = node == null ? null : facts.localRefs().get(node);
                        if (variable != null) {
                            states.computeIfAbsent(variable, v -> new LinkedHashSet<>()).add(current);
                        }
                        return super.scan(node, unused);
                    }
                }.scan(tree, null);
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

    /** True for the subtree a spill evaluates into its own temp: there it is read, not replaced. */
    private static boolean definedHere(Op op, Tree node, Map<Tree, Op.Replacement> replacements) {
        return op instanceof Op.Spill spill && spill.value() == node
                && replacements.get(node) instanceof Op.Replacement.ByTemp by && by.temp().equals(spill.temp());
    }

    /** The temps an op assigns or reads directly (not through replaced subtrees). */
    private static List<Temp> tempsOf(Op op) {
        if (op instanceof Op.CloseSync sync && sync.resource().temp() != null) {
            return List.of(sync.resource().temp());
        } else if (op instanceof Op.CloseAsync async && async.resource().temp() != null) {
            return List.of(async.resource().temp());
        } else if (op instanceof Op.AfterCloseAsync after && after.resource().temp() != null) {
            return List.of(after.resource().temp());
        } else if (op instanceof Op.IterInit init) {
            return init.index() == null ? List.of(init.iterator()) : List.of(init.iterator(), init.index());
        } else if (op instanceof Op.IterNext next) {
            return next.index() == null ? List.of(next.iterator()) : List.of(next.iterator(), next.index());
        } else if (op instanceof Op.SwitchJump jump && jump.selector() != null) {
            return List.of(jump.selector());
        } else if (op instanceof Op.Spill spill) {
            return List.of(spill.temp());
        } else if (op instanceof Op.JumpIfTemp jump) {
            return List.of(jump.temp());
        } else if (op instanceof Op.Take take && take.use() instanceof Op.Use.ToTemp to) {
            return List.of(to.temp());
        }
        return List.of();
    }

    private static List<Temp> tempsOf(Op.Replacement replacement) {
        if (replacement instanceof Op.Replacement.ByTemp byTemp) {
            return List.of(byTemp.temp());
        }
        return List.of(((Op.Replacement.CompoundWrite) replacement).old());
    }

    private static List<Tree> treesOf(Op op) {
        if (op instanceof Op.Code code) {
            return List.of(code.statement());
        } else if (op instanceof Op.Suspend suspend) {
            return List.of(suspend.awaitable());
        } else if (op instanceof Op.Spill spill) {
            return List.of(spill.value());
        } else if (op instanceof Op.Eval eval) {
            return List.of(eval.expression());
        } else if (op instanceof Op.TakeCaught caught) {
            return List.of(caught.parameter());
        } else if (op instanceof Op.IterInit init) {
            return List.of(init.iterable());
        } else if (op instanceof Op.IterNext next) {
            return List.of(next.variable());
        } else if (op instanceof Op.SwitchJump jump && jump.selector() == null) {
            return List.of(jump.selectorTree());
        } else if (op instanceof Op.JumpUnless jump) {
            return List.of(jump.condition());
        } else if (op instanceof Op.Take take) {
            if (take.use() instanceof Op.Use.Declare declare) {
                return List.of(declare.variable());
            } else if (take.use() instanceof Op.Use.Assign assign) {
                return List.of(assign.target());
            }
        }
        return List.of();
    }
}
