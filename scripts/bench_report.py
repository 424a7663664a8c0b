#!/usr/bin/env python3
"""Turns the raw results of scripts/bench.sh into docs/benchmarks.md and docs/benchmarks.svg.

    python3 scripts/bench_report.py RESULTS_DIR OUT.md OUT.svg

RESULTS_DIR holds jmh-17.json, jmh-25.json (JMH -rf json, with -prof gc), memory.jsonl,
lateness.jsonl, python-asyncio.json, python-uvloop.json, and the I/O results that
bench_io_report.py reads. The analysis of the misses is kept by
hand in benchmarks/ANALYSIS.md and copied in at the end.
"""
import datetime
import json
import math
import os
import platform
import re
import subprocess
import sys

import bench_io_report

RES, OUT_MD, OUT_SVG = sys.argv[1], sys.argv[2], sys.argv[3]
HERE = os.path.dirname(os.path.abspath(__file__))
ANALYSIS = os.path.join(HERE, "..", "benchmarks", "ANALYSIS.md")


def load_json(name):
    path = os.path.join(RES, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def load_jsonl(name):
    path = os.path.join(RES, name)
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip().startswith("{")]


def pretouch_note():
    """Says so when every fork of the run touched its heap before the first iteration."""
    forks = (load_json("jmh-17.json") or []) + (load_json("jmh-25.json") or [])
    if forks and all("-XX:+AlwaysPreTouch" in b.get("jvmArgs", []) for b in forks):
        return (", touched before the first iteration (`-XX:+AlwaysPreTouch`, so that no row pays"
                " the first-touch page faults of a fresh heap)")
    return ""


# ------------------------------------------------------------------ JMH results: (row, impl, jdk)

