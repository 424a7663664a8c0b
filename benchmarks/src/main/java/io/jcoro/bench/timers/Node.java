package io.jcoro.bench.timers;

import io.jcoro.internal.Schedulable;

/** A timer node of jcoro's wheel: what a sleeping Task or a TimerHandle is to it. */
public final class Node extends Schedulable {
    int fired;

    @Override
    protected void run() {
        fired++;
    }
}
