package io.jcoro;

import static io.jcoro.Coro.createTask;
import static io.jcoro.Coro.sleep;
import static io.jcoro.Coro.yieldNow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.sync.Barrier;
import io.jcoro.sync.BoundedSemaphore;
import io.jcoro.sync.BrokenBarrierException;
import io.jcoro.sync.Condition;
import io.jcoro.sync.Event;
import io.jcoro.sync.Mutex;
import io.jcoro.sync.Semaphore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * io.jcoro.sync, ported from CPython 3.13's Lib/test/test_asyncio/test_locks.py (named in each
 * comment). Every test runs its main frame on a virtual-time loop; yields stand for asyncio's
 * {@code await asyncio.sleep(0)}. Traces checked with twins/locks.py.
 */
@SuppressWarnings({"fallthrough", "rawtypes", "unchecked"})
class SyncTest {
    private final List<String> trace = Frames.trace();
    private final EventLoop loop = EventLoop.virtualTime();

    private void run(Frames.Step... steps) {
        Frames.Step[] all = java.util.Arrays.copyOf(steps, steps.length + 1);
        all[steps.length] = x -> Frames.ret(null);
        loop.runUntilComplete(Frames.of("main", all));
    }

    /** A task body: await {@code a}, then record {@code name}. */
    private Coroutine<Object> then(String name, Awaitable<?> a) {
        return Frames.of(name, x -> a, x -> {
            trace.add(name);
            return Frames.ret(x);
        });
    }

    // test_acquire (Lock): FIFO hand-over
    @Test
    void mutexWaitersGetTheLockInOrder() {
        Mutex lock = new Mutex();
        Task[] t = new Task[3];
        run(x -> lock.lock(),
            x -> {
                for (int i = 0; i < 3; i++) {
                    int n = i + 1;
                    t[i] = createTask(Frames.of("c" + n, y -> lock.lock(), y -> {
                        trace.add("" + n);
                        return Frames.ret(y);
                    }));
                }
                return yieldNow();
            },
            x -> {
                assertEquals(List.of(), trace);
                lock.unlock();
                return yieldNow();
            },
            x -> {
                assertEquals(List.of("1"), trace);
                lock.unlock();
                return yieldNow();
            },
            x -> {
                lock.unlock();
                return yieldNow();
            },
            x -> {
                assertEquals(List.of("1", "2", "3"), trace);
                assertTrue(lock.isLocked());
                ((Mutex.Permit) t[2].result()).close();
                assertFalse(lock.isLocked());
                return Frames.ret(null);
            });
    }

    // test_acquire_cancel (Lock)
    @Test
    void aCancelledMutexWaiterLeavesTheQueue() {
        Mutex lock = new Mutex();
        Task[] t = new Task[1];
        run(x -> lock.lock(),
            x -> {
                t[0] = createTask(then("waiter", lock.lock()));
                loop.callSoon(t[0]::cancel);
                return Coro.gatherSettled(t[0]);
            },
            x -> {
                assertTrue(t[0].isCancelled());
                assertEquals(0, lock.waiting());
                return Frames.ret(null);
            });
    }

    // test_cancel_race (Lock), adapted: B is cancelled while A releases; C gets the lock
    @Test
    void aMutexWaiterCancelledWhenTheLockIsReleasedIsSkipped() {
        Mutex lock = new Mutex();
        Promise<Object> fa = new Promise<>();
        Task[] t = new Task[3];
        run(x -> {
                t[0] = createTask(Frames.of("A", y -> lock.lock(), y -> {
                    Mutex.Permit p = (Mutex.Permit) y;
                    return Frames.of("hold", z -> fa, z -> {
                        p.close();
                        return Frames.ret(null);
                    });
                }, y -> Frames.ret(null)));
                return yieldNow();
            },
            x -> {
                assertTrue(lock.isLocked());
                t[1] = createTask(then("B", lock.lock()));
                return yieldNow();
            },
            x -> {
                t[2] = createTask(then("C", lock.lock()));
                return yieldNow();
            },
            x -> {
                assertEquals(2, lock.waiting());
                fa.setResult(null);
                t[1].cancel();
                return yieldNow();
            },
            x -> {
                assertTrue(t[0].isDone());
                assertTrue(t[1].isCancelled());
                return t[2];
            },
            x -> {
                assertEquals(List.of("C"), trace);
                return Frames.ret(null);
            });
    }

