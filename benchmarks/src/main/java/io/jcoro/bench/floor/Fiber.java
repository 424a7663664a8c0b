package io.jcoro.bench.floor;

/** A hand-written state machine: the least a coroutine can be (a header, a state, its data). */
public abstract class Fiber {
    /** Runs one step; a fiber that must run again pushes itself back. */
    protected abstract void step(FloorLoop loop);
}
