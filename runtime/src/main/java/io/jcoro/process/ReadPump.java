package io.jcoro.process;

import io.jcoro.internal.StreamSeam;
import io.jcoro.net.StreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Moves one of a subprocess's output pipes (stdout or stderr) into a {@link StreamReader}. The
 * JDK's pipe streams block, so a platform daemon thread ({@code jcoro-pipe-<pid>-stdout}) reads
 * them and hands each chunk to the loop through its inbox; the loop copies it into the reader.
 *
 * <p><b>Invariant (bounded memory).</b> At most one chunk is between the pipe and the reader:
 * after each hand-off the pump waits for a credit, which the loop gives once the chunk is in the
 * reader and the reader is not paused, or later when the reader resumes. So the reader never
 * holds more than its flow-control mark (twice its limit, as asyncio's) plus one chunk, and a
 * chatty child blocks on its full pipe instead of filling the heap. The one chunk buffer is
 * reused: the loop is done with it when the credit comes.
 *
 * <pre>
 *  pump state   how it got there                         next
 *  READING      started, or a credit came                 a chunk: hand it off, WAITING
 *  WAITING      a chunk was handed off                    a credit: READING
 *  DISCARDING   the loop is closed                        reads and drops until the end of the pipe
 *  ENDED        the end of the pipe (handed off as the    the thread ends; the pipe is closed
 *               reader's EOF) or a read error (its error)
 * </pre>
 */
final class ReadPump implements StreamSeam.Flow, Runnable {
    static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final LoopLink link;
    private final StreamReader reader;
    private final Semaphore credit = new Semaphore(0);
    private final byte[] chunk = new byte[CHUNK];
    /** Loop thread only: the reader asked to stop. */
    private boolean paused;
    /** Loop thread only: a chunk was delivered while paused, its credit owed until a resume. */
    private boolean creditOwed;

    ReadPump(InputStream in, LoopLink link) {
        this.in = in;
        this.link = link;
        this.reader = StreamSeam.access().newReader(this);
    }

    StreamReader reader() {
        return reader;
    }

    /** Starts the pump's thread. */
    void start(String name) {
        Pumps.start(this, name);
    }

    @Override
    public void run() {
        try (InputStream pipe = in) {
            pump(pipe);
        } catch (IOException closeFailed) {
            // the pipe was already read to its end or failed; nothing is lost by a failed close
        }
    }

    private void pump(InputStream pipe) {
        for (;;) {
            int n;
            try {
                n = pipe.read(chunk);
            } catch (IOException e) {
                link.post(() -> StreamSeam.access().fail(reader, e));
                return;
            }
            if (n < 0) {
                link.post(() -> StreamSeam.access().feedEof(reader));
                return;
            }
            if (!link.post(() -> deliver(n)) || !awaitCredit()) {
                discard(pipe);
                return;
            }
        }
    }

    /** Loop thread: the chunk's first {@code n} bytes go to the reader; a credit if it wants more. */
    private void deliver(int n) {
        StreamSeam.access().feed(reader, ByteBuffer.wrap(chunk, 0, n));
        if (paused) {
            creditOwed = true;
        } else {
            credit.release();
        }
    }

    @Override
    public void pauseReading() {
        paused = true;
    }

    @Override
    public void resumeReading() {
        paused = false;
        if (creditOwed) {
            creditOwed = false;
            credit.release();
        }
    }

    /** Waits for the loop's credit; false if the loop was closed. */
    private boolean awaitCredit() {
        try {
            while (!credit.tryAcquire(LoopLink.CLOSED_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                if (link.isClosed()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The loop is gone: drains the pipe so that the child never blocks on it, until it ends. */
    private void discard(InputStream pipe) {
        try {
            while (pipe.read(chunk) >= 0) {
                // dropped: nobody can read it any more
            }
        } catch (IOException e) {
            // the pipe broke: nothing more to drain
        }
    }
}
