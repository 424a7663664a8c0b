package programs;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.List;
import java.util.function.Consumer;
import static io.jcoro.Coro.*;

/** Loops, branches, labels and compound assignments around awaits, with a plain twin of each body. */
public abstract class ControlFlow {
    protected final Consumer<String> log;
    protected int field = 100;

    protected ControlFlow(Consumer<String> log) {
        this.log = log;
    }

    /** Returns {@code v}, after a 10 ms sleep if {@code suspend}: some awaits suspend, some do not. */
    @Async
    protected Coroutine<Integer> value(int v, boolean suspend) {
        if (suspend) await(sleep(10));
        return done(v);
    }

    @Async
    protected Coroutine<Boolean> check(int i) {
        return done(i % 3 != 0);
    }

    /** The same name as Coroutine.name(): calls in the body must still reach this one. */
    protected String name() {
        return "ControlFlow";
    }

    @Async
    public Coroutine<Integer> loops(int n) {
        int total = 0;
        int i = 0;
        outer:
        while (i < n) {
            i++;
            int v = await(value(i, i % 2 == 0));
            log.accept("i=" + i + " v=" + v);
            if (await(check(i))) {
                total += await(value(v, true));
                continue;
            } else if (i == 7) {
                log.accept("break at " + i);
                break outer;
            }
            int j = 0;
            while (true) {
                j++;
                if (j > 2) break;
                total -= await(value(j, j == 2));
                log.accept("j=" + j);
            }
        }
        log.accept("total=" + total + " " + name() + " " + this.field);
        return done(total);
    }

    public int loopsPlain(int n) {
        int total = 0;
        int i = 0;
        outer:
        while (i < n) {
            i++;
            int v = i;
            log.accept("i=" + i + " v=" + v);
            if (i % 3 != 0) {
                total += v;
                continue;
            } else if (i == 7) {
                log.accept("break at " + i);
                break outer;
            }
            int j = 0;
            while (true) {
                j++;
                if (j > 2) break;
                total -= j;
                log.accept("j=" + j);
            }
        }
        log.accept("total=" + total + " " + name() + " " + this.field);
        return total;
    }

    /** Sibling blocks declare the same names; a negated awaited condition ends the loop. */
    @Async
    public Coroutine<String> scopes() {
        StringBuilder out = new StringBuilder();
        {
            String s = "a";
            await(sleep(5));
            out.append(s);
        }
        {
            String s = "b";
            int k = await(value(2, true));
            out.append(s).append(k);
        }
        int round = 0;
        while (!await(check(round + 3))) {
            round += 3;
            out.append('|').append(round);
            if (round > 6) break;
        }
        int add = await(value(1, false));
        field += add;
        return done(out.toString() + " field=" + field);
    }

    /** Lambdas created in a loop capture each iteration's value, not the variable's last one. */
    @Async
    public Coroutine<String> captures() {
        List<java.util.function.Supplier<String>> made = new java.util.ArrayList<>();
        int i = 0;
        while (i < 3) {
            int v = await(value(i * 10, i == 1));
            await(yieldNow()); // v now lives across a suspension: it is a field of the frame
            made.add(() -> "v" + v);
            i++;
        }
        StringBuilder out = new StringBuilder();
        for (java.util.function.Supplier<String> s : made) out.append(s.get());
        return done(out.toString());
    }

    /** A generic coroutine method. */
    @Async
    public <X> Coroutine<List<X>> twice(X x) {
        X first = await(identity(x));
        X second = await(identity(first));
        return done(List.of(first, second));
    }

    @Async
    protected <Y> Coroutine<Y> identity(Y y) {
        await(yieldNow());
        return done(y);
    }
}
