package io.jcoro.processor.ir;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import io.jcoro.processor.analyze.BodyFacts;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The variables (method locals and temps) one op reads or writes, for the analyses over the IR.
 * A subtree that the lowering evaluated earlier is not read again: the op reads the temp that
 * replaces it.
 *
 * @param variables   locals and parameters of the method the op uses
 * @param temps       temps the op uses
 * @param declared    locals the op declares at the top level of an exploded block
 * @param localTypes  the names of types declared in the body that the op prints, with their type
 */
public record OpReferences(Set<VariableElement> variables, Set<Temp> temps, Set<VariableElement> declared,
        Map<Tree, TypeElement> localTypes) {

    /** What {@code op} references, given the lowering's replacements and exits. */
    public static OpReferences of(Op op, BodyFacts facts, Map<Tree, Op.Replacement> replacements,
            Map<Tree, Op.Exit> exits) {
        Set<VariableElement> variables = new LinkedHashSet<>();
        Set<Temp> temps = new LinkedHashSet<>(directTemps(op));
        Set<VariableElement> declared = new LinkedHashSet<>();
        Map<Tree, TypeElement> localTypes = new LinkedHashMap<>();
        Op.Resource closed = resourceOf(op);
        if (closed != null && closed.variable() != null) {
            variables.add(closed.variable());
        }
        for (Tree tree : treesOf(op)) {
            if (tree instanceof VariableTree declaration && facts.localRefs().get(declaration) != null) {
                declared.add(facts.localRefs().get(declaration));
            }
            new TreeScanner<Void, Void>() {
                @Override
                public Void scan(Tree node, Void unused) {
                    if (node == null) {
                        return null;
                    }
                    Op.Exit exit = exits.get(node);
                    if (exit instanceof Op.Exit.ViaFinally via) {
                        temps.add(via.finally_().pending());
                        temps.add(via.finally_().value());
                    } else if (exit instanceof Op.Exit.Yield yield) {
                        temps.add(yield.result());
                    }
                    Op.Replacement replaced = definedHere(op, node, replacements) ? null : replacements.get(node);
                    if (replaced instanceof Op.Replacement.ByTemp byTemp) {
                        temps.add(byTemp.temp());
                        return null;
                    }
                    if (replaced instanceof Op.Replacement.CompoundWrite write) {
                        temps.add(write.old());
                        scan(write.tree().getVariable(), null);
                        scan(write.tree().getExpression(), null);
                        return null;
                    }
                    VariableElement variable = facts.localRefs().get(node);
                    if (variable != null) {
                        variables.add(variable);
                    }
                    TypeElement localType = facts.localTypes().get(node);
                    if (localType != null && !(node instanceof ClassTree)) {
                        localTypes.put(node, localType);
                    }
                    return super.scan(node, unused);
                }
            }.scan(tree, null);
        }
        return new OpReferences(variables, temps, declared, localTypes);
    }

    private static Op.Resource resourceOf(Op op) {
        if (op instanceof Op.CloseSync sync) {
            return sync.resource();
        } else if (op instanceof Op.CloseAsync async) {
            return async.resource();
        } else if (op instanceof Op.AfterCloseAsync after) {
            return after.resource();
        }
        return null;
    }

    /** The temps an op names itself (not through its trees). */
    private static List<Temp> directTemps(Op op) {
        Op.Resource resource = resourceOf(op);
        if (resource != null) {
            return resource.temp() == null ? List.of() : List.of(resource.temp());
        } else if (op instanceof Op.IterInit init) {
            return init.index() == null ? List.of(init.iterator()) : List.of(init.iterator(), init.index());
        } else if (op instanceof Op.IterNext next) {
            return next.index() == null ? List.of(next.iterator()) : List.of(next.iterator(), next.index());
        } else if (op instanceof Op.SwitchJump jump && jump.selector() != null) {
            return List.of(jump.selector());
        } else if (op instanceof Op.Spill spill) {
            return List.of(spill.temp());
        } else if (op instanceof Op.AwaitNext next) {
            return List.of(next.generator());
        } else if (op instanceof Op.JumpIfTemp jump) {
            return List.of(jump.temp());
        } else if (op instanceof Op.Take take && take.use() instanceof Op.Use.ToTemp to) {
            return List.of(to.temp());
        } else if (op instanceof Op.EnterFinally enter) {
            return List.of(enter.finally_().pending(), enter.finally_().value());
        } else if (op instanceof Op.EndFinally end) {
            Finally f = end.finally_();
            return f.outer() == null ? List.of(f.pending(), f.value())
                    : List.of(f.pending(), f.value(), f.outer().pending(), f.outer().value());
        }
        return List.of();
    }

    /** True for the subtree a spill evaluates into its own temp: there it is read, not replaced. */
    private static boolean definedHere(Op op, Tree node, Map<Tree, Op.Replacement> replacements) {
        return op instanceof Op.Spill spill && spill.value() == node
                && replacements.get(node) instanceof Op.Replacement.ByTemp by && by.temp().equals(spill.temp());
    }

    /** The source trees an op prints. */
    static List<Tree> treesOf(Op op) {
        if (op instanceof Op.Code code) {
            return List.of(code.statement());
        } else if (op instanceof Op.Suspend suspend) {
            return List.of(suspend.awaitable());
        } else if (op instanceof Op.JumpUnless jump) {
            return List.of(jump.condition());
        } else if (op instanceof Op.Spill spill) {
            return List.of(spill.value());
        } else if (op instanceof Op.Eval eval) {
            return List.of(eval.expression());
        } else if (op instanceof Op.FailAssertion fail && fail.statement().getDetail() != null) {
            return List.of(fail.statement().getDetail());
        } else if (op instanceof Op.Emit emit) {
            return List.of(emit.value());
        } else if (op instanceof Op.TakeNext next) {
            return List.of(next.variable());
        } else if (op instanceof Op.TakeCaught caught) {
            return List.of(caught.parameter());
        } else if (op instanceof Op.IterInit init) {
            return List.of(init.iterable());
        } else if (op instanceof Op.IterNext next) {
            return List.of(next.variable());
        } else if (op instanceof Op.SwitchJump jump) {
            // a pattern declares variables and a guard reads them
            List<Tree> trees = new java.util.ArrayList<>();
            if (jump.selector() == null) {
                trees.add(jump.selectorTree());
            }
            for (Op.SwitchJump.Case c : jump.cases()) {
                trees.addAll(c.labels());
                if (c.guard() != null) {
                    trees.add(c.guard());
                }
            }
            return trees;
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
