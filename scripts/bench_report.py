#!/usr/bin/env python3
"""Turns Google Benchmark JSON from cbrng's benchmark suite into Markdown.

    python3 scripts/bench_report.py --doc docs/performance.md \\
        --compiler "g++ 12.2.0" --flags "-O3 -DNDEBUG" RESULTS.json...

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


def main():
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
