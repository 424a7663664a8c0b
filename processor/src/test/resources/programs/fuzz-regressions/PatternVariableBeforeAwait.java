package fuzzregressions;

import io.jcoro.AsyncCloseable;
import io.jcoro.Awaitable;
import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import static io.jcoro.Coro.*;

@SuppressWarnings({"fallthrough", "finally", "unused", "cast", "try", "divzero", "static"})
public abstract class PatternVariableBeforeAwait {
    protected final Consumer<String> out;
    int steps;
    int fi = 7;
    String sf = "F";
    int[] farr = {1, 2, 3, 4};

    protected PatternVariableBeforeAwait(Consumer<String> out) {
        this.out = out;
    }

    /** A trace line; a run that logs too much is cut off (a twin never does). */
    void log(String line) {
        if (++steps > 50_000) throw new Error("step limit");
        out.accept(line);
    }

    static String cap(String s) {
        return s.length() > 24 ? s.substring(0, 24) : s;
    }

    // not overloaded, unlike Math.floorMod, String.valueOf, Integer.valueOf and List.of:
    // an await in an argument of an overloaded generic call costs javac a speculative
    // attribution per candidate, exponential in the nesting
    static int mod3(int x) {
        return Math.floorMod(x, 3);
    }

    static String str(int x) {
        return String.valueOf(x);
    }

    static Integer box(int x) {
        return x;
    }

    static List<Integer> list3(int a, int b, int c) {
        return List.of(a, b, c);
    }

    static final class Chk extends Exception {
        Chk(String message) {
            super(message);
        }
    }

    enum E { A, B, C }

    int f3(int a, int b, int c) {
        log("f3 " + a + " " + b + " " + c);
        return a * 3 + b - c;
    }

    void chk(int id, boolean fail) throws Chk {
        log("chk " + id + " " + fail);
        if (fail) throw new Chk("chk" + id);
    }

    Awaitable<Void> pause(int id) {
        return id % 3 == 0 ? yieldNow() : sleep(id % 4 + 1);
    }

    @Async
    Coroutine<Integer> vi(int id, int v, boolean suspend) {
        log("await " + id + " " + v);
        if (suspend) await(pause(id));
        return done(v);
    }

    Integer viPlain(int id, int v, boolean suspend) {
        log("await " + id + " " + v);
        return v;
    }

    @Async
    Coroutine<Long> vl(int id, long v, boolean suspend) {
        log("await " + id + " " + v);
        if (suspend) await(pause(id));
        return done(v);
    }

    Long vlPlain(int id, long v, boolean suspend) {
        log("await " + id + " " + v);
        return v;
    }

    @Async
    Coroutine<String> vs(int id, String v, boolean suspend) {
        log("await " + id + " " + v);
        if (suspend) await(pause(id));
        return done(v);
    }

    String vsPlain(int id, String v, boolean suspend) {
        log("await " + id + " " + v);
        return v;
    }

    @Async
    Coroutine<Boolean> vb(int id, boolean v, boolean suspend) {
        log("await " + id + " " + v);
        if (suspend) await(pause(id));
        return done(v);
    }

    Boolean vbPlain(int id, boolean v, boolean suspend) {
        log("await " + id + " " + v);
        return v;
    }

    @Async
    Coroutine<int[]> va(int id, int v, boolean suspend) {
        log("await " + id + " " + v);
        if (suspend) await(pause(id));
        return done(new int[] {v, v + 1, v + 2, v + 3});
    }

    int[] vaPlain(int id, int v, boolean suspend) {
        log("await " + id + " " + v);
        return new int[] {v, v + 1, v + 2, v + 3};
    }

    @Async
    Coroutine<List<Integer>> vli(int id, int v, boolean suspend) {
        log("await " + id + " " + v);
        if (suspend) await(pause(id));
        return done(List.of(v, v * 2, v + 5));
    }

    List<Integer> vliPlain(int id, int v, boolean suspend) {
        log("await " + id + " " + v);
        return List.of(v, v * 2, v + 5);
    }

    @Async
    Coroutine<E> ve(int id, E v, boolean suspend) {
        log("await " + id + " " + v);
        if (suspend) await(pause(id));
        return done(v);
    }

    E vePlain(int id, E v, boolean suspend) {
        log("await " + id + " " + v);
        return v;
    }

    @Async
    Coroutine<Object> vo(int id, Object v, boolean suspend) {
        log("await " + id + " " + v);
        if (suspend) await(pause(id));
        return done(v);
    }

    Object voPlain(int id, Object v, boolean suspend) {
        log("await " + id + " " + v);
        return v;
    }

