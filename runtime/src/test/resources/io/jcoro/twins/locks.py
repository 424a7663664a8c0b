# Twin of SyncTest (python3.13): the traces its Java tests assert.
import asyncio

async def barrier():
    b = asyncio.Barrier(3); trace = []
    async def party(name):
        i = await b.wait()
        trace.append(f"{name}={i}")
        return i
    r = await asyncio.gather(*(party(f"p{i}") for i in range(3)))
    print("barrier:", r, trace)

async def condition_cancelled_wakeup():
    cond = asyncio.Condition(); trace = []
    async def w(name):
        async with cond:
            try:
                await cond.wait()
                trace.append(f"{name} woke, locked={cond.locked()}")
            except asyncio.CancelledError:
                trace.append(f"{name} cancelled, locked={cond.locked()}")
                raise
    t1 = asyncio.create_task(w("w1")); t2 = asyncio.create_task(w("w2"))
    await asyncio.sleep(0)
    async with cond:
        cond.notify()
        t1.cancel()
    await asyncio.sleep(0.001)
    print("condition_cancelled_wakeup:", trace, t1.cancelled(), cond.locked())

async def lock_woken_then_cancelled():
    lock = asyncio.Lock(); trace = []
    async def then(name):
        await lock.acquire()
        trace.append(name)
    await lock.acquire()
    tb = asyncio.create_task(then("B")); tc = asyncio.create_task(then("C"))
    await asyncio.sleep(0)
    lock.release(); tb.cancel()
    await asyncio.sleep(0); await asyncio.sleep(0)
    print("lock_woken_then_cancelled:", trace, tb.cancelled(), tc.done(), lock.locked())

async def semaphore_order():
    sem = asyncio.Semaphore(0); trace = []
    async def then(name):
        await sem.acquire()
        trace.append(name)
    t = [asyncio.create_task(then(f"t{i+1}")) for i in range(4)]
    await asyncio.sleep(0)
    t[0].cancel(); sem.release(); sem.release()
    await asyncio.sleep(0)
    a = list(trace)
    sem.release()
    await asyncio.sleep(0)
    print("semaphore_order:", a, trace)

async def event_order():
    ev = asyncio.Event(); trace = []
    async def then(name):
        await ev.wait()
        trace.append(name)
    t = [asyncio.create_task(then(f"w{i+1}")) for i in range(3)]
    await asyncio.sleep(0)
    t[1].cancel()
    await asyncio.sleep(0)
    ev.set()
    await asyncio.sleep(0)
    print("event_order:", trace)

for f in (barrier, condition_cancelled_wakeup, lock_woken_then_cancelled, semaphore_order, event_order):
    asyncio.run(f())
