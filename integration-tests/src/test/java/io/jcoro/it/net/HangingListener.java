package io.jcoro.it.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener on 127.0.0.1 at which a connect hangs: it never accepts, and its backlog of one is
 * filled by connects of its own, so the kernel drops further SYNs and a connect neither succeeds
 * nor fails until its caller gives up.
 */
final class HangingListener implements AutoCloseable {
    private final ServerSocketChannel listener;
    private final List<SocketChannel> fillers = new ArrayList<>();

    HangingListener() throws IOException {
        listener = ServerSocketChannel.open();
        try {
            listener.bind(new InetSocketAddress("127.0.0.1", 0), 1);
            for (int i = 0; i < 8; i++) {
                SocketChannel filler = SocketChannel.open();
                fillers.add(filler);
                filler.configureBlocking(false);
                filler.connect(listener.getLocalAddress());
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    int port() throws IOException {
        return ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    @Override
    public void close() throws IOException {
        for (SocketChannel filler : fillers) {
            filler.close();
        }
        listener.close();
    }
}
