#!/usr/bin/env python3
"""The "I/O" section of docs/benchmarks.md, from the I/O results of scripts/bench.sh.

    python3 scripts/bench_io_report.py RESULTS_DIR     prints the section (markdown)

RESULTS_DIR holds io-echo.jsonl (EchoBench: one line per server and case), io-http.jsonl
(HttpBench), io-tls.jsonl (TlsBench), io-memory.jsonl (IdleMemory: one line per server), io-group.jsonl (EchoBench, one
loop vs a group of 2), io-crossloop.json (JMH), io-subprocess.jsonl (SubprocessBench and
bench_subprocess.py), io.setup (how the cores were shared, the load average), io.commit and
io.jdk. bench_report.py includes the section through section(); nothing is printed for a results
directory without io-echo.jsonl. Each table shows what its file holds; a missing file drops its part.
"""
import json
import os
import sys

ECHO_NAMES = {
    "jcoro": "**jcoro** (one loop)", "netty-nio": "Netty NIO", "netty-epoll": "Netty epoll",
    "vertx": "Vert.x", "vthreads": "virtual threads", "asyncio": "Python asyncio", "uvloop": "Python uvloop",
    "jcoro-group2": "jcoro, group of 2",
}
HTTP_NAMES = {
    "jcoro": "**jcoro** (one loop)", "netty-nio": "Netty NIO", "netty-epoll": "Netty epoll",
    "vertx": "Vert.x", "helidon": "Helidon SE", "jdk-vthreads": "JDK HttpServer, virtual threads",
}
JAR = "benchmarks/target/jcoro-benchmarks.jar"
SERVER_JVM = ("taskset -c 0 java -Xms512m -Xmx512m --enable-native-access=ALL-UNNAMED "
              "-Djdk.virtualThreadScheduler.parallelism=1 \\\n    -Djdk.virtualThreadScheduler.maxPoolSize=1 -cp " + JAR)


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


def _x(a, b):
    """a ÷ b as "1.23×", or "–"."""
    return "%.2f×" % (a / b) if a and b else "–"


def _num(v, pattern="{:,.0f}"):
    return pattern.format(v) if v is not None else "–"


def _lat(r):
    return "%.0f / %.0f" % (r["p50Micros"], r["p99Micros"]) if r else "–"


def _load(r):
    """The echo load generator's CPU share / its share of time waiting for the server."""
    return "%.2f / %.2f" % (r.get("loadCpuShare", float("nan")), r.get("loadWaitShare", float("nan")))


def _by_case(rows, key):
    """{case: {server: row}} in the order the rows came."""
    out = {}
    for r in rows:
        out.setdefault(key(r), {})[r["server"]] = r
    return out


def _echo(md, echo):
    md.append("### echo: messages per second, server CPU per message, round-trip latency\n")
    md.append("Servers: jcoro's `EchoHandler` on one loop; Netty's echo handler (write what was read, flush at "
              "the end of the read burst) on one event loop of the NIO and of the native epoll transport "
              "(`netty-transport-native-epoll` linux-x86_64), 4.2.18.Final; Vert.x 5.0.7 `NetServer` on one event "
              "loop (`socket.handler(socket::write)`); a virtual thread per connection on one carrier; and "
              "`scripts/echo_asyncio.py`, the asyncio twin of jcoro's handler (`read`, `write`, `drain`), "
              "on asyncio and on uvloop (`/usr/bin/python3`, a child process of the servers' JVM). "
              "*jcoro ÷ it*: jcoro's messages per second over the server's (above 1: jcoro served more). "
              "*CPU µs/msg*: the server's CPU time (its JVM's, all threads; a Python server's process's) "
              "over the measured seconds, per round trip: unlike messages per second it does not depend on "
              "how much of a core the server got, so it is the figure to compare on a shared machine. "
              "*load CPU / wait*: the load generator's own CPU time over the measured seconds (1.0 = a whole "
              "core), and the share of them it spent waiting in `select` for the server's echoes: a load "
              "generator that waits a large share of the time is not what limits the server.\n")
    cases = _by_case(echo, lambda r: (r["connections"], r["size"]))
    for conns in sorted({c for c, _ in cases}):
        md.append("**{:,} connection{}**\n".format(conns, "" if conns == 1 else "s"))
        md.append("| message | server | msg/s | jcoro ÷ it | CPU µs/msg | p50 / p99 µs | load CPU / wait |")
        md.append("|---:|---|---:|---:|---:|---:|---:|")
        for (c, size), by in sorted(cases.items()):
            if c != conns:
                continue
            j = by.get("jcoro")
            for server, r in by.items():
                md.append("| %s | %s | %s | %s | %.1f | %s | %s |" % (
                    _size(size), ECHO_NAMES.get(server, server), _num(r["messagesPerSecond"]),
                    _x(j and j["messagesPerSecond"], r["messagesPerSecond"]),
                    r["serverCpuMicrosPerMessage"], _lat(r), _load(r)))
        md.append("")
    md.append("Command (from the root, after `JAVA_HOME=<JDK 25> mvn -B -q -DskipTests -pl benchmarks -am package`; "
              "`--servers`, `--connections`, `--sizes` narrow it):\n")
    md.append("```\n%s io.jcoro.bench.io.EchoBench \\\n    --warmup 1 --measure 3 --load-cpus 1\n```\n" % SERVER_JVM)


