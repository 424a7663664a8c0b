package io.jcoro.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.Coro;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A server's lifecycle with clients connected, and handler failures, on 127.0.0.1. */
class ServerTest extends NetTestBase {
    private final Servers programs = Coro.create(Servers.class);

    @Test
    void waitClosedWaitsForHandlersAndCloseClientsEndsThem() {
        run(programs::closeWithClients);
        assertEquals(List.of("serveForever ended", "handlers still running", "waitClosed",
                "client eof 0", "client eof 0", "client eof 0"), trace);
    }

    @Test
    void abortClientsEndsHandlersThatWaitForSomethingElse() {
        run(programs::abortClients);
        assertEquals(List.of("waitClosed", "client eof 0"), trace);
        assertEquals(List.of(), reports);
    }

    @Test
    void aFailingHandlerIsReportedItsConnectionClosedAndTheServerKeepsServing() {
        run(programs::handlerFailure);
        assertEquals(List.of("failed one: null", "next one: ok"), trace);
        assertEquals(1, reports.size(), reports::toString);
        assertTrue(reports.get(0).contains("handler failed"), reports::toString);
    }

    @Test
    void aHundredClientsOnOneLoopGetEveryLineBackInOrder() {
        Streams streams = Coro.create(Streams.class);
        run(t -> programs.manyClients(streams::echoLines, 100, 50, t));
        assertEquals(List.of("lines back in order: 5000", "waitClosed"), trace);
    }
}
