package io.jcoro.it.stress;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;

/** Used-heap measurements: {@link MemoryMXBean} after {@code System.gc()}. */
final class Heap {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Heap() {}

    /**
     * Used heap once garbage is collected: {@code System.gc()} until a sentinel object is
     * collected and two readings agree within 1 MB (at most 10 rounds); the least reading.
     */
    static long settledUsed() {
        long least = Long.MAX_VALUE;
        long previous = -1;
        for (int round = 0; round < 10; round++) {
            WeakReference<Object> sentinel = new WeakReference<>(new Object());
            do {
                System.gc();
                sleepQuietly(20);
            } while (sentinel.get() != null);
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            least = Math.min(least, used);
            if (previous >= 0 && Math.abs(used - previous) < (1 << 20)) {
                break;
            }
            previous = used;
        }
        return least;
    }

    static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
