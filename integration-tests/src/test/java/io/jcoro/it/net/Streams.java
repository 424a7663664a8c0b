package io.jcoro.it.net;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;

import io.jcoro.CancelledError;
import io.jcoro.Coroutine;
import io.jcoro.Promise;
import io.jcoro.Task;
import io.jcoro.annotations.Async;
import io.jcoro.net.Connection;
import io.jcoro.net.IncompleteReadError;
import io.jcoro.net.LimitOverrunError;
import io.jcoro.net.Net;
import io.jcoro.net.Server;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * The stream programs the network tests run, compiled by the processor like user code. Each
 * records what it saw in a trace, which the test compares with what must happen.
 */
public interface Streams {

    // ------------------------------------------------------------------ handlers

    /** Echoes each line back, then ends at the end of the stream. */
    @Async
    default Coroutine<Void> echoLines(Connection c) throws IOException {
        for (String line; (line = await(c.reader().readLine())) != null; ) {
            c.writer().write(line + "\n");
            await(c.writer().drain());
        }
        return done();
    }

    /** Reads to the end of the stream, then answers with the byte count (the half-close test). */
    @Async
    default Coroutine<Void> countUntilEof(Connection c) throws IOException {
        int total = 0;
        for (byte[] chunk; (chunk = await(c.reader().read(1024))).length > 0; ) {
            total += chunk.length;
        }
        c.writer().write("got " + total + "\n");
        return done();
    }

    /** Ends at once: the server closes the connection. */
    @Async
    default Coroutine<Void> closeAtOnce(Connection c) {
        return done();
    }

    // ------------------------------------------------------------------ programs

    /** Echo server and client: three lines there and back, then a clean shutdown. */
    @Async
    default Coroutine<Void> echo(List<String> trace) throws IOException {
        Server server = await(Net.startServer(this::echoLines, "127.0.0.1", 0));
        try (Connection c = await(Net.openConnection("127.0.0.1", server.port()))) {
            c.writer().write("one\ntwo\r\nthree\n");
            for (int i = 0; i < 3; i++) {
                trace.add(await(c.reader().readLine()));
            }
            trace.add("local " + c.localAddress().toString().contains("127.0.0.1"));
            trace.add("remote port " + ((java.net.InetSocketAddress) c.remoteAddress()).getPort()
                    + (((java.net.InetSocketAddress) c.remoteAddress()).getPort() == server.port() ? " = server" : ""));
        }
        server.close();
        await(server.waitClosed());
        trace.add("closed");
        return done();
    }

    /** Echo over a Unix domain socket; the server deletes its socket file when it closes. */
    @Async
    default Coroutine<Void> unixEcho(java.nio.file.Path path, List<String> trace) throws IOException {
        Server server = await(Net.startUnixServer(this::echoLines, path));
        trace.add("port " + server.port() + ", file " + java.nio.file.Files.exists(path));
        try (Connection c = await(Net.openUnixConnection(path))) {
            c.writer().write("over unix\n");
            trace.add(await(c.reader().readLine()));
        }
        await(server.closeAsync());
        trace.add("file after close " + java.nio.file.Files.exists(path));
        return done();
    }

    /** The client half-closes; it still reads the server's answer. */
    @Async
    default Coroutine<Void> halfClose(List<String> trace) throws IOException {
        Server server = await(Net.startServer(this::countUntilEof, "127.0.0.1", 0));
        try (Connection c = await(Net.openConnection("127.0.0.1", server.port()))) {
            c.writer().write(new byte[5000]);
            c.writer().writeEof();
            trace.add(await(c.reader().readLine()));
            trace.add("line after: " + await(c.reader().readLine()));
            trace.add("atEof " + c.reader().atEof());
        }
        await(server.closeAsync());
        return done();
    }