def _http(md, http):
    md.append("### HTTP/1.1 plaintext: requests per second, latency\n")
    md.append("\"Hello, World!\" to a keep-alive `GET /`, loaded by `wrk -t1 -cN -d3s --latency` (one thread, "
              "one request in flight per connection) after a 2 s `wrk` warm-up. jcoro: "
              "`io.jcoro.bench.io.http.HelloHandler` on one loop over `Net.startServer` (it parses just what a "
              "keep-alive GET needs, pipelining-safe: `RequestHeadsTest`, `HelloHandlerTest`); Netty "
              "`HttpServerCodec` + `HttpServerKeepAliveHandler` + a full response per request on one event loop "
              "(NIO and epoll); Vert.x `HttpServer` on one event loop; Helidon SE 4.5.0's `WebServer` (a virtual "
              "thread per connection); the JDK's `com.sun.net.httpserver.HttpServer` with a virtual thread per "
              "exchange. Virtual threads run on one carrier. jcoro and Netty send `Content-Type` and "
              "`Content-Length` only; the others add what they add (`Date`, `Connection`). *jcoro ÷ it*: "
              "jcoro's requests per second over the server's; *CPU µs/req* as for echo; *wrk CPU*: wrk's CPU "
              "time over the run; p50/p99 are wrk's.\n")
    md.append("| connections | server | req/s | jcoro ÷ it | CPU µs/req | p50 / p99 µs | wrk CPU | errors |")
    md.append("|---:|---|---:|---:|---:|---:|---:|---:|")
    for conns, by in sorted(_by_case(http, lambda r: r["connections"]).items()):
        j = by.get("jcoro")
        for server, r in by.items():
            md.append("| {:,} | {} | {} | {} | {:.1f} | {} | {:.2f} | {:,} |".format(
                conns, HTTP_NAMES.get(server, server), _num(r["requestsPerSecond"]),
                _x(j and j["requestsPerSecond"], r["requestsPerSecond"]), r["serverCpuMicrosPerRequest"],
                _lat(r), r["loadCpuShare"], r["errors"]))
    md.append("\nCommand (wrk pinned to CPU 1 by `--load-cpus 1`; Helidon's server is in the jar only when it was "
              "built on JDK 21+):\n")
    md.append("```\n%s io.jcoro.bench.io.http.HttpBench \\\n    --warmup 2 --measure 3 --load-cpus 1\n```\n" % SERVER_JVM)


def _tls(md, tls):
    md.append("### TLS: full handshakes per second, echo over TLS\n")
    md.append("jcoro's `EchoHandler` behind `Net.startServer(..., Tls.server(context))` on one loop, against Netty's "
              "echo behind an `SslHandler` on the JDK's `SSLEngine` (NIO, one event loop): the same JDK context and "
              "self-signed EC certificate (TLS 1.3), loaded by `io.jcoro.bench.io.tls.TlsLoad` in a JVM of its own "
              "(blocking `SSLSocket`s, a thread per connection). *handshakes*: N threads each connect, make a full "
              "handshake (the session is invalidated, so none is resumed), echo one byte and close; *echo*: one "
              "established connection per thread, closed-loop. *jcoro ÷ it*: jcoro's operations per second over the "
              "server's; *CPU µs/op*: the server JVM's CPU time per handshake or round trip; *load CPU*: the load "
              "generator's share of a core (TLS costs the client as much as the server: near 1.0 the load "
              "generator may be what limits).\n")
    md.append("| case | server | per second | jcoro ÷ it | CPU µs/op | p50 / p99 µs | load CPU |")
    md.append("|---|---|---:|---:|---:|---:|---:|")
    for (mode, conns, size), by in _by_case(tls, lambda r: (r["mode"], r["connections"], r["size"])).items():
        label = ("handshakes, %d threads" % conns) if mode == "handshakes" else "echo, %d × %s" % (conns, _size(size))
        j = by.get("jcoro")
        for server, r in by.items():
            md.append("| %s | %s | %s | %s | %.1f | %s | %.2f |" % (
                label, ECHO_NAMES.get(server, server), _num(r["perSecond"]), _x(j and j["perSecond"], r["perSecond"]),
                r["serverCpuMicrosPerOperation"], _lat(r), r["loadCpuShare"]))
    md.append("\nCommand:\n")
    md.append("```\n%s io.jcoro.bench.io.tls.TlsBench \\\n    --warmup 2 --measure 3 --load-cpus 1\n```\n" % SERVER_JVM)


