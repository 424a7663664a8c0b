package io.jcoro.it.stress;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.gather;
import static io.jcoro.Coro.sleep;

import io.jcoro.Coroutine;
import io.jcoro.EventLoopGroup;
import io.jcoro.Promise;
import io.jcoro.annotations.Async;
import io.jcoro.net.Connection;
import io.jcoro.net.Net;
import io.jcoro.net.Server;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The loop-group stress programs, compiled like user code. */
public interface GroupLoad {

    @Async
    default Coroutine<Long> square(long k) {
        if (k % 3 == 0) {
            await(sleep(0));
        }
        return done(k * k);
    }

    /** Sleeps {@code ms}; a cancellation arrives as CancelledError at the await. */
    @Async
    default Coroutine<Long> nap(long ms) {
        await(sleep(ms));
        return done(-ms);
    }

    /** Submits {@code n} squares to the group from a group loop and sums them: loops awaiting loops. */
    @Async
    default Coroutine<Long> fanOut(EventLoopGroup group, int n) {
        List<Promise<Long>> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long k = i;
            parts.add(group.submit(() -> square(k)));
        }
        long sum = 0;
        for (long part : await(gather(parts))) {
            sum += part;
        }
        return done(sum);
    }

    /** Echoes lines until the stream ends. */
    @Async
    default Coroutine<Void> echo(Connection c) throws IOException {
        for (String line; (line = await(c.reader().readLine())) != null; ) {
            c.writer().write(line + "\n");
            await(c.writer().drain());
        }
        return done();
    }

    /** Starts an echo server on the group (unchecked, to be made in a {@code submit} supplier). */
    @Async
    default Coroutine<Server> startEcho(EventLoopGroup group) {
        try {
            return done(await(Net.startServer(group, this::echo, "127.0.0.1", 0)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One client: exchanges lines until the server ends the connection; returns how many came back. */
    @Async
    default Coroutine<Long> untilTheEnd(int port, int id) {
        long echoed = 0;
        try (Connection c = await(Net.openConnection("127.0.0.1", port))) {
            for (long i = 0; ; i++) {
                c.writer().write(id + ":" + i + "\n");
                String reply = await(c.reader().readLine());
                if (reply == null) {
                    break;
                }
                if (!reply.equals(id + ":" + i)) {
                    throw new IllegalStateException("sent " + id + ":" + i + ", got " + reply);
                }
                echoed++;
            }
        } catch (IOException endedByAReset) {
            // the server's loop closed the connection while this client wrote: an end too
        }
        return done(echoed);
    }

    /** {@code n} clients that run until the server ends them; the total exchanged. */
    @Async
    default Coroutine<Long> clientsUntilTheEnd(int port, int n) {
        List<Coroutine<Long>> clients = new ArrayList<>(n);
        for (int id = 0; id < n; id++) {
            clients.add(untilTheEnd(port, id));
        }
        long total = 0;
        for (long echoed : await(gather(clients))) {
            total += echoed;
        }
        return done(total);
    }
}
