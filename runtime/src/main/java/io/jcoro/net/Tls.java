package io.jcoro.net;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * How a connection speaks TLS (asyncio's {@code ssl=} argument): the JDK's {@link SSLEngine}
 * made from an {@link SSLContext}, driven on the event loop. Immutable: each {@code with...}
 * returns a copy.
 *
 * <pre>{@code
 * Tls tls = Tls.client(context, "example.org");   // SNI, and the certificate must name example.org
 * try (Connection c = await(Net.openConnection("example.org", 443, tls))) { ... }
 *
 * Server s = await(Net.startServer(this::serve, "127.0.0.1", 8443, Tls.server(serverContext)));
 * }</pre>
 *
 * <p>A client made with a server name sends it as SNI and checks that the peer's certificate
 * names it (the JDK's "HTTPS" endpoint identification, which also matches an IP address against
 * the certificate's IP SANs); without a name only the certificate chain is checked, by the
 * context's trust managers. A failed handshake fails the connect, the {@code startTls} or (on a
 * server) goes to the loop's exception handler, with the engine's {@code SSLException} unchanged.
 *
 * <p>Timeouts, as asyncio's defaults: the handshake must end within 60 s
 * ({@code ssl_handshake_timeout}), else it fails with a {@link java.net.SocketTimeoutException};
 * a close waits at most 30 s ({@code ssl_shutdown_timeout}) for the peer's {@code close_notify}
 * after sending its own, then closes the socket anyway. Both are loop timers: on a
 * virtual-time loop, whose clock jumps to the next timer whenever nothing is ready, a handshake
 * with a real peer times out as soon as the loop waits for it, so real TLS peers want a loop on
 * the system clock.
 */
public final class Tls {
    /** asyncio's {@code ssl_handshake_timeout} default. */
    static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);
    /** asyncio's {@code ssl_shutdown_timeout} default. */
    static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private final SSLContext context;
    private final boolean client;
    private final String serverName;
    private final Duration handshakeTimeout;
    private final Duration shutdownTimeout;
    private final List<String> applicationProtocols;

    private Tls(SSLContext context, boolean client, String serverName, Duration handshakeTimeout,
            Duration shutdownTimeout, List<String> applicationProtocols) {
        this.context = Objects.requireNonNull(context, "context");
        this.client = client;
        this.serverName = serverName;
        this.handshakeTimeout = handshakeTimeout;
        this.shutdownTimeout = shutdownTimeout;
        this.applicationProtocols = applicationProtocols;
    }

    /** The client side of TLS, checking only the peer's certificate chain. */
    public static Tls client(SSLContext context) {
        return new Tls(context, true, null, DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_SHUTDOWN_TIMEOUT, List.of());
    }

    /** The client side of TLS for {@code serverName}: sent as SNI, and the certificate must name it. */
    public static Tls client(SSLContext context, String serverName) {
        return new Tls(context, true, Objects.requireNonNull(serverName, "serverName"), DEFAULT_HANDSHAKE_TIMEOUT,
                DEFAULT_SHUTDOWN_TIMEOUT, List.of());
    }

    /** The server side of TLS. */
    public static Tls server(SSLContext context) {
        return new Tls(context, false, null, DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_SHUTDOWN_TIMEOUT, List.of());
    }

    /** A copy whose handshake must end within {@code timeout} (default 60 s). */
    public Tls withHandshakeTimeout(Duration timeout) {
        return new Tls(context, client, serverName, positive(timeout), shutdownTimeout, applicationProtocols);
    }

    /** A copy whose close waits at most {@code timeout} for the peer's close_notify (default 30 s). */
    public Tls withShutdownTimeout(Duration timeout) {
        return new Tls(context, client, serverName, handshakeTimeout, positive(timeout), applicationProtocols);
    }

    /** A copy that offers (client) or accepts (server) these ALPN protocols, in preference order. */
    public Tls withApplicationProtocols(String... protocols) {
        return new Tls(context, client, serverName, handshakeTimeout, shutdownTimeout, List.of(protocols));
    }

    /** Whether this is the client side. */
    public boolean isClient() {
        return client;
    }

    /** The server name a client checks, or null. */
    public String serverName() {
        return serverName;
    }

    /** How long the handshake may take. */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** How long a close waits for the peer's close_notify. */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    @Override
    public String toString() {
        return "Tls[" + (client ? "client" : "server") + (serverName != null ? " for " + serverName : "") + "]";
    }

    /** A new engine for one connection to {@code peerHost}:{@code peerPort} (hints for session reuse). */
    SSLEngine newEngine(String peerHost, int peerPort) {
        SSLEngine engine = serverName != null ? context.createSSLEngine(serverName, peerPort)
                : peerHost != null ? context.createSSLEngine(peerHost, peerPort) : context.createSSLEngine();
        engine.setUseClientMode(client);
        SSLParameters parameters = engine.getSSLParameters();
        if (serverName != null) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!isIpLiteral(serverName)) { // SNI carries host names only (RFC 6066 section 3)
                parameters.setServerNames(List.of(new SNIHostName(serverName)));
            }
        }
        if (!applicationProtocols.isEmpty()) {
            parameters.setApplicationProtocols(applicationProtocols.toArray(String[]::new));
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static Duration positive(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return timeout;
    }
}
