#!/usr/bin/env python3
"""The one benchmark-report module: Google Benchmark JSON loading, the
machine and load readings, and the Markdown tables of the three bench-*
scripts.

    python3 scripts/bench_report.py --doc docs/performance.md \\
        --compiler "g++ 12.2.0" --flags "-O3 -DNDEBUG" RESULTS.json...
    python3 scripts/bench_report.py fill --compiler ... FILL.json    (bench-fill.sh)
    python3 scripts/bench_report.py distributions CBRNG.json NUMPY.json ...
                                                        (bench-distributions.sh)
    python3 scripts/bench_report.py load                (the load average, 1 5 15 min)
    python3 scripts/bench_report.py compare --label L --old OLD.json... --new NEW.json...
                                                        (bench-compare.sh)

Without a subcommand (bench-report.sh):
Each group of benchmarks (per-call draws, per-task creation, contention,
distribution pipelines) becomes one table: every result with its rate and its
ratio to the group's baseline measured in the same run. The tables replace the
text between the markers

    <!-- bench-report:begin -->
    <!-- bench-report:end -->

in the document (appended if the markers are missing), so the document can be
regenerated at will. Python standard library only. When a benchmark was
repeated, the median is used.
"""

import argparse
import datetime
import json
import os
import platform
import re
import sys

BEGIN = "<!-- bench-report:begin -->"
END = "<!-- bench-report:end -->"


def load(paths):
    """Returns ({run name: result dict}, context of the first file)."""
    results, context = {}, None
    for path in paths:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        context = context or data.get("context", {})
        repeated = {}
        for b in data.get("benchmarks", []):
            if b.get("run_type") == "aggregate":
                if b.get("aggregate_name") == "median":
                    repeated[b["run_name"]] = b
            elif b.get("error_occurred"):
                continue
            else:
                results.setdefault(b["run_name"], b)
        results.update(repeated)  # medians win over single repetitions
    return results, context


def load_best(path, key="bytes_per_second"):
    """Returns ({run name: best value of key over the repetitions}, {names of
    the runs that reported an error}); empty where path does not exist."""
    best, skipped = {}, set()
    if not os.path.exists(path):
        return best, skipped
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    for b in data["benchmarks"]:
        if b.get("run_type", "iteration") != "iteration":
            continue
        name = b.get("run_name", b["name"])
        if b.get("error_occurred"):
            skipped.add(name)
            continue
        value = b.get(key)
        if value is not None:
            best[name] = max(best.get(name, 0.0), value)
    return best, skipped


def cpu_model():
    """The CPU's model name from /proc/cpuinfo, else platform.processor(), else
    "unknown"."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def cpu_simd_flags():
    """The SIMD levels cbrng dispatches on that /proc/cpuinfo lists: "avx2
    avx512f " or a subset ("" where none or unreadable)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            words = set(f.read().split())
    except OSError:
        return ""
    return "".join(f"{x} " for x in ("avx2", "avx512f") if x in words)


def load_average():
    """The load average over 1, 5 and 15 minutes, as /proc/loadavg says it."""
    try:
        with open("/proc/loadavg", encoding="utf-8") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "unknown"


def md_head(*columns):
    """A Markdown table's header and rule; a column named with a leading ">"
    is right-aligned."""
    names = [c.lstrip(">") for c in columns]
    rule = "|" + "".join("---:|" if c.startswith(">") else "---|" for c in columns)
    return "| " + " | ".join(names) + " |\n" + rule


def rate(b):
    return b.get("items_per_second")


def si(x, unit="/s"):
    if x is None:
        return "n/a"
    for scale, prefix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(x) >= scale:
            return f"{x / scale:.1f} {prefix}{unit}"
    return f"{x:.1f} {unit}"


def ratio(x, base):
    if x is None or not base:
        return "n/a"
    r = x / base
    if r >= 100:
        return f"{r:.0f}x"
    return f"{r:.2f}x" if r >= 0.1 else f"{r:.2g}x"


def subject(name, prefix):
    return name[len(prefix):] if name.startswith(prefix) else name


