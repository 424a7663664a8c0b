package programs;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

/**
 * Classes, records, enums and anonymous classes declared in a body, each used within the stretch
 * between two awaits that declares it (JCORO-E030 reports a use beyond it); each with its plain twin.
 */
public abstract class LocalTypes {
    protected final Consumer<String> log;

    protected LocalTypes(Consumer<String> log) {
        this.log = log;
    }

    @Async
    protected Coroutine<Integer> value(int v) {
        log.accept("value " + v);
        if (v % 2 == 0) await(sleep(1));
        return done(v);
    }

    protected int valuePlain(int v) {
        log.accept("value " + v);
        return v;
    }

    /** Declared after the last await: a record, an enum and a local class with a captured local. */
    @Async
    public Coroutine<String> afterAwait(int mode) {
        int base = await(value(mode));
        record Pair(String key, int value) {}
        enum Size { SMALL, LARGE }
        class Scaled {
            int of(int n) {
                return n * base;
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pairs.add(new Pair("k" + i, new Scaled().of(i)));
        }
        Size size = pairs.get(2).value() > 2 ? Size.LARGE : Size.SMALL;
        log.accept(pairs + " " + size);
        return done(size.name());
    }

    public String afterAwaitPlain(int mode) {
        int base = valuePlain(mode);
        record Pair(String key, int value) {}
        enum Size { SMALL, LARGE }
        class Scaled {
            int of(int n) {
                return n * base;
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pairs.add(new Pair("k" + i, new Scaled().of(i)));
        }
        Size size = pairs.get(2).value() > 2 ? Size.LARGE : Size.SMALL;
        log.accept(pairs + " " + size);
        return size.name();
    }

    /** A local class and a variable of it, used through a stretch of statements after an await. */
    @Async
    public Coroutine<String> localCounter(int mode) {
        int start = await(value(mode));
        class Counter {
            int n;
        }
        var counter = new Counter();
        counter.n = start + 1;
        counter.n *= 3;
        log.accept("n " + counter.n);
        counter.n -= 2;
        counter.n ^= 5;
        log.accept("n " + counter.n);
        counter.n <<= 1;
        return done("n=" + counter.n);
    }

    public String localCounterPlain(int mode) {
        int start = valuePlain(mode);
        class Counter {
            int n;
        }
        var counter = new Counter();
        counter.n = start + 1;
        counter.n *= 3;
        log.accept("n " + counter.n);
        counter.n -= 2;
        counter.n ^= 5;
        log.accept("n " + counter.n);
        counter.n <<= 1;
        return "n=" + counter.n;
    }

    /** A var of an intersection type (no field can have it), used through a stretch of statements. */
    @Async
    public Coroutine<String> intersection(int mode) {
        int start = await(value(mode));
        var both = start > 1 ? 1 : "one";
        String text = String.valueOf(both);
        log.accept("text " + text);
        text = text + both.hashCode();
        java.io.Serializable serializable = both;
        log.accept("text " + text);
        text = text + (serializable instanceof Integer);
        return done(text);
    }

    public String intersectionPlain(int mode) {
        int start = valuePlain(mode);
        var both = start > 1 ? 1 : "one";
        String text = String.valueOf(both);
        log.accept("text " + text);
        text = text + both.hashCode();
        java.io.Serializable serializable = both;
        log.accept("text " + text);
        text = text + (serializable instanceof Integer);
        return text;
    }

    /** Each iteration awaits, then declares a class capturing that iteration's value. */
    @Async
    public Coroutine<String> perIteration(int mode) {
        List<Supplier<String>> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int got = await(value(mode + i));
            class Captured implements Supplier<String> {
                @Override
                public String get() {
                    return "got" + got;
                }
            }
            made.add(new Captured());
            Object anonymous = new Object() {
                @Override
                public String toString() {
                    return "anon" + got;
                }
            };
            log.accept(String.valueOf(anonymous));
        }
        StringBuilder out = new StringBuilder();
        for (Supplier<String> s : made) {
            out.append(s.get()).append(' ');
        }
        return done(out.toString().trim());
    }

    public String perIterationPlain(int mode) {
        List<Supplier<String>> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int got = valuePlain(mode + i);
            class Captured implements Supplier<String> {
                @Override
                public String get() {
                    return "got" + got;
                }
            }
            made.add(new Captured());
            Object anonymous = new Object() {
                @Override
                public String toString() {
                    return "anon" + got;
                }
            };
            log.accept(String.valueOf(anonymous));
        }
        StringBuilder out = new StringBuilder();
        for (Supplier<String> s : made) {
            out.append(s.get()).append(' ');
        }
        return out.toString().trim();
    }
}
