# Twin of CoroutineChainTest.awaitOfCoroutineRunsInline and awaitOfDonePromiseDoesNotSuspend.
import asyncio

async def inline_await():
    trace = []
    async def child():
        trace.append("child")
        return 1
    async def other():
        trace.append("other")
    async def main():
        t = asyncio.create_task(other())
        trace.append("main")
        v = await child()
        trace.append(f"main got {v}")
        await asyncio.sleep(0)
        trace.append("main after yield")
        await t
    await main()
    print("inline:", trace)

async def done_future():
    trace = []
    async def other():
        trace.append("other")
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("x")
    t = asyncio.create_task(other())
    trace.append("before")
    v = await fut
    trace.append(f"got {v}")
    await t
    trace.append("end")
    print("done future:", trace)

asyncio.run(inline_await())
asyncio.run(done_future())