jmh = {}  # (row, impl, jdk) -> (ns, err, bytes_per_op)
for jdk in ("17", "25"):
    data = load_json("jmh-%s.json" % jdk) or []
    for b in data:
        parts = b["benchmark"].split(".")
        cls, impl = parts[-2], parts[-1]
        params = b.get("params") or {}
        row = cls
        if cls == "ScheduleCancel":
            row = "ScheduleCancel:%s" % params["pending"]
        elif cls == "Expire":
            row = "Expire:%s" % params["spread"]
        elif cls == "ExpireNearAgrona":
            row = "Expire:near"
        pm = b["primaryMetric"]
        alloc = (b.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm")
        jmh[(row, impl, jdk)] = (pm["score"], pm.get("scoreError"), alloc["score"] if alloc else None)

py = {}
for loop in ("asyncio", "uvloop"):
    d = load_json("python-%s.json" % loop)
    if d:
        py[loop] = d
memory = {(m["scenario"], m["jdk"]): m for m in load_jsonl("memory.jsonl")}
lateness = load_jsonl("lateness.jsonl")


def measured_at(name):
    """'<commit> <date>' from a marker bench.sh writes next to the results, or None."""
    path = os.path.join(RES, name)
    return open(path).read().strip() if os.path.exists(path) else None


def provenance():
    """Which commit the rows were measured at, when bench.sh recorded it."""
    run, mem = measured_at("run.commit"), measured_at("memory.commit")
    lines = []
    if run:
        commit, date = run.split(" ", 1)
        lines.append("- Measured at commit `%s` (%s)." % (commit, date))
    if mem:
        commit, date = mem.split(" ", 1)
        lines.append("- **The memory rows were measured again** at commit `%s` (%s), by "
                     "`scripts/bench.sh --memory`; the other rows are from the full run%s." % (
                         commit, date, " above" if run else ""))
    return "\n".join(lines) + "\n" if lines else ""


# A step ran on a quiet machine if the rest of it (other processes, the kernel's threads) used at
# most this share of one core meanwhile, and the hypervisor took at most this share of its cores.
QUIET_OTHER = 0.03
QUIET_STEAL = 0.01
QUIET_STEPS = [("jmh-17", "the JMH pass on JDK 17"), ("jmh-25", "the JMH pass on JDK 25"),
               ("lateness-17", "timer lateness on JDK 17"), ("lateness-25", "timer lateness on JDK 25")]


def quiet_note():
    """What else the machine did during each timed step, from bench.sh's quiet.jsonl."""
    steps = {q["step"]: q for q in load_jsonl("quiet.jsonl")}
    parts, disturbed = [], []
    for step, title in QUIET_STEPS:
        q = steps.get(step)
        if not q or q["seconds"] <= 0:
            continue
        other = max(0, q["busy"] - q["own"]) / q["hz"]
        steal = q["steal"] / q["hz"]
        other_share = other / q["seconds"]
        steal_share = steal / (q["seconds"] * q["cpus"])
        took = "%d s" % q["seconds"] if q["seconds"] < 120 else "%.0f min" % (q["seconds"] / 60)
        parts.append("%s (%s): %.1f CPU-s elsewhere (%.1f %% of a core), %.1f s stolen (%.1f %%)" % (
            title, took, other, 100 * other_share, steal, 100 * steal_share))
        if other_share > QUIET_OTHER or steal_share > QUIET_STEAL:
            disturbed.append(title)
    if not parts:
        return ""
    verdict = ("**not quiet: %s** (above %.0f %% of a core elsewhere, or %.0f %% stolen); read its rows "
               "with care" % (", ".join(disturbed), 100 * QUIET_OTHER, 100 * QUIET_STEAL)
               if disturbed else "quiet by both measures")
    return ("- **Was the machine quiet?** CPU used meanwhile by everything but the step's own processes "
            "(other processes, the kernel's threads), and taken by the hypervisor (steal), from "
            "`/proc/stat`: %s. Verdict: %s. Neither measure sees a neighbour's load on a shared "
            "host's caches and memory, which shows in the floor's rows instead.\n" % ("; ".join(parts), verdict))


def version(jdk):
    path = os.path.join(RES, "jdk%s.version" % jdk)
    return open(path).read().strip() if os.path.exists(path) else "JDK " + jdk


def get(row, impl, jdk):
    return jmh.get((row, impl, jdk))


def fmt_ns(v):
    if v is None:
        return "–"
    if v >= 100_000:
        return "{:,.0f}".format(v)
    if v >= 100:
        return "{:,.0f}".format(v)
    if v >= 10:
        return "%.1f" % v
    return "%.2f" % v


def fmt_err(m):
    """The score with JMH's 99.9% half-interval (3 samples: wide)."""
    if not isinstance(m[1], (int, float)) or m[1] != m[1]:
        return fmt_ns(m[0])
    return "%s ±%s" % (fmt_ns(m[0]), fmt_ns(m[1]))


def fmt_b(v):
    if v is None:
        return "–"
    if v < 0.5:
        return "0"
    return "{:,.0f}".format(v) if v >= 10 else "%.1f" % v


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def fmt_x(r):
    if r is None:
        return "–"
    return ("%.0f×" % r) if r >= 100 else ("%.1f×" % r) if r >= 10 else ("%.2f×" % r)


IMPL_NAMES = {
    "jcoro": "**jcoro**", "floor": "floor (hand-written)", "kotlin": "Kotlin coroutines",
    "virtualThreads": "virtual threads", "completableFuture": "CompletableFuture",
    "jcoroLoop": "jcoro `callLater`+`cancel`", "agrona": "Agrona DeadlineTimerWheel",
    "netty": "Netty HashedWheelTimer", "kafka": "Kafka SystemTimer",
    "stpe": "ScheduledThreadPoolExecutor", "heap": "PriorityQueue heap (asyncio-style)",
}
IMPL_ORDER = ["jcoro", "jcoroLoop", "floor", "kotlin", "virtualThreads", "completableFuture",
              "agrona", "netty", "kafka", "stpe", "heap"]


def impls_of(row):
    found = {impl for (r, impl, _) in jmh if r == row}
    return [i for i in IMPL_ORDER if i in found]


def row_table(row, unit, py_key=None, note=None):
    """One table: every implementation on both JDKs, with ratios to jcoro and to the floor."""
    lines = ["| implementation | JDK 17 %s | B/op | JDK 25 %s | B/op | ÷ jcoro (25) | ÷ floor (25) |" % (unit, unit),
             "|---|---:|---:|---:|---:|---:|---:|"]
    j25 = (get(row, "jcoro", "25") or get(row, "jcoro", "17") or (None,))[0]
    f25 = (get(row, "floor", "25") or (None,))[0]
    for impl in impls_of(row):
        a = get(row, impl, "17")
        b = get(row, impl, "25")
        ref = b or a
        lines.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            IMPL_NAMES.get(impl, impl),
            fmt_err(a) if a else "–", fmt_b(a[2]) if a else "–",
            fmt_err(b) if b else "n/a" if impl == "virtualThreads" else "–",
            fmt_b(b[2]) if b else "–",
            fmt_x(ratio(ref[0], j25)) if ref else "–",
            fmt_x(ratio(ref[0], f25)) if ref and f25 else "–"))
    if py_key:
        for loop, d in py.items():
            v = d["results"].get(py_key)
            if isinstance(v, (int, float)):
                lines.append("| Python %s (%s) | %s | | | | %s | %s |" % (
                    loop, d["version"], fmt_ns(v), fmt_x(ratio(v, j25)), fmt_x(ratio(v, f25))))
    out = "\n".join(lines)
    if note:
        out += "\n\n" + note
    return out


