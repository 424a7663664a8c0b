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
 * bytecode bytes, and each still runs exactly as its plain twin (traces and outcome).
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
        // these bodies are large enough for the two other shapes of a large frame
        assertTrue(batch.generatedSource().contains("$resume0g0()"), "a dispatch through groups of parts");
        assertTrue(batch.generatedSource().contains(" = $table(\""), "constant tables written as text");
    }
}
