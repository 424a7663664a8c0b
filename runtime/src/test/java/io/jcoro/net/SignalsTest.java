package io.jcoro.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The waiters of a stream or server: woken oldest first, and a cancelled one leaves its place at once. */
class SignalsTest {
    private final Signals signals = new Signals();
    private final List<String> woken = new ArrayList<>();

    private Signals.Signal waiter(String name) {
        Signals.Signal s = signals.add();
        s.toCompletableFuture().thenRun(() -> woken.add(name));
        return s;
    }

    @Test
    void wakesEveryWaiterOldestFirstAndIsEmptyAfter() {
        waiter("a");
        waiter("b");
        waiter("c");
        assertFalse(signals.isEmpty());
        signals.wakeAll();
        assertEquals(List.of("a", "b", "c"), woken);
        assertTrue(signals.isEmpty());
        signals.wakeAll(); // nothing left: nothing happens
        assertEquals(3, woken.size());
    }

    @Test
    void aCancelledWaiterAnywhereInTheLineLeavesItAndTheOthersAreStillWoken() {
        Signals.Signal first = waiter("first");
        waiter("second");
        Signals.Signal middle = waiter("middle");
        waiter("fourth");
        Signals.Signal last = waiter("last");
        assertTrue(middle.cancel());
        assertTrue(first.cancel());
        assertTrue(last.cancel());
        signals.wakeAll();
        assertEquals(List.of("second", "fourth"), woken);
        assertTrue(signals.isEmpty());
    }

    @Test
    void cancellingTheOnlyWaiterEmptiesTheSetAndANewWaiterIsWokenAlone() {
        Signals.Signal only = waiter("only");
        assertTrue(only.cancel());
        assertTrue(signals.isEmpty());
        waiter("next");
        signals.wakeAll();
        assertEquals(List.of("next"), woken);
    }

    @Test
    void cancellingAWokenWaiterChangesNothing() {
        Signals.Signal s = waiter("woken");
        waiter("other");
        signals.wakeAll();
        assertFalse(s.cancel());
        waiter("later");
        signals.wakeAll();
        assertEquals(List.of("woken", "other", "later"), woken);
    }
}
