package io.jcoro.internal;

import io.jcoro.net.StreamReader;
import io.jcoro.net.StreamWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Lets a transport outside {@code io.jcoro.net} (the pipes of {@code io.jcoro.process}) build and
 * drive {@link StreamReader}s and {@link StreamWriter}s, whose constructors and transport-side
 * methods stay package-private, so that no public API is added for them. The JDK's
 * {@code SharedSecrets} pattern: {@code io.jcoro.net} installs its {@link Access} when
 * {@link StreamReader} is initialised; {@link #access()} makes sure it is.
 *
 * <p>The transport-side contract is {@code io.jcoro.net}'s: {@link Flow} and {@link Sink} mirror
 * what a reader and a writer ask of a socket, and every call is made on the loop thread.
 */
public final class StreamSeam {
    private StreamSeam() {}

    private static volatile Access access;

    /** What a reader asks of its transport: stop and resume delivering data. */
    public interface Flow {
        void pauseReading();

        void resumeReading();
    }

    /** What a writer asks of its transport (the same contract as a socket's). */
    public interface Sink {
        /** Takes what the transport accepts now (consuming it from {@code src}), without blocking. */
        int write(ByteBuffer src) throws IOException;

        /** Asks for (or stops asking for) a {@link Access#flush} once the transport takes more. */
        void wantWritable(boolean on);

        /** Ends the output once what was taken is written (the writer's {@code writeEof}). */
        void shutdownOutput() throws IOException;

        /** Closes the transport; it reports {@link Access#closed} once it is. */
        void closeNow();

        /** A write failed: the transport is broken. */
        void fatal(IOException e);
    }

    /** {@code io.jcoro.net}'s side: the package-private operations, one for one. */
    public interface Access {
        StreamReader newReader(Flow flow);

        /** The transport received {@code data}, consumed from its position to its limit. */
        void feed(StreamReader reader, ByteBuffer data);

        void feedEof(StreamReader reader);

        void fail(StreamReader reader, IOException error);

        /** How many bytes the reader holds, not yet read. */
        int buffered(StreamReader reader);

        StreamWriter newWriter(Sink sink);

        /** The transport takes more: the writer hands it what it buffered. */
        void flush(StreamWriter writer);

        /** The transport closed, or broke with {@code error} (else null). */
        void closed(StreamWriter writer, IOException error);
    }

    /** Called once, by {@code io.jcoro.net}. */
    public static void install(Access netSide) {
        if (access != null) {
            throw new IllegalStateException("already installed");
        }
        access = Objects.requireNonNull(netSide, "netSide");
    }

    /** The streams' package-private operations. */
    public static Access access() {
        Access a = access;
        if (a == null) {
            try { // StreamReader's initialiser installs it
                Class.forName(StreamReader.class.getName(), true, StreamReader.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            a = access;
        }
        return a;
    }
}
