package io.jcoro;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A FIFO, LIFO or priority queue for tasks of one loop: asyncio's {@code Queue},
 * {@code LifoQueue} and {@code PriorityQueue}, with Python 3.13's {@link #shutdown}.
 *
 * <pre>{@code
 * AsyncQueue<String> q = new AsyncQueue<>(2);                  // bounded: put waits when full
 * // producer:                          // consumer:
 * await(q.put("job-1"));                String job = await(q.get());
 * await(q.join());                      ...; q.taskDone();
 * }</pre>
 *
 * <pre>
 *  state      how it got there          put / putNowait              get / getNowait
 *  OPEN       new                       waits / QueueFull if full    waits / QueueEmpty if empty
 *  SHUT DOWN  shutdown()                QueueShutDown                items left, then QueueShutDown
 *             shutdown(true)            QueueShutDown                QueueShutDown (items dropped)
 * </pre>
 *
 * <p>Waiting getters and putters are served in FIFO order, and nobody can overtake a woken task.
 * A put that finds a getter waiting hands it the item (so {@link #size()} stays 0 until the getter
 * runs; in asyncio the item sits in the queue meanwhile, where another task's {@code getNowait}
 * could take it first). A get that frees a slot reserves it for the first waiting putter, whose
 * item goes in when that putter runs, as in asyncio (where, unlike here, a third task's
 * {@code putNowait} could take the slot meanwhile). A getter cancelled after being woken gives its
 * item back (to the next getter, else to the front of the queue); a putter cancelled after being
 * woken gives its slot to the next putter, as asyncio's {@code _wakeup_next} does.
 *
 * <p>The items may be null except in a priority queue. Loop thread only. Awaitables from
 * {@link #get()}, {@link #put} and {@link #join()} act when called: await them at once.
 *
 * @param <T> the type of the items
 */
public class AsyncQueue<T> {
    private static final Object NULL = new Object();

    private final int maxsize;
    /** FIFO: addLast/pollFirst; LIFO: addLast/pollLast; or a PriorityQueue. */
    private final ArrayDeque<Object> deque;
    private final PriorityQueue<Object> heap;
    private final boolean lifo;
    private final ArrayDeque<Getter> getters = new ArrayDeque<>();
    private final ArrayDeque<Putter> putters = new ArrayDeque<>();
    private final ArrayDeque<Joiner> joiners = new ArrayDeque<>();
    private int unfinished;
    /** Slots handed to woken putters whose item goes in when they run (asyncio's order). */
    private int reserved;
    private boolean shutdown;

    /** An unbounded FIFO queue. */
    public AsyncQueue() {
        this(0);
    }

    /** A FIFO queue holding at most {@code maxsize} items ({@code <= 0}: unbounded). */
    public AsyncQueue(int maxsize) {
        this(maxsize, false, null);
    }

    @SuppressWarnings("unchecked")
    private AsyncQueue(int maxsize, boolean lifo, Comparator<? super T> order) {
        this.maxsize = maxsize;
        this.lifo = lifo;
        this.deque = order == null ? new ArrayDeque<>() : null;
        this.heap = order == null ? null : new PriorityQueue<>((Comparator<Object>) order);
    }

    /** asyncio's {@code LifoQueue}: the last item put is got first ({@code maxsize <= 0}: unbounded). */
    public static <T> AsyncQueue<T> lifo(int maxsize) {
        return new AsyncQueue<>(maxsize, true, null);
    }

    /**
     * asyncio's {@code PriorityQueue}: the least item by {@code order} is got first; equal items
     * in no particular order.
     */
    public static <T> AsyncQueue<T> priority(int maxsize, Comparator<? super T> order) {
        return new AsyncQueue<>(maxsize, false, Objects.requireNonNull(order, "order"));
    }

    /** The number of items queued. */
    public int size() {
        return deque != null ? deque.size() : heap.size();
    }

    /** Whether no item is queued. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /** Whether a put would wait: a bound is set and reached. */
    public boolean isFull() {
        return maxsize > 0 && size() + reserved >= maxsize;
    }

    /** The bound, or 0 for none. */
    public int maxsize() {
        return Math.max(0, maxsize);
    }

    /** Whether {@link #shutdown} was called. */
    public boolean isShutDown() {
        return shutdown;
    }

    /**
     * Puts {@code item}, waiting while the queue is full.
     *
     * @return an awaitable that fails with {@link QueueShutDown} if the queue is or gets shut down
     */
    public Awaitable<Void> put(T item) {
        if (shutdown) {
            return Promise.failed(new QueueShutDown("put on a shut-down queue"));
        }
        if (!isFull()) {
            putNowait(item);
            return Completed.VOID;
        }
        Putter p = new Putter(wrap(item));
        putters.add(p);
        return p;
    }

    /**
     * Puts {@code item} without waiting.
     *
     * @throws QueueFull     if the queue is full
     * @throws QueueShutDown if it was shut down
     */
    public void putNowait(T item) {
        if (shutdown) {
            throw new QueueShutDown("put on a shut-down queue");
        }
        if (isFull()) {
            throw new QueueFull("queue is full (maxsize " + maxsize + ")");
        }
        unfinished++;
        deliver(wrap(item));
    }

    /** Removes and returns an item, waiting while the queue is empty. */
    public Awaitable<T> get() {
        if (!isEmpty()) {
            return new Completed<>(getNowait());
        }
        if (shutdown) {
            return Promise.failed(new QueueShutDown("get on a shut-down, empty queue"));
        }
        Getter g = new Getter();
        getters.add(g);
        return g;
    }

    /**
     * Removes and returns an item without waiting.
     *
     * @throws QueueEmpty    if the queue is empty
     * @throws QueueShutDown if it is empty and shut down
     */
    @SuppressWarnings("unchecked")
    public T getNowait() {
        if (isEmpty()) {
            if (shutdown) {
                throw new QueueShutDown("get on a shut-down, empty queue");
            }
            throw new QueueEmpty("queue is empty");
        }
        Object item = deque != null ? (lifo ? deque.pollLast() : deque.pollFirst()) : heap.poll();
        wakeNextPutter();
        return (T) unwrap(item);
    }

    /**
     * Marks one item got earlier as processed; when every item put has been processed,
     * {@link #join()} completes.
     *
     * @throws IllegalStateException if called more times than items were put (asyncio's ValueError)
     */
    public void taskDone() {
        if (unfinished <= 0) {
            throw new IllegalStateException("taskDone() called too many times");
        }
        if (--unfinished == 0) {
            releaseJoiners();
        }
    }

    /** An awaitable that completes once every item put has been marked done by {@link #taskDone()}. */
    public Awaitable<Void> join() {
        if (unfinished == 0) {
            return Completed.VOID;
        }
        Joiner j = new Joiner();
        joiners.add(j);
        return j;
    }

    /** {@link #shutdown(boolean) shutdown(false)}: items already queued can still be got. */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down (Python 3.13): puts fail with {@link QueueShutDown}, and so do gets once
     * the queue is empty; every waiting putter and getter is woken with {@link QueueShutDown}.
     * With {@code immediate}, the queued items are dropped (each counting as done for
     * {@link #join()}), so gets fail at once.
     */
    public void shutdown(boolean immediate) {
        shutdown = true;
        if (immediate) {
            while (!isEmpty()) {
                if (deque != null) {
                    deque.pollFirst();
                } else {
                    heap.poll();
                }
                if (unfinished > 0) {
                    unfinished--;
                }
            }
            if (unfinished == 0) {
                releaseJoiners();
            }
        }
        for (Getter g; (g = getters.poll()) != null; ) {
            g.wakeWithFailure(new QueueShutDown("queue shut down"));
        }
        for (Putter p; (p = putters.poll()) != null; ) {
            p.wakeWithFailure(new QueueShutDown("queue shut down"));
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[size=" + size() + (maxsize > 0 ? "/" + maxsize : "")
                + (getters.isEmpty() ? "" : ", getters=" + getters.size())
                + (putters.isEmpty() ? "" : ", putters=" + putters.size())
                + (unfinished == 0 ? "" : ", unfinished=" + unfinished) + (shutdown ? ", shut down" : "") + "]";
    }

    /** An item arrives: to the first waiting getter, else into the queue. */
    private void deliver(Object item) {
        Getter g = getters.poll();
        if (g != null) {
            g.wake(cast(item));
        } else if (deque != null) {
            deque.addLast(item);
        } else {
            heap.add(item);
        }
    }

    /** A slot is free: reserve it for the first waiting putter, whose item goes in when it runs. */
    private void wakeNextPutter() {
        if (isFull()) {
            return;
        }
        Putter p = putters.poll();
        if (p != null) {
            reserved++;
            p.fire();
        }
    }

    private void releaseJoiners() {
        for (Joiner j; (j = joiners.poll()) != null; ) {
            j.wake(null);
        }
    }

    @SuppressWarnings("unchecked")
    private T cast(Object wrapped) {
        return (T) unwrap(wrapped);
    }

    private static Object wrap(Object item) {
        return item == null ? NULL : item;
    }

    private static Object unwrap(Object item) {
        return item == NULL ? null : item;
    }

    /** A task waiting in {@link #get()}. */
    private final class Getter extends Waiter<T> {
        @Override
        protected void onCancelled() {
            getters.remove(this);
        }

        /** Woken with an item it will not take: it goes to the next getter, else back in front. */
        @Override
        protected void onAbandoned() {
            Object item = wrap(result());
            Getter next = getters.poll();
            if (next != null) {
                next.wake(cast(item));
            } else if (deque != null) {
                if (lifo) {
                    deque.addLast(item);
                } else {
                    deque.addFirst(item);
                }
            } else {
                heap.add(item);
            }
        }
    }

    /** A task waiting in {@link #put}, holding its item. */
    private final class Putter extends Waiter<Void> {
        final Object item;

        Putter(Object item) {
            this.item = item;
        }

        void fire() {
            wake(null);
        }

        @Override
        protected void onCancelled() {
            putters.remove(this);
        }

        /** The woken putter runs: its item goes into the reserved slot (or to a waiting getter). */
        @Override
        protected void onDelivered() {
            reserved--;
            unfinished++;
            deliver(item);
        }

        /** Woken, then cancelled before it ran: the reserved slot goes to the next putter. */
        @Override
        protected void onAbandoned() {
            reserved--;
            wakeNextPutter();
        }
    }

    /** A task waiting in {@link #join()}. */
    private final class Joiner extends Waiter<Void> {
        @Override
        protected void onCancelled() {
            joiners.remove(this);
        }
    }
}
