package io.jcoro.bench.io.http;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import io.jcoro.net.Connection;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * The jcoro HTTP/1.1 plaintext server of the benchmark, per connection: answers each keep-alive
 * GET with "Hello, World!", in order, pipelined requests included (all the answers to one read go
 * out together, then one drain); ends the connection at the client's end of stream, after a
 * {@code Connection: close}, at a reset, or at a request it does not answer ({@link RequestHeads}).
 */
public interface HelloHandler {
    /** The most one read takes from the connection's buffer. */
    int MAX_READ = 64 * 1024;

    /** The answer to every request: the same headers as the Netty peer's. */
    byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!")
            .getBytes(StandardCharsets.US_ASCII);

    @Async
    default Coroutine<Void> serve(Connection c) throws IOException {
        RequestHeads heads = new RequestHeads();
        try {
            for (byte[] data; (data = await(c.reader().read(MAX_READ))).length > 0; ) {
                int requests = heads.add(data);
                if (requests == RequestHeads.REFUSED) {
                    break;
                }
                for (int i = 0; i < requests; i++) {
                    c.writer().write(RESPONSE);
                }
                await(c.writer().drain());
                if (heads.closeRequested()) {
                    break;
                }
            }
        } catch (SocketException reset) {
            // the client went away without a FIN (wrk resets its connections when it stops)
        }
        return done();
    }
}
