package io.jcoro.it.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.Coro;
import io.jcoro.EventLoop;
import io.jcoro.EventLoopGroup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code Net.startServer(group, ...)}: every connection is served on one loop of the group for
 * its whole life, the connections are spread over the loops (by the kernel with
 * {@code SO_REUSEPORT}, or handed over round robin without it), and closing works across loops.
 */
class GroupServerTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private final GroupServers programs = Coro.create(GroupServers.class);

    @Test
    void withReusePortEachConnectionStaysOnOneLoopAndBothLoopsServe() {
        assertSpreadOverTheGroup();
    }

    @Test
    void withoutReusePortTheFirstLoopHandsConnectionsOverRoundRobin() {
        System.setProperty("jcoro.net.reusePort", "false");
        try {
            Map<String, Integer> perLoop = assertSpreadOverTheGroup();
            assertEquals(Set.of(50), Set.copyOf(perLoop.values()), "round robin: " + perLoop);
        } finally {
            System.clearProperty("jcoro.net.reusePort");
        }
    }

    @Test
    void closingTheGroupEndsItsHandlersAndTheirClientsSeeTheEnd() {
        assertTimeoutPreemptively(BOUND, () -> {
            EventLoopGroup group = new EventLoopGroup(2);
            try {
                assertEquals(20, Coro.run(programs.connectAndWaitForEof(group, 20)));
            } finally {
                group.close();
            }
        });
    }

    @Test
    void inDebugModeAConnectionUsedFromAnotherThreadFailsNamingBothThreads() {
        assertTimeoutPreemptively(BOUND, () -> {
            try (EventLoopGroup group = new EventLoopGroup(1)) {
                io.jcoro.net.Connection client = group.submit(programs::openClient).toCompletableFuture()
                        .get(10, java.util.concurrent.TimeUnit.SECONDS);
                client.writer(); // outside debug mode nothing is checked
                EventLoop loop = group.loops().get(0);
                io.jcoro.Promise<Void> debugOn = new io.jcoro.Promise<>();
                loop.callSoonThreadsafe(() -> {
                    loop.setDebug(true);
                    debugOn.setResult(null);
                });
                debugOn.toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
                IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                        client::writer);
                String thread = Thread.currentThread().getName();
                assertTrue(e.getMessage().startsWith(client + " belongs to the event loop of thread 'jcoro-group-"),
                        e.getMessage());
                assertTrue(e.getMessage().endsWith("-loop-0' and was used from thread '" + thread
                        + "': hand the work to its loop (callSoonThreadsafe, EventLoopGroup.submit)"), e.getMessage());
            }
        });
    }

    /** 100 clients of 20 lines each on a group of 2; returns how many connections each loop served. */
    private Map<String, Integer> assertSpreadOverTheGroup() {
        return assertTimeoutPreemptively(BOUND, () -> {
            try (EventLoopGroup group = new EventLoopGroup(2)) {
                List<Map<String, Integer>> seen = Coro.run(programs.serveClients(group, 100, 20));
                Map<String, Integer> perLoop = new java.util.TreeMap<>();
                for (Map<String, Integer> client : seen) {
                    assertEquals(1, client.size(), "a connection moved between loops: " + client);
                    assertEquals(20, client.values().iterator().next());
                    perLoop.merge(client.keySet().iterator().next(), 1, Integer::sum);
                }
                Set<String> loops = new TreeSet<>(perLoop.keySet());
                assertEquals(2, loops.size(), "connections per loop: " + perLoop);
                assertTrue(loops.stream().allMatch(t -> t.startsWith("jcoro-group-")), loops::toString);
                return perLoop;
            }
        });
    }
}
