#!/usr/bin/env python3
"""Summarises the forks of scripts/bench_series.sh: per benchmark, the median fork and the range.

    python3 scripts/bench_series.py DIR ROUNDS SECONDS CPUS HZ BUSY_TICKS OWN_TICKS STEAL_TICKS

DIR holds round-N.json (JMH -rf json, one fork per benchmark). A fork's score is JMH's mean of its
measured iterations; the median of the forks is what a disturbance of one fork does not move.
"""
import json
import os
import statistics
import sys

DIR = sys.argv[1]
ROUNDS, SECONDS, CPUS, HZ = (int(a) for a in sys.argv[2:6])
BUSY, OWN, STEAL = (int(a) for a in sys.argv[6:9])


def name_of(b):
    """'Class.impl' with the parameters, e.g. 'Timers.Expire.jcoro spread=allLevels'."""
    parts = b["benchmark"].split(".")
    params = " ".join("%s=%s" % kv for kv in sorted((b.get("params") or {}).items()))
    return ".".join(parts[-2:]) + (" " + params if params else "")


forks = {}  # name -> [score per round], in JMH's order of first appearance
unit = {}
for r in range(1, ROUNDS + 1):
    path = os.path.join(DIR, "round-%d.json" % r)
    if not os.path.exists(path):
        continue
    with open(path) as f:
        for b in json.load(f):
            name = name_of(b)
            forks.setdefault(name, []).append(b["primaryMetric"]["score"])
            unit[name] = b["primaryMetric"]["scoreUnit"]


def floor_of(name):
    """The floor row of the same class and parameters, if the series measured it."""
    cls, rest = name.split(" ", 1) if " " in name else (name, "")
    floor = cls.rsplit(".", 1)[0] + ".floor" + (" " + rest if rest else "")
    return floor if floor != name and floor in forks else None


version_file = os.path.join(DIR, "jdk.version")
jdk = open(version_file).read().strip() if os.path.exists(version_file) else "?"
print("%d rounds, %s, %.0f min; CPU used elsewhere meanwhile %.1f s (%.1f %% of a core), taken by the "
      "hypervisor %.1f s (%.1f %% of %d cores)\n" % (
          ROUNDS, jdk, SECONDS / 60, max(0, BUSY - OWN) / HZ, 100 * max(0, BUSY - OWN) / HZ / max(1, SECONDS),
          STEAL / HZ, 100 * STEAL / HZ / max(1, SECONDS * CPUS), CPUS))
print("| benchmark | median | min | max | forks | median ÷ floor's median |")
print("|---|---:|---:|---:|---:|---:|")
for name, scores in forks.items():
    med = statistics.median(scores)
    floor = floor_of(name)
    vs_floor = "%.2f×" % (med / statistics.median(forks[floor])) if floor else ""
    print("| %s | %.3f %s | %.3f | %.3f | %d | %s |" % (name, med, unit[name], min(scores), max(scores),
                                                      len(scores), vs_floor))
