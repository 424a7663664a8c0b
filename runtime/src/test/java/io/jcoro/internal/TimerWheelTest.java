package io.jcoro.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Behaviour of {@link TimerWheel}, on virtual time; the wheel's own asserts run too (-ea). */
class TimerWheelTest {
    private static final long MS = 1_000_000;

    static final class Node extends TimerNode {
        final String name;
        final int id;
        /** The deadline of its last schedule (the wheel keeps only the tick), for "never early". */
        long deadline;

        Node(String name) {
            this(name, -1);
        }

        Node(String name, int id) {
            this.name = name;
            this.id = id;
        }

        long deadline() {
            return deadline;
        }

        @Override
        protected void run() {}

        @Override
        public String toString() {
            return name != null ? name : "#" + id;
        }
    }

    /** Every schedule of these tests: the node remembers its deadline. */
    static void schedule(TimerWheel wheel, Node n, long deadline) {
        wheel.schedule(n, deadline);
        n.deadline = deadline;
    }

    private final ManualClock clock = new ManualClock();
    private final TimerWheel wheel = new TimerWheel(MS, 0);
    private final List<Node> fired = new ArrayList<>();
    private Consumer<Node> onFire = n -> {};

    private int pollAt(long nanos) {
        clock.advanceTo(nanos);
        long now = clock.nanoTime();
        return wheel.poll(now, s -> {
            Node n = (Node) s;
            assertFalse(n.inWheel(), "handed over nodes are out of the wheel");
            assertTrue(now >= n.deadline(), () -> n + " fired early at " + now);
            fired.add(n);
            onFire.accept(n);
        });
    }

    private Node at(String name, long deadline) {
        Node n = new Node(name);
        schedule(wheel, n, deadline);
        return n;
    }

    private String firedNames() {
        String s = fired.toString();
        fired.clear();
        return s;
    }

    @Test
    void emptyWheel() {
        assertEquals(Long.MAX_VALUE, wheel.nextPollTime());
        assertEquals(0, pollAt(1000 * MS));
        assertEquals(0, wheel.size());
    }

    @Test
    void firesAtTheFirstPollAtOrAfterTheDeadlineTickNeverBefore() {
        at("a", 10 * MS);
        at("b", 10 * MS + 1); // rounds up to the 11 ms tick
        assertEquals(0, pollAt(10 * MS - 1));
        assertEquals("[]", firedNames());
        assertEquals(1, pollAt(10 * MS));
        assertEquals("[a]", firedNames());
        assertEquals(0, pollAt(11 * MS - 1));
        assertEquals(1, pollAt(11 * MS));
        assertEquals("[b]", firedNames());
    }

    @ParameterizedTest
    @ValueSource(longs = {63, 64, 65, 255, 256, 257, 4096, 65_535, 65_536, 65_537, 16_777_215,
        16_777_216, 16_777_217, 4_294_967_296L})
    void cascadesAtLevelBoundaries(long ticks) {
        Node n = at("n", ticks * MS);
        pollAt(1 * MS); // moves elapsed, so the node must cascade from where it was placed
        pollAt(ticks * MS - 1);
        assertEquals("[]", firedNames());
        assertTrue(n.inWheel());
        pollAt(ticks * MS);
        assertEquals("[n]", firedNames());
        assertEquals(0, wheel.size());
    }

    @Test
    void equalDeadlinesFireFifoAcrossCascades() {
        long d = 70_000 * MS; // level 2 from 0, level 1 from 65,536 ms, level 0 from 69,888 ms
        at("a", d);
        at("b", d);
        pollAt(66_000 * MS);
        at("c", d);
        at("early", d - MS); // a tick before: fires first although scheduled later
        pollAt(69_995 * MS);
        at("d", d);
        at("past", 0); // overdue: fires at the next poll, before everything later
        pollAt(d);
        assertEquals("[past, early, a, b, c, d]", firedNames());
    }

