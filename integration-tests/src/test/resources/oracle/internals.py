"""Seed 004, "Coroutines and Async", as the oracle for io.jcoro.it.seeds.CoroutineInternals.

Usage: python3 internals.py SCENARIO. Prints the scenario's trace stamped with virtual time; the
Java twin of each scenario is the SeedScenario constant of the same name. The seed's snippets are
completed into runnable programs the same way in both languages (the callers, cleanup(), the
values); Python's ValueError is IllegalArgumentException in Java, TypeError ClassCastException.
"""

import asyncio
import sys
import time
from contextvars import ContextVar

from virtual_loop import Timeline, VirtualTimeLoop

loop = VirtualTimeLoop()
timeline = Timeline(loop)


def log(text):
    timeline.line(str(text))


def py_bool(value):
    return "true" if value else "false"


# ---------------------------------------------------------------- 36.7 / 36.26 asyncio.run

async def main():
    await asyncio.sleep(1)
    return 42


# ---------------------------------------------------------------- 36.8 tasks

async def work():
    await asyncio.sleep(1)
    return 42


async def main_with_task():
    task = asyncio.create_task(work())
    result = await task
    return result


# ---------------------------------------------------------------- 36.11 awaiting a coroutine

async def inner():
    log("inner runs")
    return 10


async def outer():
    log("outer starts")
    x = await inner()
    log(f"outer resumes with x = {x}")
    return x + 1


# ---------------------------------------------------------------- 36.12 awaiting a future

async def await_future():
    future = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.5, future.set_result, 42)
    value = await future
    return value


async def await_failed_future():
    future = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.5, future.set_exception, ValueError("bad"))
    try:
        await future
    except ValueError as e:
        log(f"await raised ValueError: {e}")


# ---------------------------------------------------------------- 36.13 awaiting a task

async def failing_work():
    await asyncio.sleep(0.5)
    raise ValueError("bad")


async def await_tasks():
    ok = asyncio.create_task(work())
    failing = asyncio.create_task(failing_work())
    cancelled = asyncio.create_task(work())
    log(f"ok: {await ok}")
    try:
        await failing
    except ValueError as e:
        log(f"failing: ValueError {e}")
    cancelled.cancel()  # already done: does nothing
    try:
        log(f"cancelled: {await cancelled}")
    except asyncio.CancelledError:
        log("cancelled: CancelledError")
    sleeper = asyncio.create_task(work())
    await asyncio.sleep(0.1)
    sleeper.cancel()
    try:
        await sleeper
    except asyncio.CancelledError:
        log(f"sleeper: CancelledError, cancelled={py_bool(sleeper.cancelled())}")


# ---------------------------------------------------------------- 36.14 cancellation

def cleanup():
    log("cleanup")


async def cancellable_work():
    try:
        log("work: sleeping 10 s")
        await asyncio.sleep(10)
        log("work: woke up")
    except asyncio.CancelledError:
        cleanup()
        raise


async def cancel_work():
    task = asyncio.create_task(cancellable_work())
    await asyncio.sleep(1)
    log(f"cancel() returned {py_bool(task.cancel())}")
    try:
        await task
    except asyncio.CancelledError:
        log(f"main: work cancelled, task.cancelled() = {py_bool(task.cancelled())}")


async def stubborn_work():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        cleanup()
    return "finished anyway"


async def cancel_stubborn_work():
    task = asyncio.create_task(stubborn_work())
    await asyncio.sleep(1)
    task.cancel()
    result = await task
    log(f"result: {result}, task.cancelled() = {py_bool(task.cancelled())}")


# ---------------------------------------------------------------- 36.15 cleanup with try/finally

async def acquire():
    await asyncio.sleep(0.1)
    log("acquired")
    return "connection"


async def use(resource):
    log(f"using {resource}")
    await asyncio.sleep(1)
    log(f"used {resource}")


async def release(resource):
    log(f"releasing {resource}")
    await asyncio.sleep(0.1)
    log(f"released {resource}")


async def work_with_resource():
    resource = await acquire()
    try:
        await use(resource)
    finally:
        await release(resource)


