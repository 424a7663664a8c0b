package io.jcoro.bench.timers;

import io.jcoro.internal.TimerNode;

/** A timer node of jcoro's wheel: what a sleeping Task or a TimerHandle is to it. */
public final class Node extends TimerNode {
    int fired;

    @Override
    protected void run() {
        fired++;
    }
}