    @Test
    void deadlineInThePastIsDueAtTheNextPollFifo() {
        pollAt(100 * MS);
        at("x", 50 * MS);
        at("y", 10 * MS); // earlier deadline, later insertion: both are due now, FIFO
        at("z", Long.MIN_VALUE);
        assertEquals(clock.nanoTime(), wheel.nextPollTime());
        assertEquals(3, pollAt(100 * MS)); // same time: no tick needs to pass
        assertEquals("[x, y, z]", firedNames());
    }

    @Test
    void cancelFromInsideTheHandler() {
        Node a = at("a", 5 * MS);
        Node b = at("b", 5 * MS);
        Node c = at("c", 500 * MS);
        onFire = n -> {
            if (n == a) {
                assertTrue(wheel.cancel(b));
                assertTrue(wheel.cancel(c));
                assertFalse(wheel.cancel(a), "a was already handed over");
            }
        };
        assertEquals(1, pollAt(1000 * MS));
        assertEquals("[a]", firedNames());
        assertEquals(0, wheel.size());
        assertFalse(wheel.cancel(b));
    }

    @Test
    void rescheduleFromInsideTheHandler() {
        Node tickTock = at("periodic", 10 * MS);
        Node later = at("later", 10 * MS);
        onFire = n -> {
            if (n == tickTock && n.deadline() < 30 * MS) {
                schedule(wheel, n, n.deadline() + 10 * MS); // fires again in this poll
                schedule(wheel, later, 100 * MS); // moved out of the batch being handed out
            }
        };
        assertEquals(3, pollAt(35 * MS));
        assertEquals("[periodic, periodic, periodic]", firedNames());
        assertTrue(later.inWheel());
        pollAt(100 * MS);
        assertEquals("[later]", firedNames());
    }

    @Test
    void nodeScheduledDuringPollForNowWaitsForTheNextPoll() {
        Node again = new Node("again");
        onFire = n -> { // always due again: must not keep the poll going
            assertEquals(1, fired.size(), "handed out in the same poll");
            schedule(wheel, again, clock.nanoTime());
        };
        at("first", 5 * MS);
        assertEquals(1, pollAt(5 * MS));
        assertEquals("[first]", firedNames());
        assertTrue(again.inWheel());
        assertTrue(wheel.nextPollTime() <= clock.nanoTime());
        onFire = n -> {};
        assertEquals(1, pollAt(5 * MS));
        assertEquals("[again]", firedNames());
    }

    @Test
    void aThrowingHandlerLeavesTheRestForTheNextPoll() {
        at("a", 5 * MS);
        at("b", 5 * MS);
        at("c", 6 * MS);
        onFire = n -> {
            assertThrows(IllegalStateException.class, () -> wheel.poll(0, x -> {}), "reentrant");
            throw new IllegalArgumentException("boom");
        };
        assertThrows(IllegalArgumentException.class, () -> pollAt(10 * MS));
        assertEquals("[a]", firedNames());
        assertEquals(2, wheel.size());
        onFire = n -> {};
        assertEquals(2, pollAt(10 * MS));
        assertEquals("[b, c]", firedNames());
    }

    @Test
    void aHandlerThrowingAmongOverdueNodesLeavesTheRestAheadOfNewerOnes() {
        pollAt(10 * MS);
        at("a", 0); // overdue: in the due list
        at("b", 0);
        Node c = new Node("c");
        onFire = n -> {
            schedule(wheel, c, 0); // due again during the poll: waits for the next one
            throw new IllegalArgumentException("boom");
        };
        assertThrows(IllegalArgumentException.class, () -> pollAt(10 * MS));
        assertEquals("[a]", firedNames());
        assertEquals(2, wheel.size());
        onFire = n -> {};
        assertEquals(2, pollAt(10 * MS));
        assertEquals("[b, c]", firedNames());
    }

