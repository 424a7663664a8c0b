package io.jcoro.internal;

/**
 * Hierarchical hashed timing wheel (Varghese &amp; Lauck): the event loop's timers. Schedule and
 * cancel are O(1) and allocate nothing (the {@link Schedulable} is the list node). Finding the
 * next timer, and jumping over an idle stretch of any length, cost O(1) bitmap scans.
 *
 * <p><b>Not thread-safe; loop thread only.</b> Other threads schedule through the loop's inbox.
 *
 * <h2>Ticks</h2>
 * A node with deadline D gets {@code expiryTick = ceil(D / tickNanos)} and is handed out by the
 * first {@link #poll} whose {@code floor(now / tickNanos) >= expiryTick}: never early, at most one
 * tick late. Ticks are absolute signed longs, so nothing is subtracted and nothing overflows.
 *
 * <h2>Levels</h2>
 * Level L has 256 slots, each 256<sup>L</sup> ticks wide; a slot holds one 8-bit digit of the
 * tick. A node sits at the level of the highest digit in which its tick differs from the current
 * tick {@code elapsed}. Eight levels cover all 2<sup>64</sup> ticks, so no deadline is beyond the
 * top level: there is no overflow list and no clamp, and no slot ever wraps around (invariant I1).
 * <pre>
 * level  slot width (1 ms tick)  level range
 *   0    1 ms                    256 ms
 *   1    256 ms                  65.5 s
 *   2    65.5 s                  4.7 h
 *   3    4.7 h                   49.7 days
 *   4    49.7 days               34.8 years
 *   5    34.8 years              8,900 years    (the whole nanoTime range, 584 years, ends here)
 *   6-7  up to 2^56 ms           2^64 ticks     (needed by finer ticks, down to 1 ns)
 * </pre>
 * A node cascades once per level it passes on its way down, so the width of a level is a trade:
 * 256 slots take a timer a year ahead (about 2^35 ms) through four cascades where 64 would take
 * it through five, and still find the next slot with two bit scans (see Bitmaps).
 *
 * <h2>A cascade, worked (1 ms tick)</h2>
 * At elapsed = 0, schedule a node for 70,000 ms: 70,000 = 1·65,536 + 17·256 + 112, digits
 * (1, 17, 112). It differs from 0 in digit 2, so it goes to level 2, slot 1 (65,536..131,071
 * ms). When a poll reaches 65,536, that slot is emptied and each node is placed again relative to
 * elapsed = 65,536: ours now differs in digit 1 and lands in level 1, slot 17 (69,888..70,143).
 * At 69,888 it cascades to level 0, slot 112, and a poll with now &gt;= 70,000 ms hands it out.
 * A node cascades at most once per level, and lower levels always come due before higher ones.
 *
 * <h2>Bitmaps</h2>
 * Slot (L, d) is number {@code i = L·256 + d}; bit {@code i % 64} of {@code occupied[i / 64]} says
 * it holds nodes, and bit {@code i / 64} of the int {@code occupiedWords} says that word is not
 * zero (four words a level, eight levels: 32 bits). Words are ordered as slots are, level by
 * level, so the lowest set bit of {@code occupiedWords} and then of its word is the earliest slot:
 * two {@code numberOfTrailingZeros}, whatever the level.
 *
 * <h2>Invariants (asserted)</h2>
 * <ul>
 * <li>I1, position: a node in level L, slot d has the same tick digits as {@code elapsed} above
 *     level L, and d &gt; elapsed's digit L. Only in level 0 may d equal it, meaning "due now"
 *     (after a cascade, or a handler that threw). So the lowest set bit of a level's bitmap is its
 *     next slot, and the lowest non-empty level holds the earliest slot.
 * <li>I2, order: every slot list is in scheduling order. Appends go to the tail, and a cascade
 *     moves one list, in order, into the levels below it, which are then empty (by I1 their
 *     slots would have come due first). A level-0 slot holds a single tick, so handing it out in
 *     list order is (expiryTick, scheduling) order: equal deadlines fire FIFO. So nodes need no
 *     sequence number.
 * <li>I3, bitmaps: the bit of slot i in {@code occupied} is set iff the slot is non-empty; bit w
 *     of {@code occupiedWords} iff {@code occupied[w] != 0}.
 * <li>I4, due: nodes whose tick had already come when scheduled wait in {@code due}, FIFO, with
 *     expiryTick clamped to the then-current tick; they are handed out first by the next poll,
 *     which swaps {@code due} with the empty {@code spare} list before handing out what it took,
 *     so that nodes due again during the poll wait for the next one.
 * </ul>
 * Cancelling unlinks at once (doubly-linked lists), so no lazy removal or compaction is needed.
 *
 * <h2>Scheduling from inside a poll</h2>
 * The handler may schedule and cancel anything. A node scheduled during a poll for a tick later
 * than the one being handed out fires in this poll if that tick is at or before {@code now};
 * one whose tick has already come waits in {@code due} for the <em>next</em> poll. So a handler
 * that reschedules its node for "now" cannot keep a poll from ending. If the handler throws, the
 * wheel stays consistent and the rest is handed out by the next poll.
 */
