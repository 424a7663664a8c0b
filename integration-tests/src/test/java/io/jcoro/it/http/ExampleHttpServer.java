package io.jcoro.it.http;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;

import io.jcoro.AsyncTimeoutException;
import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import io.jcoro.net.Connection;
import io.jcoro.net.IncompleteReadError;
import io.jcoro.net.LimitOverrunError;
import io.jcoro.net.StreamWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.hc.core5.http.ParseException;

/**
 * A minimal HTTP/1.1 server for the seed's "concurrent HTTP requests" example: its
 * {@link #serve(Connection)} is the {@code ConnectionHandler} given to {@code Net.startServer}.
 * Connections are kept alive (one request after another, each answered before the next is read)
 * until the client closes, asks {@code Connection: close}, or speaks HTTP/1.0 without keep-alive.
 * A head that does not parse is answered 400, one over the reader's limit 431, a body framed by
 * {@code Transfer-Encoding} 501 (see {@link HttpHead}), and the connection is closed after each.
 *
 * <p>Routes: {@code GET /hello} answers {@code hello}; {@code GET /delay/<ms>} answers
 * {@code waited <ms> ms} after that many milliseconds (the example's slow "API"); {@code POST
 * /echo} answers the request's body; anything else is 404.
 *
 * <p>What happens is told to {@code events} as it happens: {@code "#<n> <method> <target>"}
 * when request head and body have arrived on the server's n-th connection (from 1),
 * {@code "#<n> <status> <target>"} when its answer is written, {@code "#<n> bad: <why>"} for
 * a malformed request, {@code "#<n> client gone"} when a read or write fails (a client that
 * closes between requests ends its connection quietly); from which the tests see keep-alive and
 * concurrency. A client that goes away is no failure of the server's: its handler ends normally.
 */
public abstract class ExampleHttpServer {
    /** How long a rejected client's remaining bytes are read and dropped before the connection closes. */
    static final Duration LINGER = Duration.ofSeconds(1);
    final Consumer<String> events; // package-private: the generated frames use it
    int connections;

    protected ExampleHttpServer(Consumer<String> events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Serves one connection: request after request, until one of them ends it. */
    @Async
    public Coroutine<Void> serve(Connection c) throws IOException {
        int id = ++connections;
        while (true) {
            byte[] head;
            try {
                head = await(c.reader().readUntil(HttpHead.END));
            } catch (IncompleteReadError e) { // the client closed, between requests or in a head
                return done();
            } catch (LimitOverrunError e) {
                await(reject(c, id, new Answer(431, "Request Header Fields Too Large", "head over " + c.reader().limit() + " bytes")));
                return done();
            } catch (IOException e) { // reset: no more requests from this client
                clientGone(id);
                return done();
            }
            HttpHead request;
            int length;
            try {
                request = HttpHead.request(head);
                length = request.contentLength();
            } catch (ParseException e) {
                await(reject(c, id, new Answer(400, "Bad Request", e.getMessage())));
                return done();
            }
            if (request.field("Transfer-Encoding") != null) {
                await(reject(c, id, new Answer(501, "Not Implemented", "Transfer-Encoding is not supported")));
                return done();
            }
            byte[] body;
            try {
                body = await(c.reader().readExactly(length));
            } catch (IOException e) { // closed or reset inside the body
                clientGone(id);
                return done();
            }
            String method = request.requestLine().getMethod();
            String target = request.requestLine().getUri();
            events.accept("#" + id + " " + method + " " + target);
            Answer answer = await(route(method, target, body));
            boolean close = request.closesConnection();
            answer.writeTo(c.writer(), close);
            try {
                await(c.writer().drain());
            } catch (IOException e) { // the client went away while its request was served
                clientGone(id);
                return done();
            }
            events.accept("#" + id + " " + answer.status() + " " + target);
            if (close) {
                return done(); // the server closes the connection when the handler ends
            }
        }
    }

    /** A read or write failed: the client went away, which ends its connection and is no failure of the server's. */
    void clientGone(int id) {
        events.accept("#" + id + " client gone");
    }

    /**
     * Answers a request that cannot be served and ends the connection as HTTP servers do (RFC
     * 9112 §9.6): the answer, a half-close, then what the client still sends is read and dropped
     * until it closes too, for at most {@link #LINGER}. Closing at once with unread bytes would
     * reset the connection, and a reset can destroy the answer before the client reads it.
     */
    @Async
    Coroutine<Void> reject(Connection c, int id, Answer answer) {
        events.accept("#" + id + " bad: " + answer.status() + " " + answer.text());
        answer.writeTo(c.writer(), true);
        c.writer().writeEof();
        try {
            await(Coro.waitFor(discardUntilEof(c), LINGER));
        } catch (AsyncTimeoutException | IOException e) {
            // the client keeps sending, or went away: the connection closes all the same
        }
        return done();
    }

    /** Reads and drops until the end of the stream. */
    @Async
    Coroutine<Void> discardUntilEof(Connection c) throws IOException {
        while (await(c.reader().read(64 * 1024)).length > 0) {
            // dropped
        }
        return done();
    }

    /** The example's routes. */
    @Async
    Coroutine<Answer> route(String method, String target, byte[] body) {
        if (target.equals("/hello") && method.equals("GET")) {
            return done(Answer.ok("hello"));
        }
        if (target.startsWith("/delay/") && method.equals("GET") && target.substring(7).matches("[0-9]{1,6}")) {
            long millis = Long.parseLong(target.substring(7));
            await(sleep(millis));
            return done(Answer.ok("waited " + millis + " ms"));
        }
        if (target.equals("/echo") && method.equals("POST")) {
            return done(new Answer(200, "OK", body));
        }
        return done(new Answer(404, "Not Found", "no route for " + method + " " + target));
    }

    /** A response: status, reason and a {@code text/plain} body. */
    record Answer(int status, String reason, byte[] body) {
        Answer(int status, String reason, String text) {
            this(status, reason, text.getBytes(StandardCharsets.UTF_8));
        }

        static Answer ok(String text) {
            return new Answer(200, "OK", text);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Writes the response, saying {@code Connection: close} if the server closes after it. */
        void writeTo(StreamWriter out, boolean close) {
            out.write("HTTP/1.1 " + status + " " + reason + "\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + (close ? "Connection: close\r\n" : "")
                    + "\r\n");
            out.write(body);
        }
    }
}
