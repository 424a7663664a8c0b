package io.jcoro.processor.ir;

import java.util.List;
import java.util.Map;

/**
 * The textual form of a lowered body, in the notation of {@code package-info.java}: one op per
 * line, states as {@code L<n>:}, trees as javac prints them. Used by tests and by the lowering
 * documentation; never by generated code.
 */
public final class IrPrinter {
    private IrPrinter() {}

    /** Prints {@code ops}; every label in them must have its state already. */
    public static String print(List<Op> ops) {
        StringBuilder out = new StringBuilder();
        for (Op op : ops) {
            if (op instanceof Op.Mark mark) {
                out.append('L').append(mark.label().state()).append(':');
                if (mark.handler() != null) {
                    out.append("  (on exception: L").append(mark.handler().state()).append(')');
                }
                out.append('\n');
            } else {
                out.append("    ").append(line(op)).append('\n');
            }
        }
        return out.toString();
    }

    private static String line(Op op) {
        if (op instanceof Op.Code code) {
            return "code  " + oneLine(code.statement());
        } else if (op instanceof Op.Suspend suspend) {
            return "await " + oneLine(suspend.awaitable()) + " -> L" + suspend.resume().state();
        } else if (op instanceof Op.Emit emit) {
            return "emit  " + oneLine(emit.value()) + " -> L" + emit.resume().state();
        } else if (op instanceof Op.AwaitNext next) {
            return "await-next " + next.generator() + " -> L" + next.resume().state();
        } else if (op instanceof Op.TakeNext next) {
            return "take-next " + next.variable().getName() + " else goto L" + next.end().state();
        } else if (op instanceof Op.Take take) {
            return "take  " + use(take.use());
        } else if (op instanceof Op.Jump jump) {
            return "goto  L" + jump.target().state();
        } else if (op instanceof Op.JumpUnless jump) {
            return "unless (" + oneLine(jump.condition()) + ") goto L" + jump.target().state();
        } else if (op instanceof Op.JumpIfAssertionsDisabled jump) {
            return "unless assertions goto L" + jump.target().state();
        } else if (op instanceof Op.FailAssertion fail) {
            return "fail-assertion" + (fail.statement().getDetail() == null ? "" : " " + oneLine(fail.statement().getDetail()));
        } else if (op instanceof Op.JumpIfTemp jump) {
            return "if " + jump.temp() + " == " + jump.when() + " goto L" + jump.target().state();
        } else if (op instanceof Op.Spill spill) {
            return "spill " + spill.temp() + " = " + oneLine(spill.value());
        } else if (op instanceof Op.Eval eval) {
            return "eval  " + oneLine(eval.expression());
        } else if (op instanceof Op.IterInit init) {
            return "iter-init " + init.iterator() + (init.index() == null ? "" : ", " + init.index()) + " = "
                    + oneLine(init.iterable());
        } else if (op instanceof Op.IterNext next) {
            return "iter-next " + next.variable().getName() + " <- " + next.iterator() + " else goto L" + next.end().state();
        } else if (op instanceof Op.SwitchJump jump) {
            StringBuilder cases = new StringBuilder();
            for (Op.SwitchJump.Case c : jump.cases()) {
                cases.append(c.labels()).append(c.guard() == null ? "" : " when " + oneLine(c.guard()))
                        .append(" -> L").append(c.body().state()).append(", ");
            }
            String selector = jump.selector() != null ? jump.selector().toString() : oneLine(jump.selectorTree());
            return (jump.enhanced() ? "switch-pattern " : "switch ") + selector + " {" + cases
                    + (jump.otherwise() == null ? "exhaustive}" : "else -> L" + jump.otherwise().state() + "}");
        } else if (op instanceof Op.FailMatch) {
            return "fail-match";
        } else if (op instanceof Op.CatchDispatch dispatch) {
            StringBuilder clauses = new StringBuilder();
            for (Op.CatchDispatch.Catch c : dispatch.catches()) {
                clauses.append(c.types()).append(" -> L").append(c.body().state()).append(", ");
            }
            return "catch-dispatch " + clauses + "else rethrow";
        } else if (op instanceof Op.TakeCaught caught) {
            return "take-caught " + caught.parameter().getName();
        } else if (op instanceof Op.EnterFinally enter) {
            return "enter-finally L" + enter.finally_().start().state() + " "
                    + (enter.pending() == Finally.THROW ? "throw" : "normal");
        } else if (op instanceof Op.EndFinally end) {
            Finally f = end.finally_();
            StringBuilder targets = new StringBuilder();
            for (Map.Entry<Label, Boolean> t : f.targets().entrySet()) {
                targets.append(", jump L").append(t.getKey().state()).append(t.getValue() ? " via outer" : "");
            }
            return "end-finally (" + f.pending() + ", " + f.value() + targets + ")";
        } else if (op instanceof Op.CloseSync close) {
            return "close-sync " + resource(close.resource());
        } else if (op instanceof Op.CloseAsync close) {
            return "close-async " + resource(close.resource()) + " -> L" + close.resume().state()
                    + " else L" + close.skip().state();
        } else if (op instanceof Op.AfterCloseAsync after) {
            return "after-close " + resource(after.resource());
        }
        throw new IllegalArgumentException("unknown op " + op);
    }

    private static String use(Op.Use use) {
        if (use instanceof Op.Use.Discard) {
            return "discard";
        } else if (use instanceof Op.Use.Declare declare) {
            return "decl " + declare.variable().getName();
        } else if (use instanceof Op.Use.Assign assign) {
            return oneLine(assign.target()) + " " + assign.operator();
        } else if (use instanceof Op.Use.ToTemp to) {
            return "-> " + to.temp();
        } else if (use instanceof Op.Use.Return) {
            return "return";
        }
        Op.Use.Branch branch = (Op.Use.Branch) use;
        return "unless " + branch.expected() + " goto L" + branch.target().state();
    }

    private static String resource(Op.Resource resource) {
        return resource.variable() != null ? resource.variable().getSimpleName().toString() : resource.temp().toString();
    }

    private static String oneLine(Object tree) {
        return tree.toString().replaceAll("\\s*\\n\\s*", " ");
    }
}