public final class TimerWheel {

    /** Receives each expired node; the node is already out of the wheel (it may be rescheduled). */
    @FunctionalInterface
    public interface Expiry {
        void expired(Schedulable node);
    }

    /** One slot's FIFO list of nodes; opaque outside this class. */
    public static final class Slot {
        /** The owner, so that {@link #cancel} can tell a node of another wheel. */
        final TimerWheel wheel;
        /** The slot's number, {@code level * 256 + digit}, for the bitmaps; -1 for the {@code due}
         *  list, which has no bit. */
        final int index;
        Schedulable head;
        Schedulable tail;

        Slot(TimerWheel wheel, int index) {
            this.wheel = wheel;
            this.index = index;
        }
    }

    /** Bits per level (package-private: tests aim at the level boundaries). */
    static final int SHIFT = 8;
    private static final int SLOTS = 1 << SHIFT; // 256: four long bitmap words per level
    private static final long MASK = SLOTS - 1;
    static final int LEVELS = 8; // 8 * 8 = 64: every tick has a level
    private static final int WORDS = LEVELS * SLOTS / Long.SIZE; // 32: one bit each in an int
    /** How many nodes of a higher-level slot {@link #nextPollTime} reads, at most, for the
     *  earliest; a bound, so that it stays O(1) however many timers share the slot. */
    private static final int SCAN = 8;
    /** The event loop's tick. Dividing by a constant compiles to a multiplication, where
     *  dividing by the field is a 64-bit division (tens of cycles); see {@link #floorTicks}. */
    private static final long MILLISECOND = 1_000_000L;

    private final long tickNanos;
    /** Slot (L, d) is {@code slots[L * 256 + d]}, made when a node first goes there: a loop's
     *  timers touch a few dozen of the 2,048 slots. */
    private final Slot[] slots = new Slot[LEVELS * SLOTS];
    /** See Bitmaps in the class comment. */
    private final long[] occupied = new long[WORDS];
    private int occupiedWords;
    /** Nodes due at the next poll (I4); {@code spare} is the empty list a poll swaps in. */
    private Slot due;
    private Slot spare;
    /** The current tick: the wheel has handed out everything up to it, except {@code due}. */
    private long elapsed;
    private int size;
    private boolean polling;

    /**
     * @param tickNanos  the resolution; deadlines fire at most one tick late, never early
     * @param startNanos the clock's time now
     */
    public TimerWheel(long tickNanos, long startNanos) {
        if (tickNanos <= 0) {
            throw new IllegalArgumentException("tickNanos must be positive: " + tickNanos);
        }
        this.tickNanos = tickNanos;
        this.elapsed = floorTicks(startNanos);
        this.due = new Slot(this, -1);
        this.spare = new Slot(this, -1);
    }

    /** Schedules {@code node} to fire at {@code deadlineNanos}; reschedules it if already in. O(1). */
    public void schedule(Schedulable node, long deadlineNanos) {
        if (node.wheelSlot() != null && !cancel(node)) {
            throw new IllegalStateException("node is in another timer wheel");
        }
        // ceil(deadline / tick): the remainder is exact even where floor * tick wraps around,
        // and non-zero only if tickNanos >= 2, so floor + 1 cannot overflow
        long floor = floorTicks(deadlineNanos);
        long tick = floor + (deadlineNanos - floor * tickNanos == 0 ? 0 : 1);
        if (tick <= elapsed) {
            node.setExpiryTick(elapsed);
            link(due, node);
        } else {
            node.setExpiryTick(tick);
            place(node);
        }
    }

