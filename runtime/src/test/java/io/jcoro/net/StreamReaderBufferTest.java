package io.jcoro.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reader's buffer as bytes arrive and reads take them: a read that takes a whole
 * exactly-filled buffer is given that array, and what comes after never shows through it.
 */
class StreamReaderBufferTest {
    private final EventLoop loop = new EventLoop();
    private final StreamReader reader = new StreamReader(new StreamReader.Flow() {
        @Override
        public void pauseReading() {}

        @Override
        public void resumeReading() {}
    });

    @AfterEach
    void close() {
        loop.close();
    }

    private void feed(String text) {
        reader.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
    }

    private <T> T run(Coroutine<T> read) {
        return loop.runUntilComplete(read);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @SuppressWarnings("unchecked")
    private Coroutine<byte[]> read(int max) throws Exception {
        return (Coroutine<byte[]>) reader.read(max);
    }

    @Test
    void anArrayGivenToAReadIsNeverWrittenByLaterBytes() throws Exception {
        feed("hello");
        byte[] first = run(read(100));
        feed("world");
        byte[] second = run(read(100));
        feed("again, longer");
        byte[] third = run(read(5));
        assertArrayEquals(ascii("hello"), first);
        assertArrayEquals(ascii("world"), second);
        assertArrayEquals(ascii("again"), third);
        assertArrayEquals(ascii(", longer"), run(read(100)));
    }

    @Test
    void bytesThatArriveWhileSomeAreBufferedAreKeptInOrder() throws Exception {
        feed("ab");
        feed("cdef");
        assertArrayEquals(ascii("abc"), run(read(3)));
        feed("gh");
        assertArrayEquals(ascii("defgh"), run(read(100)));
        feed("line one\nline");
        @SuppressWarnings("unchecked")
        Coroutine<String> line = (Coroutine<String>) reader.readLine();
        assertEquals("line one", run(line));
        feed(" two\n");
        @SuppressWarnings("unchecked")
        Coroutine<String> next = (Coroutine<String>) reader.readLine();
        assertEquals("line two", run(next));
        assertEquals(0, reader.buffered());
    }

    @Test
    void readExactlyOfAWholeBufferAndOfPartsOfIt() throws Exception {
        feed("0123456789");
        @SuppressWarnings("unchecked")
        Coroutine<byte[]> four = (Coroutine<byte[]>) reader.readExactly(4);
        assertArrayEquals(ascii("0123"), run(four));
        @SuppressWarnings("unchecked")
        Coroutine<byte[]> rest = (Coroutine<byte[]>) reader.readExactly(6);
        byte[] tail = run(rest);
        feed("abcdef");
        assertArrayEquals(ascii("456789"), tail);
        @SuppressWarnings("unchecked")
        Coroutine<byte[]> all = (Coroutine<byte[]>) reader.readExactly(6);
        byte[] whole = run(all);
        feed("XXXXXX");
        assertArrayEquals(ascii("abcdef"), whole);
    }
}
