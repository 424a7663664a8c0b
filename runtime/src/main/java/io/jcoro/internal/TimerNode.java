package io.jcoro.internal;

/**
 * A {@link Schedulable} that can wait in a {@link TimerWheel}: it stores the wheel's links
 * (20 bytes), so that scheduling and cancelling it allocate nothing. A {@code TimerHandle} is
 * one; a {@code Task}, which must extend the future core instead, stores the same links itself.
 */
public abstract class TimerNode extends Schedulable {
    /** ceil(deadline / tickNanos), or the wheel's current tick if that had already come. */
    private long expiryTick;
    private Schedulable prev;
    private Schedulable next;
    private TimerWheel.Slot slot;

    @Override
    protected final TimerWheel.Slot wheelSlot() {
        return slot;
    }

    @Override
    protected final void setWheelSlot(TimerWheel.Slot slot) {
        this.slot = slot;
    }

    @Override
    protected final Schedulable wheelPrev() {
        return prev;
    }

    @Override
    protected final void setWheelPrev(Schedulable prev) {
        this.prev = prev;
    }

    @Override
    protected final Schedulable wheelNext() {
        return next;
    }

    @Override
    protected final void setWheelNext(Schedulable next) {
        this.next = next;
    }

    @Override
    protected final long expiryTick() {
        return expiryTick;
    }

    @Override
    protected final void setExpiryTick(long tick) {
        expiryTick = tick;
    }
}
