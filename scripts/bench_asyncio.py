#!/usr/bin/env python3
"""The jcoro benchmark workloads on Python asyncio (and uvloop): the same shapes and counts as
benchmarks/src/main/java/io/jcoro/bench (fewer iterations where Python is slow; results are per
operation, so the counts do not change what is compared). Run by scripts/bench.sh.

    python3 scripts/bench_asyncio.py --loop asyncio|uvloop [--smoke]

Prints one JSON object: {"loop": ..., "python": ..., "results": {row: ns_per_op | {...}}}.
"""
import argparse
import asyncio
import gc
import json
import platform
import random
import statistics
import sys
import time
import tracemalloc


def per_op(fn, ops, repeat):
    """Median wall time of fn() over `repeat` runs (after one warm-up), in ns per operation."""
    fn()
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter_ns()
        fn()
        times.append((time.perf_counter_ns() - t0) / ops)
    return statistics.median(times)


def run(coro):
    return asyncio.run(coro)


# ------------------------------------------------------------------ workloads

async def yielder(rounds):
    for _ in range(rounds):
        await asyncio.sleep(0)


async def yield_resume(tasks, rounds):
    await asyncio.gather(*[asyncio.create_task(yielder(rounds)) for _ in range(tasks)])


async def one():
    return 1


async def spawn_complete(n):
    tasks = [asyncio.create_task(one()) for _ in range(n)]
    s = 0
    for t in tasks:
        s += await t
    return s


async def await_done(n):
    f = asyncio.get_running_loop().create_future()
    f.set_result(7)
    s = 0
    for _ in range(n):
        s += await f
    return s


async def immediate(i):
    if i < 0:
        await asyncio.sleep(0)
    return i & 127


async def await_immediate(n):
    s = 0
    for i in range(n):
        s += await immediate(i)
    return s


async def chain(depth):
    if depth == 0:
        await asyncio.sleep(0)
        return 0
    return await chain(depth - 1) + 1


async def chains(depth, times):
    s = 0
    for _ in range(times):
        s += await chain(depth)
    return s


class Mailbox:
    def __init__(self, loop):
        self.slot = loop.create_future()


async def player(mine, other, hops, serve, loop):
    if serve:
        other.slot.set_result(0)
    for _ in range(hops):
        ball = await mine.slot
        mine.slot = loop.create_future()
        other.slot.set_result(ball)


async def ping_pong(hops):
    loop = asyncio.get_running_loop()
    a, b = Mailbox(loop), Mailbox(loop)
    await asyncio.gather(player(a, b, hops, True, loop), player(b, a, hops, False, loop))


async def child(i):
    return i & 127


async def fan_out(n):
    return len(await asyncio.gather(*[child(i) for i in range(n)]))


async def sleeper():
    await asyncio.sleep(3600)


async def cancel_tree(n):
    kids = [asyncio.create_task(sleeper()) for _ in range(n)]
    await asyncio.sleep(0)
    for k in kids:
        k.cancel()
    await asyncio.sleep(0)
    cancelled = sum(1 for k in kids if k.cancelled())
    assert cancelled == n, cancelled
    return cancelled


async def queue_hand_off(items):
    q = asyncio.Queue(1)

    async def producer():
        for _ in range(items):
            await q.put(7)

    p = asyncio.create_task(producer())
    s = 0
    for _ in range(items):
        s += await q.get()
    await p
    return s


async def timer_schedule_cancel(pending, ops):
    loop = asyncio.get_running_loop()
    rnd = random.Random(11)
    noop = lambda: None
    held = [loop.call_later(3600 + rnd.random() * 10, noop) for _ in range(pending)]
    deltas = [3600 + rnd.random() * 10 for _ in range(4096)]
    t0 = time.perf_counter_ns()
    for i in range(ops):
        loop.call_later(deltas[i & 4095], noop).cancel()
    elapsed = time.perf_counter_ns() - t0
    for h in held:
        h.cancel()
    return elapsed / ops


async def sleep_storm(n):
    rnd = random.Random(42)
    left = [n]
    done = asyncio.get_running_loop().create_future()

    async def sleep_then_count(ms):
        await asyncio.sleep(ms / 1000)
        left[0] -= 1
        if left[0] == 0:
            done.set_result(None)

    for _ in range(n):
        asyncio.create_task(sleep_then_count(rnd.randint(1, 1000)))
    await done


