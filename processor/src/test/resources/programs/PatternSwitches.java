package programs;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.function.Consumer;
import static io.jcoro.Coro.*;

/**
 * Java 21 pattern switches with awaits in case bodies, guards and selectors, each with its plain
 * twin. Compiled with {@code --release 21}. {@code mode} picks the selector value from
 * {@link #input}: a string, an empty string, a point, a line, a record whose accessor throws,
 * null, an integer, and a shape of each kind.
 */
public abstract class PatternSwitches {
    protected final Consumer<String> log;

    protected PatternSwitches(Consumer<String> log) {
        this.log = log;
    }

    record Point(int x, int y) {}

    record Line(Point from, Point to) {}

    /** Its accessor fails: a record pattern wraps that in MatchException (JLS 14.30.2). */
    record Broken(int v) {
        @Override
        public int v() {
            throw new IllegalStateException("accessor");
        }
    }

    record Reading(double value, String unit) {}

    sealed interface Shape permits Circle, Square {}

    record Circle(int r) implements Shape {}

    record Square(int side) implements Shape {}

    enum Color { RED, GREEN }

    protected Object input(int mode) {
        log.accept("input " + mode);
        return switch (mode) {
            case 0 -> "abc";
            case 1 -> "";
            case 2 -> new Point(1, 2);
            case 3 -> new Line(new Point(1, 2), new Point(3, 4));
            case 4 -> new Broken(7);
            case 5 -> null;
            case 6 -> 42;
            default -> 3.5;
        };
    }

    protected Shape shape(int mode) {
        log.accept("shape " + mode);
        return mode % 2 == 0 ? new Circle(mode) : new Square(mode);
    }

    @Async
    protected Coroutine<Boolean> check(String what, boolean answer) {
        log.accept("check " + what);
        await(sleep(1));
        return done(answer);
    }

    protected boolean checkPlain(String what, boolean answer) {
        log.accept("check " + what);
        return answer;
    }

    protected boolean note(String what) {
        log.accept("guard " + what);
        return true;
    }

    /** A statement switch: awaits in a guard and in bodies, record patterns, case null, default. */
    @Async
    public Coroutine<String> statement(int mode) {
        String result;
        switch (input(mode)) {
            case String s when note("1 " + s) && await(check(s, s.isEmpty())) -> {
                result = "empty " + s.length();
            }
            case String s when note("2 " + s) -> {
                await(sleep(1));
                result = "string " + s;
            }
            case Point(int x, int y) when await(check("point " + x, x < y)) -> {
                await(sleep(1));
                result = "point " + (x + y);
            }
            case Line(Point(var a, var b), Point to) -> {
                int sum = await(value(a + b));
                result = "line " + sum + " " + to.x() + " " + b;
            }
            case Broken(int v) -> result = "broken " + v;
            case null -> result = "null";
            default -> {
                await(sleep(1));
                result = "other";
            }
        }
        log.accept("after");
        return done(result);
    }

    public String statementPlain(int mode) {
        String result;
        switch (input(mode)) {
            case String s when note("1 " + s) && checkPlain(s, s.isEmpty()) -> {
                result = "empty " + s.length();
            }
            case String s when note("2 " + s) -> {
                result = "string " + s;
            }
            case Point(int x, int y) when checkPlain("point " + x, x < y) -> {
                result = "point " + (x + y);
            }
            case Line(Point(var a, var b), Point to) -> {
                int sum = a + b;
                result = "line " + sum + " " + to.x() + " " + b;
            }
            case Broken(int v) -> result = "broken " + v;
            case null -> result = "null";
            default -> {
                result = "other";
            }
        }
        log.accept("after");
        return result;
    }

    @Async
    protected Coroutine<Integer> value(int v) {
        await(sleep(1));
        return done(v);
    }

    /** A switch expression with yield: awaits in guards, in an arrow's value and in a block. */
    @Async
    public Coroutine<String> expression(int mode) {
        String r = switch (input(mode)) {
            case Integer i when await(check("int", i > 3)) -> {
                int twice = await(value(i * 2));
                yield "int " + twice + " " + i;
            }
            case String s when s.length() > 1 -> "long " + await(value(s.length()));
            case String s -> {
                await(sleep(1));
                yield "short '" + s + "'";
            }
            case null, default -> "default " + await(check("d", true));
        };
        log.accept("got " + r);
        return done(r);
    }

