package io.jcoro.it.http;

import io.jcoro.Coro;
import io.jcoro.Promise;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Serves the example on 127.0.0.1 (port 8080, or the first argument; 0 for any) until the
 * process is stopped, printing what the server sees, so that it can be tried with curl:
 *
 * <pre>
 * curl -s http://127.0.0.1:8080/hello http://127.0.0.1:8080/delay/500 ; echo
 * curl -s --data-binary 'posted' http://127.0.0.1:8080/echo ; echo
 * </pre>
 */
public final class ExampleHttpServerMain {
    private ExampleHttpServerMain() {}

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        Consumer<String> print = System.out::println;
        ExampleHttpServer handler = Coro.create(ExampleHttpServer.class, print);
        ExampleRuns runs = Coro.create(ExampleRuns.class);
        Consumer<Integer> started = p -> System.out.println("serving on http://127.0.0.1:" + p + "/");
        Coro.run(runs.serveUntil(handler, port, started, new Promise<>())); // a promise nobody completes
    }
}
