package io.jcoro.net;

import io.jcoro.internal.StreamSeam;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * This package's side of {@link StreamSeam}: builds readers and writers over a transport of
 * another package (a subprocess's pipes) and forwards that transport's events, without making the
 * constructors or the transport-side methods public.
 */
final class StreamSecrets implements StreamSeam.Access {

    @Override
    public StreamReader newReader(StreamSeam.Flow flow) {
        return new StreamReader(new StreamReader.Flow() {
            @Override
            public void pauseReading() {
                flow.pauseReading();
            }

            @Override
            public void resumeReading() {
                flow.resumeReading();
            }
        });
    }

    @Override
    public void feed(StreamReader reader, ByteBuffer data) {
        reader.feed(data);
    }

    @Override
    public void feedEof(StreamReader reader) {
        reader.feedEof();
    }

    @Override
    public void fail(StreamReader reader, IOException error) {
        reader.fail(error);
    }

    @Override
    public int buffered(StreamReader reader) {
        return reader.buffered();
    }

    @Override
    public StreamWriter newWriter(StreamSeam.Sink sink) {
        return new StreamWriter(new StreamWriter.Sink() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                return sink.write(src);
            }

            @Override
            public void wantWritable(boolean on) {
                sink.wantWritable(on);
            }

            @Override
            public void shutdownOutput() throws IOException {
                sink.shutdownOutput();
            }

            @Override
            public void closeNow() {
                sink.closeNow();
            }

            @Override
            public void fatal(IOException e) {
                sink.fatal(e);
            }
        });
    }

    @Override
    public void flush(StreamWriter writer) {
        writer.flush();
    }

    @Override
    public void closed(StreamWriter writer, IOException error) {
        writer.closed(error);
    }
}
