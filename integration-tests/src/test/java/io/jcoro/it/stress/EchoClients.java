package io.jcoro.it.stress;

import io.jcoro.Coro;
import io.jcoro.EventLoop;

/**
 * The client side of {@link IoStressTest#tenThousandConnectionsEachExchangingAHundredMessages}, run
 * in a child JVM (a process may open 20,000 files: 10,000 connections need 20,000 descriptors on
 * one host). One jcoro loop runs every client.
 *
 * <pre>
 * java -cp TEST_CLASSPATH io.jcoro.it.stress.EchoClients PORT CONNECTIONS MESSAGES
 * </pre>
 *
 * <p>Prints one line {@code clients connected=.. completed=.. failed=.. echoedInOrder=..
 * wrongEchoes=.. slowestConnectMs=..}, then the first problems if any; exits with 0 if every
 * client sent and got back every message in order, 1 otherwise.
 */
public final class EchoClients {
    private EchoClients() {}

    public static void main(String[] args) throws java.io.IOException {
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        int messages = Integer.parseInt(args[2]);
        EventLoop loop = new EventLoop();
        IoWorkloads.ClientTally t = loop.runUntilComplete(
                Coro.create(IoWorkloads.class).echoClients(connections, port, messages));
        loop.close();
        System.out.printf(java.util.Locale.ROOT,
                "clients connected=%d completed=%d failed=%d echoedInOrder=%d wrongEchoes=%d slowestConnectMs=%d%n",
                t.connected, t.completed, t.failed, t.echoedInOrder, t.wrongEchoes, t.slowestConnectNanos / 1_000_000);
        t.firstProblems.forEach(p -> System.out.println("problem: " + p));
        boolean ok = t.completed == connections && t.echoedInOrder == (long) connections * messages;
        System.exit(ok ? 0 : 1);
    }
}
