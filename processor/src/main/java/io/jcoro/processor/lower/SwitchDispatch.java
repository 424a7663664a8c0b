package io.jcoro.processor.lower;

import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import io.jcoro.processor.ir.Label;
import io.jcoro.processor.ir.Op;
import io.jcoro.processor.ir.Temp;
import java.util.ArrayList;
import java.util.List;

/**
 * Lower: the dispatch of an exploded switch, statement or expression, to the body of the case
 * that matches. The bodies are the caller's: this adds the ops that choose among them.
 *
 * <p>A classic switch (constants, enum names, strings) dispatches with one {@code switch} op over
 * its labels. A Java 21 switch (patterns, record patterns, {@code case null}, guards) dispatches
 * with a pattern switch over the same labels in the same order, so that Java itself tests them as
 * the user's switch would: type tests, record accessors (their failures wrapped in
 * {@code MatchException}), {@code null}, guards in order and only after their pattern matched.
 * The dispatch binds the pattern variables that the case's body or guard uses in another state
 * (those are fields of the frame). A guard that awaits cannot run inside a Java switch: the
 * dispatch stops at its case, the guard gets states of its own, and when it fails, a second
 * pattern switch over the cases after it resumes the matching there (the selector is evaluated
 * once, into a temp). Each dispatch ends with a {@code default} that goes on to the next one, or
 * throws {@code MatchException} where no case is left, as javac's own code does.
 */
final class SwitchDispatch {
    private final LoweringContext ctx;

    SwitchDispatch(LoweringContext ctx) {
        this.ctx = ctx;
    }

    /**
     * [source] {@code switch (s) { case A: S1 case B, C: S2 default: S3 }}
     * [ir]     {@code switch $t {A -> L1, B/C -> L2, else -> L3}}; the body labels L1.. are
     *          returned in case order, for the caller to mark before each body.
     * [source] {@code switch (o) { case String s when await(ok(s)) -> S1; case Point(int x, int y) -> S2;
     *          case null, default -> S3 }}
     * [ir]     {@code spill $t = o; switch-pattern $t {[null] -> L3, [String s] -> G1, else -> R2};
     *          G1: await ok(s) -> G; G: take unless true -> R2; goto L1;
     *          R2: switch-pattern $t {[Point(int x, int y)] -> L2, [null, default] -> L3}}
     *
     * @param selector  the temp holding the selector's value, or null to read {@code selectorTree}
     * @param noDefault where a switch statement without {@code default} goes when nothing
     *                  matches; null for a switch expression, which is exhaustive
     */
    List<Label> dispatch(List<? extends CaseTree> cases, ExpressionTree selectorTree, Temp selector, Label noDefault) {
        List<CaseLabels> shapes = cases.stream().map(CaseLabels::of).toList();
        List<Label> bodies = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            bodies.add(new Label("case"));
        }
        if (shapes.stream().noneMatch(CaseLabels::isEnhanced)) {
            classic(cases, shapes, bodies, selectorTree, selector, noDefault);
            return bodies;
        }
        List<Integer> awaitingGuards = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            if (shapes.get(i).guard() != null && ctx.facts.suspends(shapes.get(i).guard())) {
                awaitingGuards.add(i);
            }
        }
        if (!awaitingGuards.isEmpty() && selector == null) {
            // each restart reads the selector again: Java evaluates it once (JLS 14.11.3)
            selector = ctx.ir.newTemp(ctx.typeOf(selectorTree));
            ctx.add(new Op.Spill(selector, selectorTree));
        }
        Label failMatch = new Label("switch.nomatch");
        boolean failMatchUsed = false;
        int start = 0;
        while (start < shapes.size()) {
            int end = shapes.size() - 1;
            for (int k : awaitingGuards) {
                if (k >= start) {
                    end = k;
                    break;
                }
            }
            boolean guardEnds = awaitingGuards.contains(end);
            boolean lastSegment = end == shapes.size() - 1;
            Label restart = lastSegment ? failMatch : new Label("switch.restart");
            Label guard = guardEnds ? new Label("switch.guard") : null;
            List<Op.SwitchJump.Case> dispatch = new ArrayList<>();
            if (start == 0) {
                nullFirst(shapes, end, bodies, dispatch);
            }
            boolean hasDefault = false;
            for (int i = start; i <= end; i++) {
                CaseLabels shape = shapes.get(i);
                hasDefault |= shape.isDefault();
                boolean awaits = guardEnds && i == end;
                dispatch.add(new Op.SwitchJump.Case(shape.labels(), awaits ? null : shape.guard(),
                        awaits ? guard : bodies.get(i)));
            }
            Label otherwise = null;
            boolean whole = start == 0 && lastSegment && !guardEnds;
            if (!whole && !hasDefault && !endsUnconditionally(shapes.get(end), selectorTree, guardEnds)) {
                // a part of the cases is not exhaustive: an unmatched value goes on to the next part
                otherwise = restart;
                failMatchUsed |= lastSegment;
            }
            ctx.add(new Op.SwitchJump(selectorTree, selector, dispatch, otherwise, true));
            if (guardEnds) {
                ctx.mark(guard);
                ctx.branchUnless(shapes.get(end).guard(), restart);
                ctx.add(new Op.Jump(bodies.get(end)));
                failMatchUsed |= lastSegment;
            }
            if (!lastSegment) {
                ctx.mark(restart);
            }
            start = end + 1;
        }
        if (failMatchUsed) {
            ctx.mark(failMatch);
            ctx.add(new Op.FailMatch());
        }
        return bodies;
    }

    /** The dispatch of a switch without Java 21 labels: its constants, then {@code default} or {@code noDefault}. */
    private void classic(List<? extends CaseTree> cases, List<CaseLabels> shapes, List<Label> bodies,
            ExpressionTree selectorTree, Temp selector, Label noDefault) {
        List<Op.SwitchJump.Case> dispatch = new ArrayList<>();
        Label otherwise = noDefault;
        for (int i = 0; i < cases.size(); i++) {
            if (shapes.get(i).isDefault()) {
                otherwise = bodies.get(i);
            } else {
                dispatch.add(new Op.SwitchJump.Case(cases.get(i).getExpressions(), null, bodies.get(i)));
            }
        }
        ctx.add(new Op.SwitchJump(selectorTree, selector, dispatch, otherwise, false));
    }

    /**
     * Only the first dispatch sees a null selector: if the {@code case null} is in a later part,
     * the first one goes to it directly (null matches no pattern, so the order does not matter).
     */
    private static void nullFirst(List<CaseLabels> shapes, int end, List<Label> bodies, List<Op.SwitchJump.Case> dispatch) {
        for (int i = end + 1; i < shapes.size(); i++) {
            Tree label = shapes.get(i).nullLabel();
            if (label != null) {
                dispatch.add(new Op.SwitchJump.Case(List.of(label), null, bodies.get(i)));
            }
        }
    }

    /**
     * Whether the last case of a part matches every value that reaches it (a type pattern that is
     * unconditional for the selector, without a guard or with its guard left out): Java rejects a
     * {@code default} after it.
     */
    private boolean endsUnconditionally(CaseLabels last, ExpressionTree selectorTree, boolean guardLeftOut) {
        if (last.guard() != null && !guardLeftOut) {
            return false;
        }
        for (Tree label : last.labels()) {
            Tree pattern = CaseLabels.isPattern(label) ? CaseLabels.first(label) : null;
            if (pattern instanceof BindingPatternTree binding
                    && ctx.attribution.isUnconditional(ctx.typeOf(binding.getVariable()), ctx.typeOf(selectorTree))) {
                return true;
            }
        }
        return false;
    }
}
