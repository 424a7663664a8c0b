# Twin of CancellationTest: the traces its Java tests assert.
import asyncio

def run(name, coro):
    trace = []
    try:
        r = asyncio.run(coro(trace))
        trace.append(f"result {r}")
    except BaseException as e:
        trace.append(f"raised {type(e).__name__}({e})")
    print(name + ":", trace)

async def cancel_sleeping(trace):
    loop = asyncio.get_running_loop()
    async def sleeper():
        try:
            trace.append("sleeping")
            await asyncio.sleep(10)
            trace.append("woke")
        except asyncio.CancelledError as e:
            trace.append(f"cancelled at await: {e}")
            raise
        finally:
            trace.append("cleanup")
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    trace.append(f"cancel -> {t.cancel('stop')}")
    try:
        await t
    except asyncio.CancelledError:
        trace.append(f"task cancelled {t.cancelled()} at {loop.time() - t0:.1f}")
    return "end"

async def cancel_before_start(trace):
    async def body():
        trace.append("body ran")
    t = asyncio.create_task(body())
    trace.append(f"cancel -> {t.cancel()}")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    trace.append(f"done {t.done()} cancelled {t.cancelled()}")
    trace.append(f"cancel again -> {t.cancel()}")
    return "end"

async def swallow(trace):
    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            trace.append(f"swallowed, cancelling={asyncio.current_task().cancelling()}")
        await asyncio.sleep(0)
        trace.append("still running")
        return "survived"
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    r = await t
    trace.append(f"cancelled {t.cancelled()} cancelling {t.cancelling()} uncancel -> {t.uncancel()}")
    return r

async def cancel_running(trace):
    async def self_cancel():
        asyncio.current_task().cancel()
        trace.append("after cancel, still running")
        fut = asyncio.get_running_loop().create_future()
        fut.set_result(1)
        await fut                      # done: does not suspend, no error
        trace.append("await of done future passed")
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError:
            trace.append("cancelled at the yield")
            raise
    t = asyncio.create_task(self_cancel())
    try:
        await t
    except asyncio.CancelledError:
        trace.append(f"cancelled {t.cancelled()}")
    return "end"

async def cancel_returning(trace):
    async def body():
        asyncio.current_task().cancel()
        return 5
    t = asyncio.create_task(body())
    try:
        await t
    except asyncio.CancelledError:
        trace.append(f"cancelled {t.cancelled()}")
    return "end"

async def cancel_awaiting_promise(trace):
    fut = asyncio.get_running_loop().create_future()
    async def waiter():
        try:
            await fut
        except asyncio.CancelledError as e:
            trace.append(f"waiter got CancelledError({e})")
            raise
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    t.cancel("m")
    trace.append(f"future cancelled {fut.cancelled()}")
    try:
        await t
    except asyncio.CancelledError:
        trace.append(f"task cancelled {t.cancelled()}")
    return "end"

async def cancel_awaiting_task(trace):
    async def inner():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            trace.append("inner cancelled")
            raise
    async def outer(t):
        try:
            await t
        except asyncio.CancelledError:
            trace.append("outer cancelled")
            raise
    i = asyncio.create_task(inner())
    o = asyncio.create_task(outer(i))
    await asyncio.sleep(0)
    o.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    trace.append(f"inner {i.cancelled()} outer {o.cancelled()}")
    return "end"

t0 = 0
async def _t0():
    global t0
    t0 = asyncio.get_running_loop().time()

async def with_t0(trace):
    await _t0()
    return await cancel_sleeping(trace)

run("cancel_sleeping", with_t0)
run("cancel_before_start", cancel_before_start)
run("swallow", swallow)
run("cancel_running", cancel_running)
run("cancel_returning", cancel_returning)
run("cancel_awaiting_promise", cancel_awaiting_promise)
run("cancel_awaiting_task", cancel_awaiting_task)
