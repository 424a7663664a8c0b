#!/usr/bin/env python3
"""The "I/O (first slice)" section of docs/benchmarks.md, from the I/O results of scripts/bench.sh.

    python3 scripts/bench_io_report.py RESULTS_DIR     prints the section (markdown)

RESULTS_DIR holds io-echo.jsonl (EchoBench: one line per server and case), io-memory.jsonl
(IdleMemory: one line per server), io.setup (how the cores were shared, the load average),
io.commit and io.jdk. bench_report.py includes the section through section(); nothing is
printed for a results directory without io-echo.jsonl.
"""
import json
import os
import sys


def _lines(res, name):
    path = os.path.join(res, name)
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip().startswith("{")]


def _text(res, name, default="?"):
    path = os.path.join(res, name)
    return open(path).read().strip() if os.path.exists(path) else default


def _size(b):
    return "%d B" % b if b < 1024 else "%d KiB" % (b // 1024)


def section(res):
    """The section's markdown, or "" without echo results."""
    echo = _lines(res, "io-echo.jsonl")
    if not echo:
        return ""
    memory = _lines(res, "io-memory.jsonl")
    md = ["## I/O (first slice)\n",
          "An echo server on one jcoro event loop (`io.jcoro.bench.io.EchoHandler`: `read`, `write`, "
          "`drain`) against the plain peer, a blocking `ServerSocket` with one virtual thread per "
          "connection reading into an 8 KiB array (`VirtualThreadEchoServer`; one carrier, "
          "`-Djdk.virtualThreadScheduler.parallelism=1`), both in the same JVM run "
          "(`io.jcoro.bench.io.EchoBench`), on 127.0.0.1. The load generator is the same for "
          "both: `EchoLoad`, one thread with one NIO selector in a JVM of its own, each connection "
          "closed-loop (send a message, wait for the whole echo and check its bytes, send the next). "
          "Only round trips sent after the warm-up and back before the end count; p50/p99 are exact "
          "(every round trip kept). The full suite (Netty, Vert.x, uvloop, 1,000 connections, "
          "HTTP, TLS) belongs to issue 13.\n",
          "- Measured at commit `%s` on %s." % tuple(_text(res, "io.commit", "? ?").split(" ", 1)),
          "- %s." % _text(res, "io.jdk"),
          "- Cores: %s." % _text(res, "io.setup").replace("\n", "; "),
          "- Reproduce: `scripts/bench.sh --io` (this section only), or the commands below.\n"]
    md.append("### echo: messages per second, server CPU per message, round-trip latency\n")
    md.append("*CPU µs/msg*: the server JVM's CPU time (all its threads) over the measured seconds, per "
              "round trip; unlike messages per second it does not depend on how much of a core the "
              "server got, so it is the figure to compare on a shared machine.\n")
    md.append("| connections | message | jcoro msg/s | virtual threads msg/s | jcoro ÷ vthreads | "
              "jcoro CPU µs/msg | vthreads CPU µs/msg | jcoro p50 / p99 µs | vthreads p50 / p99 µs |")
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    rows = {}
    for r in echo:
        rows.setdefault((r["connections"], r["size"]), {})[r["server"]] = r

    def cell(r, key, pattern="{:,.0f}"):
        return pattern.format(r[key]) if r and key in r else "–"

    def lat(r):
        return "%.0f / %.0f" % (r["p50Micros"], r["p99Micros"]) if r else "–"
    for (conns, size), by in sorted(rows.items()):
        j, v = by.get("jcoro"), by.get("vthreads")
        ratio = "%.2f×" % (j["messagesPerSecond"] / v["messagesPerSecond"]) if j and v and v["messagesPerSecond"] else "–"
        md.append("| %d | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            conns, _size(size), cell(j, "messagesPerSecond"), cell(v, "messagesPerSecond"), ratio,
            cell(j, "serverCpuMicrosPerMessage", "{:.1f}"), cell(v, "serverCpuMicrosPerMessage", "{:.1f}"),
            lat(j), lat(v)))
    seconds = echo[0]["seconds"]
    md.append("\n%.0f s measured per case after the warm-up. Command (from the root, after "
              "`mvn -B -q -DskipTests -pl benchmarks -am package`):\n" % seconds)
    md.append("```\ntaskset -c 0 java -Xms512m -Xmx512m -Djdk.virtualThreadScheduler.parallelism=1 "
              "-Djdk.virtualThreadScheduler.maxPoolSize=1 \\\n    -cp benchmarks/target/jcoro-benchmarks.jar "
              "io.jcoro.bench.io.EchoBench --warmup 2 --measure 5 --load-cpus 1\n```\n")
    if memory:
        n = memory[0]["connections"]
        md.append("### memory per idle connection, at {:,} connections\n".format(n))
        md.append("Each server in a JVM of its own (fixed 512 MiB heap, pre-touched, serial GC); the "
                  "connections come from a child JVM, each echoes one 64-byte message and then waits "
                  "in the server's next read. *Heap*: used heap after full GCs, with the connections "
                  "open less before; *RSS*: growth of the server process's `VmRSS` "
                  "(`/proc/self/status`), which with the heap pre-touched is what grows outside the "
                  "Java heap. The kernel's socket buffers are in neither.\n")
        md.append("| server | heap B/connection | RSS B/connection |\n|---|---:|---:|")
        for m in memory:
            md.append("| %s | {:,} | {:,} |".format(m["heapBytesPerConnection"], m["rssBytesPerConnection"])
                      % ("jcoro" if m["server"] == "jcoro" else "virtual threads"))
        md.append("\nCommand (per server, `jcoro` or `vthreads`):\n")
        md.append("```\ntaskset -c 0 java -Xms512m -Xmx512m -XX:+UseSerialGC -XX:+AlwaysPreTouch "
                  "-Djdk.virtualThreadScheduler.parallelism=1 \\\n    -Djdk.virtualThreadScheduler.maxPoolSize=1 "
                  "-cp benchmarks/target/jcoro-benchmarks.jar io.jcoro.bench.io.IdleMemory jcoro {} 1\n```\n"
                  .format(n))
    return "\n".join(md) + "\n"


if __name__ == "__main__":
    sys.stdout.write(section(sys.argv[1]))
