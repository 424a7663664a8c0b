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
public abstract class ResourcesInLoopInFinally {
    protected final Consumer<String> out;
    int steps;
    int fi = 7;
    String sf = "F";
    int[] farr = {1, 2, 3, 4};

    protected ResourcesInLoopInFinally(Consumer<String> out) {
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


    // Found by DifferentialFuzzTest (method seed -442704993187621001, run as m(8, "xyz")): an ARes opened in a for-each inside try/finally was closed with close() (IllegalStateException from AsyncCloseable.close)
    // Mismatched in the working tree of 2026-11-21 ~10:10; passes since ~10:20 (processor/runtime changed).

    @Async
    public Coroutine<Boolean> m3(int n, String s) throws Exception {
        if ((n > ((this.sf).length() * (await(vi(1, 6, false)))))) {
            try {
                for (int it2 : list3(-(14), (int) (44L % 1000), 16)) {
                    try (ARes r3 = new ARes("r3", false, true)) {
                    }
                }
            } finally {
                log("finally2");
            }
            try {
                s = cap((((await(vb(2, false, false))) ? s : s) + (await(vl(3, 3L, false)))));
                List<Integer> v2 = list3(n, (await(vi(4, n, false))), (await(vi(5, n, false))));
                v2 = v2;
            } catch (IllegalArgumentException e2) {
                log("catch3 " + e2.getMessage());
                throw e2;
            } catch (ArithmeticException e2) {
                log("catch3 " + e2.getMessage() + " sup=" + e2.getSuppressed().length);
                n |= n;
                if (((9 < 13) && (await(vb(7, (await(vb(6, (farr[0] != 19), true))), false))))) return done((await(vb(8, (n == n), true))));
            }
            farr[(await(vi(9, (E.C).ordinal(), false))) & 3] ^= n;
        }
        log("t4" + " s=" + s + " fi=" + fi + " farr=" + Arrays.toString(farr));
        try (ARes r2 = await(openA(10, "r2", true, true))) {
            try {
                chk(11, false);
                L1: {
                    fi |= (await(fail(12, 0, false)));
                    n -= ++n;
                    if ((await(vb(15, (list3((await(vi(13, n, false))), n, fi)).contains(((await(vs(14, "zz", true)))).length()), true)))) {
                    }
                }
            } catch (ArithmeticException e3) {
                log("catch5 " + e3.getMessage());
            }
            if ((await(vb(16, !(("k1").equals(s)), false)))) return done((await(vb(17, (n > farr[0]), true))));
        }
        try {
            try {
                chk(18, ((19 == n) && (await(vb(20, (await(vb(19, true, true))), false)))));
                String v2 = str((await(vi(21, this.fi, true))));
                try {
                    L2: for (int i3 = (await(vi(22, 0, true))); i3 < 2 && ((s + fi)).equals((s + 4)); i3++) {
                        chk(23, (6 >= i3));
                        f3(fi, (await(vi(24, (switch (10 & 3) { case 0 -> (list3(i3, n, n)).get(mod3(farr[1])); case 1, 2 -> i3; default -> (switch (i3 & 3) { case 0 -> n; case 1, 2 -> farr[1]; default -> fi; }); }), true))), ((((-3) > 11) ? this.fi : n) + ((await(vi(25, 15, false))) - i3)));
                    }
                    await(vi(27, (int) (((await(vl(26, 0L, false))) - 35L) % 1000), (this.fi != farr[3])));
                } finally {
                    log("finally7");
                    E v3 = (await(ve(32, E.values()[mod3((await(vi(31, n, true))))], true)));
                }
                n += 6;
            } catch (IllegalArgumentException e2) {
                log("catch8 " + e2.getMessage());
                n = (await(vi(33, farr[3], false)));
                throw e2;
            } catch (Chk | ArithmeticException e2) {
                log("catch8 " + e2.getMessage());
            } finally {
                log("finally8");
                this.fi = ((await(ve(34, E.B, (7 <= n))))).ordinal();
                log("t9" + " fi=" + fi + " farr=" + Arrays.toString(farr));
            }
        } finally {
            log("finally10");
            chk(35, ((await(vb(37, (await(vb(36, (n == (-1)), true))), false))) && (n <= farr[3])));
            s = cap(str((await(vi(38, n, false)))));
            long v2 = ((await(vl(40, ((await(vl(39, 39L, false))) * 3L + 5), (3 == 7)))) + 38L);
            v2 = 41L;
        }
        log("end11" + " n=" + n + " s=" + s + " fi=" + fi + " farr=" + Arrays.toString(farr));
        return done((fi <= 11));
    }
    public Boolean m3Plain(int n, String s) throws Exception {
        if ((n > ((this.sf).length() * viPlain(1, 6, false)))) {
            try {
                for (int it2 : list3(-(14), (int) (44L % 1000), 16)) {
                    try (PRes r3 = new PRes("r3", false, true)) {
                    }
                }
            } finally {
                log("finally2");
            }
            try {
                s = cap(((vbPlain(2, false, false) ? s : s) + vlPlain(3, 3L, false)));
                List<Integer> v2 = list3(n, viPlain(4, n, false), viPlain(5, n, false));
                v2 = v2;
            } catch (IllegalArgumentException e2) {
                log("catch3 " + e2.getMessage());
                throw e2;
            } catch (ArithmeticException e2) {
                log("catch3 " + e2.getMessage() + " sup=" + e2.getSuppressed().length);
                n |= n;
                if (((9 < 13) && vbPlain(7, vbPlain(6, (farr[0] != 19), true), false))) return vbPlain(8, (n == n), true);
            }
            farr[viPlain(9, (E.C).ordinal(), false) & 3] ^= n;
        }
        log("t4" + " s=" + s + " fi=" + fi + " farr=" + Arrays.toString(farr));
        try (PRes r2 = openAPlain(10, "r2", true, true)) {
            try {
                chk(11, false);
                L1: {
                    fi |= failPlain(12, 0, false);
                    n -= ++n;
                    if (vbPlain(15, (list3(viPlain(13, n, false), n, fi)).contains((vsPlain(14, "zz", true)).length()), true)) {
                    }
                }
            } catch (ArithmeticException e3) {
                log("catch5 " + e3.getMessage());
            }
            if (vbPlain(16, !(("k1").equals(s)), false)) return vbPlain(17, (n > farr[0]), true);
        }
        try {
            try {
                chk(18, ((19 == n) && vbPlain(20, vbPlain(19, true, true), false)));
                String v2 = str(viPlain(21, this.fi, true));
                try {
                    L2: for (int i3 = viPlain(22, 0, true); i3 < 2 && ((s + fi)).equals((s + 4)); i3++) {
                        chk(23, (6 >= i3));
                        f3(fi, viPlain(24, (switch (10 & 3) { case 0 -> (list3(i3, n, n)).get(mod3(farr[1])); case 1, 2 -> i3; default -> (switch (i3 & 3) { case 0 -> n; case 1, 2 -> farr[1]; default -> fi; }); }), true), ((((-3) > 11) ? this.fi : n) + (viPlain(25, 15, false) - i3)));
                    }
                    viPlain(27, (int) ((vlPlain(26, 0L, false) - 35L) % 1000), (this.fi != farr[3]));
                } finally {
                    log("finally7");
                    E v3 = vePlain(32, E.values()[mod3(viPlain(31, n, true))], true);
                }
                n += 6;
            } catch (IllegalArgumentException e2) {
                log("catch8 " + e2.getMessage());
                n = viPlain(33, farr[3], false);
                throw e2;
            } catch (Chk | ArithmeticException e2) {
                log("catch8 " + e2.getMessage());
            } finally {
                log("finally8");
                this.fi = (vePlain(34, E.B, (7 <= n))).ordinal();
                log("t9" + " fi=" + fi + " farr=" + Arrays.toString(farr));
            }
        } finally {
            log("finally10");
            chk(35, (vbPlain(37, vbPlain(36, (n == (-1)), true), false) && (n <= farr[3])));
            s = cap(str(viPlain(38, n, false)));
            long v2 = (vlPlain(40, (vlPlain(39, 39L, false) * 3L + 5), (3 == 7)) + 38L);
            v2 = 41L;
        }
        log("end11" + " n=" + n + " s=" + s + " fi=" + fi + " farr=" + Arrays.toString(farr));
        return (fi <= 11);
    }
}
