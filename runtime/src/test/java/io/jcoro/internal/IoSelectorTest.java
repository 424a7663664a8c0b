package io.jcoro.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The selector side of the loop, driven by hand: queueing, spin detection, rebuild, close. */
class IoSelectorTest {
    private final Inbox inbox = new Inbox();
    private final ReadyQueue ready = new ReadyQueue(16);
    private final List<String> reports = new ArrayList<>();
    private final IoSelector io = new IoSelector(inbox, ready, (m, e) -> reports.add(m),
            SystemClock.INSTANCE, 3, 2);
    private final List<Integer> events = new ArrayList<>();
    private final Pipe pipe;

    IoSelectorTest() throws IOException {
        pipe = Pipe.open();
    }

    @AfterEach
    void closeAll() throws IOException {
        io.close();
        pipe.sink().close();
        pipe.source().close();
    }

    private IoRegistration registerSource() throws IOException {
        return io.register(pipe.source(), SelectionKey.OP_READ, events::add);
    }

    private void runReady() {
        for (Schedulable node; (node = ready.poll()) != null; ) {
            ReadyQueue.run(node);
        }
    }

    @Test
    void aReadyChannelIsQueuedOnceAndItsHandlerGetsTheReadyOps() throws IOException {
        IoRegistration registration = registerSource();
        pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
        io.park(0);
        io.poll(); // the park just selected: no second select, no second queueing
        assertEquals(1, ready.size());
        assertSame(registration, ready.poll());
        ReadyQueue.run(registration);
        assertEquals(List.of(SelectionKey.OP_READ), events);
    }

    @Test
    void aCancelledRegistrationSkipsAnEventAlreadyQueued() throws IOException {
        IoRegistration registration = registerSource();
        pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
        io.poll();
        registration.cancel();
        runReady();
        assertEquals(List.of(), events);
        assertTrue(registration.isCancelled());
    }

    @Test
    void registeredChannelsCountsARegistrationUntilTheSelectAfterItsCancel() throws IOException {
        assertEquals(0, io.registeredChannels(), "no selector yet");
        IoRegistration registration = registerSource();
        assertEquals(1, io.registeredChannels());
        registration.cancel();
        assertEquals(1, io.registeredChannels(), "a cancelled key stays until the next select");
        io.poll();
        assertEquals(0, io.registeredChannels());
    }

    @Test
    void selectsThatReturnEarlyWithNothingSelectedRebuildTheSelectorWhichKeepsItsChannels() throws IOException {
        registerSource();
        for (int i = 0; i < 3; i++) {
            io.selector().wakeup(); // what a spinning selector looks like: back at once, no key
            io.park(0);
        }
        assertEquals(1, io.rebuilds());
        pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
        io.park(0); // the channel moved to the new selector with its interest set
        runReady();
        assertEquals(List.of(SelectionKey.OP_READ), events);
    }

    @Test
    void selectsThatTimeOutOrAreWokenForASubmissionAreNotSpins() throws IOException {
        registerSource();
        for (int i = 0; i < 3; i++) {
            io.park(1_000_000); // 1 ms, nothing ready: a timeout, not a spin
        }
        for (int i = 0; i < 3; i++) {
            inbox.add(new Schedulable() {
                @Override
                protected void run() {}
            });
            io.park(0); // woken by a submission
            inbox.drainTo(ready, 10);
        }
        assertEquals(0, io.rebuilds());
    }

    @Test
    void aSelectQueuesAtMostTheBatchAndTheRestComesNextTime() throws IOException {
        List<Pipe> pipes = List.of(Pipe.open(), Pipe.open(), Pipe.open());
        try {
            for (Pipe p : pipes) {
                io.register(p.source(), SelectionKey.OP_READ, events::add);
                p.sink().write(ByteBuffer.wrap(new byte[] {1}));
            }
            io.poll();
            assertEquals(2, ready.size()); // the batch of this test's selector
            io.poll(); // the two still queued are not counted again: the third comes now
            assertEquals(3, ready.size());
            runReady();
            assertEquals(List.of(SelectionKey.OP_READ, SelectionKey.OP_READ, SelectionKey.OP_READ), events);
        } finally {
            for (Pipe p : pipes) {
                p.sink().close();
                p.source().close();
            }
        }
    }

    @Test
    void closeClosesEveryRegisteredChannel() throws IOException {
        registerSource();
        io.close();
        assertFalse(pipe.source().isOpen());
    }
}
