package io.jcoro.processor.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The programs the mutation fuzzer starts from: the project's own test inputs (the sample programs,
 * the diagnostics' negative tests, the golden inputs) and classes of the differential fuzzer's
 * generated bodies. A program of several files (a directory under {@code programs/}) is one seed;
 * the mutator edits one of its files.
 */
final class MutationCorpus {
    /** A source file: its qualified type name (for the compiler) and text. */
    record SourceFile(String typeName, String text) {
        SourceFile withText(String newText) {
            return new SourceFile(typeName, newText);
        }
    }

    /** A seed program. */
    record Seed(String name, List<SourceFile> files) {}

    /** Generated classes in the corpus, each with {@value #GENERATED_METHODS} generated method pairs. */
    static final int GENERATED_CLASSES = 12;
    private static final int GENERATED_METHODS = 2;
    private static final String[] RESOURCE_ROOTS = {"programs", "diagnostics", "golden"};
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private MutationCorpus() {}

    /** Every seed, in a fixed order (a mutant's seed picks one by index). */
    static List<Seed> load() {
        List<Seed> seeds = new ArrayList<>();
        for (String root : RESOURCE_ROOTS) {
            Path dir = resource(root);
            try (Stream<Path> paths = Files.list(dir)) {
                for (Path path : paths.sorted().toList()) {
                    if (root.equals("golden")) {
                        seeds.add(seed(root + "/" + path.getFileName(), path.resolve("input")));
                    } else if (Files.isDirectory(path)) {
                        Seed seed = seed(root + "/" + path.getFileName(), path);
                        if (!seed.files().isEmpty()) { // fuzz-regressions holds method lists, not files
                            seeds.add(seed);
                        }
                    } else if (path.toString().endsWith(".java")) {
                        seeds.add(new Seed(root + "/" + path.getFileName(), List.of(file(path))));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (int i = 0; i < GENERATED_CLASSES; i++) {
            long[] methodSeeds = new long[GENERATED_METHODS];
            for (int m = 0; m < GENERATED_METHODS; m++) {
                methodSeeds[m] = DifferentialFuzzTest.methodSeed(DifferentialFuzzTest.DEFAULT_SEED, i * GENERATED_METHODS + m);
            }
            // every other class with the differential fuzzer's hostile names: mutants of those too
            BodyGenerator.GeneratedClass generated = BodyGenerator.generateClass("fuzz", "Gen" + i, methodSeeds,
                    BodyGenerator.Config.defaults(), i % 2 == 1);
            seeds.add(new Seed("generated/Gen" + i, List.of(new SourceFile(generated.qualifiedName(), generated.source()))));
        }
        return seeds;
    }

    private static Seed seed(String name, Path dir) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files.add(file(path));
            }
        }
        return new Seed(name, files);
    }

    private static SourceFile file(Path path) throws IOException {
        String text = Files.readString(path);
        Matcher pkg = PACKAGE.matcher(text);
        String simple = path.getFileName().toString().replace(".java", "");
        // a diagnostics file is named after its code (JCORO-E001_StaticMethod.java) but declares the type after the '_'
        simple = simple.substring(simple.indexOf('_') + 1);
        return new SourceFile(pkg.find() ? pkg.group(1) + "." + simple : simple, text);
    }

    private static Path resource(String root) {
        try {
            return Path.of(MutationCorpus.class.getClassLoader().getResource(root).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
