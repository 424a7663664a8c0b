package io.jcoro.internal;

/**
 * Something the event loop runs: a task step or a callback. The same object is the node of the
 * loop's ready queue and of its timer wheel, so that scheduling it, sleeping it and cancelling
 * its timer allocate nothing.
 *
 * <p>Invariant: a node is in at most one place at a time, the ready queue or one slot of the
 * timer wheel; {@link #inWheel()} says which. Loop thread only.
 */
public abstract class Schedulable {

    // ---- timer-wheel links, owned by TimerWheel (package-private on purpose): 20 bytes, the
    // least a node needs for O(1) cancel and for cascading (its deadline is its owner's business)
    /** Wheel tick at which the node fires: ceil(deadline / tickNanos), or the wheel's current
     *  tick if that one had already come when the node was scheduled. */
    long expiryTick;
    /** Neighbours in the FIFO list of {@code slot}. */
    Schedulable prev;
    Schedulable next;
    /** The slot list holding this node, or null when it is not in the wheel. */
    TimerWheel.Slot slot;

    /** Runs this node on the loop thread. Exceptions are reported by the loop, which goes on. */
    protected abstract void run();

    /** Whether this node is scheduled in a timer wheel. */
    public final boolean inWheel() {
        return slot != null;
    }
}
