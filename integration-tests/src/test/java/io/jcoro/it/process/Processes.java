package io.jcoro.it.process;

import static io.jcoro.Coro.await;
import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.done;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.waitFor;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.jcoro.AsyncTimeoutException;
import io.jcoro.CancelledError;
import io.jcoro.Coroutine;
import io.jcoro.Task;
import io.jcoro.annotations.Async;
import io.jcoro.internal.StreamSeam;
import io.jcoro.net.StreamReader;
import io.jcoro.process.Subprocess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The subprocess programs the tests run, compiled by the processor like user code. Each records
 * what it saw in a trace, which the test compares with what must happen.
 */
public interface Processes {

    /** Lines through {@code cat} and back, then the end of its stdin ends it. */
    @Async
    default Coroutine<Void> echoThroughCat(List<String> trace) throws IOException {
        Subprocess p = await(Subprocess.exec("cat"));
        trace.add("pid " + (p.pid() > 0));
        p.stdin().write("one\ntw\u00f6\n");
        await(p.stdin().drain());
        trace.add(await(p.stdout().readLine()));
        trace.add(await(p.stdout().readLine()));
        p.stdin().writeEof();
        byte[] end = await(p.stdout().read(10));
        trace.add("eof " + end.length);
        int code = await(p.waitFor());
        trace.add("exit " + code);
        return done();
    }

    /** The README's example, as written there. */
    @Async
    default Coroutine<String> sort(String text) throws IOException {
        Subprocess p = await(Subprocess.exec("sort"));
        Subprocess.Output out = await(p.communicate(text.getBytes(UTF_8)));  // stdout and stderr read at once
        return done(new String(out.stdout(), UTF_8));
    }

    /** A python3 peer: each line answered on stdout and on stderr; its exit code at the end. */
    @Async
    default Coroutine<Void> talkToPeer(String script, List<String> trace) throws IOException {
        Subprocess p = await(Subprocess.exec("python3", script, "3"));
        for (String word : List.of("a", "b")) {
            p.stdin().write(word + "\n");
            trace.add(await(p.stdout().readLine()));
            trace.add(await(p.stderr().readLine()));
        }
        await(p.stdin().closeAsync());
        String last = await(p.stdout().readLine());
        trace.add("stdout end " + last);
        int code = await(p.waitFor());
        trace.add("exit " + code);
        return done();
    }

    /** {@code communicate} with whatever the command writes. */
    @Async
    default Coroutine<Subprocess.Output> communicate(byte[] input, String... command) throws IOException {
        Subprocess p = await(Subprocess.exec(command));
        return done(await(p.communicate(input)));
    }

    /** The process's pid and its {@code communicate} output, for the thread checks. */
    @Async
    default Coroutine<Long> communicateAndTellPid(List<String> trace, String... command) throws IOException {
        Subprocess p = await(Subprocess.exec(command));
        Subprocess.Output out = await(p.communicate("hello".getBytes(UTF_8)));
        trace.add(new String(out.stdout(), UTF_8) + " " + out.exitCode());
        return done(p.pid());
    }

    /** Waits for {@code command} to exit without touching its stdin: its pid. */
    @Async
    default Coroutine<Long> exitAndTellPid(String... command) throws IOException {
        Subprocess p = await(Subprocess.exec(command));
        await(p.waitFor());
        return done(p.pid());
    }

    /**
     * 1 MiB to {@code cat}, which cannot write it all back while nobody reads its stdout: the
     * writer buffers above its high mark and {@code drain} waits; once a task reads, it completes.
     */
    @Async
    default Coroutine<Void> drainWaitsForTheChild(List<String> trace) throws IOException {
        Subprocess p = await(Subprocess.exec("cat"));
        byte[] data = new byte[1024 * 1024];
        p.stdin().write(data);
        await(sleep(100));
        trace.add("buffered above the high mark " + (p.stdin().bufferSize() > 64 * 1024));
        try {
            await(waitFor(p.stdin().drain(), Duration.ofMillis(200)));
            trace.add("drained without a reader");
        } catch (AsyncTimeoutException e) {
            trace.add("drain waits");
        }
        Task<Long> reading = createTask(readAll(p.stdout()));
        await(waitFor(p.stdin().drain(), Duration.ofSeconds(10)));
        trace.add("drained, buffered below the low mark " + (p.stdin().bufferSize() <= 16 * 1024));
        p.stdin().writeEof();
        trace.add("read " + await(reading));
        int code = await(p.waitFor());
        trace.add("exit " + code);
        return done();
    }

