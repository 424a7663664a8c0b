"""Seed 000, "Coroutines Fundamentals", as the oracle for io.jcoro.it.seeds.Fundamentals.

Usage: python3 fundamentals.py SCENARIO  (one of SCENARIOS below; the Java twin of each is the
enum constant of the same name in SeedScenario). Prints the scenario's trace, one line each,
stamped with virtual time. The seed code is the seed's own, with print() going to log() and two
lines of instrumentation ("Processing user", "Fetching user") that the Java seed has too.
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

async def simple_coroutine():
    log("Coroutine started")
    await asyncio.sleep(1)  # Pause here
    log("Coroutine resumed")
    return "Done"


async def fetch_user(user_id):
    log(f"Fetching user {user_id}")
    await asyncio.sleep(0.5)  # Simulate API call
    return {
        "id": user_id,
        "name": f"User {user_id}",
        "email": f"user{user_id}@example.com",
    }


async def process_user(user_id):
    log(f"Processing user {user_id}")
    user = await fetch_user(user_id)
    user["processed"] = True
    return user


async def main():
    # Process multiple users concurrently
    user_ids = [1, 2, 3]
    tasks = [process_user(uid) for uid in user_ids]
    users = await asyncio.gather(*tasks)

    for user in users:
        log(f"Processed: {user['name']}")


async def nap(n, millis):
    log(f"nap {n} start")
    await asyncio.sleep(millis / 1000)
    log(f"nap {n} end")
    return n


async def three_naps():
    naps = await asyncio.gather(nap(1, 100), nap(2, 100), nap(3, 100))
    log(f"naps done: {naps}")
    return naps


async def say(text):
    log(text)


async def process_user_beside_ready_task(user_id):
    other = asyncio.create_task(say("other task ran"))
    user = await process_user(user_id)
    await other
    return user


# ---------------------------------------------------------------- the harness

def describe(user):
    processed = "yes" if user.get("processed") else "no"
    return f"id={user['id']} name={user['name']} email={user['email']} processed={processed}"


def state_name(coro):
    return inspect.getcoroutinestate(coro).replace("CORO_", "")


def scenario_coroutine_states():
    coro = simple_coroutine()
    log(f"created [{state_name(coro)}]")
    timeline.suffix = lambda: f" [{state_name(coro)}]"
    loop.call_later(0.5, lambda: log("timer at 500 ms"))
    result = loop.run_until_complete(coro)
    log(result)


SCENARIOS = {
    "simple_coroutine": lambda: log(loop.run_until_complete(simple_coroutine())),
    "coroutine_states": scenario_coroutine_states,
    "fetch_user": lambda: log(describe(loop.run_until_complete(fetch_user(1)))),
    "process_user": lambda: log(describe(loop.run_until_complete(process_user(2)))),
    "main": lambda: loop.run_until_complete(main()),
    "three_naps": lambda: loop.run_until_complete(three_naps()),
    "inline_await": lambda: log(describe(loop.run_until_complete(process_user_beside_ready_task(7)))),
}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in SCENARIOS:
        sys.exit(f"usage: fundamentals.py {{{','.join(SCENARIOS)}}}")
    try:
        SCENARIOS[sys.argv[1]]()
    finally:
        loop.close()
