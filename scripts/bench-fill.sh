#!/usr/bin/env bash
# Throughput of cbrng::fill against its baselines, as a Markdown report.
#   bash scripts/bench-fill.sh [> report.md]
# Builds benchmarks/fill_bench (Release, -O3; the Random123/std:: baselines in
# fill_baselines.cpp get -march=native, cbrng's code only the default flags)
# and the same source as fill_bench_o2 (-O2) and fill_bench_native (-O3
# -march=native) in its own build directory, runs them with short settings
# (the two variants on the 64 KiB cbrng rows only), and prints the machine,
# the compiler, a table per workload with the ratios to the baselines, the
# build-settings table (-O2 and -march=native against -O3), the parallel-fill
# table (1, 2, all threads against memset on as many threads), and the
# targets met or missed. Each rate is the best of the repetitions (least
# disturbed by other load on the machine).
# Environment:
#   CBRNG_FILL_BENCH_BUILD  build directory (default: build-fill-bench)
#   CBRNG_BENCH_CXX         C++ compiler (default: c++ as CMake finds it)
#   CBRNG_BENCH_MIN_TIME    seconds per repetition (default: 0.2)
#   CBRNG_BENCH_REPS        repetitions (default: 3)
#   CBRNG_BENCH_FILTER      benchmark filter regex (default: all)
#   CBRNG_FILL_BENCH_BIN    a fill_bench built elsewhere: run it and skip the
#                           set-up and the build (a machine with no network).
#                           Build it as the CMake target is built (fill_bench.cpp
#                           -O3 without -march, fill_baselines.cpp -O3
#                           -march=native): the report states those flags.
#                           The -O2 and -march=native variants are then run
#                           only if they sit next to it (fill_bench_o2,
#                           fill_bench_native)
#   CBRNG_BENCH_COMPILER    with CBRNG_FILL_BENCH_BIN: the compiler line to report
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

build=${CBRNG_FILL_BENCH_BUILD:-$root/build-fill-bench}
min_time=${CBRNG_BENCH_MIN_TIME:-0.2}
reps=${CBRNG_BENCH_REPS:-3}
filter=${CBRNG_BENCH_FILTER:-.}
jobs=$(nproc 2>/dev/null || echo 2)

cmake_args=(-S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release
  "-DCMAKE_CXX_FLAGS_RELEASE=-O3 -DNDEBUG" -DCBRNG_BUILD_BENCHMARKS=ON
  -DCBRNG_BUILD_TESTS=OFF -DCBRNG_BUILD_EXAMPLES=OFF -DCBRNG_BUILD_TOOLS=OFF
  -DCBRNG_BUILD_CUDA=OFF)
if [ -n "${CBRNG_BENCH_CXX:-}" ]; then cmake_args+=("-DCMAKE_CXX_COMPILER=$CBRNG_BENCH_CXX"); fi
if [ -n "${CBRNG_FILL_BENCH_BIN:-}" ]; then
  bin=$CBRNG_FILL_BENCH_BIN
  compiler=${CBRNG_BENCH_COMPILER:-"unknown (a fill_bench built elsewhere)"}
  mkdir -p "$build"
else
  bash scripts/deps.sh >&2
  cmake --no-warn-unused-cli "${cmake_args[@]}" >&2
  cmake --build "$build" -j "$jobs" --target fill_bench fill_bench_o2 fill_bench_native >&2
  bin=$build/benchmarks/fill_bench
  cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
  compiler="$("$cxx" --version | head -n 1)"
fi
cpu=$( (grep -m 1 'model name' /proc/cpuinfo 2>/dev/null || echo unknown) |
  sed 's/^model name[[:space:]]*:[[:space:]]*//')
flags=$(grep -o 'avx512f\|avx2' /proc/cpuinfo 2>/dev/null | sort -u | tr '\n' ' ' || true)
load_before=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown)

json="$build/fill_bench.json"
"$bin" --benchmark_min_time="$min_time" --benchmark_repetitions="$reps" \
  --benchmark_filter="$filter" --benchmark_out="$json" --benchmark_out_format=json >&2
# The -O2 and -O3 -march=native builds of the same source: cbrng's 64 KiB rows.
variant_filter='BM_Fill(Raw|UniformDouble|NormalDouble)<.*>/65536$'
for v in o2 native; do
  vbin="$(dirname "$bin")/fill_bench_$v"
  rm -f "$build/fill_bench_$v.json"
  if [ -x "$vbin" ]; then
    "$vbin" --benchmark_min_time="$min_time" --benchmark_repetitions="$reps" \
      --benchmark_filter="$variant_filter" --benchmark_out="$build/fill_bench_$v.json" \
      --benchmark_out_format=json >&2
  fi
done
load_after=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown)

python3 - "$json" "$cpu" "$compiler" "$flags" "$load_before" "$load_after" "$min_time" "$reps" \
  "$build/fill_bench_o2.json" "$build/fill_bench_native.json" <<'EOF'
import json
import os
import sys

path, cpu, compiler, cpuflags, load_before, load_after, min_time, reps, o2_path, native_path = \
    sys.argv[1:]


