package io.jcoro.processor.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded random generator of {@code @Async} method bodies and their plain-Java twins, made from
 * the same random choices: where the async body has {@code await(vi(7, x, true))} the twin has
 * {@code viPlain(7, x, true)}, which logs the same trace line and returns the same value at once.
 *
 * <p>Vocabulary. Locals of type int, long, String, boolean, Integer, int[], List&lt;Integer&gt;,
 * Object and an enum; fields {@code fi}, {@code sf}, {@code farr}. Statements: blocks, declarations
 * (also {@code var}, {@code final}, several declarators), assignments and compound assignments to
 * locals, fields and array elements, {@code if}/{@code else}, {@code while}, {@code do}, {@code for}
 * (awaits in init, condition and update), enhanced {@code for} over arrays and lists, labelled
 * loops and blocks with {@code break}/{@code continue} to any target, classic (fall-through) and
 * arrow {@code switch} statements over int, String and enum selectors, nested
 * {@code try}/{@code catch} (multi-catch)/{@code finally} with return, break, continue and throw in
 * every part, try-with-resources over a sync {@code AutoCloseable} and an {@code AsyncCloseable}
 * (whose twin is a sync resource logging the same lines), throws of checked and unchecked
 * exceptions, {@code synchronized} blocks, switch expressions and lambdas (these three without
 * awaits, which the processor rejects there), lambdas whose implicit parameter has a captured
 * wildcard type, local records and {@code var}s of anonymous classes (these two between awaits).
 * Expressions: arithmetic, string concatenation, comparisons, {@code && || !}, {@code ?:}, calls
 * with several arguments, array and list access, {@code instanceof} (also with a pattern, read
 * later in the same condition or branch), casts, {@code ++ --}, assignments as expressions; every
 * expression position may hold an await, nested or not, suspending (sleep or yield) or completing
 * at once.
 *
 * <p>Termination: every loop runs on a counter the generator owns (never assigned by generated
 * code) against a literal bound of at most 3; nesting and size are bounded.
 *
 * <p>Compilability: every generated statement can complete normally (JLS 14.22) except an
 * abrupt statement placed last in a block whose enclosing construct still completes normally,
 * so no generated code is unreachable; a {@code catch} of the checked exception is preceded in its
 * try block by a call that declares it.
 */
public final class BodyGenerator {

    /** Knobs of the generator. */
    public record Config(int maxStatements, int maxDepth, int maxExprDepth, int awaitPercent, boolean parenthesizeAwaits) {
        public static Config defaults() {
            return new Config(28, 4, 3, 30, false);
        }

        /** The defaults, changed by the system properties {@code jcoro.fuzz.<component>}. */
        public static Config fromSystemProperties() {
            Config d = defaults();
            return new Config(Integer.getInteger("jcoro.fuzz.maxStatements", d.maxStatements),
                    Integer.getInteger("jcoro.fuzz.maxDepth", d.maxDepth),
                    Integer.getInteger("jcoro.fuzz.maxExprDepth", d.maxExprDepth),
                    Integer.getInteger("jcoro.fuzz.awaitPercent", d.awaitPercent),
                    Boolean.getBoolean("jcoro.fuzz.parenthesizeAwaits"));
        }
    }

    /** The return type of a generated method: the async {@code Coroutine<box>} and the twin's {@code box}. */
    enum Ret {
        INTEGER("Integer", Ty.INT), STRING("String", Ty.STR), LONG("Long", Ty.LONG), BOOLEAN("Boolean", Ty.BOOL),
        VOID("Void", null);

        final String box;
        final Ty ty;

        Ret(String box, Ty ty) {
            this.box = box;
            this.ty = ty;
        }
    }

    /** One generated method pair. */
    public record MethodCase(String name, long seed, String returnBox, int n, String s, String asyncSource,
                             String plainSource) {
        public String plainName() {
            return name + "Plain";
        }
    }

    /** A generated compilation unit and the line ranges of its methods (1-based, inclusive). */
    public record GeneratedClass(String packageName, String simpleName, String source, List<MethodCase> methods,
                                 List<int[]> methodLines) {
        public String qualifiedName() {
            return packageName + "." + simpleName;
        }

        /** The method whose async or plain version contains {@code line}, or null. */
        public MethodCase methodAt(long line) {
            for (int i = 0; i < methods.size(); i++) {
                int[] r = methodLines.get(i);
                if ((line >= r[0] && line <= r[1]) || (line >= r[2] && line <= r[3])) {
                    return methods.get(i);
                }
            }
            return null;
        }
    }

    enum Ty {
        INT, LONG, STR, BOOL, INTEGER, ARR, LIST, OBJ, ENUM,
        /** a catch parameter, a resource: shown in traces, never used as an operand */
        EXC, RES
    }

    /** A piece of code in both versions. */
    record Ex(String a, String p) {
        @Override
        public String toString() {
            return a;
        }
    }

    private record Var(String name, Ty type, boolean mutable) {}

    private enum JumpKind { LOOP, SWITCH, BLOCK }

    private record Jump(String label, JumpKind kind) {}

    /** What may end a block unconditionally. */
    private record End(boolean any, Jump self) {
        static final End NONE = new End(false, null);
        static final End ANY = new End(true, null);

        static End self(Jump j) {
            return new End(false, j);
        }
    }

    // ------------------------------------------------------------------ the fixed part of the class

    static String prelude(String packageName, String simpleName) {
        return """
                package %1$s;

                import io.jcoro.AsyncCloseable;
                import io.jcoro.Awaitable;
                import io.jcoro.Coroutine;
                import io.jcoro.annotations.Async;
                import java.util.Arrays;
                import java.util.List;
                import java.util.function.Consumer;
                import java.util.function.UnaryOperator;
                import static io.jcoro.Coro.*;

                @SuppressWarnings({"fallthrough", "finally", "unused", "cast", "try", "divzero", "static"})
                public abstract class %2$s {
                    protected final Consumer<String> out;
                    int steps;
                    int fi = 7;
                    String sf = "F";
                    int[] farr = {1, 2, 3, 4};

                    protected %2$s(Consumer<String> out) {
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
                        return Integer.toString(x);
                    }

                    static String ap(UnaryOperator<String> f, String x) {
                        return f.apply(x);
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
                        return id %% 3 == 0 ? yieldNow() : sleep(id %% 4 + 1);
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

                """.formatted(packageName, simpleName);
    }

