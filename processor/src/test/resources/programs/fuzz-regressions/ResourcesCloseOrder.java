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
public abstract class ResourcesCloseOrder {
    protected final Consumer<String> out;
    int steps;
    int fi = 7;
    String sf = "F";
    int[] farr = {1, 2, 3, 4};

    protected ResourcesCloseOrder(Consumer<String> out) {
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


    // Found by DifferentialFuzzTest (method seed 2087806037071498264, run as m(-1, "k1")): closing order of nested resources differed ("close r4" expected, "close r3.." first)
    // Mismatched in the working tree of 2026-11-21 ~10:10; passes since ~10:20 (processor/runtime changed).

    @Async
    public Coroutine<Long> m31(int n, String s) throws Exception {
        L1: switch ("k" + ((await(vi(2, (((farr[1] == n) ? box(farr[2]) : box((await(vi(1, 16, true)))))), true))) & 3)) {
            case "k0":
                log("t1" + " fi=" + fi + " farr=" + Arrays.toString(farr));
                try {
                    for (int it2 : (await(va(4, (list3(14, n, (await(vi(3, 19, true))))).get(mod3(fi)), true)))) {
                        try (Res r3 = new Res("r3" + (int) (29L % 1000), false); ARes r4 = new ARes("r4", false, true)) {
                        } catch (IllegalStateException | IllegalArgumentException e3) {
                            log("catch2 " + e3.getMessage() + " sup=" + e3.getSuppressed().length);
                        } catch (RuntimeException e3) {
                            log("catch2 " + e3.getMessage());
                        } finally {
                            log("finally2");
                            E v3 = E.C;
                            log("t3");
                        }
                        this.farr[(((Object) ((await(vs(5, "", false)))) instanceof String pb1 ? pb1.length() + (await(fail(6, 1, false))) : 1) % 5) & 3] |= (await(fail(7, 2, false)));
                        f3((await(vi(9, (await(bump(8, -(n), (9 == 17)))), true))), (int) (12L % 1000), ((E.B).ordinal() / (++it2 | 1)));
                    }
                } finally {
                    log("finally4");
                    for (int it2 : list3((await(vi(10, n, false))), (await(vi(11, n, true))), (await(bump(12, n, false))))) {
                        it2 *= ((await(va(13, it2, true))))[(await(vi(14, it2, false))) & 3];
                        if (((6L * (await(vl(16, (await(vl(15, 49L, false))), false)))) > (long) (it2))) {
                        }
                    }
                    try {
                        for (Integer it2 : list3((await(vi(17, 18, true))), (await(poke(18, 11, farr[3], false))), (await(vi(19, n, true))))) {
                            log("t5");
                            log("t6" + " n=" + n + " s=" + s + " it2=" + it2);
                        }
                        if (((((await(ve(20, E.A, true)))).name() + "." + (await(vs(21, s, false))))).equals((await(vs(23, (await(vs(22, "k2", (10 != 16)))), false))))) break;
                    } finally {
                        log("finally7");
                        try (ARes r2 = new ARes("r2" + (sf).length(), false, true)) {
                            chk(24, ("a").equals(s));
                            break L1;
                        } catch (IllegalStateException e2) {
                            log("catch8 " + e2.getMessage());
                            n -= f3(n, this.fi, (await(vi(25, (E.C).ordinal(), false))));
                            n |= n;
                        } catch (IllegalArgumentException e2) {
                            log("catch8 " + e2.getMessage());
                        } catch (Chk | ArithmeticException e2) {
                            log("catch8 " + e2.getMessage() + " sup=" + e2.getSuppressed().length);
                        } finally {
                            log("finally8");
                            n = farr[0];
                        }
                        synchronized (this) {
                        }
                    }
                    log("t9" + " n=" + n + " s=" + s);
                }
                break;
            case "k3":
                n = (await(fail(26, 1, false)));
        }
        this.fi -= (await(vi(27, n, true)));
        for (Integer it2 : list3(((await(vs(29, (await(vs(28, "zz", true))), true)))).length(), 8, (await(vi(30, 4, true))))) {
            L2: for (int it3 : new int[] {n, (await(bump(31, 0, false))), (list3(n, 1, (await(vi(32, 6, true))))).get(mod3(n)), -(n)}) {
                String v4 = (await(vs(33, "zz", true)));
                log("t10" + " s=" + s + " it2=" + it2 + " it3=" + it3);
                Object v5 = (Object) (v4);
            }
            farr[(await(vi(34, (farr[0] + it2), true))) & 3] = -(4);
            log("t11" + " s=" + s + " it2=" + it2);
        }
        log("end12" + " n=" + n + " s=" + s + " fi=" + fi + " farr=" + Arrays.toString(farr));
        return done((await(vl(35, 40L, false))));
    }
    public Long m31Plain(int n, String s) throws Exception {
        L1: switch ("k" + (viPlain(2, (((farr[1] == n) ? box(farr[2]) : box(viPlain(1, 16, true)))), true) & 3)) {
            case "k0":
                log("t1" + " fi=" + fi + " farr=" + Arrays.toString(farr));
                try {
                    for (int it2 : vaPlain(4, (list3(14, n, viPlain(3, 19, true))).get(mod3(fi)), true)) {
                        try (Res r3 = new Res("r3" + (int) (29L % 1000), false); PRes r4 = new PRes("r4", false, true)) {
                        } catch (IllegalStateException | IllegalArgumentException e3) {
                            log("catch2 " + e3.getMessage() + " sup=" + e3.getSuppressed().length);
                        } catch (RuntimeException e3) {
                            log("catch2 " + e3.getMessage());
                        } finally {
                            log("finally2");
                            E v3 = E.C;
                            log("t3");
                        }
                        this.farr[(((Object) (vsPlain(5, "", false)) instanceof String pb1 ? pb1.length() + failPlain(6, 1, false) : 1) % 5) & 3] |= failPlain(7, 2, false);
                        f3(viPlain(9, bumpPlain(8, -(n), (9 == 17)), true), (int) (12L % 1000), ((E.B).ordinal() / (++it2 | 1)));
                    }
                } finally {
                    log("finally4");
                    for (int it2 : list3(viPlain(10, n, false), viPlain(11, n, true), bumpPlain(12, n, false))) {
                        it2 *= (vaPlain(13, it2, true))[viPlain(14, it2, false) & 3];
                        if (((6L * vlPlain(16, vlPlain(15, 49L, false), false)) > (long) (it2))) {
                        }
                    }
                    try {
                        for (Integer it2 : list3(viPlain(17, 18, true), pokePlain(18, 11, farr[3], false), viPlain(19, n, true))) {
                            log("t5");
                            log("t6" + " n=" + n + " s=" + s + " it2=" + it2);
                        }
                        if ((((vePlain(20, E.A, true)).name() + "." + vsPlain(21, s, false))).equals(vsPlain(23, vsPlain(22, "k2", (10 != 16)), false))) break;
                    } finally {
                        log("finally7");
                        try (PRes r2 = new PRes("r2" + (sf).length(), false, true)) {
                            chk(24, ("a").equals(s));
                            break L1;
                        } catch (IllegalStateException e2) {
                            log("catch8 " + e2.getMessage());
                            n -= f3(n, this.fi, viPlain(25, (E.C).ordinal(), false));
                            n |= n;
                        } catch (IllegalArgumentException e2) {
                            log("catch8 " + e2.getMessage());
                        } catch (Chk | ArithmeticException e2) {
                            log("catch8 " + e2.getMessage() + " sup=" + e2.getSuppressed().length);
                        } finally {
                            log("finally8");
                            n = farr[0];
                        }
                        synchronized (this) {
                        }
                    }
                    log("t9" + " n=" + n + " s=" + s);
                }
                break;
            case "k3":
                n = failPlain(26, 1, false);
        }
        this.fi -= viPlain(27, n, true);
        for (Integer it2 : list3((vsPlain(29, vsPlain(28, "zz", true), true)).length(), 8, viPlain(30, 4, true))) {
            L2: for (int it3 : new int[] {n, bumpPlain(31, 0, false), (list3(n, 1, viPlain(32, 6, true))).get(mod3(n)), -(n)}) {
                String v4 = vsPlain(33, "zz", true);
                log("t10" + " s=" + s + " it2=" + it2 + " it3=" + it3);
                Object v5 = (Object) (v4);
            }
            farr[viPlain(34, (farr[0] + it2), true) & 3] = -(4);
            log("t11" + " s=" + s + " it2=" + it2);
        }
        log("end12" + " n=" + n + " s=" + s + " fi=" + fi + " farr=" + Arrays.toString(farr));
        return vlPlain(35, 40L, false);
    }
}
