# Twin of AsyncQueueTest (python3.13): the traces its Java tests assert. Times in ms.
import asyncio

def now(loop, t0):
    return round((loop.time() - t0) * 1000)

async def queue_demo():  # the seed tutorial's producer/consumer, with times
    loop = asyncio.get_running_loop(); t0 = loop.time(); trace = []
    async def producer(queue, items):
        for item in items:
            await queue.put(item)
            trace.append(f"{now(loop, t0)} produced {item}")
            await asyncio.sleep(0.1)
        await queue.put(None)
    async def consumer(queue):
        while True:
            item = await queue.get()
            if item is None:
                break
            trace.append(f"{now(loop, t0)} processing {item}")
            await asyncio.sleep(0.2)
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(queue, ["task-1", "task-2", "task-3"]), consumer(queue))
    print("queue_demo:", trace)

async def blocking_put_get():
    loop = asyncio.get_running_loop(); t0 = loop.time(); trace = []
    q = asyncio.Queue(1)
    async def getter():
        await asyncio.sleep(0.01)
        await q.get()
        await q.get()
        trace.append(f"got 2 at {now(loop, t0)}")
    asyncio.create_task(getter())
    await q.put(1)
    await q.put(2)
    trace.append(f"put 2 at {now(loop, t0)}")
    await asyncio.sleep(0.001)
    print("blocking_put_get:", trace)

asyncio.run(queue_demo())
asyncio.run(blocking_put_get())
