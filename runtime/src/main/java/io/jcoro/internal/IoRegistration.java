package io.jcoro.internal;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;

/**
 * One channel registered with its loop's {@link IoSelector}: the interest set and the handler to
 * run when the channel is ready. It is also the ready-queue node the selector pushes, so that a
 * readiness event allocates nothing and runs in the same batch as the loop's other callbacks.
 *
 * <p>It outlives a selector rebuild (the {@link SelectionKey} behind it is replaced), which is why
 * I/O code holds this and not the key. Loop thread only.
 *
 * <pre>
 *  state       how it got there              ready events
 *  REGISTERED  IoSelector.register           handler runs once per batch in which it was selected
 *  QUEUED      selected; in the ready queue  further selections only add to readyOps
 *  CANCELLED   cancel(), or the loop closed  none; a queued run is skipped
 * </pre>
 */
public final class IoRegistration extends Schedulable {
    private final SelectableChannel channel;
    private final IoHandler handler;
    /** The key in the current selector; replaced by a rebuild. */
    SelectionKey key;
    /** The operations selected since the handler last ran. */
    private int readyOps;
    private boolean queued;
    private boolean cancelled;

    IoRegistration(SelectableChannel channel, IoHandler handler) {
        this.channel = channel;
        this.handler = handler;
    }

    /** The operations the selector watches for. */
    public int interestOps() {
        return cancelled ? 0 : key.interestOps();
    }

    /** Watches for {@code ops} from now on (0: nothing, the channel stays registered). */
    public void interestOps(int ops) {
        if (!cancelled && key.isValid() && key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** Adds {@code op} to the interest set. */
    public void addInterest(int op) {
        interestOps(interestOps() | op);
    }

    /** Removes {@code op} from the interest set. */
    public void removeInterest(int op) {
        interestOps(interestOps() & ~op);
    }

    /**
     * Deregisters the channel: its handler never runs again, not even for an event already
     * queued. Closing the channel stays the caller's job.
     */
    public void cancel() {
        cancelled = true;
        key.cancel();
    }

    /** {@link #cancel()}, then closes the channel. */
    public void close() throws IOException {
        cancel();
        channel.close();
    }

    /** Whether {@link #cancel()} was called or the loop closed. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** The selector found the channel ready: queue this node once per batch. */
    boolean selected(int ops, ReadyQueue ready) {
        readyOps |= ops;
        if (queued) {
            return false;
        }
        queued = true;
        ready.push(this);
        return true;
    }

    @Override
    protected void run() {
        queued = false;
        int ops = readyOps;
        readyOps = 0;
        if (!cancelled) {
            handler.ready(ops);
        }
    }

    @Override
    public String toString() {
        return "IoRegistration[" + channel + "]";
    }
}