    /** Removes {@code node}; false if it was not in this wheel. O(1). */
    public boolean cancel(Schedulable node) {
        Slot slot = node.wheelSlot();
        if (slot == null || slot.wheel != this) {
            return false;
        }
        unlink(node);
        return true;
    }

    /**
     * Advances the wheel to {@code nowNanos} and hands every node whose deadline is at or before
     * it to {@code expiry}, in deadline-tick order, FIFO among equal ticks. A {@code nowNanos}
     * earlier than a previous one is treated as that one (time does not go back).
     *
     * @return how many nodes expired
     */
    public int poll(long nowNanos, Expiry expiry) {
        if (polling) {
            throw new IllegalStateException("poll is not reentrant");
        }
        polling = true;
        try {
            long now = Math.max(floorTicks(nowNanos), elapsed);
            int fired = 0;
            if (due.head != null) {
                Slot taken = due; // nodes that become due from here on go to the other list
                due = spare;
                spare = taken;
                for (Schedulable n; (n = taken.head) != null; fired++) {
                    unlink(n);
                    expiry.expired(n);
                }
            }
            while (occupiedWords != 0) {
                int i = earliestSlot();
                long start = slotStart(i);
                if (start > now) {
                    break;
                }
                elapsed = start;
                Slot slot = slots[i];
                if (i < SLOTS) { // level 0
                    for (Schedulable n; (n = slot.head) != null; fired++) {
                        assert n.expiryTick() == start;
                        unlink(n); // one at a time: the handler may cancel the nodes after it
                        expiry.expired(n); // cannot refill this slot: a tick <= elapsed goes to due
                    }
                } else {
                    cascade(slot);
                }
            }
            elapsed = now;
            assert positionsHold() : "I1/I3 violated";
            return fired;
        } finally {
            if (spare.head != null) { // a handler threw: what it left keeps its place, first
                for (Schedulable n; (n = due.head) != null; ) {
                    unlink(n);
                    link(spare, n);
                }
                Slot rest = spare;
                spare = due;
                due = rest;
            }
            polling = false;
        }
    }

    /**
     * A time at which to poll next: never later than the earliest pending node's firing time
     * (so a loop that parks until then, or a virtual clock that jumps to it, misses nothing);
     * {@link Long#MAX_VALUE} when empty. When the earliest slot is a higher level's with more than
     * {@link #SCAN} nodes it is that slot's start, which is earlier: polling then only cascades the
     * slot. Polling at the time returned always makes progress: it fires a node or passes a slot.
     */
    public long nextPollTime() {
        if (due.head != null) {
            return nanosOf(elapsed); // already due: any time now
        }
        if (occupiedWords == 0) {
            return Long.MAX_VALUE;
        }
        int i = earliestSlot();
        return nanosOf(i < SLOTS ? slotStart(i) : earliestTick(slots[i], slotStart(i)));
    }

    /**
     * The earliest tick in a higher-level slot, which is the wheel's earliest (by I1 nothing
     * below it is pending), if the slot holds at most {@link #SCAN} nodes; else its start. So a
     * loop does not wake up at the start of each slot a far timer passes through only to cascade
     * it, and a poll at that tick cascades the node down and fires it at once.
     */
    private static long earliestTick(Slot slot, long start) {
        long earliest = Long.MAX_VALUE;
        Schedulable n = slot.head;
        for (int k = 0; k < SCAN && n != null; k++, n = n.wheelNext()) {
            earliest = Math.min(earliest, n.expiryTick());
        }
        return n == null ? earliest : start;
    }

    /** How many nodes are scheduled. */
    public int size() {
        return size;
    }

    /**
     * Places each node of a higher-level slot whose start has come again, below that level (by
     * I1), in list order (I2). No handler runs meanwhile, so the list is taken whole instead of
     * unlinking node by node: a cascade costs each node one link, not an unlink and a link.
     */
    private void cascade(Slot slot) {
        Schedulable n = slot.head;
        slot.head = null;
        slot.tail = null;
        markEmpty(slot.index);
        while (n != null) {
            Schedulable next = n.wheelNext();
            assert n.expiryTick() >= elapsed && n.expiryTick() - elapsed < 1L << SHIFT * (slot.index >>> SHIFT);
            size--; // place() links it again
            place(n);
            n = next;
        }
    }

