# Twin of OrderingTest: the traces its Java tests assert.
import asyncio

def run(name, coro):
    trace = []
    try:
        r = asyncio.run(coro(trace))
        trace.append(f"result {r}")
    except BaseException as e:
        trace.append(f"raised {type(e).__name__}({e})")
    print(name + ":", trace)

async def sleeper_vs_timers(trace):
    loop = asyncio.get_running_loop()
    loop.call_later(0.1, lambda: trace.append("timer A"))
    async def s():
        await asyncio.sleep(0.1)
        trace.append("sleeper woke")
    asyncio.create_task(s())
    await asyncio.sleep(0)
    loop.call_later(0.1, lambda: trace.append("timer B"))
    await asyncio.sleep(0.2)
    return "end"

async def callbacks_and_waiters(trace):
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: trace.append(f"cb1 {f.result()}"))
    async def waiter(name):
        v = await fut
        trace.append(f"{name} woke {v}")
    asyncio.create_task(waiter("w1"))
    asyncio.create_task(waiter("w2"))
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: trace.append("cb2"))
    loop.call_soon(lambda: trace.append("soon before set"))
    fut.set_result(7)
    trace.append("set")
    fut.add_done_callback(lambda f: trace.append("cb3 (added when done)"))
    await asyncio.sleep(0)
    trace.append("main after one yield")
    await asyncio.sleep(0)
    return "end"

async def task_done_callback(trace):
    async def body():
        trace.append("body")
        return 3
    t = asyncio.create_task(body())
    t.add_done_callback(lambda t: trace.append(f"done cb {t.result()}"))
    await t
    trace.append("awaited")
    await asyncio.sleep(0)
    trace.append("after yield")
    return "end"

async def yields_round_robin(trace):
    async def worker(name):
        for i in range(3):
            trace.append(f"{name}{i}")
            await asyncio.sleep(0)
    await asyncio.gather(worker("a"), worker("b"))
    return "end"

async def main_returns_with_child_pending(trace):
    async def child():
        trace.append("child step 1")
        await asyncio.sleep(0)
        trace.append("child step 2")
    asyncio.create_task(child())
    trace.append("main returns")
    return "main"

run("sleeper_vs_timers", sleeper_vs_timers)
run("callbacks_and_waiters", callbacks_and_waiters)
run("task_done_callback", task_done_callback)
run("yields_round_robin", yields_round_robin)

# run_until_complete on a bare loop: a task scheduled by main right before it returns gets its
# first step (asyncio stops one iteration after completion), and is left pending after that.
loop = asyncio.new_event_loop()
trace = []
r = loop.run_until_complete(main_returns_with_child_pending(trace))
trace.append(f"result {r}")
print("run_until_complete_leaves_child:", trace)
loop.close()
