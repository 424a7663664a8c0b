package io.jcoro.it.stress;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * What every stress test checks around itself: the used heap after {@code System.gc()} (see
 * {@link Heap#settledUsed()}) is measured before the test starts and after its loop is closed and
 * dropped, and must come back to the baseline within {@link #HEAP_TOLERANCE} (16 MB: what the JIT,
 * class metadata kept on the heap and GC bookkeeping may add, against peaks of hundreds of MB; a
 * leak of even 100 bytes per task of the 1,000,000-task test would be 95 MB). The figures go to
 * standard output ({@code [stress] ...}).
 */
abstract class HeapCheckedTest {
    /** How far above its baseline the settled used heap may end. */
    static final long HEAP_TOLERANCE = 16L << 20;

    long baseline;
    private long started;
    private String name;

    @BeforeEach
    void measureBaseline(TestInfo info) {
        name = info.getTestMethod().orElseThrow().getName();
        baseline = Heap.settledUsed();
        started = System.nanoTime();
    }

    @AfterEach
    void heapReturnsToItsBaseline() {
        long took = System.nanoTime() - started;
        long after = Heap.settledUsed();
        report(String.format(java.util.Locale.ROOT, "took %.1f s; heap baseline %s, after %s (%+.1f MB)",
                took / 1e9, Heap.mb(baseline), Heap.mb(after), (after - baseline) / (1024.0 * 1024.0)));
        assertTrue(after - baseline < HEAP_TOLERANCE, () -> name + ": the used heap did not return to its baseline: "
                + Heap.mb(baseline) + " before, " + Heap.mb(after) + " after (tolerance " + Heap.mb(HEAP_TOLERANCE) + ")");
    }

    /** Prints {@code line} as this test's figure. */
    void report(String line) {
        System.out.println("[stress] " + name + ": " + line);
    }
}
