#!/usr/bin/env python3
"""Writes a Java source with N @Async methods of realistic size, for the compile-time benchmark.

Each method mixes what real coroutine code does: locals across awaits, a loop with an await in
its condition and body, try/catch/finally around awaits, awaits inside expressions and calls.
With --sequential-tries, the file has instead one @Async method of N sequential try/catch/finally
statements that await: the size of what the processor generates for one long body.
With --one-file, N is ignored: the file is a small one-file project, some 50 lines with two
@Async methods (a loop, a try/catch, awaits in expressions) and a plain method.
Usage: gen_compile_bench.py [--sequential-tries | --one-file] N OUT_DIR
"""
import os
import sys

args = sys.argv[1:]
sequential = args[0] == "--sequential-tries"
one_file = args[0] == "--one-file"
if sequential or one_file:
    args = args[1:]
HEADER = [
    "package bench;",
    "",
    "import io.jcoro.Coroutine;",
    "import io.jcoro.annotations.Async;",
    "import java.io.IOException;",
    "import java.util.ArrayList;",
    "import java.util.List;",
    "import static io.jcoro.Coro.*;",
    "",
]
n = int(args[0])
out = args[1]
os.makedirs(os.path.join(out, "bench"), exist_ok=True)
if one_file:
    lines = HEADER + [
        "/** A small service: what a one-file project with a few coroutines looks like. */",
        "public abstract class Service {",
        "    final List<String> log = new ArrayList<>();",
        "",
        "    @Async",
        "    protected Coroutine<Integer> fetch(int id) throws IOException {",
        "        await(sleep(1));",
        "        if (id < 0) {",
        "            throw new IOException(\"bad id \" + id);",
        "        }",
        "        return done(id * 2);",
        "    }",
        "",
        "    @Async",
        "    public Coroutine<String> report(List<Integer> ids) {",
        "        int total = 0;",
        "        StringBuilder text = new StringBuilder(\"report:\");",
        "        for (int id : ids) {",
        "            try {",
        "                int value = await(fetch(id));",
        "                total += value > 10 ? await(fetch(value / 2)) : value;",
        "                text.append(' ').append(value);",
        "            } catch (IOException e) {",
        "                log.add(\"failed \" + id + \": \" + e.getMessage());",
        "            } finally {",
        "                await(yieldNow());",
        "            }",
        "        }",
        "        if (total > 1000) {",
        "            log.add(\"large total \" + total);",
        "        }",
        "        return done(text.append(\" = \").append(total).toString());",
        "    }",
        "",
        "    public List<String> log() {",
        "        return List.copyOf(log);",
        "    }",
        "}",
    ]
    with open(os.path.join(out, "bench", "Service.java"), "w") as f:
        f.write("\n".join(lines) + "\n")
    sys.exit(0)
lines = HEADER + [
    "public abstract class Service {",
    "    protected final List<String> log = new ArrayList<>();",
    "",
    "    @Async",
    "    protected Coroutine<Integer> fetch(int id) throws IOException {",
    "        await(sleep(1));",
    "        if (id < 0) throw new IOException(\"bad id \" + id);",
    "        return done(id * 2);",
    "    }",
    "",
]
if sequential:
    lines += [
        "    @Async",
        "    public Coroutine<Integer> sequence(int start) {",
        "        int total = start;",
    ]
    for i in range(n):
        lines += [
            "        try {",
            f"            total += await(fetch(total % {i + 7}));",
            "        } catch (IOException e) {",
            f"            log.add(\"failed {i}: \" + e.getMessage());",
            "        } finally {",
            "            total++;",
            "        }",
        ]
    lines += [
        "        return done(total);",
        "    }",
    ]
for i in range(0 if sequential else n):
    lines += [
        "    @Async",
        f"    public Coroutine<String> handler{i}(int start, List<Integer> ids) throws IOException {{",
        "        int total = start;",
        "        StringBuilder report = new StringBuilder(\"h" + str(i) + ":\");",
        "        for (int id : ids) {",
        "            try {",
        "                int value = await(fetch(id));",
        "                total += value > 10 ? await(fetch(value / 2)) : value;",
        "                report.append(' ').append(value);",
        "            } catch (IOException e) {",
        "                log.add(\"failed \" + id + \": \" + e.getMessage());",
        "                if (total > 1000) break;",
        "            } finally {",
        "                await(yieldNow());",
        "            }",
        "        }",
        "        int rounds = 0;",
        f"        while (rounds < 3 && await(fetch(rounds + {i % 7})) < 100) {{",
        "            rounds++;",
        "            report.append(\" r\").append(rounds);",
        "        }",
        "        return done(report.append(\" = \").append(total).toString());",
        "    }",
        "",
    ]
lines.append("}")
with open(os.path.join(out, "bench", "Service.java"), "w") as f:
    f.write("\n".join(lines) + "\n")
