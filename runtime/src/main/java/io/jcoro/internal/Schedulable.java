package io.jcoro.internal;

/**
 * Something the event loop runs: a task step or a callback. The same object is the node of the
 * loop's ready queue and, for the kinds that can wait for a time, of its timer wheel, so that
 * scheduling it, sleeping it and cancelling its timer allocate nothing.
 *
 * <p>The timer wheel reaches its links (20 bytes: the expiry tick, two neighbours, the slot)
 * through the {@code protected} accessors below, not through fields of this class: only the nodes
 * that can be scheduled on a wheel store them ({@link TimerNode}, and {@code Task}, which cannot
 * extend it), so that a promise, a waiter or a done callback, which are never on a wheel, carry
 * none. The defaults here are those of a node that is never scheduled: its slot is null, and the
 * wheel refuses it.
 *
 * <p>Invariant: a node is in at most one place at a time, the ready queue or one slot of the
 * timer wheel; {@link #inWheel()} says which. Loop thread only.
 */
public abstract class Schedulable {

    /** Runs this node on the loop thread. Exceptions are reported by the loop, which goes on. */
    protected abstract void run();

    /** Whether this node is scheduled in a timer wheel. */
    public final boolean inWheel() {
        return wheelSlot() != null;
    }

    // ---- timer-wheel links; TimerWheel alone calls these

    /** The slot list holding this node, or null when it is not in a wheel. */
    protected TimerWheel.Slot wheelSlot() {
        return null;
    }

    protected void setWheelSlot(TimerWheel.Slot slot) {
        throw new UnsupportedOperationException(this + " cannot be scheduled on a timer wheel");
    }

    /** The neighbours in the FIFO list of the slot. */
    protected Schedulable wheelPrev() {
        return null;
    }

    protected void setWheelPrev(Schedulable prev) {
        throw new UnsupportedOperationException(this + " cannot be scheduled on a timer wheel");
    }

    protected Schedulable wheelNext() {
        return null;
    }

    protected void setWheelNext(Schedulable next) {
        throw new UnsupportedOperationException(this + " cannot be scheduled on a timer wheel");
    }

    /** The wheel tick at which the node fires (see {@link TimerWheel}). */
    protected long expiryTick() {
        return 0;
    }

    protected void setExpiryTick(long tick) {
        throw new UnsupportedOperationException(this + " cannot be scheduled on a timer wheel");
    }
}
