# Twin of TimeoutTest (python3.12): the traces its Java tests assert. Times in ms of loop time.
import asyncio

def ms(loop, t0):
    return round((loop.time() - t0) * 1000)

async def nested_busy():
    loop = asyncio.get_running_loop(); t0 = loop.time(); trace = []
    async def sleeper(name, secs):
        try:
            await asyncio.sleep(secs)
        except asyncio.CancelledError:
            trace.append(f"{name} cancelled at {ms(loop, t0)}")
            await asyncio.sleep(0)
            trace.append(f"{name} cleaned up at {ms(loop, t0)}")
            raise
    try:
        async with asyncio.timeout(0.1):
            try:
                async with asyncio.timeout(0.01):
                    await sleeper("inner", 1)
            except TimeoutError:
                trace.append(f"inner timed out at {ms(loop, t0)}")
            await sleeper("outer", 10)
    except TimeoutError:
        trace.append(f"outer timed out at {ms(loop, t0)}")
    print("nested_busy:", trace)

async def outer_cancel():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.01):
            loop.call_later(0.01, asyncio.current_task().cancel)
            await asyncio.sleep(1)
    except BaseException as e:
        print("outer_cancel:", type(e).__name__)

async def wait_for_task():
    loop = asyncio.get_running_loop(); t0 = loop.time(); trace = []
    async def inner():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            trace.append(f"inner cancelled at {ms(loop, t0)}")
            await asyncio.sleep(0.005)
            trace.append(f"inner cleaned up at {ms(loop, t0)}")
            raise
    try:
        await asyncio.wait_for(asyncio.create_task(inner()), 0.001)
    except TimeoutError as e:
        trace.append(f"TimeoutError from {type(e.__cause__).__name__}")
    print("wait_for_task:", trace)

asyncio.run(nested_busy())
asyncio.run(outer_cancel())
asyncio.run(wait_for_task())
