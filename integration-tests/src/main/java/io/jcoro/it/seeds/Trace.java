package io.jcoro.it.seeds;

import java.io.PrintStream;

/**
 * Where a seed program's {@code print(...)} lines go: standard output in the demo, a recording
 * in the tests (which stamps each line with the loop's virtual time and compares the sequence).
 */
@FunctionalInterface
public interface Trace {

    /** Takes one line of output, without its line terminator. */
    void line(String line);

    /** A trace that prints each line to {@code out}. */
    static Trace to(PrintStream out) {
        return out::println;
    }
}