def _memory(md, memory):
    n = memory[0]["connections"]
    md.append("### memory per idle connection, at {:,} connections\n".format(n))
    md.append("Each server in a JVM of its own (fixed 512 MiB heap, pre-touched, serial GC); the "
              "connections come from a child JVM, each echoes one 64-byte message and then waits "
              "in the server's next read. *Heap*: used heap after full GCs, with the connections "
              "open less before; *RSS*: growth of the server process's `VmRSS` "
              "(`/proc/self/status`), which with the heap pre-touched is what grows outside the "
              "Java heap (Netty's pooled direct buffers are there). The kernel's socket buffers are in neither. "
              "*÷ jcoro*: the server's heap per connection over jcoro's.\n")
    md.append("| server | heap B/connection | RSS B/connection | heap ÷ jcoro |\n|---|---:|---:|---:|")
    j = next((m for m in memory if m["server"] == "jcoro"), None)
    for m in memory:
        md.append("| {} | {:,} | {:,} | {} |".format(
            ECHO_NAMES.get(m["server"], m["server"]), m["heapBytesPerConnection"], m["rssBytesPerConnection"],
            _x(m["heapBytesPerConnection"], j and j["heapBytesPerConnection"])))
    md.append("\nCommand (per server: `jcoro`, `vthreads` or `netty-nio`):\n")
    md.append("```\n{} \\\n    -XX:+UseSerialGC -XX:+AlwaysPreTouch io.jcoro.bench.io.IdleMemory jcoro {} 1\n```\n"
              .format(SERVER_JVM, n))


def _group(md, group):
    md.append("### one loop vs an `EventLoopGroup` of 2 (echo)\n")
    md.append("jcoro's echo on one loop against the same handler on `Net.startServer(group of 2, ...)` (on Linux "
              "each loop accepts from its own `SO_REUSEPORT` socket), in one run. On this 2-core machine the load "
              "generator cannot run \"elsewhere\": here the servers' JVM and the load generator are not pinned "
              "and share both cores, so the group's second loop competes with the load generator for the "
              "second core, and the ratio says what 2 shared cores allow, not what a group of 2 gives with "
              "cores to spare.\n")
    md.append("| connections | message | one loop msg/s | group of 2 msg/s | group ÷ one loop | CPU µs/msg (one / group) | load CPU / wait (one; group) |")
    md.append("|---:|---:|---:|---:|---:|---:|---:|")
    for (conns, size), by in sorted(_by_case(group, lambda r: (r["connections"], r["size"])).items()):
        one, two = by.get("jcoro"), by.get("jcoro-group2")
        if not (one and two):
            continue
        md.append("| {:,} | {} | {} | {} | {} | {:.1f} / {:.1f} | {}; {} |".format(
            conns, _size(size), _num(one["messagesPerSecond"]), _num(two["messagesPerSecond"]),
            _x(two["messagesPerSecond"], one["messagesPerSecond"]), one["serverCpuMicrosPerMessage"],
            two["serverCpuMicrosPerMessage"], _load(one), _load(two)))
    md.append("\nCommand:\n")
    md.append("```\njava -Xms512m -Xmx512m -cp %s io.jcoro.bench.io.EchoBench --servers jcoro,jcoro-group2 \\\n"
              "    --warmup 1 --measure 3 --connections 100,1000 --sizes 64,1024\n```\n" % JAR)


