package io.jcoro.process;

import io.jcoro.internal.StreamSeam;
import io.jcoro.net.StreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Moves a {@link StreamWriter}'s bytes into a subprocess's stdin pipe. The writer keeps its
 * socket semantics ({@code write} never suspends, {@code drain} waits above the high mark): this
 * sink plays the socket's send buffer, taking up to {@link #WINDOW} bytes that a platform daemon
 * thread ({@code jcoro-pipe-<pid>-stdin}) has not written yet; the writer buffers the rest. Each
 * chunk written gives its room back through the loop's inbox, and the writer hands over more.
 *
 * <pre>
 *  pump state   how it got there                             next
 *  OPEN         started                                      writes each chunk it is given
 *  ENDING       writeEof(), closeAsync() flushed, the        writes what it was given, closes the
 *               process exited, or the loop closed           pipe and ends (ENDED)
 *  ENDED        the pipe is closed (or a write failed:       the thread ends; the loop learns
 *               a broken pipe when the child is gone)        it, and with it the writer
 * </pre>
 */
final class WritePump implements StreamSeam.Sink, Runnable {
    /** What the pipe may have been handed and not yet written: the "send buffer". */
    static final int WINDOW = 64 * 1024;
    private static final byte[] END = new byte[0];

    private final OutputStream out;
    private final LoopLink link;
    private final StreamWriter writer;
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    // loop thread only, below
    private int inFlight;
    private boolean wantWritable;
    private boolean ending;
    /** The writer is to be closed once the pump ends (closeAsync, or the process exited). */
    private boolean closeWriter;
    private boolean exited;

    WritePump(OutputStream out, LoopLink link) {
        this.out = out;
        this.link = link;
        this.writer = StreamSeam.access().newWriter(this);
    }

    StreamWriter writer() {
        return writer;
    }

    void start(String name) {
        Pumps.start(this, name);
    }

    /** Loop thread: the child exited; whatever is still written to its stdin is lost. */
    void processExited() {
        exited = true;
        closeWriter = true;
        end();
    }

    // ------------------------------------------------------------------ the writer's side (loop thread)

    @Override
    public int write(ByteBuffer src) {
        int n = ending ? 0 : Math.min(src.remaining(), WINDOW - inFlight);
        if (n > 0) {
            byte[] bytes = new byte[n];
            src.get(bytes);
            inFlight += n;
            queue.add(bytes);
        }
        return n;
    }

    @Override
    public void wantWritable(boolean on) {
        wantWritable = on;
    }

    @Override
    public void shutdownOutput() {
        end();
    }

    @Override
    public void closeNow() {
        closeWriter = true;
        end();
    }

    @Override
    public void fatal(IOException e) {
        end();
        StreamSeam.access().closed(writer, e);
    }

    private void end() {
        if (!ending) {
            ending = true;
            queue.add(END);
        }
    }

    /** Loop thread: {@code n} bytes reached the pipe; the writer may hand over more. */
    private void written(int n) {
        inFlight -= n;
        if (wantWritable && !ending) {
            StreamSeam.access().flush(writer);
        }
    }

    /** Loop thread: the pump ended, the pipe closed; {@code error} if a write failed. */
    private void ended(IOException error) {
        ending = true;
        if (error == null && exited && writer.bufferSize() > 0) {
            error = new IOException("Broken pipe: the subprocess exited before reading all its input");
        }
        if (error != null || closeWriter) {
            StreamSeam.access().closed(writer, error);
        }
    }

    // ------------------------------------------------------------------ the pump thread

    @Override
    public void run() {
        IOException error = null;
        try (OutputStream pipe = out) {
            error = pump(pipe);
        } catch (IOException closeFailed) {
            error = error != null ? error : closeFailed;
        }
        IOException failure = error;
        link.post(() -> ended(failure));
    }

    /** Writes each chunk until the end or the loop's close; the failure of a write, or null. */
    private IOException pump(OutputStream pipe) {
        try {
            for (;;) {
                byte[] bytes = queue.poll(LoopLink.CLOSED_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (bytes == END || bytes == null && link.isClosed()) {
                    return null;
                }
                if (bytes != null) {
                    pipe.write(bytes);
                    pipe.flush();
                    link.post(() -> written(bytes.length));
                }
            }
        } catch (IOException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
