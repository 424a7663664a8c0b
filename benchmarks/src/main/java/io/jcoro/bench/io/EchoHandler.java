package io.jcoro.bench.io;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import io.jcoro.net.Connection;
import java.io.IOException;

/** The jcoro echo handler: what arrives goes back, as it arrives, with the writer's back-pressure. */
public interface EchoHandler {
    /** The most one read takes from the connection's buffer. */
    int MAX_READ = 64 * 1024;

    @Async
    default Coroutine<Void> echo(Connection c) throws IOException {
        for (byte[] data; (data = await(c.reader().read(MAX_READ))).length > 0; ) {
            c.writer().write(data);
            await(c.writer().drain());
        }
        return done();
    }
}
