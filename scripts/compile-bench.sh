#!/usr/bin/env bash
# Compile-time benchmark: javac on a file of N @Async methods, with the jcoro processor and with
# annotation processing off.
#
# Cold (the target): R runs of each as a fresh `javac` process, plain and processor runs
# interleaved so that load from elsewhere on the machine hits both alike. Prints the medians of
# CPU time (user: the javac thread plus the JIT compiler and GC threads) and of wall time.
# A third series runs scripts/CompileFloorProcessor.java instead of jcoro's processor: the least
# any processor that generates source from javac's attributed trees must cost (attribution in
# round 1, the user's statements compiled once more in round 2), to set jcoro's figure against.
# Warm (with --warm): the same compilations repeated in one JVM, as a build tool's daemon runs
# javac; the JIT has then compiled javac and the processor already (see CompileBenchWarm.java).
#
# Usage: scripts/compile-bench.sh [--warm] [N=500] [R=3]   (run `mvn -B -DskipTests package` first)
set -euo pipefail
cd "$(dirname "$0")/.."
warm=false
if [[ "${1:-}" == --warm ]]; then
    warm=true
    shift
fi
n="${1:-500}"
runs="${2:-3}"
version=0.1.0-SNAPSHOT
processor="processor/target/jcoro-processor-$version.jar"
classpath="runtime/target/jcoro-runtime-$version.jar:annotations/target/jcoro-annotations-$version.jar"
for jar in "$processor" ${classpath//:/ }; do
    [[ -f "$jar" ]] || { echo "missing $jar: run 'mvn -B -DskipTests package' first" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/gen_compile_bench.py "$n" "$work/src"
source="$work/src/bench/Service.java"
lines=$(wc -l < "$source")
header="javac $(javac -version 2>&1 | cut -d' ' -f2), $n @Async methods ($lines lines), median of $runs runs"

if $warm; then
    echo "$header, warm (one JVM, 3 warm-up rounds first):"
    java -cp "$processor" scripts/CompileBenchWarm.java "$classpath" "$work/warm" "$source" 3 "$runs"
    exit
fi

floor_proc="$work/floor-processor"
mkdir -p "$floor_proc"
javac -d "$floor_proc" scripts/CompileFloorProcessor.java

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
once() { # $@: javac arguments; prints "user-CPU-seconds wall-seconds"
    rm -rf "$work/out" "$work/gen" && mkdir -p "$work/out" "$work/gen"
    local TIMEFORMAT="%U %R"
    { time javac "$@" -d "$work/out" -s "$work/gen" "$source" >/dev/null 2>&1; } 2>&1
}
for ((i = 0; i < runs; i++)); do
    once -proc:none -cp "$classpath" >> "$work/plain"
    once -processorpath "$processor" -cp "$classpath" >> "$work/jcoro"
    once -processorpath "$floor_proc" -processor CompileFloorProcessor -cp "$classpath" >> "$work/floor"
done
plain_cpu=$(cut -d' ' -f1 "$work/plain" | median)
plain_wall=$(cut -d' ' -f2 "$work/plain" | median)
jcoro_cpu=$(cut -d' ' -f1 "$work/jcoro" | median)
jcoro_wall=$(cut -d' ' -f2 "$work/jcoro" | median)
floor_cpu=$(cut -d' ' -f1 "$work/floor" | median)
floor_wall=$(cut -d' ' -f2 "$work/floor" | median)
echo "$header, cold (one javac process each):"
echo "  plain javac (-proc:none):   $plain_cpu s CPU (user), $plain_wall s wall"
echo "  javac + jcoro processor:    $jcoro_cpu s CPU (user), $jcoro_wall s wall"
echo "  javac + floor processor:    $floor_cpu s CPU (user), $floor_wall s wall"
ratio() { awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" 'BEGIN { printf "%.2f CPU, %.2f wall\n", a / b, c / d }'; }
echo "  ratio jcoro / plain:        $(ratio "$jcoro_cpu" "$plain_cpu" "$jcoro_wall" "$plain_wall")"
echo "  ratio floor / plain:        $(ratio "$floor_cpu" "$plain_cpu" "$floor_wall" "$plain_wall")"
echo "  ratio jcoro / floor:        $(ratio "$jcoro_cpu" "$floor_cpu" "$jcoro_wall" "$floor_wall")"
