package io.jcoro.net;

import io.jcoro.Awaitable;
import io.jcoro.Coroutine;
import io.jcoro.internal.IoSelector;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;

/**
 * {@link Net#openConnection}: look the host up, then try its addresses in turn until one
 * connects (asyncio's {@code create_connection} without happy eyeballs). Hand-written in the
 * processor's frame shape:
 *
 * <pre>{@code
 * SocketAddress[] addresses = await(lookup);
 * Connection c = null;
 * for (SocketAddress a : addresses) {
 *     c = new Connection(...);                           // connect started, OP_CONNECT watched
 *     try {
 *         for (Object r; (r = c.finishConnect()) instanceof Signal s; ) await(s);
 *         break;
 *     } catch (IOException e) { c.abort(); c = null; last = e; }   // the next address
 * }
 * if (c == null) throw last;                             // ConnectException unchanged
 * if (tls != null) {                                     // a failed handshake: its SSLException
 *     c.beginTls(tls);
 *     for (Object r; (r = c.tlsOutcome()) instanceof Signal s; ) await(s);
 * }
 * return done(c);
 * }</pre>
 *
 * A cancellation (as from {@code waitFor}) or a failed handshake aborts the half-made connection.
 */
final class Connect extends Coroutine<Connection> {
    private static final int LOOKUP = 0;
    private static final int LOOKED_UP = 1;
    private static final int NEXT_ADDRESS = 2;
    private static final int FINISH = 3;
    private static final int WOKEN = 4;
    private static final int HANDSHAKE = 5;
    private static final int HANDSHAKE_WOKEN = 6;

    private final IoSelector io;
    private final Awaitable<SocketAddress[]> lookup;
    /** Null for a plaintext connection. */
    private final Tls tls;
    private SocketAddress[] addresses;
    private int next;
    private Connection connection;
    private IOException lastFailure;

    Connect(IoSelector io, Awaitable<SocketAddress[]> lookup, Tls tls) {
        this.io = io;
        this.lookup = lookup;
        this.tls = tls;
    }

    @Override
    protected Object $resume() throws Throwable {
        try {
            return body();
        } catch (Throwable t) {
            if (connection != null) {
                connection.abort();
                connection = null;
            }
            throw t;
        }
    }

    @SuppressWarnings("fallthrough")
    private Object body() throws Throwable {
        for (;;) {
            switch ($label) {
                case LOOKUP: {
                    if ($await(lookup, LOOKED_UP)) {
                        return $SUSPENDED;
                    }
                }
                case LOOKED_UP: {
                    addresses = (SocketAddress[]) $value();
                }
                case NEXT_ADDRESS: {
                    if (next == addresses.length) {
                        throw lastFailure;
                    }
                    try {
                        connection = start(addresses[next++]);
                    } catch (IOException e) { // refused at once: the next address
                        lastFailure = e;
                        continue;
                    }
                }
                case FINISH: {
                    Object outcome;
                    try {
                        outcome = connection.finishConnect();
                    } catch (IOException e) {
                        connection.abort();
                        connection = null;
                        lastFailure = e;
                        $label = NEXT_ADDRESS;
                        continue;
                    }
                    if (!(outcome instanceof Signals.Signal signal)) {
                        if (tls == null) {
                            return $return(made());
                        }
                        connection.beginTls(tls);
                        $label = HANDSHAKE;
                        continue;
                    }
                    if ($await(signal, WOKEN)) {
                        return $SUSPENDED;
                    }
                }
                case WOKEN: {
                    $value();
                    $label = FINISH;
                    continue;
                }
                case HANDSHAKE: {
                    if (!(connection.tlsOutcome() instanceof Signals.Signal signal)) {
                        return $return(made());
                    }
                    if ($await(signal, HANDSHAKE_WOKEN)) {
                        return $SUSPENDED;
                    }
                }
                case HANDSHAKE_WOKEN: {
                    $value();
                    $label = HANDSHAKE;
                    continue;
                }
                default:
                    throw $badLabel();
            }
        }
    }

    /** The connection, handed over: a later failure of this frame no longer aborts it. */
    private Connection made() {
        Connection made = connection;
        connection = null;
        return made;
    }

    private Connection start(SocketAddress address) throws IOException {
        SocketChannel channel = Sockets.open(address);
        try {
            channel.configureBlocking(false);
            channel.connect(address);
            return new Connection(io, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "Net.openConnection";
    }
}
