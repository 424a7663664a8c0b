package io.jcoro;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Several event loops, each on its own thread: one loop per core, as Netty's
 * {@code EventLoopGroup} and Vert.x's event loops give a server that outgrows one core.
 *
 * <pre>{@code
 * try (EventLoopGroup group = new EventLoopGroup(2)) {
 *     Promise<Integer> sum = group.submit(() -> worker.sumSlowly(1000));  // runs on a group loop
 *     int total = await(sum);                                              // from any loop
 * }                                                  // cancels what is left, joins the threads
 * }</pre>
 *
 * <h2>Which loop runs what</h2>
 * A task belongs to the loop that made it for its whole life, and a loop runs on one thread, so a
 * coroutine never runs on two threads at once. On a group's thread, {@link EventLoop#current()}
 * is that thread's loop and {@code createTask} makes tasks there. {@link #submit} is how work
 * moves to another loop: the supplier runs on the chosen loop (so the coroutine it makes, and
 * everything that coroutine creates, belong there), and the returned {@link Promise} may be
 * awaited from any loop or thread; its completion reaches the awaiting task through that task's
 * own loop. The submitted task starts with the submitter's {@link ContextVar} values (as asyncio's
 * {@code run_coroutine_threadsafe} copies the caller's context); a value it sets stays its own.
 * Cancelling the promise (as cancelling a task that awaits it does) cancels the submitted task on
 * its loop.
 *
 * <p>Objects of a loop (its tasks' frames, connections, queues, locks) are the loop's: touch them
 * only from code running on that loop, and hand results across with {@link #submit} or a
 * {@link Promise}. The loop-only operations of {@link EventLoop} ({@code createTask},
 * {@code callSoon}, {@code callLater}) already refuse another thread with an
 * {@code IllegalStateException} naming the owning thread.
 *
 * <p>{@link #close()} stops every loop the way {@link Coro#run} ends its own: tasks still running
 * are cancelled and allowed to finish their {@code finally} blocks (which may await), unfinished
 * async generators are closed, the loop is closed and its thread joined. A submission that never
 * started is cancelled, so every promise {@link #submit} returned is done when {@code close}
 * returns.
 */
public final class EventLoopGroup implements AutoCloseable {
    private static final AtomicInteger GROUPS = new AtomicInteger();

    private final List<EventLoop> loops;
    private final List<Thread> threads;
    private final List<Promise<Void>> stopSignals;
    private final AtomicInteger nextIndex = new AtomicInteger();
    /** Submissions handed to a loop and not started yet: cancelled at close if the loop never runs them. */
    private final Set<Submission<?>> unstarted = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Starts {@code loops} event loops, each on its own (non-daemon) thread named
     * {@code jcoro-group-G-loop-I}.
     *
     * @throws IllegalArgumentException if {@code loops} is less than 1
     */
    public EventLoopGroup(int loops) {
        if (loops < 1) {
            throw new IllegalArgumentException("an event loop group needs at least one loop: " + loops);
        }
        int group = GROUPS.incrementAndGet();
        List<EventLoop> made = new ArrayList<>(loops);
        List<Thread> started = new ArrayList<>(loops);
        List<Promise<Void>> stops = new ArrayList<>(loops);
        for (int i = 0; i < loops; i++) {
            EventLoop loop = new EventLoop();
            Promise<Void> stop = new Promise<>(null);
            Thread thread = new Thread(() -> serve(loop, stop), "jcoro-group-" + group + "-loop-" + i);
            made.add(loop);
            stops.add(stop);
            started.add(thread);
        }
        this.loops = List.copyOf(made);
        this.threads = List.copyOf(started);
        this.stopSignals = List.copyOf(stops);
        for (Thread t : threads) {
            t.start();
        }
    }

    /** The group's loops, in slot order. */
    public List<EventLoop> loops() {
        return loops;
    }

    /** The next loop in strict round robin; any thread. */
    public EventLoop next() {
        return loops.get(Math.floorMod(nextIndex.getAndIncrement(), loops.size()));
    }

    /**
     * Runs the awaitable that {@code work} makes as a task on the {@link #next()} loop; any thread.
     * {@code work} itself runs on that loop. The promise completes with the task's outcome (its
     * result, its failure unchanged, or cancelled); cancelling the promise cancels the task.
     *
     * <pre>{@code
     * List<Promise<Long>> parts = new ArrayList<>();
     * for (Path file : files) {
     *     parts.add(group.submit(() -> indexer.index(file)));
     * }
     * List<Long> counts = await(gather(parts));
     * }</pre>
     *
     * @throws IllegalStateException if the group is closed
     */
    public <T> Promise<T> submit(Supplier<? extends Awaitable<T>> work) {
        Objects.requireNonNull(work, "work");
        if (closed) {
            throw new IllegalStateException("event loop group is closed");
        }
        EventLoop loop = next();
        Submission<T> submission = new Submission<>(loop, work, Context.current());
        unstarted.add(submission);
        try {
            loop.callSoonThreadsafe(submission);
        } catch (IllegalStateException loopClosed) {
            unstarted.remove(submission);
            throw new IllegalStateException("event loop group is closed");
        }
        return submission.promise;
    }

    /**
     * Stops every loop as {@link Coro#run} stops its own (cancels the tasks left and lets them
     * finish, closes unfinished async generators, closes the loop), joins the threads, and
     * cancels each submission that never started. Waits uninterruptibly (an interrupt is kept for
     * the caller). Closing a closed group does nothing.
     *
     * @throws IllegalStateException if called from one of the group's own threads (it would wait
     *                               for itself)
     */
    @Override
    public void close() {
        if (threads.contains(Thread.currentThread())) {
            throw new IllegalStateException("an event loop group cannot be closed from one of its own loops");
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (Promise<Void> stop : stopSignals) {
            stop.trySucceed(null);
        }
        boolean interrupted = false;
        for (Thread t : threads) {
            for (;;) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        for (Submission<?> never : unstarted) {
            never.promise.cancel("event loop group closed before the submission ran");
        }
        unstarted.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "EventLoopGroup[" + loops.size() + " loops" + (closed ? ", closed" : "") + "]";
    }

    /** A loop thread's whole life: serve until {@code stop}, then shut the loop down. */
    private static void serve(EventLoop loop, Promise<Void> stop) {
        try {
            loop.runUntilDone(stop);
        } catch (Throwable t) {
            loop.report("event loop group thread '" + Thread.currentThread().getName() + "' failed", t);
        } finally {
            LoopShutdown.finish(loop, "EventLoopGroup.close()");
        }
    }

    /** One {@link #submit}: runs on the chosen loop, links the task and the promise both ways. */
    private final class Submission<T> implements Runnable {
        final Promise<T> promise;
        private final EventLoop loop;
        private final Supplier<? extends Awaitable<T>> work;
        private final Context context;

        Submission(EventLoop loop, Supplier<? extends Awaitable<T>> work, Context context) {
            this.loop = loop;
            this.work = work;
            this.context = context;
            // callbacks of the promise run on the completing thread: it belongs to no loop
            this.promise = new Promise<>(null);
        }

        @Override
        public void run() {
            if (!unstarted.remove(this) || promise.isDone()) {
                return; // cancelled before it started
            }
            FutureCore<T> future;
            try {
                Awaitable<T> awaitable = Objects.requireNonNull(work.get(), "submit: the supplier returned null");
                @SuppressWarnings("unchecked")
                FutureCore<T> f = (FutureCore<T>) Gathering.ensureFuture(awaitable, loop);
                future = f;
            } catch (Throwable t) {
                promise.tryFail(t);
                return;
            }
            if (future instanceof Task<T> task) {
                task.setContext(context);
            }
            future.addCallback((FutureCore<T> done) -> done.forwardTo(promise), null);
            promise.addCallback(p -> {
                if (promise.isCancelled()) {
                    future.cancel();
                }
            }, null);
        }
    }
}