    // ------------------------------------------------------------------ class assembly

    private static final String[] STRING_ARGS = {"", "ab", "k1", "xyz", "k3"};

    /**
     * A class with one method pair per seed.
     *
     * @param hostile whether the class declares {@link HostileNames} (the same in both versions)
     */
    public static GeneratedClass generateClass(String packageName, String simpleName, long[] methodSeeds, Config config,
            boolean hostile) {
        String prelude = prelude(packageName, simpleName);
        HostileNames names = hostile ? new HostileNames(methodSeeds[0], packageName, simpleName, prelude) : null;
        List<MethodCase> generated = new ArrayList<>();
        for (int i = 0; i < methodSeeds.length; i++) {
            generated.add(new BodyGenerator(methodSeeds[i], config, names == null ? null : names.method(methodSeeds[i]))
                    .method("m" + i));
        }
        if (names != null) {
            StringBuilder all = new StringBuilder(prelude);
            generated.forEach(m -> all.append(m.asyncSource()).append(m.plainSource()));
            names.chooseTypes(all.toString());
            String header = "public abstract class " + simpleName + " {";
            prelude = prelude.replace(header, header + names.members());
            generated.replaceAll(names::decorate);
        }
        StringBuilder source = new StringBuilder(prelude);
        List<MethodCase> methods = new ArrayList<>();
        List<int[]> lines = new ArrayList<>();
        for (MethodCase m : generated) {
            int asyncStart = lineCount(source) + 1;
            source.append(m.asyncSource()).append('\n');
            int asyncEnd = lineCount(source);
            int plainStart = asyncEnd + 1;
            source.append(m.plainSource()).append('\n');
            int plainEnd = lineCount(source);
            methods.add(m);
            lines.add(new int[] {asyncStart, asyncEnd, plainStart, plainEnd});
        }
        source.append("}\n");
        return new GeneratedClass(packageName, simpleName, source.toString(), methods, lines);
    }

