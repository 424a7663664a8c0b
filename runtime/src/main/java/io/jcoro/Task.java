package io.jcoro;

import io.jcoro.internal.Schedulable;
import io.jcoro.internal.TimerWheel;
import java.util.function.Consumer;

/**
 * A scheduled coroutine: asyncio's {@code Task}. Made by {@link Coro#createTask(Coroutine)}; it
 * starts at the next loop iteration and runs concurrently with its creator.
 *
 * <pre>{@code
 * Task<User> t = createTask(fetchUser(1));
 * doOtherWork();
 * User u = await(t);                 // many tasks may await the same task
 * }</pre>
 *
 * <h2>States</h2>
 * <pre>
 *  NEW --first step--> RUNNING --await of a pending future--> WAITING --future done--+
 *                       ^  |  \--await(sleep(d > 0))--> SLEEPING --timer fired------+
 *                       |  |   \--await(yieldNow())--> SCHEDULED --------------------+
 *                       |  +--root frame returned or threw--> DONE                   |
 *                       +-------------- next step (in the ready queue) ---------------+
 * </pre>
 * A task is in the ready queue while NEW, SCHEDULED, or WAITING/SLEEPING after its wake-up; a
 * SLEEPING task is in the timer wheel until its timer fires. The task is itself the ready-queue
 * node and the timer node: a step, a yield and a sleep allocate nothing.
 *
 * <h2>One step</h2>
 * {@link #run()} delivers the awaited outcome (or a {@link CancelledError}) into the leaf frame,
 * resumes it, and, each time a frame returns or throws, hands that to its caller and resumes the
 * caller: a loop, not recursion. It stops when a frame suspends; when the root frame finishes,
 * the task completes. The task that is stepping is {@link Coro#currentTask()}. An await of a
 * coroutine {@link #MAX_INLINE_DEPTH} inline starts deep is bounced: every frame on the Java stack
 * returns as if suspended, and the step starts the coroutine from its loop, on an empty stack (a
 * trampoline; no trip through the ready queue), so recursion through awaits is bounded by the
 * heap, not by the thread's stack. An {@link Error} thrown anywhere in a step (a
 * {@link StackOverflowError} in a body, an {@link OutOfMemoryError}) ends the task with that error;
 * it never leaves the task half-stepped.
 *
 * <h2>Cancellation (asyncio's rules)</h2>
 * {@link #cancel()} on a task waiting for a future cancels that future (the task then wakes with
 * its {@link CancelledError}); on a sleeping task it removes the timer and wakes the task with a
 * {@code CancelledError} at its await; on a task not started yet, the body never runs; on the
 * running task, or one already woken, the error is thrown at the next await that suspends (or the
 * task ends cancelled if the body returns first). A body that catches the error and returns
 * normally completes the task normally; {@link #cancelling()} and {@link #uncancel()} count the
 * requests as in Python 3.11.
 *
 * <h2>Threads</h2>
 * {@link #cancel()}, the reads of the outcome, {@link #addDoneCallback} and
 * {@link #toCompletableFuture()} are thread-safe; everything else belongs to the task's loop (see
 * {@link EventLoop}). A task awaited from another loop is a cross-thread future: cancelling the
 * awaiting task sends the cancellation to it and wakes the awaiting task at once with its
 * {@link CancelledError}, without waiting for the other loop to finish cancelling (it may be
 * idle or closed); as asyncio does with a future of another thread ({@code wrap_future}). A task
 * whose loop closed before it finished has failed ({@link EventLoop#close()}).
 *
 * <h2>Context</h2>
 * A task runs in a snapshot of the {@link ContextVar} bindings current where it was created (its
 * creator task's, or the loop's, or the creating thread's): an immutable {@code Context}, so the
 * "copy" is one reference. {@link ContextVar#set} in the task replaces the task's own snapshot.
 *
 * @param <T> the type of the coroutine's result
 */
public final class Task<T> extends FutureCore<T> {

