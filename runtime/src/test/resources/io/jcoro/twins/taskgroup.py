# Twin of TaskGroupTest (run with python3.13: 3.12 leaves cancelling() at 1 in cancelling_level): the traces its Java tests assert.
import asyncio

async def child_failure():
    trace = []
    async def failing():
        await asyncio.sleep(0.1)
        1 / 0
    async def foo2():
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            trace.append("foo2 cancelled")
            raise
    async def runner():
        async with asyncio.TaskGroup() as g:
            g.create_task(failing())
            g.create_task(failing())
            g.create_task(foo2())
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                trace.append(f"runner cancelled, cancelling={asyncio.current_task().cancelling()}")
                raise
    try:
        await asyncio.create_task(runner())
    except ExceptionGroup as eg:
        trace.append(f"{eg} {[type(e).__name__ for e in eg.exceptions]}")
    print("child_failure:", trace)

async def body_failure():
    trace = []
    async def child():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            trace.append("child cancelled")
            raise
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(child())
            await asyncio.sleep(0)
            raise ValueError("body")
    except ExceptionGroup as eg:
        trace.append(f"{eg} {eg.exceptions}")
    print("body_failure:", trace)

async def cancelling_level():
    async def raise_after():
        raise RuntimeError()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(raise_after())
    except* RuntimeError:
        pass
    print("cancelling_level:", asyncio.current_task().cancelling())

asyncio.run(child_failure())
asyncio.run(body_failure())
asyncio.run(cancelling_level())
