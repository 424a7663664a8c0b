package io.jcoro.bench.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The echo load generator, the same for every server: one thread, one {@link Selector}, plain
 * NIO, in a JVM of its own (which the benchmark pins to a core apart from the server's). Each
 * connection is closed-loop: it sends a message, waits until the whole message has come back
 * (checking its bytes), records the round trip and sends the next at once.
 *
 * <pre>
 * java -cp ... io.jcoro.bench.io.EchoLoad run PORT CONNECTIONS SIZE WARMUP_MS MEASURE_MS
 *     prints "measuring" when the warm-up ends, then at the end
 *     {"connections":..,"size":..,"messages":..,"seconds":..,"messagesPerSecond":..,"p50Micros":..,"p99Micros":..,
 *      "loadCpuShare":..,"loadWaitShare":..}  (its own CPU time over the measured seconds, and the share of
 *      them it spent waiting in select for the server: the more it waited, the less it was the bottleneck)
 * java -cp ... io.jcoro.bench.io.EchoLoad idle PORT CONNECTIONS
 *     opens CONNECTIONS, echoes one 64-byte message on each, prints "ready", then holds them
 *     open until a line (or the end) on standard input
 * </pre>
 *
 * <p>Only the round trips sent after the warm-up and back before the end count.
 */
public final class EchoLoad {
    private EchoLoad() {}

    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1]));
        int connections = Integer.parseInt(args[2]);
        switch (args[0]) {
            case "run":
                run(server, connections, Integer.parseInt(args[3]),
                        Long.parseLong(args[4]) * 1_000_000L, Long.parseLong(args[5]) * 1_000_000L);
                break;
            case "idle":
                idle(server, connections);
                break;
            default:
                throw new IllegalArgumentException("run or idle: " + args[0]);
        }
    }

    /** One connection's closed loop: the message out, the echo in, when it was sent. */
    private static final class Flow {
        final SocketChannel channel;
        final ByteBuffer out;
        final ByteBuffer in;
        SelectionKey key;
        long sentAt;

        Flow(SocketChannel channel, ByteBuffer message) {
            this.channel = channel;
            this.out = message.duplicate();
            this.in = ByteBuffer.allocateDirect(message.capacity());
        }

        void send(long now) throws IOException {
            out.clear();
            in.clear();
            sentAt = now;
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }

    static void run(InetSocketAddress server, int connections, int size, long warmupNanos, long measureNanos)
            throws IOException {
        ByteBuffer message = message(size);
        Selector selector = Selector.open();
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            SocketChannel channel = connect(server);
            channel.configureBlocking(false);
            Flow f = new Flow(channel, message);
            f.key = f.channel.register(selector, SelectionKey.OP_READ, f);
            flows.add(f);
        }
        Samples samples = new Samples();
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + measureNanos;
        for (Flow f : flows) {
            f.send(start);
        }
        boolean measuring = false;
        long cpuFrom = 0;
        long waiting = 0; // measured nanoseconds spent in select: waiting for the server, not working
        for (long now = start; now < end; now = System.nanoTime()) {
            if (!measuring && now >= measureFrom) {
                measuring = true;
                cpuFrom = EchoBench.processCpuNanos();
                System.out.println("measuring"); // the server's JVM samples its CPU time
                System.out.flush();
            }
            selector.select(10);
            if (measuring) {
                waiting += System.nanoTime() - now;
            }
            for (SelectionKey key : selector.selectedKeys()) {
                Flow f = (Flow) key.attachment();
                if (key.isWritable() && f.channel.write(f.out) >= 0 && !f.out.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
                if (key.isReadable() && receive(f)) {
                    long back = System.nanoTime();
                    if (f.sentAt >= measureFrom && back <= end) {
                        samples.add(back - f.sentAt);
                    }
                    f.send(back);
                }
            }
            selector.selectedKeys().clear();
        }
        double seconds = measureNanos / 1e9;
        // this JVM's share of one core while measuring: near 1, the load generator may be the bottleneck
        double cpuShare = (EchoBench.processCpuNanos() - cpuFrom) / (double) measureNanos;
        // the share of the measured time it waited in select: well above 0, the server kept it waiting
        double waitShare = waiting / (double) measureNanos;
        System.out.printf(Locale.ROOT,
                "{\"connections\":%d,\"size\":%d,\"messages\":%d,\"seconds\":%.3f,\"messagesPerSecond\":%.0f,"
                        + "\"p50Micros\":%.1f,\"p99Micros\":%.1f,\"loadCpuShare\":%.2f,\"loadWaitShare\":%.2f}%n",
                connections, size, samples.size(), seconds, samples.size() / seconds,
                samples.percentile(50) / 1e3, samples.percentile(99) / 1e3, cpuShare, waitShare);
        System.out.flush();
        for (Flow f : flows) {
            f.channel.close();
        }
        selector.close();
    }

    /** Reads what came; whether the whole echo is in (then checked against the message). */
    private static boolean receive(Flow f) throws IOException {
        if (f.channel.read(f.in) < 0) {
            throw new IOException("the server closed a connection");
        }
        if (f.in.hasRemaining()) {
            return false;
        }
        f.in.flip();
        f.out.clear();
        if (f.in.mismatch(f.out) != -1) {
            throw new IOException("the echo differs from the message");
        }
        return true;
    }

    static void idle(InetSocketAddress server, int connections) throws IOException {
        ByteBuffer message = message(64);
        List<SocketChannel> open = new ArrayList<>(connections);
        ByteBuffer in = ByteBuffer.allocateDirect(64);
        for (int i = 0; i < connections; i++) {
            SocketChannel c = connect(server);
            open.add(c);
            ByteBuffer out = message.duplicate();
            while (out.hasRemaining()) {
                c.write(out);
            }
            in.clear();
            while (in.hasRemaining()) {
                if (c.read(in) < 0) {
                    throw new IOException("the server closed connection " + i);
                }
            }
        }
        System.out.println("ready " + connections);
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        for (SocketChannel c : open) {
            c.close();
        }
    }

    /** A blocking connection to {@code server}, without Nagle's delay. */
    private static SocketChannel connect(InetSocketAddress server) throws IOException {
        SocketChannel c = SocketChannel.open(server);
        c.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return c;
    }

    /** {@code size} bytes of a pattern, so that a misplaced byte shows. */
    private static ByteBuffer message(int size) {
        ByteBuffer b = ByteBuffer.allocateDirect(size);
        for (int i = 0; i < size; i++) {
            b.put((byte) (i * 31 + 7));
        }
        return b.flip().asReadOnlyBuffer();
    }
}
