package io.jcoro;

import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AsyncQueue, ported from CPython 3.13's Lib/test/test_asyncio/test_queues.py (named in each
 * comment), plus the seed tutorial's bounded producer/consumer. Traces checked with
 * twins/queues.py.
 */
@SuppressWarnings({"fallthrough", "rawtypes", "unchecked"})
class AsyncQueueTest {
    private final List<String> trace = Frames.trace();
    private final EventLoop loop = EventLoop.virtualTime();

    private void run(Frames.Step... steps) {
        Frames.Step[] all = java.util.Arrays.copyOf(steps, steps.length + 1);
        all[steps.length] = x -> Frames.ret(null);
        loop.runUntilComplete(Frames.of("main", all));
    }

    // test_order (FIFO), LifoQueueTests.test_order, PriorityQueueTests.test_order
    @Test
    void fifoLifoAndPriorityOrders() {
        AsyncQueue<Integer> fifo = new AsyncQueue<>();
        AsyncQueue<Integer> lifo = AsyncQueue.lifo(0);
        AsyncQueue<Integer> prio = AsyncQueue.priority(0, Comparator.naturalOrder());
        for (int i : new int[] {1, 3, 2}) {
            fifo.putNowait(i);
            lifo.putNowait(i);
            prio.putNowait(i);
        }
        List<Integer> f = new ArrayList<>(), l = new ArrayList<>(), p = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            f.add(fifo.getNowait());
            l.add(lifo.getNowait());
            p.add(prio.getNowait());
        }
        assertEquals(List.of(1, 3, 2), f);
        assertEquals(List.of(2, 3, 1), l);
        assertEquals(List.of(1, 2, 3), p);
    }

    // test_nonblocking_get_exception, test_nonblocking_put_exception, test_maxsize
    @Test
    void nonBlockingTwinsThrow() {
        AsyncQueue<String> q = new AsyncQueue<>(1);
        assertThrows(QueueEmpty.class, q::getNowait);
        q.putNowait("a");
        assertTrue(q.isFull());
        assertThrows(QueueFull.class, () -> q.putNowait("b"));
        assertEquals(1, q.size());
        assertEquals("a", q.getNowait());
        q.putNowait(null); // None works as the seed's end marker
        assertNull(q.getNowait());
    }

    // test_blocking_put_wait / test_blocking_get_wait
    @Test
    void putWaitsWhileFullAndGetWhileEmpty() {
        AsyncQueue<Integer> q = new AsyncQueue<>(1);
        run(x -> {
                createTask(Frames.of("getter", y -> sleep(10), y -> q.get(), y -> q.get(), y -> {
                    trace.add("got 2 at " + loop.time() / 1_000_000);
                    return Frames.ret(null);
                }));
                return q.put(1);
            },
            x -> q.put(2),
            x -> {
                trace.add("put 2 at " + loop.time() / 1_000_000);
                return sleep(1);
            });
        // twin blocking_put_get: ['put 2 at 10', 'got 2 at 10']: the woken putter's item goes in
        // when it runs, so the getter's second get waits for it
        assertEquals(List.of("put 2 at 10", "got 2 at 10"), trace);
    }

    // test_get_cancelled_race
    @Test
    void aCancelledGetterDoesNotTakeTheItem() {
        AsyncQueue<String> q = new AsyncQueue<>();
        Task[] t = new Task[2];
        run(x -> {
                t[0] = createTask(Frames.of("t1", y -> q.get(), y -> Frames.ret(y)));
                t[1] = createTask(Frames.of("t2", y -> q.get(), y -> Frames.ret(y)));
                return yieldNow();
            },
            x -> {
                t[0].cancel();
                return yieldNow();
            },
            x -> {
                assertTrue(t[0].isDone());
                return q.put("a");
            },
            x -> yieldNow(),
            x -> t[1],
            x -> {
                assertEquals("a", x);
                return Frames.ret(null);
            });
    }

    // test_put_cancelled_race
    @Test
    void aCancelledPutterDoesNotPutItsItem() {
        AsyncQueue<String> q = new AsyncQueue<>(1);
        Task[] t = new Task[4];
        run(x -> {
                String[] items = {"a", "b", "X", "d"};
                for (int i = 0; i < 4; i++) {
                    String item = items[i];
                    t[i] = createTask(Frames.of("put " + item, y -> q.put(item), y -> Frames.ret(null)));
                }
                return yieldNow();
            },
            x -> {
                assertTrue(t[0].isDone());
                assertFalse(t[1].isDone());
                t[2].cancel();
                return yieldNow();
            },
            x -> {
                assertTrue(t[2].isDone());
                assertEquals("a", q.getNowait());
                return yieldNow();
            },
            x -> {
                assertEquals("b", q.getNowait());
                return yieldNow();
            },
            x -> {
                assertEquals("d", q.getNowait());
                return Coro.gather(t[1], t[3]);
            });
    }

    // test_cancelled_getter_after_wakeup: handed an item, then cancelled: the item goes to the next getter
    @Test
    void aGetterCancelledAfterBeingWokenPassesItsItemOn() {
        AsyncQueue<String> q = new AsyncQueue<>();
        Task[] t = new Task[2];
        run(x -> {
                t[0] = createTask(Frames.of("g1", y -> q.get(), y -> Frames.ret(y)));
                t[1] = createTask(Frames.of("g2", y -> q.get(), y -> Frames.ret(y)));
                return yieldNow();
            },
            x -> {
                q.putNowait("a");
                t[0].cancel();
                return yieldNow();
            },
            x -> t[1],
            x -> {
                assertEquals("a", x);
                assertTrue(t[0].isCancelled());
                assertTrue(q.isEmpty());
                return Frames.ret(null);
            });
    }

    // test_task_done, test_join_empty_queue, test_task_done_underflow
    @Test
    void joinWaitsForEveryItemToBeDone() {
        AsyncQueue<Integer> q = new AsyncQueue<>();
        int[] sum = {0};
        run(x -> q.join(), // empty: at once
            x -> {
                assertThrows(IllegalStateException.class, q::taskDone);
                for (int i = 0; i < 100; i++) {
                    q.putNowait(i);
                }
                for (int w = 0; w < 2; w++) {
                    createTask(worker(q, sum));
                }
                return q.join();
            },
            x -> {
                assertEquals(4950, sum[0]);
                return Frames.ret(null);
            });
    }

    private Coroutine<Object> worker(AsyncQueue<Integer> q, int[] sum) {
        return new Coroutine<>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        if ($await(q.get(), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        sum[0] += (Integer) $value();
                        q.taskDone();
                        $label = 0;
                        continue;
                    }
                    default: throw $badLabel();
                }
            }
        };
    }

    // test_shutdown_empty, test_shutdown_nonempty, test_shutdown_immediate, test_shutdown_putter
    @Test
    void shutdownWakesWaitersWithQueueShutDown() {
        AsyncQueue<String> q = new AsyncQueue<>(1);
        AsyncQueue<String> empty = new AsyncQueue<>();
        Task[] t = new Task[2];
        run(x -> {
                q.putNowait("kept");
                t[0] = createTask(Frames.of("putter", y -> q.put("late"), y -> Frames.ret(null)));
                t[1] = createTask(Frames.of("getter", y -> empty.get(), y -> Frames.ret(null)));
                return yieldNow();
            },
            x -> {
                q.shutdown();
                empty.shutdown();
                return Coro.gatherSettled(t[0], t[1]);
            },
            x -> {
                for (Object o : (List<Object>) x) {
                    assertInstanceOf(QueueShutDown.class, ((Outcome.Failure) o).error());
                }
                assertThrows(QueueShutDown.class, () -> q.putNowait("x"));
                return q.get(); // items left can still be got
            },
            x -> {
                assertEquals("kept", x);
                assertThrows(QueueShutDown.class, q::getNowait);
                AsyncQueue<String> r = new AsyncQueue<>();
                r.putNowait("dropped");
                Awaitable<Void> join = r.join();
                r.shutdown(true);
                assertTrue(r.isEmpty());
                return join; // the dropped item counts as done
            });
    }

    // the seed's queue_demo: producer/consumer with a bounded queue (twin queues.py queue_demo)
    @Test
    void seedProducerConsumerWithABoundedQueue() {
        AsyncQueue<String> q = new AsyncQueue<>(2);
        Coroutine<Object> producer = new Coroutine<>() {
            int i;
            final String[] items = {"task-1", "task-2", "task-3"};

            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        if (i == items.length) {
                            if ($await(q.put(null), 3)) return $SUSPENDED;
                            $label = 3;
                            continue;
                        }
                        if ($await(q.put(items[i]), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        $value();
                        trace.add(loop.time() / 1_000_000 + " produced " + items[i]);
                        if ($await(sleep(100), 2)) return $SUSPENDED;
                    }
                    case 2: {
                        $value();
                        i++;
                        $label = 0;
                        continue;
                    }
                    case 3: {
                        $value();
                        return $return(null);
                    }
                    default: throw $badLabel();
                }
            }
        };
        Coroutine<Object> consumer = new Coroutine<>() {
            @Override
            protected Object $resume() throws Throwable {
                for (;;) switch ($label) {
                    case 0: {
                        if ($await(q.get(), 1)) return $SUSPENDED;
                    }
                    case 1: {
                        String item = (String) $value();
                        if (item == null) return $return(null);
                        trace.add(loop.time() / 1_000_000 + " processing " + item);
                        if ($await(sleep(200), 0)) return $SUSPENDED;
                        $label = 0;
                        continue;
                    }
                    default: throw $badLabel();
                }
            }
        };
        run(x -> Coro.gather(producer, consumer));
        // twin queue_demo (real clock, so times drift by a few ms): ['0 produced task-1',
        //   '0 processing task-1', '103 produced task-2', '201 processing task-2',
        //   '203 produced task-3', '402 processing task-3']
        assertEquals(List.of("0 produced task-1", "0 processing task-1", "100 produced task-2",
                "200 processing task-2", "200 produced task-3", "400 processing task-3"), trace);
    }

    // test_cancelled_puts_not_being_held_in_self_putters / the woken-then-cancelled putter: its slot
    // goes to the next putter, and its item is never put
    @Test
    void aPutterCancelledAfterBeingWokenPassesItsSlotOn() {
        AsyncQueue<String> q = new AsyncQueue<>(1);
        Task[] t = new Task[2];
        run(x -> {
                q.putNowait("a");
                t[0] = createTask(Frames.of("p1", y -> q.put("b"), y -> Frames.ret(null)));
                t[1] = createTask(Frames.of("p2", y -> q.put("c"), y -> Frames.ret(null)));
                return yieldNow();
            },
            x -> {
                assertEquals("a", q.getNowait()); // p1 is woken with the slot ...
                assertTrue(q.isFull());           // ... which nobody else may take
                assertThrows(QueueFull.class, () -> q.putNowait("x"));
                t[0].cancel();                    // ... and is cancelled before it runs
                return yieldNow();
            },
            x -> yieldNow(),
            x -> {
                assertTrue(t[0].isCancelled());
                assertTrue(t[1].isDone());
                assertEquals("c", q.getNowait());
                assertTrue(q.isEmpty());
                return Frames.ret(null);
            });
    }

    // a put awaited through gather (a done callback, not a task) still puts its item
    @Test
    void aPutConsumedByACallbackPutsItsItemWhenWoken() {
        AsyncQueue<String> q = new AsyncQueue<>(1);
        run(x -> {
                q.putNowait("a");
                Awaitable<List<Object>> g = Coro.gather(q.put("b"));
                assertEquals("a", q.getNowait());
                return g;
            },
            x -> {
                assertEquals("b", q.getNowait());
                return Frames.ret(null);
            });
    }
}