    /** Changes the field fi while the caller is suspended: evaluation order shows. */
    @Async
    Coroutine<Integer> bump(int id, int d, boolean suspend) {
        log("await " + id + " bump " + d);
        if (suspend) await(pause(id));
        fi += d;
        return done(fi);
    }

    Integer bumpPlain(int id, int d, boolean suspend) {
        log("await " + id + " bump " + d);
        fi += d;
        return fi;
    }

    /** Changes an element of farr while the caller is suspended. */
    @Async
    Coroutine<Integer> poke(int id, int i, int v, boolean suspend) {
        log("await " + id + " poke " + i + " " + v);
        if (suspend) await(pause(id));
        farr[i & 3] = v;
        return done(v);
    }

    Integer pokePlain(int id, int i, int v, boolean suspend) {
        log("await " + id + " poke " + i + " " + v);
        farr[i & 3] = v;
        return v;
    }

    /** Fails, after suspending or at once: kind 0 unchecked, 1 checked, 2 another unchecked. */
    @Async
    Coroutine<Integer> fail(int id, int kind, boolean suspend) throws Chk {
        log("await " + id + " fail " + kind);
        if (suspend) await(pause(id));
        if (kind == 1) throw new Chk("fail" + id);
        if (kind == 2) throw new IllegalArgumentException("fail" + id);
        throw new IllegalStateException("fail" + id);
    }

    Integer failPlain(int id, int kind, boolean suspend) throws Chk {
        log("await " + id + " fail " + kind);
        if (kind == 1) throw new Chk("fail" + id);
        if (kind == 2) throw new IllegalArgumentException("fail" + id);
        throw new IllegalStateException("fail" + id);
    }

    /** A sync resource, in both versions. */
    class Res implements AutoCloseable {
        final String name;
        final boolean failClose;

        Res(String name, boolean failClose) {
            this.name = name;
            this.failClose = failClose;
            log("open " + name);
        }

        @Override
        public void close() {
            log("close " + name);
            if (failClose) throw new IllegalStateException("close " + name);
        }
    }

    /** An async resource: closing it is awaited. */
    class ARes implements AsyncCloseable {
        final String name;
        final boolean failClose;
        final boolean suspend;

        ARes(String name, boolean failClose, boolean suspend) {
            this.name = name;
            this.failClose = failClose;
            this.suspend = suspend;
            log("open " + name);
        }

        @Override
        public Awaitable<Void> closeAsync() {
            return closeA(name, failClose, suspend);
        }
    }

    /** The twin of ARes: the same lines and failures, closing at once. */
    class PRes implements AutoCloseable {
        final String name;
        final boolean failClose;

        PRes(String name, boolean failClose, boolean suspend) {
            this.name = name;
            this.failClose = failClose;
            log("open " + name);
        }

        @Override
        public void close() {
            log("close " + name);
            if (failClose) throw new IllegalStateException("close " + name);
        }
    }

    @Async
    Coroutine<Void> closeA(String name, boolean fail, boolean suspend) {
        log("close " + name);
        if (suspend) await(sleep(1));
        if (fail) throw new IllegalStateException("close " + name);
        return done();
    }

    @Async
    Coroutine<ARes> openA(int id, String name, boolean failClose, boolean suspend) {
        log("await " + id + " open");
        if (suspend) await(pause(id));
        return done(new ARes(name, failClose, suspend));
    }

    PRes openAPlain(int id, String name, boolean failClose, boolean suspend) {
        log("await " + id + " open");
        return new PRes(name, failClose, suspend);
    }


    // Found by DifferentialFuzzTest (e.g. method seed 8781615509755238756). JCORO-E026 ("pattern
    // variable 'p' is used after an await; it cannot be kept across one yet") is reported for
    // pattern variables whose whole life ends before the await: in the awaited call's argument (m0),
    // or in an operand evaluated (and saved) before a later await (m1). Neither is kept across it.

    @Async
    public Coroutine<Integer> m0(int n, String s) throws Exception {
        Object o = s;
        int v = await(vi(1, o instanceof String p ? p.length() : n, true));
        return done(v);
    }

    public Integer m0Plain(int n, String s) throws Exception {
        Object o = s;
        int v = viPlain(1, o instanceof String p ? p.length() : n, true);
        return v;
    }

    @Async
    public Coroutine<Integer> m1(int n, String s) throws Exception {
        Object o = s;
        int v = (o instanceof String p ? p.length() : n) + await(vi(1, 2, true));
        return done(v);
    }

    public Integer m1Plain(int n, String s) throws Exception {
        Object o = s;
        int v = (o instanceof String p ? p.length() : n) + viPlain(1, 2, true);
        return v;
    }
}