    /** After the end of the stream every read says so again. */
    @Async
    default Coroutine<Void> readAfterEof(List<String> trace) throws IOException {
        Server server = await(Net.startServer(this::closeAtOnce, "127.0.0.1", 0));
        try (Connection c = await(Net.openConnection("127.0.0.1", server.port()))) {
            trace.add("read " + await(c.reader().read(10)).length);
            trace.add("read again " + await(c.reader().read(10)).length);
            trace.add("line " + await(c.reader().readLine()));
            try {
                await(c.reader().readExactly(1));
            } catch (IncompleteReadError e) {
                trace.add("incomplete " + e.partial().length + "/" + e.expected());
            }
            trace.add("atEof " + c.reader().atEof());
        }
        await(server.closeAsync());
        return done();
    }

    /** Sends "abc" and closes. */
    @Async
    default Coroutine<Void> sendAbcAndClose(Connection c) {
        c.writer().write("abc");
        return done();
    }

    /** The stream ends inside a readExactly and a readUntil: each gets the partial bytes, consumed. */
    @Async
    default Coroutine<Void> incompleteReads(List<String> trace) throws IOException {
        Server server = await(Net.startServer(this::sendAbcAndClose, "127.0.0.1", 0));
        try (Connection c = await(Net.openConnection("127.0.0.1", server.port()))) {
            try {
                await(c.reader().readExactly(5));
            } catch (IncompleteReadError e) {
                trace.add(new String(e.partial(), StandardCharsets.UTF_8) + "/" + e.expected());
            }
            trace.add("then " + await(c.reader().read(10)).length);
        }
        try (Connection c = await(Net.openConnection("127.0.0.1", server.port()))) {
            try {
                await(c.reader().readUntil(new byte[] {'\n'}));
            } catch (IncompleteReadError e) {
                trace.add(new String(e.partial(), StandardCharsets.UTF_8) + "/" + e.expected());
            }
            trace.add("atEof " + c.reader().atEof());
        }
        await(server.closeAsync());
        return done();
    }

    /** A refused connection fails with ConnectException, caught as such. */
    @Async
    default Coroutine<Void> refused(int closedPort, List<String> trace) throws IOException {
        try {
            await(Net.openConnection("127.0.0.1", closedPort));
            trace.add("connected?!");
        } catch (ConnectException e) {
            trace.add("refused: " + e.getClass().getSimpleName());
        }
        return done();
    }

    /** A connect that does not complete in time fails with AsyncTimeoutException. */
    @Async
    default Coroutine<Void> connectTimeout(int port, List<String> trace) throws IOException {
        try {
            await(io.jcoro.Coro.waitFor(Net.openConnection("127.0.0.1", port), java.time.Duration.ofMillis(200)));
            trace.add("connected?!");
        } catch (io.jcoro.AsyncTimeoutException e) {
            trace.add("timed out");
        }
        return done();
    }

    /** Writes then waits for the peer to close, then writes until a drain reports the error. */
    @Async
    default Coroutine<Void> writeToClosed(List<String> trace) throws IOException {
        Server server = await(Net.startServer(this::closeAtOnce, "127.0.0.1", 0));
        try (Connection c = await(Net.openConnection("127.0.0.1", server.port()))) {
            trace.add("eof " + await(c.reader().read(1)).length);
            int writes = 0;
            IOException failure = null;
            while (failure == null && writes < 1000) {
                c.writer().write(new byte[1024]);
                writes++;
                try {
                    await(c.writer().drain());
                    await(sleep(1));
                } catch (IOException e) {
                    failure = e;
                }
            }
            trace.add("drain failed: " + (failure != null));
            c.writer().write("dropped"); // no exception: the connection broke, the drain said why
            try {
                await(c.writer().drain());
            } catch (IOException e) {
                trace.add("same error: " + (e == failure));
            }
        } catch (IOException closeFailure) {
            trace.add("close reported the lost data");
        }
        await(server.closeAsync());
        return done();
    }