def _crossloop(md, data):
    md.append("### cross-loop ping-pong on a group of 2 (JMH)\n")
    md.append("`io.jcoro.bench.group.CrossLoopPingPong`: two players pass a ball through one-shot promises, each "
              "re-armed by its owner; *crossLoop*: one player on each loop of an `EventLoopGroup(2)`, so every hop "
              "completes a promise of the other loop and wakes its thread; *sameLoop*: both on one loop of the "
              "group. ns per hop, JMH mean ± 99.9 % half-interval.\n")
    md.append("| benchmark | ns/hop |\n|---|---:|")
    for b in data:
        pm = b["primaryMetric"]
        err = float(pm.get("scoreError", "NaN"))  # JMH writes "NaN" with too few iterations
        md.append("| %s | %s%s |" % (b["benchmark"].split(".")[-1], "{:,.1f}".format(pm["score"]),
                                      "" if err != err else " ±{:,.0f}".format(err)))
    md.append("\nCommand: `java -jar %s CrossLoopPingPong -f 1 -wi 3 -w 1s -i 3 -r 1s` (JDK 25).\n" % JAR)


def _subprocess(md, sub):
    md.append("### subprocess round trips\n")
    md.append("*spawn*: start `true` and await its exit, one after the other; *cat*: one `cat` child, write a "
              "44-byte line, drain, read the line back, one after the other. jcoro: "
              "`io.jcoro.bench.io.process.SubprocessBench` (`Subprocess.exec`, one loop, JDK 25); asyncio and "
              "uvloop: its twin `scripts/bench_subprocess.py` (`create_subprocess_exec`). A fifth of each "
              "count runs untimed first; mean µs per operation. *÷ jcoro*: the peer's time over jcoro's.\n")
    by = {}
    for r in sub:
        by.setdefault(r["case"], {})[r["impl"]] = r
    md.append("| case | count | jcoro µs | asyncio µs | ÷ jcoro | uvloop µs | ÷ jcoro |\n|---|---:|---:|---:|---:|---:|---:|")
    for case, impls in by.items():
        j, a, u = impls.get("jcoro"), impls.get("asyncio"), impls.get("uvloop")
        md.append("| {} | {:,} | {} | {} | {} | {} | {} |".format(
            case, (j or a)["n"], _num(j and j["microsPerOp"], "{:,.1f}"), _num(a and a["microsPerOp"], "{:,.1f}"),
            _x(a and a["microsPerOp"], j and j["microsPerOp"]), _num(u and u["microsPerOp"], "{:,.1f}"),
            _x(u and u["microsPerOp"], j and j["microsPerOp"])))
    md.append("\nCommands: `java -cp %s io.jcoro.bench.io.process.SubprocessBench 500 20000`; "
              "`/usr/bin/python3 scripts/bench_subprocess.py --loop asyncio|uvloop --spawns 500 --lines 20000`.\n" % JAR)


def _ratios(cases, peer, key="messagesPerSecond"):
    """[(case, jcoro's key ÷ peer's, jcoro's p99 ≤ peer's)] over the cases both ran."""
    out = []
    for case, by in sorted(cases.items()):
        j, o = by.get("jcoro"), by.get(peer)
        if j and o and o[key]:
            out.append((case, j[key] / o[key], j["p99Micros"] <= o["p99Micros"]))
    return out


def _verdict(ratios, floor, with_p99=False):
    """(figures, verdict) for "jcoro ÷ peer ≥ floor" (and p99 no worse) over every case."""
    if not ratios:
        return "not measured", "–"
    met = [r for r in ratios if r[1] >= floor and (r[2] or not with_p99)]
    worst = min(ratios, key=lambda r: r[1])
    figures = "%.2f× to %.2f×" % (worst[1], max(r[1] for r in ratios))
    if with_p99:
        figures += "; p99 no worse in %d of %d" % (sum(1 for r in ratios if r[2]), len(ratios))
    if len(met) == len(ratios):
        return figures, "met"
    return figures, "**missed** in %d of %d cases (worst %.2f×, %.0f %% short)" % (
        len(ratios) - len(met), len(ratios), worst[1], (1 - worst[1] / floor) * 100)


