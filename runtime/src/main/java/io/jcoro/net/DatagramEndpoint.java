package io.jcoro.net;

import io.jcoro.AsyncCloseable;
import io.jcoro.Awaitable;
import io.jcoro.Promise;
import io.jcoro.internal.IoRegistration;
import io.jcoro.internal.IoSelector;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;

/**
 * A UDP socket on the event loop (asyncio's datagram endpoint, with awaitable receives).
 *
 * <pre>{@code
 * DatagramEndpoint udp = await(Net.openDatagram(new InetSocketAddress("127.0.0.1", 0), null));
 * Datagram d = await(udp.receive());
 * udp.send(reply(d.data()), d.sender());
 * }</pre>
 *
 * <pre>
 *  state   how it got there       send                         receive
 *  OPEN    Net.openDatagram       sends, or queues while the   the next datagram (waits for one)
 *                                 socket's buffer is full
 *  CLOSED  closeAsync()           dropped                      fails: "endpoint closed"
 * </pre>
 *
 * <p>Datagrams wait in the kernel until a task receives them: the socket is watched for reading
 * only while a task waits, so a cancelled receive takes nothing, and datagrams that nobody
 * receives are dropped by the kernel when its buffer is full, as UDP does. A failure of a send
 * (an ICMP error on a connected socket, such as {@code PortUnreachableException}) fails the next
 * receive, unchanged. Receives go through the loop's read buffer (64 KiB, more than any UDP
 * payload). Closing drops what was queued. Loop thread only.
 */
public final class DatagramEndpoint implements AsyncCloseable {
    private final DatagramChannel channel;
    private final IoRegistration registration;
    private final IoSelector io;
    private final Signals receivers = new Signals();
    private final ArrayDeque<Outgoing> unsent = new ArrayDeque<>();
    private final SocketAddress localAddress;
    private IOException sendFailure;
    private boolean closed;

    /** A queued datagram: the payload and its target (null: the connected peer). */
    private record Outgoing(ByteBuffer data, SocketAddress target) {}

    DatagramEndpoint(IoSelector io, DatagramChannel channel) throws IOException {
        this.io = io;
        this.channel = channel;
        this.localAddress = channel.getLocalAddress();
        this.registration = io.register(channel, 0, this::ready);
    }

    /** Sends {@code data} to the connected peer; acts at once. */
    public void send(byte[] data) {
        if (!channel.isConnected() && !closed) {
            throw new IllegalStateException("not connected: send(data, target) names where to");
        }
        send(data, null);
    }

    /**
     * Sends {@code data} to {@code target} (null: the connected peer); acts at once, queueing
     * the datagram if the socket's buffer is full.
     */
    public void send(byte[] data, SocketAddress target) {
        io.checkThread(this);
        if (closed) {
            return; // as asyncio's: a send on a closed transport is dropped
        }
        ByteBuffer payload = ByteBuffer.wrap(data);
        if (unsent.isEmpty() && trySend(payload, target)) {
            return;
        }
        unsent.add(new Outgoing(ByteBuffer.wrap(data.clone()), target));
        registration.addInterest(SelectionKey.OP_WRITE);
    }

    /**
     * The next datagram, waiting until one arrives. Fails with the error of an earlier send, if
     * there was one, and with a {@link SocketException} once the endpoint is closed.
     */
    public Awaitable<Datagram> receive() throws IOException {
        io.checkThread(this);
        return new Retry<>("DatagramEndpoint.receive", () -> {
            if (sendFailure != null) {
                IOException e = sendFailure;
                sendFailure = null;
                throw e;
            }
            if (closed) {
                throw new SocketException("endpoint closed");
            }
            ByteBuffer buffer = io.ioBuffer();
            buffer.clear();
            SocketAddress sender = channel.receive(buffer);
            if (sender != null) {
                byte[] data = new byte[buffer.flip().remaining()];
                buffer.get(data);
                return new Datagram(data, sender);
            }
            registration.addInterest(SelectionKey.OP_READ);
            return receivers.add();
        });
    }

    /** The address this endpoint is bound to. */
    public SocketAddress localAddress() {
        return localAddress;
    }

    /** Closes the socket at once, dropping queued datagrams; receives waiting fail. */
    @Override
    public Awaitable<Void> closeAsync() {
        io.checkThread(this);
        if (!closed) {
            closed = true;
            unsent.clear();
            try {
                registration.close();
            } catch (IOException e) {
                return Promise.failed(e);
            } finally {
                receivers.wakeAll();
            }
        }
        return Promise.completed(null);
    }

    @Override
    public String toString() {
        return "DatagramEndpoint[" + localAddress + (closed ? ", closed" : "") + "]";
    }

    private void ready(int ops) {
        if ((ops & SelectionKey.OP_READ) != 0) {
            registration.removeInterest(SelectionKey.OP_READ); // the woken receivers read
            receivers.wakeAll();
        }
        if ((ops & SelectionKey.OP_WRITE) != 0) {
            for (Outgoing o; (o = unsent.peek()) != null && trySend(o.data(), o.target()); ) {
                unsent.poll();
            }
            if (unsent.isEmpty()) {
                registration.removeInterest(SelectionKey.OP_WRITE);
            }
        }
    }

    /** Sends one datagram now; false if the socket's buffer is full. A failure is kept for receive. */
    private boolean trySend(ByteBuffer payload, SocketAddress target) {
        try {
            return (target == null ? channel.write(payload) : channel.send(payload, target)) > 0
                    || !payload.hasRemaining();
        } catch (IOException e) {
            sendFailure = e;
            receivers.wakeAll();
            return true; // dropped: UDP does not retry
        }
    }
}