    /**
     * How many coroutines may be started inline one inside the other (each await of a coroutine
     * nests its body in the awaiting one's, on the Java stack) before the next one is
     * {@link #bounce bounced}. Low enough that the frames in between fit in any thread's stack,
     * high enough that a bounce (one unwinding of that many frames) is rare.
     */
    static final int MAX_INLINE_DEPTH = 64;

    private static final byte ST_NEW = 0;
    private static final byte ST_RUNNING = 1;
    private static final byte ST_WAITING = 2;
    private static final byte ST_SLEEPING = 3;
    private static final byte ST_SCHEDULED = 4;
    private static final byte ST_DONE = 5;

    // Fields are few on purpose: a task is 56 bytes with compressed oops, timer links included.
    // What only a named or cancelled task needs lives in Extras; two fields serve two purposes
    // each, in states that exclude each other (awaitingOrPrev, contextOrExtras).
    private byte state = ST_NEW;
    /** The step must start {@link #leaf}, which was {@link #bounce bounced}. */
    private boolean bounced;
    /** {@link #contextOrExtras} holds Extras: the step tests this flag, not the object's type. */
    private boolean hasExtras;
    private final int id;
    /** The frame to resume next: the root before the first step; null once done, or if the
     *  coroutine given to the task could not be claimed (it was already awaited). During a step:
     *  the frame it resumed, or the last one {@link #bounce bounced} (for task dumps, whose chain
     *  of callers from there is the running one). */
    private Coroutine<?> leaf;
    /**
     * While the task is not SLEEPING: the future the leaf awaits, or null (asyncio's
     * {@code _fut_waiter}; set while WAITING, and kept after a successful cancel until the next
     * step, since an awaited task may swallow the cancellation). While SLEEPING: the timer
     * wheel's previous node in the task's slot. A sleeping task awaits no future, and a task
     * leaves the wheel (which clears the link) before it can await one.
     */
    private Object awaitingOrPrev;
    /**
     * The context variables this task sees, a snapshot of its creator's taken when it was made
     * (asyncio's {@code copy_context()}; immutable, so taking it copies one reference); or, once
     * the task needs {@link Extras}, those, which then hold the context.
     */
    private Object contextOrExtras;

    // The rest of the timer wheel's links (a sleeping task is its own timer node): a Task extends
    // FutureCore, so it cannot inherit them from TimerNode, and FutureCore must not carry them for
    // every promise. The wheel reaches them through the accessors at the end of this class.
    private long expiryTick;
    private Schedulable wheelNext;
    private TimerWheel.Slot wheelSlot;

    /** What few tasks need. */
    private static final class Extras {
        Context context;
        String name;
        /** A cancellation to throw at the next step (asyncio's {@code _must_cancel}). */
        CancelledError mustCancel;
        int cancelsRequested;
    }

    Task(EventLoop loop, Coroutine<T> coroutine, String name) {
        super(loop);
        this.id = loop.tasks.newId();
        this.contextOrExtras = Context.current(loop);
        if (name != null) {
            extras().name = name;
        }
        this.leaf = coroutine.startAsRoot(this) ? coroutine : null;
        loop.tasks.add(this);
        loop.pushReady(this);
    }

    /** The creation number, N in the default name {@code "Task-N"}. */
    int id() {
        return id;
    }

    /** The task's name: the one given to {@code createTask}, else {@code "Task-N"}. */
    public String name() {
        Extras e = extrasOrNull();
        return e != null && e.name != null ? e.name : "Task-" + id;
    }

    /**
     * Asks the task to cancel itself; see the class comment for what happens in each state. Any
     * thread: on an idle loop it acts at once (the loop cannot start meanwhile); while the loop
     * runs on another thread, the request is sent to it (as
     * {@code callSoonThreadsafe(task::cancel)}) and the result only says the task was not done.
     *
     * @return false if the task was already done
     */
    @Override
    public boolean cancel(String message) {
        int entry = loop.enter();
        if (entry == EventLoop.ELSEWHERE) {
            loop.wake(new TimerHandle(loop, () -> cancel(message), loop.time()));
            return !isDone();
        }
        try {
            return cancelOnLoop(message);
        } finally {
            loop.leave(entry == EventLoop.TAKEN);
        }
    }

