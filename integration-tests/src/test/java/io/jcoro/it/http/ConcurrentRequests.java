package io.jcoro.it.http;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.gather;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Seed 002's "concurrent HTTP requests", for real, twice: with the JDK's {@link HttpClient}
 * (its {@code sendAsync} future awaited as a {@code CompletionStage}) and with {@link HttpSession}
 * on jcoro streams. The seed's {@code print} goes to {@code out}.
 *
 * <pre>{@code
 * async def fetch(session, url):
 *     async with session.get(url) as response:
 *         return await response.text()
 *
 * async def main():
 *     async with aiohttp.ClientSession() as session:
 *         tasks = [fetch(session, url) for url in urls]
 *         responses = await asyncio.gather(*tasks)
 *         for response in responses:
 *             print(response)
 * }</pre>
 */
public abstract class ConcurrentRequests {
    /** Every request's own bound: a request the server never answers fails instead of hanging. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    final Consumer<String> out; // package-private: the generated frames use it

    protected ConcurrentRequests(Consumer<String> out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    // ------------------------------------------------------------ with jcoro streams

    /** {@code fetch(session, url)}. */
    @Async
    public Coroutine<String> fetch(HttpSession session, String url) throws IOException {
        try (HttpSession.Response response = await(session.get(url))) {
            return done(await(response.text()));
        }
    }

    /** {@code main()}. */
    @Async
    public Coroutine<List<String>> main(List<String> urls) throws IOException {
        try (HttpSession session = HttpSession.open()) {
            List<Coroutine<String>> tasks = new ArrayList<>();
            for (String url : urls) {
                tasks.add(fetch(session, url));
            }
            List<String> responses = await(gather(tasks));
            for (String response : responses) {
                out.accept(response);
            }
            return done(responses);
        }
    }

    // ------------------------------------------------------------ with the JDK's HttpClient

    /** {@code fetch(session, url)}: the client's future, awaited as a CompletionStage. */
    @Async
    public Coroutine<String> fetchWithJdk(HttpClient client, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).build();
        HttpResponse<String> response = await(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        return done(response.body());
    }

    /** {@code main()}, the session being the JDK's client (HTTP/1.1: the example server speaks nothing else). */
    @Async
    public Coroutine<List<String>> mainWithJdk(List<String> urls) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(REQUEST_TIMEOUT).build();
        List<Coroutine<String>> tasks = new ArrayList<>();
        for (String url : urls) {
            tasks.add(fetchWithJdk(client, url));
        }
        List<String> responses = await(gather(tasks));
        for (String response : responses) {
            out.accept(response);
        }
        return done(responses);
    }
}
