package io.jcoro.it;

import io.jcoro.EventLoop;
import io.jcoro.it.seeds.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link Trace} that records each line stamped with the loop's clock, in milliseconds since the
 * timeline was made: {@code "[500 ms] Processed: User 1"}. The Python oracle prints the same
 * format from its own (virtual) loop clock, so the two traces compare line by line.
 */
final class Timeline implements Trace {
    private final EventLoop loop;
    private final long start;
    private final List<String> lines = new ArrayList<>();
    private Supplier<String> suffix = () -> "";

    Timeline(EventLoop loop) {
        this.loop = loop;
        this.start = loop.time();
    }

    @Override
    public void line(String line) {
        lines.add("[" + elapsedMillis() + " ms] " + line + suffix.get());
    }

    /**
     * {@code time.strftime('%X')} on the virtual clock: the whole seconds since this timeline was
     * made, as {@code HH:MM:SS} (the oracle's {@code Timeline.clock()}).
     */
    @Override
    public String clock() {
        long seconds = elapsedMillis() / 1000;
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** Appends {@code suffix.get()} to every later line (the oracle's {@code SUFFIX}). */
    void suffix(Supplier<String> suffix) {
        this.suffix = suffix;
    }

    /** The loop's clock, in whole milliseconds since this timeline was made. */
    long elapsedMillis() {
        return Math.round((loop.time() - start) / 1_000_000.0);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
