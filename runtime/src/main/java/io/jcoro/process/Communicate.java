package io.jcoro.process;

import static io.jcoro.Coro.gather;

import io.jcoro.Coroutine;
import io.jcoro.net.StreamReader;
import io.jcoro.net.StreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * {@link Subprocess#communicate(byte[])}, asyncio's {@code communicate}, hand-written in the
 * processor's frame shape (this module is compiled without the processor):
 *
 * <pre>{@code
 * List<Object> r = await(gather(feed(stdin, input), readAll(stdout), readAll(stderr)));
 * int code = await(process.waitFor());
 * return done(new Output(code, (byte[]) r.get(1), (byte[]) r.get(2)));
 * }</pre>
 *
 * The three parts run at once, so a child that fills its stderr pipe while the parent waits on
 * its stdout cannot deadlock them.
 */
final class Communicate extends Coroutine<Subprocess.Output> {
    private static final int GATHERED = 1;
    private static final int EXITED = 2;

    private final Subprocess process;
    private final byte[] input;
    private List<Object> outputs;

    Communicate(Subprocess process, byte[] input) {
        this.process = process;
        this.input = input;
    }

    @Override
    @SuppressWarnings({"unchecked", "fallthrough"})
    protected Object $resume() throws Throwable {
        for (;;) {
            switch ($label) {
                case 0: {
                    if ($await(gather(new Feed(process.stdin(), input), new ReadAll(process.stdout()),
                            new ReadAll(process.stderr())), GATHERED)) {
                        return $SUSPENDED;
                    }
                }
                case GATHERED: {
                    outputs = (List<Object>) $value();
                    if ($await(process.waitFor(), EXITED)) {
                        return $SUSPENDED;
                    }
                }
                case EXITED: {
                    int code = (Integer) $value();
                    return $return(new Subprocess.Output(code, (byte[]) outputs.get(1), (byte[]) outputs.get(2)));
                }
                default:
                    throw $badLabel();
            }
        }
    }

    @Override
    public String name() {
        return "Subprocess.communicate";
    }

    /**
     * Writes the input and closes stdin; a child that exits without reading it all breaks the
     * pipe, which is ignored, as asyncio's {@code _feed_stdin} ignores {@code BrokenPipeError}.
     * Nothing to do for a redirected stdin (the input is then ignored, as asyncio does).
     */
    static final class Feed extends Coroutine<Object> {
        private static final int CLOSED = 1;
        private final StreamWriter stdin;
        private final byte[] input;

        Feed(StreamWriter stdin, byte[] input) {
            this.stdin = stdin;
            this.input = input;
        }

        @Override
        @SuppressWarnings("fallthrough")
        protected Object $resume() throws Throwable {
            switch ($label) {
                case 0: {
                    if (stdin == null) {
                        return $return(null);
                    }
                    if (input != null) {
                        stdin.write(input);
                    }
                    if ($await(stdin.closeAsync(), CLOSED)) {
                        return $SUSPENDED;
                    }
                }
                case CLOSED: {
                    try {
                        $value();
                    } catch (IOException brokenPipe) {
                        // the child did not read all its input: what it wrote is still read
                    }
                    return $return(null);
                }
                default:
                    throw $badLabel();
            }
        }

        @Override
        public String name() {
            return "Subprocess.communicate.stdin";
        }
    }

    /** Reads a stream to its end: all its bytes; null for a redirected stream. */
    static final class ReadAll extends Coroutine<Object> {
        private static final int READ = 1;
        private final StreamReader reader;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ReadAll(StreamReader reader) {
            this.reader = reader;
        }

        @Override
        @SuppressWarnings("fallthrough")
        protected Object $resume() throws Throwable {
            for (;;) {
                switch ($label) {
                    case 0: {
                        if (reader == null) {
                            return $return(null);
                        }
                        if ($await(reader.read(ReadPump.CHUNK), READ)) {
                            return $SUSPENDED;
                        }
                    }
                    case READ: {
                        byte[] chunk = (byte[]) $value();
                        if (chunk.length == 0) {
                            return $return(bytes.toByteArray());
                        }
                        bytes.writeBytes(chunk);
                        $label = 0;
                        continue;
                    }
                    default:
                        throw $badLabel();
                }
            }
        }

        @Override
        public String name() {
            return "Subprocess.communicate.read";
        }
    }
}