    /** {@link #cancel(String)} by the loop's owner. */
    private boolean cancelOnLoop(String message) {
        markRetrieved();
        if (state == ST_DONE) {
            return false;
        }
        Extras e = extras();
        e.cancelsRequested++;
        FutureCore<?> awaited = awaitedFuture();
        if (state == ST_WAITING && awaited != null && awaited.cancel(message)) {
            if (awaited.loop != loop && !awaited.isDone() && awaited.removeWaiter(this)) {
                // it finishes cancelling on its own loop (if that ever runs): do not wait for it
                e.mustCancel = new CancelledError(message, loop);
                state = ST_SCHEDULED;
                loop.pushReady(this);
            }
            return true; // else the future wakes us with its CancelledError
        }
        e.mustCancel = new CancelledError(message, loop);
        if (state == ST_SLEEPING && inWheel()) {
            loop.cancelTimer(this);
            state = ST_SCHEDULED;
            loop.pushReady(this);
        }
        return true;
    }

    /** How many cancellation requests are pending (Python 3.11's {@code Task.cancelling()}). */
    public int cancelling() {
        Extras e = extrasOrNull();
        return e == null ? 0 : e.cancelsRequested;
    }

    /**
     * Withdraws one cancellation request, for code that handled a cancellation it asked for (as
     * Python's {@code Task.uncancel()}); as in 3.13, withdrawing the last one also drops a
     * cancellation not yet thrown into the task.
     *
     * @return the requests still pending
     */
    public int uncancel() {
        Extras e = extrasOrNull();
        if (e == null) {
            return 0;
        }
        if (e.cancelsRequested > 0) {
            e.cancelsRequested--;
            if (e.cancelsRequested == 0) {
                e.mustCancel = null; // 3.13: no request left, nothing to throw at the next await
            }
        }
        return e.cancelsRequested;
    }

    /**
     * Calls {@code callback} with this task once it is done, on the task's loop as asyncio's
     * {@code call_soon} does (also when it is already done). An exception it throws is reported to
     * the loop's exception handler.
     */
    public void addDoneCallback(Consumer<? super Task<T>> callback) {
        addCallback(callback, loop);
    }

    @Override
    public String toString() {
        return "Task[" + name() + ", " + (state == ST_DONE ? describeState() : stateName()) + "]";
    }

    // ------------------------------------------------------------------ called by Coroutine.$await

    /** The leaf frame awaits {@code awaited}, which is not done: wait for it. */
    void suspendOn(Coroutine<?> leafFrame, FutureCore<?> awaited) {
        leaf = leafFrame;
        awaitingOrPrev = awaited;
        state = ST_WAITING;
        if (!awaited.addWaiter(this)) {
            loop.pushReady(this); // completed meanwhile, on another thread
            return;
        }
        Extras e = extrasOrNull();
        if (e != null && e.mustCancel != null && awaited.cancel(e.mustCancel.getMessage())) {
            e.mustCancel = null; // the future wakes us with its own CancelledError
        }
    }

    /** The leaf frame awaits a delay: a yield (0), or a sleep with this task as the timer node. */
    void sleep(Coroutine<?> leafFrame, Delay delay) {
        leaf = leafFrame;
        if (delay.nanos == 0 || mustCancel() != null) {
            state = ST_SCHEDULED;
            loop.pushReady(this);
        } else {
            assert awaitingOrPrev == null : "a task that sleeps awaits no future";
            state = ST_SLEEPING;
            long now = loop.time();
            long deadline = now + delay.nanos;
            loop.scheduleTimer(this, deadline < now ? Long.MAX_VALUE : deadline);
        }
    }

