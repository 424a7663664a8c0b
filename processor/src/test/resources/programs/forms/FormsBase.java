package programs.forms;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A superclass, attributed with its subclass: every declaration form whose tree javac completes
 * while it attributes (implicit super() calls, canonical and compact record constructors, enum
 * constructors, default and anonymous constructors, inferred types) must compile again.
 */
public abstract class FormsBase {
    protected final Consumer<String> log;

    protected FormsBase(Consumer<String> log) {
        this.log = log;
    }

    /** A compact canonical constructor: javac adds super() and the field assignments. */
    record Range(int low, int high) {
        Range {
            if (low > high) {
                throw new IllegalArgumentException(low + " > " + high);
            }
        }
    }

    /** A full canonical constructor and a non-canonical one calling it. */
    record Named(String name, List<String> tags) {
        Named(String name, List<String> tags) {
            this.name = name.trim();
            this.tags = List.copyOf(tags);
        }

        Named(String name) {
            this(name, List.of());
        }
    }

    /** An enum constructor (javac adds super(name, ordinal)) and constant bodies (anonymous classes). */
    enum Op {
        ADD("+") {
            @Override
            int apply(int a, int b) {
                return a + b;
            }
        },
        MUL("*") {
            @Override
            int apply(int a, int b) {
                return a * b;
            }
        };

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        abstract int apply(int a, int b);
    }

    /** A constructor without an explicit constructor call (javac adds super()), and an initialiser. */
    static class Counter {
        int count;
        final int step;

        {
            count = 1;
        }

        Counter(int step) {
            this.step = step;
        }

        int next() {
            return count += step;
        }
    }

    /** An inner class (its default constructor takes the outer instance). */
    class Inner {
        String tag() {
            return "inner:" + log.getClass().getSimpleName().isEmpty();
        }
    }

    protected String baseForms(int mode) {
        Range range = new Range(mode, mode + 2);
        Named named = new Named("  n" + mode + " ");
        Counter counter = new Counter(mode);
        var doubled = new Function<Integer, Integer>() {
            @Override
            public Integer apply(Integer x) {
                return 2 * x;
            }
        };
        Function<Integer, Integer> plusOne = x -> x + 1;
        record Local(int a) {
            Local {
                a = Math.abs(a);
            }
        }
        enum Color { RED, GREEN }
        return range + " " + named + " " + Op.MUL.apply(mode, 3) + Op.ADD.symbol + counter.next()
                + doubled.apply(mode) + plusOne.apply(mode) + new Local(-mode) + Color.valueOf("GREEN").ordinal()
                + new Inner().tag();
    }
}