async def lateness(n, max_ms):
    loop = asyncio.get_running_loop()
    rnd = random.Random(5)
    late = []
    done = loop.create_future()

    def fire(when):
        late.append(loop.time() - when)
        if len(late) == n and not done.done():
            done.set_result(None)

    for _ in range(n):
        when = loop.time() + rnd.randint(1, max_ms) / 1000
        loop.call_at(when, fire, when)
    await done
    late.sort()
    return {"timers": n, "early": sum(1 for x in late if x < 0), "minUs": late[0] * 1e6,
            "p50Us": late[n // 2] * 1e6, "p99Us": late[int(n * 0.99)] * 1e6, "maxUs": late[-1] * 1e6}


# ------------------------------------------------------------------ memory

async def parked(n, measure):
    gate = asyncio.get_running_loop().create_future()
    reached = [0]

    async def park():
        reached[0] += 1
        await gate

    tasks = [asyncio.create_task(park()) for _ in range(n)]
    await asyncio.sleep(0)
    assert reached[0] == n
    size = measure()
    gate.set_result(None)
    await asyncio.gather(*tasks)
    return size


async def asleep(n, measure):
    reached = [0]

    async def nap():
        reached[0] += 1
        await asyncio.sleep(3600)

    tasks = [asyncio.create_task(nap()) for _ in range(n)]
    await asyncio.sleep(0)
    assert reached[0] == n
    size = measure()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return size


def memory(scenario, small, large):
    """Bytes per coroutine: tracemalloc's live Python heap, slope between `small` and `large`."""
    def delta(n):
        gc.collect()
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]

        def measure():
            gc.collect()
            return tracemalloc.get_traced_memory()[0] - base

        size = run(scenario(n, measure))
        tracemalloc.stop()
        return size

    d_small, d_large = delta(small), delta(large)
    return (d_large - d_small) / (large - small)


# ------------------------------------------------------------------ main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--loop", choices=["asyncio", "uvloop"], default="asyncio")
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args()
    if args.loop == "uvloop":
        import uvloop
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
        version = uvloop.__version__
    else:
        version = platform.python_version()
    k = 10 if args.smoke else 1
    rep = 1 if args.smoke else 5
    r = {}
    r["YieldResume"] = per_op(lambda: run(yield_resume(1000 // k, 100)), 1000 // k * 100, rep)
    r["SpawnComplete"] = per_op(lambda: run(spawn_complete(10_000 // k)), 10_000 // k, rep)
    r["FastPathDone"] = per_op(lambda: run(await_done(200_000 // k)), 200_000 // k, rep)
    r["FastPathCoroutine"] = per_op(lambda: run(await_immediate(200_000 // k)), 200_000 // k, rep)
    r["AwaitChain"] = per_op(lambda: run(chains(100, 200 // k)), 100 * (200 // k), rep)
    r["PingPong"] = per_op(lambda: run(ping_pong(20_000 // k)), 2 * (20_000 // k), rep)
    r["QueueHandOff"] = per_op(lambda: run(queue_hand_off(20_000 // k)), 20_000 // k, rep)
    r["GatherFanOut"] = per_op(lambda: run(fan_out(10_000 // k)), 10_000 // k, rep)
    r["CancelTree"] = per_op(lambda: run(cancel_tree(10_000 // k)), 10_000 // k, rep)
    for pending in ([1000] if args.smoke else [1000, 100_000, 1_000_000]):
        r["ScheduleCancel:%d" % pending] = statistics.median(
            run(timer_schedule_cancel(pending, 100_000 // k)) for _ in range(3 if not args.smoke else 1))
    storm = 1_000_000 // (100 if args.smoke else 1)
    r["SleepStorm"] = per_op(lambda: run(sleep_storm(storm)), storm, 1)
    r["Lateness"] = run(lateness(10_000 // k, 2000 // k))
    small, large = (1000, 10_000) if args.smoke else (100_000, 1_000_000)
    r["MemorySuspended"] = memory(parked, small, large)
    r["MemorySleeping"] = memory(asleep, small, large)
    print(json.dumps({"loop": args.loop, "version": version, "python": platform.python_version(),
                      "results": r}))


if __name__ == "__main__":
    sys.setrecursionlimit(10_000)
    main()
