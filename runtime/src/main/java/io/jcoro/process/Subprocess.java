package io.jcoro.process;

import io.jcoro.Awaitable;
import io.jcoro.Coroutine;
import io.jcoro.EventLoop;
import io.jcoro.net.StreamReader;
import io.jcoro.net.StreamWriter;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A child process on the event loop (asyncio's {@code create_subprocess_exec} and
 * {@code Process}): its standard streams are jcoro streams, its exit an awaitable.
 *
 * <pre>{@code
 * Subprocess p = await(Subprocess.exec("sort"));
 * Subprocess.Output out = await(p.communicate("b\na\n".getBytes(UTF_8)));   // exitCode 0, "a\nb\n"
 * }</pre>
 *
 * <p><b>Streams.</b> Each standard stream the builder leaves as a pipe
 * ({@link ProcessBuilder.Redirect#PIPE}, the default) is a stream here: {@link #stdin()} a
 * {@link StreamWriter} ({@code write} never suspends, {@code drain} waits above the high mark,
 * {@code writeEof}/{@code closeAsync} close the child's stdin), {@link #stdout()} and
 * {@link #stderr()} {@link StreamReader}s. A stream the builder redirects (to a file,
 * {@code inheritIO()}, or stderr into stdout with {@code redirectErrorStream(true)}) has no pipe:
 * its accessor returns null, as asyncio's {@code proc.stdout} is {@code None}. The readers apply
 * flow control to the child: once a reader holds more than twice its limit the child's pipe is no
 * longer read, and the child blocks writing, until the parent reads. Read both outputs (as
 * {@link #communicate} does) if the child may fill either; {@link #waitFor()} alone does not read
 * them.
 *
 * <p><b>Threads.</b> The JDK's pipes block, so each pipe has a pump thread (a daemon named
 * {@code jcoro-pipe-<pid>-stdin}, {@code -stdout}, {@code -stderr}) that hands data to the loop
 * through its inbox; the exit comes from {@link Process#onExit()}. A pump ends with its pipe: an
 * output pump once it has handed over the end of the stream (the child and whatever inherited the
 * pipe closed it) and the reader took the last chunk, the stdin pump once stdin is closed or the
 * process exits. No thread stays behind once the process and its pipes are done.
 *
 * <p><b>Closing the loop</b> while the process runs does not kill it (nor does asyncio's
 * {@code loop.close()}); one warning is logged ({@link System.Logger} {@code
 * io.jcoro.process.Subprocess}), the stdin pipe is closed, and the output pumps drain and drop what
 * the child still writes, so they end when it does. {@link #kill()} it first to stop it.
 *
 * <p>Loop thread only, except {@link #pid()}, {@link #terminate()} and {@link #kill()}.
 */
public final class Subprocess {

    /** What {@link #communicate} returns: the exit code and every byte of stdout and stderr
     *  (null for a stream the builder redirects). */
    public record Output(int exitCode, byte[] stdout, byte[] stderr) {
        @Override
        public String toString() {
            return "Output[exitCode=" + exitCode + ", stdout=" + describe(stdout) + ", stderr="
                    + describe(stderr) + "]";
        }

        private static String describe(byte[] bytes) {
            return bytes == null ? "null" : bytes.length + " bytes";
        }
    }

    private final Process process;
    private final WritePump stdin;
    private final ReadPump stdout;
    private final ReadPump stderr;
    private final ExitWaiters exit = new ExitWaiters();

    private Subprocess(Process process, ProcessBuilder builder, EventLoop loop) {
        this.process = process;
        LoopLink link = new LoopLink(loop, process);
        long pid = process.pid();
        stdin = isPipe(builder.redirectInput()) ? new WritePump(process.getOutputStream(), link) : null;
        stdout = isPipe(builder.redirectOutput()) ? new ReadPump(process.getInputStream(), link) : null;
        stderr = isPipe(builder.redirectError()) && !builder.redirectErrorStream()
                ? new ReadPump(process.getErrorStream(), link) : null;
        if (stdin != null) {
            stdin.start(Pumps.name(pid, "stdin"));
        }
        if (stdout != null) {
            stdout.start(Pumps.name(pid, "stdout"));
        }
        if (stderr != null) {
            stderr.start(Pumps.name(pid, "stderr"));
        }
        process.onExit().thenRun(() -> link.post(() -> exited(process.exitValue())));
    }

    /**
     * Starts {@code command} (the program and its arguments, looked up on the {@code PATH}) with
     * pipes for its three standard streams. Like asyncio's {@code create_subprocess_exec}, the
     * process starts when the awaitable is awaited, and a failure to start it (no such program, not
     * executable) fails the await with the {@link IOException}, unchanged.
     */
    public static Awaitable<Subprocess> exec(String... command) throws IOException {
        return exec(new ProcessBuilder(command));
    }

    /**
     * Starts the process {@code builder} describes (command, directory, environment, redirects),
     * when awaited; a stream it redirects has no pipe here. See {@link #exec(String...)}.
     */
    public static Awaitable<Subprocess> exec(ProcessBuilder builder) throws IOException {
        Objects.requireNonNull(builder, "builder");
        return new Start(builder);
    }

    /** The child's stdin, or null if the builder redirects it. */
    public StreamWriter stdin() {
        return stdin != null ? stdin.writer() : null;
    }

    /** The child's stdout, or null if the builder redirects it. */
    public StreamReader stdout() {
        return stdout != null ? stdout.reader() : null;
    }

    /** The child's stderr, or null if the builder redirects it (or merges it into stdout). */
    public StreamReader stderr() {
        return stderr != null ? stderr.reader() : null;
    }

    /** The process id. Any thread. */
    public long pid() {
        return process.pid();
    }

    /**
     * The exit code, once the process exits (at once if it has); a process killed by a signal
     * reports 128 + the signal's number, as the JDK does (143 for SIGTERM, 137 for SIGKILL).
     * Cancelling the waiting task does not touch the process (as asyncio's {@code wait()}).
     */
    public Awaitable<Integer> waitFor() {
        return exit.await();
    }

    /** The exit code if the loop has learnt that the process exited, else null. */
    public Integer exitCode() {
        return exit.exitCode();
    }

    /**
     * Writes {@code input} (null: nothing) to stdin and closes it, reads stdout and stderr to their
     * ends, all at once, then waits for the exit (asyncio's {@code communicate}). A child that
     * exits without reading all its input is not an error: the broken pipe is ignored. The reads
     * fail with a pipe's read error, unchanged.
     */
    public Awaitable<Output> communicate(byte[] input) throws IOException {
        return new Communicate(this, input);
    }

    /** Asks the process to end: SIGTERM on Unix ({@link Process#destroy()}). Acts at once; any thread. */
    public void terminate() {
        process.destroy();
    }

    /** Ends the process: SIGKILL on Unix ({@link Process#destroyForcibly()}). Acts at once; any thread. */
    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public String toString() {
        Integer code = exit.exitCode();
        return "Subprocess[pid=" + process.pid() + (code != null ? ", exit code " + code : ", running") + "]";
    }

    /** Loop thread: the process exited. */
    private void exited(int code) {
        exit.exited(code);
        if (stdin != null) {
            stdin.processExited();
        }
    }

    private static boolean isPipe(ProcessBuilder.Redirect redirect) {
        return redirect.type() == ProcessBuilder.Redirect.Type.PIPE;
    }

    /** {@link #exec}: starts the process when awaited, on the loop thread. */
    private static final class Start extends Coroutine<Subprocess> {
        private final ProcessBuilder builder;

        Start(ProcessBuilder builder) {
            this.builder = builder;
        }

        @Override
        protected Object $resume() throws Throwable {
            if ($label != 0) {
                throw $badLabel();
            }
            EventLoop loop = EventLoop.current();
            return $return(new Subprocess(builder.start(), builder, loop));
        }

        @Override
        public String name() {
            return "Subprocess.exec " + Arrays.toString(builder.command().toArray());
        }
    }
}