def simple_table(results, prefix, baselines, note, with_bytes=False):
    """Rows: every benchmark named prefix*; one ratio column per baseline."""
    rows = [(n, b) for n, b in results.items() if n.startswith(prefix)]
    if not rows:
        return None
    base = {k: rate(results[prefix + k]) if prefix + k in results else None for k in baselines}
    head = ["benchmark", "items/s"] + (["bytes/s"] if with_bytes else [])
    head += [f"vs {k}" for k in baselines]
    out = [note, "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for n, b in rows:
        s = subject(n, prefix)
        name = f"**{s}** (baseline)" if s in baselines else f"`{s}`"
        cells = [name, si(rate(b))]
        if with_bytes:
            cells.append(si(b.get("bytes_per_second"), "B/s"))
        cells += [ratio(rate(b), base[k]) for k in baselines]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def contention_table(results, prefix, baseline, note):
    """Rows: subjects; columns: thread counts, each rate (ratio to the baseline
    at the same thread count)."""
    by = {}
    threads = set()
    for n, b in results.items():
        if not n.startswith(prefix):
            continue
        m = re.match(r"(.*?)(/real_time)?/threads:(\d+)$", subject(n, prefix))
        if not m:
            continue
        t = int(m.group(3))
        threads.add(t)
        by.setdefault(m.group(1), {})[t] = rate(b)
    if not by:
        return None
    threads = sorted(threads)
    base = by.get(baseline, {})
    head = ["benchmark"] + [f"{t} thread{'s' if t > 1 else ''}" for t in threads]
    out = [note, "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for s, per in by.items():
        name = f"**{s}** (baseline)" if s == baseline else f"`{s}`"
        cells = [name]
        for t in threads:
            x = per.get(t)
            cells.append(f"{si(x)} ({ratio(x, base.get(t))})")
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def pipeline_table(results, prefix, note):
    """Rows: BM_Pipeline/<dist>/<pair>; the baseline of each distribution is
    its `std/std::mt19937_64` row."""
    rows = [(n, b) for n, b in results.items() if n.startswith(prefix)]
    if not rows:
        return None
    head = ["distribution", "pipeline", "items/s", "vs std:: + std::mt19937_64"]
    out = [note, "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for n, b in rows:
        dist, _, pair = subject(n, prefix).partition("/")
        base_b = results.get(f"{prefix}{dist}/std/std::mt19937_64")
        is_base = pair == "std/std::mt19937_64"
        name = f"**{pair}** (baseline)" if is_base else f"`{pair}`"
        out.append(
            f"| {dist} | {name} | {si(rate(b))} | "
            f"{ratio(rate(b), rate(base_b) if base_b else None)} |")
    return "\n".join(out)


def targets_table(results, context):
    """The performance targets, checked against this run's ratios."""
    def r(name):
        b = results.get(name)
        return rate(b) if b else None

    def row(target, value, ok, shown):
        if value is None:
            return f"| {target} | n/a | not measured |"
        return f"| {target} | {shown} | {'met' if ok else '**missed**'} |"

    rows = []
    c, mt, pcg = (r("BM_Create/cbrng::stream<philox4x32_10>"), r("BM_Create/std::mt19937"),
                  r("BM_Create/pcg32"))
    v = c / mt if c and mt else None
    rows.append(row("creation + 8 draws: cbrng::stream<> >= 100x std::mt19937", v,
                    v is not None and v >= 100, f"{v:.0f}x" if v else ""))
    v = pcg / c if c and pcg else None
    rows.append(row("creation + 8 draws: cbrng::stream<> within 2x of pcg32", v,
                    v is not None and v <= 2, f"pcg32 is {v:.2f}x faster" if v else ""))
    d, tl = r("BM_Draw/cbrng::stream<philox4x32_10>"), r("BM_Draw/std::mt19937/thread_local")
    v = d / tl if d and tl else None
    rows.append(row("per-call draw: cbrng::stream<> >= thread_local std::mt19937", v,
                    v is not None and v >= 1, f"{v:.2f}x" if v else ""))
    # The -march=native baselines (draw_baselines_native.cpp) and the
    # larger-buffer stream.
    bd = r("BM_Draw/cbrng::buffered_stream<philox4x32_10>")
    mt, mtn = r("BM_Draw/std::mt19937"), r("BM_Draw/std::mt19937/-march=native")
    pcgn = r("BM_Draw/pcg32/-march=native")
    for label, x in (("cbrng::stream<>", d), ("cbrng::buffered_stream<>", bd)):
        v = x / mtn if x and mtn else None
        rows.append(row(f"per-call draw: {label} >= std::mt19937 at -O3 -march=native", v,
                        v is not None and v >= 1,
                        f"{v:.2f}x (pcg32 -march=native: {x / pcgn:.2f}x)" if v and pcgn else
                        (f"{v:.2f}x" if v else "")))
        v = x / mt if x and mt else None
        rows.append(row(f"per-call draw, no -march: {label} >= 2x std::mt19937", v,
                        v is not None and v >= 2, f"{v:.2f}x" if v else ""))
    cb_ = r("BM_Create/cbrng::buffered_stream<philox4x32_10>")
    v = c / cb_ if c and cb_ else None
    if v:
        rows.append(f"| creation + 8 draws: cbrng::buffered_stream<> against stream<> (the "
                    f"larger buffer's cost; no target) | stream<> is {v:.2f}x faster | "
                    f"information |")
    pre = "BM_Contention/"
    threads = sorted({int(m.group(1)) for n in results
                      for m in [re.search(r"/threads:(\d+)$", n)] if m and n.startswith(pre)})
    multi = [t for t in threads if t >= 2]
    ratios = [(t, r(f"{pre}cbrng::stream<>/per_task/real_time/threads:{t}"),
               r(f"{pre}std::mt19937/mutex_shared/real_time/threads:{t}")) for t in multi]
    ratios = [(t, a / b) for t, a, b in ratios if a and b]
    v = min((x for _, x in ratios), default=None)
    rows.append(row("contention, 2+ threads: cbrng::stream<> per task >= 5x mutex-shared "
                    "std::mt19937", v, v is not None and v >= 5,
                    ", ".join(f"{t} threads: {x:.1f}x" for t, x in ratios)))
    cores = int(context.get("num_cpus", 0) or 0)
    if cores >= 2:
        def speedup(subject):
            one = r(f"{pre}{subject}/real_time/threads:1")
            many = r(f"{pre}{subject}/real_time/threads:{cores}")
            return many / one if one and many else None
        s_c, s_m = speedup("cbrng::stream<>/per_task"), speedup("std::mt19937/mutex_shared")
        # thread_local std::mt19937 shares nothing: its speedup is what the
        # machine allowed during the run (other load takes cores away).
        s_t = speedup("std::mt19937/thread_local")
        need = 0.75 * cores
        if s_c is None or s_m is None or s_t is None:
            rows.append(row(f"scaling 1 -> {cores} threads", None, False, ""))
        else:
            shown = (f"cbrng {s_c:.2f}x, mutex-shared {s_m:.2f}x; the share-nothing "
                     f"thread_local std::mt19937 {s_t:.2f}x")
            target = (f"scaling 1 -> {cores} threads (the core count): cbrng per-task "
                      f"streams scale (>= {need:.1f}x), the mutex-shared baseline does not")
            if s_t < need and s_c < need:
                rows.append(f"| {target} | {shown} | not measurable: the machine did not "
                            f"give {cores} free cores during the run |")
            else:
                rows.append(row(target, s_c, s_c >= need and s_m < need, shown))
    return "\n".join(["### Targets (from this run)", "",
                      "| target | measured | status |", "|---|---|---|"] + rows)


def render(results, context, args):
    date = args.date or str(context.get("date", ""))[:10] or datetime.date.today().isoformat()
    load = args.load
    if not load and context.get("load_avg"):
        load = " ".join(f"{x:.2f}" for x in context["load_avg"])
    kinds = {"Data": "data ", "Instruction": "instr. ", "Unified": ""}
    caches = ", ".join(
        f"L{c['level']} {kinds.get(c['type'], '')}{c['size'] // 1024} KiB"
        for c in context.get("caches", []))
    parts = [
        f"Generated by `bash scripts/bench-report.sh` on {date}.",
        "",
        f"- CPU: {args.cpu or 'unknown'} ({context.get('num_cpus', '?')} logical CPUs"
        f"{', ' + str(int(context['mhz_per_cpu'])) + ' MHz' if context.get('mhz_per_cpu') else ''}"
        f"{'; caches: ' + caches if caches else ''})",
        f"- Machine: {args.machine or platform.platform()}",
        f"- Compiler: {args.compiler or 'unknown'}; flags: `{args.flags or 'unknown'}`",
        f"- Google Benchmark {args.benchmark_version or ''}: "
        f"`{args.benchmark_args or ''}`; medians of the repetitions",
        f"- Load average (1, 5, 15 min) at the start: {load or 'unknown'}",
        "",
        "Ratios come from one run and are what to read: a ratio is the row's rate",
        "divided by the baseline's (above 1 is faster). Absolute rates move with",
        "the machine, its clock and its neighbours.",
    ]
    tables = [
        targets_table(results, context),
        simple_table(
            results, "BM_Draw/", ["std::mt19937/thread_local", "std::mt19937/-march=native"],
            "### Per-call draws (generator built outside the timed loop)\n\n"
            "Items are words (32- or 64-bit, the generator's `result_type`). Rows ending in\n"
            "`/-march=native` are std::mt19937 and pcg32 compiled with `-O3 -march=native`\n"
            "in their own translation unit of the same binary; everything else has the\n"
            "flags above.",
            with_bytes=True),
        simple_table(
            results, "BM_Create/", ["std::mt19937", "pcg32"],
            "### Per-task creation: make a generator for a new task, draw 8 numbers\n\n"
            "Items are tasks."),
        contention_table(
            results, "BM_Contention/", "std::mt19937/mutex_shared",
            "### Contention: tasks of 64 draws on 1, 2, 4, 8 threads\n\n"
            "Draws per second of wall time, summed over threads; in brackets the ratio to\n"
            "the mutex-shared std::mt19937 at the same thread count. Threads beyond the\n"
            "core count time-share the cores."),
        pipeline_table(
            results, "BM_Pipeline/",
            "### Distribution pipelines: generator + distribution\n\n"
            "Items are variates; the baseline is `std::` distribution with\n"
            "`std::mt19937_64` (whose algorithms differ between standard libraries)."),
    ]
    for t in tables:
        if t:
            parts += ["", t]
    return "\n".join(parts) + "\n"


def distributions_report(opts):
    """The bench-distributions.sh table: cbrng against std:: (one
    distributions_bench JSON, rows <row>/<cbrng|std|cbrng_fill|cbrng_fill_prefetched>)
    and numpy (a {row: rate} JSON with numpy_version)."""
    with open(opts.json[0], encoding="utf-8") as f:
        bench = json.load(f)
    with open(opts.json[1], encoding="utf-8") as f:
        numpy = json.load(f)
    rates = {}
    for b in bench["benchmarks"]:
        row, lib = b["name"].rsplit("/", 1)
        rates.setdefault(row, {})[lib] = b["items_per_second"]
    print(f"Measured {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC on {cpu_model()} "
          f"({bench['context'].get('num_cpus')} vCPUs), {opts.compiler}, Release; "
          f"numpy {numpy['numpy_version']}; load average {opts.load_before} before, "
          f"{opts.load_after} after.")
    print()
    print(md_head("row", ">cbrng (M/s)", ">std:: (M/s)", ">numpy (M/s)", ">cbrng / std::",
                  ">cbrng / numpy"))

    def m(x):
        return f"{x / 1e6:.1f}"

    for row, r in rates.items():
        c, s, n = r.get("cbrng"), r.get("std"), numpy.get(row)
        print(f"| {row} | {m(c)} | {m(s)} | {m(n) if n else '-'} | {c / s:.2f} | "
              f"{f'{c / n:.2f}' if n else '-'} |")
        if "cbrng_fill" in r:
            f = r["cbrng_fill"]
            print(f"| {row} via cbrng::fill | {m(f)} | {m(s)} | {m(n) if n else '-'} | "
                  f"{f / s:.2f} | {(f / n) if n else float('nan'):.2f} |")
        if "cbrng_fill_prefetched" in r:  # uniform_int: the fill before its bulk path
            f = r["cbrng_fill_prefetched"]
            print(f"| {row} via one call per variate over prefetched words (before) | {m(f)} | "
                  f"{m(s)} | {m(n) if n else '-'} | {f / s:.2f} | "
                  f"{(f / n) if n else float('nan'):.2f} |")


def fill_report(opts):
    """The bench-fill.sh report, from fill_bench's JSON (best repetition of each
    benchmark) and the -O2 and -march=native variants' JSON where present."""
    path, cpu, compiler, cpuflags = opts.json[0], cpu_model(), opts.compiler, cpu_simd_flags()
    load_before, load_after, min_time, reps = opts.load_before, opts.load_after, opts.min_time, opts.reps
    o2_path, native_path = opts.o2, opts.native

    best, skipped = load_best(path)
    best_o2, _ = load_best(o2_path)
    best_native, _ = load_best(native_path)

    SMALL, LARGE = 65536, 268435456
    size_name = {SMALL: "64 KiB", LARGE: "256 MiB"}

    def rate_at(name, size):
        return best.get(f"{name}/{size}")

    def ran(name, size):
        return f"{name}/{size}" in best or f"{name}/{size}" in skipped

    def gbs(x):
        return "skipped: CPU lacks it" if x is None else f"{x / 1e9:.2f}"

    def fratio(a, b):
        return "" if a is None or b is None or b == 0 else f"{a / b:.2f}x"

    paths = ["scalar", "avx2", "avx512"]

    def cb(kind, gen, path):
        return f"BM_{kind}<{gen}, isa::{path}>"

    print("## cbrng::fill throughput\n")
    print(f"- CPU: {cpu} (SIMD: {cpuflags.strip() or 'none'})")
    print(f"- Compiler: {compiler}")
    print("- Flags: cbrng `-O3` (Release), no `-march`: its AVX2/AVX-512 paths are chosen at run time;"
          " baselines (Random123, std::) `-O3 -march=native` in their own translation unit")
    print(f"- Run: `fill_bench --benchmark_min_time={min_time} --benchmark_repetitions={reps}`, "
          f"best repetition; load average before {load_before}, after {load_after}")
    print("- Rates are GB/s of output written (1 GB = 10^9 bytes), from CPU time\n")

    checks = []

    def best_path(kind, gen, size):
        for p in reversed(paths):
            r = rate_at(cb(kind, gen, p), size)
            if r is not None:
                return p, r
        return None, None

    for size in (SMALL, LARGE):
        if not any(k.endswith(f"/{size}") for k in best):
            continue
        memset = rate_at("BM_Memset", size)
        print(f"### Raw words, {size_name[size]} buffer (memset: {gbs(memset)} GB/s)\n")
        print("| generator | path | GB/s | vs Random123 loop | vs memset |")
        print("|---|---|---:|---:|---:|")
        for gen, base, label in (("philox4x32_10", "BM_Random123Philox4x32", "Philox4x32-10"),
                                 ("threefry4x64_20", "BM_Random123Threefry4x64", "Threefry4x64-20")):
            r123 = rate_at(base, size)
            for p in paths:
                r = rate_at(cb("FillRaw", gen, p), size)
                if not ran(cb("FillRaw", gen, p), size):
                    continue
                print(f"| cbrng {label} | {p} | {gbs(r)} | {fratio(r, r123)} | {fratio(r, memset)} |")
            print(f"| Random123 {label} loop | -march=native | {gbs(r123)} | 1.00x | {fratio(r123, memset)} |")
        print()

    for kind, title, bases in (
        ("FillUniformDouble", "Uniform doubles [0, 1)",
         (("BM_Random123Philox4x32U01Double", "Random123 Philox4x32 + u01<double>"),
          ("BM_StdMt19937_64UniformDouble", "std::mt19937_64 + std::uniform_real_distribution"))),
        ("FillNormalDouble", "Normal doubles (0, 1)",
         (("BM_StdMt19937_64NormalDouble", "std::mt19937_64 + std::normal_distribution"),)),
    ):
        for size in (SMALL, LARGE):
            if not any(k.startswith(f"BM_{kind}") and k.endswith(f"/{size}") for k in best):
                continue
            print(f"### {title}, {size_name[size]} buffer\n")
            head = " | ".join(f"vs {label}" for _, label in bases)
            print(f"| generator | path | GB/s | {head} |")
            print("|---|---|---:|" + "---:|" * len(bases))
            base_rates = [rate_at(b, size) for b, _ in bases]
            for gen, label in (("philox4x32_10", "Philox4x32-10"), ("threefry4x64_20", "Threefry4x64-20")):
                for p in paths:
                    name = cb(kind, gen, p)
                    r = rate_at(name, size)
                    if not ran(name, size):
                        continue
                    cols = " | ".join(fratio(r, br) for br in base_rates)
                    print(f"| cbrng {label} stream | {p} | {gbs(r)} | {cols} |")
            for (b, label), br in zip(bases, base_rates):
                cols = " | ".join(fratio(br, x) for x in base_rates)
                print(f"| {label} | -march=native | {gbs(br)} | {cols} |")
            print()

    if best_o2 or best_native:
        print("### Build settings: the same benchmark source at -O2, -O3 and -O3 -march=native, "
              "64 KiB\n")
        print("Separate executables (fill_bench, fill_bench_o2, fill_bench_native) run one after "
              "the other; the ratio is the other build's rate over the -O3 build's.\n")
        print("| workload | generator | path | -O3 GB/s | -O2 GB/s | -O2 / -O3 | "
              "-O3 -march=native GB/s | native / -O3 |")
        print("|---|---|---|---:|---:|---:|---:|---:|")
        build_ratios = []
        for kind, label in (("FillRaw", "raw words"), ("FillUniformDouble", "uniform doubles"),
                            ("FillNormalDouble", "normal doubles")):
            for gen in ("philox4x32_10", "threefry4x64_20"):
                for p in paths:
                    name = f"{cb(kind, gen, p)}/{SMALL}"
                    r3 = best.get(name)
                    if r3 is None:
                        continue
                    r2, rn = best_o2.get(name), best_native.get(name)
                    if p != "scalar":
                        build_ratios += [(p, x / r3) for x in (r2, rn) if x]
                    print(f"| {label} | {gen} | {p} | {gbs(r3)} | {gbs(r2) if r2 else 'not run'} | "
                          f"{fratio(r2, r3)} | {gbs(rn) if rn else 'not run'} | {fratio(rn, r3)} |")
        print()

    threads = sorted({int(k.split("/")[1]) for k in best if k.startswith("BM_MemsetParallel/")})
    if threads:
        print("### Parallel fill, 256 MiB: cbrng::fill(cbrng::parallel{threads}, ...) against "
              "memset on as many threads\n")
        print("Rates from wall time (std::threads started per call, as the parallel fill starts "
              "them).\n")
        print("| threads | memset GB/s | raw Philox4x32-10 GB/s | raw / memset | "
              "normal doubles GB/s | normal / memset |")
        print("|---:|---:|---:|---:|---:|---:|")
        for t in threads:
            m = best.get(f"BM_MemsetParallel/{t}/real_time")
            r = best.get(f"BM_FillParallelRaw/{t}/real_time")
            nd = best.get(f"BM_FillParallelNormalDouble/{t}/real_time")
            print(f"| {t} | {gbs(m)} | {gbs(r)} | {fratio(r, m)} | {gbs(nd)} | {fratio(nd, m)} |")
        print()

    def check(desc, value, target):
        if value is None:
            checks.append(f"| {desc} | not measured | {target:.2f} | - |")
        else:
            checks.append(f"| {desc} | {value:.2f} | {target:.2f} | {'met' if value >= target else 'MISSED'} |")

    p, r = best_path("FillRaw", "philox4x32_10", SMALL)
    r123 = rate_at("BM_Random123Philox4x32", SMALL)
    if p == "avx512":
        check("Philox4x32-10 raw 64 KiB, avx512 / Random123", r / r123, 5.0)
    r2 = rate_at(cb("FillRaw", "philox4x32_10", "avx2"), SMALL)
    check("Philox4x32-10 raw 64 KiB, avx2 / Random123", r2 / r123 if r2 and r123 else None, 3.0)
    p, r = best_path("FillRaw", "philox4x32_10", LARGE)
    m = rate_at("BM_Memset", LARGE)
    check(f"Philox4x32-10 raw 256 MiB ({p}) / memset", r / m if r and m else None, 0.85)
    p, r = best_path("FillRaw", "threefry4x64_20", LARGE)
    check(f"Threefry4x64-20 raw 256 MiB ({p}) / memset", r / m if r and m else None, 0.85)
    p, r = best_path("FillRaw", "threefry4x64_20", SMALL)
    t123 = rate_at("BM_Random123Threefry4x64", SMALL)
    is_clang = "clang" in compiler.lower()
    check(f"Threefry4x64-20 raw 64 KiB ({p}) / Random123", r / t123 if r and t123 else None,
          1.0 if is_clang else 2.0)
    p, r = best_path("FillUniformDouble", "philox4x32_10", SMALL)
    u = rate_at("BM_Random123Philox4x32U01Double", SMALL)
    check(f"uniform doubles 64 KiB, Philox ({p}) / Random123 + u01", r / u if r and u else None, 4.0)
    p, r = best_path("FillNormalDouble", "philox4x32_10", SMALL)
    n = rate_at("BM_StdMt19937_64NormalDouble", SMALL)
    check(f"normal doubles 64 KiB, Philox ({p}) / std::normal + mt19937_64", r / n if r and n else None, 3.0)

    if best_o2 or best_native:
        # No build may lose more than 10% on a SIMD row; the path the dispatcher
        # picks on this CPU must also gain no more than 10% (a forced lower tier
        # may gain under -march=native: the compiler then uses the CPU's wider
        # instructions inside it, e.g. AVX-512VL rotates in the AVX2 kernel).
        top = max((p for p in paths if best.get(f"{cb('FillRaw', 'philox4x32_10', p)}/{SMALL}")),
                  key=paths.index, default=None)
        lo = min((x for _, x in build_ratios), default=None)
        top_r = [x for p, x in build_ratios if p == top]
        if lo is None:
            checks.append("| SIMD rows: no build below 0.9x of -O3 | not measured | 0.90 | - |")
        else:
            checks.append(f"| SIMD rows: lowest -O2 or -march=native rate / -O3 | {lo:.2f} | 0.90 | "
                          f"{'met' if lo >= 0.9 else 'MISSED'} |")
        if top_r:
            ok = min(top_r) >= 0.9 and max(top_r) <= 1.1
            checks.append(f"| dispatched path ({top}): -O2 and -march=native within 10% of -O3 "
                          f"(lowest, highest) | {min(top_r):.2f}, {max(top_r):.2f} | 0.90 - 1.10 | "
                          f"{'met' if ok else 'MISSED'} |")
    if threads:
        t = threads[-1]
        m = best.get(f"BM_MemsetParallel/{t}/real_time")
        r = best.get(f"BM_FillParallelRaw/{t}/real_time")
        check(f"parallel raw fill 256 MiB, {t} threads / memset on {t} threads",
              r / m if r and m else None, 0.85)

    print("### Targets\n")
    print("| target | ratio | needed | |")
    print("|---|---:|---:|---|")
    for c in checks:
        print(c)


def compare_report(argv):
    """Old and new builds of the same benchmarks, run alternately: one row per
    benchmark present in both, the best (lowest) CPU time per iteration over
    the rounds of each, and new's speed as a ratio to old's (> 1 is faster).
    The best, not the median: on a shared virtual machine interference only
    ever slows a run, and the same binary varied by up to 1.6x between
    rounds here, while the best of several rounds repeats within a few
    percent."""
    p = argparse.ArgumentParser(prog="bench_report.py compare")
    p.add_argument("--label", default="", help="the build's flags, for the table's title")
    p.add_argument("--old", nargs="+", required=True, help="old build's JSON, one per round")
    p.add_argument("--new", nargs="+", required=True, help="new build's JSON, one per round")
    opts = p.parse_args(argv)

    def times(paths):
        out = {}
        for path in paths:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
            for b in data.get("benchmarks", []):
                if b.get("run_type") == "aggregate" or b.get("error_occurred"):
                    continue
                out.setdefault(b["run_name"], []).append((b["cpu_time"], b.get("time_unit", "ns")))
        return out

    def median(xs):  # the best time, in the benchmark's own unit
        return min(t for t, _ in xs)

    old, new = times(opts.old), times(opts.new)
    names = [n for n in new if n in old]
    if not names:
        sys.exit("bench_report.py compare: no benchmark in both builds")
    print(f"{opts.label}: best of {len(opts.old)} rounds each, old and new alternately; "
          f"load average at the end {load_average()}\n")
    print(md_head("benchmark", ">old (CPU time/iter, best)", ">new", ">new speed / old"))
    worst = None
    for n in names:
        o, w = median(old[n]), median(new[n])
        r = o / w if w else float("nan")
        worst = r if worst is None or r < worst else worst
        unit = old[n][0][1]
        print(f"| {n} | {o:.1f} {unit} | {w:.1f} {unit} | {r:.3f}x |")
    print(f"\nslowest row: {worst:.3f}x; rows below 0.97x: "
          f"{sum(1 for n in names if median(old[n]) / median(new[n]) < 0.97)} of {len(names)}")


def sub_main(kind):
    """The fill, distributions and load subcommands."""
    if kind == "load":
        print(load_average())
        return
    p = argparse.ArgumentParser(prog=f"bench_report.py {kind}")
    p.add_argument("json", nargs="+", help="Google Benchmark JSON (distributions: then numpy's)")
    p.add_argument("--compiler", default="unknown")
    p.add_argument("--load-before", default="unknown")
    p.add_argument("--load-after", default="unknown")
    p.add_argument("--min-time", default="")
    p.add_argument("--reps", default="")
    p.add_argument("--o2", default="", help="fill: the -O2 variant's JSON")
    p.add_argument("--native", default="", help="fill: the -march=native variant's JSON")
    opts = p.parse_args(sys.argv[2:])
    (fill_report if kind == "fill" else distributions_report)(opts)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "compare":
        compare_report(sys.argv[2:])
        return
    if len(sys.argv) > 1 and sys.argv[1] in ("fill", "distributions", "load"):
        sub_main(sys.argv[1])
        return
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("json", nargs="+", help="Google Benchmark JSON result files")
    p.add_argument("--doc", help="Markdown file whose generated section to replace")
    p.add_argument("--cpu")
    p.add_argument("--machine")
    p.add_argument("--compiler")
    p.add_argument("--flags")
    p.add_argument("--benchmark-version")
    p.add_argument("--benchmark-args")
    p.add_argument("--load")
    p.add_argument("--date")
    args = p.parse_args()

    args.cpu = args.cpu or cpu_model()
    results, context = load(args.json)
    if not results:
        sys.exit("bench_report.py: no benchmark results in " + ", ".join(args.json))
    section = render(results, context, args)
    if not args.doc:
        sys.stdout.write(section)
        return
    try:
        with open(args.doc, encoding="utf-8") as f:
            doc = f.read()
    except FileNotFoundError:
        doc = ""
    block = f"{BEGIN}\n{section}{END}"
    if BEGIN in doc and END in doc and doc.index(BEGIN) < doc.index(END):
        doc = doc[:doc.index(BEGIN)] + block + doc[doc.index(END) + len(END):]
    else:
        doc = doc.rstrip("\n") + ("\n\n" if doc else "") + block + "\n"
    with open(args.doc, "w", encoding="utf-8") as f:
        f.write(doc)
    sys.stdout.write(section)


if __name__ == "__main__":
    main()
