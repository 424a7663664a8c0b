#!/usr/bin/env bash
# Profiles one benchmark and prints where its time goes: the top frames by self time, the top
# source lines by self time, and the top jcoro methods by total time, so that a miss in
# docs/benchmarks.md is explained by a measurement, not a guess.
#
#   scripts/bench_profile.sh 'Coroutines.PingPong.jcoro' [jmh options, e.g. -p pending=1000]
#   PROFILER=async scripts/bench_profile.sh 'Coroutines.PingPong.jcoro'
#
# Needs benchmarks/target/jcoro-benchmarks.jar (scripts/bench.sh builds it); uses the JDK 25.
# Both profilers run the fork with -XX:+DebugNonSafepoints, so that a sample in inlined code is
# charged to the line it is in rather than to the nearest safepoint.
#
# PROFILER=jfr (the default): JFR's jdk.ExecutionSample; the "by line" table comes from it.
#   JFR_CONFIG=<name or .jfc file> replaces JFR's "profile" settings: those record every Error
#   made (jdk.JavaErrorThrow, with its stack), CancelledError included, which makes a profile of
#   cancellation mostly JFR's own work; profile those with that event disabled in a copy of
#   profile.jfc.
# PROFILER=async: async-profiler (tools.profiler:async-profiler from Maven Central, fetched into
#   benchmarks/target/profilers the first time), which also sees the JIT compiler's and the GC's
#   threads and native frames. ASYNC_EVENT=cpu (the default: perf_events' CPU clock) or itimer
#   where perf_events is not permitted; a sample per millisecond of CPU. Its collapsed stacks have
#   no line numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA25="$(ls -d /usr/lib/jvm/*25*/bin/java | head -n 1)"
JFR_BIN="$(dirname "$JAVA25")/jfr"
ASYNC_PROFILER_VERSION=4.1
profiler="${PROFILER:-jfr}"
pattern="$1"; shift
out="benchmarks/target/profiles/$(echo "$pattern" | tr -c 'A-Za-z0-9.\n' '_')"
rm -rf "$out"; mkdir -p "$out"

case "$profiler" in
    jfr) prof="jfr:dir=$out;configName=${JFR_CONFIG:-profile}" ;;
    async)
        case "$(uname -m)" in
            x86_64) platform=linux-x64 ;;
            aarch64) platform=linux-arm64 ;;
            *) echo "async-profiler has no build for $(uname -m) in its jar" >&2; exit 1 ;;
        esac
        dir="benchmarks/target/profilers"
        lib="$dir/$platform/libasyncProfiler.so"
        if [[ ! -f "$lib" ]]; then
            mkdir -p "$dir"
            mvn -B -q -ntp -N dependency:copy -DoutputDirectory="$dir" \
                -Dartifact="tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION:jar" \
                > "$dir/fetch.log" 2>&1 || { cat "$dir/fetch.log" >&2; exit 1; }
            (cd "$dir" && unzip -oq "async-profiler-$ASYNC_PROFILER_VERSION.jar" "$platform/*")
        fi
        prof="async:libPath=$PWD/$lib;output=collapsed;event=${ASYNC_EVENT:-cpu};interval=1000000;dir=$out"
        ;;
    *) echo "PROFILER must be jfr or async, not $profiler" >&2; exit 1 ;;
esac

"$JAVA25" -jar benchmarks/target/jcoro-benchmarks.jar "$pattern" -f 1 -wi 3 -w 1s -i 3 -r 1s \
    -jvmArgsAppend "-Djdk.virtualThreadScheduler.parallelism=1 -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints" \
    -prof "$prof" "$@" > "$out/jmh.log" 2>&1
grep -E "^(Benchmark|[A-Za-z]+\.[A-Za-z.]+ .*ns/op)" "$out/jmh.log" | tail -n 3

if [[ "$profiler" == jfr ]]; then
    jfr_file="$(find "$out" -name '*.jfr' | head -n 1)"
    "$JFR_BIN" print --events jdk.ExecutionSample --stack-depth 64 "$jfr_file" > "$out/samples.txt"
    samples="$out/samples.txt"
else
    samples="$(find "$out" -name 'collapsed-*.csv' | head -n 1)"
fi
python3 - "$profiler" "$samples" <<'PY'
import collections, re, sys

def jfr_samples(path):
    """(frames innermost first, each 'method' and 'method:line', weight) from `jfr print`."""
    stack = None
    for line in open(path):
        line = line.strip()
        if line.startswith("stackTrace = ["):
            stack = []
        elif stack is not None and line.startswith("]"):
            yield stack, 1
            stack = None
        elif stack is not None and line and not line.startswith("..."):
            m = re.match(r"(\S+)\(.*\)\s+line: (\d+)", line)
            method = m.group(1) if m else re.sub(r"\s+line:.*", "", line)
            stack.append((method, "%s:%s" % (method, m.group(2)) if m else method))

def async_samples(path):
    """The same from async-profiler's collapsed stacks (outermost first, then a count)."""
    for line in open(path):
        frames, _, count = line.rstrip("\n").rpartition(" ")
        methods = [f.replace("/", ".").removesuffix("_[j]").removesuffix("_[i]")
                   for f in frames.split(";")][::-1]
        yield [(m, m) for m in methods], int(count)

kind, path = sys.argv[1], sys.argv[2]
samples = list((jfr_samples if kind == "jfr" else async_samples)(path))
total = sum(w for _, w in samples) or 1
bench = [(s, w) for s, w in samples if any("jmh_generated" in m for m, _ in s)]
on_bench = sum(w for _, w in bench) or 1
if kind == "async":
    print("%d samples, %.1f%% on the benchmark's thread (the rest: JIT, GC, JMH)"
          % (total, 100.0 * on_bench / total))
else:
    print("%d samples" % total)
self_t, by_line, incl = collections.Counter(), collections.Counter(), collections.Counter()
for s, w in bench:
    if s:
        self_t[s[0][0]] += w
        by_line[s[0][1]] += w
    for m in {m for m, _ in s}:
        incl[m] += w
print("-- self time (of the benchmark thread's samples)")
for m, n in self_t.most_common(15):
    print("%5.1f%%  %s" % (100.0 * n / on_bench, m))
if kind == "jfr":
    print("-- self time by source line")
    for m, n in by_line.most_common(15):
        print("%5.1f%%  %s" % (100.0 * n / on_bench, m))
print("-- total time, jcoro and JDK methods")
for m, n in incl.most_common(40):
    if ("io.jcoro" in m and "jmh_generated" not in m) or m.startswith("java."):
        print("%5.1f%%  %s" % (100.0 * n / on_bench, m))
PY
