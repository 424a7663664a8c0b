package io.jcoro.net;

import io.jcoro.Awaitable;
import io.jcoro.Coro;
import io.jcoro.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Host names to addresses without blocking the loop: a literal address is parsed at once; a
 * name is looked up on another thread ({@link Coro#toThread}), as asyncio's {@code getaddrinfo}
 * runs in an executor.
 */
final class Addresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Addresses() {}

    /** The addresses of {@code host}; null: the wildcard address (every interface). */
    static Awaitable<InetAddress[]> lookup(String host) throws UnknownHostException {
        if (host == null) {
            return Promise.completed(new InetAddress[] {new InetSocketAddress(0).getAddress()});
        }
        if (IPV4.matcher(host).matches() || host.indexOf(':') >= 0) {
            return Promise.completed(new InetAddress[] {InetAddress.getByName(host)}); // no lookup
        }
        return Coro.toThread(() -> InetAddress.getAllByName(host));
    }

    /** The address of {@code address}, looked up if it is unresolved. */
    static Awaitable<InetAddress[]> lookup(InetSocketAddress address) throws UnknownHostException {
        return address.isUnresolved() ? lookup(address.getHostString())
                : Promise.completed(new InetAddress[] {address.getAddress()});
    }
}