def load_best(p):
    best, skipped = {}, set()  # benchmark name -> best bytes/s over the repetitions
    if not os.path.exists(p):
        return best, skipped
    for b in json.load(open(p))["benchmarks"]:
        if b.get("run_type", "iteration") != "iteration":
            continue
        name = b.get("run_name", b["name"])
        if b.get("error_occurred"):
            skipped.add(name)
            continue
        rate = b.get("bytes_per_second")
        if rate is not None:
            best[name] = max(best.get(name, 0.0), rate)
    return best, skipped


best, skipped = load_best(path)
best_o2, _ = load_best(o2_path)
best_native, _ = load_best(native_path)

SMALL, LARGE = 65536, 268435456
size_name = {SMALL: "64 KiB", LARGE: "256 MiB"}


def rate(name, size):
    return best.get(f"{name}/{size}")


def ran(name, size):
    return f"{name}/{size}" in best or f"{name}/{size}" in skipped


def gbs(x):
    return "skipped: CPU lacks it" if x is None else f"{x / 1e9:.2f}"


def ratio(a, b):
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
        r = rate(cb(kind, gen, p), size)
        if r is not None:
            return p, r
    return None, None


for size in (SMALL, LARGE):
    if not any(k.endswith(f"/{size}") for k in best):
        continue
    memset = rate("BM_Memset", size)
    print(f"### Raw words, {size_name[size]} buffer (memset: {gbs(memset)} GB/s)\n")
    print("| generator | path | GB/s | vs Random123 loop | vs memset |")
    print("|---|---|---:|---:|---:|")
    for gen, base, label in (("philox4x32_10", "BM_Random123Philox4x32", "Philox4x32-10"),
                             ("threefry4x64_20", "BM_Random123Threefry4x64", "Threefry4x64-20")):
        r123 = rate(base, size)
        for p in paths:
            r = rate(cb("FillRaw", gen, p), size)
            if not ran(cb("FillRaw", gen, p), size):
                continue
            print(f"| cbrng {label} | {p} | {gbs(r)} | {ratio(r, r123)} | {ratio(r, memset)} |")
        print(f"| Random123 {label} loop | -march=native | {gbs(r123)} | 1.00x | {ratio(r123, memset)} |")
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
        base_rates = [rate(b, size) for b, _ in bases]
        for gen, label in (("philox4x32_10", "Philox4x32-10"), ("threefry4x64_20", "Threefry4x64-20")):
            for p in paths:
                name = cb(kind, gen, p)
                r = rate(name, size)
                if not ran(name, size):
                    continue
                cols = " | ".join(ratio(r, br) for br in base_rates)
                print(f"| cbrng {label} stream | {p} | {gbs(r)} | {cols} |")
        for (b, label), br in zip(bases, base_rates):
            cols = " | ".join(ratio(br, x) for x in base_rates)
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
                      f"{ratio(r2, r3)} | {gbs(rn) if rn else 'not run'} | {ratio(rn, r3)} |")
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
        print(f"| {t} | {gbs(m)} | {gbs(r)} | {ratio(r, m)} | {gbs(nd)} | {ratio(nd, m)} |")
    print()


def check(desc, value, target):
    if value is None:
        checks.append(f"| {desc} | not measured | {target:.2f} | - |")
    else:
        checks.append(f"| {desc} | {value:.2f} | {target:.2f} | {'met' if value >= target else 'MISSED'} |")


p, r = best_path("FillRaw", "philox4x32_10", SMALL)
r123 = rate("BM_Random123Philox4x32", SMALL)
if p == "avx512":
    check("Philox4x32-10 raw 64 KiB, avx512 / Random123", r / r123, 5.0)
r2 = rate(cb("FillRaw", "philox4x32_10", "avx2"), SMALL)
check("Philox4x32-10 raw 64 KiB, avx2 / Random123", r2 / r123 if r2 and r123 else None, 3.0)
p, r = best_path("FillRaw", "philox4x32_10", LARGE)
m = rate("BM_Memset", LARGE)
check(f"Philox4x32-10 raw 256 MiB ({p}) / memset", r / m if r and m else None, 0.85)
p, r = best_path("FillRaw", "threefry4x64_20", LARGE)
check(f"Threefry4x64-20 raw 256 MiB ({p}) / memset", r / m if r and m else None, 0.85)
p, r = best_path("FillRaw", "threefry4x64_20", SMALL)
t123 = rate("BM_Random123Threefry4x64", SMALL)
is_clang = "clang" in compiler.lower()
check(f"Threefry4x64-20 raw 64 KiB ({p}) / Random123", r / t123 if r and t123 else None,
      1.0 if is_clang else 2.0)
p, r = best_path("FillUniformDouble", "philox4x32_10", SMALL)
u = rate("BM_Random123Philox4x32U01Double", SMALL)
check(f"uniform doubles 64 KiB, Philox ({p}) / Random123 + u01", r / u if r and u else None, 4.0)
p, r = best_path("FillNormalDouble", "philox4x32_10", SMALL)
n = rate("BM_StdMt19937_64NormalDouble", SMALL)
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
EOF
