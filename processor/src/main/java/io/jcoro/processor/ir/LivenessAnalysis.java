package io.jcoro.processor.ir;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import io.jcoro.processor.analyze.BodyFacts;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.VariableElement;

/**
 * Which reference fields of a frame are dead, and where to clear them, so that a sleeping
 * coroutine keeps only what it will read again (STYLE H7). Backward liveness over the graph of
 * states: a field is live at a state if some path from there (jumps, fall-through, exception
 * handlers, exits through finally blocks) references it. Reads and writes both count as
 * references, which errs on the side of keeping a field: never clears one that is still needed.
 * Forward, a field may hold a value where it was referenced on some path since it was last
 * cleared. A field that may hold a value is cleared on entering a state where it is dead (if the
 * frame may still suspend after it), and at an await after which it is dead (whether the await suspends or completes at once): so each
 * field is cleared once after its last use on each path, and the clearings grow with the body,
 * not with the body times its awaits (N sequential try statements would otherwise clear O(N^2)).
 */
public final class LivenessAnalysis {
    private LivenessAnalysis() {}

    /**
     * The names of the reference fields to clear, in the order the frame declares them: at a
     * state's {@link Op.Mark} (on entering it), and at an {@link Op.Suspend} (before suspending,
     * or after an await that did not suspend). Ops with nothing to clear are absent. Only reference fields can be cleared, and the liveness
     * of one variable never depends on another's, so both fixpoints run on bit sets over just
     * those fields: this pass runs once per coroutine, hundreds of times in a large file.
     */
    public static Map<Op, List<String>> deadFields(List<Op> ops, BodyFacts facts,
            Map<Tree, Op.Replacement> replacements, Map<Tree, Op.Exit> exits, FrameLayout layout) {
        List<String> names = new ArrayList<>();
        Map<Object, Integer> slots = new HashMap<>();
        for (VariableElement field : layout.fields()) {
            addSlot(field, layout, slots, names);
        }
        // may hold a value at state 0: the parameters (a hoisted local not assigned yet is null)
        BitSet atEntry = new BitSet();
        for (VariableElement field : layout.fields()) {
            Integer slot = slots.get(field);
            if (slot != null && field.getKind() == javax.lang.model.element.ElementKind.PARAMETER) {
                atEntry.set(slot);
            }
        }
        for (Temp temp : layout.temps()) {
            addSlot(temp, layout, slots, names);
        }
        Map<Integer, BitSet> references = new LinkedHashMap<>();
        Map<Integer, Set<Integer>> successors = new LinkedHashMap<>();
        // the state each suspension resumes at, by the state it ends (an await ends its state)
        Map<Integer, Integer> resumes = new HashMap<>();
        Set<Integer> suspending = new java.util.HashSet<>();
        List<Integer> order = new ArrayList<>();
        int state = -1;
        Op previous = null;
        for (Op op : ops) {
            if (op instanceof Op.Mark mark) {
                int next = mark.label().state();
                if (state >= 0 && !(previous instanceof Op.Jump || previous instanceof Op.CatchDispatch)) {
                    // (an emit falls through too: the generator resumes at the next state)
                    successors.get(state).add(next);
                }
                state = next;
                order.add(state);
                references.put(state, new BitSet());
                successors.put(state, new LinkedHashSet<>());
                if (mark.handler() != null) {
                    successors.get(state).add(mark.handler().state());
                }
            } else {
                OpReferences used = OpReferences.of(op, facts, replacements, exits);
                markSlots(used.variables(), slots, references.get(state));
                markSlots(used.temps(), slots, references.get(state));
                successors.get(state).addAll(targets(op, exits));
                if (op instanceof Op.Suspend suspend) {
                    resumes.put(state, suspend.resume().state());
                }
                if (op instanceof Op.Suspend || op instanceof Op.Emit || op instanceof Op.AwaitNext
                        || op instanceof Op.CloseAsync) {
                    suspending.add(state);
                }
            }
            previous = op;
        }
        Map<Integer, BitSet> liveIn = new LinkedHashMap<>();
        for (int s : order) {
            liveIn.put(s, (BitSet) references.get(s).clone());
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = order.size() - 1; i >= 0; i--) {
                int s = order.get(i);
                for (int successor : successors.get(s)) {
                    changed |= union(liveIn.get(s), liveIn.get(successor));
                }
            }
        }
        // the states after which the frame may suspend: clearing a field matters only there
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = order.size() - 1; i >= 0; i--) {
                int s = order.get(i);
                if (!suspending.contains(s) && successors.get(s).stream().anyMatch(suspending::contains)) {
                    grew |= suspending.add(s);
                }
            }
        }
        // which fields may hold a value when a state starts (see the class comment)
        Map<Integer, BitSet> mayHold = new LinkedHashMap<>();
        for (int s : order) {
            mayHold.put(s, new BitSet());
        }
        mayHold.get(order.get(0)).or(atEntry);
        changed = true;
        while (changed) {
            changed = false;
            for (int s : order) {
                BitSet out = (BitSet) mayHold.get(s).clone();
                out.and(liveIn.get(s));
                out.or(references.get(s));
                Integer resume = resumes.get(s);
                for (int successor : successors.get(s)) {
                    BitSet along = out;
                    if (resume != null && resume == successor) {
                        along = (BitSet) out.clone();
                        along.and(liveIn.get(successor));
                    }
                    changed |= union(mayHold.get(successor), along);
                }
            }
        }
        Map<Op, List<String>> dead = new IdentityHashMap<>();
        state = -1;
        for (Op op : ops) {
            if (op instanceof Op.Mark mark) {
                state = mark.label().state();
                BitSet here = (BitSet) mayHold.get(state).clone();
                here.andNot(liveIn.get(state));
                if (!here.isEmpty() && suspending.contains(state)) {
                    dead.put(mark, here.stream().mapToObj(names::get).toList());
                }
            } else if (op instanceof Op.Suspend suspend) {
                BitSet here = (BitSet) mayHold.get(state).clone();
                here.and(liveIn.get(state));
                here.or(references.get(state));
                here.andNot(liveIn.get(suspend.resume().state()));
                if (!here.isEmpty()) {
                    dead.put(suspend, here.stream().mapToObj(names::get).toList());
                }
            }
        }
        return dead;
    }

    /** Numbers {@code variable} if it is a reference-typed field of the frame. */
    private static void addSlot(Object variable, FrameLayout layout, Map<Object, Integer> slots, List<String> names) {
        String name = referenceFieldName(variable, layout);
        if (name != null) {
            slots.put(variable, names.size());
            names.add(name);
        }
    }

    private static void markSlots(Set<?> variables, Map<Object, Integer> slots, BitSet into) {
        for (Object variable : variables) {
            Integer slot = slots.get(variable);
            if (slot != null) {
                into.set(slot);
            }
        }
    }

    /** {@code into |= from}; whether {@code into} changed. */
    private static boolean union(BitSet into, BitSet from) {
        int before = into.cardinality();
        into.or(from);
        return into.cardinality() != before;
    }

    /** The field's name if {@code variable} is a reference-typed field of the frame, else null. */
    private static String referenceFieldName(Object variable, FrameLayout layout) {
        if (variable instanceof VariableElement local && layout.isField(local)
                && !local.asType().getKind().isPrimitive()) {
            return layout.fieldName(local);
        }
        if (variable instanceof Temp temp && layout.isField(temp) && !temp.type().getKind().isPrimitive()) {
            return temp.name();
        }
        return null;
    }

    /** The states an op may continue at, besides falling through. */
    private static List<Integer> targets(Op op, Map<Tree, Op.Exit> exits) {
        List<Integer> targets = new ArrayList<>();
        if (op instanceof Op.Jump jump) {
            targets.add(jump.target().state());
        } else if (op instanceof Op.JumpUnless jump) {
            targets.add(jump.target().state());
        } else if (op instanceof Op.JumpIfAssertionsDisabled jump) {
            targets.add(jump.target().state());
        } else if (op instanceof Op.JumpIfTemp jump) {
            targets.add(jump.target().state());
        } else if (op instanceof Op.Take take && take.use() instanceof Op.Use.Branch branch) {
            targets.add(branch.target().state());
        } else if (op instanceof Op.IterNext next) {
            targets.add(next.end().state());
        } else if (op instanceof Op.TakeNext next) {
            targets.add(next.end().state());
        } else if (op instanceof Op.SwitchJump jump) {
            jump.cases().forEach(c -> targets.add(c.body().state()));
            if (jump.otherwise() != null) {
                targets.add(jump.otherwise().state());
            }
        } else if (op instanceof Op.CatchDispatch dispatch) {
            dispatch.catches().forEach(c -> targets.add(c.body().state()));
        } else if (op instanceof Op.CloseAsync close) {
            targets.add(close.skip().state());
        } else if (op instanceof Op.EndFinally end) {
            end.finally_().targets().keySet().forEach(label -> targets.add(label.state()));
            if (end.finally_().outer() != null) {
                targets.add(end.finally_().outer().start().state());
            }
        } else if (op instanceof Op.Code code) {
            new TreeScanner<Void, Void>() {
                @Override
                public Void scan(Tree node, Void unused) {
                    Op.Exit exit = node == null ? null : exits.get(node);
                    if (exit instanceof Op.Exit.Direct direct) {
                        targets.add(direct.target().state());
                    } else if (exit instanceof Op.Exit.ViaFinally via) {
                        targets.add(via.finally_().start().state());
                    } else if (exit instanceof Op.Exit.Yield yield) {
                        targets.add(yield.end().state());
                    }
                    return super.scan(node, unused);
                }
            }.scan(code.statement(), null);
        }
        return targets;
    }
}