# ------------------------------------------------------------------ targets

def status(ok):
    return "met" if ok else "**missed**"


def tval(row, impl="jcoro", jdk="25"):
    v = get(row, impl, jdk)
    return v[0] if v else None


def talloc(row, impl="jcoro", jdk="25"):
    v = get(row, impl, jdk)
    return v[2] if v else None


targets = []  # (row, what, target, measured17, measured25, verdict)


def add_target(name, target, checks):
    """checks: list of (label, value17, value25, ok25 or None)."""
    m17 = "; ".join("%s %s" % (lbl, v17) for lbl, v17, _, _ in checks)
    m25 = "; ".join("%s %s" % (lbl, v25) for lbl, _, v25, _ in checks)
    oks = [ok for _, _, _, ok in checks if ok is not None]
    verdict = "–" if not oks else status(all(oks))
    targets.append((name, target, m17, m25, verdict))


def ns_check(row, limit, impl="jcoro", label="ns"):
    """The time on both JDKs; a verdict only if {@code limit} is set."""
    a, b = tval(row, impl, "17"), tval(row, impl, "25")
    ok = None if b is None or limit is None else b <= limit
    return (label, fmt_ns(a), fmt_ns(b), ok)


def b_check(row, limit, impl="jcoro"):
    a, b = talloc(row, impl, "17"), talloc(row, impl, "25")
    ok = None if b is None else b <= limit
    return ("B/op", fmt_b(a), fmt_b(b), ok)


def speedup_check(row, peer, limit, label):
    r17 = ratio(tval(row, peer, "17"), tval(row, "jcoro", "17"))
    r25 = ratio(tval(row, peer, "25"), tval(row, "jcoro", "25"))
    ok = None if r25 is None else r25 >= limit
    return (label, fmt_x(r17), fmt_x(r25), ok)


def cf_check(row, limit=1.0):
    """jcoro over CompletableFuture; a verdict only if {@code limit} is set."""
    r17 = ratio(tval(row, "jcoro", "17"), tval(row, "completableFuture", "17"))
    r25 = ratio(tval(row, "jcoro", "25"), tval(row, "completableFuture", "25"))
    return ("jcoro÷CF", fmt_x(r17), fmt_x(r25), None if r25 is None or limit is None else r25 <= limit)


def floor_check(row, limit):
    r17 = ratio(tval(row, "jcoro", "17"), tval(row, "floor", "17"))
    r25 = ratio(tval(row, "jcoro", "25"), tval(row, "floor", "25"))
    return ("jcoro÷floor", fmt_x(r17), fmt_x(r25), None if r25 is None else r25 <= limit)


def linear_check(shallow, deep):
    """O(N): a level of the deep chain costs no more than one of the shallow chain."""
    r17 = ratio(tval(deep, jdk="17"), tval(shallow, jdk="17"))
    r25 = ratio(tval(deep), tval(shallow))
    return ("deep÷shallow per level", fmt_x(r17), fmt_x(r25), None if r25 is None else r25 <= 1.0)


# The second round's targets (issue 14); the memory and timer-schedule rows keep the first's.
add_target("yield/resume", "≤ 2× floor, 0 B; ≥ 4× Kotlin",
           [ns_check("YieldResume", None), floor_check("YieldResume", 2), b_check("YieldResume", 0.5),
            speedup_check("YieldResume", "kotlin", 4, "Kotlin÷jcoro")])
add_target("spawn+complete", "≤ 40 ns, ≤ 96 B", [ns_check("SpawnComplete", 40), b_check("SpawnComplete", 96)])
add_target("fast-path await (done promise)", "≤ 1.5 ns, 0 B",
           [ns_check("FastPathDone", 1.5), b_check("FastPathDone", 0.5), cf_check("FastPathDone", None)])
