package programs;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.List;
import java.util.function.Consumer;
import static io.jcoro.Coro.*;

/** Loops, branches, labels and compound assignments around awaits, with a plain twin of each body. */
@SuppressWarnings("fallthrough") // the switch tests fall through on purpose
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

    /** Logs {@code s} when it is evaluated: the trace shows Java's evaluation order. */
    protected String tag(String s) {
        log.accept("eval " + s);
        return s;
    }

    protected int num(int n) {
        log.accept("eval " + n);
        return n;
    }

    protected boolean truth(boolean b) {
        log.accept("eval " + b);
        return b;
    }

    @Async
    protected Coroutine<Integer> setField(int v) {
        await(sleep(1));
        field = v;
        return done(1);
    }

    protected int setFieldPlain(int v) {
        field = v;
        return 1;
    }

    @Async
    protected Coroutine<Integer> loud(int v, boolean suspend) {
        log.accept("await " + v);
        if (suspend) await(sleep(3));
        return done(v);
    }

    protected int loudPlain(int v, boolean suspend) {
        log.accept("await " + v);
        return v;
    }

    /** Awaits inside expressions: operands, arguments, receivers, short-circuits, conditionals. */
    @Async
    public Coroutine<String> expressions() {
        int[] arr = {10, 20, 30};
        String s = tag("a") + await(loud(1, true)) + tag("b");
        int n = num(2) * await(loud(3, false)) + num(4);
        if (truth(false) && await(check(1))) {
            log.accept("unreachable");
        }
        if (truth(true) || await(check(1))) {
            log.accept("short");
        }
        boolean both = truth(true) && await(check(2)) && !await(check(3));
        int pick = truth(n > 5) ? await(loud(5, true)) : num(6);
        int other = truth(n < 5) ? await(loud(7, true)) : num(8);
        String joined = String.join(tag(","), tag("x"), String.valueOf(await(loud(9, true))), tag("z"));
        field = 100;
        field += await(setField(7));
        arr[num(1)] += await(loud(5, true));
        arr[num(2)] = await(loud(await(loud(1, true)) + 1, false)) * 100;
        StringBuilder sb = new StringBuilder(tag("sb:"));
        sb.append(await(loud(11, true))).append(tag("!"));
        long widened = await(loud(12, false)) + 1L;
        int sw = switch (await(loud(2, true))) {
            case 1 -> num(10);
            case 2 -> await(loud(20, true)) + num(1);
            default -> {
                int q = num(3);
                if (q > 2) yield q + await(loud(30, false));
                yield 0;
            }
        };
        Color col = truth(true) ? Color.GREEN : Color.RED;
        String named = switch (col) {
            case RED -> "r";
            case GREEN -> {
                String g = "g" + await(loud(4, true));
                if (g.length() > 1) {
                    yield g + tag("!");
                }
                yield g;
            }
            case BLUE -> "b";
        };
        return done(s + n + both + pick + other + joined + field + arr[0] + arr[1] + arr[2] + sb + widened + sw + named);
    }

    public String expressionsPlain() {
        int[] arr = {10, 20, 30};
        String s = tag("a") + loudPlain(1, true) + tag("b");
        int n = num(2) * loudPlain(3, false) + num(4);
        if (truth(false) && 1 % 3 != 0) {
            log.accept("unreachable");
        }
        if (truth(true) || 1 % 3 != 0) {
            log.accept("short");
        }
        boolean both = truth(true) && 2 % 3 != 0 && !(3 % 3 != 0);
        int pick = truth(n > 5) ? loudPlain(5, true) : num(6);
        int other = truth(n < 5) ? loudPlain(7, true) : num(8);
        String joined = String.join(tag(","), tag("x"), String.valueOf(loudPlain(9, true)), tag("z"));
        field = 100;
        field += setFieldPlain(7);
        arr[num(1)] += loudPlain(5, true);
        arr[num(2)] = loudPlain(loudPlain(1, true) + 1, false) * 100;
        StringBuilder sb = new StringBuilder(tag("sb:"));
        sb.append(loudPlain(11, true)).append(tag("!"));
        long widened = loudPlain(12, false) + 1L;
        int sw = switch (loudPlain(2, true)) {
            case 1 -> num(10);
            case 2 -> loudPlain(20, true) + num(1);
            default -> {
                int q = num(3);
                if (q > 2) yield q + loudPlain(30, false);
                yield 0;
            }
        };
        Color col = truth(true) ? Color.GREEN : Color.RED;
        String named = switch (col) {
            case RED -> "r";
            case GREEN -> {
                String g = "g" + loudPlain(4, true);
                if (g.length() > 1) {
                    yield g + tag("!");
                }
                yield g;
            }
            case BLUE -> "b";
        };
        return s + n + both + pick + other + joined + field + arr[0] + arr[1] + arr[2] + sb + widened + sw + named;
    }

    enum Color { RED, GREEN, BLUE }

    /** for, do, enhanced for, switch (classic with fall-through, arrow), labelled continue. */
    @Async
    public Coroutine<String> statements() {
        StringBuilder out = new StringBuilder();
        for (int i = await(loud(0, true)); i < await(loud(3, false)); i += await(loud(1, true))) {
            out.append("f").append(i);
            if (i == 1) continue;
            out.append(await(loud(i * 10, i == 2)));
        }
        int k = 0;
        do {
            k += await(loud(2, k % 4 == 0));
            if (k == 4) continue;
            out.append("d").append(k);
        } while (k < await(loud(7, false)));
        int[] numbers = {1, 2, 3};
        for (int n : numbers) {
            out.append("a").append(await(loud(n, n == 2)));
        }
        java.util.List<String> words = java.util.List.of("x", "y");
        for (var w : words) {
            out.append(w).append(await(loud(w.length(), true)));
        }
        outer:
        for (String word : java.util.List.of("one", "two", "three")) {
            for (int j = 0; j < 3; j++) {
                if (j == 1 && word.equals("two")) continue outer;
                if (word.equals("three")) break outer;
                out.append(word.charAt(j)).append(await(loud(j, j == 2)));
            }
        }
        for (Color c : Color.values()) {
            switch (c) {
                case RED:
                    out.append("r").append(await(loud(1, true)));
                case GREEN:
                    out.append("g");
                    break;
                default:
                    out.append("b").append(await(loud(3, false)));
            }
        }
        for (int i = 0; i < 4; i++) {
            switch (await(loud(i, i == 3)) % 3) {
                case 0 -> out.append("zero");
                case 1, 2 -> {
                    out.append("some").append(await(loud(i, true)));
                    if (i == 2) break;
                    out.append("!");
                }
                default -> out.append("never");
            }
        }
        switch (tag("s" + k)) {
            case "s8":
                out.append(await(loud(8, true)));
                break;
            case "s9":
                out.append("nine");
        }
        return done(out.toString());
    }

    public String statementsPlain() {
        StringBuilder out = new StringBuilder();
        for (int i = loudPlain(0, true); i < loudPlain(3, false); i += loudPlain(1, true)) {
            out.append("f").append(i);
            if (i == 1) continue;
            out.append(loudPlain(i * 10, i == 2));
        }
        int k = 0;
        do {
            k += loudPlain(2, k % 4 == 0);
            if (k == 4) continue;
            out.append("d").append(k);
        } while (k < loudPlain(7, false));
        int[] numbers = {1, 2, 3};
        for (int n : numbers) {
            out.append("a").append(loudPlain(n, n == 2));
        }
        java.util.List<String> words = java.util.List.of("x", "y");
        for (var w : words) {
            out.append(w).append(loudPlain(w.length(), true));
        }
        outer:
        for (String word : java.util.List.of("one", "two", "three")) {
            for (int j = 0; j < 3; j++) {
                if (j == 1 && word.equals("two")) continue outer;
                if (word.equals("three")) break outer;
                out.append(word.charAt(j)).append(loudPlain(j, j == 2));
            }
        }
        for (Color c : Color.values()) {
            switch (c) {
                case RED:
                    out.append("r").append(loudPlain(1, true));
                case GREEN:
                    out.append("g");
                    break;
                default:
                    out.append("b").append(loudPlain(3, false));
            }
        }
        for (int i = 0; i < 4; i++) {
            switch (loudPlain(i, i == 3) % 3) {
                case 0 -> out.append("zero");
                case 1, 2 -> {
                    out.append("some").append(loudPlain(i, true));
                    if (i == 2) break;
                    out.append("!");
                }
                default -> out.append("never");
            }
        }
        switch (tag("s" + k)) {
            case "s8":
                out.append(loudPlain(8, true));
                break;
            case "s9":
                out.append("nine");
        }
        return out.toString();
    }

    /** Pattern variables used after an await (they become fields of the frame). */
    @Async
    public Coroutine<String> patterns() {
        StringBuilder out = new StringBuilder();
        Object[] things = {"text", 42, null, "more"};
        for (Object o : things) {
            if (o instanceof String s && !s.isEmpty()) {
                await(sleep(1));
                out.append(s.length());
            } else if (!(o instanceof Integer n)) {
                out.append("?");
            } else {
                out.append(await(loud(n, true)) + n);
            }
        }
        return done(out.toString());
    }

    public String patternsPlain() {
        StringBuilder out = new StringBuilder();
        Object[] things = {"text", 42, null, "more"};
        for (Object o : things) {
            if (o instanceof String s && !s.isEmpty()) {
                out.append(s.length());
            } else if (!(o instanceof Integer n)) {
                out.append("?");
            } else {
                out.append(loudPlain(n, true) + n);
            }
        }
        return out.toString();
    }

    /**
     * A pattern variable whose expression the lowering splits into several statements, used only
     * within it (before the await of its condition), and (flow scoping) after an if.
     */
    @Async
    public Coroutine<String> patternsSplitByAwait() {
        StringBuilder out = new StringBuilder();
        Object[] things = {"abc", "toolong", 7};
        for (Object o : things) {
            if (o instanceof String s && s.length() == await(loud(3, true))) {
                out.append("three");
            } else if (o instanceof Integer n && n + await(loud(1, false)) > 5) {
                out.append("int");
            }
            if (!(o instanceof String t)) {
                continue;
            }
            out.append(' ').append(t.length() + await(loud(t.length(), false))).append(t.charAt(0));
        }
        return done(out.toString());
    }

    public String patternsSplitByAwaitPlain() {
        StringBuilder out = new StringBuilder();
        Object[] things = {"abc", "toolong", 7};
        for (Object o : things) {
            if (o instanceof String s && s.length() == loudPlain(3, true)) {
                out.append("three");
            } else if (o instanceof Integer n && n + loudPlain(1, false) > 5) {
                out.append("int");
            }
            if (!(o instanceof String t)) {
                continue;
            }
            out.append(' ').append(t.length() + loudPlain(t.length(), false)).append(t.charAt(0));
        }
        return out.toString();
    }

    protected String join3(String a, String b, int c) {
        return a + b + c;
    }

    /** A renamed local (two share its name) saved in a temp before an await reads its own field. */
    @Async
    public Coroutine<String> renamedSpill() {
        StringBuilder out = new StringBuilder();
        {
            String v = "a";
            await(sleep(1));
            out.append(v);
        }
        {
            String v = "b";
            out.append(join3(v, v = "c", await(loud(1, true)))).append(v);
        }
        return done(out.toString());
    }

    public String renamedSpillPlain() {
        StringBuilder out = new StringBuilder();
        {
            String v = "a";
            out.append(v);
        }
        {
            String v = "b";
            out.append(join3(v, v = "c", loudPlain(1, true))).append(v);
        }
        return out.toString();
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