    /** Reads {@code in} to its end: the number of bytes. */
    @Async
    default Coroutine<Long> readAll(StreamReader in) throws IOException {
        long total = 0;
        for (byte[] chunk; (chunk = await(in.read(64 * 1024))).length > 0; ) {
            total += chunk.length;
        }
        return done(total);
    }

    /** The exit code of {@code command}. */
    @Async
    default Coroutine<Integer> exitCodeOf(String... command) throws IOException {
        Subprocess p = await(Subprocess.exec(command));
        return done(await(p.waitFor()));
    }

    /** Awaits the exit (a task the test cancels). */
    @Async
    default Coroutine<Integer> awaitExit(Subprocess p) {
        return done(await(p.waitFor()));
    }

    /** A task waiting for {@code cat} to exit is cancelled: {@code cat} goes on serving. */
    @Async
    default Coroutine<Void> cancelledWaitDoesNotKill(List<String> trace) throws IOException {
        Subprocess p = await(Subprocess.exec("cat"));
        Task<Integer> waiting = createTask(awaitExit(p));
        await(sleep(50));
        waiting.cancel();
        try {
            await(waiting);
        } catch (CancelledError e) {
            trace.add("wait cancelled");
        }
        await(sleep(100));
        trace.add("alive " + ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false)
                + " exit code " + p.exitCode());
        p.stdin().write("still here\n");
        trace.add(await(p.stdout().readLine()));
        p.stdin().writeEof();
        int code = await(p.waitFor());
        trace.add("exit " + code);
        return done();
    }

    /** {@code sleep 30} ended by terminate() (SIGTERM) or kill() (SIGKILL): its exit code. */
    @Async
    default Coroutine<Integer> stopSleeper(boolean kill) throws IOException {
        Subprocess p = await(Subprocess.exec("sleep", "30"));
        if (kill) {
            p.kill();
        } else {
            p.terminate();
        }
        return done(await(p.waitFor()));
    }

    /** A program that does not exist: the await fails with the IOException. */
    @Async
    default Coroutine<Void> missingProgram(List<String> trace) {
        try {
            await(Subprocess.exec("jcoro-no-such-program"));
            trace.add("started");
        } catch (IOException e) {
            trace.add(e.getClass().getName() + " names it " + e.getMessage().contains("jcoro-no-such-program"));
        }
        return done();
    }

    /** A builder that redirects: the redirected streams are null, communicate gives null for them. */
    @Async
    default Coroutine<Void> redirected(ProcessBuilder builder, byte[] input, List<String> trace) throws IOException {
        Subprocess p = await(Subprocess.exec(builder));
        trace.add("stdin " + (p.stdin() != null) + " stdout " + (p.stdout() != null) + " stderr " + (p.stderr() != null));
        Subprocess.Output out = await(p.communicate(input));
        trace.add("exit " + out.exitCode());
        trace.add("stdout " + (out.stdout() == null ? null : new String(out.stdout(), UTF_8)));
        trace.add("stderr " + (out.stderr() == null ? null : new String(out.stderr(), UTF_8)));
        return done();
    }

    /**
     * Reads a chatty child's stdout slowly, noting the most the reader ever held (in
     * {@code maxBuffered[0]}); the bytes read in all.
     */
    @Async
    default Coroutine<Long> readSlowly(String[] command, int[] maxBuffered) throws IOException {
        Subprocess p = await(Subprocess.exec(command));
        StreamReader out = p.stdout();
        long total = 0;
        for (int reads = 1; ; reads++) {
            maxBuffered[0] = Math.max(maxBuffered[0], StreamSeam.access().buffered(out));
            byte[] chunk = await(out.read(64 * 1024));
            if (chunk.length == 0) {
                break;
            }
            total += chunk.length;
            if (reads % 8 == 0) {
                await(sleep(1));
            }
        }
        int code = await(p.waitFor());
        return done(code == 0 ? total : -code);
    }

    /** Waits for the exit first, then reads stdout: every byte, then the end of the stream. */
    @Async
    default Coroutine<Void> readAfterExit(List<String> trace, String... command) throws IOException {
        Subprocess p = await(Subprocess.exec(command));
        int code = await(p.waitFor());
        trace.add("exit " + code);
        long total = 0;
        for (byte[] chunk; (chunk = await(p.stdout().read(1000))).length > 0; ) {
            total += chunk.length;
        }
        trace.add("read " + total + " eof " + p.stdout().atEof());
        return done();
    }

    /** Starts {@code cat} and leaves it running (the loop-close test). */
    @Async
    default Coroutine<Subprocess> startCat() throws IOException {
        Subprocess p = await(Subprocess.exec("cat"));
        p.stdin().write("left running\n");
        return done(p);
    }
}
