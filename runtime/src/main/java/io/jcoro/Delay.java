package io.jcoro;

/**
 * What {@link Coro#sleep(long)} and {@link Coro#yieldNow()} return: a pause of {@link #nanos} on
 * the awaiting task. Awaiting it allocates nothing: the task itself is the timer node. A delay of 0
 * is a pure yield: the task goes to the back of the ready queue, as asyncio's {@code sleep(0)}.
 */
final class Delay implements Awaitable<Void> {

    /** {@code yieldNow()} and {@code sleep(0)}: shared, immutable. */
    static final Delay YIELD = new Delay(0);

    /** The pause in nanoseconds of the loop clock; never negative. */
    final long nanos;

    private Delay(long nanos) {
        this.nanos = nanos;
    }

    /** A pause of {@code nanos}; zero or negative is a pure yield, as in asyncio. */
    static Delay ofNanos(long nanos) {
        return nanos <= 0 ? YIELD : new Delay(nanos);
    }

    @Override
    public String toString() {
        return nanos == 0 ? "yieldNow()" : "sleep(" + nanos + " ns)";
    }
}
