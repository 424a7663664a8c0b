#!/usr/bin/env python3
"""The asyncio and uvloop twin of io.jcoro.bench.io.process.SubprocessBench: "spawn" starts `true`
and awaits its exit, one after the other; "cat" writes a line to one `cat` child, drains and reads
it back, one after the other. A fifth of each count runs untimed first. One JSON line per case.

    /usr/bin/python3 scripts/bench_subprocess.py --loop asyncio|uvloop [--spawns N] [--lines N]
"""
import argparse
import asyncio
import json
import time

LINE = b"the quick brown fox jumps over the lazy dog\n"


async def spawn(n):
    for _ in range(n):
        p = await asyncio.create_subprocess_exec("true")
        if await p.wait() != 0:
            raise RuntimeError("true failed")


async def cat(n):
    p = await asyncio.create_subprocess_exec("cat", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    for _ in range(n):
        p.stdin.write(LINE)
        await p.stdin.drain()
        if await p.stdout.readuntil(b"\n") != LINE:
            raise RuntimeError("cat sent back something else")
    p.stdin.close()
    await p.wait()


async def main(loop_name, spawns, lines):
    for name, case, n in (("spawn", spawn, spawns), ("cat", cat, lines)):
        await case(n // 5)
        start = time.perf_counter_ns()
        await case(n)
        print(json.dumps({"impl": loop_name, "case": name, "n": n,
                          "microsPerOp": round((time.perf_counter_ns() - start) / 1e3 / n, 2)}), flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--loop", choices=["asyncio", "uvloop"], default="asyncio")
    parser.add_argument("--spawns", type=int, default=500)
    parser.add_argument("--lines", type=int, default=20000)
    a = parser.parse_args()
    if a.loop == "uvloop":
        import uvloop
        uvloop.install()
    asyncio.run(main(a.loop, a.spawns, a.lines))
