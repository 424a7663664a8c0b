package io.jcoro.it.stages;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.awaitable;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.gather;
import static io.jcoro.Coro.gatherSettled;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.waitFor;

import io.jcoro.Coroutine;
import io.jcoro.Outcome;
import io.jcoro.annotations.Async;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code @Async} methods that gather {@code HttpClient.sendAsync} calls directly: no coroutine
 * wrapper per call.
 */
public abstract class PageFetcher {
    final HttpClient http;
    final URI base;
    /** Every call made, in order, to check what a cancellation reached. */
    final List<CompletableFuture<HttpResponse<String>>> issued = Collections.synchronizedList(new ArrayList<>());

    protected PageFetcher(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    CompletableFuture<HttpResponse<String>> get(String path) {
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(
                HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        issued.add(call);
        return call;
    }

    static List<String> bodies(List<HttpResponse<String>> responses) {
        List<String> bodies = new ArrayList<>();
        for (HttpResponse<String> r : responses) {
            bodies.add(r.body());
        }
        return bodies;
    }

    @Async
    public Coroutine<List<String>> fetchFive() {
        List<HttpResponse<String>> pages = await(gather(get("5"), get("4"), get("3"), get("2"), get("1")));
        return done(bodies(pages));
    }

    @Async
    public Coroutine<List<Outcome<HttpResponse<String>>>> fetchSettled(List<String> paths) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (String path : paths) {
            calls.add(get(path));
        }
        return done(await(gatherSettled(calls)));
    }

    @Async
    public Coroutine<List<Object>> fetchBesideACoroutine() {
        List<Object> both = await(gather(awaitable(get("1")), slowLength("abc")));
        return done(both);
    }

    @Async
    Coroutine<Integer> slowLength(String s) {
        await(sleep(20));
        return done(s.length());
    }

    @Async
    public Coroutine<List<String>> fetchWithin(Duration limit, String... paths) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (String path : paths) {
            calls.add(get(path));
        }
        return done(bodies(await(waitFor(gather(calls), limit))));
    }
}