add_target("fast-path await (non-suspending coroutine)", "≤ 1.5 ns, 0 B",
           [ns_check("FastPathCoroutine", 1.5), b_check("FastPathCoroutine", 0.5),
            cf_check("FastPathCoroutine", None)])
add_target("await chain", "≤ 10 ns per level, ≤ ½ Kotlin's",
           [ns_check("AwaitChain", 10), speedup_check("AwaitChain", "kotlin", 2, "Kotlin÷jcoro")])
add_target("ping-pong", "≤ 25 ns per hop", [ns_check("PingPong", 25)])
if any(r == "QueueHandOff" for (r, _, _) in jmh):
    add_target("queue hand-off", "≤ 50 ns per item, ≥ 3× Kotlin `Channel(1)`",
               [ns_check("QueueHandOff", 50), speedup_check("QueueHandOff", "kotlin", 3, "Kotlin÷jcoro")])
else:
    targets.append(("queue hand-off", "≤ 50 ns per item", "pending: `io.jcoro.AsyncQueue` does not exist yet",
                    "pending", "pending"))
add_target("gather fan-out", "≤ 60 ns per child", [ns_check("GatherFanOut", 60)])
add_target("cancel tree", "≤ 80 ns per child; ≥ 5× Kotlin on the whole cycle",
           [ns_check("CancelOnly", 80, label="cancel only"),
            ns_check("CancelTree", None, label="whole cycle"),
            speedup_check("CancelTree", "kotlin", 5, "Kotlin÷jcoro (cycle)")])
add_target("exception through N awaits", "O(N), ≤ 100 ns per level",
           [ns_check("FailureChain", 100, label="1,000 levels"), ns_check("DeepFailureChain", 100, label="100,000 levels"),
            linear_check("FailureChain", "DeepFailureChain")])

def mem(scenario, jdk):
    m = memory.get((scenario, jdk))
    return m["bytesPerCoroutine"] if m else None


def mem_check(scenario, limit):
    a, b = mem(scenario, "17"), mem(scenario, "25")
    return ("B", fmt_b(a), fmt_b(b), None if b is None else b <= limit)


def mem_ratio(scenario, peer, limit, label):
    r17 = ratio(mem(peer, "17"), mem(scenario, "17"))
    r25 = ratio(mem(peer, "25"), mem(scenario, "25"))
    return (label, fmt_x(r17), fmt_x(r25), None if r25 is None else r25 >= limit)


add_target("memory, suspended", "≤ 128 B; ≥ 2× less than Kotlin, ≥ 4× less than VT",
           [mem_check("jcoro-suspended", 128), mem_ratio("jcoro-suspended", "kotlin-suspended", 2, "Kotlin÷jcoro"),
            mem_ratio("jcoro-suspended", "vt-suspended", 4, "VT÷jcoro")])
add_target("memory, sleeping", "≤ 160 B", [mem_check("jcoro-sleeping", 160)])


def flat_check():
    lo, hi = tval("ScheduleCancel:1000"), tval("ScheduleCancel:1000000")
    lo17, hi17 = tval("ScheduleCancel:1000", jdk="17"), tval("ScheduleCancel:1000000", jdk="17")
    r25, r17 = ratio(hi, lo), ratio(hi17, lo17)
    return ("1M÷1k", fmt_x(r17), fmt_x(r25), None if r25 is None else r25 <= 1.5)


def agrona_check():
    r17 = ratio(tval("ScheduleCancel:1000000", jdk="17"), tval("ScheduleCancel:1000000", "agrona", "17"))
    r25 = ratio(tval("ScheduleCancel:1000000"), tval("ScheduleCancel:1000000", "agrona"))
    return ("jcoro÷Agrona at 1M", fmt_x(r17), fmt_x(r25), None if r25 is None else r25 <= 1.0)


add_target("timer schedule+cancel", "≤ 20 ns at 1k, ≤ Agrona at 1M, 0 B, flat",
           [ns_check("ScheduleCancel:1000", 20, label="1k"), agrona_check(),
            b_check("ScheduleCancel:1000", 0.5), flat_check()])
add_target("timer expire", "≤ 40 ns per timer (all levels)",
           [ns_check("Expire:allLevels", 40, label="all levels"), ns_check("Expire:near", 40, label="near")])
add_target("sleep storm", "≤ 1.3× the bare wheel's floor", [ns_check("SleepStorm", None), floor_check("SleepStorm", 1.3)])


