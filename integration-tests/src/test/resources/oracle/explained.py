"""Seed 001, "Python Asyncio: Coroutines Explained", as the oracle for
io.jcoro.it.seeds.CoroutinesExplained.

Usage: python3 explained.py SCENARIO. Prints the scenario's trace stamped with virtual time; the
Java twin of each scenario is the SeedScenario constant of the same name.
"""

import asyncio
import inspect
import sys

from virtual_loop import Timeline, VirtualTimeLoop

loop = VirtualTimeLoop()
timeline = Timeline(loop)


def log(text):
    timeline.line(str(text))


# ---------------------------------------------------------------- the seed

async def my_coroutine():
    log("Starting work...")
    await asyncio.sleep(1)  # This is where we pause
    log("Finished after 1 second!")
    return "Task complete"


async def caller():
    result = await my_coroutine()  # Inside another async function
    log(f"Got result: {result}")


async def pause(millis):
    await asyncio.sleep(millis / 1000)


# ---------------------------------------------------------------- the harness

def state_name(coro):
    return inspect.getcoroutinestate(coro).replace("CORO_", "")


def scenario_my_coroutine():
    # result = asyncio.run(my_coroutine()); print(f"Got result: {result}")
    result = loop.run_until_complete(my_coroutine())
    log(f"Got result: {result}")


def scenario_forgotten_await():
    coro = my_coroutine()  # Returns a coroutine object but doesn't execute it
    log(f"my_coroutine() returned a coroutine [{state_name(coro)}]")
    loop.run_until_complete(pause(500))
    log(f"after the loop ran 500 ms: [{state_name(coro)}]")
    coro.close()
    log(f"closed: [{state_name(coro)}]")


SCENARIOS = {
    "my_coroutine": scenario_my_coroutine,
    "forgotten_await": scenario_forgotten_await,
    "await_inside_coroutine": lambda: loop.run_until_complete(caller()),
}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in SCENARIOS:
        sys.exit(f"usage: explained.py {{{','.join(SCENARIOS)}}}")
    try:
        SCENARIOS[sys.argv[1]]()
    finally:
        loop.close()
