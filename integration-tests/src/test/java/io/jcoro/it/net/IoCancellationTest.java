package io.jcoro.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.Coro;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cancellation, timeouts and shutdown around real sockets on 127.0.0.1. */
class IoCancellationTest extends NetTestBase {
    private final IoCancellations programs = Coro.create(IoCancellations.class);

    @Test
    void aTaskGroupOfClientsShutsDownCleanlyWhenOneFails() {
        run(programs::taskGroupOfClients);
        // the two cancellations and the three ends of stream interleave as the loop runs them
        List<String> sorted = new ArrayList<>(trace.subList(0, trace.size() - 1));
        Collections.sort(sorted);
        assertEquals(List.of("client 0 cancelled", "client 1 cancelled",
                "group failed with [java.io.IOException: client 2 failed]",
                "server saw eof", "server saw eof", "server saw eof"), sorted);
        assertEquals("handlers ended by themselves", trace.get(trace.size() - 1));
        assertEquals(List.of(), reports);
    }

    @Test
    void cancellingAHandlersTaskClosesItsConnection() {
        run(programs::cancelledHandler);
        assertEquals(List.of("cancel true", "handler cancelled", "client read 0", "handler task cancelled true",
                "waitClosed"), trace);
        assertEquals(List.of(), reports); // a cancelled handler is no failure to report
    }

    @Test
    void aTimeoutScopeAroundAReadEndsItAndLosesNoBytes() {
        run(programs::timeoutAroundRead);
        assertEquals(List.of("timed out, cause CancelledError", "0123456789"), trace);
    }

    @Test
    void aTimeoutScopeAroundAConnectThatHangsEndsIt() throws Exception {
        try (HangingListener peer = new HangingListener()) {
            run(t -> programs.timeoutAroundConnect(peer.port(), t));
        }
        assertEquals(List.of("timed out", "after about 200 ms true", "loop goes on"), trace);
    }

    @Test
    void closingALoopClosesItsServerAndConnectionsPeersSeeEofAndThePortIsFree() throws Exception {
        InetAddress localhost = InetAddress.getByName("127.0.0.1");
        int[] serverPort = {0};
        int[] started = {0};
        try (ServerSocket outside = new ServerSocket(0, 1, localhost)) {
            outside.setSoTimeout(5000);
            run(t -> programs.openAndLeave(outside.getLocalPort(), serverPort, started));
            try (Socket peer = new Socket(localhost, serverPort[0]); Socket accepted = outside.accept()) {
                run(t -> programs.untilStarted(started, 2, t)); // the loop's own client, and peer
                loop.close();
                assertEquals(-1, readWithin(peer), "the server's connection to peer is closed");
                assertEquals(-1, readWithin(accepted), "the loop's connection to the outside is closed");
            }
            try (ServerSocket again = new ServerSocket(serverPort[0], 1, localhost)) {
                assertEquals(serverPort[0], again.getLocalPort(), "the server's port is free");
            }
        }
        assertEquals(List.of("handlers started 2"), trace);
        assertTrue(reports.isEmpty(), reports::toString);
    }

    private static int readWithin(Socket s) throws IOException {
        s.setSoTimeout(5000);
        return s.getInputStream().read();
    }
}
