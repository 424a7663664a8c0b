package io.jcoro.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.WritableByteChannel;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The loop side of I/O: one {@link Selector} per event loop, opened when the first channel is
 * registered, so that a loop without I/O has none and its run cycle does not change. This is the
 * whole interface {@code io.jcoro.net} needs from the loop: {@link #register}, then
 * {@link IoRegistration#interestOps} and {@link IoRegistration#cancel}.
 *
 * <p>How it sits in the loop's run cycle:
 * <ul>
 * <li>{@link #poll()}, before the ready batch runs: a non-blocking select, unless the park that
 *     ended the previous iteration just selected. Each selected channel's {@link IoRegistration}
 *     is pushed on the ready queue, so I/O handlers run in the same batch as the callbacks, in
 *     FIFO order with them, and at most {@link #IO_BATCH} of them per select (a channel still queued
 *     from an earlier select is not counted again): a flood of ready
 *     channels cannot starve the callbacks, and ready callbacks cannot starve I/O (the selector is
 *     polled every iteration).
 * <li>{@link #park(long)}, when nothing is ready: a select bounded by the next timer, in place of
 *     {@code LockSupport.park}; other threads wake it through the {@link Inbox}, which calls
 *     {@link Selector#wakeup()} only when the loop is parked (see its no-lost-wake-up invariant).
 * <li>{@link #close()}, when the loop closes: every registered channel is closed.
 * </ul>
 *
 * <p><b>Spinning selectors.</b> Some platforms' selectors return at once, again and again, with
 * nothing selected (the epoll bug Netty works around). A select that returns early (before half
 * its timeout, or at all when it has none), with no key, no submission in the inbox and no
 * interrupt, counts as a spin; after {@link #SPIN_THRESHOLD} in
 * a row the selector is rebuilt: a new one is opened, every registration moves to it with its
 * interest set, and the old one is closed. The early return is measured on the system clock even
 * for a loop on virtual time, whose select waits in real time.
 *
 * <p>Not thread-safe; loop thread only, except what {@link Inbox} does with the selector.
 */
public final class IoSelector {
    /** At most this many ready channels are queued per select; the rest stay ready (level
     *  triggered) and come back at the next one. */
    static final int IO_BATCH = 1024;
    static final int IO_BUFFER_SIZE = 64 * 1024;
    /** Netty's default {@code io.netty.selectorAutoRebuildThreshold}. */
    static final int SPIN_THRESHOLD = 512;

    /** How the running loop's selector is found; installed by the event loop's class. */
    private static volatile Supplier<IoSelector> currentLoop;

    private final Inbox inbox;
    private final ReadyQueue ready;
    private final Clock clock;
    private final BiConsumer<String, Throwable> reporter;
    private final int spinThreshold;
    private final int ioBatch;
    private final Consumer<SelectionKey> onSelected = this::selected;
    private Selector selector;
    /** The buffer every socket read and plaintext write of this loop goes through; made on first use. */
    private ByteBuffer ioBuffer;
    /** The park that ended the last iteration selected: the next {@link #poll()} need not. */
    private boolean justSelected;
    private int queuedThisSelect;
    private int spins;
    private int rebuilds;

    /**
     * @param reporter where failures of I/O code go (the loop's exception handler)
     */
    public IoSelector(Inbox inbox, ReadyQueue ready, BiConsumer<String, Throwable> reporter) {
        this(inbox, ready, reporter, SystemClock.INSTANCE, SPIN_THRESHOLD, IO_BATCH);
    }

    IoSelector(Inbox inbox, ReadyQueue ready, BiConsumer<String, Throwable> reporter, Clock clock,
            int spinThreshold, int ioBatch) {
        this.inbox = inbox;
        this.ready = ready;
        this.reporter = reporter;
        this.clock = clock;
        this.spinThreshold = spinThreshold;
        this.ioBatch = ioBatch;
    }

    /** The loop's debug mode: {@link #checkThread} checks only then. */
    private boolean debug;

    /** Follows the loop's debug mode ({@code EventLoop.setDebug}). */
    public void setDebug(boolean enabled) {
        debug = enabled;
    }

    /**
     * In debug mode, fails the use of {@code what} (an object of this loop: a connection, a
     * server, an endpoint) from a thread that does not run the loop, as asyncio's debug mode
     * refuses non-thread-safe calls from another thread. Outside debug mode: one field read.
     *
     * @throws IllegalStateException naming the object, the loop's thread and this one
     */
    public void checkThread(Object what) {
        if (debug) {
            Thread owner = inbox.owner();
            Thread here = Thread.currentThread();
            if (owner != here) {
                throw new IllegalStateException(what + " belongs to the event loop of thread '"
                        + (owner == null ? "(none running)" : owner.getName()) + "' and was used from thread '"
                        + here.getName() + "': hand the work to its loop (callSoonThreadsafe, EventLoopGroup.submit)");
            }
        }
    }

    /** Called once by the event loop's class: how to find the running loop's selector. */
    public static void install(Supplier<IoSelector> lookup) {
        currentLoop = lookup;
    }

    /**
     * The selector of the loop running on this thread.
     *
     * @throws IllegalStateException "no running event loop" if none is
     */
    public static IoSelector current() {
        Supplier<IoSelector> lookup = currentLoop;
        IoSelector io = lookup != null ? lookup.get() : null;
        if (io == null) {
            throw new IllegalStateException("no running event loop");
        }
        return io;
    }

    /**
     * Registers {@code channel} (made non-blocking) for {@code ops}; {@code handler} runs on the
     * loop thread whenever it is ready. Opens the selector on first use.
     *
     * @throws ClosedChannelException if the channel is closed
     * @throws IOException            if no selector can be opened
     */
    public IoRegistration register(SelectableChannel channel, int ops, IoHandler handler) throws IOException {
        Selector s = selector;
        if (s == null) {
            selector = s = Selector.open();
            inbox.useSelector(s);
        }
        channel.configureBlocking(false);
        IoRegistration registration = new IoRegistration(channel, handler);
        registration.key = channel.register(s, ops, registration);
        return registration;
    }

    /**
     * The loop's one I/O buffer (64 KiB, direct: the socket reads into it, and {@link #write}
     * writes through it, without the JDK's own copy through its per-thread temporary direct
     * buffer). A reader copies out what it needs before the next read on this loop; the handler
     * that reads owns it until it returns.
     */
    public ByteBuffer ioBuffer() {
        ByteBuffer b = ioBuffer;
        if (b == null) {
            ioBuffer = b = ByteBuffer.allocateDirect(IO_BUFFER_SIZE);
        }
        return b;
    }

    /**
     * Writes what the socket takes now of {@code src} (advancing it): a direct buffer as it is, a
     * heap buffer copied through {@link #ioBuffer()} a buffer-full at a time, the one copy the
     * JDK would make itself, without its thread-local lookup. Stops when the socket takes less
     * than it was given.
     */
    public int write(WritableByteChannel channel, ByteBuffer src) throws IOException {
        if (src.isDirect()) {
            return channel.write(src);
        }
        ByteBuffer b = ioBuffer();
        int total = 0;
        while (src.hasRemaining()) {
            int n = Math.min(src.remaining(), b.capacity());
            b.clear().put(0, src, src.position(), n).limit(n);
            int written = channel.write(b);
            src.position(src.position() + written);
            total += written;
            if (written < n) {
                break;
            }
        }
        return total;
    }

    /** Reports a failure of I/O code to the loop's exception handler. */
    public void report(String message, Throwable error) {
        reporter.accept(message, error);
    }

    /** Run-cycle hook: queues the channels that are ready now, without blocking. */
    public void poll() {
        Selector s = selector;
        if (justSelected || s == null) {
            justSelected = false;
            return;
        }
        queuedThisSelect = 0;
        try {
            s.selectNow(onSelected);
        } catch (IOException e) {
            recover(e);
        }
    }

    /**
     * Park hook: waits until a channel is ready, {@code timeoutNanos} pass ({@code <= 0}: no
     * timeout), another thread submits work, or an interrupt.
     *
     * @return whether the thread was interrupted (the status is cleared, as {@link Inbox#park}
     *         does, so that the loop does not spin; the caller restores it)
     */
    public boolean park(long timeoutNanos) {
        Selector s = selector;
        if (s == null) {
            return inbox.park(this, timeoutNanos); // nothing registered yet
        }
        queuedThisSelect = 0;
        justSelected = true;
        long start = clock.nanoTime();
        int selected;
        try {
            selected = inbox.select(s, onSelected, toMillis(timeoutNanos));
        } catch (IOException e) {
            recover(e);
            return Thread.interrupted();
        }
        boolean interrupted = Thread.interrupted();
        boolean early = timeoutNanos <= 0 || clock.nanoTime() - start < timeoutNanos / 2;
        if (selected == 0 && early && !interrupted && inbox.isEmpty()) {
            if (++spins >= spinThreshold) {
                rebuild();
            }
        } else {
            spins = 0;
        }
        return interrupted;
    }

    /** The current selector (null before the first registration); for tests. */
    Selector selector() {
        return selector;
    }

    /**
     * How many channels are registered: the live registrations, plus cancelled ones until the
     * next select drops them (the loop selects on every iteration). What a leak check counts: a
     * channel closed without its registration cancelled, or a registration never cancelled,
     * stays here. Loop thread only.
     */
    public int registeredChannels() {
        Selector s = selector;
        return s == null ? 0 : s.keys().size();
    }

    /** How many times the selector was rebuilt. */
    public int rebuilds() {
        return rebuilds;
    }

    /** Close hook: closes every registered channel, then the selector. */
    public void close() {
        Selector s = selector;
        if (s == null) {
            return;
        }
        inbox.useSelector(null);
        selector = null;
        for (SelectionKey key : s.keys()) {
            try {
                ((IoRegistration) key.attachment()).close();
            } catch (IOException ignored) {
                // the loop is closing: nothing to do about it
            }
        }
        closeQuietly(s);
    }

    private void selected(SelectionKey key) {
        if (queuedThisSelect < ioBatch
                && ((IoRegistration) key.attachment()).selected(key.readyOps(), ready)) {
            queuedThisSelect++;
        }
    }

    /** A select failed (a broken selector): report it and continue on a fresh one. */
    private void recover(IOException e) {
        report("Selector failed; rebuilding it", e);
        rebuild();
    }

    /** Moves every registration to a new selector and closes the old one (see the class comment). */
    void rebuild() {
        Selector old = selector;
        Selector fresh;
        try {
            fresh = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rebuild the selector", e);
        }
        for (SelectionKey key : old.keys()) {
            if (!key.isValid()) {
                continue;
            }
            IoRegistration registration = (IoRegistration) key.attachment();
            int ops = key.interestOps();
            key.cancel();
            try {
                registration.key = key.channel().register(fresh, ops, registration);
            } catch (ClosedChannelException closed) {
                // closed meanwhile: nothing to move
            }
        }
        selector = fresh;
        inbox.useSelector(fresh);
        closeQuietly(old);
        spins = 0;
        rebuilds++;
    }

    /** Select's milliseconds from loop nanoseconds: rounded up, never 0 (which means "forever"). */
    private static long toMillis(long timeoutNanos) {
        return timeoutNanos <= 0 ? 0 : Math.max(1, (timeoutNanos + 999_999) / 1_000_000);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing: nothing to do about it
        }
    }
}
