package io.jcoro.bench.io.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.Coro;
import io.jcoro.bench.io.EchoServer;
import io.jcoro.bench.io.JcoroEchoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The jcoro plaintext server over a real socket: pipelined, split and closing requests. */
class HelloHandlerTest {
    private static final String GET = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    private static final String RESPONSE = new String(HelloHandler.RESPONSE, StandardCharsets.US_ASCII);

    @Test
    void pipelinedSplitAndClosingRequestsEachGetOneAnswerThenTheServerCloses() throws Exception {
        try (EchoServer server = JcoroEchoServer.start(Coro.create(HelloHandler.class)::serve, null);
             Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(bytes(GET + GET + "GET / HT"));
            out.flush();
            assertEquals(RESPONSE + RESPONSE, readExactly(s.getInputStream(), 2 * RESPONSE.length()));
            out.write(bytes("TP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\nConnection: close\r\n\r\n"));
            out.flush();
            assertEquals(RESPONSE + RESPONSE, readToEnd(s.getInputStream()), "two answers, then the end");
        }
    }

    @Test
    void aRequestItDoesNotAnswerClosesTheConnectionWithoutAnAnswer() throws Exception {
        try (EchoServer server = JcoroEchoServer.start(Coro.create(HelloHandler.class)::serve, null);
             Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(bytes("POST / HTTP/1.1\r\nContent-Length: 1\r\n\r\nx"));
            assertEquals("", readToEnd(s.getInputStream()));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String readExactly(InputStream in, int n) throws IOException {
        return new String(in.readNBytes(n), StandardCharsets.US_ASCII);
    }

    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.US_ASCII);
    }
}
