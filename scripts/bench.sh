#!/usr/bin/env bash
# Runs the jcoro benchmarks and writes docs/benchmarks.md and docs/benchmarks.svg.
#
#   scripts/bench.sh            the full run (about 50 minutes on 2 cores): JMH on JDK 17 and 25
#                               (1 fork, 3 x 1 s warm-up, 3 x 1 s measurement, -prof gc), the
#                               memory footprints, timer lateness, Python asyncio and uvloop,
#                               the I/O benchmarks (JDK 25: echo and HTTP against the peers,
#                               10,000 idle connections, a group of 2, subprocesses); then the report.
#   scripts/bench.sh --smoke    proves that every benchmark runs (~4 min with the build; JDK 25,
#                               one 100 ms iteration each, small sizes, each echo case 0.2 s +
#                               1 s, each HTTP case 1 s + 1 s, 1,000 idle connections); writes no report.
#   scripts/bench.sh --memory   re-measures only the memory footprints (~10 min), over a full
#                               run's raw results, and writes the report again; the report says
#                               which commit each part was measured at.
#   scripts/bench.sh --io       re-measures only the I/O benchmarks (~10 min: echo 1 s + 3 s per
#                               case, HTTP 2 s + 3 s, memory per idle connection, one loop vs a
#                               group of 2, cross-loop ping-pong, subprocesses), and writes the
#                               report again over a full run's raw results, or prints the I/O
#                               section without one.
#
# Raw results go to benchmarks/target/results/ (the smoke run's to results-smoke/). Needs: mvn, the default JDK (17), a JDK 25 under
# /usr/lib/jvm (the build runs on it), /usr/bin/python3, taskset; installs Debian's python3-uvloop
# and wrk when missing and run as root (without them, their rows are left out).
set -euo pipefail
cd "$(dirname "$0")/.."

SMOKE=0
MEMORY_ONLY=0
IO_ONLY=0
case "${1:-}" in
    --smoke) SMOKE=1 ;;
    --memory) MEMORY_ONLY=1 ;;
    --io) IO_ONLY=1 ;;
    "") ;;
    *) echo "usage: scripts/bench.sh [--smoke | --memory | --io]" >&2; exit 2 ;;
esac

section() { printf '\n==== %s ====\n' "$*"; }
. scripts/cpu_ticks.sh

