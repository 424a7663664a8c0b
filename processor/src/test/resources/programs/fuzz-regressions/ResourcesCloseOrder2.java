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
public abstract class ResourcesCloseOrder2 {
    protected final Consumer<String> out;
    int steps;
    int fi = 7;
    String sf = "F";
    int[] farr = {1, 2, 3, 4};

    protected ResourcesCloseOrder2(Consumer<String> out) {
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


    // Found by DifferentialFuzzTest (method seed 5828263087607810173, run as m(0, "k1")): closing order differed, then AsyncCloseable.close() was called
    // Mismatched in the working tree of 2026-11-21 ~10:10; passes since ~10:20 (processor/runtime changed).

    @Async
    public Coroutine<Integer> m9(int n, String s) throws Exception {
        switch ((await(vs(2, "k" + ((await(vi(1, n, true))) & 3), true)))) {
            case "k1":
                n -= (await(vi(3, ((s).length() - n), false)));
            default:
                if ((cap(s + (await(vb(4, (8 <= 10), true))))).equals("zz")) {
                    switch ((-((await(vi(5, (-1), true))))) & 3) {
                        case 0, 1, 2 -> await(vi(6, n--, true));
                        case 3 -> await(vi(7, (farr[0] * 8), false));
                    }
                    for (int i2 = 0; i2 < 1 && (list3((await(vi(8, farr[1], false))), (await(poke(10, (await(vi(9, n, false))), 9, false))), (await(bump(11, 8, true))))).contains(5); i2++) {
                    }
                }
                if (((-2) > (await(vi(13, ((await(vli(12, this.fi, false)))).get(mod3(n)), false))))) {
                }
                break;
            case "k2":
                break;
        }
        String v2 = (await(vs(17, cap((await(vs(14, this.sf, false))) + (list3(n, (await(vi(15, fi, true))), fi)).contains((await(vi(16, n, false))))), true)));
        L1: {
            synchronized (this) {
                L2: for (int i3 = 0; i3 < 2; i3++) {
                    if ((((32L - 37L) > (41L + 49L)) || ((((n < 9) ? box(this.fi) : box(n))) > (int) (16L % 1000)))) break L1;
                    v2 += cap(cap(("zz" + 17L) + (list3(i3, 17, n)).contains((-3))));
                }
                List<Integer> v3 = list3(f3(farr[2], 14, n), (false ? 14 : farr[0]), -(0));
            }
        }
        L3: {
            try (Res r3 = new Res("r3", false); ARes r4 = new ARes("r4" + (E.B).ordinal(), false, true)) {
                log("t1" + " s=" + s + " v2=" + v2);
            }
        }
        L4: switch ("k" + ((-2) & 3)) {
            case "k0" -> {
                await(vi(18, 11, true));
                {
                    if (((await(vb(21, true, false))) && (list3(14, n, n)).contains(17))) {
                        this.fi = (await(bump(23, ((await(ve(22, E.C, false)))).ordinal(), true)));
                        int v3 = n;
                        throw new Chk("Chk" + v2);
                    } else {
                        try {
                            chk(24, (await(vb(25, (farr[0] >= n), true))));
                            E v3 = (await(ve(27, (await(ve(26, E.B, true))), true)));
                            this.sf += cap((await(vs(31, (((await(vs(28, "b", true))) + (await(vl(29, 19L, false)))) + (await(vl(30, 33L, false)))), false))));
                            await(bump(36, (await(vi(35, n, true))), (n < farr[1])));
                        } catch (IllegalStateException e3) {
                            log("catch3 " + e3.getMessage() + " sup=" + e3.getSuppressed().length);
                            log("t4" + " e3=" + e3);
                            n--;
                            n = ((await(vi(42, n, false))) / (n | 1));
                        } catch (Chk e3) {
                            log("catch3 " + e3.getMessage());
                            int v4 = -(f3(n, n, 15));
                            this.sf = cap(sf);
                            f3((await(vi(44, (await(vi(43, (list3((-1), v4, n)).get(mod3(7)), false))), false))), 13, (await(bump(45, 9, true))));
                        }
                    }
                }
                final boolean v3 = (await(vb(46, (n >= 8), false)));
                await(vs(50, (sf + 9L), true));
            }
            case "k1", "k3" -> log("r5 " + ("zz").length());
            default -> {
                log("t6" + " v2=" + v2);
                n = (n % 5);
                var v3 = (true || (await(vb(51, (13 != n), true))));
                final int v4 = ((await(vi(52, n, v3))) + (await(vi(53, 15, true))));
            }
        }
        log("end7" + " n=" + n + " s=" + s + " v2=" + v2 + " fi=" + fi + " farr=" + Arrays.toString(farr));
        return done((-4));
    }
    public Integer m9Plain(int n, String s) throws Exception {
        switch (vsPlain(2, "k" + (viPlain(1, n, true) & 3), true)) {
            case "k1":
                n -= viPlain(3, ((s).length() - n), false);
            default:
                if ((cap(s + vbPlain(4, (8 <= 10), true))).equals("zz")) {
                    switch ((-(viPlain(5, (-1), true))) & 3) {
                        case 0, 1, 2 -> viPlain(6, n--, true);
                        case 3 -> viPlain(7, (farr[0] * 8), false);
                    }
                    for (int i2 = 0; i2 < 1 && (list3(viPlain(8, farr[1], false), pokePlain(10, viPlain(9, n, false), 9, false), bumpPlain(11, 8, true))).contains(5); i2++) {
                    }
                }
                if (((-2) > viPlain(13, (vliPlain(12, this.fi, false)).get(mod3(n)), false))) {
                }
                break;
            case "k2":
                break;
        }
        String v2 = vsPlain(17, cap(vsPlain(14, this.sf, false) + (list3(n, viPlain(15, fi, true), fi)).contains(viPlain(16, n, false))), true);
        L1: {
            synchronized (this) {
                L2: for (int i3 = 0; i3 < 2; i3++) {
                    if ((((32L - 37L) > (41L + 49L)) || ((((n < 9) ? box(this.fi) : box(n))) > (int) (16L % 1000)))) break L1;
                    v2 += cap(cap(("zz" + 17L) + (list3(i3, 17, n)).contains((-3))));
                }
                List<Integer> v3 = list3(f3(farr[2], 14, n), (false ? 14 : farr[0]), -(0));
            }
        }
        L3: {
            try (Res r3 = new Res("r3", false); PRes r4 = new PRes("r4" + (E.B).ordinal(), false, true)) {
                log("t1" + " s=" + s + " v2=" + v2);
            }
        }
        L4: switch ("k" + ((-2) & 3)) {
            case "k0" -> {
                viPlain(18, 11, true);
                {
                    if ((vbPlain(21, true, false) && (list3(14, n, n)).contains(17))) {
                        this.fi = bumpPlain(23, (vePlain(22, E.C, false)).ordinal(), true);
                        int v3 = n;
                        throw new Chk("Chk" + v2);
                    } else {
                        try {
                            chk(24, vbPlain(25, (farr[0] >= n), true));
                            E v3 = vePlain(27, vePlain(26, E.B, true), true);
                            this.sf += cap(vsPlain(31, ((vsPlain(28, "b", true) + vlPlain(29, 19L, false)) + vlPlain(30, 33L, false)), false));
                            bumpPlain(36, viPlain(35, n, true), (n < farr[1]));
                        } catch (IllegalStateException e3) {
                            log("catch3 " + e3.getMessage() + " sup=" + e3.getSuppressed().length);
                            log("t4" + " e3=" + e3);
                            n--;
                            n = (viPlain(42, n, false) / (n | 1));
                        } catch (Chk e3) {
                            log("catch3 " + e3.getMessage());
                            int v4 = -(f3(n, n, 15));
                            this.sf = cap(sf);
                            f3(viPlain(44, viPlain(43, (list3((-1), v4, n)).get(mod3(7)), false), false), 13, bumpPlain(45, 9, true));
                        }
                    }
                }
                final boolean v3 = vbPlain(46, (n >= 8), false);
                vsPlain(50, (sf + 9L), true);
            }
            case "k1", "k3" -> log("r5 " + ("zz").length());
            default -> {
                log("t6" + " v2=" + v2);
                n = (n % 5);
                var v3 = (true || vbPlain(51, (13 != n), true));
                final int v4 = (viPlain(52, n, v3) + viPlain(53, 15, true));
            }
        }
        log("end7" + " n=" + n + " s=" + s + " v2=" + v2 + " fi=" + fi + " farr=" + Arrays.toString(farr));
        return (-4);
    }
}
