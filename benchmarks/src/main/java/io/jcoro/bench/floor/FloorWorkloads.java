package io.jcoro.bench.floor;

import io.jcoro.internal.TimerNode;
import io.jcoro.internal.TimerWheel;

/** The hand-written floor of each coroutine workload: {@link Fiber}s on a {@link FloorLoop}. */
public final class FloorWorkloads {
    private FloorWorkloads() {}

    // ---------------------------------------------------------------- yield/resume

    static final class Yielder extends Fiber {
        int left;

        Yielder(int rounds) {
            left = rounds;
        }

        @Override
        protected void step(FloorLoop loop) {
            if (--left > 0) {
                loop.push(this);
            }
        }
    }

    public static void yieldResume(FloorLoop loop, int tasks, int rounds) {
        for (int i = 0; i < tasks; i++) {
            loop.push(new Yielder(rounds));
        }
        loop.run();
    }

    // ---------------------------------------------------------------- spawn+complete

    static final class One extends Fiber {
        int result;

        @Override
        protected void step(FloorLoop loop) {
            result = 1;
        }
    }

    public static int spawnComplete(FloorLoop loop, One[] slots) {
        for (int i = 0; i < slots.length; i++) {
            loop.push(slots[i] = new One());
        }
        loop.run();
        int sum = 0;
        for (One o : slots) {
            sum += o.result;
        }
        return sum;
    }

    public static One[] spawnSlots(int n) {
        return new One[n];
    }

    // ---------------------------------------------------------------- fast path

    /** A done result: reading it is a field load. */
    public static final class Done {
        public final int value;

        public Done(int value) {
            this.value = value;
        }
    }

    /** A state machine that completes on its first step, called directly. */
    static final class Immediate {
        int state;
        final int arg;

        Immediate(int arg) {
            this.arg = arg;
        }

        int resume() {
            state = 1;
            return arg & 127;
        }
    }

    public static int awaitDone(Done done, int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += done.value;
        }
        return sum;
    }

    public static int awaitImmediate(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += new Immediate(i).resume();
        }
        return sum;
    }

    // ---------------------------------------------------------------- await chain

    /** Plain recursion down to a leaf that yields once through the ring. */
    static final class ChainLeaf extends Fiber {
        int value = -1;

        @Override
        protected void step(FloorLoop loop) {
            value = 0;
        }
    }

    static int descend(int depth, FloorLoop loop) {
        if (depth == 0) {
            ChainLeaf leaf = new ChainLeaf();
            loop.push(leaf);
            loop.run();
            return leaf.value;
        }
        return descend(depth - 1, loop) + 1;
    }

    public static int chains(FloorLoop loop, int depth, int times) {
        int sum = 0;
        for (int i = 0; i < times; i++) {
            sum += descend(depth, loop);
        }
        return sum;
    }

    // ---------------------------------------------------------------- a failure through a chain

    /** The synchronous twin: plain recursion whose innermost call throws, the JVM filling the trace. */
    static int throwing(int depth) {
        if (depth == 0) {
            throw new IllegalStateException("bottom");
        }
        return throwing(depth - 1) + 1;
    }

    public static int failures(int depth, int times) {
        int frames = 0;
        for (int i = 0; i < times; i++) {
            try {
                throwing(depth);
            } catch (IllegalStateException e) {
                frames += e.getStackTrace().length;
            }
        }
        return frames;
    }

    // ---------------------------------------------------------------- ping-pong

    static final class Player extends Fiber {
        Player other;
        int hops;

        @Override
        protected void step(FloorLoop loop) {
            if (hops-- > 0) {
                loop.push(other);
            }
        }
    }

    public static void pingPong(FloorLoop loop, int hops) {
        Player a = new Player();
        Player b = new Player();
        a.other = b;
        b.other = a;
        a.hops = hops;
        b.hops = hops;
        loop.push(a);
        loop.run();
    }

    // ---------------------------------------------------------------- gather

    static final class Gatherer {
        final int[] results;
        int left;

        Gatherer(int n) {
            results = new int[n];
            left = n;
        }
    }

    static final class Child extends Fiber {
        final Gatherer g;
        final int index;

        Child(Gatherer g, int index) {
            this.g = g;
            this.index = index;
        }

        @Override
        protected void step(FloorLoop loop) {
            g.results[index] = index & 127;
            g.left--;
        }
    }

    public static int fanOut(FloorLoop loop, int n) {
        Gatherer g = new Gatherer(n);
        for (int i = 0; i < n; i++) {
            loop.push(new Child(g, i));
        }
        loop.run();
        return g.results.length - g.left;
    }

    // ---------------------------------------------------------------- cancel tree / sleep storm

    /** A sleeping fiber: it is its own timer node in the wheel (no task, no loop). */
    static final class Sleeper extends TimerNode {
        final int[] counter;
        boolean cancelled;

        Sleeper(int[] counter) {
            this.counter = counter;
        }

        @Override
        protected void run() {
            counter[0]--;
        }
    }

    /** Spawns {@code n} sleepers in {@code wheel}, cancels each, runs each to its end. */
    public static int cancelTree(FloorLoop loop, TimerWheel wheel, int n) {
        Sleeper[] kids = new Sleeper[n];
        int[] counter = {n};
        for (int i = 0; i < n; i++) {
            kids[i] = new Sleeper(counter);
            wheel.schedule(kids[i], 3_600_000_000_000L);
        }
        for (Sleeper s : kids) {
            wheel.cancel(s);
            s.cancelled = true;
            loop.push(new Fiber() {
                @Override
                protected void step(FloorLoop l) {
                    counter[0]--;
                }
            });
        }
        loop.run();
        return counter[0];
    }

    /** Sleep storm without a loop or tasks: each sleeper in the wheel, the clock jumping. */
    public static int sleepStorm(long[] millis) {
        TimerWheel wheel = new TimerWheel(1_000_000L, 0);
        int[] counter = {millis.length};
        for (long ms : millis) {
            wheel.schedule(new Sleeper(counter), ms * 1_000_000L);
        }
        TimerWheel.Expiry fire = node -> ((Sleeper) node).run();
        while (wheel.size() > 0) {
            wheel.poll(wheel.nextPollTime(), fire);
        }
        return counter[0];
    }
}
