#!/usr/bin/env bash
# Measures a few benchmark rows robustly on a noisy machine: ROUNDS rounds, each one JMH run of
# every selected benchmark in one fork, so that the forks of all rows interleave over the whole
# series and a disturbance of a few minutes hits one fork of each row instead of every fork of
# one. Prints, per benchmark, the median of its forks (each fork's score is the mean of its
# measured iterations), their range, and the median's ratio to its class's floor row.
#
#   scripts/bench_series.sh [-n ROUNDS] REGEX [jmh options, e.g. -p spread=allLevels]
#   scripts/bench_series.sh -n 5 'Coroutines\.(PingPong|FastPathDone)\.(jcoro|floor)$'
#
# Needs benchmarks/target/jcoro-benchmarks.jar (scripts/bench.sh builds it); uses the JDK 25 (or
# JAVA=<java binary>). Each fork: 3 × 1 s warm-up, 5 × 1 s measured (ITERATIONS="-wi 3 -w 1s -i 5
# -r 1s" replaces these), its heap touched first.
# The forks' JSON results go to benchmarks/target/series/; the summary is printed and written
# there as summary.md. CPU used elsewhere on the machine and taken by the hypervisor meanwhile
# (/proc/stat) is printed with it: neither sees a neighbour's load on a shared host's caches.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=5
if [[ "${1:-}" == -n ]]; then
    rounds="$2"
    shift 2
fi
[[ $# -ge 1 ]] || { sed -n '2,/^set /{/^#/p}' "$0" >&2; exit 2; }   # the comment above
pattern="$1"
shift
JAVA="${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java | head -n 1)}"
JAR=benchmarks/target/jcoro-benchmarks.jar
[[ -f "$JAR" ]] || { echo "error: no $JAR; build it with scripts/bench.sh --smoke or the README's command" >&2; exit 1; }
out=benchmarks/target/series
rm -rf "$out"
mkdir -p "$out"

. scripts/cpu_ticks.sh
before=($(cpu_ticks $$))
start=$SECONDS
for ((r = 1; r <= rounds; r++)); do
    echo "round $r of $rounds: $(date -u +%T)" >&2
    "$JAVA" -jar "$JAR" "$pattern" -f 1 ${ITERATIONS:--wi 3 -w 1s -i 5 -r 1s} -jvmArgsPrepend -XX:+AlwaysPreTouch \
        "$@" -rf json -rff "$out/round-$r.json" > "$out/round-$r.log" 2>&1 \
        || { echo "error: JMH failed in round $r; see $out/round-$r.log" >&2; exit 1; }
done
after=($(cpu_ticks $$))
"$JAVA" -version 2>&1 | head -n 1 > "$out/jdk.version"
python3 scripts/bench_series.py "$out" "$rounds" $((SECONDS - start)) "$(nproc)" "$(getconf CLK_TCK)" \
    $((after[0] - before[0])) $((after[2] - before[2])) $((after[1] - before[1])) | tee "$out/summary.md"
