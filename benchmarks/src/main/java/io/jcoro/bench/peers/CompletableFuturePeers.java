package io.jcoro.bench.peers;

import java.util.concurrent.CompletableFuture;

/** The {@code CompletableFuture} twins: async stages on a {@link LoopExecutor}. */
public final class CompletableFuturePeers {
    private CompletableFuturePeers() {}

    /** Each task re-submits itself as a new async stage per yield. */
    static final class Yielder implements Runnable {
        final LoopExecutor loop;
        int left;

        Yielder(LoopExecutor loop, int rounds) {
            this.loop = loop;
            this.left = rounds;
        }

        @Override
        public void run() {
            if (--left > 0) {
                CompletableFuture.runAsync(this, loop);
            }
        }
    }

    public static void yieldResume(LoopExecutor loop, int tasks, int rounds) {
        for (int i = 0; i < tasks; i++) {
            CompletableFuture.runAsync(new Yielder(loop, rounds), loop);
        }
        loop.runAll();
    }

    public static int spawnComplete(LoopExecutor loop, int n) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Integer>[] all = new CompletableFuture[n];
        for (int i = 0; i < n; i++) {
            all[i] = CompletableFuture.supplyAsync(() -> 1, loop);
        }
        loop.runAll();
        int sum = 0;
        for (CompletableFuture<Integer> f : all) {
            sum += f.join();
        }
        return sum;
    }

    public static int awaitDone(CompletableFuture<Integer> done, int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += done.join();
        }
        return sum;
    }

    static CompletableFuture<Integer> immediate(int i) {
        return CompletableFuture.completedFuture(i & 127);
    }

    public static int awaitImmediate(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += immediate(i).join();
        }
        return sum;
    }

    static CompletableFuture<Integer> chain(LoopExecutor loop, int depth) {
        if (depth == 0) {
            return CompletableFuture.supplyAsync(() -> 0, loop);
        }
        return chain(loop, depth - 1).thenApply(v -> v + 1);
    }

    public static int chains(LoopExecutor loop, int depth, int times) {
        int sum = 0;
        for (int i = 0; i < times; i++) {
            CompletableFuture<Integer> c = chain(loop, depth);
            loop.runAll();
            sum += c.join();
        }
        return sum;
    }

    /** Ping-pong as callbacks: each hop completes a fresh future whose async stage sends back. */
    static final class Player {
        final LoopExecutor loop;
        Player other;
        int hops;

        Player(LoopExecutor loop, int hops) {
            this.loop = loop;
            this.hops = hops;
        }

        CompletableFuture<Object> arm() {
            CompletableFuture<Object> slot = new CompletableFuture<>();
            slot.thenAcceptAsync(this::receive, loop);
            return slot;
        }

        void receive(Object ball) {
            if (hops-- > 0) {
                other.arm().complete(ball);
            }
        }
    }

    public static void pingPong(LoopExecutor loop, int hops) {
        Player a = new Player(loop, hops);
        Player b = new Player(loop, hops);
        a.other = b;
        b.other = a;
        a.arm().complete(a);
        loop.runAll();
    }

    public static int fanOut(LoopExecutor loop, int n) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Integer>[] all = new CompletableFuture[n];
        for (int i = 0; i < n; i++) {
            int k = i;
            all[i] = CompletableFuture.supplyAsync(() -> k & 127, loop);
        }
        CompletableFuture<Void> each = CompletableFuture.allOf(all);
        loop.runAll();
        each.join();
        java.util.List<Integer> results = new java.util.ArrayList<>(n);
        for (CompletableFuture<Integer> f : all) {
            results.add(f.join());
        }
        return results.size();
    }
}