def late(jdk, timer="jcoro"):
    for l in lateness:
        if l.get("jdk") == jdk and l["timer"] == timer:
            return l
    return None


def late_check():
    a, b = late("17"), late("25")
    f = lambda l: "early %d, p99 %.0f µs" % (l["early"], l["p99Us"]) if l else "–"
    ok = None if b is None else (b["early"] == 0 and b["p99Us"] <= 1100 and (a is None or a["early"] == 0))
    return ("", f(a), f(b), ok)


add_target("timer lateness", "never early; p99 ≤ 1 tick (1 ms) + OS wake-up", [late_check()])


# ------------------------------------------------------------------ chart

CHART_ROWS = [("yield/resume", "YieldResume"), ("spawn+complete", "SpawnComplete"),
              ("await chain", "AwaitChain"), ("ping-pong", "PingPong"),
              ("gather fan-out", "GatherFanOut"), ("cancel tree", "CancelTree")]
PEERS = [("kotlin", "Kotlin coroutines", "#7f52ff"), ("virtualThreads", "virtual threads", "#e76f00"),
         ("completableFuture", "CompletableFuture", "#5382a1"), ("asyncio", "Python asyncio", "#ffd43b"),
         ("uvloop", "uvloop", "#2f9e44")]


def chart_ratio(row, peer):
    j = tval(row)
    if peer in ("asyncio", "uvloop"):
        d = py.get(peer)
        v = d["results"].get(row) if d else None
        return ratio(v, j)
    return ratio(tval(row, peer), j)