def _targets(md, echo, http, memory, group):
    md.append("### Targets (issue 13)\n")
    md.append("Ratios of one run, as the target states them: messages or requests per second (*jcoro ÷ peer*, "
              "above 1: jcoro served more), heap bytes per idle connection. On a shared machine a server's "
              "throughput depends on the share of its core it got, so the CPU-per-message columns above say "
              "more than the verdicts; a verdict only says what the figures of this run show.\n")
    md.append("| target | this run | verdict |\n|---|---|---|")
    cases = _by_case(echo, lambda r: (r["connections"], r["size"]))
    fig, ver = _verdict(_ratios(cases, "netty-nio"), 1.0, with_p99=True)
    md.append("| echo, one loop: ≥ Netty NIO's msg/s, p99 no worse | jcoro ÷ Netty NIO %s | %s |" % (fig, ver))
    fig, ver = _verdict(_ratios(cases, "uvloop"), 3.0)
    md.append("| echo: ≥ 3× uvloop | jcoro ÷ uvloop %s | %s |" % (fig, ver))
    thousand = {c: by for c, by in cases.items() if c[0] == 1000}
    fig, ver = _verdict(_ratios(thousand, "vthreads"), 1.5)
    md.append("| echo: ≥ 1.5× virtual threads at 1,000 connections | jcoro ÷ virtual threads %s | %s |" % (fig, ver))
    if http:
        hcases = _by_case(http, lambda r: r["connections"])
        fig, ver = _verdict(_ratios(hcases, "netty-nio", "requestsPerSecond"), 0.9)
        md.append("| HTTP, one loop: within 10 %% of Netty (NIO) | jcoro ÷ Netty NIO %s | %s |" % (fig, ver))
        for peer in ("vertx", "helidon"):
            fig, ver = _verdict(_ratios(hcases, peer, "requestsPerSecond"), 1.0)
            md.append("| HTTP: ahead of %s | jcoro ÷ %s %s | %s |" % (HTTP_NAMES[peer], HTTP_NAMES[peer], fig, ver))
    if memory:
        heap = {m["server"]: m["heapBytesPerConnection"] for m in memory}
        j = heap.get("jcoro")
        for peer, bound, label in (("vthreads", 0.5, "≤ half of virtual threads'"), ("netty-nio", 1.0, "≤ Netty's")):
            if j and heap.get(peer):
                r = j / heap[peer]
                md.append("| memory per idle connection %s | jcoro {:,} B ÷ {:,} B = %.2f× | %s |".format(j, heap[peer])
                          % (label, r, "met" if r <= bound else "**missed** by %.0f %%" % ((r / bound - 1) * 100)))
    if group:
        ratios = []
        for case, by in sorted(_by_case(group, lambda r: (r["connections"], r["size"])).items()):
            if by.get("jcoro") and by.get("jcoro-group2"):
                ratios.append((case, by["jcoro-group2"]["messagesPerSecond"] / by["jcoro"]["messagesPerSecond"], True))
        fig, ver = _verdict(ratios, 1.7)
        md.append("| a group of 2 ≥ 1.7× one loop (load generator elsewhere) | group ÷ one loop %s, load generator "
                  "on the same 2 cores | %s |" % (fig, ver))
    md.append("")


def section(res):
    """The section's markdown, or "" without echo results."""
    echo = _lines(res, "io-echo.jsonl")
    if not echo:
        return ""
    md = ["## I/O\n",
          "jcoro's servers on one event loop against the peers a user would pick instead, each in the same "
          "run, all on 127.0.0.1, under the same load generator: for echo `EchoLoad`, one thread with one NIO "
          "selector in a JVM of its own, each connection closed-loop (send a message, wait for the whole echo "
          "and check its bytes, send the next; only round trips sent after the warm-up and back before the "
          "end count; p50/p99 exact, every round trip kept); for HTTP `wrk`.\n",
          "- Measured at commit `%s` on %s." % tuple(_text(res, "io.commit", "? ?").split(" ", 1)),
          "- %s." % _text(res, "io.jdk"),
          "- Cores: %s." % _text(res, "io.setup").replace("\n", "; "),
          "- Reproduce: `scripts/bench.sh --io` (this section only), or the commands below.\n"]
    http = _lines(res, "io-http.jsonl")
    memory = _lines(res, "io-memory.jsonl")
    group = _lines(res, "io-group.jsonl")
    _targets(md, echo, http, memory, group)
    _echo(md, echo)
    if http:
        _http(md, http)
    tls = _lines(res, "io-tls.jsonl")
    if tls:
        _tls(md, tls)
    if memory:
        _memory(md, memory)
    if group:
        _group(md, group)
    crossloop = os.path.join(res, "io-crossloop.json")
    if os.path.exists(crossloop):
        with open(crossloop) as f:
            _crossloop(md, json.load(f))
    sub = _lines(res, "io-subprocess.jsonl")
    if sub:
        _subprocess(md, sub)
    return "\n".join(md) + "\n"


if __name__ == "__main__":
    sys.stdout.write(section(sys.argv[1]))