    // test_cancel_release_race (Lock, issue 32734): only one lock is taken
    @Test
    void cancellingTheFirstWaiterWhileReleasingHandsTheLockToOneTask() {
        Mutex lock = new Mutex();
        int[] lockCount = new int[1];
        Task[] t = new Task[3];
        run(x -> lock.lock(),
            x -> {
                for (int i = 0; i < 3; i++) {
                    t[i] = createTask(Frames.of("lockit", y -> lock.lock(), y -> {
                        lockCount[0]++;
                        return Frames.ret(null);
                    }));
                }
                return yieldNow();
            },
            x -> {
                loop.callSoon(() -> {
                    t[0].cancel();
                    lock.unlock();
                });
                return Coro.gatherSettled(t[0]);
            },
            x -> {
                assertEquals(1, lockCount[0]);
                assertTrue(t[0].isCancelled() && t[1].isDone());
                t[2].cancel();
                return yieldNow();
            },
            x -> {
                assertTrue(t[2].isCancelled());
                return Frames.ret(null);
            });
    }

    // test_finished_waiter_cancelled (Lock), the woken-then-cancelled variant of locks.py's rule
    @Test
    void aMutexWaiterCancelledAfterBeingWokenPassesTheLockOn() {
        Mutex lock = new Mutex();
        Task[] t = new Task[2];
        run(x -> lock.lock(),
            x -> {
                t[0] = createTask(then("B", lock.lock()));
                t[1] = createTask(then("C", lock.lock()));
                return yieldNow();
            },
            x -> {
                lock.unlock();     // B is woken: the lock is handed to it
                t[0].cancel();     // ... and B is cancelled before it runs
                return yieldNow();
            },
            x -> yieldNow(),
            x -> {
                assertTrue(t[0].isCancelled());
                assertTrue(t[1].isDone());
                assertEquals(List.of("C"), trace);
                assertTrue(lock.isLocked());
                return Frames.ret(null);
            });
    }

    // test_release_not_acquired, test_lock_doesnt_accept_loop_parameter-free basics
    @Test
    void mutexMisuse() {
        Mutex lock = new Mutex();
        assertThrows(IllegalStateException.class, lock::unlock);
        assertTrue(lock.tryLock());
        assertFalse(lock.tryLock());
        lock.unlock();
        loop.setDebug(true);
        run(x -> lock.lock(), x -> {
            assertThrows(IllegalStateException.class, lock::lock); // debug: re-lock by the holder
            Mutex.Permit p = (Mutex.Permit) x;
            p.close();
            p.close(); // once
            assertFalse(lock.isLocked());
            return Frames.ret(null);
        });
    }

    // test_wait, test_clear, test_wait_cancel (Event)
    @Test
    void eventWakesEveryWaiterInOrder() {
        Event ev = new Event();
        Task[] t = new Task[3];
        run(x -> {
                for (int i = 0; i < 3; i++) {
                    t[i] = createTask(then("w" + (i + 1), ev.waitAsync()));
                }
                return yieldNow();
            },
            x -> {
                t[1].cancel();
                return yieldNow();
            },
            x -> {
                assertEquals(List.of(), trace);
                ev.set();
                assertTrue(ev.isSet());
                return yieldNow();
            },
            x -> {
                assertEquals(List.of("w1", "w3"), trace);
                assertTrue(t[1].isCancelled());
                ev.clear();
                assertFalse(ev.isSet());
                return Frames.ret(null);
            });
    }

