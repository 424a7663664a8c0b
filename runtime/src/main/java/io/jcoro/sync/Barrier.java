package io.jcoro.sync;

import io.jcoro.Awaitable;
import io.jcoro.Coroutine;

/**
 * A meeting point for a fixed number of tasks: asyncio's {@code Barrier}. Each task that calls
 * {@link #waitAsync()} waits until {@code parties} tasks have; then all go on, each with its
 * arrival index {@code 0 .. parties-1}, and the barrier can be used again.
 *
 * <pre>{@code
 * Barrier b = new Barrier(3);
 * int i = await(b.waitAsync());   // in each of three tasks; i is 0, 1 or 2
 * }</pre>
 *
 * <pre>
 *  state      how it got there                               waitAsync()
 *  FILLING    new; the last task left a drained/reset one     counts in, waits for the rest
 *  DRAINING   the last party arrived: the others are leaving  waits until it is FILLING again
 *  RESETTING  reset() while tasks wait: they get              waits until it is FILLING again
 *             BrokenBarrierException and leave
 *  BROKEN     abort()                                         BrokenBarrierException (until reset())
 * </pre>
 *
 * <p>A waiting task that is cancelled leaves without breaking the barrier (asyncio's rule, unlike
 * {@code threading.Barrier}). The barrier is built, as asyncio's, on a {@link Condition}.
 * {@link #abort()} and {@link #reset()} act at once and never wait (asyncio's are coroutines that
 * take the condition's lock first, which on one loop changes nothing but when they take effect).
 * Loop thread only.
 */
public final class Barrier {
    private static final int FILLING = 0;
    private static final int DRAINING = 1;
    private static final int RESETTING = 2;
    private static final int BROKEN = 3;

    private final Condition cond = new Condition();
    private final int parties;
    private int state = FILLING;
    private int count;

    /**
     * @throws IllegalArgumentException if {@code parties < 1}
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0");
        }
        this.parties = parties;
    }

    /**
     * Waits until {@code parties} tasks wait; returns this task's arrival index. Runs nothing
     * until awaited.
     *
     * @throws BrokenBarrierException (when awaited) if the barrier is or gets aborted or reset
     */
    public Awaitable<Integer> waitAsync() {
        return new WaitFrame();
    }

    /** Breaks the barrier: waiting and arriving tasks get {@link BrokenBarrierException}. */
    public void abort() {
        state = BROKEN;
        cond.wake(Integer.MAX_VALUE);
    }

    /** Makes the barrier usable again; tasks waiting now get {@link BrokenBarrierException}. */
    public void reset() {
        if (count > 0) {
            state = RESETTING;
        } else {
            state = FILLING;
        }
        cond.wake(Integer.MAX_VALUE);
    }

    /** The number of tasks needed to pass. */
    public int parties() {
        return parties;
    }

    /** How many tasks wait now for the barrier to fill. */
    public int waiting() {
        return state == FILLING ? count : 0;
    }

    /** Whether {@link #abort()} broke the barrier. */
    public boolean isBroken() {
        return state == BROKEN;
    }

    @Override
    public String toString() {
        String s = switch (state) {
            case FILLING -> "filling";
            case DRAINING -> "draining";
            case RESETTING -> "resetting";
            default -> "broken";
        };
        return "Barrier[" + s + (state == BROKEN ? "" : ", waiters:" + waiting() + "/" + parties) + "]";
    }

    /** The last task out of a drained or reset barrier makes it FILLING again. */
    private void exit() {
        if (count == 0) {
            if (state == RESETTING || state == DRAINING) {
                state = FILLING;
            }
            cond.wake(Integer.MAX_VALUE);
        }
    }

    /**
     * asyncio's {@code Barrier.wait}: {@code async with cond: block(); try { index = count++; ...
     * } finally { count--; exit(); }}, hand-written in the processor's frame shape.
     */
    private final class WaitFrame extends Coroutine<Integer> {
        private Mutex.Permit held;
        private boolean counted;
        private int index;

        @Override
        @SuppressWarnings("fallthrough")
        protected Object $resume() throws Throwable {
            try {
                return body();
            } catch (Throwable t) { // the lock is held here unless lock() itself failed
                leave();
                throw t;
            }
        }

        private Object body() throws Throwable {
            for (;;) {
                switch ($label) {
                    case 0: {
                        if ($await(cond.lock(), 1)) {
                            return $SUSPENDED;
                        }
                    }
                    case 1: {
                        held = (Mutex.Permit) $value();
                    }
                    case 2: { // block while the barrier drains or resets
                        if (state == DRAINING || state == RESETTING) {
                            if ($await(cond.waitAsync(), 3)) {
                                return $SUSPENDED;
                            }
                            $label = 3;
                            continue;
                        }
                        if (state == BROKEN) {
                            throw new BrokenBarrierException("Barrier aborted");
                        }
                        index = count++;
                        counted = true;
                        if (index + 1 == parties) {
                            state = DRAINING;
                            cond.wake(Integer.MAX_VALUE);
                            leave();
                            return $return(index);
                        }
                        $label = 4;
                        continue;
                    }
                    case 3: {
                        $value();
                        $label = 2;
                        continue;
                    }
                    case 4: { // wait for the barrier to fill
                        if (state == FILLING) {
                            if ($await(cond.waitAsync(), 5)) {
                                return $SUSPENDED;
                            }
                            $label = 5;
                            continue;
                        }
                        if (state == BROKEN || state == RESETTING) {
                            throw new BrokenBarrierException("Abort or reset of barrier");
                        }
                        leave();
                        return $return(index);
                    }
                    case 5: {
                        $value();
                        $label = 4;
                        continue;
                    }
                    default:
                        throw $badLabel();
                }
            }
        }

        /** The finally of asyncio's {@code wait}, then leaving {@code async with cond}. */
        private void leave() {
            if (counted) {
                counted = false;
                count--;
                exit();
            }
            if (held != null) {
                Mutex.Permit p = held;
                held = null;
                p.close();
            }
        }

        @Override
        public String name() {
            return "Barrier.waitAsync";
        }
    }
}
