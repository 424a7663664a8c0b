package io.jcoro.bench.timers;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The timer queue asyncio, kotlinx and the JDK's virtual-thread scheduler build on: a binary heap
 * ({@link PriorityQueue}) ordered by (deadline, sequence). Cancellation is asyncio's: mark the
 * entry, and rebuild the heap without cancelled entries once they are more than 100 and more than
 * half of it ({@code _MIN_CANCELLED_TIMER_HANDLES_FRACTION}).
 */
public final class HeapTimers {
    /** One timer; allocated per schedule, as asyncio's TimerHandle. */
    public static final class Entry implements Comparable<Entry> {
        final long deadline;
        final long sequence;
        boolean cancelled;

        Entry(long deadline, long sequence) {
            this.deadline = deadline;
            this.sequence = sequence;
        }

        @Override
        public int compareTo(Entry o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    private PriorityQueue<Entry> heap = new PriorityQueue<>();
    private long sequence;
    private int cancelledCount;

    public Entry schedule(long deadline) {
        Entry e = new Entry(deadline, sequence++);
        heap.add(e);
        return e;
    }

    public void cancel(Entry e) {
        if (e.cancelled) {
            return;
        }
        e.cancelled = true;
        cancelledCount++;
        if (cancelledCount > 100 && cancelledCount * 2 > heap.size()) {
            List<Entry> live = new ArrayList<>(heap.size() - cancelledCount);
            for (Entry x : heap) {
                if (!x.cancelled) {
                    live.add(x);
                }
            }
            heap = new PriorityQueue<>(live); // heapify, O(n)
            cancelledCount = 0;
        }
    }

    /** Pops every live entry due at {@code now}, in order; returns how many fired. */
    public int poll(long now) {
        int fired = 0;
        for (Entry e; (e = heap.peek()) != null && e.deadline <= now; ) {
            heap.poll();
            if (e.cancelled) {
                cancelledCount--;
            } else {
                fired++;
            }
        }
        return fired;
    }

    /** The earliest deadline (cancelled entries included, as asyncio), or Long.MAX_VALUE. */
    public long next() {
        Entry e = heap.peek();
        return e == null ? Long.MAX_VALUE : e.deadline;
    }

    public int size() {
        return heap.size();
    }
}
