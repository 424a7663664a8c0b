package io.jcoro.test;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.waitFor;
import static io.jcoro.test.TestTime.currentTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.AsyncTimeoutException;
import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import io.jcoro.net.Connection;
import io.jcoro.net.Net;
import io.jcoro.net.Server;
import java.io.IOException;
import java.time.Duration;

/**
 * What virtual time means for a test that uses sockets (the runtime's rule, docs/testing.md):
 * while no timer is pending, the loop waits for the network as a real loop does; while one is,
 * the clock jumps to it instead of waiting, so a timeout around a read fires as soon as the
 * loop has nothing ready, whatever the peer would still send.
 */
@JcoroTest
class SocketsOnVirtualTimeTest {

    @Async
    Coroutine<Void> echo(Connection connection) throws IOException {
        for (String line; (line = await(connection.reader().readLine())) != null; ) {
            connection.writer().write(line + "\n");
        }
        return done();
    }

    @Async
    Coroutine<Void> silent(Connection connection) throws IOException {
        await(connection.reader().readLine()); // until the client closes
        return done();
    }

    @AsyncTest(realTimeoutMillis = 10_000)
    @Async
    Coroutine<Void> withNoTimerPendingAReadWaitsForThePeer() throws IOException {
        Server server = await(Net.startServer(this::echo, "127.0.0.1", 0));
        try (Connection client = await(Net.openConnection("127.0.0.1", server.port()))) {
            client.writer().write("ping\n");
            assertEquals("ping", await(client.reader().readLine()));
        }
        server.close();
        await(server.waitClosed());
        assertEquals(Duration.ZERO, currentTime());
        return done();
    }

    @AsyncTest(realTimeoutMillis = 10_000)
    @Async
    Coroutine<Void> aTimeoutAroundAReadFiresInVirtualTimeWithoutWaiting() throws IOException {
        Server server = await(Net.startServer(this::silent, "127.0.0.1", 0));
        long start = System.nanoTime();
        boolean timedOut = false;
        try (Connection client = await(Net.openConnection("127.0.0.1", server.port()))) {
            await(waitFor(client.reader().readLine(), Duration.ofMinutes(5)));
        } catch (AsyncTimeoutException expected) {
            timedOut = true;
        }
        assertTrue(timedOut);
        assertEquals(Duration.ofMinutes(5), currentTime());
        server.close();
        await(server.waitClosed());
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(wall.compareTo(Duration.ofSeconds(5)) < 0, () -> "took " + wall);
        return done();
    }
}
