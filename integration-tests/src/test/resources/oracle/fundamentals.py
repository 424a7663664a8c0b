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


async def producer(queue, items):
    """Produce items and put them in queue"""
    for item in items:
        await queue.put(item)
        log(f"📦 Produced: {item}")
        await asyncio.sleep(0.1)

    await queue.put(None)  # Signal completion


async def consumer(queue, name):
    """Consume items from queue"""
    while True:
        item = await queue.get()

        if item is None:  # End signal
            break

        log(f"Processing {name}: {item}")
        await asyncio.sleep(0.2)  # Simulate processing


QUEUE_ITEMS = ["task-1", "task-2", "task-3"]
BACKPRESSURE_ITEMS = [f"task-{i}" for i in range(1, 7)]


async def queue_demo(items=QUEUE_ITEMS):
    queue = asyncio.Queue(maxsize=2)  # Bounded queue

    await asyncio.gather(
        producer(queue, items),
        consumer(queue, "Worker-A")
    )


class AsyncDatabase:
    def __init__(self, name):
        self.name = name
        self.connected = False

    async def __aenter__(self):
        log(f"🔌 Connecting to {self.name}")
        await asyncio.sleep(0.1)  # Simulate connection time
        self.connected = True
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        log(f"🔌 Disconnecting from {self.name}")
        await asyncio.sleep(0.05)  # Simulate cleanup time
        self.connected = False

    async def query(self, sql):
        if not self.connected:
            raise RuntimeError("Database not connected")

        await asyncio.sleep(0.2)  # Simulate query time
        return f"Results for: {sql}"


async def database_operations():
    """Use database with proper cleanup"""
    async with AsyncDatabase("UserDB") as db:
        result = await db.query("SELECT * FROM users")
        return result


async def failing_database_operations():
    async with AsyncDatabase("OrdersDB") as db:
        result = await db.query("SELECT * FROM orders")
        log(result)
        raise ValueError("bad row in orders")


def py_bool(value):
    return "true" if value else "false"


async def query_after_close():
    async with AsyncDatabase("UserDB") as db:
        log(f"connected: {py_bool(db.connected)}")
    log(f"connected: {py_bool(db.connected)}")
    return await db.query("SELECT * FROM users")


async def cancelled_database_operations():
    task = asyncio.create_task(database_operations())
    await asyncio.sleep(0.15)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        log("database task cancelled")


FAILING_TASKS = {1, 3}  # the seed draws random.random() < 0.3; the Java twin fails the same ones


async def unreliable_task(task_id):
    """Task that might fail"""
    await asyncio.sleep(0.5)

    if task_id in FAILING_TASKS:
        raise Exception(f"Task {task_id} failed!")

    return f"Task {task_id} succeeded"


async def robust_task_runner():
    """Run multiple tasks with proper error handling"""
    tasks = [unreliable_task(i) for i in range(5)]

    # Use return_exceptions to handle failures gracefully
    results = await asyncio.gather(*tasks, return_exceptions=True)

    successes = []
    failures = []

    for i, result in enumerate(results):
        if isinstance(result, Exception):
            failures.append(f"Task {i}: {result}")
        else:
            successes.append(result)

    for line in successes + failures:
        log(line)
    log(f"Successes: {len(successes)}")
    log(f"Failures: {len(failures)}")


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


def run_reporting_failure(coro):
    try:
        result = loop.run_until_complete(coro)
        log(f"returned: {result}")
    except Exception as e:
        log(f"raised: {e}")


def scenario_failure_is_rethrown():
    try:
        loop.run_until_complete(unreliable_task(1))
        log("returned")
    except Exception as e:
        log(f"raised: {e}")


SCENARIOS = {
    "simple_coroutine": lambda: log(loop.run_until_complete(simple_coroutine())),
    "coroutine_states": scenario_coroutine_states,
    "fetch_user": lambda: log(describe(loop.run_until_complete(fetch_user(1)))),
    "process_user": lambda: log(describe(loop.run_until_complete(process_user(2)))),
    "main": lambda: loop.run_until_complete(main()),
    "three_naps": lambda: loop.run_until_complete(three_naps()),
    "inline_await": lambda: log(describe(loop.run_until_complete(process_user_beside_ready_task(7)))),
    "robust_task_runner": lambda: loop.run_until_complete(robust_task_runner()),
    "failure_is_rethrown": scenario_failure_is_rethrown,
    "queue_demo": lambda: loop.run_until_complete(queue_demo()),
    "queue_backpressure": lambda: loop.run_until_complete(queue_demo(BACKPRESSURE_ITEMS)),
    "database_operations": lambda: log(f"Query result: {loop.run_until_complete(database_operations())}"),
    "failing_database_operations": lambda: run_reporting_failure(failing_database_operations()),
    "query_after_close": lambda: run_reporting_failure(query_after_close()),
    "cancelled_database_operations": lambda: loop.run_until_complete(cancelled_database_operations()),
}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in SCENARIOS:
        sys.exit(f"usage: fundamentals.py {{{','.join(SCENARIOS)}}}")
    try:
        SCENARIOS[sys.argv[1]]()
    finally:
        loop.close()
