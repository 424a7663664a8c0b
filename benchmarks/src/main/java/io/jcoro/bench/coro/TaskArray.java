package io.jcoro.bench.coro;

import io.jcoro.Task;

/** A typed array of tasks (Java has no generic arrays), as the benchmarks keep them. */
public final class TaskArray<T> {
    private final Task<?>[] tasks;

    public TaskArray(int n) {
        tasks = new Task<?>[n];
    }

    public int length() {
        return tasks.length;
    }

    @SuppressWarnings("unchecked")
    public Task<T> get(int i) {
        return (Task<T>) tasks[i];
    }

    public void set(int i, Task<T> task) {
        tasks[i] = task;
    }

    public void cancelAll() {
        for (Task<?> t : tasks) {
            t.cancel();
        }
    }

    public int countCancelled() {
        int n = 0;
        for (Task<?> t : tasks) {
            if (t.isCancelled()) {
                n++;
            }
        }
        return n;
    }
}
