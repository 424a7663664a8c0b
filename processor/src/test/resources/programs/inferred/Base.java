package programs.inferred;

import java.util.List;
import java.util.function.Consumer;

/** A superclass, attributed with its subclass: its lambdas and vars need their trees back too. */
public abstract class Base {
    protected final Consumer<String> log;

    protected Base(Consumer<String> log) {
        this.log = log;
    }

    protected int lengths(List<? extends CharSequence> texts) {
        int[] total = {0};
        texts.forEach(t -> total[0] += t.length());
        var marker = new Object() {
            int bonus = 100;
        };
        return total[0] + marker.bonus;
    }
}
