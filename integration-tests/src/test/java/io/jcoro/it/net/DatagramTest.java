package io.jcoro.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.Coro;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UDP endpoints over real sockets on 127.0.0.1. */
class DatagramTest extends NetTestBase {
    private final Datagrams programs = Coro.create(Datagrams.class);

    @Test
    void udpEndpointsExchangeDatagramsAndACancelledReceiveTakesNothing() {
        run(programs::udpPingPong);
        assertEquals(List.of("timed out", "ping from b: true", "pong", "cancelled receive: true"), trace);
    }

    @Test
    void aConnectedUdpEndpointGetsThePortUnreachableErrorOnReceive() throws IOException {
        int port;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        run(t -> programs.udpUnreachable(port, t));
        assertEquals(List.of("unreachable"), trace);
    }
}
