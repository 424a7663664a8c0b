package io.jcoro.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Large bodies under the default part budget: their {@code $resume} is split into parts, no
 * generated method exceeds HotSpot's JIT limit of {@value DifferentialFuzzTest#HUGE_METHOD}
 * bytecode bytes, and each still runs exactly as its plain twin (traces and outcome); one of them
 * again with smaller parts, enough of them for the dispatch through groups of parts.
 */
class SplitResumeTest {

    @Test
    void largeBodiesAreSplitBelowTheJitLimitAndRunAsTheirTwins() throws Exception {
        // long blocks, deep nesting, many awaits: a few hundred states per method
        BodyGenerator.Config large = new BodyGenerator.Config(400, 5, 3, 45, false);
        long[] seeds = new long[4];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = DifferentialFuzzTest.methodSeed(0x5b13L, i);
        }
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        DifferentialFuzzTest.Batch batch = new DifferentialFuzzTest.Batch("Large", seeds, large, false, List.of(), true, failures);
        int compared = batch.run();
        assertTrue(failures.isEmpty(), () -> String.join("\n\n", failures));
        assertEquals(seeds.length, compared);
        // these bodies are large enough for text tables; a dispatch through groups of parts
        // takes more than 64 parts: one of them has that many with parts of 200 characters
        assertTrue(batch.generatedSource().contains(" = $table(\""), "constant tables written as text");
        DifferentialFuzzTest.Batch grouped = new DifferentialFuzzTest.Batch("Grouped", new long[] {seeds[0]}, large, false,
                List.of("-Ajcoro.partBudget=200"), true, failures);
        assertEquals(1, grouped.run());
        assertTrue(failures.isEmpty(), () -> String.join("\n\n", failures));
        assertTrue(grouped.generatedSource().contains("$resume0g0()"), "a dispatch through groups of parts");
    }
}
