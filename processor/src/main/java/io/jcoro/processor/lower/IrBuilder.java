package io.jcoro.processor.lower;

import com.sun.source.tree.Tree;
import io.jcoro.processor.ir.Label;
import io.jcoro.processor.ir.Op;
import io.jcoro.processor.ir.Temp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.type.TypeMirror;

/** The growing IR of one body, shared by {@link Lowerer} and {@link Spiller}. */
final class IrBuilder {
    final Label entry = new Label("entry");
    final List<Op> ops = new ArrayList<>();
    final Map<Tree, Op.Exit> exits = new LinkedHashMap<>();
    final java.util.Set<Tree> deferredExits = new java.util.LinkedHashSet<>();
    final List<io.jcoro.processor.ir.Finally> finallies = new ArrayList<>();
    /** Where an exception in the states marked from now on goes; null: out of the coroutine. */
    Label handler;
    final Map<Tree, Op.Replacement> replacements = new LinkedHashMap<>();
    final List<Temp> temps = new ArrayList<>();

    IrBuilder() {
        ops.add(new Op.Mark(entry, null));
    }

    void add(Op op) {
        ops.add(op);
    }

    void mark(Label label) {
        ops.add(new Op.Mark(label, handler));
    }

    Temp newTemp(TypeMirror type) {
        Temp temp = new Temp("$t" + temps.size(), type);
        temps.add(temp);
        return temp;
    }

    LoweredBody build() {
        return new LoweredBody(entry, ops, exits, deferredExits, replacements, temps, finallies);
    }
}
