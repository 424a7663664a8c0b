package io.jcoro.bench.io;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The servers of one benchmark run, all started before the first case, so that the cases can go
 * round the servers (each case run against every server before the next case) and a change in the
 * machine's load during the run falls on all of them alike; a server waiting for its turn is idle.
 * A kind that cannot start here (a missing native library, uvloop, a JDK 17 build without Helidon)
 * is left out with a line on standard error.
 */
public final class RunningServers implements AutoCloseable {
    /** Starts a server of a kind. */
    @FunctionalInterface
    public interface Starter {
        EchoServer start(String kind) throws Exception;
    }

    private final Map<String, EchoServer> servers = new LinkedHashMap<>();

    private RunningServers() {}

    /** Starts each of {@code kinds} that can start, in order; {@code bench} names the run on standard error. */
    public static RunningServers start(Iterable<String> kinds, Starter starter, String bench) {
        RunningServers running = new RunningServers();
        for (String kind : kinds) {
            try {
                running.servers.put(kind, starter.start(kind));
            } catch (Exception | LinkageError e) {
                System.err.println(bench + ": " + kind + " left out: it did not start: " + e);
            }
        }
        return running;
    }

    /** The servers that started, by kind, in the order given. */
    public Map<String, EchoServer> byKind() {
        return servers;
    }

    /** Closes every server; the first failure is thrown once all were closed. */
    @Override
    public void close() throws Exception {
        Exception first = null;
        for (EchoServer s : servers.values()) {
            try {
                s.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
