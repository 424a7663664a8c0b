package io.jcoro.bench.io.tls;

import io.jcoro.bench.io.EchoBench;
import io.jcoro.bench.io.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS load generator (JDK provider, blocking {@code SSLSocket}s, a platform thread per
 * connection), in a JVM of its own, the same for every server:
 *
 * <pre>
 * java -cp ... io.jcoro.bench.io.tls.TlsLoad handshakes PORT CONCURRENCY WARMUP_MS MEASURE_MS
 *     each thread, over and over: connect, full handshake (the session is invalidated after it,
 *     so none is resumed), a 1-byte echo (the server has finished its side), close
 * java -cp ... io.jcoro.bench.io.tls.TlsLoad echo PORT CONNECTIONS SIZE WARMUP_MS MEASURE_MS
 *     each thread one connection, closed-loop: a message, the whole echo back (checked), the next
 * </pre>
 *
 * Prints "measuring" when the warm-up ends, then one JSON line: operations (handshakes or round
 * trips) counted when begun after the warm-up and ended before the end, per second, their p50/p99,
 * and this JVM's CPU share of one core over the measured seconds.
 */
public final class TlsLoad {
    private TlsLoad() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int size = mode.equals("echo") ? Integer.parseInt(args[3]) : 1;
        int timing = mode.equals("echo") ? 4 : 3;
        long start = System.nanoTime();
        long measureFrom = start + Long.parseLong(args[timing]) * 1_000_000L;
        long end = measureFrom + Long.parseLong(args[timing + 1]) * 1_000_000L;
        SSLSocketFactory factory = BenchTls.trustingClient().getSocketFactory();
        byte[] message = new byte[size];
        for (int i = 0; i < size; i++) {
            message[i] = (byte) (i * 31 + 7);
        }
        List<long[]> perThread = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            long[][] mine = {new long[1024]};
            Runnable work = mode.equals("echo")
                    ? () -> echo(factory, port, message, measureFrom, end, mine, failure)
                    : () -> handshakes(factory, port, measureFrom, end, mine, failure);
            Thread thread = new Thread(() -> {
                work.run();
                synchronized (perThread) {
                    perThread.add(mine[0]);
                }
            });
            thread.start();
            running.add(thread);
        }
        sleepUntil(measureFrom);
        System.out.println("measuring");
        System.out.flush();
        long cpuFrom = EchoBench.processCpuNanos();
        sleepUntil(end);
        double cpuShare = (EchoBench.processCpuNanos() - cpuFrom) / (double) (end - measureFrom);
        for (Thread t : running) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IOException("a connection failed", failure.get());
        }
        Samples samples = new Samples();
        for (long[] times : perThread) {
            for (int i = 1; i <= times[0]; i++) {
                samples.add(times[i]);
            }
        }
        double seconds = (end - measureFrom) / 1e9;
        System.out.printf(Locale.ROOT, "{\"mode\":\"%s\",\"connections\":%d,\"size\":%d,\"operations\":%d,\"seconds\":%.3f,"
                        + "\"perSecond\":%.0f,\"p50Micros\":%.1f,\"p99Micros\":%.1f,\"loadCpuShare\":%.2f}%n",
                mode, threads, mode.equals("echo") ? size : 0, samples.size(), seconds, samples.size() / seconds,
                samples.percentile(50) / 1e3, samples.percentile(99) / 1e3, cpuShare);
    }

    private static void handshakes(SSLSocketFactory factory, int port, long measureFrom, long end, long[][] times,
            AtomicReference<Throwable> failure) {
        try {
            for (long begun = System.nanoTime(); begun < end; begun = System.nanoTime()) {
                try (SSLSocket s = (SSLSocket) factory.createSocket(InetAddress.getLoopbackAddress(), port)) {
                    s.setTcpNoDelay(true);
                    s.startHandshake();
                    s.getSession().invalidate(); // the next connection makes a full handshake
                    s.getOutputStream().write(1);
                    if (s.getInputStream().read() != 1) {
                        throw new IOException("no echo after the handshake");
                    }
                }
                record(times, begun, System.nanoTime(), measureFrom, end);
            }
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private static void echo(SSLSocketFactory factory, int port, byte[] message, long measureFrom, long end,
            long[][] times, AtomicReference<Throwable> failure) {
        try (SSLSocket s = (SSLSocket) factory.createSocket(InetAddress.getLoopbackAddress(), port)) {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            byte[] back = new byte[message.length];
            for (long sent = System.nanoTime(); sent < end; sent = System.nanoTime()) {
                out.write(message);
                out.flush();
                if (in.readNBytes(back, 0, back.length) != back.length || !Arrays.equals(back, message)) {
                    throw new IOException("the echo differs from the message");
                }
                record(times, sent, System.nanoTime(), measureFrom, end);
            }
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Keeps {@code to - from} in {@code times[0]} (its element 0 the count) if it lies in the measured window. */
    private static void record(long[][] times, long from, long to, long measureFrom, long end) {
        if (from < measureFrom || to > end) {
            return;
        }
        long[] t = times[0];
        int n = (int) t[0] + 1;
        if (n == t.length) {
            t = Arrays.copyOf(t, t.length * 2);
            times[0] = t;
        }
        t[n] = to - from;
        t[0] = n;
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }
}
