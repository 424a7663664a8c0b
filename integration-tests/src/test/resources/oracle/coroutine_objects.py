"""Seed 003, "AsyncIO Coroutine", as the oracle for io.jcoro.it.seeds.CoroutineObjects.

Usage: python3 coroutine_objects.py SCENARIO. Prints the scenario's trace stamped with virtual
time; the Java twin of each scenario is the SeedScenario constant of the same name.
"""

import asyncio
import sys

from virtual_loop import Timeline, VirtualTimeLoop

loop = VirtualTimeLoop()
timeline = Timeline(loop)


def log(text):
    timeline.line(str(text))


# ---------------------------------------------------------------- the seed

async def my_coroutine():
    log("Coroutine started.")
    await asyncio.sleep(0.5)
    log("Coroutine resumed.")
    await asyncio.sleep(1.0)
    log("Coroutine complete.")


async def hello():
    return 'hello'


async def hello_after_sleep():
    await asyncio.sleep(0.1)
    return 'hello'


async def hello_sequential():
    await asyncio.sleep(0.1)
    await asyncio.sleep(0.1)
    await asyncio.sleep(0.1)
    return 'hello'


async def main():
    return await hello_after_sleep()


async def main_gather():
    return await asyncio.gather(
        hello_after_sleep(),
        hello_after_sleep(),
        hello_after_sleep(),
    )


# ---------------------------------------------------------------- the harness

def java_list(items):
    return "[" + ", ".join(str(i) for i in items) + "]"


def scenario_multiple_awaiting():
    coro = hello()
    log(loop.run_until_complete(coro))
    try:
        log(loop.run_until_complete(coro))
    except RuntimeError as e:
        log(f"raised: {e}")


SCENARIOS = {
    "objects_my_coroutine": lambda: loop.run_until_complete(my_coroutine()),
    "hello": lambda: log(loop.run_until_complete(hello())),
    "hello_sequential": lambda: log(loop.run_until_complete(hello_sequential())),
    "main_awaits_hello": lambda: log(loop.run_until_complete(main())),
    "gather_hellos": lambda: log(java_list(loop.run_until_complete(main_gather()))),
    "multiple_awaiting": scenario_multiple_awaiting,
}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in SCENARIOS:
        sys.exit(f"usage: coroutine_objects.py {{{','.join(SCENARIOS)}}}")
    try:
        SCENARIOS[sys.argv[1]]()
    finally:
        loop.close()
