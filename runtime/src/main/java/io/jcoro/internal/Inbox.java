package io.jcoro.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The event loop's inbox for other threads (multi-producer, single consumer), and the park/unpark
 * handshake that lets a producer wake the loop thread.
 *
 * <p>A {@link ConcurrentLinkedQueue} for now: one queue node is allocated per submission, which
 * only cross-thread submissions pay. An allocation-free MPSC ring can replace it behind
 * {@link #add} and {@link #drainTo}.
 *
 * <p>The loop looks at the inbox once per iteration, so the empty case must cost next to
 * nothing: a producer raises {@code pending} after each enqueue, and the consumer touches the
 * queue only when it can swap {@code pending} from true to false.
 *
 * <p><b>Invariant (nothing left behind).</b> While a node is in the queue, {@code pending} is
 * true or the consumer is about to poll it. A producer writes {@code pending = true} after its
 * enqueue; the consumer clears it with an atomic swap before it polls, and the swap reads the
 * last producer's write, so every node enqueued before that write is visible to the polls that
 * follow; a node enqueued later is followed by a later write. A drain cut short by its cap
 * raises the flag again.
 *
 * <p><b>Invariant (no lost wake-up).</b> The consumer sets {@code parked}, then re-checks
 * {@code pending} before parking; a producer raises {@code pending}, then reads {@code parked}
 * and unparks the owner if set. All are volatile accesses, so either the producer sees
 * {@code parked} and unparks (a permit given before {@code park} is kept), or the consumer sees
 * {@code pending} and does not park. A loop with I/O blocks in its selector instead
 * ({@link #select}): the same handshake holds, the producer calling {@link Selector#wakeup()},
 * which a select that has not begun yet keeps as well. The selector is written before
 * {@code parked}, so a producer that sees {@code parked} also sees the selector the consumer
 * blocks in, even after a rebuild.
 */
public final class Inbox {
    private static final VarHandle PENDING;
    private static final VarHandle OWNER;

    static {
        try {
            PENDING = MethodHandles.lookup().findVarHandle(Inbox.class, "pending", boolean.class);
            OWNER = MethodHandles.lookup().findVarHandle(Inbox.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ConcurrentLinkedQueue<Schedulable> queue = new ConcurrentLinkedQueue<>();
    /** The consuming (loop) thread while it runs, or a thread that took the idle loop for a
     *  moment (see {@code EventLoop}); null otherwise. */
    private volatile Thread owner;
    private volatile boolean parked;
    /** The selector the owner blocks in instead of parking, once the loop has one. */
    private volatile Selector selector;
    /** The queue may hold nodes the consumer has not polled (see the class comment). */
    private volatile boolean pending;

    /** The thread consuming this inbox, or null when none is. */
    public Thread owner() {
        return owner;
    }

    /**
     * Whether {@code thread}, the calling thread, owns the inbox. A plain read, not a volatile
     * one, and still exact: only a thread makes itself the owner ({@link #claim}), and a thread
     * always reads its own last write of the field or a later one, so it never sees itself as the
     * owner wrongly, nor fails to. Plain, because the loop asks on every wake-up and every
     * {@code new Promise()}, and a volatile read there is a barrier to the JIT.
     */
    public boolean isOwner(Thread thread) {
        return (Thread) OWNER.get(this) == thread;
    }

    /** Makes {@code thread} the owner if there is none; false if another thread owns the inbox. */
    public boolean claim(Thread thread) {
        return OWNER.compareAndSet(this, (Thread) null, thread);
    }

    /** The owner gives the inbox up; its writes happen-before the next owner's claim. */
    public void release() {
        owner = null;
    }

    /** Any thread: enqueues {@code node} and unparks the owner if it is parked. */
    public void add(Schedulable node) {
        queue.add(node);
        pending = true;
        if (parked) {
            Selector s = selector;
            Thread t = owner;
            if (s != null) {
                s.wakeup();
            } else if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Owner only: from now on the owner waits in {@code s} (null: parks again). */
    public void useSelector(Selector s) {
        selector = s;
    }

    /**
     * Owner only: {@link #park}'s twin for a loop with I/O: selects on {@code s} (the selector
     * given to {@link #useSelector}) until a key is ready, {@code timeoutMillis} pass (0: no
     * timeout) or a wake-up; does not block if the inbox is not empty.
     *
     * @return the number of keys handed to {@code action}
     */
    public int select(Selector s, Consumer<SelectionKey> action, long timeoutMillis) throws IOException {
        parked = true;
        try {
            return pending ? s.selectNow(action) : s.select(action, timeoutMillis);
        } finally {
            parked = false;
        }
    }

    /** Owner only: moves up to {@code max} nodes to {@code ready}, oldest first. */
    public int drainTo(ReadyQueue ready, int max) {
        if (!pending || !(boolean) PENDING.getAndSet(this, false)) {
            return 0; // one volatile read: the usual case
        }
        int moved = 0;
        for (Schedulable node; moved < max && (node = queue.poll()) != null; moved++) {
            ready.push(node);
        }
        if (moved == max) {
            pending = true; // cut short by the cap: the rest goes at the next drain
        }
        return moved;
    }

    /** Whether no submission is waiting; any thread. */
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /**
     * Owner only: parks until a node arrives, {@code timeoutNanos} pass ({@code <= 0}: no
     * timeout), an unpark, or a spurious wake-up. Returns at once if the inbox is not empty.
     *
     * @param blocker the object the thread parks on, for thread dumps
     * @return whether the thread was interrupted (the interrupt status is cleared, so that a
     *         parked loop does not spin; the caller restores it)
     */
    public boolean park(Object blocker, long timeoutNanos) {
        parked = true;
        try {
            if (pending) {
                return false;
            }
            if (timeoutNanos <= 0) {
                LockSupport.park(blocker);
            } else {
                LockSupport.parkNanos(blocker, timeoutNanos);
            }
            return Thread.interrupted();
        } finally {
            parked = false;
        }
    }

    /** Drops every node. */
    public void clear() {
        queue.clear();
    }
}
