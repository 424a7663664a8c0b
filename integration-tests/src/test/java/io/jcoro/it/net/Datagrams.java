package io.jcoro.it.net;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;

import io.jcoro.AsyncTimeoutException;
import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.Task;
import io.jcoro.annotations.Async;
import io.jcoro.net.Datagram;
import io.jcoro.net.DatagramEndpoint;
import io.jcoro.net.Net;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The UDP programs the network tests run, compiled by the processor like user code.
 */
public interface Datagrams {

    /** UDP both ways; a receive cancelled or timed out takes nothing. */
    @Async
    default Coroutine<Void> udpPingPong(List<String> trace) throws IOException {
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        try (DatagramEndpoint a = await(Net.openDatagram(any, null))) {
            InetSocketAddress aAddress = (InetSocketAddress) a.localAddress();
            try (DatagramEndpoint b = await(Net.openDatagram(null, aAddress))) {
                Task<Datagram> waiting = createTask(receiveTask(a));
                await(sleep(20));
                waiting.cancel();
                try {
                    await(Coro.waitFor(a.receive(), Duration.ofMillis(20)));
                } catch (AsyncTimeoutException e) {
                    trace.add("timed out");
                }
                b.send("ping".getBytes(StandardCharsets.UTF_8));
                Datagram ping = await(a.receive());
                trace.add(new String(ping.data(), StandardCharsets.UTF_8) + " from b: "
                        + (((InetSocketAddress) ping.sender()).getPort()
                        == ((InetSocketAddress) b.localAddress()).getPort()));
                a.send("pong".getBytes(StandardCharsets.UTF_8), ping.sender());
                trace.add(new String(await(b.receive()).data(), StandardCharsets.UTF_8));
                trace.add("cancelled receive: " + waiting.isCancelled());
            }
        }
        return done();
    }

    @Async
    default Coroutine<Datagram> receiveTask(DatagramEndpoint e) throws IOException {
        return done(await(e.receive()));
    }

    /** A connected UDP socket learns that nobody listens: the receive fails with the ICMP error. */
    @Async
    default Coroutine<Void> udpUnreachable(int closedPort, List<String> trace) throws IOException {
        try (DatagramEndpoint e = await(Net.openDatagram(null,
                new InetSocketAddress("127.0.0.1", closedPort)))) {
            e.send(new byte[] {1});
            try {
                await(Coro.waitFor(e.receive(), Duration.ofSeconds(5)));
            } catch (PortUnreachableException unreachable) {
                trace.add("unreachable");
            }
        }
        return done();
    }
}
