package io.jcoro;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Structured concurrency: asyncio's {@code TaskGroup} (3.13's rules, plus 3.15's
 * {@link #cancel()}). The group's block waits for every child; the first child failure cancels
 * the other children and the block's own task; the block then throws an {@link ExceptionGroup}
 * of every failure that is not a cancellation.
 *
 * <pre>{@code
 * try (TaskGroup tg = new TaskGroup()) {
 *     tg.createTask(fetchUser(1));
 *     tg.createTask(fetchUser(2));
 * }                                   // awaits closeAsync(pending): both children are done
 * }</pre>
 *
 * <pre>
 *  state     how it got there                          createTask
 *  OPEN      new TaskGroup() in a task (entering it)   yes
 *  ABORTING  a child failed, the body failed or was    IllegalStateException "shutting down"
 *            cancelled, or cancel(): children are
 *            being cancelled
 *  EXITING   closeAsync(pending) waits for children    yes while children remain (not aborting)
 *  FINISHED  closeAsync ended                          IllegalStateException "finished"
 * </pre>
 *
 * <p>Creating the group enters it: it binds to the running task (its <em>parent</em>), so make
 * it in the try's resource header. {@link #closeAsync(Throwable)} is what the generated code
 * awaits when the block is left: a body failure ({@code pending}, not a cancellation) cancels the
 * children and becomes a member of the group's {@link ExceptionGroup}, which therefore replaces
 * it (see {@link AsyncCloseable}); when the body was left by a {@link CancelledError} (the group
 * cancelled it, or it was cancelled from outside while children failed), that cancellation is the
 * group's cause, so the group replaces it too. A cancellation of the parent from outside cancels the children
 * and goes on once they are done. The parent's cancellation that the group itself requested (on
 * a child failure, or by {@link #cancel()}) is withdrawn ({@link Task#uncancel()}) at close. A
 * failing child is reported to the loop's exception handler if the parent is already done.
 */
public final class TaskGroup implements AsyncCloseable {
    private final EventLoop loop;
    private final Task<?> parent;
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final Consumer<Task<?>> onTaskDone = this::onTaskDone;
    private boolean exiting;
    private boolean finished;
    private boolean aborting;
    private boolean parentCancelRequested;
    private boolean cancelledByUser;
    /** Set at close: the parent's pending cancellation came only from {@link #cancel()}. */
    private boolean absorbCancel;
    private Promise<Void> onCompleted;

    /**
     * Enters a new group in the running task.
     *
     * @throws IllegalStateException if no task is running (asyncio: "cannot determine the parent
     *                               task")
     */
    public TaskGroup() {
        loop = EventLoop.current();
        parent = loop.currentTask();
        if (parent == null) {
            throw new IllegalStateException("TaskGroup cannot determine the parent task");
        }
    }

    /** {@link #createTask(Coroutine, String)} with the default name. */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null);
    }

    /**
     * Starts {@code coroutine} as a child task of this group (it starts at the next iteration).
     *
     * @throws IllegalStateException if the group is finished or shutting down (the coroutine is
     *                               then closed, so it is not reported as never awaited)
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        Objects.requireNonNull(coroutine, "coroutine");
        if (finished || exiting && tasks.isEmpty()) {
            closeQuietly(coroutine);
            throw new IllegalStateException(this + " is finished");
        }
        if (aborting) {
            closeQuietly(coroutine);
            throw new IllegalStateException(this + " is shutting down");
        }
        Task<T> task = loop.createTask(coroutine, name);
        tasks.add(task);
        task.addCallback(onTaskDone, loop);
        return task;
    }

    /**
     * Ends the group early without an error (Python 3.15's {@code TaskGroup.cancel()}): cancels
     * every child and the parent task; the parent's {@link CancelledError} that this causes in the
     * block is absorbed when the group closes ({@link #absorbs}), so the block ends normally once
     * the children are done. Does nothing once the group has finished; may be called from a child.
     */
    public void cancel() {
        if (finished || exiting && tasks.isEmpty()) {
            return;
        }
        cancelledByUser = true;
        if (!aborting) {
            abort();
        }
        if (!parentCancelRequested) {
            parentCancelRequested = true;
            parent.cancel();
        }
    }

    /** The children not finished yet. */
    public int size() {
        return tasks.size();
    }

    /** {@link #closeAsync(Throwable)} with nothing pending. */
    @Override
    public Awaitable<Void> closeAsync() {
        return closeAsync(null);
    }

    /**
     * Waits for every child (asyncio's {@code __aexit__}); see the class comment.
     *
     * @throws IllegalStateException (through the awaitable) if already closed
     */
    @Override
    public Awaitable<Void> closeAsync(Throwable pending) {
        return new Exit(pending);
    }

    /** A {@link CancelledError} that {@link #cancel()} caused in the body is absorbed. */
    @Override
    public boolean absorbs(Throwable pending) {
        return cancelledByUser && pending instanceof CancelledError && finished && absorbCancel;
    }

    @Override
    public String toString() {
        return "TaskGroup[" + (finished ? "finished" : aborting ? "cancelling" : "entered")
                + (tasks.isEmpty() ? "" : ", tasks=" + tasks.size())
                + (errors.isEmpty() ? "" : ", errors=" + errors.size()) + "]";
    }

    private void abort() {
        aborting = true;
        for (Task<?> t : tasks) {
            if (!t.isDone()) {
                t.cancel();
            }
        }
    }

    private void onTaskDone(Task<?> task) {
        tasks.remove(task);
        if (onCompleted != null && tasks.isEmpty() && !onCompleted.isDone()) {
            onCompleted.setResult(null);
        }
        if (task.isCancelled()) {
            return;
        }
        Throwable error = task.exception();
        if (error == null) {
            return;
        }
        errors.add(error);
        if (parent.isDone()) {
            loop.report("Task " + task + " has errored out but its parent task " + parent
                    + " is already completed", error);
            return;
        }
        if (!aborting && !parentCancelRequested) {
            abort();
            parentCancelRequested = true;
            parent.cancel();
        }
    }

    private static void closeQuietly(Coroutine<?> coroutine) {
        if (coroutine.state() == CoroutineState.CREATED) {
            coroutine.close();
        }
    }

    /** The frame of {@code closeAsync}: asyncio 3.13's {@code TaskGroup.__aexit__}. */
    private final class Exit extends Coroutine<Void> {
        private final Throwable pending;
        private CancelledError propagate;

        Exit(Throwable pending) {
            this.pending = pending;
        }

        @Override
        @SuppressWarnings("fallthrough")
        protected Object $resume() throws Throwable {
            for (;;) {
                switch ($label) {
                    case 0: {
                        if (exiting || finished) {
                            throw new IllegalStateException(TaskGroup.this + " is already closed");
                        }
                        exiting = true;
                        propagate = pending instanceof CancelledError c ? c : null;
                        if (pending != null && !aborting) {
                            abort(); // the body failed, or the parent is being cancelled
                        }
                    }
                    case 1: {
                        if (!tasks.isEmpty()) {
                            if (onCompleted == null) {
                                onCompleted = new Promise<>();
                            }
                            if ($await(onCompleted, 2)) {
                                return $SUSPENDED;
                            }
                        } else {
                            return $return(conclude());
                        }
                    }
                    case 2: {
                        try {
                            $value();
                        } catch (CancelledError ex) {
                            if (!aborting) { // the parent is cancelled from outside while we wait
                                propagate = ex;
                                abort();
                            }
                        }
                        onCompleted = null;
                        $label = 1;
                        continue;
                    }
                    default:
                        throw $badLabel();
                }
            }
        }

        private Void conclude() {
            finished = true;
            if (parentCancelRequested && parent.uncancel() == 0) {
                propagate = null; // no cancellation left but the one we asked for
                absorbCancel = cancelledByUser && errors.isEmpty();
            }
            if (propagate != null && errors.isEmpty()) {
                if (propagate == pending) {
                    return null; // the generated code rethrows pending itself
                }
                throw propagate;
            }
            if (pending != null && !(pending instanceof CancelledError)) {
                errors.add(pending);
            }
            if (!errors.isEmpty()) {
                if (parent.cancelling() > 0) { // keep an outside cancellation's count stable
                    parent.uncancel();
                    parent.cancel();
                }
                ExceptionGroup group = new ExceptionGroup("unhandled errors in a TaskGroup", errors);
                errors.clear();
                if (pending instanceof CancelledError) {
                    group.initCause(pending); // so that the group replaces it (AsyncCloseable's rule)
                }
                throw group;
            }
            return null;
        }

        @Override
        public String name() {
            return "TaskGroup.closeAsync";
        }
    }
}