async def cancel_during_use():
    task = asyncio.create_task(work_with_resource())
    await asyncio.sleep(0.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        log("main: cancelled after the release")


# ---------------------------------------------------------------- 36.16 async with lock

async def locked_work(lock, name):
    log(f"{name}: waiting for the lock")
    async with lock:
        log(f"{name}: has the lock")
        await asyncio.sleep(0.5)
        log(f"{name}: releasing the lock")


async def lock_demo():
    lock = asyncio.Lock()
    await asyncio.gather(locked_work(lock, "A"), locked_work(lock, "B"), locked_work(lock, "C"))


# ---------------------------------------------------------------- 36.24 coroutine exceptions

async def f():
    raise ValueError("bad")


async def main_catching():
    try:
        await f()
    except ValueError as e:
        log(f"caught ValueError: {e}")
        return 0
    return 1


# ---------------------------------------------------------------- 36.27 blocking calls

def blocking_function(arg):
    time.sleep(0.05)
    return f"blocking_function({arg}) done"


async def offload_blocking_call(arg):
    result = await asyncio.to_thread(blocking_function, arg)
    log(f"result: {result}")
    return result


# ---------------------------------------------------------------- 36.28 / 36.29 task groups

async def fetch_one():
    await asyncio.sleep(0.1)
    log("fetched one")
    return "one"


async def fetch_two():
    await asyncio.sleep(0.2)
    log("fetched two")
    return "two"


async def task_group_demo():
    async with asyncio.TaskGroup() as tg:
        one = tg.create_task(fetch_one())
        two = tg.create_task(fetch_two())
    log(f"after the group: {one.result()} {two.result()}")
    return [one.result(), two.result()]


async def a():
    await asyncio.sleep(0.1)
    raise ValueError("a failed")


async def b():
    await asyncio.sleep(0.1)
    raise TypeError("b failed")


async def slow():
    try:
        await asyncio.sleep(1)
        log("slow finished")
    except asyncio.CancelledError:
        log("slow cancelled by the group")
        raise


def java_list(items):
    return "[" + ", ".join(str(i) for i in items) + "]"


async def exception_group_demo():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(a())
            tg.create_task(b())
            tg.create_task(slow())
    except* ValueError as group:
        log(f"ValueError group: {java_list(group.exceptions)}")
    except* TypeError as group:
        log(f"TypeError group: {java_list(group.exceptions)}")


# ---------------------------------------------------------------- 36.35 contextvars

request_id = ContextVar("request_id")


async def handle():
    log(f"request_id = {request_id.get()}")


async def request(rid, delay_millis):
    request_id.set(rid)
    await asyncio.sleep(delay_millis / 1000)
    await handle()


async def context_demo():
    request_id.set("main")
    await asyncio.gather(request("req-1", 200), request("req-2", 100))
    await handle()


# ---------------------------------------------------------------- the harness

def run(coro):
    return loop.run_until_complete(coro)


SCENARIOS = {
    "asyncio_run_returns_42": lambda: log(run(main())),
    "task_returns_42": lambda: log(run(main_with_task())),
    "outer_awaits_inner": lambda: log(run(outer())),
    "await_future": lambda: log(run(await_future())),
    "await_failed_future": lambda: run(await_failed_future()),
    "await_tasks": lambda: run(await_tasks()),
    "cancel_with_cleanup": lambda: run(cancel_work()),
    "cancel_suppressed": lambda: run(cancel_stubborn_work()),
    "finally_cleanup": lambda: run(work_with_resource()),
    "finally_cleanup_on_cancel": lambda: run(cancel_during_use()),
    "async_with_lock": lambda: run(lock_demo()),
    "catch_coroutine_exception": lambda: log(run(main_catching())),
    "to_thread": lambda: run(offload_blocking_call("x")),
    "task_group": lambda: log(java_list(run(task_group_demo()))),
    "exception_group": lambda: run(exception_group_demo()),
    "context_vars": lambda: run(context_demo()),
}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in SCENARIOS:
        sys.exit(f"usage: internals.py {{{','.join(SCENARIOS)}}}")
    try:
        SCENARIOS[sys.argv[1]]()
    finally:
        loop.close()
