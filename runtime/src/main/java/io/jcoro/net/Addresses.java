package io.jcoro.net;

import io.jcoro.Awaitable;
import io.jcoro.Coro;
import io.jcoro.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Host names to socket addresses without blocking the loop: a literal address is parsed at once;
 * a name is looked up on another thread ({@link Coro#toThread}), as asyncio's
 * {@code getaddrinfo} runs in an executor.
 */
final class Addresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Addresses() {}

    /** The addresses of {@code host} with {@code port}; host null: the wildcard address. */
    static Awaitable<SocketAddress[]> lookup(String host, int port) throws UnknownHostException {
        if (host == null) {
            return of(new InetSocketAddress(port));
        }
        if (IPV4.matcher(host).matches() || host.indexOf(':') >= 0) {
            return of(new InetSocketAddress(InetAddress.getByName(host), port)); // no lookup
        }
        return Coro.toThread(() -> withPort(InetAddress.getAllByName(host), port));
    }

    /** {@code address}, looked up first if it is unresolved. */
    static Awaitable<SocketAddress[]> lookup(InetSocketAddress address) throws UnknownHostException {
        return address.isUnresolved() ? lookup(address.getHostString(), address.getPort()) : of(address);
    }

    /** Just {@code address} (a Unix domain socket's, a resolved one). */
    static Awaitable<SocketAddress[]> of(SocketAddress address) {
        return Promise.completed(new SocketAddress[] {address});
    }

    private static SocketAddress[] withPort(InetAddress[] addresses, int port) {
        SocketAddress[] out = new SocketAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            out[i] = new InetSocketAddress(addresses[i], port);
        }
        return out;
    }
}
