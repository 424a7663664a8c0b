#!/usr/bin/env bash
# Compile-time benchmark: javac on a file of N @Async methods, with the jcoro processor and with
# annotation processing off. Prints the median CPU time (user) of R runs of each, and the ratio.
# Usage: scripts/compile-bench.sh [N=500] [R=3]   (run `mvn -B -DskipTests install` first)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-500}"
runs="${2:-3}"
version=0.1.0-SNAPSHOT
processor="processor/target/jcoro-processor-$version.jar"
classpath="runtime/target/jcoro-runtime-$version.jar:annotations/target/jcoro-annotations-$version.jar"
for jar in "$processor" ${classpath//:/ }; do
    [[ -f "$jar" ]] || { echo "missing $jar: run 'mvn -B -DskipTests install' first" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/gen_compile_bench.py "$n" "$work/src"
source="$work/src/bench/Service.java"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # $@: javac arguments; prints user CPU seconds of each run
    for ((i = 0; i < runs; i++)); do
        rm -rf "$work/out" "$work/gen" && mkdir -p "$work/out" "$work/gen"
        local TIMEFORMAT=%U
        { time javac "$@" -d "$work/out" -s "$work/gen" "$source" >/dev/null 2>&1; } 2>&1
    done
}
plain=$(measure -proc:none -cp "$classpath" | median)
jcoro=$(measure -processorpath "$processor" -cp "$classpath" | median)
lines=$(wc -l < "$source")
echo "javac $(javac -version 2>&1 | cut -d' ' -f2), $n @Async methods ($lines lines), median of $runs runs, CPU seconds (user):"
echo "  plain javac (-proc:none):   $plain s"
echo "  javac + jcoro processor:    $jcoro s"
awk -v a="$jcoro" -v b="$plain" 'BEGIN { printf "  ratio:                      %.2f\n", a / b }'
