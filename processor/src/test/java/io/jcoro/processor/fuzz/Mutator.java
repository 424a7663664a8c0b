package io.jcoro.processor.fuzz;

import io.jcoro.processor.fuzz.SourceSites.Block;
import io.jcoro.processor.fuzz.SourceSites.Call;
import io.jcoro.processor.fuzz.SourceSites.Method;
import io.jcoro.processor.fuzz.SourceSites.Span;
import io.jcoro.processor.fuzz.SourceSites.Statement;
import io.jcoro.processor.fuzz.SourceSites.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded random edits of a Java source, each a function of the source's {@link SourceSites} and the
 * random stream only (so a mutant is reproduced by its seed). The edits make valid code invalid and
 * put the DSL where it does not belong; a few make valid code big or deep:
 * <ul>
 * <li>statements deleted, duplicated, swapped, moved to another block; jumps and declarations inserted;
 * <li>tokens deleted, duplicated, swapped, replaced; arguments deleted, duplicated, swapped;
 * <li>types changed; locals renamed to names the generated code uses; modifiers and members added;
 * <li>a statement or an await moved into a lambda, a local, anonymous or member class (method,
 *     initialiser, field, constructor), a record's compact constructor, a switch expression, a
 *     {@code synchronized} block, or a pattern-{@code switch} guard ({@code --release 21} and later);
 * <li>big and deep: long {@code +} and {@code &&} chains of awaits, deeply nested statements and
 *     conditionals, a statement repeated many times.
 * </ul>
 * An edit that finds no site to work on is not applied; {@link #mutate} tries another.
 */
final class Mutator {
    /** One kind of edit: the new source, or null if it has no site in this one. */
    private record Edit(String name, int weight, Function<SourceSites, String> apply) {}

    private static final String[] TYPES = {"int", "long", "boolean", "char", "double", "String", "Object", "Integer",
        "Void", "var", "int[]", "Runnable", "java.util.List<String>", "java.util.List<? super Integer>", "Comparable<?>",
        "Coroutine<Integer>", "Coroutine<?>", "Coroutine<? extends Number>", "Coroutine<Void>", "MutMissing"};

    /** Names the generated code or the DSL uses, and names that obscure packages (JLS 6.4.2). */
    private static final String[] HOSTILE_NAMES = {"java", "io", "lang", "jcoro", "String", "Object", "Override",
        "Throwable", "Iterator", "StackTraceElement", "Coroutine", "Coro", "Async", "await", "done", "sleep", "log",
        "out", "System", "Integer", "label", "value", "state", "resume", "e", "programs", "diag", "golden", "fuzz"};

    private static final String[] JUMPS = {"break;", "continue;", "return;", "return done();", "return done(null);",
        "return done(0);", "throw new IllegalStateException();", "yield 0;", "await(sleep(0));",
        "return await(sleep(0));", "done(1);", "break %1$s;", "continue %1$s;", "%1$s: break %1$s;"};

    private static final String[] LOCAL_DECLARATIONS = {
        "enum %1$s { A, B; %1$s() { } }",
        "interface %1$s { int f(); }",
        "var %1$s = new Object() { int f = 1; };",
        "Runnable %1$s = () -> { };",
        "int %1$s = switch (1) { case 1 -> 2; default -> 3; };",
        "class %1$s { %1$s() { super(); } }",
        "Object %1$s = new Object() { };",
        "java.util.function.IntSupplier %1$s = () -> switch (2) { default -> 4; };"};

    /** Contexts for a statement ({@code %2$s}) in which an await does not belong, or does ({@code try}). */
    private static final String[] STATEMENT_CONTEXTS = {
        "Runnable %1$s = () -> { %2$s };",
        "class %1$s { void run() throws Exception { %2$s } }",
        "class %1$s { { %2$s } }",
        "class %1$s { %1$s() { %2$s } }",
        "Object %1$s = new Object() { void run() throws Exception { %2$s } };",
        "synchronized (String.class) { %2$s }",
        "int %1$s = switch (1) { default -> { %2$s yield 0; } };",
        "enum %1$s { A; %1$s() { %2$s } }",
        "interface %1$s { default void run() throws Exception { %2$s } }",
        "try { %2$s } finally { }"};

    /** Contexts for an await expression ({@code %2$s}), each a statement put before the await's own. */
    private static final String[] EXPRESSION_CONTEXTS = {
        "java.util.function.Supplier<Object> %1$s = () -> %2$s;",
        "class %1$s { Object f = %2$s; }",
        "Object %1$s = new Object() { Object f = %2$s; };",
        "Object %1$s = (%2$s == %2$s) ? %2$s : null;",
        "Object %1$s = switch (0) { default -> { yield %2$s; } };"};

    /**
     * Local records, with a compact canonical constructor above all, empty or holding a statement or
     * an await ({@code %1$s} a fresh name, {@code %2$s} a statement, {@code %3$s} an await).
     */
    private static final String[] RECORDS = {
        "record %1$s(int a) { %1$s { if (a < 0) throw new IllegalArgumentException(); } }",
        "record %1$s(int a) { %1$s { %2$s } }",
        "record %1$s(Object a) { %1$s { a = %3$s; } }",
        "record %1$s(int a, String b) { %1$s(int a) { this(a, \"\"); } }"};

    /** A pattern-switch guard: Java 21. */
    private static final String GUARD =
            "switch ((Object) \"%1$s\") { case String %1$s when (%2$s) == (%2$s) -> { } default -> { } }";

    /** Members added to a type ({@code %1$s} a fresh name; {@code %2$s} {@code default } in an interface). */
    private static final String[] MEMBERS = {
        "enum %1$s { A, B; %1$s() { } }",
        "static class %1$s<T> { T t; %1$s() { super(); } }",
        "interface %1$s { default int f() { return 1; } }",
        "java.util.function.IntUnaryOperator %1$s = x -> x + 1;",
        "@Async %2$sCoroutine<Integer> %1$s(int x) { await(sleep(1)); return done(x); }",
        "@Async %2$sCoroutine<?> %1$s() { await(yieldNow()); return done(1); }",
        "@Async %2$ssynchronized Coroutine<Void> %1$s() { await(sleep(1)); return done(); }",
        "@Async %2$sCoroutine<String> %1$s(java.util.List<? extends CharSequence> xs) { for (CharSequence x : xs) await(sleep(1)); return done(String.valueOf(xs.size())); }",
        "@Async %2$s<T extends Comparable<T>> Coroutine<T> %1$s(T a, T b) { await(yieldNow()); return done(a.compareTo(b) > 0 ? a : b); }",
        "abstract static class %1$s<T> { @Async Coroutine<T> get(T t) { await(sleep(1)); return done(t); } }",
        "static abstract class %1$s { @Async Coroutine<Integer> get() { return done(1); } }",
        "static abstract class %1$s { @Async Object get() { return null; } }",
        "{ }"};

    private static final String[] METHOD_MODIFIERS = {"static ", "final ", "private ", "synchronized ", "abstract ",
        "default ", "@Async ", "@Deprecated ", "public ", "strictfp ", "native "};

    private static final String[] TYPE_MODIFIERS = {"final ", "abstract ", "sealed ", "non-sealed ", "static ",
        "@Deprecated ", "strictfp ", "private "};

    private static final String[] TYPE_PARAMETERS = {"<T>", "<T extends Number>", "<T, U extends T>", "<E extends Exception>"};

    private static final String[] OPERATORS = {"+", "-", "*", "/", "%", "&&", "||", "==", "!=", "<", ">", "=", "+=", "!",
        "?", ":", ";", ",", ".", "(", ")", "{", "}", "->", "::", "++", "[", "]"};

    private static final String[] LITERALS = {"0", "-1", "null", "\"\"", "true", "false", "2147483647", "1L", "'c'",
        "1.5", "\"s\"", "0x7fffffff"};

    /** The most characters a big edit adds: javac's own time grows faster than linearly with some shapes. */
    private static final int MAX_GROWTH = 60_000;

    private final Random random;
    private final int maxSize;
    private final boolean guards;
    private final List<Edit> edits = new ArrayList<>();
    private final List<String> applied = new ArrayList<>();
    private int names;

    /**
     * @param maxSize the largest chain, nesting depth or repeat count of the big and deep edits
     * @param guards whether the target release has pattern {@code switch} guards (21 and later)
     */
    Mutator(Random random, int maxSize, boolean guards) {
        this.random = random;
        this.maxSize = maxSize;
        this.guards = guards;
        edit("delete statement", 6, s -> statement(s, st -> ""));
        edit("duplicate statement", 4, s -> statement(s, st -> st.span().text(s.source) + " " + st.span().text(s.source)));
        edit("swap statements", 4, this::swapStatements);
        edit("move statement", 3, this::moveStatement);
        edit("insert jump", 4, s -> insertStatement(s, String.format(pick(JUMPS), fresh("mutL"))));
        edit("insert declaration", 3, s -> insertStatement(s, String.format(pick(LOCAL_DECLARATIONS), fresh("Mut"))));
        edit("statement into context", 8, s -> statement(s,
                st -> String.format(pick(STATEMENT_CONTEXTS), fresh("Mut"), st.span().text(s.source))));
        edit("record", 2, s -> statement(s, st -> String.format(pick(RECORDS), fresh("Mut"), st.span().text(s.source),
                s.awaits.isEmpty() ? "null" : pick(s.awaits).text(s.source)) + " " + st.span().text(s.source)));
        edit("await into context", 6, s -> beforeAwait(s, await -> String.format(pick(EXPRESSION_CONTEXTS), fresh("mut"), await)));
        edit("await into guard", guards ? 2 : 0, s -> beforeAwait(s, await -> String.format(GUARD, fresh("mut"), await)));
        edit("await into member", 4, this::awaitIntoMember);
        edit("await into constructor", 2, this::awaitIntoConstructor);
        edit("change type", 6, this::changeType);
        edit("delete argument", 3, this::deleteArgument);
        edit("duplicate argument", 3, this::duplicateArgument);
        edit("swap arguments", 2, this::swapArguments);
        edit("delete token", 4, s -> token(s, (t, src) -> ""));
        edit("duplicate token", 3, s -> token(s, (t, src) -> t.text(src) + " " + t.text(src)));
        edit("replace token", 4, s -> token(s, this::replacement));
        edit("swap tokens", 2, this::swapTokens);
        edit("rename local", 3, this::renameLocal);
        edit("add member", 4, this::addMember);
        edit("method modifier", 3, s -> modifier(s, pickMethod(s, false), METHOD_MODIFIERS));
        edit("remove @Async", 1, this::removeAsync);
        edit("type modifier", 2, s -> s.classes.isEmpty() ? null : insert(s.source, pick(s.classes).start(), pick(TYPE_MODIFIERS)));
        edit("type parameters", 2, s -> s.classes.isEmpty() ? null : insert(s.source, pick(s.classes).nameEnd(), pick(TYPE_PARAMETERS)));
        edit("long + chain", 2, s -> afterAwait(s, await -> "String " + fresh("mut") + " = \"\"" + repeat(" + " + await, size()) + ";"));
        edit("long && chain", 2, s -> afterAwait(s, await -> "boolean " + fresh("mut") + " = true"
                + repeat(" && " + await + " == " + await, size()) + ";"));
        edit("deep nesting", 2, s -> statement(s, st -> nest(st.span().text(s.source), size())));
        edit("deep conditional", 1, s -> afterAwait(s, await -> "Object " + fresh("mut") + " = "
                + repeat("(" + await + " == " + await + ") ? " + await + " : ", size()) + "null;"));
        edit("repeated statement", 2, s -> statement(s, st -> repeat("{ " + st.span().text(s.source) + " }\n", size())));
    }

    private void edit(String name, int weight, Function<SourceSites, String> apply) {
        if (weight > 0) {
            edits.add(new Edit(name, weight, apply));
        }
    }

    /** The names of the edits applied so far, in order. */
    List<String> applied() {
        return applied;
    }

    /** Applies {@code count} edits to {@code source}, each to the result of the one before. */
    String mutate(String source, int count) {
        String current = source;
        for (int i = 0; i < count; i++) {
            SourceSites sites = SourceSites.of(current);
            for (int attempt = 0; attempt < 20; attempt++) {
                Edit edit = pickEdit();
                String next = edit.apply().apply(sites);
                if (next != null && !next.equals(current)) {
                    applied.add(edit.name());
                    current = next;
                    break;
                }
            }
        }
        return current;
    }

    private Edit pickEdit() {
        int total = edits.stream().mapToInt(Edit::weight).sum();
        int at = random.nextInt(total);
        for (Edit e : edits) {
            at -= e.weight();
            if (at < 0) {
                return e;
            }
        }
        throw new AssertionError();
    }

    // ------------------------------------------------------------------ statements

    /** Replaces a statement (one in an {@code @Async} body, mostly; one with an await, often). */
    private String statement(SourceSites s, Function<Statement, String> replacement) {
        Statement st = pickStatement(s);
        return st == null ? null : splice(s.source, st.span().start(), st.span().end(), replacement.apply(st));
    }

    private Statement pickStatement(SourceSites s) {
        if (s.statements.isEmpty()) {
            return null;
        }
        List<Statement> async = s.statements.stream().filter(Statement::async).toList();
        List<Statement> awaiting = async.stream().filter(Statement::awaits).toList();
        int roll = random.nextInt(10);
        return roll < 5 && !awaiting.isEmpty() ? pick(awaiting) : roll < 8 && !async.isEmpty() ? pick(async) : pick(s.statements);
    }

    private String swapStatements(SourceSites s) {
        Statement first = pickStatement(s);
        if (first == null) {
            return null;
        }
        Statement second = s.statements.stream()
                .filter(o -> o.block() == first.block() && o.span().start() >= first.span().end())
                .min(Comparator.comparingInt(o -> o.span().start())).orElse(null);
        if (second == null) {
            return null;
        }
        String a = first.span().text(s.source);
        String b = second.span().text(s.source);
        String swapped = splice(s.source, second.span().start(), second.span().end(), a);
        return splice(swapped, first.span().start(), first.span().end(), b);
    }

    private String moveStatement(SourceSites s) {
        Statement st = pickStatement(s);
        if (st == null) {
            return null;
        }
        int to = insertionPoint(s);
        if (to < 0 || (to >= st.span().start() && to <= st.span().end())) {
            return null;
        }
        String text = st.span().text(s.source);
        return to > st.span().end()
                ? splice(insert(s.source, to, " " + text + " "), st.span().start(), st.span().end(), "")
                : insert(splice(s.source, st.span().start(), st.span().end(), ""), to, " " + text + " ");
    }

    /** Where a statement can go: the start of a block, or just after one of its statements (mostly async ones). */
    private int insertionPoint(SourceSites s) {
        List<Block> async = s.blocks.stream().filter(Block::async).toList();
        List<Block> blocks = !async.isEmpty() && random.nextInt(5) > 0 ? async : s.blocks;
        if (blocks.isEmpty()) {
            return -1;
        }
        Block block = pick(blocks);
        int index = s.blocks.indexOf(block);
        List<Statement> inBlock = s.statements.stream().filter(st -> st.block() == index).toList();
        return inBlock.isEmpty() || random.nextInt(3) == 0 ? block.open() : pick(inBlock).span().end();
    }

    private String insertStatement(SourceSites s, String statement) {
        int at = insertionPoint(s);
        return at < 0 ? null : insert(s.source, at, " " + statement + " ");
    }

    // ------------------------------------------------------------------ awaits

    /** The innermost statement of a block that contains the await, or null. */
    private static Statement enclosing(SourceSites s, Span await) {
        return s.statements.stream()
                .filter(st -> st.span().start() <= await.start() && st.span().end() >= await.end())
                .min(Comparator.comparingInt(st -> st.span().end() - st.span().start())).orElse(null);
    }

    private String beforeAwait(SourceSites s, Function<String, String> statement) {
        if (s.awaits.isEmpty()) {
            return null;
        }
        Span await = pick(s.awaits);
        Statement st = enclosing(s, await);
        return st == null ? null : insert(s.source, st.span().start(), statement.apply(await.text(s.source)) + " ");
    }

    private String afterAwait(SourceSites s, Function<String, String> statement) {
        if (s.awaits.isEmpty()) {
            return null;
        }
        Span await = pick(s.awaits);
        Statement st = enclosing(s, await);
        return st == null ? null : insert(s.source, st.span().end(), " " + statement.apply(await.text(s.source)));
    }

    /** An await as a field initialiser or an initialiser block of the type around it. */
    private String awaitIntoMember(SourceSites s) {
        if (s.awaits.isEmpty()) {
            return null;
        }
        Span await = pick(s.awaits);
        Type type = innermostType(s, await.start());
        if (type == null) {
            return null;
        }
        String text = await.text(s.source);
        String member = switch (random.nextInt(3)) {
            case 0 -> "Object " + fresh("mut") + " = " + text + ";";
            case 1 -> "{ Object " + fresh("mut") + " = " + text + "; }";
            default -> "static { Object " + fresh("mut") + " = " + text + "; }";
        };
        return insert(s.source, type.close(), " " + member + "\n");
    }

    /** An await as the first statement of a constructor (after its explicit {@code super}/{@code this} call). */
    private String awaitIntoConstructor(SourceSites s) {
        List<Method> constructors = s.methods.stream().filter(m -> m.constructor() && m.body() != null).toList();
        if (s.awaits.isEmpty() || constructors.isEmpty()) {
            return null;
        }
        Method constructor = pick(constructors);
        int at = constructor.body().open();
        String body = s.source.substring(at, constructor.body().close()).stripLeading();
        if (body.startsWith("super(") || body.startsWith("this(")) {
            at = s.source.indexOf(';', at) + 1;
        }
        return insert(s.source, at, " Object " + fresh("mut") + " = " + pick(s.awaits).text(s.source) + "; ");
    }

    private static Type innermostType(SourceSites s, int position) {
        return s.classes.stream().filter(t -> t.start() <= position && t.close() >= position)
                .min(Comparator.comparingInt(t -> t.close() - t.start())).orElse(null);
    }

    // ------------------------------------------------------------------ types, arguments, tokens, names

    private String changeType(SourceSites s) {
        if (s.types.isEmpty()) {
            return null;
        }
        Span type = pick(s.types);
        String with = random.nextInt(3) == 0 ? pick(s.types).text(s.source) : pick(TYPES);
        return splice(s.source, type.start(), type.end(), with);
    }

    /** Deletes an argument and the comma before (or after) it. */
    private String deleteArgument(SourceSites s) {
        if (s.calls.isEmpty()) {
            return null;
        }
        List<Span> args = pick(s.calls).arguments();
        int i = random.nextInt(args.size());
        Span deleted = i > 0 ? new Span(args.get(i - 1).end(), args.get(i).end())
                : args.size() > 1 ? new Span(args.get(0).start(), args.get(1).start()) : args.get(0);
        return splice(s.source, deleted.start(), deleted.end(), "");
    }

    private String duplicateArgument(SourceSites s) {
        if (s.calls.isEmpty()) {
            return null;
        }
        Span arg = pick(pick(s.calls).arguments());
        return splice(s.source, arg.end(), arg.end(), ", " + arg.text(s.source));
    }

    private String swapArguments(SourceSites s) {
        List<Call> calls = s.calls.stream().filter(c -> c.arguments().size() > 1).toList();
        if (calls.isEmpty()) {
            return null;
        }
        List<Span> args = pick(calls).arguments();
        int i = random.nextInt(args.size() - 1);
        Span a = args.get(i);
        Span b = args.get(i + 1);
        String swapped = splice(s.source, b.start(), b.end(), a.text(s.source));
        return splice(swapped, a.start(), a.end(), b.text(s.source));
    }

    private interface TokenEdit {
        String replace(Tokens.Token token, String source);
    }

    /** Edits a token of an {@code @Async} body (mostly) or of the whole file. */
    private String token(SourceSites s, TokenEdit edit) {
        List<Tokens.Token> tokens = tokens(s);
        if (tokens.isEmpty()) {
            return null;
        }
        Tokens.Token t = pick(tokens);
        return splice(s.source, t.start(), t.end(), edit.replace(t, s.source));
    }

    private List<Tokens.Token> tokens(SourceSites s) {
        Method method = pickMethod(s, true);
        return method != null && method.body() != null && random.nextInt(5) > 0
                ? Tokens.of(s.source, method.body().open(), method.body().close())
                : Tokens.of(s.source, 0, s.source.length());
    }

    private String replacement(Tokens.Token token, String source) {
        return switch (token.kind()) {
            case OPERATOR -> pick(OPERATORS);
            case LITERAL -> pick(LITERALS);
            case IDENTIFIER -> {
                List<Tokens.Token> identifiers = Tokens.of(source, 0, source.length()).stream()
                        .filter(t -> t.kind() == Tokens.Kind.IDENTIFIER).toList();
                yield random.nextInt(4) == 0 ? pick(HOSTILE_NAMES) : pick(identifiers).text(source);
            }
        };
    }

    private String swapTokens(SourceSites s) {
        List<Tokens.Token> tokens = tokens(s);
        if (tokens.size() < 2) {
            return null;
        }
        int i = random.nextInt(tokens.size() - 1);
        Tokens.Token a = tokens.get(i);
        Tokens.Token b = tokens.get(i + 1);
        String swapped = splice(s.source, b.start(), b.end(), a.text(s.source));
        return splice(swapped, a.start(), a.end(), b.text(s.source));
    }

    /** Renames every occurrence of a local's name in its method (so uses follow) to a hostile name. */
    private String renameLocal(SourceSites s) {
        if (s.locals.isEmpty()) {
            return null;
        }
        SourceSites.Local local = pick(s.locals);
        String name = pick(HOSTILE_NAMES);
        StringBuilder out = new StringBuilder(s.source);
        List<Tokens.Token> tokens = Tokens.of(s.source, local.method().start(), local.method().end());
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Tokens.Token t = tokens.get(i);
            if (t.kind() == Tokens.Kind.IDENTIFIER && t.text(s.source).equals(local.name())) {
                out.replace(t.start(), t.end(), name);
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ declarations

    private String addMember(SourceSites s) {
        if (s.classes.isEmpty()) {
            return null;
        }
        Type type = pick(s.classes);
        String member = String.format(pick(MEMBERS), fresh("mut"), type.kind() == com.sun.source.tree.Tree.Kind.INTERFACE ? "default " : "");
        return insert(s.source, type.close(), "    " + member + "\n");
    }

    private Method pickMethod(SourceSites s, boolean async) {
        List<Method> asyncMethods = s.methods.stream().filter(Method::async).toList();
        List<Method> from = (async || random.nextInt(4) > 0) && !asyncMethods.isEmpty() ? asyncMethods : s.methods;
        return from.isEmpty() ? null : pick(from);
    }

    private String modifier(SourceSites s, Method method, String[] modifiers) {
        return method == null ? null : insert(s.source, method.span().start(), pick(modifiers));
    }

    private String removeAsync(SourceSites s) {
        Method method = pickMethod(s, true);
        if (method == null || !method.async()) {
            return null;
        }
        int at = s.source.indexOf("@Async", method.span().start());
        return at < 0 || at > method.span().end() ? null : splice(s.source, at, at + "@Async".length(), "");
    }

    // ------------------------------------------------------------------ big and deep

    /** A size for a big or deep edit: mostly small, sometimes up to {@link #maxSize}. */
    private int size() {
        double x = random.nextDouble();
        return 2 + (int) (x * x * x * (maxSize - 1));
    }

    private String nest(String statement, int depth) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            String label = fresh("mutN");
            switch (random.nextInt(6)) {
                case 0 -> { open.append("{ "); close.insert(0, " }"); }
                case 1 -> { open.append("if (\"").append(label).append("\" != null) { "); close.insert(0, " }"); }
                case 2 -> { open.append("try { "); close.insert(0, " } finally { }"); }
                case 3 -> { open.append("do { "); close.insert(0, " } while (false);"); }
                case 4 -> { open.append(label).append(": { "); close.insert(0, " }"); }
                default -> { open.append("for (int ").append(label).append(" = 0; ").append(label).append(" < 1; ")
                        .append(label).append("++) { "); close.insert(0, " }"); }
            }
        }
        return open + statement + close;
    }

    /** {@code text} {@code times} times, but no more than {@value #MAX_GROWTH} characters in all. */
    private static String repeat(String text, int times) {
        return text.repeat(Math.max(1, Math.min(times, MAX_GROWTH / Math.max(1, text.length()))));
    }

    // ------------------------------------------------------------------ helpers

    private String fresh(String prefix) {
        return prefix + (names++);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String[] array) {
        return array[random.nextInt(array.length)];
    }

    private static String splice(String source, int start, int end, String with) {
        return source.substring(0, start) + with + source.substring(end);
    }

    private static String insert(String source, int at, String text) {
        return splice(source, at, at, text);
    }
}
