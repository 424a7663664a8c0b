package io.jcoro.it.net;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * What the network tests share: each program runs on a real-clock loop, bounded in time, records
 * what it saw in {@link #trace}, and closes what it opened (the loop's close would close any
 * channel left behind); what the loop reports goes to {@link #reports}.
 */
abstract class NetTestBase {
    static final Duration BOUND = Duration.ofSeconds(20);
    final List<String> trace = Collections.synchronizedList(new ArrayList<>());
    final List<String> reports = Collections.synchronizedList(new ArrayList<>());
    final EventLoop loop = new EventLoop();

    /** Makes the program; may throw what the @Async methods declare. */
    @FunctionalInterface
    interface Program {
        Coroutine<Void> make(List<String> trace) throws Exception;
    }

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** Runs {@code program} until it completes, within {@link #BOUND}. */
    void run(Program program) {
        loop.setExceptionHandler((l, message, e) -> reports.add(message + ": " + e));
        assertTimeoutPreemptively(BOUND, () -> loop.runUntilComplete(program.make(trace)));
    }
}
