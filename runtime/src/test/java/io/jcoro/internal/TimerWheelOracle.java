package io.jcoro.internal;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The reference {@link TimerWheel} is checked against: the same contract written the obvious way,
 * a priority queue ordered by (expiryTick, sequence), with lazy deletion.
 *
 * <p>The contract it encodes: a node fires at the first poll with {@code floor(now / tick) >=
 * ceil(deadline / tick)}; a node whose tick has already come when scheduled counts as the current
 * tick and waits, FIFO, for the next poll; during a poll the current tick is that of the node last
 * handed out. A poll is driven step by step: {@link #beginPoll}, {@link #next} until null,
 * {@link #endPoll}, so that a handler can schedule into it between steps.
 */
final class TimerWheelOracle {
    private record Entry(Schedulable node, long tick, long seq) {}

    private final long tickNanos;
    private final Map<Schedulable, Entry> live = new IdentityHashMap<>();
    private final PriorityQueue<Entry> queue =
            new PriorityQueue<>(Comparator.comparingLong(Entry::tick).thenComparingLong(Entry::seq));
    private final ArrayDeque<Entry> overdue = new ArrayDeque<>();
    private long current;
    private long sequence;
    private long pollTick;
    private long limit;

    TimerWheelOracle(long tickNanos, long startNanos) {
        this.tickNanos = tickNanos;
        this.current = Math.floorDiv(startNanos, tickNanos);
    }

    static long ceilTick(long nanos, long tickNanos) {
        return Math.floorDiv(nanos, tickNanos) + (Math.floorMod(nanos, tickNanos) == 0 ? 0 : 1);
    }

    void schedule(Schedulable node, long deadlineNanos) {
        long tick = ceilTick(deadlineNanos, tickNanos);
        Entry e = new Entry(node, Math.max(tick, current), sequence++);
        live.put(node, e);
        if (tick <= current) {
            overdue.add(e);
        } else {
            queue.add(e);
        }
    }

    boolean cancel(Schedulable node) {
        return live.remove(node) != null;
    }

    boolean contains(Schedulable node) {
        return live.containsKey(node);
    }

    int size() {
        return live.size();
    }

    /** Whether some node waits for the next poll whatever its time. */
    boolean hasOverdue() {
        return overdue.stream().anyMatch(e -> live.get(e.node) == e);
    }

    /** The smallest tick of a node not overdue, or Long.MAX_VALUE. */
    long minQueuedTick() {
        dropStale();
        return queue.isEmpty() ? Long.MAX_VALUE : queue.peek().tick;
    }

    void beginPoll(long nowNanos) {
        pollTick = Math.max(current, Math.floorDiv(nowNanos, tickNanos));
        limit = sequence;
    }

    /** The next node this poll hands out, or null when the poll is over. */
    Schedulable next() {
        while (!overdue.isEmpty() && overdue.peek().seq < limit) {
            Entry e = overdue.poll();
            if (live.get(e.node) == e) {
                live.remove(e.node);
                return e.node;
            }
        }
        dropStale();
        if (queue.isEmpty() || queue.peek().tick > pollTick) {
            return null;
        }
        Entry e = queue.poll();
        live.remove(e.node);
        current = e.tick;
        return e.node;
    }

    void endPoll() {
        current = pollTick;
    }

    private void dropStale() {
        while (!queue.isEmpty() && live.get(queue.peek().node) != queue.peek()) {
            queue.poll();
        }
    }
}
