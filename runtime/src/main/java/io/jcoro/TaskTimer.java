package io.jcoro;

import io.jcoro.internal.TimerNode;

/**
 * The timer-wheel node of a sleeping {@link Task}. A task gets one at its first sleep and keeps it
 * for the next ones, so the wheel's links (20 bytes) are paid by the tasks that sleep, not by
 * every task, most of which wait on futures. When the timer fires the node runs from the ready
 * queue and makes its task ready.
 */
final class TaskTimer extends TimerNode {
    private final Task<?> task;

    TaskTimer(Task<?> task) {
        this.task = task;
    }

    @Override
    protected void run() {
        task.timerFired();
    }

    @Override
    public String toString() {
        return "timer of " + task;
    }
}
