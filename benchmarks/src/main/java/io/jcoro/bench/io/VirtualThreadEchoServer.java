package io.jcoro.bench.io;

import io.jcoro.bench.peers.VThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plain peer: a blocking {@link ServerSocket} whose acceptor and each connection run on a
 * virtual thread of their own (JDK 21+), reading into an 8 KiB array (the JDK's
 * {@code BufferedInputStream} default) and writing back what came.
 */
final class VirtualThreadEchoServer implements EchoServer {
    static final int BUFFER = 8 * 1024;

    private final ServerSocket listener;
    private final Thread acceptor;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger live = new AtomicInteger();

    private VirtualThreadEchoServer(ServerSocket listener) {
        this.listener = listener;
        this.acceptor = VThreads.start(this::accept);
    }

    static VirtualThreadEchoServer start() throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        return new VirtualThreadEchoServer(listener);
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public int liveConnections() {
        return live.get();
    }

    private void accept() {
        while (true) {
            Socket socket;
            try {
                socket = listener.accept();
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                return; // closed
            }
            sockets.add(socket);
            threads.add(VThreads.start(() -> echo(socket)));
        }
    }

    private void echo(Socket socket) {
        live.incrementAndGet();
        byte[] buffer = new byte[BUFFER];
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the peer went away, or the server closed the socket
        } finally {
            live.decrementAndGet();
            sockets.remove(socket);
            threads.remove(Thread.currentThread());
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listener.close();
        acceptor.join();
        for (Socket s : sockets) {
            s.close();
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