def svg():
    rows = CHART_ROWS + [("memory, suspended", "mem")]
    bar, gap, left, width = 11, 14, 150, 470
    height = 60 + len(rows) * (len(PEERS) * bar + gap) + 40
    lo, hi = 0.1, 10000.0
    x = lambda r: left + width * (math.log10(max(lo, min(hi, r))) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">'
           % (left + width + 190, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="18" font-size="13" font-weight="bold">How many times slower than jcoro (JDK 25; memory: times more bytes)</text>' % 10]
    for tick in (0.1, 1, 10, 100, 1000, 10000):
        tx = x(tick)
        out.append('<line x1="%.1f" y1="30" x2="%.1f" y2="%d" stroke="%s"/>' % (tx, tx, height - 30, "#333" if tick == 1 else "#ddd"))
        out.append('<text x="%.1f" y="%d" text-anchor="middle">%s×</text>' % (tx, height - 16, ("%g" % tick)))
    y = 40
    for label, row in rows:
        out.append('<text x="%d" y="%d" text-anchor="end">%s</text>' % (left - 6, y + len(PEERS) * bar / 2 + 4, label))
        for peer, _, color in PEERS:
            if row == "mem":
                scen = {"kotlin": "kotlin-suspended", "virtualThreads": "vt-suspended"}.get(peer)
                r = ratio(mem(scen, "25"), mem("jcoro-suspended", "25")) if scen else None
                if peer in ("asyncio", "uvloop") and py.get(peer):
                    r = ratio(py[peer]["results"].get("MemorySuspended"), mem("jcoro-suspended", "25"))
            else:
                r = chart_ratio(row, peer)
            if r is not None:
                x0, x1 = x(1), x(r)
                out.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>' % (min(x0, x1), y, abs(x1 - x0), bar - 2, color))
                out.append('<text x="%.1f" y="%d">%s</text>' % (max(x0, x1) + 3, y + bar - 3, fmt_x(r)))
            y += bar
        y += gap
    ly = 40
    for _, name, color in PEERS:
        out.append('<rect x="%d" y="%d" width="10" height="10" fill="%s"/>' % (left + width + 60, ly, color))
        out.append('<text x="%d" y="%d">%s</text>' % (left + width + 75, ly + 9, name))
        ly += 16
    out.append("</svg>")
    return "\n".join(out)


# ------------------------------------------------------------------ document

def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return "%s, %d cores, %.0f GiB, %s" % (cpu, os.cpu_count(), mem_gib, platform.platform())


md = []
md.append("""# Benchmarks

jcoro against what a user would pick instead, in the same JVM run, on this repository's kind of
machine (the same kind as CI's), with a hand-written *floor*: the same work as bare state machines
on a ring buffer, the physical limit of a single-threaded coroutine runtime.

Generated by `scripts/bench.sh` on %s from the raw results in
`benchmarks/target/results/` (do not edit the tables by hand; the analysis at the end is kept in
`benchmarks/ANALYSIS.md`).

%s%s- Machine: %s.
- JVMs: %s; %s.
- JMH 1.37, **1 fork, 3 × 1 s warm-up, 3 × 1 s measurement** per benchmark (short, so that the full
  run takes about 40 minutes), `-prof gc` for
  bytes per operation (`gc.alloc.rate.norm`), fixed 4 GiB heap per fork%s. Virtual threads run on
  one carrier (`-Djdk.virtualThreadScheduler.parallelism=1`) and only on JDK 25.
- **Noise.** Times are JMH's mean of the 3 measured iterations, ± its 99.9 %% half-interval,
  which with 3 samples is wide; on this 2-core virtual machine, iterations of the allocation-heavy
  rows differ by up to 2× from one to the next (GC, JIT, a shared host). Read the ratios to a
  factor of about 1.5, not to the digit; allocation (B/op) is exact and stable.
- Every number is per operation of its row: per yield, per task, per await, per level, per hop,
  per child, per timer. *÷ jcoro* is the implementation's time over jcoro's (above 1: jcoro is
  faster); *÷ floor* over the floor's.
- Python: CPython %s with asyncio, and uvloop %s (Debian's `python3-uvloop`), the same workloads
  (`scripts/bench_asyncio.py`), median of 5 runs, wall time per operation.

Reproduce: `scripts/bench.sh` (full run, writes this file and `docs/benchmarks.svg`);
`scripts/bench.sh --smoke` (proves every benchmark runs; no report); `scripts/bench.sh --memory`
(only the memory footprints, over a full run's results). A single benchmark:
`java -jar benchmarks/target/jcoro-benchmarks.jar 'Coroutines.PingPong' -prof gc`.

![How many times slower than jcoro](benchmarks.svg)
""" % (datetime.date.today().isoformat(), provenance(), quiet_note(), machine(), version("17"), version("25"),
       pretouch_note(), py.get("asyncio", {}).get("python", "?"), py.get("uvloop", {}).get("version", "?")))

md.append("## Targets (second round; memory, timer schedule and lateness from the first)\n")
md.append("| row | target | JDK 17 | JDK 25 | verdict (JDK 25) |\n|---|---|---|---|---|")
for name, target, m17, m25, verdict in targets:
    md.append("| %s | %s | %s | %s | %s |" % (name, target, m17, m25, verdict))
md.append("\n*0 B* means below 0.5 B per operation: the per-invocation setup (a driver task, the "
          "arrays that hold the tasks) spread over up to a million operations.\n")

SECTIONS = [
    ("yield/resume", "YieldResume", "ns/yield", "YieldResume",
     "1,000 tasks each `await(yieldNow())` 1,000 times (`Workloads.yieldResume`); Kotlin `yield()` in "
     "`runBlocking`; virtual threads `Thread.yield()`; CompletableFuture: a `runAsync` stage per yield."),
    ("spawn+complete", "SpawnComplete", "ns/task", "SpawnComplete",
     "10,000 `createTask(one())`, then each awaited (`Workloads.spawnComplete`); Kotlin `async`/`await`; "
     "virtual threads start + join; CompletableFuture `supplyAsync` on the loop executor."),
    ("fast-path await: a done promise", "FastPathDone", "ns/await", "FastPathDone",
     "1,000,000 `sum += await(donePromise)` in one coroutine; Kotlin `CompletableDeferred.await()`; "
     "CompletableFuture `join()` of a done future; floor: a field read."),
    ("fast-path await: a coroutine that does not suspend", "FastPathCoroutine", "ns/await", "FastPathCoroutine",
     "1,000,000 `sum += await(immediate(i))`, `immediate` having an await it does not take; Kotlin the "
     "same `suspend fun`; CompletableFuture `completedFuture(i).join()`; floor: a state machine object "
     "called directly."),
    ("await chain", "AwaitChain", "ns/level", "AwaitChain",
     "`chain(100)`: 100 nested coroutine calls whose innermost yields once, so the chain suspends and "
     "resumes as a whole; 1,000 chains; per level. Floor: plain recursion and one ring trip."),
    ("a failure through 1,000 awaits", "FailureChain", "ns/level", None,
     "`failing(1000)`: 1,000 nested coroutine calls whose innermost yields once and throws; the top "
     "catches it and reads its stack trace (1,000 user frames spliced in); 100 times; per level "
     "crossed. Kotlin the same `suspend fun` (no trace recovery outside debug mode); floor: plain "
     "recursion that throws, the JVM filling the trace."),
    ("a failure through 100,000 awaits", "DeepFailureChain", "ns/level", None,
     "The same chain 100,000 deep, once, per level: a cost per level no higher than the row above's "
     "shows the cost growing linearly with the depth (what a failure costs once, such as its Java "
     "stack trace, is spread over 100 times more levels here)."),
    ("ping-pong", "PingPong", "ns/hop", "PingPong",
     "Two tasks pass a ball through one-shot promises, re-armed by their owner (`Workloads.player`); "
     "200,000 hand-offs. Kotlin `CompletableDeferred`, virtual threads `CompletableFuture.join()`, "
     "CompletableFuture `thenAcceptAsync` on the loop executor."),
    ("gather fan-out", "GatherFanOut", "ns/child", "GatherFanOut",
     "`await(gather(children))` of 10,000 child coroutines (each becomes a task, as in asyncio); "
     "Kotlin `awaitAll` of 10,000 `async`; virtual threads start + join; CompletableFuture `allOf`."),
    ("cancel tree (whole cycle)", "CancelTree", "ns/child", "CancelTree",
     "Spawn 10,000 children sleeping an hour, let them all fall asleep, cancel each, wait until all "
     "ended. Kotlin `launch { delay(1.hours) }` + `cancel()`; virtual threads `sleep` + `interrupt`."),
    ("cancel tree (cancel phase only)", "CancelOnly", "ns/child", None,
     "The same, with the spawning done before each invocation (`@Setup(Level.Invocation)`), untimed."),
]
md.append("## Coroutine workloads\n")
for title, row, unit, pykey, desc in SECTIONS:
    md.append("### %s\n\n%s\n" % (title, desc))
    md.append(row_table(row, unit, pykey))
    md.append("")

md.append("### queue hand-off\n")
if any(r == "QueueHandOff" for (r, _, _) in jmh):
    md.append("`AsyncQueue(1)`, producer and consumer tasks, 100,000 items.\n")
    md.append(row_table("QueueHandOff", "ns/item", "QueueHandOff"))
else:
    md.append("**Pending**: `io.jcoro.AsyncQueue` does not exist yet. Its benchmark is written "
              "(`benchmarks/src/main/java/io/jcoro/bench/queue/`, against SPEC.md's `put`/`get`) and is "
              "compiled and run by `scripts/bench.sh` as soon as "
              "`runtime/src/main/java/io/jcoro/AsyncQueue.java` exists. For reference, Python's "
              "`asyncio.Queue(1)`: %s ns/item, uvloop %s ns/item." % (
                  fmt_ns(py.get("asyncio", {}).get("results", {}).get("QueueHandOff")),
                  fmt_ns(py.get("uvloop", {}).get("results", {}).get("QueueHandOff"))))
md.append("")

md.append("## Memory per suspended coroutine\n")
md.append("A fixed 8 GiB heap, Serial GC (so `System.gc()` is a full, compacting collection), a full "
          "GC before and one while all N coroutines are confirmed suspended (each counted on its way "
          "to the await; jcoro's tasks also checked live through `Coro.allTasks()`; virtual threads "
          "checked WAITING), bytes = slope of the heap in use between N = 100,000 and N = 1,000,000 "
          "(`io.jcoro.bench.memory.MemoryFootprint`). Python: `tracemalloc`, same slope.\n")
md.append("| scenario | JDK 17 B | JDK 25 B | ÷ jcoro (25) |\n|---|---:|---:|---:|")
for kind, title in (("suspended", "awaiting one shared promise"), ("sleeping", "in `sleep(1 hour)`")):
    base = mem("jcoro-" + kind, "25")
    for who, name in (("jcoro", "**jcoro**"), ("floor", "floor"), ("kotlin", "Kotlin coroutines"),
                      ("vt", "virtual threads")):
        s = "%s-%s" % (who, kind)
        if (s, "17") in memory or (s, "25") in memory:
            md.append("| %s, %s | %s | %s | %s |" % (name, title, fmt_b(mem(s, "17")),
                                                       fmt_b(mem(s, "25")) if mem(s, "25") is not None else "n/a",
                                                       fmt_x(ratio(mem(s, "25"), base))))
    for loop, d in py.items():
        v = d["results"].get("Memory" + kind.capitalize())
        md.append("| Python %s, %s | %s | | %s |" % (loop, title, fmt_b(v), fmt_x(ratio(v, base))))
md.append("\nThe floor of a suspended coroutine is a 24-byte object (header, state, link in the "
          "waiter list); of a sleeper, a timer-wheel node (a `TimerNode`: header, 20 bytes of wheel "
          "links, its own fields).\n")
md.append("**JOL, per class** (instances and bytes per coroutine at N = 10,000, less N = 0; JDK 25):\n")
for s in ("jcoro-suspended", "jcoro-sleeping", "kotlin-suspended", "vt-suspended"):
    m = memory.get((s, "25"))
    if not m:
        continue
    md.append("- `%s`: " % s + ", ".join("`%s` %s × = %s B" % (j["class"].replace("io.jcoro.bench.coro.", ""), j["count"], j["bytes"])
                                          for j in m["jol"][:8]))
md.append("")

md.append("## Timers\n")
md.append("### schedule + cancel, by pending population\n")
md.append("One timer 1 h ahead (spread over 10 s, so none fires, also for the peers on the real clock) "
          "scheduled and cancelled, with 1,000 / 100,000 / 1,000,000 others pending. jcoro: the loop's "
          "`TimerWheel` with the node reused, as a sleeping task is its own node; *callLater+cancel*: "
          "the public API, which allocates a `TimerHandle`. Netty and Kafka hand part of the work to "
          "their own threads (Netty's worker moves and removes timeouts on the other core). The heap "
          "cancels lazily as asyncio does.\n")
for pending in ("1000", "100000", "1000000"):
    md.append("**%s pending**\n" % "{:,}".format(int(pending)))
    md.append(row_table("ScheduleCancel:" + pending, "ns/op", "ScheduleCancel:" + pending))
    md.append("")
md.append("### expire (schedule + fire, fake clock)\n")
md.append("4,096 timers scheduled, then the clock jumps to each next deadline and polls until all "
          "fired. *near*: deadlines 1–4,096 ms ahead; *all levels*: log-uniform from 1 ms to 2⁴⁰ ms "
          "(35 years), every wheel level up to 4. Agrona only *near* (its poll moves one tick per "
          "call); Netty, Kafka and the executor only run on the real clock (n/a).\n")
for spread in ("near", "allLevels"):
    md.append("**%s**\n" % spread)
    md.append(row_table("Expire:" + spread, "ns/timer"))
    md.append("")
md.append("### sleep storm\n")
md.append("1,000,000 tasks each `await(sleep(1..1000 ms))`, on `EventLoop.virtualTime()`; Kotlin on "
          "`runTest`'s virtual time; floor: the bare wheel with the clock jumping. Python on the "
          "real clock (it has no virtual time), so its number includes up to 1 s of waiting.\n")
md.append(row_table("SleepStorm", "ns/task", "SleepStorm"))
md.append("")
md.append("### lateness (real clock)\n")
md.append("10,000 timers at random delays of 1–2,000 ms; how long after its deadline each callback "
          "ran (`io.jcoro.bench.timers.Lateness`; a warm-up round first).\n")
md.append("| timer | JDK | early | min µs | p50 µs | p99 µs | max µs |\n|---|---|---:|---:|---:|---:|---:|")
for l in lateness:
    md.append("| %s | %s | %d | %.1f | %.1f | %.1f | %.1f |" % (l["timer"], l["jdk"], l["early"], l["minUs"],
                                                              l["p50Us"], l["p99Us"], l["maxUs"]))
for loop, d in py.items():
    l = d["results"].get("Lateness")
    if l:
        md.append("| Python %s | – | %d | %.1f | %.1f | %.1f | %.1f |" % (loop, l["early"], l["minUs"], l["p50Us"],
                                                                       l["p99Us"], l["maxUs"]))
md.append("\n(asyncio fires a timer up to its clock resolution early by design, and uvloop's clock "
          "has a 1 ms resolution: their *early* counts are not jcoro's kind of error.)\n")

md.append(bench_io_report.section(RES))

if os.path.exists(ANALYSIS):
    md.append(open(ANALYSIS).read())

with open(OUT_MD, "w") as f:
    f.write("\n".join(md) + "\n")
with open(OUT_SVG, "w") as f:
    f.write(svg() + "\n")
