package io.jcoro.it.seeds;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;

import io.jcoro.AsyncCloseable;
import io.jcoro.Awaitable;
import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.Map;
import java.util.Objects;

/**
 * A stand-in for seed 002's {@code aiohttp.ClientSession}: no network, a fixed latency per URL,
 * so that the program and its Python twin (which uses the same stand-in) are deterministic. Both
 * the session and each response are async context managers, as aiohttp's are:
 *
 * <pre>{@code
 * try (ClientSession session = await(ClientSession.open(trace).enter())) {   // async with ClientSession() as session
 *     try (ClientSession.Response response = await(session.get(url))) {    // async with session.get(url) as response
 *         return done(await(response.text()));                             // return await response.text()
 *     }
 * }
 * }</pre>
 */
public abstract class ClientSession implements AsyncCloseable {
    /** How long each URL takes to answer: the first is the slowest, so gather's order shows. */
    public static final Map<String, Long> LATENCY_MILLIS = Map.of(
            "https://api.example.com/data1", 300L,
            "https://api.example.com/data2", 100L,
            "https://api.example.com/data3", 200L);

    final Trace trace;

    protected ClientSession(Trace trace) {
        this.trace = Objects.requireNonNull(trace, "trace");
    }

    /** {@code aiohttp.ClientSession()}: the generated subclass. */
    public static ClientSession open(Trace trace) {
        return new ClientSessionCoroutines(trace);
    }

    /** {@code __aenter__}. */
    @Async
    public Coroutine<ClientSession> enter() {
        trace.line("session opened");
        return done(this);
    }

    /** {@code __aexit__}. */
    @Async
    public Coroutine<Void> exit() {
        trace.line("session closed");
        return done();
    }

    @Override
    public Awaitable<Void> closeAsync() {
        return exit();
    }

    /** {@code session.get(url)} entered: sends the request, waits for the response's headers. */
    @Async
    public Coroutine<Response> get(String url) {
        trace.line("GET " + url);
        await(sleep(LATENCY_MILLIS.getOrDefault(url, 50L)));
        return done(new Response(trace, url));
    }

    /** A response: {@link #text()} reads its body; closing it releases the connection. */
    public static final class Response implements AsyncCloseable {
        private final Trace trace;
        private final String url;

        Response(Trace trace, String url) {
            this.trace = trace;
            this.url = url;
        }

        /** {@code await response.text()}: the body (here, at once). */
        public Awaitable<String> text() {
            return io.jcoro.Promise.completed("data of " + url.substring(url.lastIndexOf('/') + 1));
        }

        /** {@code __aexit__} of {@code session.get(url)}: releases the connection. */
        @Override
        public Awaitable<Void> closeAsync() {
            trace.line("released " + url);
            return io.jcoro.Promise.completed(null);
        }
    }
}