    // test_wait, test_notify, test_notify_all (Condition)
    @Test
    void conditionSignalWakesWaitersOneAtATimeUnderTheLock() {
        Condition cond = new Condition();
        run(x -> {
                for (int i = 1; i <= 3; i++) {
                    String name = "c" + i;
                    createTask(Frames.of(name, y -> cond.lock(), y -> cond.waitAsync(), y -> {
                        assertTrue(cond.isLocked());
                        trace.add(name);
                        cond.unlock();
                        return Frames.ret(null);
                    }));
                }
                return yieldNow();
            },
            x -> {
                assertEquals(3, cond.waiting());
                assertThrows(IllegalStateException.class, cond::signal); // not under the lock
                return cond.lock();
            },
            x -> {
                cond.signal();
                assertEquals(List.of(), trace);
                cond.unlock();
                return yieldNow();
            },
            x -> yieldNow(),
            x -> {
                assertEquals(List.of("c1"), trace);
                return cond.lock();
            },
            x -> {
                cond.signalAll();
                cond.unlock();
                return sleep(1);
            },
            x -> {
                assertEquals(List.of("c1", "c2", "c3"), trace);
                return Frames.ret(null);
            });
    }

    // test_wait_for (Condition)
    @Test
    void conditionWaitForRechecksThePredicate() {
        Condition cond = new Condition();
        int[] presult = {0};
        run(x -> {
                createTask(Frames.of("c1", y -> cond.lock(), y -> cond.waitFor(() -> presult[0] == 3), y -> {
                    trace.add("predicate true");
                    cond.unlock();
                    return Frames.ret(null);
                }));
                return yieldNow();
            },
            x -> cond.lock(),
            x -> {
                presult[0] = 1;
                cond.signal();
                cond.unlock();
                return sleep(1);
            },
            x -> {
                assertEquals(List.of(), trace);
                return cond.lock();
            },
            x -> {
                presult[0] = 3;
                cond.signal();
                cond.unlock();
                return sleep(1);
            },
            x -> {
                assertEquals(List.of("predicate true"), trace);
                return Frames.ret(null);
            });
    }

    // test_cancelled_wakeup (Condition, 3.13): a waiter cancelled after being signalled passes the
    // signal on, and gets the lock back before its CancelledError leaves waitAsync
    @Test
    void aConditionWaiterCancelledAfterTheSignalPassesItOn() {
        Condition cond = new Condition();
        Task[] t = new Task[2];
        run(x -> {
                for (int i = 0; i < 2; i++) {
                    String name = "w" + (i + 1);
                    t[i] = createTask(new Coroutine<Object>() {
                        @Override
                        protected Object $resume() throws Throwable {
                            for (;;) switch ($label) {
                                case 0: {
                                    if ($await(cond.lock(), 1)) return $SUSPENDED;
                                }
                                case 1: {
                                    $value();
                                    if ($await(cond.waitAsync(), 2)) return $SUSPENDED;
                                }
                                case 2: {
                                    try {
                                        $value();
                                        trace.add(name + " woke, locked=" + cond.isLocked());
                                    } catch (CancelledError e) {
                                        trace.add(name + " cancelled, locked=" + cond.isLocked());
                                        throw e;
                                    } finally {
                                        cond.unlock();
                                    }
                                    return $return(null);
                                }
                                default: throw $badLabel();
                            }
                        }
                    });
                }
                return yieldNow();
            },
            x -> cond.lock(),
            x -> {
                cond.signal();     // w1 is woken ...
                t[0].cancel();     // ... and cancelled before it runs
                cond.unlock();
                return sleep(1);
            },
            x -> {
                assertEquals(List.of("w1 cancelled, locked=true", "w2 woke, locked=true"), trace);
                assertTrue(t[0].isCancelled());
                assertFalse(cond.isLocked());
                return Frames.ret(null);
            });
    }

