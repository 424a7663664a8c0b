package io.jcoro.processor.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import io.jcoro.processor.fuzz.MutantOracle.Finding;
import io.jcoro.processor.fuzz.MutantOracle.Verdict;
import io.jcoro.processor.fuzz.MutationCorpus.Seed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The mutation fuzzer of inputs: the project's own test programs ({@link MutationCorpus}), edited
 * at random ({@link Mutator}: mostly into invalid code, and into big and deep valid code), each
 * compiled with and without the processor ({@link MutantOracle}). It fails on any exception out of
 * the processor or javac, any JCORO-E023, any javac error in a generated file, a javac error the
 * processor adds to a user file or one it makes disappear, and a compile time far above plain
 * javac's. Each failing mutant is written to {@code jcoro.mutate.dump} and named by its seed.
 *
 * <p>System properties:
 * <ul>
 * <li>{@code jcoro.mutate.count} (default {@value #DEFAULT_COUNT}): how many mutants;
 * <li>{@code jcoro.mutate.seed} (default fixed): the campaign seed; {@code random} picks one (printed);
 * <li>{@code jcoro.mutate.first} (default {@value #DEFAULT_FIRST}): the index in the campaign of the
 *     first mutant, to split a long run into parts;
 * <li>{@code jcoro.mutate.mutant} (a mutant seed from a failure message): build and check only that one;
 * <li>{@code jcoro.mutate.maxSize} (default {@value #DEFAULT_MAX_SIZE}): the largest chain, nesting
 *     depth or repeat count of the big and deep edits;
 * <li>{@code jcoro.mutate.threads} (default: processors, at most 2): mutants checked at once;
 * <li>{@code jcoro.mutate.dump} (default {@code target/mutants}): where failing mutants are written;
 * <li>{@code jcoro.mutate.verbose}: print each mutant's seed, program, edits and compile times.
 * </ul>
 * The longer run: {@code mvn -o -pl processor -am verify -Dtest=MutationFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Djcoro.mutate.count=5000 -Djcoro.mutate.seed=random
 * -Djcoro.mutate.maxSize=1000} (about 1,000 mutants in 10 minutes of two cores; with sizes of
 * 2,000 and more, javac's own memory for one long chain of nested awaits can pass 6 GB).
 */
class MutationFuzzTest {
    static final long DEFAULT_SEED = 0x6d75746174654aL;
    /** The mutants CI checks: the first {@value #DEFAULT_COUNT} of the default campaign. */
    static final int DEFAULT_FIRST = 0;
    static final int DEFAULT_COUNT = 300;
    static final int DEFAULT_MAX_SIZE = 400;
    /** The stack each mutant is compiled on (see the pool in the test). */
    private static final long COMPILER_STACK_BYTES = 8L << 20;
    /** Findings reported with their whole detail and mutant (all are listed, one line each). */
    private static final int MAX_DETAILED = 6;

    @Test
    void mutantsNeverBreakTheProcessor() throws Exception {
        String seedProperty = System.getProperty("jcoro.mutate.seed");
        long seed = seedProperty == null ? DEFAULT_SEED
                : seedProperty.equals("random") ? System.nanoTime() : Long.decode(seedProperty);
        int count = Integer.getInteger("jcoro.mutate.count", DEFAULT_COUNT);
        int first = Integer.getInteger("jcoro.mutate.first", DEFAULT_FIRST);
        int maxSize = Integer.getInteger("jcoro.mutate.maxSize", DEFAULT_MAX_SIZE);
        int threads = Integer.getInteger("jcoro.mutate.threads", Math.min(2, Runtime.getRuntime().availableProcessors()));
        Path dump = Path.of(System.getProperty("jcoro.mutate.dump", "target/mutants"));
        String only = System.getProperty("jcoro.mutate.mutant");
        List<Long> seeds = new ArrayList<>();
        if (only != null) {
            seeds.add(Long.decode(only));
        } else {
            for (int i = first; i < first + count; i++) {
                seeds.add(DifferentialFuzzTest.methodSeed(seed, i));
            }
        }

        String release = release();
        MutantOracle oracle = new MutantOracle(release);
        List<Seed> corpus = MutationCorpus.load();
        oracle.check(corpus.get(0).files()); // warm javac and the processor up before anything is timed

        Campaign campaign = new Campaign(dump);
        long began = System.nanoTime();
        // javac compiles each mutant on a stack like a build tool's main thread (8 MiB), not a pool
        // thread's 1 MiB: on a small stack javac's own parser overflows on deep nesting, and with any
        // processor present javac then fails without reporting an error, which is not the processor's
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                task -> new Thread(null, task, "mutant", COMPILER_STACK_BYTES));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (long s : seeds) {
                done.add(pool.submit(() -> campaign.add(Mutant.of(s, corpus, maxSize, release.equals("21")), oracle)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "jcoro mutate: seed %d, release %s, %d mutants in %.1f s: %s; %d findings%n", seed,
                release, seeds.size(), (System.nanoTime() - began) / 1e9, campaign.statistics(), campaign.findings.size());
        if (!campaign.findings.isEmpty()) {
            fail(campaign.report(seed));
        }
    }

    /** The {@code --release} of the fuzzer's compilations: 21 (pattern-switch guards) where the JDK has it. */
    static String release() {
        return Runtime.version().feature() >= 21 ? "21" : "17";
    }

    /** The results of a campaign, added to from several threads. */
    private static final class Campaign {
        /** A failing mutant, its finding and the file it was written to. */
        private record Failure(Mutant mutant, Finding finding, Path file) {}

        private final Path dump;
        private final List<Failure> findings = new ArrayList<>();
        private final AtomicInteger plainErrors = new AtomicInteger();
        private final AtomicInteger jcoroErrors = new AtomicInteger();
        private final AtomicInteger valid = new AtomicInteger();
        private final AtomicInteger slowest = new AtomicInteger();

        Campaign(Path dump) {
            this.dump = dump;
        }

        void add(Mutant mutant, MutantOracle oracle) {
            if (Boolean.getBoolean("jcoro.mutate.verbose")) {
                System.out.printf(Locale.ROOT, "mutant %d of %s %s: started%n", mutant.seed(), mutant.program(), mutant.edits());
            }
            Verdict verdict = oracle.check(mutant.files());
            if (Boolean.getBoolean("jcoro.mutate.verbose")) {
                System.out.printf(Locale.ROOT, "mutant %d of %s %s: %d chars, plain %d ms, processor %d ms%s%n", mutant.seed(),
                        mutant.program(), mutant.edits(), mutant.editedFile().text().length(), verdict.plainMillis(),
                        verdict.processorMillis(), verdict.finding() == null ? "" : ", " + verdict.finding().signature());
            }
            (verdict.plainErrors() ? plainErrors : verdict.jcoroErrors() ? jcoroErrors : valid).incrementAndGet();
            slowest.accumulateAndGet((int) verdict.processorMillis(), Math::max);
            if (verdict.finding() != null) {
                Path file = write(dump, mutant, verdict.finding()); // now: a long run cut short keeps its findings
                synchronized (findings) {
                    findings.add(new Failure(mutant, verdict.finding(), file));
                }
            }
        }

        String statistics() {
            return String.format(Locale.ROOT, "%d rejected by javac, %d by jcoro only, %d compiled; slowest %d ms CPU",
                    plainErrors.get(), jcoroErrors.get(), valid.get(), slowest.get());
        }

        /** Findings grouped by signature, each group with its mutants' seeds; the first few in full. */
        String report(long seed) {
            findings.sort(java.util.Comparator.comparingLong(f -> f.mutant().seed()));
            Map<String, List<Long>> bySignature = new TreeMap<>();
            for (Failure f : findings) {
                bySignature.computeIfAbsent(f.finding().signature(), k -> new ArrayList<>()).add(f.mutant().seed());
            }
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "%d mutants of campaign seed %d failed, %d distinct findings (rerun one: -Djcoro.mutate.mutant=<seed>; "
                            + "the mutants are in %s)%n", findings.size(), seed, bySignature.size(), dump.toAbsolutePath()));
            bySignature.forEach((signature, seeds) -> out.append("  ").append(seeds.size()).append(" x ").append(signature)
                    .append("\n      mutants ").append(seeds.subList(0, Math.min(8, seeds.size()))).append('\n'));
            for (Failure f : findings.subList(0, Math.min(MAX_DETAILED, findings.size()))) {
                out.append("\n==================== mutant ").append(f.mutant().seed()).append(" of ")
                        .append(f.mutant().program()).append(", edits ").append(f.mutant().edits()).append(", written to ")
                        .append(f.file()).append('\n').append(f.finding().kind()).append(": ").append(f.finding().detail())
                        .append('\n');
            }
            return out.toString();
        }

        private static Path write(Path dump, Mutant mutant, Finding finding) {
            try {
                Files.createDirectories(dump);
                Path file = dump.resolve("mutant-" + mutant.seed() + ".txt");
                Files.writeString(file, "// " + finding.kind() + " in mutant " + mutant.seed() + " of " + mutant.program()
                        + ", edits " + mutant.edits() + "\n// " + finding.detail().replace("\n", "\n// ") + "\n"
                        + mutant.text());
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
