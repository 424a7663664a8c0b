package io.jcoro;

import io.jcoro.internal.Clock;
import io.jcoro.internal.IdleHook;
import io.jcoro.internal.Inbox;
import io.jcoro.internal.IoSelector;
import io.jcoro.internal.ManualClock;
import io.jcoro.internal.ReadyQueue;
import io.jcoro.internal.Schedulable;
import io.jcoro.internal.SystemClock;
import io.jcoro.internal.TimerWheel;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A single-threaded event loop with asyncio's semantics: a ready queue, a timer wheel (1 ms tick)
 * and an inbox for other threads. Tasks and callbacks run one at a time on the thread that runs
 * the loop.
 *
 * <pre>{@code
 * try (EventLoop loop = new EventLoop()) {
 *     loop.callLater(Duration.ofMillis(10), () -> System.out.println("tick"));
 *     String s = loop.runUntilComplete(service.fetch());
 * }
 * }</pre>
 *
 * <pre>
 *  state    how it got there                      allowed
 *  IDLE     new EventLoop(), or a run returned    runUntilComplete, callSoon/Later/At, createTask, close
 *  RUNNING  runUntilComplete on thread T          everything, on T; from other threads only
 *                                                 callSoonThreadsafe, Task.cancel, TimerHandle.cancel
 *  CLOSED   close() while IDLE                    nothing: IllegalStateException "event loop is closed";
 *                                                 the tasks it left unfinished have failed
 * </pre>
 *
 * <p><b>Threads.</b> These are thread-safe, callable from any thread at any time (the loop
 * running, idle, or being started or stopped by another thread): {@link #callSoonThreadsafe},
 * {@link Task#cancel()}, {@link TimerHandle#cancel()}, {@link #isRunning()}, {@link #isClosed()},
 * {@link #time()}, and, on {@link Task} and {@link Promise}, completing, cancelling, reading the
 * outcome, {@code addDoneCallback} and {@code toCompletableFuture}. Everything else is loop-only:
 * on the thread running the loop, or, while it is idle, on any thread that the thread running it
 * next is ordered with (the same thread, or one it started or joined). The loop is owned by one
 * thread at a time: the one running it, or one that takes the idle loop for the span of one
 * operation (a {@code cancel()} or a {@code callSoon} from a thread that does not run it), so an
 * operation from another thread either acts at once on the idle loop, with the loop unable to
 * start meanwhile, or is sent to the running loop through its inbox; never half of each.
 *
 * <p>{@link #virtualTime()} makes a loop whose clock jumps to the next timer whenever nothing is
 * ready, so tests of long sleeps run at once. With real I/O (a socket, {@code io.jcoro.net}) that
 * still holds: each iteration picks up the channels that are ready without blocking, and while a
 * timer is pending the clock jumps instead of waiting for the network, so a timeout around a read
 * fires as soon as nothing else is ready; only with no timer left does the loop block in its
 * selector. Time I/O on a real-clock loop. A real-clock loop parks its thread until the next
 * timer or a wake-up from another thread. An interrupt of the loop thread does not stop the loop
 * (asyncio has no such thing): it is cleared while the loop parks, so that the loop does not spin,
 * and restored when {@code runUntilComplete} returns.
 *
 * <p>Ordering follows asyncio's {@code _run_once}: callbacks and task steps run FIFO, each
 * iteration runs only what was ready when it began, a woken task and a done callback run at the
 * next iteration, a task woken from a sleep one iteration after its timer fires (asyncio's sleep
 * goes through a future), and timers due at the same time run in the order they were scheduled.
 */
public final class EventLoop implements AutoCloseable {

    /** Handles what the loop cannot: an exception thrown by a callback, an unretrieved failure. */
    @FunctionalInterface
    public interface ExceptionHandler {
        /**
         * @param loop      the reporting loop, or null for a callback run outside any loop
         * @param message   what happened, such as {@code "Exception in callback ..."}
         * @param exception the exception, or null
         */
        void handle(EventLoop loop, String message, Throwable exception);
    }

    /** Prints the message and the stack trace to {@code System.err}. */
    public static final ExceptionHandler DEFAULT_EXCEPTION_HANDLER = (loop, message, exception) -> {
        System.err.println(message);
        if (exception != null) {
            exception.printStackTrace(System.err);
        }
    };

    static final long TICK_NANOS = 1_000_000L;
    /** At most this many inbox entries move to the ready queue per iteration (a flood cannot
     *  starve the timers); the rest wait for the next iteration. */
    private static final int INBOX_BATCH = 65_536;
    /** asyncio's default {@code slow_callback_duration}: 0.1 s. */
    private static final long DEFAULT_SLOW_CALLBACK_NANOS = 100_000_000L;
    private long slowCallbackNanos = DEFAULT_SLOW_CALLBACK_NANOS;
    private static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();
    /** The loop that most recently started running, on whichever thread: a hint that spares
     *  {@link #currentOrNull()} the thread-local lookup when it is the loop of this thread (as it
     *  is whenever one loop runs at a time). Racy on purpose; every use checks the owner. */
    private static EventLoop lastStarted;

    static {
        IoSelector.install(() -> {
            EventLoop loop = currentOrNull();
            return loop != null ? loop.io() : null;
        });
        IdleHook.install((loop, hook) -> ((EventLoop) loop).setIdleHook(hook));
    }

    private final Clock clock;
    private final ManualClock virtualClock;
    /** On virtual time: decides how far the clock jumps when nothing is ready; null: to the next timer. */
    private IdleHook idleHook;
    private final TimerWheel wheel;
    private final ReadyQueue ready = new ReadyQueue(64);
    /** Other threads' submissions; its owner is the thread running the loop (null while IDLE). */
    private final Inbox inbox = new Inbox();
    private final TimerWheel.Expiry toReady = ready::push;
    /** The loop's I/O: null until io.jcoro.net first asks for it (its selector opens at the first
     *  registration), so a loop without I/O pays one null check per iteration. */
    private IoSelector io;
    private final Consumer<Object> stopper = future -> stopping = true;
    final TaskRegistry tasks = new TaskRegistry();
    /** The async stack trace of the failure crossing the frames of the stepping task. */
    final AsyncTrace asyncTrace = new AsyncTrace();
    /** Async generators that started here, held weakly (asyncio's {@code _asyncgens}). */
    private final java.util.Set<AsyncGenerator<?>> asyncGenerators =
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    /**
     * The id of the task whose step is running, or 0. Each step writes it twice: an int, because a
     * reference stored into the long-lived loop pays the collector's write barrier (under G1 a
     * StoreLoad fence) on every step; {@link #currentTask()} resolves it when someone asks.
     */
    int currentTaskId;
    /** The context variables plain callbacks see (a task has its own). */
    Context context = Context.EMPTY;

    private volatile boolean closed;
    /** A thread runs the loop (the inbox's owner); false while the loop is idle or only taken. */
    private volatile boolean running;
    private boolean stopping;
    private boolean interrupted;
    private boolean debug;
    private ExceptionHandler exceptionHandler = DEFAULT_EXCEPTION_HANDLER;

    /** A loop on the system clock. */
    public EventLoop() {
        this(SystemClock.INSTANCE, null);
    }

    private EventLoop(Clock clock, ManualClock virtualClock) {
        this.clock = clock;
        this.virtualClock = virtualClock;
        this.wheel = new TimerWheel(TICK_NANOS, clock.nanoTime());
    }

    /**
     * A loop on virtual time, starting at 0: whenever nothing is ready and the inbox is empty, its
     * clock jumps to the next timer instead of waiting. With no timer pending it parks until
     * another thread submits work, as a real loop does.
     *
     * <pre>{@code
     * EventLoop loop = EventLoop.virtualTime();
     * loop.runUntilComplete(sleepAnHour());      // returns at once; loop.time() is one hour
     * }</pre>
     */
    public static EventLoop virtualTime() {
        ManualClock manual = new ManualClock(0);
        return new EventLoop(manual, manual);
    }

    /**
     * The loop running on this thread.
     *
     * @throws IllegalStateException "no running event loop" if none is
     */
    public static EventLoop current() {
        EventLoop loop = currentOrNull();
        if (loop == null) {
            throw new IllegalStateException("no running event loop");
        }
        return loop;
    }

    /** Remembers a generator that started on this loop, to close it at shutdown if left unfinished. */
    void trackAsyncGenerator(AsyncGenerator<?> generator) {
        asyncGenerators.add(generator);
    }

    /** The generators that started here and have not finished, oldest first is not promised. */
    java.util.List<AsyncGenerator<?>> unfinishedAsyncGenerators() {
        java.util.List<AsyncGenerator<?>> unfinished = new java.util.ArrayList<>();
        for (AsyncGenerator<?> generator : asyncGenerators) {
            if (generator.state() != CoroutineState.CLOSED) {
                unfinished.add(generator);
            }
        }
        asyncGenerators.clear();
        return unfinished;
    }

    /** The loop running on this thread, or null. Called by every {@code new Promise()}. */
    static EventLoop currentOrNull() {
        EventLoop hint = lastStarted;
        if (hint != null && hint.inbox.isOwner(Thread.currentThread())) {
            return hint; // only the loop running on this thread has this thread as its owner
        }
        return RUNNING.get();
    }

    // ------------------------------------------------------------------ running

    /**
     * Wraps {@code coroutine} in a task, runs the loop until that task is done, and returns its
     * result or rethrows its failure unchanged (checked or not; a {@link CancelledError} if it was
     * cancelled). Other tasks run meanwhile and are left as they are when it returns.
     *
     * @throws IllegalStateException if the loop is closed or running, or another loop runs on this
     *                               thread
     */
    public <T> T runUntilComplete(Coroutine<T> coroutine) {
        checkCanRun();
        Task<T> task = createTask(coroutine, null);
        runUntilDone(task);
        return task.result();
    }

    /**
     * asyncio's {@code run_until_complete(future)}: runs the loop until {@code task}, a task of
     * this loop, is done, and returns its result or rethrows its failure unchanged. Unlike
     * {@link #runUntilComplete(Coroutine)}, the caller holds the task, to cancel it meanwhile
     * (from a callback, or from another thread).
     *
     * @throws IllegalArgumentException if the task belongs to another loop
     * @throws IllegalStateException    as {@link #runUntilComplete(Coroutine)}
     */
    public <T> T runUntilComplete(Task<T> task) {
        if (task.loop != this) {
            throw new IllegalArgumentException("task '" + task.name() + "' belongs to another event loop");
        }
        checkCanRun();
        runUntilDone(task);
        return task.result();
    }

    /** Runs the loop until {@code future} is done and the iteration after its completion ran. */
    void runUntilDone(FutureCore<?> future) {
        checkCanRun();
        if (enter() != TAKEN) {
            throw new IllegalStateException("this event loop is already running");
        }
        running = true;
        RUNNING.set(this);
        lastStarted = this;
        try {
            // asyncio: a done callback stops the loop, so callbacks scheduled with the completion run
            future.addCallback(stopper, this);
            do {
                runOnce();
            } while (!stopping);
        } finally {
            stopping = false;
            RUNNING.remove();
            running = false;
            inbox.release();
            if (lastStarted == this) {
                lastStarted = null; // a stopped loop is not kept reachable by the hint
            }
            if (interrupted) {
                interrupted = false;
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * One iteration, and the only place callbacks and task steps run: (1) move the inbox to the
     * ready queue, (2) move due timers to it, and, on a loop with I/O, the channels that are
     * ready, (3) run exactly the nodes that were ready when the iteration began (what they
     * schedule runs next time), (4) if nothing is ready, wait: park (with I/O: select) until the
     * next timer or a wake-up, or, on virtual time, jump to the next timer.
     *
     * @return how many nodes ran
     */
    private int runOnce() {
        inbox.drainTo(ready, INBOX_BATCH);
        if (wheel.size() != 0) { // no timer, nothing due: the clock is not even read
            wheel.poll(clock.nanoTime(), toReady);
        }
        if (io != null) {
            io.poll(); // ready channels join this batch
        }
        int n = ready.size();
        for (int i = 0; i < n; i++) {
            Schedulable node = ready.poll();
            boolean timed = debug; // a callback may turn debug mode on: it was not timed
            long start = timed ? clock.nanoTime() : 0;
            try {
                ReadyQueue.run(node);
            } catch (Throwable t) {
                report("Exception in callback " + describe(node), t);
            }
            if (timed && clock.nanoTime() - start > slowCallbackNanos) {
                report("Executing " + describe(node) + " took "
                        + (clock.nanoTime() - start) / 1_000_000 + " ms", null);
            }
        }
        if (debug && neverAwaited != null) {
            neverAwaited.reportCollected(this);
        }
        if (ready.isEmpty() && !stopping) {
            idle();
        }
        return n;
    }

    /** Step 4 of {@link #runOnce()}: nothing is ready. */
    private void idle() {
        long next = wheel.nextPollTime();
        if (virtualClock != null && inbox.isEmpty()) {
            if (idleHook != null) {
                next = idleHook.idle(virtualClock.nanoTime(), next);
            }
            if (next != Long.MAX_VALUE) {
                virtualClock.advanceTo(next);
                return;
            }
            if (!ready.isEmpty()) {
                return; // the hook woke a task
            }
        } else if (virtualClock != null && next != Long.MAX_VALUE) {
            return; // another thread's work first; the clock jumps once it is done
        }
        long timeout = 0; // none
        if (next != Long.MAX_VALUE) {
            timeout = next - clock.nanoTime();
            if (timeout <= 0) {
                return;
            }
        }
        if (io != null ? io.park(timeout) : inbox.park(this, timeout)) {
            interrupted = true; // not ours to act on: restored for the caller when the run ends
        }
    }

    // ------------------------------------------------------------------ scheduling, public

    /**
     * Runs {@code callback} at the next iteration, after what is already ready (FIFO).
     *
     * @throws IllegalStateException if the loop is closed, or runs on another thread
     */
    public TimerHandle callSoon(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        boolean taken = enterLoopOnly();
        try {
            TimerHandle handle = new TimerHandle(this, callback, time());
            ready.push(handle);
            return handle;
        } finally {
            leave(taken);
        }
    }

    /** Runs {@code callback} after {@code delay} (a negative delay is "now"); loop thread. */
    public TimerHandle callLater(Duration delay, Runnable callback) {
        return callAt(Durations.deadline(time(), Objects.requireNonNull(delay, "delay")), callback);
    }

    /**
     * Runs {@code callback} when {@link #time()} reaches {@code whenNanos} (at most one 1 ms tick
     * late, never early; a past time runs at the next iteration); equal times run FIFO.
     */
    public TimerHandle callAt(long whenNanos, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        boolean taken = enterLoopOnly();
        try {
            TimerHandle handle = new TimerHandle(this, callback, whenNanos);
            wheel.schedule(handle, whenNanos);
            return handle;
        } finally {
            leave(taken);
        }
    }

    /**
     * Runs {@code callback} on the loop at its next iteration; callable from any thread, and wakes
     * the loop if it is parked.
     *
     * @throws IllegalStateException if the loop is closed
     */
    public TimerHandle callSoonThreadsafe(Runnable callback) {
        checkOpen();
        TimerHandle handle = new TimerHandle(this, Objects.requireNonNull(callback, "callback"), time());
        wake(handle);
        return handle;
    }

    /** Wraps {@code coroutine} in a task of this loop; it starts at the next iteration. */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null);
    }

    /** Wraps {@code coroutine} in a task named {@code name} (null: "Task-N"). */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        Objects.requireNonNull(coroutine, "coroutine");
        boolean taken = enterLoopOnly();
        try {
            return new Task<>(this, coroutine, name);
        } finally {
            leave(taken);
        }
    }

    /**
     * The tasks of this loop that are not done, oldest first (asyncio's {@code all_tasks(loop)});
     * loop thread, or while the loop is idle (after a run, to see what it left unfinished).
     */
    public java.util.Set<Task<?>> allTasks() {
        boolean taken = enterLoopOnly();
        try {
            return tasks.snapshot();
        } finally {
            leave(taken);
        }
    }

    /**
     * The text {@link Coro#dumpTasks()} prints, for this loop and without printing it: every task
     * not done, as a tree of who awaits whom, each at its lines in the user's source. Empty if no
     * task is left. Loop thread, or while the loop is idle.
     */
    public String dumpTasks() {
        return TaskDump.of(allTasks());
    }

    /** Sets the {@link IdleHook} of a loop on virtual time (through {@link IdleHook#attach}). */
    private void setIdleHook(IdleHook hook) {
        if (virtualClock == null) {
            throw new IllegalArgumentException("not a virtual-time loop: " + this);
        }
        boolean taken = enterLoopOnly();
        try {
            idleHook = hook;
        } finally {
            leave(taken);
        }
    }

    /** The loop clock: monotonic nanoseconds, the scale of {@link #callAt}. */
    public long time() {
        return clock.nanoTime();
    }

    /**
     * In debug mode the loop also reports callbacks that run longer than 100 ms (see
     * {@link #setSlowCallbackDuration}), and coroutines
     * made while it runs that are garbage collected without ever being awaited ("coroutine
     * 'Users.fetchUser' was never awaited", with the place they were created).
     */
    public void setDebug(boolean enabled) {
        debug = enabled;
        if (io != null) {
            io.setDebug(enabled);
        }
        if (enabled) {
            NeverAwaited.anyDebug = true;
        }
    }

    /**
     * In debug mode, a callback or task step that runs longer than {@code duration} is reported
     * (asyncio's {@code slow_callback_duration}; 100 ms by default).
     */
    public void setSlowCallbackDuration(java.time.Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + duration);
        }
        slowCallbackNanos = duration.toNanos();
    }

    private NeverAwaited neverAwaited;

    /** The debug-mode watch over unstarted coroutines (made on first use). */
    NeverAwaited neverAwaited() {
        NeverAwaited watch = neverAwaited;
        if (watch == null) {
            neverAwaited = watch = new NeverAwaited();
        }
        return watch;
    }

    /** Whether debug mode is on. */
    public boolean isDebug() {
        return debug;
    }

    /** Sets where exceptions of callbacks and unretrieved task failures go; null restores the
     *  default, which prints to {@code System.err}. */
    public void setExceptionHandler(ExceptionHandler handler) {
        exceptionHandler = handler != null ? handler : DEFAULT_EXCEPTION_HANDLER;
    }

    /** Whether a thread is running the loop now. Any thread. */
    public boolean isRunning() {
        return running;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the loop: reports every task failure never retrieved ("Task exception was never
     * retrieved"), then ends every task still unfinished with an {@link IllegalStateException}
     * ("event loop is closed: task 'Task-3' can never finish"; not reported) and drops what is
     * still scheduled. A task of a closed loop could never finish: failing it wakes whoever awaits
     * it, from another loop or through {@code toCompletableFuture()}, instead of leaving them
     * waiting for ever. Closing a closed loop does nothing.
     *
     * @throws IllegalStateException if the loop is running
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (enter() != TAKEN) {
            throw new IllegalStateException("cannot close a running event loop");
        }
        try {
            closed = true;
            for (Task<?> t : tasks.drainUnretrieved()) {
                report("Task exception was never retrieved (task '" + t.name() + "')", t.peekFailure());
            }
            for (Task<?> t : tasks.snapshot()) {
                t.loopClosed();
            }
            ready.clear();
            inbox.clear();
            if (io != null) {
                io.close(); // closes every channel registered here
            }
            if (neverAwaited != null) {
                neverAwaited.forget();
            }
        } finally {
            leave(true);
        }
    }

    @Override
    public String toString() {
        return "EventLoop[" + (closed ? "closed" : isRunning() ? "running" : "idle")
                + (virtualClock != null ? ", virtual time" : "") + ", time=" + time() + "]";
    }

    // ------------------------------------------------------------------ runtime internals

    /** The loop's I/O side, made on first use (for {@code io.jcoro.net}, via IoSelector.current()). */
    private IoSelector io() {
        IoSelector selector = io;
        if (selector == null) {
            checkOpen();
            io = selector = new IoSelector(inbox, ready, this::report);
            selector.setDebug(debug);
        }
        return selector;
    }

    /**
     * The task whose step is running, or null (a plain callback, or no step). Loop thread only.
     * Its step can also have just finished it: a task that ended is no longer current.
     */
    Task<?> currentTask() {
        return tasks.get(currentTaskId); // ids ascend, so the task nearly always sits at home
    }

    /** Appends {@code node} to the ready queue; loop thread (or while idle). */
    void pushReady(Schedulable node) {
        ready.push(node);
    }

    /**
     * Makes {@code node} ready from any thread: pushed directly by the loop's owner, else through
     * the inbox, unparking the loop if needed.
     *
     * @return false if the loop is closed: the node was dropped, it will never run
     */
    boolean wake(Schedulable node) {
        if (inbox.isOwner(Thread.currentThread())) {
            ready.push(node);
        } else if (closed) {
            return false;
        } else {
            inbox.add(node);
        }
        return true;
    }

    void scheduleTimer(Schedulable node, long deadlineNanos) {
        wheel.schedule(node, deadlineNanos);
    }

    /** Removes a timer if this thread owns the loop or can take it; otherwise (the loop runs on
     *  another thread) the node is skipped when it fires (a cancelled handle does nothing). */
    void cancelTimer(Schedulable node) {
        int entry = enter();
        if (entry == ELSEWHERE) {
            return;
        }
        try {
            if (node.inWheel()) {
                wheel.cancel(node);
            }
        } finally {
            leave(entry == TAKEN);
        }
    }

    /** Whether this thread is running the loop now. */
    boolean isRunningOnThisThread() {
        return inbox.isOwner(Thread.currentThread()) && running;
    }

    // ------------------------------------------------------------------ ownership

    /** {@link #enter()}: this thread already owns the loop (it runs it, or took it). */
    static final int OWNED = 0;
    /** {@link #enter()}: this thread took the idle loop, and must {@link #leave} it. */
    static final int TAKEN = 1;
    /** {@link #enter()}: another thread runs the loop; only the inbox may be used. */
    static final int ELSEWHERE = 2;

    /**
     * Makes this thread the loop's owner for a loop-only operation, if it can be: it already is,
     * or the loop is idle (then it is taken: it cannot start until {@link #leave}). A thread that
     * took the idle loop holds it for one short operation, so another thread waits for it by
     * spinning.
     *
     * @return {@link #OWNED}, {@link #TAKEN} or {@link #ELSEWHERE}
     */
    int enter() {
        Thread me = Thread.currentThread();
        if (inbox.isOwner(me)) {
            return OWNED;
        }
        for (;;) { // not the owner, and only this thread could make itself one
            if (inbox.owner() == null) {
                if (inbox.claim(me)) {
                    return TAKEN;
                }
            } else if (running) {
                return ELSEWHERE;
            } else {
                Thread.onSpinWait(); // taken for one operation, or a run starting or ending
            }
        }
    }

    /** Gives back a loop {@link #enter()} took ({@code taken}); nothing otherwise. */
    void leave(boolean taken) {
        if (taken) {
            inbox.release();
        }
    }

    /**
     * {@link #enter()} for the loop-only public operations: open, and not running on another
     * thread.
     *
     * @return whether the loop was taken (to {@link #leave} afterwards)
     */
    private boolean enterLoopOnly() {
        checkOpen();
        int entry = enter();
        if (entry == ELSEWHERE) {
            throw new IllegalStateException("event loop runs on thread '" + describeOwner()
                    + "': use callSoonThreadsafe from other threads");
        }
        return entry == TAKEN;
    }

    private String describeOwner() {
        Thread t = inbox.owner();
        return t == null ? "?" : t.getName();
    }

    void report(String message, Throwable exception) {
        try {
            exceptionHandler.handle(this, message, exception);
        } catch (Throwable handlerFailure) {
            System.err.println("Unhandled error in exception handler: " + message);
            handlerFailure.printStackTrace(System.err);
        }
    }

    static void reportWithoutLoop(String message, Throwable exception) {
        DEFAULT_EXCEPTION_HANDLER.handle(null, message, exception);
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("event loop is closed");
        }
    }

    private void checkCanRun() {
        checkOpen();
        if (isRunning()) {
            throw new IllegalStateException("this event loop is already running");
        }
        if (RUNNING.get() != null) {
            throw new IllegalStateException("cannot run an event loop while another loop is running");
        }
    }

    private static String describe(Schedulable node) {
        return node instanceof TimerHandle h ? h.describeCallback() : String.valueOf(node);
    }
}
