package programs.forms;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import static io.jcoro.Coro.*;

/**
 * Every declaration form whose tree javac completes while it attributes the class, beside
 * {@code @Async} methods (and in {@link FormsBase}, its superclass): each must compile again in
 * the next round and behave as its plain twin.
 */
public abstract class Forms extends FormsBase {
    protected Forms(Consumer<String> log) {
        super(log);
    }

    /** A record with a compact canonical constructor that normalises its components. */
    record Point(int x, int y) implements Comparable<Point> {
        Point {
            if (x < 0) {
                x = -x;
            }
        }

        static Point origin() {
            return new Point(0, 0);
        }

        @Override
        public int compareTo(Point other) {
            return Integer.compare(x * x + y * y, other.x * other.x + other.y * other.y);
        }
    }

    /** A record with an implicit canonical constructor and a nested record with a compact one. */
    record Line(Point from, Point to) {
        record Label(String text) {
            Label {
                text = text.toUpperCase();
            }
        }
    }

    /** A generic record whose compact constructor checks. */
    record Box<T>(T value) {
        Box {
            java.util.Objects.requireNonNull(value);
        }
    }

    /** An enum with a constructor, a field, a constant body and implicit values()/valueOf(). */
    enum Level {
        LOW(1), HIGH(10) {
            @Override
            String describe() {
                return "high!";
            }
        };

        private final int weight;

        Level(int weight) {
            this.weight = weight;
        }

        String describe() {
            return name().toLowerCase() + weight;
        }
    }

    /** An interface with a default method, implemented by a lambda and by an anonymous class. */
    interface Shape {
        double area();

        default String describe() {
            return "area " + area();
        }
    }

    /** A class with a constructor calling nothing (implicit super()) and one calling this(...). */
    static class Account {
        private final String owner;
        private int balance;

        Account(String owner, int balance) {
            this.owner = owner;
            this.balance = balance;
        }

        Account(String owner) {
            this(owner, 0);
        }

        int deposit(int amount) {
            return balance += amount;
        }

        @Override
        public String toString() {
            return owner + ":" + balance;
        }
    }

    /** A generic class with a default constructor and an anonymous subclass built with diamond. */
    abstract static class Maker<T> {
        abstract T make();
    }

    @Async
    protected Coroutine<Integer> value(int v) {
        if (v % 2 == 0) await(sleep(1));
        return done(v);
    }

    protected int valuePlain(int v) {
        return v;
    }

    @Async
    public Coroutine<String> run(int mode) {
        int a = await(value(mode));
        int b = await(value(mode + 1));
        return done(forms(mode, a, b));
    }

    public String runPlain(int mode) {
        return forms(mode, valuePlain(mode), valuePlain(mode + 1));
    }

    String forms(int mode, int a, int b) {
        Point p = new Point(-a, mode);
        Line line = new Line(Point.origin(), p);
        Line.Label label = new Line.Label("l" + b);
        Box<String> box = new Box<>("b" + mode);
        Level level = Level.valueOf(mode % 2 == 0 ? "LOW" : "HIGH");
        Account account = new Account("acc");
        account.deposit(b);
        Shape square = () -> mode * mode;
        Shape circle = new Shape() {
            @Override
            public double area() {
                return 3 * a;
            }
        };
        Supplier<String> text = () -> switch (Level.values()[a % 2]) {
            case LOW -> "low";
            case HIGH -> {
                String h = Level.HIGH.describe();
                yield h;
            }
        };
        Maker<List<String>> maker = new Maker<>() {
            @Override
            List<String> make() {
                return new ArrayList<>(List.of("m" + mode));
            }
        };
        class Local {
            final int n;

            Local(int n) {
                this.n = n;
            }
        }
        record Pair(String a, String b) {
            Pair {
                a = a.strip();
            }
        }
        enum Suit { CLUBS, HEARTS }
        var sorted = new ArrayList<>(List.of(p, Point.origin(), new Point(1, 1)));
        sorted.sort(Comparator.naturalOrder());
        Map<String, Integer> counts = new TreeMap<>();
        for (var s : List.of("x", "y", "x")) {
            counts.merge(s, 1, Integer::sum);
        }
        String kind = switch ("k" + mode) {
            case "k1" -> "one";
            case "k2" -> "two";
            default -> "many";
        };
        Object any = mode % 2 == 0 ? (Object) "str" : Integer.valueOf(mode);
        String matched = any instanceof String s && !s.isEmpty() ? "string " + s : "other " + any;
        return p + " " + line + " " + label + " " + box + " " + level.describe() + " " + account
                + " " + square.describe() + " " + maker.make() + " " + new Local(a).n + " " + new Pair(" a ", "b")
                + " " + Suit.values().length + Suit.valueOf("HEARTS") + " " + sorted + " " + counts
                + " " + kind + " " + matched + " " + circle.describe() + " " + text.get() + " " + baseForms(mode);
    }
}