find_jdk() { # the JDK whose `java -version` says $1, as .ci/run finds it
    local want="$1" dir version
    for dir in /usr/lib/jvm/*/; do
        dir="${dir%/}"
        [[ -x "$dir/bin/java" ]] || continue
        version="$("$dir/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)"
        if [[ "$version" == "$want" || "$version" == "$want".* || "$version" == "$want"-* ]]; then
            echo "$dir/bin/java"
            return 0
        fi
    done
    return 1
}
JAVA17="$(find_jdk 17)" || { echo "error: no JDK 17 under /usr/lib/jvm" >&2; exit 1; }
JAVA25="$(find_jdk 25)" || { echo "error: no JDK 25 under /usr/lib/jvm" >&2; exit 1; }

section "build"
BUILD_FLAGS=(-B -q -DskipTests)
if [[ -f runtime/src/main/java/io/jcoro/AsyncQueue.java ]]; then
    BUILD_FLAGS+=(-Djcoro.bench.queue)   # the queue hand-off row (see benchmarks/pom.xml)
fi
# on JDK 25: the benchmarks' jdk21-peers profile (Helidon SE) needs JDK 21+; the classes stay Java 17's
JAVA_HOME="$(dirname "$(dirname "$JAVA25")")" mvn "${BUILD_FLAGS[@]}" -pl benchmarks -am package
JAR=benchmarks/target/jcoro-benchmarks.jar
OUT=benchmarks/target/results
[[ $SMOKE == 1 ]] && OUT=benchmarks/target/results-smoke   # never overwrites a full run's
# "<commit> <date>": what the raw results were measured at, for the report
measured_at() { echo "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo +changes) $(date -u +%F)"; }
if [[ $MEMORY_ONLY == 1 ]]; then
    [[ -f "$OUT/jmh-25.json" ]] || { echo "error: --memory needs a full run's results in $OUT" >&2; exit 1; }
    rm -f "$OUT/memory.jsonl" "$OUT/memory.stderr.log"
    measured_at > "$OUT/memory.commit"
elif [[ $IO_ONLY == 1 ]]; then
    mkdir -p "$OUT"
    rm -f "$OUT"/io-*
else
    rm -rf "$OUT"
    mkdir -p "$OUT"
    measured_at > "$OUT/run.commit"
fi
trap 'echo "bench.sh: a step failed; its output is under $OUT (memory runs: memory.stderr.log)" >&2' ERR

VT_FLAGS=(-Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1)
MEM_FLAGS=(-XX:+UseSerialGC -Djol.magicFieldOffset=true -Djdk.attach.allowAttachSelf=true)

# The I/O benchmarks (JDK 25), each server in one JVM (or, for asyncio and uvloop, a child of it)
# against a load generator in another process: echo (EchoBench: EchoLoad), HTTP plaintext
# (HttpBench: wrk), TLS (TlsBench: TlsLoad), memory per idle connection (IdleMemory, one JVM per server), group scaling
# (EchoBench: one loop vs a group of 2), subprocess round trips, cross-loop ping-pong (JMH). With
# taskset and 2+ cores the servers run on CPU 0 and the load generators on CPU 1, except the group
# scaling run, which gives both cores to both (a group of 2 needs two). Results in $OUT/io-*.
IO_JVM=(-Xms512m -Xmx512m --enable-native-access=ALL-UNNAMED)

# Installs what the I/O peers need and the machine lacks (Debian's python3-uvloop for
# /usr/bin/python3, wrk), when run as root; without them those rows are left out.
install_io_tools() {
    local want=()
    /usr/bin/python3 -c 'import uvloop' 2>/dev/null || want+=(python3-uvloop)
    command -v wrk > /dev/null || want+=(wrk)
    if (( ${#want[@]} > 0 )) && [[ $(id -u) == 0 ]]; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${want[@]}") \
            > "$OUT/apt-io.log" 2>&1 || echo "warning: could not install ${want[*]} (see $OUT/apt-io.log)" >&2
    fi
}

# run_io smoke|full
run_io() {
    local mode="$1" server_pin=() load_cpus=() kind echo_args group_args http_args tls_args idle sub_args jmh_args loops l
    if [[ $mode == smoke ]]; then
        echo_args=(--warmup 0.2 --measure 1 --connections 1,100 --sizes 64,16384)
        group_args=(--warmup 0.2 --measure 1 --connections 100 --sizes 64)
        http_args=(--warmup 1 --measure 1 --connections 100)
        tls_args=(--warmup 1 --measure 1 --concurrency 2 --connections 1 --sizes 1024)
        idle=1000
        sub_args=(20 200)
        jmh_args=(-wi 0 -i 1 -r 100ms)
    else
        echo_args=(--warmup 1 --measure 3)
        group_args=(--warmup 1 --measure 3 --connections 100,1000 --sizes 64,1024)
        http_args=(--warmup 2 --measure 3)
        tls_args=(--warmup 2 --measure 3)
        idle=10000
        sub_args=(500 20000)
        jmh_args=(-wi 3 -w 1s -i 3 -r 1s)
    fi
    install_io_tools
    if command -v taskset > /dev/null && (( $(nproc) >= 2 )); then
        server_pin=(taskset -c 0)
        load_cpus=(--load-cpus 1)
        echo "servers' JVM on CPU 0, load generator's JVM (or wrk) on CPU 1 (taskset)" > "$OUT/io.setup"
    else
        echo "not pinned: servers and load generator share every core" > "$OUT/io.setup"
    fi
    echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" >> "$OUT/io.setup"
    measured_at > "$OUT/io.commit"
    "$JAVA25" -version 2>&1 | head -n 1 > "$OUT/io.jdk"
    section "I/O: echo, jcoro vs Netty, Vert.x, virtual threads, asyncio, uvloop (JDK 25; $(head -n 1 "$OUT/io.setup"))"
    "${server_pin[@]}" "$JAVA25" "${IO_JVM[@]}" "${VT_FLAGS[@]}" -cp "$JAR" io.jcoro.bench.io.EchoBench \
        "${echo_args[@]}" "${load_cpus[@]}" | tee "$OUT/io-echo.jsonl"
    section "I/O: HTTP/1.1 plaintext, wrk (JDK 25)"
    if command -v wrk > /dev/null; then
        "${server_pin[@]}" "$JAVA25" "${IO_JVM[@]}" "${VT_FLAGS[@]}" -cp "$JAR" io.jcoro.bench.io.http.HttpBench \
            "${http_args[@]}" "${load_cpus[@]}" | tee "$OUT/io-http.jsonl"
    else
        echo "warning: no wrk: the HTTP rows are left out" >&2
    fi
    section "I/O: TLS echo and handshakes, jcoro vs Netty's SslHandler (JDK provider)"
    "${server_pin[@]}" "$JAVA25" "${IO_JVM[@]}" -cp "$JAR" io.jcoro.bench.io.tls.TlsBench \
        "${tls_args[@]}" "${load_cpus[@]}" | tee "$OUT/io-tls.jsonl"
    section "I/O: memory per idle connection at $idle connections (JDK 25)"
    for kind in jcoro vthreads netty-nio; do
        "${server_pin[@]}" "$JAVA25" "${IO_JVM[@]}" -XX:+UseSerialGC -XX:+AlwaysPreTouch "${VT_FLAGS[@]}" \
            -cp "$JAR" io.jcoro.bench.io.IdleMemory "$kind" "$idle" "${load_cpus[@]:1}" 2>/dev/null \
            | tee -a "$OUT/io-memory.jsonl"
    done
    section "I/O: echo on one loop vs a group of 2 (both cores for both sides, not pinned)"
    "$JAVA25" "${IO_JVM[@]}" -cp "$JAR" io.jcoro.bench.io.EchoBench --servers jcoro,jcoro-group2 \
        "${group_args[@]}" | tee "$OUT/io-group.jsonl"
    section "I/O: cross-loop ping-pong on a group of 2 (JMH)"
    "$JAVA25" -jar "$JAR" 'CrossLoopPingPong' -f 1 "${jmh_args[@]}" -rf json -rff "$OUT/io-crossloop.json" \
        | grep -E '^(Benchmark|CrossLoop)'
    section "I/O: subprocess round trips, jcoro vs asyncio and uvloop"
    "$JAVA25" -cp "$JAR" io.jcoro.bench.io.process.SubprocessBench "${sub_args[@]}" | tee "$OUT/io-subprocess.jsonl"
    loops=(asyncio)
    /usr/bin/python3 -c 'import uvloop' 2>/dev/null && loops+=(uvloop)
    for l in "${loops[@]}"; do
        /usr/bin/python3 scripts/bench_subprocess.py --loop "$l" --spawns "${sub_args[0]}" --lines "${sub_args[1]}" \
            | tee -a "$OUT/io-subprocess.jsonl"
    done
}

if [[ $IO_ONLY == 1 ]]; then
    run_io full
    if [[ -f "$OUT/jmh-25.json" ]]; then
        python3 scripts/bench_report.py "$OUT" docs/benchmarks.md docs/benchmarks.svg
        echo "wrote docs/benchmarks.md and docs/benchmarks.svg"
    else
        section "the I/O section of docs/benchmarks.md (no full run's results in $OUT to write the whole report)"
        python3 scripts/bench_io_report.py "$OUT"
    fi
    exit 0
fi

if [[ $SMOKE == 1 ]]; then
    section "JMH smoke (JDK 25, every benchmark once)"
    start=$SECONDS
    "$JAVA25" -jar "$JAR" -f 1 -wi 0 -i 1 -r 100ms -foe true \
        -jvmArgsAppend "-Xms1g -Xmx1g ${VT_FLAGS[*]}" -rf json -rff "$OUT/smoke.json"
    section "memory, lateness and Python smoke"
    for s in jcoro-suspended jcoro-sleeping floor-suspended floor-sleeping kotlin-suspended \
             kotlin-sleeping vt-suspended vt-sleeping; do
        "$JAVA25" -Xms1g -Xmx1g "${MEM_FLAGS[@]}" -XX:+EnableDynamicAgentLoading "${VT_FLAGS[@]}" \
            -cp "$JAR" io.jcoro.bench.memory.MemoryFootprint "$s" 1000 10000 1000 2>>"$OUT/memory.stderr.log" | tail -n 1
    done
    "$JAVA25" -cp "$JAR" io.jcoro.bench.timers.Lateness 1000 200
    run_io smoke
    if /usr/bin/python3 -c 'import uvloop' 2>/dev/null; then loops=(asyncio uvloop); else loops=(asyncio); fi
    for l in "${loops[@]}"; do /usr/bin/python3 scripts/bench_asyncio.py --loop "$l" --smoke; done
    echo "smoke: every benchmark ran ($((SECONDS - start)) s)"
    exit 0
fi

# The memory footprints (fixed heap, full GCs, slope 100k..1M, JOL at 10k), on both JDKs.
run_memory() {
    section "memory footprints (fixed 8 GiB heap, full GCs, slope 100k..1M, JOL at 10k)"
    for jdk in 17 25; do
        java_bin=JAVA$jdk
        for s in jcoro-suspended jcoro-sleeping floor-suspended floor-sleeping kotlin-suspended \
                 kotlin-sleeping vt-suspended vt-sleeping; do
            [[ $jdk == 17 && $s == vt-* ]] && continue
            extra=()
            [[ $jdk == 25 ]] && extra=(-XX:+EnableDynamicAgentLoading)
            "${!java_bin}" -Xms8g -Xmx8g "${MEM_FLAGS[@]}" "${extra[@]}" "${VT_FLAGS[@]}" \
                -cp "$JAR" io.jcoro.bench.memory.MemoryFootprint "$s" 2>>"$OUT/memory.stderr.log" | tail -n 1 \
                | tee -a "$OUT/memory.jsonl" | cut -c1-160
        done
    done
}

# quiet STEP COMMAND...: runs COMMAND and appends to $OUT/quiet.jsonl what the rest of the machine
# did meanwhile: the CPU that neither the command nor its children used (other processes, the
# kernel's own threads) and the CPU the hypervisor took (steal). The report says from it whether
# the step ran on a quiet machine. The command's processes must end before it returns.
quiet() {
    local step="$1" me=$BASHPID before after start=$SECONDS hz status=0   # me: the shell that reaps COMMAND
    shift
    [[ -r /proc/stat ]] || { "$@"; return; }
    before=($(cpu_ticks "$me"))
    "$@" || status=$?
    after=($(cpu_ticks "$me"))
    hz=$(getconf CLK_TCK)
    printf '{"step":"%s","seconds":%d,"cpus":%d,"hz":%d,"busy":%d,"own":%d,"steal":%d}\n' \
        "$step" $((SECONDS - start)) "$(nproc)" "$hz" $((after[0] - before[0])) \
        $((after[2] - before[2])) $((after[1] - before[1])) >> "$OUT/quiet.jsonl"
    return "$status"
}

# Writes docs/benchmarks.md and docs/benchmarks.svg from $OUT.
report() {
    section "report"
    python3 scripts/bench_report.py "$OUT" docs/benchmarks.md docs/benchmarks.svg
    echo "wrote docs/benchmarks.md and docs/benchmarks.svg"
}

# -XX:+AlwaysPreTouch (prepended to each benchmark's own @Fork flags): the fork's heap is touched
# before the first iteration, so that the allocation-heavy rows do not pay the kernel's first-touch
# page faults of the fresh 4 GiB heap in their first measured iterations (peers and floor alike).
JMH_OPTS=(-f 1 -wi 3 -w 1s -i 3 -r 1s -prof gc -foe false -jvmArgsPrepend -XX:+AlwaysPreTouch)

# run_jmh JDK JAVA [JMH ARGS...]: the full JMH run on one JDK, its log kept and its rows shown.
# With -foe false a failing benchmark only loses its row and JMH exits non-zero at the end:
# that is reported, and the run goes on to the other sections.
run_jmh() {
    local jdk="$1" java_bin="$2" status
    shift 2
    set +e
    "$java_bin" -jar "$JAR" "${JMH_OPTS[@]}" "$@" -rf json -rff "$OUT/jmh-$jdk.json" 2>&1 \
        | tee "$OUT/jmh-$jdk.log" | grep -E '^(Benchmark|[A-Za-z.]+ +[0-9N])'
    status=${PIPESTATUS[0]}
    set -e
    (( status == 0 )) || echo "warning: JMH on JDK $jdk exited with $status: see $OUT/jmh-$jdk.log" >&2
}

if [[ $MEMORY_ONLY == 1 ]]; then
    run_memory
    report
    exit 0
fi

section "JMH on JDK 17 (no virtual threads there)"
"$JAVA17" -version 2>&1 | head -n 1 > "$OUT/jdk17.version"
quiet jmh-17 run_jmh 17 "$JAVA17" -e '\.virtualThreads$'

section "JMH on JDK 25"
"$JAVA25" -version 2>&1 | head -n 1 > "$OUT/jdk25.version"
quiet jmh-25 run_jmh 25 "$JAVA25"

run_memory

section "timer lateness (real clock, 10,000 timers)"
for jdk in 17 25; do
    java_bin=JAVA$jdk
    quiet "lateness-$jdk" "${!java_bin}" -cp "$JAR" io.jcoro.bench.timers.Lateness \
        | sed "s/^{/{\"jdk\":\"$jdk\",/" | tee -a "$OUT/lateness.jsonl"
done

section "Python asyncio and uvloop"
if ! /usr/bin/python3 -c 'import uvloop' 2>/dev/null && [[ $(id -u) == 0 ]]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-uvloop) \
        > "$OUT/apt.log" 2>&1 || echo "warning: could not install python3-uvloop"
fi
loops=(asyncio)
/usr/bin/python3 -c 'import uvloop' 2>/dev/null && loops+=(uvloop)
for l in "${loops[@]}"; do
    /usr/bin/python3 scripts/bench_asyncio.py --loop "$l" | tee "$OUT/python-$l.json" | cut -c1-160
done

run_io full

report