    @ParameterizedTest
    @ValueSource(longs = {3_600_000, 365L * 86_400_000, 200 * 365L * 86_400_000})
    void nextPollTimeLetsAJumpingLoopReachFarTimersInFewPolls(long millis) {
        at("near", 3 * MS);
        Node far = at("far", millis * MS + 123);
        int polls = 0;
        for (long t; (t = wheel.nextPollTime()) != Long.MAX_VALUE && polls < 100; polls++) {
            pollAt(t);
        }
        assertEquals("[near, far]", firedNames());
        assertEquals(millis * MS + MS, clock.nanoTime(), "the far timer fires at its tick");
        assertEquals(2, polls, "one poll per timer: the far one cascades down as it fires");
        assertFalse(far.inWheel());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 9})
    void nextPollTimeOfFarTimersIsTheirEarliestDeadlineUnlessTheyCrowdOneSlot(int count) {
        for (int k = 0; k < count; k++) {
            at("t" + k, (100_000 - k) * MS); // level 2, slot 1: 65,536..131,071 ms
        }
        long earliest = (100_000 - count + 1) * MS;
        int cascades = 0;
        if (count > 8) { // more than nextPollTime reads: the slot's start, where it only cascades
            assertEquals(65_536 * MS, wheel.nextPollTime());
            for (; pollAt(wheel.nextPollTime()) == 0; cascades++) {
                assertTrue(clock.nanoTime() < earliest);
            }
        } else {
            assertEquals(earliest, wheel.nextPollTime());
            assertEquals(1, pollAt(wheel.nextPollTime()));
        }
        assertEquals(earliest, clock.nanoTime());
        assertTrue(cascades <= 2, "polls that only cascade: " + cascades); // levels 2 and 1
        assertEquals("[t" + (count - 1) + "]", firedNames());
    }

    @Test
    void sizeCountsScheduledNodes() {
        Node a = at("a", 10 * MS);
        Node b = at("b", 20 * MS);
        assertEquals(2, wheel.size());
        schedule(wheel, a, 30 * MS); // reschedule: moved, not added
        assertEquals(2, wheel.size());
        assertTrue(wheel.cancel(b));
        assertFalse(wheel.cancel(b));
        assertEquals(1, wheel.size());
        pollAt(30 * MS);
        assertEquals(0, wheel.size());
    }

    @Test
    void nodesOfAnotherWheelAreNotOurs() {
        TimerWheel other = new TimerWheel(MS, 0);
        Node n = new Node("n");
        schedule(other, n, 10 * MS);
        assertFalse(wheel.cancel(n));
        assertThrows(IllegalStateException.class, () -> schedule(wheel, n, 10 * MS));
        assertTrue(other.cancel(n));
    }

    @Test
    void aNodeWithoutLinksIsRefusedAndLeavesTheWheelAsItWas() {
        Schedulable plain = new Schedulable() { // as a promise or a done callback is
            @Override
            protected void run() {}
        };
        assertThrows(UnsupportedOperationException.class, () -> wheel.schedule(plain, 10 * MS));
        assertFalse(plain.inWheel());
        assertFalse(wheel.cancel(plain));
        assertEquals(0, wheel.size());
        assertEquals(Long.MAX_VALUE, wheel.nextPollTime());
    }

    @Test
    void extremeDeadlinesAndTicks() {
        TimerWheel w = new TimerWheel(1, Long.MIN_VALUE);
        Node last = new Node("last");
        Node first = new Node("first");
        schedule(w, last, Long.MAX_VALUE);
        schedule(w, first, Long.MIN_VALUE + 1);
        List<Schedulable> out = new ArrayList<>();
        assertEquals(0, w.poll(Long.MIN_VALUE, out::add));
        for (int polls = 0; polls < 100 && w.size() > 0; polls++) {
            w.poll(w.nextPollTime(), out::add);
        }
        assertEquals(List.of(first, last), out);
        // With a coarse tick, a deadline whose tick starts after Long.MAX_VALUE ns never comes.
        TimerWheel coarse = new TimerWheel(MS, Long.MAX_VALUE - 100 * MS);
        schedule(coarse, new Node("never"), Long.MAX_VALUE);
        for (int polls = 0; polls < 100 && coarse.nextPollTime() != Long.MAX_VALUE; polls++) {
            assertEquals(0, coarse.poll(coarse.nextPollTime(), out::add));
        }
        assertEquals(Long.MAX_VALUE, coarse.nextPollTime());
        assertEquals(0, coarse.poll(Long.MAX_VALUE, out::add));
        assertEquals(1, coarse.size());
        assertThrows(IllegalArgumentException.class, () -> new TimerWheel(0, 0));
    }

    @Test
    void millionPendingTimersAreScheduledAndExpiredInOrder() {
        int count = 1_000_000;
        Random rnd = new Random(1);
        Node[] nodes = new Node[count];
        long[] order = new long[count]; // the insertion rank of each node's last schedule
        for (int i = 0; i < count; i++) {
            nodes[i] = new Node(null, i);
            schedule(wheel, nodes[i], rnd.nextLong(3_600_000 * MS)); // within an hour
            order[i] = i;
        }
        for (int i = 0; i < count; i += 10) { // cancel or move a fifth of them
            if (i % 20 == 0) {
                assertTrue(wheel.cancel(nodes[i]));
            } else {
                schedule(wheel, nodes[i], rnd.nextLong(3_600_000 * MS));
                order[i] = count + i;
            }
        }
        assertEquals(count - count / 20, wheel.size());
        long[] last = {Long.MIN_VALUE, -1};
        int[] total = {0};
        for (long t; (t = wheel.nextPollTime()) != Long.MAX_VALUE; ) {
            long now = t;
            total[0] += wheel.poll(now, s -> {
                int i = ((Node) s).id;
                long tick = (((Node) s).deadline() + MS - 1) / MS;
                assertTrue(tick > last[0] || tick == last[0] && order[i] > last[1], "order");
                assertTrue(now >= ((Node) s).deadline() && now < ((Node) s).deadline() + MS, "fired on its tick");
                last[0] = tick;
                last[1] = order[i];
            });
        }
        assertEquals(count - count / 20, total[0]);
        assertEquals(0, wheel.size());
    }

    // ---- differential: the wheel against TimerWheelOracle, on random operations

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
        21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40})
    void matchesTheOracleOnRandomOperations(long seed) {
        new Differential(seed).run(5000);
    }

    /** Drives a wheel and the oracle in lockstep; every message names the seed that reproduces it. */
    private static final class Differential {
        final long seed;
        final Random rnd;
        final long tick;
        final ManualClock clock;
        final TimerWheel wheel;
        final TimerWheelOracle oracle;
        final Node[] nodes;
        final long[] hot; // shared deadlines, for FIFO ties across cascades
        int step;
        boolean quiet;

        Differential(long seed) {
            this.seed = seed;
            rnd = new Random(seed);
            tick = new long[] {1, 1, 7, 1000, MS, 1L << 20, 1 + rnd.nextInt(1 << 30)}[rnd.nextInt(7)];
            long start = switch (rnd.nextInt(4)) {
                case 0 -> 0;
                case 1 -> rnd.nextLong() >> 2;
                case 2 -> Long.MIN_VALUE + rnd.nextInt(1 << 20);
                default -> -rnd.nextLong(1L << 50);
            };
            clock = new ManualClock(start);
            wheel = new TimerWheel(tick, start);
            oracle = new TimerWheelOracle(tick, start);
            nodes = new Node[8 + rnd.nextInt(400)];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = new Node("n" + i);
            }
            hot = new long[4];
            for (int i = 0; i < hot.length; i++) {
                hot[i] = sat(start, rnd.nextLong(tick << TimerWheel.SHIFT * rnd.nextInt(1, 4)));
            }
        }

        String where() {
            return "seed " + seed + ", step " + step + ", tick " + tick + ", now " + clock.nanoTime();
        }

        void run(int steps) {
            for (step = 0; step < steps; step++) {
                Node n = nodes[rnd.nextInt(nodes.length)];
                int op = rnd.nextInt(100);
                if (op < 45) {
                    schedule(n);
                } else if (op < 60) {
                    assertEquals(oracle.cancel(n), wheel.cancel(n), this::where);
                } else if (op < 85) {
                    clock.advanceTo(sat(clock.nanoTime(), timeStep()));
                    poll();
                } else {
                    jump(rnd.nextInt(1, 20));
                }
                check();
            }
            quiet = true; // drain, without handler actions: everything reachable fires
            jump(100_000);
            clock.advanceTo(Long.MAX_VALUE);
            poll();
            check();
            assertTrue(oracle.size() == 0
                    || oracle.minQueuedTick() > Math.floorDiv(Long.MAX_VALUE, tick), this::where);
        }

        void schedule(Node n) {
            long d = deadline();
            TimerWheelTest.schedule(wheel, n, d);
            oracle.schedule(n, d);
        }

        long deadline() {
            long now = clock.nanoTime();
            int level = rnd.nextInt(TimerWheel.LEVELS);
            return switch (rnd.nextInt(9)) {
                case 0, 1 -> sat(now, rnd.nextInt(200) * tick + rnd.nextLong(tick)); // near: ties
                case 2, 3 -> sat(now, rnd.nextLong() >>> rnd.nextInt(64)); // any level
                case 4 -> sat(now, -rnd.nextLong(1L << 40)); // past
                case 5, 6 -> hot[rnd.nextInt(hot.length)]; // equal deadlines, placed at any time
                case 7 -> { // around a level boundary
                    long boundary = (Math.floorDiv(now, tick) | (1L << TimerWheel.SHIFT * level) - 1) + 1;
                    yield sat(satMul(boundary, tick), rnd.nextInt(3) - 1);
                }
                default -> rnd.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
            };
        }

        long timeStep() {
            return switch (rnd.nextInt(12)) {
                case 0 -> 0;
                case 1, 2, 3, 4 -> rnd.nextLong(4 * tick);
                case 5, 6, 7 -> rnd.nextLong(200 * tick);
                case 8, 9, 10 -> rnd.nextLong(tick << TimerWheel.SHIFT * rnd.nextInt(1, 4));
                default -> rnd.nextLong() >>> rnd.nextInt(1, 64); // sometimes huge
            };
        }

        /** The virtual-time loop: poll at nextPollTime(), which must always make progress. */
        void jump(int times) {
            for (int i = 0; i < times; i++) {
                long t = wheel.nextPollTime();
                if (t == Long.MAX_VALUE) {
                    return;
                }
                clock.advanceTo(t);
                int fired = poll();
                long next = wheel.nextPollTime();
                assertTrue(fired > 0 || next > t, () -> where() + ": no progress at " + t);
            }
        }

        int poll() {
            long now = clock.nanoTime();
            oracle.beginPoll(now);
            int[] count = {0};
            int fired = wheel.poll(now, s -> {
                count[0]++;
                assertSame(oracle.next(), s, () -> where() + ", fire #" + count[0]);
                assertFalse(s.inWheel(), this::where);
                assertTrue(now >= ((Node) s).deadline(), () -> where() + ": fired early: " + s);
                if (!quiet && rnd.nextInt(4) == 0) { // the handler reschedules or cancels, maybe itself
                    Node n = rnd.nextBoolean() ? (Node) s : nodes[rnd.nextInt(nodes.length)];
                    if (rnd.nextInt(3) == 0) {
                        assertEquals(oracle.cancel(n), wheel.cancel(n), this::where);
                    } else {
                        schedule(n);
                    }
                }
            });
            assertNull(oracle.next(), () -> where() + ": the wheel missed a due node");
            oracle.endPoll();
            assertEquals(count[0], fired, this::where);
            return fired;
        }

        void check() {
            assertEquals(oracle.size(), wheel.size(), this::where);
            for (Node n : nodes) {
                assertEquals(oracle.contains(n), n.inWheel(), () -> where() + ": " + n);
            }
            long t = wheel.nextPollTime();
            if (oracle.hasOverdue()) {
                assertTrue(t <= clock.nanoTime(), this::where);
            } else if (oracle.size() == 0) {
                assertEquals(Long.MAX_VALUE, t, this::where);
            } else {
                long due = satMul(oracle.minQueuedTick(), tick);
                assertTrue(t <= due, () -> where() + ": nextPollTime " + t + " > " + due);
            }
        }
    }

    static long sat(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (b < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }

    static long satMul(long a, long b) {
        long r = a * b;
        return Math.multiplyHigh(a, b) == r >> 63 ? r : (a < 0) != (b < 0) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
}
