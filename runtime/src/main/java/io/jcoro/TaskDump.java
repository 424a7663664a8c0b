package io.jcoro;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text of {@link Coro#dumpTasks()}: every live task of a loop as a tree of who awaits whom,
 * each task with its chain of {@code @Async} frames at their user-source lines, outermost first.
 *
 * <pre>
 * Task 'Task-1' (suspended)
 *     at demo.Users.main(Users.java:31)
 *     awaits Task 'Task-2' (suspended)
 *         at demo.Users.processUser(Users.java:24)
 *         at demo.Users.fetchUser(Users.java:18)
 *         awaits a sleep
 * </pre>
 */
final class TaskDump {
    private TaskDump() {}

    static String of(Set<Task<?>> live) {
        Map<Task<?>, Boolean> awaited = new IdentityHashMap<>();
        for (Task<?> task : live) {
            if (task.awaitedFuture() instanceof Task<?> inner && live.contains(inner)) {
                awaited.put(inner, Boolean.TRUE);
            }
        }
        StringBuilder out = new StringBuilder();
        Set<Task<?>> shown = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Task<?> task : live) {
            if (!awaited.containsKey(task)) {
                render(task, "", out, shown);
            }
        }
        for (Task<?> task : live) { // tasks awaiting each other in a cycle have no root
            if (!shown.contains(task)) {
                render(task, "", out, shown);
            }
        }
        return out.toString();
    }

    private static void render(Task<?> task, String indent, StringBuilder out, Set<Task<?>> shown) {
        out.append(indent).append("Task '").append(task.name()).append("' (").append(task.stateName()).append(")\n");
        if (!shown.add(task)) {
            out.append(indent).append("    (shown above)\n");
            return;
        }
        List<Coroutine<?>> chain = new ArrayList<>();
        for (Coroutine<?> frame = task.leafFrame(); frame != null; frame = frame.caller) {
            chain.add(0, frame);
        }
        for (Coroutine<?> frame : chain) {
            StackTraceElement where = frame.$where();
            out.append(indent).append("    at ").append(where != null ? where.toString() : frame.name()).append('\n');
        }
        FutureCore<?> awaited = task.awaitedFuture();
        if (awaited instanceof Task<?> inner) {
            out.append(indent).append("    awaits ");
            int mark = out.length();
            render(inner, indent + "    ", out, shown);
            out.delete(mark, mark + indent.length() + 4); // the nested task's line continues "awaits "
        } else if (awaited != null) {
            out.append(indent).append("    awaits ").append(describe(awaited)).append('\n');
        }
    }

    private static String describe(FutureCore<?> awaited) {
        return awaited instanceof Promise<?> ? "a Promise" : awaited.getClass().getSimpleName();
    }
}