    /** A write after writeEof is a mistake; a write after an abort is dropped and drain says so. */
    @Async
    default Coroutine<Void> writeAfterEofOrAbort(List<String> trace) throws IOException {
        Server server = await(Net.startServer(this::countUntilEof, "127.0.0.1", 0));
        Connection c = await(Net.openConnection("127.0.0.1", server.port()));
        c.writer().writeEof();
        try {
            c.writer().write("late");
        } catch (IllegalStateException e) {
            trace.add(e.getMessage());
        }
        c.abort();
        c.writer().write("dropped");
        try {
            await(c.writer().drain());
        } catch (java.net.SocketException e) {
            trace.add("drain: " + e.getMessage());
        }
        trace.add("closed " + c.isClosed());
        await(c.closeAsync()); // closing a closed connection completes at once
        await(server.closeAsync());
        return done();
    }

    /** Reads what a peer sends, then the reset: what was read, then the error. */
    @Async
    default Coroutine<Void> peerReset(int port, List<String> trace) throws IOException {
        try (Connection c = await(Net.openConnection("127.0.0.1", port))) {
            try {
                while (await(c.reader().read(100)).length > 0) {
                    // read until the reset
                }
                trace.add("eof");
            } catch (IOException e) {
                trace.add("reset: " + e.getClass().getName());
            }
        }
        return done();
    }

    /** A server that sends "01234", then after 200 ms "56789". */
    @Async
    default Coroutine<Void> sendInTwoParts(Connection c) throws IOException {
        c.writer().write("01234");
        await(sleep(200));
        c.writer().write("56789");
        await(c.reader().read(1)); // until the client closes
        return done();
    }

    /** A read cancelled while it waits, with half its bytes there, loses none of them. */
    @Async
    default Coroutine<Void> cancelledReadLosesNothing(List<String> trace) throws IOException {
        Server server = await(Net.startServer(this::sendInTwoParts, "127.0.0.1", 0));
        try (Connection c = await(Net.openConnection("127.0.0.1", server.port()))) {
            Task<byte[]> reading = createTask(readExactlyTask(c, 10));
            await(sleep(100)); // "01234" arrived and waits in the buffer
            reading.cancel();
            try {
                await(reading);
            } catch (CancelledError e) {
                trace.add("cancelled");
            }
            try {
                await(io.jcoro.Coro.waitFor(c.reader().readLine(), java.time.Duration.ofMillis(20)));
            } catch (io.jcoro.AsyncTimeoutException e) {
                trace.add("timed out");
            }
            trace.add(new String(await(c.reader().readExactly(10)), StandardCharsets.UTF_8));
        }
        await(server.closeAsync());
        return done();
    }

    @Async
    default Coroutine<byte[]> readExactlyTask(Connection c, int n) throws IOException {
        return done(await(c.reader().readExactly(n)));
    }

    /** A server that sends 40 bytes, a newline, then "tail\n". */
    @Async
    default Coroutine<Void> sendLongLine(Connection c) throws IOException {
        c.writer().write("x".repeat(40) + "\ntail\n");
        await(c.reader().read(1));
        return done();
    }

    /** A line longer than the limit: LimitOverrunError, and the bytes stay readable. */
    @Async
    default Coroutine<Void> limitOverrun(List<String> trace) throws IOException {
        Server server = await(Net.startServer(this::sendLongLine, "127.0.0.1", 0));
        try (Connection c = await(Net.openConnection("127.0.0.1", server.port()))) {
            c.reader().setLimit(16);
            try {
                await(c.reader().readLine());
            } catch (LimitOverrunError e) {
                trace.add("overrun " + e.consumed());
            }
            try {
                await(c.reader().readUntil(new byte[] {'\n'}));
            } catch (LimitOverrunError e) {
                trace.add("again " + e.consumed());
            }
            trace.add("kept " + await(c.reader().readExactly(41)).length);
            trace.add(await(c.reader().readLine()));
        }
        await(server.closeAsync());
        return done();
    }

