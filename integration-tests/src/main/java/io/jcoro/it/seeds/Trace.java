package io.jcoro.it.seeds;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Where a seed program's {@code print(...)} lines go: standard output in the demo, a recording
 * in the tests (which stamps each line with the loop's virtual time and compares the sequence).
 */
@FunctionalInterface
public interface Trace {

    /** Takes one line of output, without its line terminator. */
    void line(String line);

    /**
     * The seeds' {@code time.strftime('%X')}: the time of day as {@code HH:MM:SS}. The wall clock
     * here; a test's timeline answers with its virtual clock instead (seconds since it started),
     * so that a trace that prints the time is deterministic.
     */
    default String clock() {
        return LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    /** A trace that prints each line to {@code out}. */
    static Trace to(PrintStream out) {
        return out::println;
    }
}
