package io.jcoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Debug mode reports a coroutine that is garbage collected without ever being awaited, with the
 * place it was made (asyncio's "coroutine ... was never awaited"), and nothing else.
 */
class NeverAwaitedTest {

    /** A frame as the processor generates one, with a fixed name. */
    static final class Fetch extends Coroutine<Integer> {
        @Override
        public String name() {
            return "Users.fetchUser";
        }

        @Override
        protected Object $resume() {
            return 7;
        }
    }

    @Test
    void anUnstartedCoroutineCollectedOnADebugLoopIsReportedWithItsCreationSite() {
        EventLoop loop = EventLoop.virtualTime();
        loop.setDebug(true);
        List<String> reports = new ArrayList<>();
        List<Throwable> sites = new ArrayList<>();
        loop.setExceptionHandler((l, message, exception) -> {
            reports.add(message);
            sites.add(exception);
        });
        // made on the loop: one dropped unstarted, one awaited, one closed
        loop.runUntilComplete(Frames.of("maker", previous -> {
            new Fetch();
            return new Fetch();
        }, awaited -> {
            new Fetch().close();
            return Frames.ret(awaited);
        }));
        for (int attempt = 0; attempt < 200 && reports.isEmpty(); attempt++) {
            System.gc();
            loop.runUntilComplete(Frames.of("tick", previous -> Coro.yieldNow(), previous -> Frames.ret(null)));
        }
        loop.close();

        assertEquals(List.of("coroutine 'Users.fetchUser' was never awaited"), reports);
        assertTrue(sites.get(0).getStackTrace().length > 0, "the report carries where it was made");
        assertTrue(sites.get(0).getStackTrace()[0].toString().startsWith("io.jcoro.NeverAwaitedTest$Fetch.<init>"),
                "the site starts at the coroutine's construction: " + sites.get(0).getStackTrace()[0]);
    }

    @Test
    void nothingIsWatchedWithoutDebugMode() {
        EventLoop loop = EventLoop.virtualTime();
        List<String> reports = new ArrayList<>();
        loop.setExceptionHandler((l, message, exception) -> reports.add(message));
        loop.runUntilComplete(Frames.of("maker", previous -> {
            new Fetch();
            return Frames.ret(null);
        }));
        System.gc();
        loop.runUntilComplete(Frames.of("tick", previous -> Coro.yieldNow(), previous -> Frames.ret(null)));
        loop.close();
        assertEquals(List.of(), reports);
    }
}
