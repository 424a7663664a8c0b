package io.jcoro.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jcoro.Awaitable;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.net.StreamReader;
import io.jcoro.net.StreamWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seam through which a transport of another package drives {@code io.jcoro.net}'s streams:
 * every transport event reaches the stream, and every request of the stream reaches the
 * transport, with the streams' own semantics (flow control above twice the limit, writes that
 * buffer what the transport does not take).
 */
class StreamSeamTest {
    private final StreamSeam.Access access = StreamSeam.access();
    private final List<String> transport = new ArrayList<>();
    private final EventLoop loop = EventLoop.virtualTime();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** Runs a stream operation (a frame of its own) to its end on the loop. */
    @SuppressWarnings("unchecked")
    private <T> T run(Awaitable<T> operation) {
        return loop.runUntilComplete((Coroutine<T>) operation);
    }

    @Test
    void aReaderFedThroughTheSeamPausesAndResumesItsTransport() throws Exception {
        StreamReader reader = access.newReader(new StreamSeam.Flow() {
            @Override
            public void pauseReading() {
                transport.add("pause");
            }

            @Override
            public void resumeReading() {
                transport.add("resume");
            }
        });
        reader.setLimit(4);
        access.feed(reader, ByteBuffer.wrap("abcdefgh".getBytes(UTF_8)));
        assertEquals(List.of(), transport, "8 bytes are not above twice the limit");
        access.feed(reader, ByteBuffer.wrap("i".getBytes(UTF_8)));
        assertEquals(List.of("pause"), transport);
        assertEquals(9, access.buffered(reader));
        assertEquals("abcde", new String(run(reader.read(5)), UTF_8));
        assertEquals(List.of("pause", "resume"), transport);
        access.feedEof(reader);
        assertEquals("fghi", run(reader.readLine()));
        assertNull(run(reader.readLine()));
    }

    @Test
    void aWriterHandsItsTransportWhatItTakesAndBuffersTheRest() throws Exception {
        StringBuilder taken = new StringBuilder();
        StreamWriter writer = access.newWriter(new StreamSeam.Sink() {
            @Override
            public int write(ByteBuffer src) {
                int n = Math.min(3, src.remaining());
                for (int i = 0; i < n; i++) {
                    taken.append((char) src.get());
                }
                return n;
            }

            @Override
            public void wantWritable(boolean on) {
                transport.add("writable " + on);
            }

            @Override
            public void shutdownOutput() {
                transport.add("eof");
            }

            @Override
            public void closeNow() {
                transport.add("close");
            }

            @Override
            public void fatal(java.io.IOException e) {
                transport.add("fatal " + e);
            }
        });
        writer.write("hello");
        assertEquals("hel", taken.toString());
        assertEquals(2, writer.bufferSize());
        access.flush(writer);
        assertEquals("hello", taken.toString());
        assertEquals(0, writer.bufferSize());
        Awaitable<Void> closing = writer.closeAsync();
        access.closed(writer, null);
        assertNull(run(closing));
        assertEquals(List.of("writable true", "writable false", "close"), transport);
    }
}
