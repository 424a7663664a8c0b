package io.jcoro.it.net;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;

import io.jcoro.AsyncTimeoutException;
import io.jcoro.Coro;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.Promise;
import io.jcoro.annotations.Async;
import io.jcoro.net.Connection;
import io.jcoro.net.Net;
import io.jcoro.net.Server;
import io.jcoro.net.Tls;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** The TLS programs {@code TlsTest} runs, compiled by the processor like user code. */
public interface TlsStreams extends Streams {

    /** Echoes bytes back until the end of the stream. */
    @Async
    default Coroutine<Void> echoBytes(Connection c) throws IOException {
        for (byte[] chunk; (chunk = await(c.reader().read(64 * 1024))).length > 0; ) {
            c.writer().write(chunk);
            await(c.writer().drain());
        }
        return done();
    }

    /** Echo of lines over TLS; the trace gets the lines and the protocols both sides agreed on. */
    @Async
    default Coroutine<Void> echo(Tls server, Tls client, List<String> trace) throws IOException {
        Server s = await(Net.startServer(this::echoLines, "127.0.0.1", 0, server));
        try (Connection c = await(Net.openConnection("127.0.0.1", s.port(), client))) {
            trace.add(c.tlsProtocol() + ", ALPN " + c.applicationProtocol());
            c.writer().write("one\ntwo\n");
            trace.add(await(c.reader().readLine()));
            trace.add(await(c.reader().readLine()));
        }
        await(s.closeAsync());
        trace.add("closed");
        return done();
    }

    /** 1 MiB there and back over TLS: many records, each split over socket reads. */
    @Async
    default Coroutine<Void> bigMessage(Tls server, Tls client, List<String> trace) throws IOException {
        byte[] message = new byte[1 << 20];
        new Random(42).nextBytes(message);
        Server s = await(Net.startServer(this::echoBytes, "127.0.0.1", 0, server));
        try (Connection c = await(Net.openConnection("127.0.0.1", s.port(), client))) {
            c.writer().write(message);
            byte[] echoed = await(c.reader().readExactly(message.length));
            trace.add("echoed " + echoed.length + " bytes, same " + Arrays.equals(message, echoed));
        }
        await(s.closeAsync());
        return done();
    }

