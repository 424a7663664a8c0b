package io.jcoro.processor.fuzz;

import io.jcoro.processor.fuzz.MutationCorpus.Seed;
import io.jcoro.processor.fuzz.MutationCorpus.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A program of the corpus with one of its files edited by the {@link Mutator}: a function of its
 * seed, the corpus and the mutator's knobs only, so that a seed from a failure message rebuilds it.
 *
 * @param program the corpus seed it was made from
 * @param edits the names of the edits applied, in order
 * @param edited the index in {@code files} of the edited file
 */
record Mutant(long seed, String program, List<String> edits, List<SourceFile> files, int edited) {

    /**
     * @param maxSize the largest chain, depth or repeat count of the big and deep edits
     * @param guards whether the compiler's release has pattern-switch guards
     */
    static Mutant of(long seed, List<Seed> corpus, int maxSize, boolean guards) {
        Random random = new Random(seed);
        // as many mutants of the small diagnostics' tests as of the programs, and of the generated classes
        String[] kinds = {"programs/", "diagnostics/", "generated/"};
        String kind = kinds[random.nextInt(kinds.length)];
        List<Seed> ofKind = corpus.stream().filter(s -> s.name().startsWith(kind) || kind.equals("programs/")
                && s.name().startsWith("golden/")).toList();
        Seed program = ofKind.get(random.nextInt(ofKind.size()));
        List<Integer> async = new ArrayList<>();
        for (int i = 0; i < program.files().size(); i++) {
            if (program.files().get(i).text().contains("@Async")) {
                async.add(i);
            }
        }
        int edited = !async.isEmpty() && random.nextInt(5) > 0 ? async.get(random.nextInt(async.size()))
                : random.nextInt(program.files().size());
        // mostly one edit; sometimes a few, so that edits meet
        int count = random.nextInt(3) > 0 ? 1 : 2 + random.nextInt(3);
        Mutator mutator = new Mutator(random, maxSize, guards);
        List<SourceFile> files = new ArrayList<>(program.files());
        files.set(edited, files.get(edited).withText(mutator.mutate(files.get(edited).text(), count)));
        return new Mutant(seed, program.name(), List.copyOf(mutator.applied()), List.copyOf(files), edited);
    }

    /** The edited file. */
    SourceFile editedFile() {
        return files.get(edited);
    }

    /** Every file of the program, each after a {@code // ==== <type>} line (the edited one marked). */
    String text() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            out.append("// ==== ").append(files.get(i).typeName()).append(i == edited ? " (edited)" : "").append('\n')
                    .append(files.get(i).text()).append('\n');
        }
        return out.toString();
    }
}
