# Twin of GatherTest: the traces its Java tests assert.
import asyncio

def run(name, coro):
    trace = []
    try:
        r = asyncio.run(coro(trace))
        trace.append(f"result {r}")
    except BaseException as e:
        trace.append(f"raised {type(e).__name__}({e})")
    print(name + ":", trace)

async def order(trace):
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async def child(name, delay, value):
        trace.append(f"start {name}")
        await asyncio.sleep(delay)
        trace.append(f"end {name}")
        return value
    r = await asyncio.gather(child("a", 0.3, 1), child("b", 0.1, 2), child("c", 0.2, 3))
    trace.append(f"elapsed {round(loop.time() - t0, 3)}")
    return r

async def eager(trace):
    async def child(name):
        trace.append(f"run {name}")
        return name
    g = asyncio.gather(child("a"), child("b"))
    trace.append("gather made")
    await asyncio.sleep(0)
    trace.append("after yield")
    r = await g
    return r

async def first_failure(trace):
    async def ok(delay):
        await asyncio.sleep(delay)
        trace.append("ok finished")
        return "ok"
    async def bad():
        await asyncio.sleep(0.1)
        trace.append("bad raises")
        raise ValueError("boom")

    try:
        await asyncio.gather(ok(0.2), bad())
    except ValueError as e:
        trace.append(f"caught {e}")

    await asyncio.sleep(0.5)
    trace.append("end")
    return "done"

async def settled(trace):
    async def ok():
        return 1
    async def bad():
        raise ValueError("boom")
    async def cancelled_self():
        await asyncio.sleep(0)
        asyncio.current_task().cancel("bye")
        await asyncio.sleep(1)
    rs = await asyncio.gather(ok(), bad(), cancelled_self(), return_exceptions=True)
    return [f"{type(r).__name__}({r})" for r in rs]

async def child_cancelled(trace):
    async def sleeper():
        await asyncio.sleep(1)
        trace.append("sleeper finished")
        return 1
    t = asyncio.create_task(sleeper())
    async def canceller():
        await asyncio.sleep(0.1)
        t.cancel("stop")
        return 2
    try:
        await asyncio.gather(t, canceller())
    except asyncio.CancelledError as e:
        trace.append(f"gather raised CancelledError({e}), task cancelled? {asyncio.current_task().cancelled()}")
    return "main went on"

async def cancel_outer(trace):
    async def child(name):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            trace.append(f"{name} cancelled")
            raise
    async def waiter():
        await asyncio.gather(child("a"), child("b"))
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.1)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        trace.append(f"waiter cancelled: {w.cancelled()}")
    return "end"

async def dedup(trace):
    count = 0
    async def child():
        nonlocal count
        count += 1
        return count
    c = child()
    r = await asyncio.gather(c, c, child())
    trace.append(f"runs {count}")
    return r

async def empty(trace):
    return await asyncio.gather()

run("order", order)
run("eager", eager)
run("first_failure", first_failure)
run("settled", settled)
run("child_cancelled", child_cancelled)
run("cancel_outer", cancel_outer)
run("dedup", dedup)
run("empty", empty)