    /** A connect whose handshake fails: the client's await fails with the exception's class. */
    @Async
    default Coroutine<Void> failedHandshake(Tls server, Tls client, List<String> trace) throws IOException {
        Server s = await(Net.startServer(this::echoLines, "127.0.0.1", 0, server));
        try {
            await(Net.openConnection("127.0.0.1", s.port(), client));
            trace.add("connected?!");
        } catch (javax.net.ssl.SSLException e) {
            trace.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        s.close();
        await(s.waitClosed());
        return done();
    }

    /** A connect to a peer that never answers the handshake. */
    @Async
    default Coroutine<Void> handshakeTimeout(int port, Tls client, List<String> trace) throws IOException {
        long start = EventLoop.current().time();
        try {
            await(Net.openConnection("127.0.0.1", port, client));
            trace.add("connected?!");
        } catch (java.net.SocketTimeoutException e) {
            trace.add(e.getMessage());
        }
        trace.add("within bound " + ((EventLoop.current().time() - start) / 1_000_000 < 3_000));
        return done();
    }

    /** Reads until the end of the stream and tells {@code ended} how it ended. */
    @Async
    default Coroutine<Void> readToEnd(Connection c, Consumer<String> ended) {
        try {
            int total = 0;
            for (byte[] chunk; (chunk = await(c.reader().read(1024))).length > 0; ) {
                total += chunk.length;
            }
            ended.accept("server read " + total + " bytes, then eof");
        } catch (IOException e) {
            ended.accept("server failed: " + e);
        }
        return done();
    }

    /** The client closes: the server reads the end of the stream (close_notify), not a reset. */
    @Async
    default Coroutine<Void> closeNotify(Tls server, Tls client, List<String> trace) throws IOException {
        Promise<String> ended = new Promise<>();
        Server s = await(Net.startServer(c -> readToEnd(c, ended::setResult), "127.0.0.1", 0, server));
        Connection c = await(Net.openConnection("127.0.0.1", s.port(), client));
        c.writer().write("bye");
        await(c.closeAsync());
        trace.add(await(ended));
        await(s.closeAsync());
        return done();
    }

    /** Sleeps, ignoring its connection: it answers no close_notify until it ends. */
    @Async
    default Coroutine<Void> ignore(Connection c) {
        await(sleep(5_000));
        return done();
    }

    /** The peer never answers close_notify: the close still ends, after the shutdown timeout. */
    @Async
    default Coroutine<Void> unansweredClose(Tls server, Tls client, List<String> trace) throws IOException {
        Server s = await(Net.startServer(this::ignore, "127.0.0.1", 0, server));
        Connection c = await(Net.openConnection("127.0.0.1", s.port(), client));
        long start = EventLoop.current().time();
        await(c.closeAsync());
        long millis = (EventLoop.current().time() - start) / 1_000_000;
        trace.add("closed " + c.isClosed() + ", waited the bound " + (millis >= 250 && millis < 3_000));
        s.close();
        s.abortClients();
        await(s.waitClosed());
        return done();
    }

    /** The server side of STARTTLS: a plaintext line, "OK", then TLS and echo. */
    @Async
    default Coroutine<Void> startTlsServer(Connection c, Tls tls, List<String> trace) throws IOException {
        trace.add("server got " + await(c.reader().readLine()));
        c.writer().write("OK\n");
        await(c.startTls(tls));
        trace.add("server " + c.tlsProtocol());
        await(echoLines(c));
        return done();
    }

    /** STARTTLS after a plaintext exchange, both sides jcoro. */
    @Async
    default Coroutine<Void> startTls(Tls server, Tls client, List<String> trace) throws IOException {
        Server s = await(Net.startServer(c -> startTlsServer(c, server, trace), "127.0.0.1", 0));
        try (Connection c = await(Net.openConnection("127.0.0.1", s.port()))) {
            c.writer().write("STARTTLS\n");
            trace.add("client got " + await(c.reader().readLine()));
            trace.add("client before " + c.tlsProtocol());
            await(c.startTls(client));
            trace.add("client " + c.tlsProtocol());
            c.writer().write("secret\n");
            trace.add("client got " + await(c.reader().readLine()));
        }
        await(s.closeAsync());
        return done();
    }

    /** A plaintext client fails the server's handshake; the server reports it and serves the next. */
    @Async
    default Coroutine<Void> serverKeepsServing(Tls server, Tls client, List<String> trace) throws IOException {
        Server s = await(Net.startServer(this::echoLines, "127.0.0.1", 0, server));
        try (Connection plain = await(Net.openConnection("127.0.0.1", s.port()))) {
            plain.writer().write("GET / HTTP/1.0\r\n\r\n");
            trace.add("plaintext client read " + await(plain.reader().read(100)).length + " bytes");
        } catch (IOException e) {
            trace.add("plaintext client: " + e.getClass().getSimpleName());
        }
        try (Connection c = await(Net.openConnection("127.0.0.1", s.port(), client))) {
            c.writer().write("still serving\n");
            trace.add(await(c.reader().readLine()));
        }
        await(s.closeAsync());
        return done();
    }

    /** writeEof over TLS: close_notify, then the socket's half-close; the answer still comes. */
    @Async
    default Coroutine<Void> tlsHalfClose(Tls server, Tls client, List<String> trace) throws IOException {
        Server s = await(Net.startServer(this::countUntilEof, "127.0.0.1", 0, server));
        try (Connection c = await(Net.openConnection("127.0.0.1", s.port(), client))) {
            c.writer().write(new byte[50_000]);
            c.writer().writeEof();
            trace.add(await(c.reader().readLine()));
            trace.add("line after: " + await(c.reader().readLine()));
        }
        await(s.closeAsync());
        return done();
    }

    /** A startTls cut short by a timeout aborts the connection; TLS cannot be asked for twice. */
    @Async
    @SuppressWarnings("coro:JCORO-W004") // the second startTls throws before it returns anything
    default Coroutine<Void> cancelledStartTls(Tls client, List<String> trace) throws IOException {
        Server s = await(Net.startServer(this::ignore, "127.0.0.1", 0));
        Connection c = await(Net.openConnection("127.0.0.1", s.port()));
        try {
            await(Coro.waitFor(c.startTls(client), Duration.ofMillis(200)));
            trace.add("handshaken?!");
        } catch (AsyncTimeoutException e) {
            trace.add("timed out, closed " + c.isClosed());
        }
        try {
            c.startTls(client);
        } catch (IllegalStateException e) {
            trace.add(e.getMessage().replaceAll("Connection\\[.*\\]", "Connection[...]"));
        }
        s.close();
        s.abortClients();
        await(s.waitClosed());
        return done();
    }

    /** Serves TLS echo until {@code stop} completes, reporting the port. */
    @Async
    default Coroutine<Void> tlsEchoServer(Tls tls, Consumer<Integer> port, Promise<Void> stop) throws IOException {
        Server s = await(Net.startServer(this::echoLines, "127.0.0.1", 0, tls));
        port.accept(s.port());
        await(stop);
        s.close();
        s.closeClients();
        await(s.waitClosed());
        return done();
    }

    /** A TLS echo client: each line there and back, then a close. */
    @Async
    default Coroutine<Void> tlsEchoClient(int port, Tls tls, List<String> lines, Consumer<String> trace)
            throws IOException {
        try (Connection c = await(Net.openConnection("127.0.0.1", port, tls))) {
            trace.accept(c.tlsProtocol());
            for (String line : lines) {
                c.writer().write(line + "\n");
                await(c.writer().drain());
                trace.accept(await(c.reader().readLine()));
            }
        }
        return done();
    }
}
