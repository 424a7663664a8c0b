package io.jcoro.bench.io;

import java.util.Arrays;

/** Round-trip times, every one kept (a 10 s run at 200,000/s is 16 MB), for exact percentiles. */
public final class Samples {
    private long[] values = new long[1 << 16];
    private int size;

    public void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public int size() {
        return size;
    }

    /** The {@code p}-th percentile (nearest rank), in nanoseconds; 0 with no sample. */
    public long percentile(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, rank - 1)];
    }
}
