#!/usr/bin/env bash
# Profiles one benchmark with JFR and prints where its time goes: the top frames by self time and
# the top jcoro methods by total time (from jdk.ExecutionSample), so that a miss in
# docs/benchmarks.md is explained by a measurement, not a guess.
#
#   scripts/bench_profile.sh 'Coroutines.PingPong.jcoro' [jmh options, e.g. -p pending=1000]
#
# Needs benchmarks/target/jcoro-benchmarks.jar (scripts/bench.sh builds it); uses the JDK 25.
# JFR_CONFIG=<name or .jfc file> replaces JFR's "profile" settings: those record every Error made
# (jdk.JavaErrorThrow, with its stack), CancelledError included, which makes a profile of
# cancellation mostly JFR's own work; profile those with that event disabled in a copy of
# profile.jfc.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA25="$(ls -d /usr/lib/jvm/*25*/bin/java | head -n 1)"
JFR_BIN="$(dirname "$JAVA25")/jfr"
pattern="$1"; shift
out="benchmarks/target/profiles/$(echo "$pattern" | tr -c 'A-Za-z0-9.\n' '_')"
rm -rf "$out"; mkdir -p "$out"
"$JAVA25" -jar benchmarks/target/jcoro-benchmarks.jar "$pattern" -f 1 -wi 3 -w 1s -i 3 -r 1s \
    -jvmArgsAppend "-Djdk.virtualThreadScheduler.parallelism=1" \
    -prof "jfr:dir=$out;configName=${JFR_CONFIG:-profile}" "$@" > "$out/jmh.log" 2>&1
grep -E "^(Benchmark|[A-Za-z.]+ .*ns/op)" "$out/jmh.log" | tail -n 3
jfr_file="$(find "$out" -name '*.jfr' | head -n 1)"
"$JFR_BIN" print --events jdk.ExecutionSample --stack-depth 64 "$jfr_file" > "$out/samples.txt"
python3 - "$out/samples.txt" <<'PY'
import collections, re, sys
samples, stack = [], None
for line in open(sys.argv[1]):
    line = line.strip()
    if line.startswith("stackTrace = ["):
        stack = []
    elif stack is not None and line.startswith("]"):
        samples.append(stack); stack = None
    elif stack is not None and line and not line.startswith("..."):
        stack.append(re.sub(r"\s+line:.*", "", line))
total = len(samples) or 1
self_t = collections.Counter(s[0] for s in samples if s)
incl = collections.Counter()
for s in samples:
    for m in set(s):
        incl[m] += 1
print("%d samples" % len(samples))
print("-- self time")
for m, n in self_t.most_common(15):
    print("%5.1f%%  %s" % (100.0 * n / total, m))
print("-- total time, jcoro and JDK methods")
for m, n in incl.most_common(40):
    if ("io.jcoro" in m and "jmh_generated" not in m) or m.startswith("java."):
        print("%5.1f%%  %s" % (100.0 * n / total, m))
PY
