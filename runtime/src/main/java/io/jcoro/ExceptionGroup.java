package io.jcoro;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Several exceptions raised together: Python's {@code ExceptionGroup}. {@link TaskGroup} throws
 * one holding every failure of its children (and of its body).
 *
 * <pre>{@code
 * try {
 *     try (TaskGroup tg = new TaskGroup()) { ... }
 * } catch (ExceptionGroup eg) {
 *     ExceptionGroup.Split s = eg.split(IOException.class);   // Python's except* IOException
 *     if (s.match() != null) retryLater(s.match().exceptions());
 *     if (s.rest() != null) throw s.rest();
 * }
 * }</pre>
 *
 * <p>Groups nest. {@link #subgroup} and {@link #split} walk the tree as Python's
 * {@code BaseExceptionGroup} does: the group itself is tested first (a match takes it whole), then
 * each member; nested groups are split recursively, keeping their structure and messages, and a
 * group whose members all match is returned unchanged (the same object). A derived group keeps
 * the message, the cause and the stack trace of the group it came from.
 *
 * <p>{@link #getMessage()} is {@code "message (N sub-exceptions)"} as Python's {@code str(eg)};
 * {@link #message()} is the message alone. The printed stack trace lists the members after the
 * group's own trace (they are not causes or suppressed exceptions).
 */
public class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String message;
    private final List<Throwable> exceptions;

    /**
     * @throws IllegalArgumentException if {@code exceptions} is empty
     * @throws NullPointerException     if it is, or holds, null
     */
    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(message);
        this.message = Objects.requireNonNull(message, "message");
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("second argument (exceptions) must be a non-empty sequence");
        }
        for (Throwable t : exceptions) {
            Objects.requireNonNull(t, "exceptions must not contain null");
        }
        this.exceptions = List.copyOf(exceptions);
    }

    /** The message given to the constructor, without the count. */
    public String message() {
        return message;
    }

    /** Python's {@code str(eg)}: {@code "message (2 sub-exceptions)"}. */
    @Override
    public String getMessage() {
        int n = exceptions.size();
        return message + " (" + n + " sub-exception" + (n == 1 ? "" : "s") + ")";
    }

    /** The members, in order (unmodifiable). */
    public List<Throwable> exceptions() {
        return exceptions;
    }

    /** The group of the members that are instances of {@code type} (at any depth), or null. */
    public ExceptionGroup subgroup(Class<? extends Throwable> type) {
        return subgroup(type::isInstance);
    }

    /** The group of the members (at any depth) that match {@code condition}, or null. */
    public ExceptionGroup subgroup(Predicate<? super Throwable> condition) {
        return split(condition).match();
    }

    /** {@link #split(Predicate)} by type: Python's {@code eg.split(type)}. */
    public Split split(Class<? extends Throwable> type) {
        return split(type::isInstance);
    }

    /**
     * Splits this group into the members that match {@code condition} and the rest, keeping the
     * nesting; either part is null when empty.
     */
    public Split split(Predicate<? super Throwable> condition) {
        if (condition.test(this)) {
            return new Split(this, null);
        }
        List<Throwable> match = new ArrayList<>();
        List<Throwable> rest = new ArrayList<>();
        for (Throwable e : exceptions) {
            if (e instanceof ExceptionGroup g) {
                Split s = g.split(condition);
                if (s.match() != null) {
                    match.add(s.match());
                }
                if (s.rest() != null) {
                    rest.add(s.rest());
                }
            } else if (condition.test(e)) {
                match.add(e);
            } else {
                rest.add(e);
            }
        }
        return new Split(part(match), part(rest));
    }

    /**
     * A new group like this one (Python's {@code derive}): same message, other members. Override
     * to keep a subclass's type in {@link #split} and {@link #subgroup}.
     */
    public ExceptionGroup derive(List<Throwable> members) {
        return new ExceptionGroup(message, members);
    }

    /** Whether {@code t} is a member, at any depth. */
    boolean contains(Throwable t) {
        for (Throwable e : exceptions) {
            if (e == t || e instanceof ExceptionGroup g && g.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private ExceptionGroup part(List<Throwable> members) {
        if (members.isEmpty()) {
            return null;
        }
        if (members.equals(exceptions)) { // identity: element-wise equals of Throwables
            return this;
        }
        ExceptionGroup derived = derive(members);
        derived.setStackTrace(getStackTrace());
        if (getCause() != null && derived.getCause() == null) {
            try {
                derived.initCause(getCause());
            } catch (IllegalStateException causeAlreadySet) {
                // a derive() that chose its own cause keeps it
            }
        }
        return derived;
    }

    @Override
    public void printStackTrace(PrintStream s) {
        synchronized (s) {
            super.printStackTrace(s);
            printMembers(s::println, "");
        }
    }

    @Override
    public void printStackTrace(PrintWriter s) {
        synchronized (s) {
            super.printStackTrace(s);
            printMembers(s::println, "");
        }
    }

    private void printMembers(java.util.function.Consumer<String> out, String indent) {
        for (int i = 0; i < exceptions.size(); i++) {
            Throwable e = exceptions.get(i);
            out.accept(indent + "+---------------- " + (i + 1) + " ----------------");
            java.io.StringWriter sw = new java.io.StringWriter();
            e.printStackTrace(new PrintWriter(sw));
            for (String line : sw.toString().split("\\R")) {
                out.accept(indent + "| " + line);
            }
        }
        out.accept(indent + "+------------------------------------");
    }

    /**
     * What {@link #split} returns: the matching part and the rest, each a group or null.
     *
     * <pre>{@code
     * var s = eg.split(IOException.class);
     * }</pre>
     */
    public record Split(ExceptionGroup match, ExceptionGroup rest) {}
}