    // test_acquire (Semaphore), test_acquire_cancel_before_awoken, test_acquire_fifo_order
    @Test
    void semaphoreHandsPermitsOutInOrder() {
        Semaphore sem = new Semaphore(0);
        Task[] t = new Task[4];
        run(x -> {
                for (int i = 0; i < 4; i++) {
                    t[i] = createTask(then("t" + (i + 1), sem.acquire()));
                }
                return yieldNow();
            },
            x -> {
                assertTrue(sem.isLocked());
                t[0].cancel(); // before it is woken: it leaves the queue
                sem.release();
                sem.release();
                return yieldNow();
            },
            x -> {
                assertEquals(List.of("t2", "t3"), trace);
                assertFalse(sem.tryAcquire());
                sem.release();
                return yieldNow();
            },
            x -> {
                assertEquals(List.of("t2", "t3", "t4"), trace);
                assertEquals(0, sem.available());
                sem.release();
                assertTrue(sem.tryAcquire());
                return Frames.ret(null);
            });
    }

    // test_acquire_cancel_after_awoken-style (Semaphore, 3.12's fix): the permit goes on
    @Test
    void aSemaphoreWaiterCancelledAfterBeingWokenGivesThePermitBack() {
        Semaphore sem = new Semaphore(0);
        Task[] t = new Task[2];
        run(x -> {
                t[0] = createTask(then("t1", sem.acquire()));
                t[1] = createTask(then("t2", sem.acquire()));
                return yieldNow();
            },
            x -> {
                sem.release();
                t[0].cancel();
                return yieldNow();
            },
            x -> yieldNow(),
            x -> {
                assertTrue(t[0].isCancelled());
                assertEquals(List.of("t2"), trace);
                assertEquals(0, sem.available());
                return Frames.ret(null);
            });
    }

    // test_release_no_waiters / BoundedSemaphore's ValueError
    @Test
    void boundedSemaphoreRefusesOverRelease() {
        BoundedSemaphore sem = new BoundedSemaphore(1);
        assertThrows(IllegalStateException.class, sem::release);
        assertTrue(sem.tryAcquire());
        sem.release();
        assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
    }

    // test_barrier, test_wait_return_index (Barrier): indices in arrival order, reusable
    @Test
    void barrierReleasesAllPartiesWithTheirIndices() {
        Barrier b = new Barrier(3);
        List<Object> results = new ArrayList<>();
        run(x -> {
                List<Coroutine<Object>> parties = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    String name = "p" + i;
                    parties.add(Frames.of(name, y -> b.waitAsync(), y -> {
                        trace.add(name + "=" + y);
                        return Frames.ret(y);
                    }));
                }
                return Coro.gather(parties);
            },
            x -> {
                results.addAll((List<Object>) x);
                assertEquals(0, b.waiting());
                assertEquals("Barrier[filling, waiters:0/3]", b.toString());
                return Frames.ret(null);
            });
        assertEquals(List.of(0, 1, 2), results);
        assertEquals(List.of("p2=2", "p0=0", "p1=1"), trace);
    }

    // test_abort_barrier, test_reset_barrier (Barrier)
    @Test
    void abortAndResetBreakTheWaiters() {
        Barrier b = new Barrier(3);
        Task[] t = new Task[2];
        run(x -> {
                t[0] = createTask(then("a", b.waitAsync()));
                t[1] = createTask(then("b", b.waitAsync()));
                return yieldNow();
            },
            x -> yieldNow(),
            x -> {
                assertEquals(2, b.waiting());
                b.abort();
                return Coro.gatherSettled(t[0], t[1]);
            },
            x -> {
                for (Object o : (List<Object>) x) {
                    assertInstanceOf(BrokenBarrierException.class, ((Outcome.Failure) o).error());
                }
                assertTrue(b.isBroken());
                return Coro.gatherSettled(b.waitAsync());
            },
            x -> {
                assertInstanceOf(BrokenBarrierException.class, ((Outcome.Failure) ((List) x).get(0)).error());
                b.reset();
                assertFalse(b.isBroken());
                t[0] = createTask(then("c", b.waitAsync()));
                return yieldNow();
            },
            x -> yieldNow(),
            x -> {
                b.reset(); // a waiting task gets BrokenBarrierException
                return Coro.gatherSettled(t[0]);
            },
            x -> {
                assertInstanceOf(BrokenBarrierException.class, ((Outcome.Failure) ((List) x).get(0)).error());
                assertEquals(List.of(), trace);
                return Frames.ret(null);
            });
    }
}