    private static int lineCount(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') n++;
        }
        return n;
    }


    // ------------------------------------------------------------------ state of one method

    private final Random r;
    private final Config cfg;
    private final StringBuilder a = new StringBuilder();
    private final StringBuilder p = new StringBuilder();
    private int indent;
    private final List<Var> scope = new ArrayList<>();
    private final List<Jump> jumps = new ArrayList<>();
    private int awaitIds;
    private int labels;
    private int bindings;
    private int traceIds;
    private int statements;
    private int loopDepth;
    /** Inside a synchronized block, a lambda or a switch expression: no awaits. */
    private int noAwait;
    /** How many awaits enclose the expression being generated (their arguments). */
    private int awaitNesting;
    private Ret ret;

    private final long seed;
    /** Hostile names for the parameters and some locals, or null. */
    private final HostileNames.Method hostile;
    /** The names of the parameters, {@code int n} and {@code String s} unless hostile. */
    private String n = "n";
    private String s = "s";

    private BodyGenerator(long seed, Config cfg, HostileNames.Method hostile) {
        this.seed = seed;
        this.r = new Random(seed);
        this.cfg = cfg;
        this.hostile = hostile;
    }

    private MethodCase method(String name) {
        Ret[] rets = Ret.values();
        ret = rets[r.nextInt(rets.length)];
        int n = r.nextInt(12) - 2;
        String s = STRING_ARGS[r.nextInt(STRING_ARGS.length)];
        if (hostile != null) {
            this.n = hostile.parameter("n");
            this.s = hostile.parameter("s");
        }
        String parameters = "(int " + this.n + ", String " + this.s + ") throws Exception {\n";
        a.append("    @Async\n    public Coroutine<").append(ret.box).append("> ").append(name).append(parameters);
        p.append("    public ").append(ret == Ret.VOID ? "void" : ret.box).append(' ').append(name)
                .append("Plain").append(parameters);
        indent = 2;
        scope.add(new Var(this.n, Ty.INT, true));
        scope.add(new Var(this.s, Ty.STR, true));
        int count = 3 + r.nextInt(6);
        for (int i = 0; i < count && statements < cfg.maxStatements(); i++) {
            statement(0, true);
        }
        dump("end");
        line(returnStatement());
        a.append("    }\n");
        p.append("    }\n");
        return new MethodCase(name, seed, ret.box, n, s, a.toString(), p.toString());
    }

    // ------------------------------------------------------------------ output helpers

    private static Ex j(Object... parts) {
        StringBuilder x = new StringBuilder();
        StringBuilder y = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Ex e) {
                x.append(e.a);
                y.append(e.p);
            } else {
                x.append(part);
                y.append(part);
            }
        }
        return new Ex(x.toString(), y.toString());
    }

    private void line(Object... parts) {
        Ex e = j(parts);
        String pad = "    ".repeat(indent);
        a.append(pad).append(e.a).append('\n');
        p.append(pad).append(e.p).append('\n');
    }

    private boolean chance(int percent) {
        return r.nextInt(100) < percent;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[r.nextInt(options.length)];
    }

    private <T> T pick(List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    private List<Var> vars(Ty type, boolean mutableOnly) {
        List<Var> found = new ArrayList<>();
        for (Var v : scope) {
            if (v.type == type && (!mutableOnly || v.mutable)) found.add(v);
        }
        return found;
    }

    private String fresh(String prefix) {
        return prefix + scope.size();
    }

    /** A fresh name for a declared local: now and then a hostile one, if the method has them. */
    private String freshLocal() {
        return hostile == null ? fresh("v") : hostile.local(fresh("v"));
    }

    private boolean awaits() {
        return noAwait == 0 && awaitNesting < 2 && chance(cfg.awaitPercent());
    }

    private String suspendFlag() {
        if (chance(15)) {
            // a condition computed without awaits
            int saved = noAwait;
            noAwait = 1;
            Ex b = boolExpr(0);
            noAwait = saved;
            return b.a.equals(b.p) ? b.a : "true";
        }
        return chance(55) ? "true" : "false";
    }

    /** {@code await(helper(id, args..., suspend))} and {@code helperPlain(id, args..., suspend)}. */
    private Ex await(String helper, Object... args) {
        int id = ++awaitIds;
        List<Object> parts = new ArrayList<>();
        parts.add("(" + id);
        for (Object arg : args) {
            parts.add(", ");
            parts.add(arg);
        }
        parts.add(", " + suspendFlag() + ")");
        Ex call = j(parts.toArray());
        String awaited = "await(" + helper + call.a + ")";
        return new Ex(cfg.parenthesizeAwaits() ? "(" + awaited + ")" : awaited, helper + "Plain" + call.p);
    }

    /** An await as an expression statement: never parenthesized. */
    private static Ex bare(Ex await) {
        return await.a.startsWith("(") ? new Ex(await.a.substring(1, await.a.length() - 1), await.p) : await;
    }

    // ------------------------------------------------------------------ expressions

    private Ex expr(Ty t, int d) {
        return switch (t) {
            case INT -> intExpr(d);
            case LONG -> longExpr(d);
            case STR -> strExpr(d);
            case BOOL -> boolExpr(d);
            case INTEGER -> integerExpr(d);
            case ARR -> arrExpr(d);
            case LIST -> listExpr(d);
            case OBJ -> objExpr(d);
            case ENUM -> enumExpr(d);
            case EXC, RES -> throw new IllegalArgumentException(t.name());
        };
    }

    private Ex intLit() {
        int v = r.nextInt(24) - 4;
        return j(v < 0 ? "(" + v + ")" : String.valueOf(v));
    }

    private Ex intLeaf() {
        List<Var> vs = vars(Ty.INT, false);
        vs.addAll(vars(Ty.INTEGER, false));
        int k = r.nextInt(10);
        if (k < 4 && !vs.isEmpty()) return j(pick(vs).name);
        if (k == 4) return j(pick("fi", "this.fi"));
        if (k == 5) return j("farr[" + r.nextInt(4) + "]");
        return intLit();
    }

    private Ex intExpr(int d) {
        if (awaits()) {
            awaitNesting++;
            int k = r.nextInt(12);
            Ex x = k < 8 ? await("vi", intExpr(d - 1))
                    : k < 10 ? await("bump", intExpr(d - 1))
                    : k < 11 ? await("poke", intExpr(d - 1), intExpr(d - 1))
                    : await("fail", r.nextInt(3));
            awaitNesting--;
            return x;
        }
        if (d <= 0 || chance(25)) return intLeaf();
        switch (r.nextInt(19)) {
            case 0, 1, 2:
                return j("(", intExpr(d - 1), " ", pick("+", "-", "*"), " ", intExpr(d - 1), ")");
            case 3:
                return j("(", intExpr(d - 1), " % 5)");
            case 4:
                return j("(", intExpr(d - 1), " / (", intExpr(d - 1), " | 1))");
            case 5:
                return j("f3(", intExpr(d - 1), ", ", intExpr(d - 1), ", ", intExpr(d - 1), ")");
            case 6:
                return j("(", boolExpr(d - 1), " ? ", intExpr(d - 1), " : ", intExpr(d - 1), ")");
            case 7:
                return j("(", strExpr(d - 1), ").length()");
            case 8:
                return j("(", arrExpr(d - 1), ")[", intExpr(d - 1), " & 3]");
            case 9:
                return j("(int) (", longExpr(d - 1), " % 1000)");
            case 10:
                return j("(", listExpr(d - 1), ").get(mod3(", intExpr(d - 1), "))");
            case 11:
                return j("(", enumExpr(d - 1), ").ordinal()");
            case 12: {
                List<Var> mutable = vars(Ty.INT, true);
                if (mutable.isEmpty()) return j("fi++");
                String v = pick(mutable).name;
                return switch (r.nextInt(6)) {
                    case 0 -> j(v, "++");
                    case 1 -> j("++", v);
                    case 2 -> j(v, "--");
                    case 3 -> j("(", v, " = ", intExpr(d - 1), ")");
                    case 4 -> j("(", v, " += ", intExpr(d - 1), ")");
                    default -> j("farr[", r.nextInt(4), "]++");
                };
            }
            case 13: {
                // a pattern variable, with awaits anywhere around it (kept across them as a field)
                String b = "pb" + ++bindings;
                return j("(", objExpr(d - 1), " instanceof String ", b, " ? ", b, ".length() + ", intExpr(d - 1),
                        " : ", intExpr(d - 1), ")");
            }
            case 14: {
                List<Var> objs = vars(Ty.OBJ, false);
                if (objs.isEmpty()) return intLeaf();
                String o = pick(objs).name;
                return j("(", o, " instanceof Integer ? (Integer) ", o, " : ", intExpr(d - 1), ")");
            }
            case 15: {
                // a switch expression, awaits in its selector and in its cases
                Ex x = j("switch (", intExpr(d - 1), " & 3) { case 0 -> ", intExpr(d - 1), "; case 1, 2 -> ",
                        intExpr(d - 1), "; default -> ", intExpr(d - 1), "; }");
                return j("(", x, ")");
            }
            case 16: {
                List<Var> finals = new ArrayList<>();
                for (Var v : scope) {
                    if (v.type == Ty.INT && !v.mutable && !v.name.startsWith("i")) finals.add(v);
                }
                if (finals.isEmpty()) return j("-(", intExpr(d - 1), ")");
                noAwait++;
                Ex x = j("((java.util.function.IntSupplier) () -> ", pick(finals).name, " * 2 + ", intLit(),
                        ").getAsInt()");
                noAwait--;
                return x;
            }
            case 17:
                return j("(", integerExpr(d - 1), ")");
            default:
                return j("-(", intExpr(d - 1), ")");
        }
    }

    private Ex longExpr(int d) {
        if (awaits()) {
            awaitNesting++;
            Ex x = await("vl", longExpr(d - 1));
            awaitNesting--;
            return x;
        }
        List<Var> vs = vars(Ty.LONG, false);
        if (d <= 0 || chance(25)) {
            if (!vs.isEmpty() && chance(60)) return j(pick(vs).name);
            return j(r.nextInt(50) + "L");
        }
        return switch (r.nextInt(5)) {
            case 0, 1 -> j("(", longExpr(d - 1), " ", pick("+", "-", "*"), " ", longExpr(d - 1), ")");
            case 2 -> j("(long) ", "(", intExpr(d - 1), ")");
            case 3 -> j("(", boolExpr(d - 1), " ? ", longExpr(d - 1), " : ", longExpr(d - 1), ")");
            default -> j("(", longExpr(d - 1), " * 3L + ", intExpr(d - 1), ")");
        };
    }

    private Ex strExpr(int d) {
        if (awaits()) {
            awaitNesting++;
            Ex x = await("vs", strExpr(d - 1));
            awaitNesting--;
            return x;
        }
        List<Var> vs = vars(Ty.STR, false);
        if (d <= 0 || chance(25)) {
            int k = r.nextInt(10);
            if (k < 5 && !vs.isEmpty()) return j(pick(vs).name);
            if (k == 5) return j(pick("sf", "this.sf"));
            return j("\"" + pick("a", "b", "k1", "k2", "zz", "") + "\"");
        }
        return switch (r.nextInt(9)) {
            // a method reference: its qualifier is evaluated where the reference stands, before the argument
            case 7 -> j("ap((", strExpr(d - 1), ")::concat, ", strExpr(d - 1), ")");
            case 0, 1 -> j("(", strExpr(d - 1), " + ", intExpr(d - 1), ")");
            case 2 -> j("(", strExpr(d - 1), " + \".\" + ", strExpr(d - 1), ")");
            case 3 -> j("str(", intExpr(d - 1), ")");
            case 4 -> j("(", boolExpr(d - 1), " ? ", strExpr(d - 1), " : ", strExpr(d - 1), ")");
            case 5 -> j("(", enumExpr(d - 1), ").name()");
            case 6 -> j("cap(", strExpr(d - 1), " + ", boolExpr(d - 1), ")");
            default -> j("(", strExpr(d - 1), " + ", longExpr(d - 1), ")");
        };
    }

    private Ex boolExpr(int d) {
        if (awaits()) {
            awaitNesting++;
            Ex x = await("vb", boolExpr(d - 1));
            awaitNesting--;
            return x;
        }
        List<Var> vs = vars(Ty.BOOL, false);
        if (d <= 0 || chance(20)) {
            if (!vs.isEmpty() && chance(50)) return j(pick(vs).name);
            if (chance(30)) return j(pick("true", "false"));
            return j("(", intLeaf(), " ", pick("<", ">", "==", "!=", "<=", ">="), " ", intLeaf(), ")");
        }
        switch (r.nextInt(13)) {
            case 0, 1, 2:
                return j("(", intExpr(d - 1), " ", pick("<", ">", "==", "!=", "<=", ">="), " ", intExpr(d - 1), ")");
            case 11: {
                // a pattern variable read later in the same condition, perhaps after an await in it
                String b = "pb" + ++bindings;
                return chance(50)
                        ? j("(", objExpr(d - 1), " instanceof String ", b, " && ", b, ".length() > ", intExpr(d - 1), ")")
                        : j("(!(", objExpr(d - 1), " instanceof Integer ", b, ") || ", b, " > ", intExpr(d - 1), ")");
            }
            case 3:
                return j("(", strExpr(d - 1), ").equals(", strExpr(d - 1), ")");
            case 4:
                return j("!", "(", boolExpr(d - 1), ")");
            case 5, 6:
                return j("(", boolExpr(d - 1), " && ", boolExpr(d - 1), ")");
            case 7:
                return j("(", boolExpr(d - 1), " || ", boolExpr(d - 1), ")");
            case 8:
                return j("(", objExpr(d - 1), " instanceof ", pick("String", "Integer"), ")");
            case 9:
                return j("(", longExpr(d - 1), " > ", longExpr(d - 1), ")");
            case 10:
                return j("(", listExpr(d - 1), ").contains(", intExpr(d - 1), ")");
            default:
                return j("(", enumExpr(d - 1), " == E.", pick("A", "B", "C"), ")");
        }
    }

    private Ex integerExpr(int d) {
        if (awaits()) {
            awaitNesting++;
            Ex x = await("vi", intExpr(d - 1));
            awaitNesting--;
            return x;
        }
        List<Var> vs = vars(Ty.INTEGER, false);
        if (!vs.isEmpty() && chance(50)) return j(pick(vs).name);
        return switch (r.nextInt(3)) {
            case 0 -> j("box(", intExpr(d - 1), ")");
            case 1 -> j("(Integer) ", "(", intExpr(d - 1), ")");
            default -> j("(", boolExpr(d - 1), " ? box(", intExpr(d - 1), ") : box(", intExpr(d - 1), "))");
        };
    }

    private Ex arrExpr(int d) {
        if (awaits()) {
            awaitNesting++;
            Ex x = await("va", intExpr(d - 1));
            awaitNesting--;
            return x;
        }
        List<Var> vs = vars(Ty.ARR, false);
        int k = r.nextInt(4);
        if (k < 2 && !vs.isEmpty()) return j(pick(vs).name);
        if (k == 2 || d <= 0) return j(pick("farr", "this.farr"));
        return j("new int[] {", intExpr(d - 1), ", ", intExpr(d - 1), ", ", intExpr(d - 1), ", ", intExpr(d - 1), "}");
    }

    private Ex listExpr(int d) {
        if (awaits()) {
            awaitNesting++;
            Ex x = await("vli", intExpr(d - 1));
            awaitNesting--;
            return x;
        }
        List<Var> vs = vars(Ty.LIST, false);
        if (!vs.isEmpty() && (d <= 0 || chance(50))) return j(pick(vs).name);
        return j("list3(", intExpr(d - 1), ", ", intExpr(d - 1), ", ", intExpr(d - 1), ")");
    }

    private Ex objExpr(int d) {
        if (awaits()) {
            awaitNesting++;
            Ex x = await("vo", chance(50) ? j("(Object) ", strExpr(d - 1)) : j("(Object) (", intExpr(d - 1), ")"));
            awaitNesting--;
            return x;
        }
        List<Var> vs = vars(Ty.OBJ, false);
        if (!vs.isEmpty() && (d <= 0 || chance(50))) return j(pick(vs).name);
        return switch (r.nextInt(3)) {
            case 0 -> j("(Object) ", "(", strExpr(d - 1), ")");
            case 1 -> j("(Object) ", "(", intExpr(d - 1), ")");
            default -> j("(", boolExpr(d - 1), " ? (Object) ", strExpr(d - 1), " : (Object) ", integerExpr(d - 1), ")");
        };
    }

    private Ex enumExpr(int d) {
        if (awaits()) {
            awaitNesting++;
            Ex x = await("ve", enumExpr(d - 1));
            awaitNesting--;
            return x;
        }
        List<Var> vs = vars(Ty.ENUM, false);
        if (!vs.isEmpty() && chance(50)) return j(pick(vs).name);
        if (d <= 0 || chance(40)) return j("E." + pick("A", "B", "C"));
        return j("E.values()[mod3(", intExpr(d - 1), ")]");
    }

    private Ex e(Ty t) {
        return expr(t, 1 + r.nextInt(cfg.maxExprDepth()));
    }

    // ------------------------------------------------------------------ statements

    private static String typeName(Ty t) {
        return switch (t) {
            case INT -> "int";
            case LONG -> "long";
            case STR -> "String";
            case BOOL -> "boolean";
            case INTEGER -> "Integer";
            case ARR -> "int[]";
            case LIST -> "List<Integer>";
            case OBJ -> "Object";
            case ENUM -> "E";
            case EXC, RES -> throw new IllegalArgumentException(t.name());
        };
    }

    private static String show(Var v) {
        return switch (v.type) {
            case ARR -> "Arrays.toString(" + v.name + ")";
            case RES -> v.name + ".name";
            default -> v.name;
        };
    }

    /** A trace line with the values of some (or, for {@code "end"}, all) locals in scope. */
    private void dump(String what) {
        List<Var> shown = new ArrayList<>();
        for (Var v : scope) {
            if (what.equals("end") || chance(40)) shown.add(v);
        }
        StringBuilder text = new StringBuilder("log(\"" + what + (++traceIds) + "\"");
        for (Var v : shown) {
            text.append(" + \" ").append(v.name).append("=\" + ").append(show(v));
        }
        if (what.equals("end") || chance(30)) text.append(" + \" fi=\" + fi + \" farr=\" + Arrays.toString(farr)");
        line(text.append(");").toString());
    }

    private Ex returnStatement() {
        if (ret == Ret.VOID) return new Ex("return done();", "return;");
        Ex value = e(ret.ty);
        return new Ex("return done(" + value.a + ");", "return " + value.p + ";");
    }

    private Ty randomType() {
        int k = r.nextInt(20);
        if (k < 7) return Ty.INT;
        if (k < 10) return Ty.STR;
        if (k < 12) return Ty.BOOL;
        if (k < 14) return Ty.LONG;
        if (k < 15) return Ty.INTEGER;
        if (k < 16) return Ty.ARR;
        if (k < 17) return Ty.LIST;
        if (k < 18) return Ty.OBJ;
        return Ty.ENUM;
    }

    /** One statement that can complete normally. */
    private void statement(int depth, boolean allowDecl) {
        statements++;
        boolean simple = depth >= cfg.maxDepth() || statements >= cfg.maxStatements();
        int k = r.nextInt(simple ? 40 : 100);
        if (k < 14) {
            if (allowDecl) declaration();
            else assignment();
        } else if (k < 26) {
            assignment();
        } else if (k < 34) {
            dump("t");
        } else if (k < 40) {
            expressionStatement();
        } else if (k < 52) {
            if (chance(80)) {
                line("if (", boolExpr(cfg.maxExprDepth()), ") ", abrupt(true));
            } else {
                line("if (", boolExpr(cfg.maxExprDepth()), ") {");
                nested(depth, End.ANY);
                line("}");
            }
        } else if (k < 62) {
            ifStatement(depth);
        } else if (k < 74) {
            loop(depth, allowDecl);
        } else if (k < 80) {
            switchStatement(depth);
        } else if (k < 90) {
            tryStatement(depth);
        } else if (k < 94) {
            resourceStatement(depth);
        } else if (k < 96) {
            String label = "L" + ++labels;
            Jump jump = new Jump(label, JumpKind.BLOCK);
            line(label, ": {");
            jumps.add(jump);
            nested(depth, End.self(jump));
            jumps.remove(jumps.size() - 1);
            line("}");
        } else if (k < 98) {
            line("{");
            nested(depth, End.NONE);
            line("}");
        } else {
            line("synchronized (this) {");
            noAwait++;
            nested(depth, End.NONE);
            noAwait--;
            line("}");
        }
    }

    /** The statements of a block between braces the caller writes. */
    private void nested(int depth, End end) {
        int mark = scope.size();
        indent++;
        int count = r.nextInt(4) + (depth == 0 ? 1 : 0);
        for (int i = 0; i < count; i++) {
            statement(depth + 1, true);
        }
        if (end.any ? chance(25) : end.self != null && chance(35)) {
            Ex x = end.any ? abrupt(false) : selfJump(end.self);
            if (x != null) line(x);
        }
        indent--;
        truncate(mark);
    }

    /** The statements of a classic switch group: no declarations at its level. */
    private void groupStatements(int depth, boolean endAbruptly) {
        int mark = scope.size();
        int count = r.nextInt(3);
        for (int i = 0; i < count; i++) {
            statement(depth + 1, false);
        }
        if (endAbruptly) line(abrupt(false));
        truncate(mark);
    }

    private void truncate(int mark) {
        while (scope.size() > mark) scope.remove(scope.size() - 1);
    }

    private Ex selfJump(Jump self) {
        boolean innermost = true;
        for (int i = jumps.size() - 1; i >= 0; i--) {
            Jump j = jumps.get(i);
            if (j == self) break;
            if (j.kind != JumpKind.BLOCK) innermost = false;
        }
        if (self.kind == JumpKind.BLOCK) return j("break ", self.label, ";");
        if (self.kind == JumpKind.LOOP && chance(50)) {
            if (innermost && (self.label == null || chance(50))) return j("continue;");
            if (self.label != null) return j("continue ", self.label, ";");
        }
        if (innermost && (self.label == null || chance(50))) return j("break;");
        if (self.label != null) return j("break ", self.label, ";");
        return null;
    }

    /** break, continue, return or throw: a statement that completes abruptly. */
    private Ex abrupt(boolean conditional) {
        List<Ex> options = new ArrayList<>();
        Jump innerBreak = null;
        Jump innerLoop = null;
        for (int i = jumps.size() - 1; i >= 0; i--) {
            Jump j = jumps.get(i);
            if (innerBreak == null && j.kind != JumpKind.BLOCK) innerBreak = j;
            if (innerLoop == null && j.kind == JumpKind.LOOP) innerLoop = j;
            if (j.label != null) {
                options.add(j("break ", j.label, ";"));
                if (j.kind == JumpKind.LOOP) options.add(j("continue ", j.label, ";"));
            }
        }
        if (innerBreak != null) {
            options.add(j("break;"));
            options.add(j("break;"));
        }
        if (innerLoop != null) {
            options.add(j("continue;"));
            options.add(j("continue;"));
        }
        int k = r.nextInt(10);
        if (!options.isEmpty() && k < 5) return pick(options);
        if (k < 7) return returnStatement();
        return throwStatement();
    }

    private Ex throwStatement() {
        List<Var> caught = new ArrayList<>();
        for (Var v : scope) {
            if (v.name.startsWith("e")) caught.add(v);
        }
        if (!caught.isEmpty() && chance(40)) {
            String e = pick(caught).name;
            return chance(50) ? j("throw ", e, ";")
                    : j("throw new IllegalStateException(\"wrap \" + ", e, ".getMessage(), ", e, ");");
        }
        String type = pick("IllegalStateException", "IllegalArgumentException", "Chk", "ArithmeticException");
        return j("throw new ", type, "(\"", type.substring(0, 3), "\" + ", strExpr(2), ");");
    }

    private void declaration() {
        Ty t = randomType();
        Ex init = e(t);
        String name = freshLocal();
        boolean fin = chance(8);
        String type = typeName(t);
        if (!fin && chance(10) && (t == Ty.STR || t == Ty.LONG || t == Ty.BOOL || t == Ty.ENUM)) {
            type = "var"; // the initialiser's static type is the declared one for these
        }
        if (t == Ty.INT && !fin && chance(15)) {
            scope.add(new Var(name, t, true));
            String second = fresh("v");
            Ex init2 = e(Ty.INT);
            scope.add(new Var(second, t, true));
            line("int ", name, " = ", init, ", ", second, " = ", init2, ";");
            return;
        }
        line(fin ? "final " : "", type, " ", name, " = ", init, ";");
        scope.add(new Var(name, t, !fin));
    }

    private void assignment() {
        List<Var> mutable = new ArrayList<>();
        for (Var v : scope) {
            if (v.mutable) mutable.add(v);
        }
        int k = r.nextInt(10);
        if (k < 6 && !mutable.isEmpty()) {
            Var v = pick(mutable);
            line(assignTo(v.name, v.type), ";");
        } else if (k < 8) {
            line(chance(70) ? assignTo(pick("fi", "this.fi"), Ty.INT) : assignTo(pick("sf", "this.sf"), Ty.STR), ";");
        } else {
            List<Var> arrays = vars(Ty.ARR, false);
            String arr = !arrays.isEmpty() && chance(60) ? pick(arrays).name : pick("farr", "this.farr");
            Ex target = j(arr, "[", intExpr(2), " & 3]");
            line(chance(20) ? j(target, pick("++", "--")) : assignTo(target, Ty.INT), ";");
        }
    }

    private Ex assignTo(Object target, Ty t) {
        return switch (t) {
            case INT, INTEGER -> chance(40) ? j(target, " = ", e(Ty.INT))
                    : j(target, " ", pick("+=", "-=", "*=", "|=", "^="), " ", e(Ty.INT));
            case LONG -> chance(50) ? j(target, " = ", e(Ty.LONG)) : j(target, " ", pick("+=", "-=", "*="), " ", e(Ty.LONG));
            case STR -> chance(50) ? j(target, " = cap(", e(Ty.STR), ")") : j(target, " += cap(", e(Ty.STR), ")");
            case BOOL -> chance(50) ? j(target, " = ", e(Ty.BOOL)) : j(target, " ", pick("&=", "|=", "^="), " ", e(Ty.BOOL));
            default -> j(target, " = ", e(t));
        };
    }

    private void expressionStatement() {
        List<Var> ints = vars(Ty.INT, true);
        switch (r.nextInt(10)) {
            case 8 -> localTypes();
            case 9 -> {
                // a lambda whose implicit parameter has a captured wildcard type (javac keeps it)
                int id = ++bindings;
                line("{ List<? extends Integer> wl", id, " = list3(", e(Ty.INT), ", ", e(Ty.INT), ", ", e(Ty.INT),
                        "); int[] acc", id, " = {0}; wl", id, ".forEach(x", id, " -> acc", id, "[0] += x", id,
                        "); log(\"wl\" + acc", id, "[0]); }");
            }
            // the detail runs only when the condition is false (the twins run with -ea, as tests do)
            case 7 -> line("assert ", e(Ty.BOOL), chance(50) ? " || " + n + " != 3" : "", " : ", e(Ty.STR), ";");
            case 0, 1 -> {
                if (noAwait == 0) {
                    line(bare(pick(await("vi", e(Ty.INT)), await("bump", e(Ty.INT)), await("vs", e(Ty.STR)))), ";");
                } else {
                    line("f3(", e(Ty.INT), ", ", e(Ty.INT), ", ", e(Ty.INT), ");");
                }
            }
            case 2 -> line("f3(", e(Ty.INT), ", ", e(Ty.INT), ", ", e(Ty.INT), ");");
            case 3 -> line(ints.isEmpty() ? "fi++" : pick(ints).name + pick("++", "--"), ";");
            case 4 -> line("log(\"x\" + ", e(pick(Ty.INT, Ty.STR, Ty.BOOL, Ty.LONG)), ");");
            case 5 -> line("chk(", ++awaitIds, ", ", e(Ty.BOOL), ");");
            default -> {
                if (noAwait == 0) line(bare(await("poke", e(Ty.INT), e(Ty.INT))), ";");
                else line("fi += 2;");
            }
        }
    }

    /** A local record and a var of an anonymous class, used within a stretch without awaits. */
    private void localTypes() {
        int id = ++bindings;
        noAwait++;
        Ex value = e(Ty.INT);
        Ex text = e(Ty.STR);
        noAwait--;
        // the anonymous class captures nothing: the generated locals are rarely effectively final
        line("{ record Rec", id, "(int a, String b) {} var an", id, " = new Object() { int k; }; an", id, ".k = ", value,
                "; an", id, ".k++; log(\"rec\" + new Rec", id, "(an", id, ".k, ", text, ")); }");
    }

    private void ifStatement(int depth) {
        line("if (", boolExpr(cfg.maxExprDepth()), ") {");
        boolean elsePart = chance(60);
        // if-then-else completes normally iff one branch does: only the then branch may end abruptly
        nested(depth, End.ANY);
        if (elsePart) {
            if (chance(30)) {
                line("} else if (", boolExpr(cfg.maxExprDepth()), ") {");
                nested(depth, End.ANY);
            }
            line("} else {");
            nested(depth, End.NONE);
        }
        line("}");
    }

    private String counterBound() {
        return String.valueOf(1 + r.nextInt(3));
    }

    private void loop(int depth, boolean allowDecl) {
        if (loopDepth >= 3) {
            dump("t");
            return;
        }
        loopDepth++;
        String label = chance(40) ? "L" + ++labels : null;
        String prefix = label == null ? "" : label + ": ";
        Jump jump = new Jump(label, JumpKind.LOOP);
        int mark = scope.size();
        final boolean wrap = !allowDecl;
        int kind = r.nextInt(6);
        if (wrap) {
            line("{");
            indent++;
        }
        switch (kind) {
            case 0 -> { // while
                String i = fresh("i");
                line("int ", i, " = 0;");
                scope.add(new Var(i, Ty.INT, false));
                if (!wrap) mark = scope.size(); // the counter stays in scope after the loop
                Ex cond = j(i, " < ", bound());
                if (chance(50)) cond = chance(50) ? j(cond, " && ", boolExpr(2)) : j(boolExpr(2), " && ", cond);
                line(prefix, "while (", cond, ") {");
                jumps.add(jump);
                indent++;
                line(i, "++;");
                indent--;
                nested(depth, End.ANY);
                jumps.remove(jumps.size() - 1);
                line("}");
            }
            case 1 -> { // do
                String i = fresh("i");
                line("int ", i, " = 0;");
                scope.add(new Var(i, Ty.INT, false));
                if (!wrap) mark = scope.size(); // the counter stays in scope after the loop
                line(prefix, "do {");
                jumps.add(jump);
                indent++;
                line(i, "++;");
                indent--;
                // a do statement completes normally only through its condition or a break
                nested(depth, End.self(jump));
                jumps.remove(jumps.size() - 1);
                Ex cond = j(i, " < ", bound());
                if (chance(50)) cond = j(cond, " && ", boolExpr(2));
                line("} while (", cond, ");");
            }
            case 2, 3 -> { // for
                String i = fresh("i");
                Ex init = chance(70) ? j("0") : (noAwait == 0 ? await("vi", "0") : j("0"));
                scope.add(new Var(i, Ty.INT, false));
                Ex decl = j("int ", i, " = ", init);
                if (chance(20)) {
                    String x = fresh("v");
                    Ex xi = e(Ty.INT);
                    scope.add(new Var(x, Ty.INT, true));
                    decl = j(decl, ", ", x, " = ", xi);
                }
                Ex cond = j(i, " < ", bound());
                if (chance(30)) cond = j(cond, " && ", boolExpr(2));
                Ex update = chance(60) ? j(i, "++") : noAwait == 0 ? j(i, " += ", await("vi", "1")) : j(i, " += 1");
                if (chance(25)) update = j(update, ", log(\"u", ++traceIds, " \" + ", i, ")");
                line(prefix, "for (", decl, "; ", cond, "; ", update, ") {");
                jumps.add(jump);
                nested(depth, End.ANY);
                jumps.remove(jumps.size() - 1);
                line("}");
            }
            case 4 -> { // for each over an array
                Ex array = arrExpr(2);
                String x = fresh("it");
                scope.add(new Var(x, Ty.INT, true));
                line(prefix, "for (int ", x, " : ", array, ") {");
                jumps.add(jump);
                nested(depth, End.ANY);
                jumps.remove(jumps.size() - 1);
                line("}");
            }
            default -> { // for each over a list
                Ex list = listExpr(2);
                String x = fresh("it");
                boolean boxed = chance(50);
                scope.add(new Var(x, boxed ? Ty.INTEGER : Ty.INT, true));
                line(prefix, "for (", boxed ? "Integer " : "int ", x, " : ", list, ") {");
                jumps.add(jump);
                nested(depth, End.ANY);
                jumps.remove(jumps.size() - 1);
                line("}");
            }
        }
        truncate(mark);
        if (wrap) {
            indent--;
            line("}");
        }
        loopDepth--;
    }

    /** A loop bound: a literal, or an await of one. */
    private Ex bound() {
        String b = counterBound();
        return noAwait == 0 && chance(25) ? await("vi", b) : j(b);
    }

    private void switchStatement(int depth) {
        int kind = r.nextInt(3);
        Ex selector;
        String[] labelsOf;
        switch (kind) {
            case 0 -> {
                selector = j("(", intExpr(2), ") & 3");
                labelsOf = new String[] {"0", "1", "2", "3"};
            }
            case 1 -> {
                selector = noAwait == 0 && chance(40) ? await("vs", j("\"k\" + (", intExpr(1), " & 3)"))
                        : j("\"k\" + (", intExpr(2), " & 3)");
                labelsOf = new String[] {"\"k0\"", "\"k1\"", "\"k2\"", "\"k3\""};
            }
            default -> {
                selector = enumExpr(2);
                labelsOf = new String[] {"A", "B", "C"};
            }
        }
        List<String> chosen = new ArrayList<>();
        for (String l : labelsOf) {
            if (chance(65)) chosen.add(l);
        }
        boolean withDefault = chance(60);
        String label = chance(25) ? "L" + ++labels : null;
        Jump jump = new Jump(label, JumpKind.SWITCH);
        line(label == null ? "" : label + ": ", "switch (", selector, ") {");
        jumps.add(jump);
        indent++;
        if (chance(50)) {
            // classic, with fall-through; the last group completes normally
            List<List<String>> groups = new ArrayList<>();
            for (String l : chosen) {
                if (groups.isEmpty() || chance(70)) groups.add(new ArrayList<>());
                groups.get(groups.size() - 1).add(l);
            }
            if (withDefault) groups.add(r.nextInt(groups.size() + 1), new ArrayList<>(List.of("default")));
            for (int g = 0; g < groups.size(); g++) {
                for (String l : groups.get(g)) {
                    line(l.equals("default") ? "default:" : "case " + l + ":");
                }
                indent++;
                boolean last = g == groups.size() - 1;
                int endKind = r.nextInt(10);
                if (last || endKind >= 7) {
                    groupStatements(depth, false);
                    if (chance(40)) line("break;");
                } else if (endKind < 4) {
                    groupStatements(depth, false);
                    line("break;");
                } else {
                    groupStatements(depth, true);
                }
                indent--;
            }
        } else {
            // arrow form: a rule is an expression statement, a block or a throw
            List<String> rules = new ArrayList<>();
            for (String l : chosen) {
                if (rules.isEmpty() || chance(70)) rules.add(l);
                else rules.set(rules.size() - 1, rules.get(rules.size() - 1) + ", " + l);
            }
            if (withDefault) rules.add("default");
            for (int g = 0; g < rules.size(); g++) {
                String head = rules.get(g).equals("default") ? "default -> " : "case " + rules.get(g) + " -> ";
                int form = r.nextInt(10);
                boolean last = g == rules.size() - 1;
                if (form < 3) {
                    dumpRule(head);
                } else if (form < 4 && !last) {
                    line(head, throwStatement());
                } else {
                    line(head, "{");
                    nested(depth, last ? End.NONE : End.ANY);
                    line("}");
                }
            }
        }
        indent--;
        jumps.remove(jumps.size() - 1);
        line("}");
    }

    private void dumpRule(String head) {
        if (noAwait == 0 && chance(50)) {
            line(head, bare(await("vi", e(Ty.INT))), ";");
        } else {
            line(head, "log(\"r", ++traceIds, " \" + ", e(Ty.INT), ");");
        }
    }

    private static final String[][] CATCHES = {
            {"IllegalStateException"}, {"IllegalArgumentException"}, {"ArithmeticException"},
            {"IllegalStateException", "IllegalArgumentException"}, {"Chk"}, {"Chk", "ArithmeticException"},
            {"Chk", "RuntimeException"}, {"RuntimeException"}, {"Exception"}};

    /** Catch clauses in an order javac accepts: no clause after one that already catches its types. */
    private List<String[]> catchClauses() {
        List<String[]> clauses = new ArrayList<>();
        int count = 1 + r.nextInt(3);
        int from = 0;
        for (int c = 0; c < count && from < CATCHES.length; c++) {
            int k = from + r.nextInt(Math.min(4, CATCHES.length - from));
            String[] clause = CATCHES[k];
            boolean clash = false;
            for (String[] earlier : clauses) {
                for (String x : earlier) {
                    for (String y : clause) {
                        if (x.equals(y) || covers(x, y)) clash = true;
                    }
                }
            }
            if (!clash) clauses.add(clause);
            from = k + 1;
        }
        return clauses;
    }

    private static boolean covers(String sup, String sub) {
        return switch (sup) {
            case "Exception" -> true;
            case "RuntimeException" -> !sub.equals("Chk") && !sub.equals("Exception");
            default -> false;
        };
    }

    private void tryStatement(int depth) {
        int form = r.nextInt(3); // 0 try-catch, 1 try-finally, 2 try-catch-finally
        List<String[]> clauses = form == 1 ? List.of() : catchClauses();
        tryBody("try {", clauses, depth, form != 0);
    }

    private void tryBody(String head, List<String[]> clauses, int depth, boolean withFinally) {
        tryBody(j(head), clauses, depth, withFinally, 0);
    }

    /**
     * The try block, its catch clauses and finally: one of the try block and the catch blocks
     * completes normally (so the statement does); finally only ever ends conditionally.
     */
    private void tryBody(Ex head, List<String[]> clauses, int depth, boolean withFinally, int resourceMark) {
        boolean catchesChecked = false;
        for (String[] clause : clauses) {
            for (String t : clause) {
                if (t.equals("Chk")) catchesChecked = true;
            }
        }
        int normal = r.nextInt(clauses.size() + 1);
        line(head);
        if (catchesChecked) {
            indent++;
            line("chk(", ++awaitIds, ", ", boolExpr(1), ");");
            indent--;
        }
        nested(depth, normal == 0 ? End.NONE : End.ANY);
        truncate(resourceMark == 0 ? scope.size() : resourceMark);
        int id = ++traceIds;
        for (int c = 0; c < clauses.size(); c++) {
            String e = fresh("e");
            line("} catch (", String.join(" | ", clauses.get(c)), " ", e, ") {");
            scope.add(new Var(e, Ty.EXC, false));
            indent++;
            Ex message = chance(50) ? j(e, ".getMessage()") : j(e, ".getMessage() + \" sup=\" + ", e, ".getSuppressed().length");
            line("log(\"catch", id, " \" + ", message, ");");
            indent--;
            nested(depth, normal == c + 1 ? End.NONE : End.ANY);
            scope.remove(scope.size() - 1);
        }
        if (withFinally) {
            line("} finally {");
            indent++;
            line("log(\"finally", id, "\");");
            indent--;
            nested(depth, End.NONE);
        }
        line("}");
    }

    private void resourceStatement(int depth) {
        int mark = scope.size();
        int count = 1 + r.nextInt(2);
        List<Ex> resources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = fresh("r");
            Ex nameExpr = chance(70) ? j("\"", name, "\"") : j("\"", name, "\" + ", intExpr(1));
            Ex failClose = chance(25) ? j("true") : chance(70) ? j("false") : boolExpr(1);
            String suspend = chance(60) ? "true" : "false";
            int k = noAwait > 0 ? 0 : r.nextInt(5);
            Ex decl;
            if (k < 2) {
                decl = j("Res ", name, " = new Res(", nameExpr, ", ", failClose, ")");
            } else if (k < 4) {
                Ex init = j("(", nameExpr, ", ", failClose, ", ", suspend, ")");
                decl = new Ex("ARes " + name + " = new ARes" + init.a, "PRes " + name + " = new PRes" + init.p);
            } else {
                int id = ++awaitIds;
                Ex args = j("(", id, ", ", nameExpr, ", ", failClose, ", ", suspend, ")");
                decl = new Ex("ARes " + name + " = await(openA" + args.a + ")", "PRes " + name + " = openAPlain" + args.p);
            }
            resources.add(decl);
            scope.add(new Var(name, Ty.RES, false));
        }
        // the resources are in scope in the try block only
        int form = r.nextInt(3);
        List<String[]> clauses = form == 0 ? List.of() : catchClauses();
        Ex head = j("try (");
        for (int i = 0; i < resources.size(); i++) {
            head = j(head, i == 0 ? "" : "; ", resources.get(i));
        }
        head = j(head, ") {");
        tryBody(head, clauses, depth, form == 2, mark);
        truncate(mark);
    }
}