    public String expressionPlain(int mode) {
        String r = switch (input(mode)) {
            case Integer i when checkPlain("int", i > 3) -> {
                int twice = i * 2;
                yield "int " + twice + " " + i;
            }
            case String s when s.length() > 1 -> "long " + s.length();
            case String s -> {
                yield "short '" + s + "'";
            }
            case null, default -> "default " + checkPlain("d", true);
        };
        log.accept("got " + r);
        return r;
    }

    /** Statement groups: a pattern case falls through into {@code case null, default}. */
    @Async
    @SuppressWarnings("fallthrough")
    public Coroutine<String> fallThrough(int mode) {
        StringBuilder out = new StringBuilder();
        switch (input(mode)) {
            case String s:
                out.append("s=").append(s);
                await(sleep(1));
                if (s.isEmpty()) {
                    break;
                }
            case null, default:
                out.append(" rest");
                await(sleep(1));
        }
        return done(out.toString());
    }

    @SuppressWarnings("fallthrough")
    public String fallThroughPlain(int mode) {
        StringBuilder out = new StringBuilder();
        switch (input(mode)) {
            case String s:
                out.append("s=").append(s);
                if (s.isEmpty()) {
                    break;
                }
            case null, default:
                out.append(" rest");
        }
        return out.toString();
    }

    /**
     * An exhaustive switch over a sealed type without default, an awaiting guard on an
     * unconditional pattern, and an awaited selector; no case null: a null selector throws.
     */
    @Async
    public Coroutine<String> sealed(int mode) {
        Shape shape = mode == 5 ? null : shape(mode);
        String kind = switch (shape) {
            case Circle c when await(check("circle", c.r() > 2)) -> "big circle " + c.r();
            case Circle c -> "circle " + c.r();
            case Square q -> "square " + await(value(q.side()));
        };
        Object any = await(boxed(mode));
        String more = switch (any) {
            case Object o when await(check("object", mode > 3)) -> "object " + o;
            default -> "default";
        };
        return done(kind + ", " + more);
    }

    public String sealedPlain(int mode) {
        Shape shape = mode == 5 ? null : shape(mode);
        String kind = switch (shape) {
            case Circle c when checkPlain("circle", c.r() > 2) -> "big circle " + c.r();
            case Circle c -> "circle " + c.r();
            case Square q -> "square " + q.side();
        };
        Object any = mode;
        String more = switch (any) {
            case Object o when checkPlain("object", mode > 3) -> "object " + o;
            default -> "default";
        };
        return kind + ", " + more;
    }

    @Async
    protected Coroutine<Object> boxed(int v) {
        await(sleep(1));
        return done(v);
    }

    /** Constants and case null on an enum, with an awaiting guard after them. */
    @Async
    public Coroutine<String> colors(int mode) {
        Color color = mode == 5 ? null : Color.values()[mode % 2];
        return done(switch (color) {
            case null -> "no color";
            case RED -> "red " + await(value(mode));
            case Color c when await(check("green", mode > 2)) -> "late " + c;
            case Color c -> "green";
        });
    }

    public String colorsPlain(int mode) {
        Color color = mode == 5 ? null : Color.values()[mode % 2];
        return switch (color) {
            case null -> "no color";
            case RED -> "red " + mode;
            case Color c when checkPlain("green", mode > 2) -> "late " + c;
            case Color c -> "green";
        };
    }

    /**
     * Record patterns in {@code instanceof}, their variables read after an await: each is copied
     * to its field once the pattern matched, a NaN component too.
     */
    @Async
    public Coroutine<String> instanceOf(int mode) {
        Object o = input(mode);
        if (o instanceof Point(int x, int y) && await(check("point", x < y))) {
            await(sleep(1));
            return done("point " + x + " " + y);
        }
        if (o instanceof Line(Point(var x, var y), Point to) && await(value(x)) + y > 0) {
            return done("line " + x + " " + y + " " + to);
        }
        Object r = mode == 7 ? new Reading(Double.NaN, "K") : new Reading(mode, "C");
        if (r instanceof Reading(double v, String unit) && await(check(unit, true))) {
            return done("reading " + v + unit);
        }
        return done("none");
    }

    public String instanceOfPlain(int mode) {
        Object o = input(mode);
        if (o instanceof Point(int x, int y) && checkPlain("point", x < y)) {
            return "point " + x + " " + y;
        }
        if (o instanceof Line(Point(var x, var y), Point to) && x + y > 0) {
            return "line " + x + " " + y + " " + to;
        }
        Object r = mode == 7 ? new Reading(Double.NaN, "K") : new Reading(mode, "C");
        if (r instanceof Reading(double v, String unit) && checkPlain(unit, true)) {
            return "reading " + v + unit;
        }
        return "none";
    }
}
