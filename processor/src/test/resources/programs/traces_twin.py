# The asyncio twin of programs/Traces.java: AsyncStackTraceTest compares the order of the user's
# frames in each failure's traceback (innermost first, as Java lists them) with Java's.
# Prints one line per scenario: "scenario: frame frame ...", and "scenario/N: ..." per group member.
import asyncio
import sys
import traceback

async def inner():
    await asyncio.sleep(0)
    raise RuntimeError("deep")

async def outer():
    return await inner()

async def afterSuspension():
    return await outer() + 1

async def catcher():
    try:
        return await inner()
    except RuntimeError:
        raise  # the same exception object, as Java's "throw e"

async def rethrow():
    return await catcher()

async def wrapper():
    try:
        return await inner()
    except RuntimeError as e:
        raise ValueError("wrapped") from e

async def wrap():
    return await wrapper()

async def viaTask():
    child = asyncio.create_task(outer())
    return await child

async def viaGather():
    return len(await asyncio.gather(outer(), asyncio.sleep(0)))

async def viaTaskGroup():
    async with asyncio.TaskGroup() as group:
        group.create_task(outer())
        await asyncio.sleep(60)
    return 0

def frames(e):
    names = [f.name for f in traceback.extract_tb(e.__traceback__) if f.filename == __file__]
    return " ".join(reversed(names))

def caught(scenario):
    try:
        asyncio.run(scenario())
    except BaseException as e:
        return e

for scenario in (afterSuspension, rethrow, wrap, viaTask, viaGather, viaTaskGroup):
    failure = caught(scenario)
    print(f"{scenario.__name__}: {frames(failure)}")
    if failure.__cause__ is not None:
        print(f"{scenario.__name__}/cause: {frames(failure.__cause__)}")
    for i, member in enumerate(getattr(failure, "exceptions", ())):
        print(f"{scenario.__name__}/{i}: {frames(member)}")
sys.stdout.flush()