    // ------------------------------------------------------------------ the step

    /** One step; only the loop calls it, from its ready queue. */
    @Override
    protected void run() {
        switch (state) {
            case ST_SLEEPING -> {
                // The timer fired. asyncio wakes a sleeper through a future whose done callback
                // runs one iteration later; one more trip through the ready queue keeps that order.
                state = ST_SCHEDULED;
                loop.pushReady(this);
            }
            case ST_NEW, ST_WAITING, ST_SCHEDULED -> step();
            default -> throw new IllegalStateException("step of " + this + " while " + stateName());
        }
    }

    private void step() {
        boolean first = state == ST_NEW;
        Coroutine<?> frame = leaf;
        FutureCore<?> awaited = (FutureCore<?>) awaitingOrPrev; // never SLEEPING here
        CancelledError cancel = takeMustCancel();
        awaitingOrPrev = null;
        state = ST_RUNNING;
        EventLoop l = loop;
        l.currentTaskId = id;
        try {
            if (first) {
                if (frame == null || frame.state() == CoroutineState.CLOSED) {
                    finish(null, new IllegalStateException("cannot reuse already awaited coroutine"));
                    return;
                }
                if (cancel != null) { // cancelled before it started: the body never runs
                    frame.finish();
                    finish(null, cancel);
                    return;
                }
            } else if (cancel != null) {
                if (awaited instanceof Waiter<?> w) {
                    w.abandoned(); // woken, but the frame gets the cancellation instead
                }
                frame.deliverFailure(cancel);
            } else if (awaited != null) {
                boolean done = awaited.deliverTo(frame);
                assert done : "woken by " + awaited + " while it is pending";
            }
            frame.markRunning();
            drive(frame);
        } catch (Throwable escaped) {
            // not a body's failure (drive catches those): the machinery itself failed, in a JVM
            // out of memory or with its stack-trace code broken; end the task, never wedge it
            if (state != ST_DONE) {
                finish(null, escaped);
            }
        } finally {
            bounced = false;
            l.asyncTrace.endStep();
            l.currentTaskId = 0;
        }
    }

    /**
     * {@code child}, started inline {@link #MAX_INLINE_DEPTH} deep, is not run on this Java stack:
     * every frame between it and the step returns {@code $SUSPENDED} (its {@code $await} said
     * so), and {@link #drive} starts it on an empty stack. Nothing else runs meanwhile.
     */
    void bounce(Coroutine<?> child) {
        leaf = child;
        bounced = true;
    }

    /** Resumes {@code frame}, then its callers as each finishes, until one suspends or the root ends. */
    private void drive(Coroutine<?> frame) {
        for (;;) {
            Object value;
            Throwable failure = null;
            frame.inlineDepth = 0; // on the step's own stack, whatever started it before
            if (frame.passesFailure()) { // what $resume would throw at once: no need to throw it
                value = null;
                failure = Coroutine.crossed(frame, frame.takeFailure(), this);
            } else {
                try {
                    value = frame.$resume();
                } catch (Throwable t) {
                    value = null;
                    failure = Coroutine.crossed(frame, t, this);
                }
            }
            if (value == Coroutine.$SUSPENDED && failure == null) {
                if (state != ST_RUNNING) {
                    frame.markSuspended();
                    return;
                }
                if (bounced) {
                    bounced = false;
                    frame.markSuspended();
                    frame = leaf;
                    continue;
                }
                failure = new IllegalStateException(
                        "coroutine '" + frame.name() + "' suspended without awaiting anything");
                value = null;
            }
            if (frame.caller == null) {
                frame.finish();
                finish(value, failure);
                return;
            }
            Coroutine<?> caller = frame.returnToCaller(value, failure);
            caller.markRunning();
            frame = caller;
        }
    }

