# The asyncio twin of programs/Generators.java: GeneratorLoweringTest compares traces with it.
import asyncio
log = []
async def ticks(n):
    try:
        for i in range(n):
            await asyncio.sleep(0.010)
            log.append(f"tick {i}")
            yield i
    finally:
        log.append("ticks finally")
        await asyncio.sleep(0.001)
        log.append("ticks cleaned")

async def echo():
    received = yield "ready"
    while received is not None:
        received = yield f"got {received}"

async def consume():
    out = []
    async for t in ticks(3):
        out.append(str(t))
    e = echo()
    out.append(await e.__anext__()); out.append(await e.asend("a")); out.append(await e.asend("b"))
    g = ticks(10)
    async for t in g:
        if t == 1: break
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        out.append("|exhausted")
    h = ticks(5)
    await h.__anext__()
    try:
        await h.athrow(RuntimeError("boom"))
    except RuntimeError as ex:
        out.append("|" + str(ex))
    return "".join(out)

r = asyncio.run(consume())
for l in log: print(l)
print("result", r)
