package io.jcoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.internal.IoRegistration;
import io.jcoro.internal.IoSelector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop waiting for I/O: select in place of park, wake-ups, fairness, close. */
class IoLoopTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private final EventLoop loop = new EventLoop();
    private final Pipe pipe;

    IoLoopTest() throws IOException {
        pipe = Pipe.open();
    }

    @AfterEach
    void closeAll() throws IOException {
        loop.close();
        pipe.sink().close();
        pipe.source().close();
    }

    /** Registers the pipe's source; the promise completes with the first byte read. */
    private Promise<Integer> readOneByte() {
        Promise<Integer> firstByte = new Promise<>();
        try {
            IoSelector.current().register(pipe.source(), SelectionKey.OP_READ, ops -> {
                ByteBuffer b = ByteBuffer.allocate(1);
                try {
                    if (pipe.source().read(b) == 1 && !firstByte.isDone()) {
                        firstByte.setResult((int) b.get(0));
                    }
                } catch (IOException e) {
                    firstByte.setException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return firstByte;
    }

    private void writeByteLater(int value) {
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(50);
                pipe.sink().write(ByteBuffer.wrap(new byte[] {(byte) value}));
            } catch (IOException | InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        writer.start();
    }

    @Test
    void theLoopWaitsInTheSelectorUntilAChannelIsReady() {
        int got = assertTimeoutPreemptively(BOUND, () -> loop.runUntilComplete(Frames.of("main",
                v -> {
                    writeByteLater(42);
                    return readOneByte();
                },
                v -> Frames.ret(v))));
        assertEquals(42, got);
    }

    @Test
    void anotherThreadWakesALoopBlockedInItsSelector() {
        String got = assertTimeoutPreemptively(BOUND, () -> loop.runUntilComplete(Frames.of("main",
                v -> {
                    readOneByte(); // the loop now has a selector, and nothing will be readable
                    Promise<String> fromThread = new Promise<>();
                    new Thread(() -> {
                        sleepQuietly(50);
                        loop.callSoonThreadsafe(() -> fromThread.setResult("woken"));
                    }).start();
                    return fromThread;
                },
                v -> Frames.ret(v))));
        assertEquals("woken", got);
    }

    @Test
    void timersStillFireOnALoopThatWaitsForIo() {
        long start = System.nanoTime();
        assertTimeoutPreemptively(BOUND, () -> loop.runUntilComplete(Frames.of("main",
                v -> {
                    readOneByte();
                    return Coro.sleep(30);
                },
                v -> Frames.ret(null))));
        assertTrue(System.nanoTime() - start >= 30_000_000L);
    }

    @Test
    void readyCallbacksDoNotStarveIoNorIoTheCallbacks() throws IOException {
        pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
        int[] ioEvents = {0};
        int[] callbacks = {0};
        IoRegistration[] registration = {null};
        Runnable[] again = {null};
        again[0] = () -> {
            callbacks[0]++;
            loop.callSoon(again[0]);
        };
        assertTimeoutPreemptively(BOUND, () -> loop.runUntilComplete(Frames.of("main",
                v -> {
                    // never drained: ready at every select
                    registration[0] = IoSelector.current().register(pipe.source(), SelectionKey.OP_READ,
                            ops -> ioEvents[0]++);
                    loop.callSoon(again[0]); // never ends either
                    return Coro.sleep(20);
                },
                v -> Frames.ret(null))));
        // each iteration polled the selector and ran the callback: they took turns
        assertTrue(ioEvents[0] > 10, "I/O events: " + ioEvents[0]);
        assertTrue(Math.abs(ioEvents[0] - callbacks[0]) <= 2, ioEvents[0] + " vs " + callbacks[0]);
        registration[0].cancel();
    }

    @Test
    void onVirtualTimeTimersJumpAndTheLoopStillWaitsForIoOnceNoTimerIsLeft() {
        try (EventLoop virtual = EventLoop.virtualTime()) {
            int got = assertTimeoutPreemptively(BOUND, () -> virtual.runUntilComplete(Frames.of("main",
                    v -> {
                        Coro.createTask(Frames.of("sleeper", w -> Coro.sleep(3_600_000), w -> Frames.ret(null)));
                        writeByteLater(7);
                        return readOneByte();
                    },
                    v -> Frames.ret(v))));
            assertEquals(7, got);
            assertEquals(3_600_000_000_000L, virtual.time()); // the hour went by at once
        }
    }

    @Test
    void closingTheLoopClosesItsChannels() {
        loop.runUntilComplete(Frames.of("main", v -> {
            readOneByte();
            return Frames.ret(null);
        }));
        assertTrue(pipe.source().isOpen());
        loop.close();
        assertFalse(pipe.source().isOpen());
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