    /** A handler that reads nothing until told to. */
    @Async
    default Coroutine<Void> slowReader(Connection c, Promise<Void> go, int[] received) throws IOException {
        await(go);
        for (byte[] b; (b = await(c.reader().read(65536))).length > 0; ) {
            received[0] += b.length;
        }
        return done();
    }

    /** Drain waits above the high mark, for several tasks at once, until the peer reads. */
    @Async
    default Coroutine<Void> backpressure(List<String> trace) throws IOException {
        Promise<Void> go = new Promise<>();
        int[] received = {0};
        Server server = await(Net.startServer(c -> slowReader(c, go, received), "127.0.0.1", 0));
        try (Connection c = await(Net.openConnection("127.0.0.1", server.port()))) {
            c.writer().setWriteBufferLimits(64 * 1024, 16 * 1024);
            for (int i = 0; i < 64; i++) {
                c.writer().write(new byte[512 * 1024]); // 32 MiB: more than the socket buffers hold
            }
            trace.add("buffered above high: " + (c.writer().bufferSize() > 64 * 1024));
            Task<Void> first = createTask(drainTask(c));
            Task<Void> second = createTask(drainTask(c));
            await(sleep(50));
            trace.add("drains waiting: " + (!first.isDone() && !second.isDone()));
            go.setResult(null);
            await(first);
            await(second);
            trace.add("drained to low: " + (c.writer().bufferSize() <= 16 * 1024));
        }
        await(server.closeAsync());
        trace.add("received " + received[0]);
        return done();
    }

    @Async
    default Coroutine<Void> drainTask(Connection c) throws IOException {
        await(c.writer().drain());
        return done();
    }

    /**
     * Reads {@code reads} blocks of {@code size} bytes from a peer that sends without pause, after
     * a warm-up; returns the bytes the loop thread allocated meanwhile ({@code allocated}).
     */
    @Async
    default Coroutine<Long> allocationPerReads(int port, int reads, int size, java.util.function.LongSupplier allocated)
            throws IOException {
        try (Connection c = await(Net.openConnection("127.0.0.1", port))) {
            for (int i = 0; i < 1000; i++) {
                await(c.reader().readExactly(size));
            }
            long before = allocated.getAsLong();
            for (int i = 0; i < reads; i++) {
                await(c.reader().readExactly(size));
            }
            return done(allocated.getAsLong() - before);
        }
    }

    /**
     * Flow control: while nothing is read, the reader stops taking bytes from the socket (the
     * peer's writes block); then every byte is read, in order of arrival.
     */
    @Async
    default Coroutine<Void> pausedReading(int port, java.util.function.BooleanSupplier senderDone, List<String> trace)
            throws IOException {
        try (Connection c = await(Net.openConnection("127.0.0.1", port))) {
            c.reader().setLimit(4096);
            await(sleep(300)); // not reading
            trace.add("sender blocked: " + !senderDone.getAsBoolean());
            long total = 0;
            for (byte[] b; (b = await(c.reader().read(65536))).length > 0; ) {
                total += b.length;
            }
            trace.add("read " + total);
        }
        return done();
    }

    /** Runs {@code lines} through an echo peer at {@code port}. */
    @Async
    default Coroutine<Void> echoClient(int port, List<String> lines, Consumer<String> trace) throws IOException {
        try (Connection c = await(Net.openConnection("127.0.0.1", port))) {
            for (String line : lines) {
                c.writer().write(line + "\n");
                await(c.writer().drain());
                trace.accept(await(c.reader().readLine()));
            }
        }
        return done();
    }

    /** Serves echo until {@code stop} completes, reporting the port. */
    @Async
    default Coroutine<Void> echoServer(Consumer<Integer> port, Promise<Void> stop) throws IOException {
        Server server = await(Net.startServer(this::echoLines, "127.0.0.1", 0));
        port.accept(server.port());
        await(stop);
        server.close();
        server.closeClients();
        await(server.waitClosed());
        return done();
    }
}
