package io.jcoro.it.http;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;

import io.jcoro.AsyncCloseable;
import io.jcoro.Awaitable;
import io.jcoro.Coroutine;
import io.jcoro.Promise;
import io.jcoro.annotations.Async;
import io.jcoro.net.Connection;
import io.jcoro.net.Net;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.ParseException;

/**
 * A minimal HTTP/1.1 client on jcoro streams, shaped like seed 002's {@code aiohttp.ClientSession}:
 * the session and each response are async context managers.
 *
 * <pre>{@code
 * try (HttpSession session = HttpSession.open()) {                     // async with ClientSession() as session
 *     try (HttpSession.Response response = await(session.get(url))) {  // async with session.get(url) as response
 *         return done(await(response.text()));                         // return await response.text()
 *     }
 * }
 * }</pre>
 *
 * <p>Connections are kept alive: a response whose body was read, and whose server did not say
 * {@code Connection: close}, gives its connection back to the session when it is closed, and the
 * next request to the same host and port takes it; closing the session closes the idle ones.
 * Only {@code http://} URLs, and bodies framed by {@code Content-Length} (see {@link HttpHead}).
 * Loop thread only, as every jcoro object.
 */
public abstract class HttpSession implements AsyncCloseable {
    /** Idle kept-alive connections by "host:port", most recently released last. */
    final Map<String, ArrayDeque<Connection>> idle = new LinkedHashMap<>();

    protected HttpSession() {}

    /** {@code aiohttp.ClientSession()}: the generated subclass. */
    public static HttpSession open() {
        return new HttpSessionCoroutines();
    }

    /** {@code session.get(url)}: sends the request and waits for the response's head. */
    public Awaitable<Response> get(String url) throws IOException {
        return request("GET", url, null);
    }

    /** {@code session.post(url, data=body)}. */
    public Awaitable<Response> post(String url, byte[] body) throws IOException {
        return request("POST", url, body);
    }

    /** Sends one request (on an idle connection to the same place if there is one) and reads the response's head. */
    @Async
    public Coroutine<Response> request(String method, String url, byte[] body) throws IOException {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) || uri.getPort() < 0) {
            throw new IllegalArgumentException("not an http://host:port/ URL: " + url);
        }
        String place = uri.getHost() + ":" + uri.getPort();
        ArrayDeque<Connection> waiting = idle.get(place);
        Connection c = waiting == null || waiting.isEmpty() ? await(Net.openConnection(uri.getHost(), uri.getPort()))
                : waiting.removeLast();
        String target = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        c.writer().write(method + " " + target + " HTTP/1.1\r\n"
                + "Host: " + place + "\r\n"
                + (body == null ? "" : "Content-Length: " + body.length + "\r\n")
                + "\r\n");
        if (body != null) {
            c.writer().write(body);
        }
        boolean handedOver = false;
        try {
            await(c.writer().drain());
            HttpHead head = HttpHead.response(await(c.reader().readUntil(HttpHead.END)));
            if (head.field("Transfer-Encoding") != null) {
                throw new IOException("this client reads Content-Length bodies only: " + head.field("Transfer-Encoding"));
            }
            Response response = new Response(this, place, c, head, head.contentLength());
            handedOver = true;
            return done(response);
        } catch (ParseException e) {
            throw new IOException("malformed response from " + place + ": " + e.getMessage(), e);
        } finally {
            if (!handedOver) { // failed or cancelled: the connection is in an unknown state
                c.abort();
            }
        }
    }

    /** Reads a response's whole body. */
    @Async
    Coroutine<byte[]> readBody(Response response) throws IOException {
        byte[] body = await(response.connection.reader().readExactly(response.length));
        response.bodyRead = true;
        return done(body);
    }

    /** Closes the idle connections. */
    @Async
    Coroutine<Void> closeIdle() {
        List<Connection> all = new ArrayList<>();
        for (ArrayDeque<Connection> waiting : idle.values()) {
            all.addAll(waiting);
        }
        idle.clear();
        for (Connection c : all) {
            await(c.closeAsync());
        }
        return done();
    }

    @Override
    public Awaitable<Void> closeAsync() {
        return closeIdle();
    }

    /** A response whose head has arrived; {@link #text()} or {@link #bytes()} read its body. */
    public static final class Response implements AsyncCloseable {
        private final HttpSession session;
        private final String place;
        private final HttpHead head;
        final Connection connection;
        final int length;
        boolean bodyRead;

        Response(HttpSession session, String place, Connection connection, HttpHead head, int length) {
            this.session = session;
            this.place = place;
            this.connection = connection;
            this.head = head;
            this.length = length;
        }

        /** The status code. */
        public int status() {
            return head.statusLine().getStatusCode();
        }

        /** The first value of a header field, or null. */
        public String header(String name) {
            return head.field(name);
        }

        /** The body. */
        public Awaitable<byte[]> bytes() throws IOException {
            return session.readBody(this);
        }

        /** The body as UTF-8 text: {@code await response.text()}. */
        public Awaitable<String> text() throws IOException {
            return session.readText(this);
        }

        /** Gives the connection back to the session if it can carry another request, else closes it. */
        @Override
        public Awaitable<Void> closeAsync() {
            if (bodyRead && !head.closesConnection() && !connection.isClosed()) {
                session.idle.computeIfAbsent(place, p -> new ArrayDeque<>()).addLast(connection);
                return Promise.completed(null);
            }
            return connection.closeAsync();
        }
    }

    /** Reads a response's body as UTF-8 text. */
    @Async
    Coroutine<String> readText(Response response) throws IOException {
        return done(new String(await(readBody(response)), StandardCharsets.UTF_8));
    }
}