    /** Links {@code node} at the level of the highest digit in which its tick differs from elapsed. */
    private void place(Schedulable node) {
        long tick = node.expiryTick();
        assert tick >= elapsed;
        int level = (63 - Long.numberOfLeadingZeros((tick ^ elapsed) | MASK)) / SHIFT;
        int i = level << SHIFT | digit(tick, level);
        Slot slot = slots[i];
        if (slot == null) {
            slots[i] = slot = new Slot(this, i);
        }
        link(slot, node);
    }

    /** The number of the earliest non-empty slot (by I1: the lowest level's lowest digit). */
    private int earliestSlot() {
        int w = Integer.numberOfTrailingZeros(occupiedWords);
        return w << 6 | Long.numberOfTrailingZeros(occupied[w]);
    }

    private void markEmpty(int i) {
        if ((occupied[i >>> 6] &= ~(1L << i)) == 0) {
            occupiedWords &= ~(1 << (i >>> 6));
        }
    }

    /** The tick's digit at {@code level}; the sign bit is flipped so top-level digits ascend too. */
    private static int digit(long tick, int level) {
        return (int) (((tick ^ Long.MIN_VALUE) >>> SHIFT * level) & MASK);
    }

    /** First tick of slot {@code i} (level i / 256, digit i % 256) in elapsed's block of the level
     *  above. */
    private long slotStart(int i) {
        int level = i >>> SHIFT;
        int shift = SHIFT * level;
        long high = level == LEVELS - 1 ? 0 : (elapsed ^ Long.MIN_VALUE) & -1L << shift + SHIFT;
        long start = (high | (i & MASK) << shift) ^ Long.MIN_VALUE;
        assert level == 0 ? start >= elapsed : start > elapsed : "I1: slots never wrap";
        return start;
    }

    /** {@code floor(nanos / tickNanos)}; the loop's 1 ms tick takes the constant-divisor path. */
    private long floorTicks(long nanos) {
        return tickNanos == MILLISECOND ? Math.floorDiv(nanos, MILLISECOND) : Math.floorDiv(nanos, tickNanos);
    }

    /** {@code tick * tickNanos}, saturated: a tick past the end of time is never reached. */
    private long nanosOf(long tick) {
        long low = tick * tickNanos;
        if (Math.multiplyHigh(tick, tickNanos) != low >> 63) {
            return tick < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return low;
    }

    private void link(Slot slot, Schedulable node) {
        Schedulable tail = slot.tail;
        node.setWheelSlot(slot);
        node.setWheelPrev(tail);
        node.setWheelNext(null);
        if (tail != null) {
            tail.setWheelNext(node);
        } else {
            slot.head = node;
            int i = slot.index;
            if (i >= 0) {
                occupied[i >>> 6] |= 1L << i;
                occupiedWords |= 1 << (i >>> 6);
            }
        }
        slot.tail = node;
        size++;
    }

    private void unlink(Schedulable node) {
        Slot slot = node.wheelSlot();
        Schedulable prev = node.wheelPrev();
        Schedulable next = node.wheelNext();
        if (prev != null) {
            prev.setWheelNext(next);
        } else {
            slot.head = next;
        }
        if (next != null) {
            next.setWheelPrev(prev);
        } else {
            slot.tail = prev;
        }
        node.setWheelSlot(null);
        node.setWheelPrev(null);
        node.setWheelNext(null);
        size--;
        if (slot.head == null && slot.index >= 0) {
            markEmpty(slot.index);
        }
    }

    /** I1 and I3 after a poll, in O(levels): every occupied slot is strictly ahead of elapsed. */
    private boolean positionsHold() {
        for (int w = 0; w < WORDS; w++) {
            // the slots of word w at or behind elapsed's digit of their level
            int first = (w & (SLOTS / Long.SIZE - 1)) * Long.SIZE; // the word's first digit
            int behindCount = digit(elapsed, w / (SLOTS / Long.SIZE)) - first + 1;
            long behind = behindCount <= 0 ? 0 : behindCount >= Long.SIZE ? -1L : (1L << behindCount) - 1;
            if ((occupied[w] & behind) != 0 || ((occupiedWords >>> w & 1) != 0) != (occupied[w] != 0)) {
                return false;
            }
        }
        return true;
    }
}