    /** The root frame ended (or never ran): complete the task. */
    private void finish(Object value, Throwable failure) {
        state = ST_DONE;
        leaf = null;
        awaitingOrPrev = null; // RUNNING: not in the wheel
        loop.tasks.remove(this);
        loop.asyncTrace.flush(); // before anyone, on any thread, can read the failure
        CancelledError pending = takeMustCancel();
        if (failure == null) {
            if (pending != null) { // cancelled right before the body returned
                tryCancel(pending);
            } else {
                trySucceed(value);
            }
        } else if (failure instanceof CancelledError cancelled) {
            tryCancel(cancelled);
        } else {
            tryFail(failure);
            loop.tasks.failed(this);
        }
    }

    /**
     * The loop closed while this task was unfinished: it can never finish, so it fails (without
     * a report: the loop's owner closed it). Its frames stay as they are, suspended.
     */
    void loopClosed() {
        if (state == ST_DONE) {
            return;
        }
        if (inWheel()) {
            loop.cancelTimer(this); // out of the wheel before its link is cleared
        }
        state = ST_DONE;
        leaf = null;
        awaitingOrPrev = null;
        loop.tasks.remove(this);
        IllegalStateException closed = new IllegalStateException(
                "event loop is closed: task '" + name() + "' can never finish");
        tryFail(closed);
    }

    /** The context variables this task sees. */
    Context context() {
        return hasExtras ? ((Extras) contextOrExtras).context : (Context) contextOrExtras;
    }

    /** Replaces the task's context ({@link ContextVar#set} in the task, or a group's submission). */
    void setContext(Context context) {
        if (hasExtras) {
            ((Extras) contextOrExtras).context = context;
        } else {
            contextOrExtras = context;
        }
    }

    private Extras extrasOrNull() {
        return hasExtras ? (Extras) contextOrExtras : null;
    }

    private Extras extras() {
        if (hasExtras) {
            return (Extras) contextOrExtras;
        }
        Extras e = new Extras();
        e.context = (Context) contextOrExtras;
        contextOrExtras = e;
        hasExtras = true;
        return e;
    }

    private CancelledError mustCancel() {
        Extras e = extrasOrNull();
        return e == null ? null : e.mustCancel;
    }

    private CancelledError takeMustCancel() {
        Extras e = extrasOrNull();
        if (e == null) {
            return null;
        }
        CancelledError c = e.mustCancel;
        e.mustCancel = null;
        return c;
    }

    /** The innermost frame of the chain this task drives (for task dumps), or null. */
    Coroutine<?> leafFrame() {
        return leaf;
    }

    /** The future the task is suspended on (for task dumps), or null. */
    FutureCore<?> awaitedFuture() {
        return state == ST_SLEEPING ? null : (FutureCore<?>) awaitingOrPrev;
    }

    // ------------------------------------------------------------------ timer-wheel links

    @Override
    protected TimerWheel.Slot wheelSlot() {
        return wheelSlot;
    }

    @Override
    protected void setWheelSlot(TimerWheel.Slot slot) {
        wheelSlot = slot;
    }

    @Override
    protected Schedulable wheelPrev() {
        return (Schedulable) awaitingOrPrev; // the wheel asks only while the task is in it
    }

    @Override
    protected void setWheelPrev(Schedulable prev) {
        awaitingOrPrev = prev;
    }

    @Override
    protected Schedulable wheelNext() {
        return wheelNext;
    }

    @Override
    protected void setWheelNext(Schedulable next) {
        wheelNext = next;
    }

    @Override
    protected long expiryTick() {
        return expiryTick;
    }

    @Override
    protected void setExpiryTick(long tick) {
        expiryTick = tick;
    }

    String stateName() {
        return switch (state) {
            case ST_NEW -> "pending, not started";
            case ST_RUNNING -> "running";
            case ST_WAITING -> "waiting for " + awaitingOrPrev;
            case ST_SLEEPING -> "sleeping";
            case ST_SCHEDULED -> "scheduled";
            default -> "done";
        };
    }
}
