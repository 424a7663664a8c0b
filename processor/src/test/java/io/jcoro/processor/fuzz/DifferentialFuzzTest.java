package io.jcoro.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.jcoro.processor.fuzz.BodyGenerator.GeneratedClass;
import io.jcoro.processor.fuzz.BodyGenerator.MethodCase;
import io.jcoro.processor.testing.CoroCompiler;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The differential fuzzer: random bodies ({@link BodyGenerator}) compiled by the processor as
 * {@code @Async} methods, run on a virtual-time loop, against their plain-Java twins run directly.
 * The trace lines and the outcome (value, or exception class, message, cause and suppressed
 * exceptions) must be the same exactly, and the processor must accept every generated body
 * without any jcoro diagnostic (in particular never JCORO-E023, an internal error).
 *
 * <p>System properties:
 * <ul>
 * <li>{@code jcoro.fuzz.methods} (default 320): how many methods to generate;
 * <li>{@code jcoro.fuzz.seed} (default fixed): the campaign seed; {@code random} picks one (printed);
 * <li>{@code jcoro.fuzz.batch} (default 40): methods per compiled class;
 * <li>{@code jcoro.fuzz.threads} (default: processors, at most 4): batches compiled and run at once;
 * <li>{@code jcoro.fuzz.method} (a method seed from a failure message): generate and check only that one;
 * <li>{@code jcoro.fuzz.hostile} (default {@code half}): which classes declare {@link HostileNames}
 *     (fields, parameters, locals, member and local types and type parameters named like the
 *     names generated code writes): {@code half} (two batches of every four, one of them split),
 *     {@code all} or {@code none}.
 * </ul>
 * Every other class is compiled with {@code -Ajcoro.partBudget=}{@value #SPLIT_BUDGET}, which splits
 * nearly every state of its frames into a {@code $resume} part of its own: the split large bodies
 * get runs against the same twins. No generated method may exceed HotSpot's JIT limit of
 * {@value #HUGE_METHOD} bytes, except a part that holds a single state: one kept statement (a
 * try-finally with many exits, say) is never split, and can be that large.
 */
class DifferentialFuzzTest {
    static final long DEFAULT_SEED = 0x6a636f726fL; // "jcoro"
    private static final long RUN_TIMEOUT_SECONDS = 20;
    private static final int MAX_REPORTED = 5;
    static final int SPLIT_BUDGET = 200;
    static final int HUGE_METHOD = CoroCompiler.JIT_LIMIT;

    /** The seed of method {@code index} of the campaign {@code seed}: each method is reproducible alone. */
    static long methodSeed(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A frame method's states are found in the source under the frame's name and under javac's. */
    @Test
    void theStatesOfAFrameMethodAreCountedUnderEitherName() {
        String source = """
                private final class $M7 extends Coroutine<Integer> {
                    protected Object $resume3() {
                        switch ($label) {
                            case 4: {
                            }
                            case 5: {
                            }
                        }
                    }
                    protected Object $resume4() {
                    }
                }
                """;
        assertEquals(2, Batch.statesIn(source, "Fuzz0$Fuzz0Coroutines$$M7.class.$resume3()Ljava/lang/Object;"));
        assertEquals(2, Batch.statesIn(source, "Fuzz0Coroutines$$M7.class.$resume3()Ljava/lang/Object;"));
        assertEquals(0, Batch.statesIn(source, "Fuzz0$Fuzz0Coroutines$$M7.class.<init>()V"));
    }

    @Test
    void generatedBodiesRunExactlyAsTheirPlainTwins() throws Exception {
        String seedProperty = System.getProperty("jcoro.fuzz.seed");
        long seed = seedProperty == null ? DEFAULT_SEED
                : seedProperty.equals("random") ? System.nanoTime() : Long.decode(seedProperty);
        int methods = Integer.getInteger("jcoro.fuzz.methods", 320);
        int batch = Integer.getInteger("jcoro.fuzz.batch", 40);
        int threads = Integer.getInteger("jcoro.fuzz.threads", Math.min(4, Runtime.getRuntime().availableProcessors()));
        String only = System.getProperty("jcoro.fuzz.method");

        List<long[]> batches = new ArrayList<>();
        if (only != null) {
            // once as it is and once split (the odd batch), like every method of a campaign
            batches.add(new long[] {Long.decode(only)});
            batches.add(new long[] {Long.decode(only)});
        } else {
            for (int start = 0; start < methods; start += batch) {
                long[] seeds = new long[Math.min(batch, methods - start)];
                for (int i = 0; i < seeds.length; i++) {
                    seeds[i] = methodSeed(seed, start + i);
                }
                batches.add(seeds);
            }
        }

        if (hostile(2)) {
            System.out.println("jcoro fuzz: hostile names besides " + HostileNames.LISTED + ", derived from the emitter: "
                    + HostileNames.emitterNames());
        }
        long began = System.nanoTime();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        int[] checked = new int[1];
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("fuzz-batch"));
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int b = 0; b < batches.size(); b++) {
                long[] seeds = batches.get(b);
                String name = "Fuzz" + b;
                boolean split = b % 2 == 1;
                boolean hostile = hostile(b);
                List<String> options = split ? List.of("-Ajcoro.partBudget=" + SPLIT_BUDGET) : List.of();
                done.add(pool.submit(() -> new Batch(name, seeds, BodyGenerator.Config.fromSystemProperties(), hostile,
                        options, split, failures).run()));
            }
            for (Future<Integer> f : done) {
                checked[0] += f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf(Locale.ROOT, "jcoro fuzz: seed %d, %d methods compared in %d classes, %.1f s, %d failures%n",
                seed, checked[0], batches.size(), seconds, failures.size());
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder(failures.size() + " fuzz failures (campaign seed " + seed
                    + "; rerun one with -Djcoro.fuzz.method=<method seed>)\n");
            message.append("all, one line each (kind: method, seed, first differing async line or diagnostic):\n");
            for (String failure : failures) {
                String[] lines = failure.split("\n");
                String detail = "";
                for (String l : lines) {
                    if (l.startsWith("  async: ") || l.startsWith("  ERROR")) {
                        detail = l.trim();
                        break;
                    }
                }
                message.append("  ").append(lines[0]).append(" | ")
                        .append(detail.length() > 160 ? detail.substring(0, 160) + "..." : detail).append('\n');
            }
            for (int i = 0; i < Math.min(MAX_REPORTED, failures.size()); i++) {
                message.append("\n==================== failure ").append(i + 1).append('\n').append(failures.get(i));
            }
            fail(message.toString());
        }
    }

    /** Whether batch {@code b} declares hostile names, by {@code jcoro.fuzz.hostile}. */
    private static boolean hostile(int b) {
        return switch (System.getProperty("jcoro.fuzz.hostile", "half")) {
            case "all" -> true;
            case "none" -> false;
            default -> b % 4 >= 2;
        };
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** One class: generate, compile (isolating methods the compiler rejects), run each pair. */
    static final class Batch {
        private final String name;
        private final long[] seeds;
        private final BodyGenerator.Config config;
        private final boolean hostile;
        private final List<String> options;
        private final boolean expectSplit;
        private final List<String> failures;
        /** The generated source of the class compiled last (all of the batch's methods, if they compiled). */
        private String generatedSource = "";
        private ExecutorService runner = Executors.newSingleThreadExecutor(daemon("fuzz-run"));

        /**
         * @param hostile whether the class declares {@link HostileNames}
         * @param options extra javac options for the class
         * @param expectSplit whether some frame must have a split {@code $resume} (else a failure)
         * @param failures where each failure is added, as a report
         */
        Batch(String name, long[] seeds, BodyGenerator.Config config, boolean hostile, List<String> options,
                boolean expectSplit, List<String> failures) {
            this.name = name;
            this.seeds = seeds;
            this.config = config;
            this.hostile = hostile;
            this.options = options;
            this.expectSplit = expectSplit;
            this.failures = failures;
        }

        int run() throws Exception {
            try {
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                GeneratedClass generated = BodyGenerator.generateClass("fuzz", name, seeds, config, hostile);
                String dump = System.getProperty("jcoro.fuzz.dump");
                if (dump != null) {
                    java.nio.file.Path dir = java.nio.file.Path.of(dump, "fuzz");
                    java.nio.file.Files.createDirectories(dir);
                    java.nio.file.Files.writeString(dir.resolve(name + ".java"), generated.source());
                }
                Compilation compilation = compile(generated);
                long t1 = System.nanoTime();
                long c1 = mx.getCurrentThreadCpuTime();
                if (!clean(compilation)) {
                    // find the methods the compiler rejects, one by one; compile the others together
                    List<Long> good = new ArrayList<>();
                    for (long s : seeds) {
                        GeneratedClass single = BodyGenerator.generateClass("fuzz", name, new long[] {s},
                                config, hostile);
                        Compilation c = compile(single);
                        if (clean(c)) {
                            good.add(s);
                        } else {
                            failures.add(compileFailure(single, c));
                        }
                    }
                    if (good.isEmpty()) {
                        return 0;
                    }
                    generated = BodyGenerator.generateClass("fuzz", name, good.stream().mapToLong(Long::longValue).toArray(),
                            config, hostile);
                    compilation = compile(generated);
                    if (!clean(compilation)) {
                        failures.add(compileFailure(generated, compilation));
                        return 0;
                    }
                }
                java.util.Map<String, Integer> sizes = CoroCompiler.frameMethodSizes(compilation);
                generatedSource = compilation.generatedSourceFile(generated.qualifiedName() + "Coroutines")
                        .orElseThrow().getCharContent(true).toString();
                sizes.forEach((method, size) -> {
                    // one state's own code is never split (a single kept statement can be that large)
                    if (size > HUGE_METHOD && statesIn(generatedSource, method) != 1) {
                        failures.add("huge method: " + name + " " + method + " has " + size + " bytes of bytecode");
                    }
                });
                if (expectSplit && sizes.keySet().stream().noneMatch(m -> m.contains(".$resume1("))) {
                    failures.add("not split: " + name + " (options " + options + ") has no $resume1");
                }
                ClassLoader loader = CoroCompiler.classLoader(compilation);
                Class<?> type = loader.loadClass(generated.qualifiedName() + "Coroutines");
                Constructor<?> constructor = type.getDeclaredConstructor(Consumer.class);
                constructor.setAccessible(true);
                for (MethodCase m : generated.methods()) {
                    check(generated, m, constructor);
                }
                if (Boolean.getBoolean("jcoro.fuzz.verbose")) {
                    System.out.printf(Locale.ROOT, "%s: %d lines, compiled in %d ms (cpu %d ms), ran in %d ms%n", name,
                            generated.source().split("\n").length, (t1 - t0) / 1_000_000, (c1 - c0) / 1_000_000,
                            (System.nanoTime() - t1) / 1_000_000);
                }
                return generated.methods().size();
            } finally {
                runner.shutdownNow();
            }
        }

        String generatedSource() {
            return generatedSource;
        }

        /**
         * The {@code case n: {} blocks of a generated method, from its source: {@code method} is
         * {@code Fuzz0$Fuzz0Coroutines$$M7.class.$resume3()...} (or javac's
         * {@code Fuzz0Coroutines$$M7.class...}), the frame {@code $M7} and its method.
         */
        static int statesIn(String source, String method) {
            String frame = method.substring(method.indexOf("$$") + 1, method.indexOf(".class"));
            String name = method.substring(method.indexOf(".class.") + ".class.".length(), method.indexOf('('));
            int start = source.indexOf("Object " + name + "()", source.indexOf("class " + frame + " "));
            if (start < 0) {
                return 0; // not a $resume method
            }
            int end = source.length();
            for (String next : new String[] {"Object $resume", " class $"}) {
                int at = source.indexOf(next, start + 1);
                end = at < 0 ? end : Math.min(end, at);
            }
            java.util.regex.Matcher cases = java.util.regex.Pattern.compile("case \\d+: \\{")
                    .matcher(source.substring(start, end));
            int count = 0;
            while (cases.find()) {
                count++;
            }
            return count;
        }

        private Compilation compile(GeneratedClass generated) {
            JavaFileObject source = JavaFileObjects.forSourceString(generated.qualifiedName(), generated.source());
            return CoroCompiler.compile(options, source);
        }

        /** Compiled, and no jcoro diagnostic (a generated body is always valid DSL). */
        private static boolean clean(Compilation compilation) {
            if (compilation.status() != Compilation.Status.SUCCESS) {
                return false;
            }
            for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
                if (d.getMessage(Locale.ROOT).contains("JCORO-")) {
                    return false;
                }
            }
            return true;
        }

        private static String compileFailure(GeneratedClass generated, Compilation compilation) {
            StringBuilder out = new StringBuilder();
            boolean internal = false;
            boolean jcoro = false;
            StringBuilder diagnostics = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
                if (d.getKind() == Diagnostic.Kind.NOTE) {
                    continue;
                }
                String message = d.getMessage(Locale.ROOT);
                internal |= message.contains("JCORO-E023");
                jcoro |= message.contains("JCORO-");
                String file = d.getSource() == null ? "?" : d.getSource().getName();
                diagnostics.append("  ").append(d.getKind()).append(' ').append(file).append(':').append(d.getLineNumber())
                        .append(": ").append(message).append('\n');
                if (d.getSource() != null && d.getSource().getName().endsWith(generated.simpleName() + ".java")) {
                    diagnostics.append("      > ").append(sourceLine(generated.source(), d.getLineNumber())).append('\n');
                }
            }
            out.append(internal ? "PROCESSOR INTERNAL ERROR (JCORO-E023)"
                    : jcoro ? "PROCESSOR REJECTED A VALID BODY" : "COMPILATION FAILED")
                    .append(" for ");
            for (MethodCase m : generated.methods()) {
                out.append(m.name()).append(" (method seed ").append(m.seed()).append(") ");
            }
            out.append("\ndiagnostics:\n").append(diagnostics);
            if (generated.methods().size() == 1) {
                MethodCase m = generated.methods().get(0);
                String source = generated.source();
                int header = source.indexOf("public abstract class ");
                out.append("class: ").append(source, header, source.indexOf('\n', header)).append('\n');
                out.append("async version:\n").append(m.asyncSource()).append("plain version:\n").append(m.plainSource());
            } else {
                out.append("source:\n").append(generated.source());
            }
            return out.toString();
        }

        private static String sourceLine(String source, long line) {
            String[] lines = source.split("\n", -1);
            return line >= 1 && line <= lines.length ? lines[(int) line - 1].trim() : "?";
        }

        private void check(GeneratedClass generated, MethodCase m, Constructor<?> constructor) throws Exception {
            Future<Twins.Run[]> future = runner.submit(() -> new Twins.Run[] {
                    Twins.runPlain(constructor, m.name(), m.n(), m.s()),
                    Twins.runAsync(constructor, m.name(), m.n(), m.s())});
            Twins.Run[] runs;
            try {
                runs = future.get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                runner.shutdownNow();
                runner = Executors.newSingleThreadExecutor(daemon("fuzz-run"));
                failures.add(report(generated, m, "DID NOT FINISH within " + RUN_TIMEOUT_SECONDS + " s", ""));
                return;
            }
            String difference = Twins.difference(runs[0], runs[1]);
            if (!difference.isEmpty()) {
                failures.add(report(generated, m, "MISMATCH", difference));
            }
        }

        private String report(GeneratedClass generated, MethodCase m, String what, String difference) {
            StringBuilder out = new StringBuilder(what).append(": ").append(generated.qualifiedName()).append('.')
                    .append(m.name()).append("(").append(m.n()).append(", \"").append(m.s()).append("\")")
                    .append(" method seed ").append(m.seed())
                    .append(" (rerun: -Djcoro.fuzz.method=").append(m.seed())
                    .append(hostile ? " -Djcoro.fuzz.hostile=all" : "").append(")\n").append(difference);
            if (hostile) {
                // the hostile members of the class are on its header line
                String source = generated.source();
                int header = source.indexOf("public abstract class ");
                out.append("class: ").append(source, header, source.indexOf('\n', header)).append('\n');
            }
            out.append("async version:\n").append(m.asyncSource()).append("plain version:\n").append(m.plainSource());
            return out.toString();
        }
    }
}
