#!/usr/bin/env bash
# The benchmark of docs/benchmarks.md, end to end: generate the data (cached in /tmp/bench/N),
# import it, classify, export the call list, open the desktop window offscreen on it, search,
# scroll, log calls; each figure with its wall time and peak memory. Prints a Markdown table.
#
#   cmake --preset bench && cmake --build --preset bench --target bench
#   tests/bench/run.sh [--sizes 10000,100000,1000000] [--build build/bench] [--data /tmp/bench]
#
# Needs /usr/bin/python3 with numpy (the generator), sqlite3 (the .import reference) and
# /usr/bin/time. Full details of every run land in DATA/N/logs/.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes=10000,100000,1000000
build=$root/build/bench
data=/tmp/bench
asof=2026-06-30
while [ $# -gt 0 ]; do
    case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --build) build=$(cd "$2" && pwd); shift 2 ;;
    --data) data=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
    esac
done
cli=$build/app/cli/tierdesk-cli
store_bench=$build/tests/bench/tierdesk_bench_store
desktop_bench=$build/tests/bench/tierdesk_bench_desktop
generator=$root/../shared/bench/gen_dataset.py
for tool in "$cli" "$store_bench" "$desktop_bench"; do
    [ -x "$tool" ] || { echo "missing $tool: cmake --build --preset bench --target bench" >&2; exit 2; }
done
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed for the .import reference" >&2; exit 2; }

results=$data/results.tsv
mkdir -p "$data"
: > "$results"

# timed NAME SIZE LOG COMMAND…: runs COMMAND under /usr/bin/time -v and records wall time and
# peak RSS as one line of the results.
timed() {
    local name=$1 size=$2 log=$3
    shift 3
    /usr/bin/time -v -o "$log.time" "$@" > "$log" 2>&1 || { echo "failed: $* (see $log)" >&2; return 1; }
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log.time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log.time")
    printf '%s\t%s\t%s\t%s\n' "$name" "$size" "$wall" "$rss" >> "$results"
}

IFS=, read -r -a list <<< "$sizes"
for n in "${list[@]}"; do
    dir=$data/$n
    logs=$dir/logs
    mkdir -p "$logs"
    echo "== $n customers" >&2
    if [ ! -s "$dir/calls.csv" ]; then
        timed "generate the data (gen_dataset.py)" "$n" "$logs/generate" \
            /usr/bin/python3 "$generator" --customers "$n" --seed 1 --out "$dir"
    fi

    # The reference: the sqlite3 shell's .import of the same files into plain tables.
    rm -f "$dir/shell.sqlite"
    printf '.mode csv\n.import %s/customers.csv customers\n.import %s/orders.csv orders\n.import %s/calls.csv calls\n' \
        "$dir" "$dir" "$dir" > "$logs/shell-import.sql"
    timed "sqlite3 shell .import (reference)" "$n" "$logs/shell-import" \
        sh -c "sqlite3 '$dir/shell.sqlite' < '$logs/shell-import.sql'"
    rm -f "$dir/shell.sqlite"

    db=$dir/tierdesk.sqlite
    rm -f "$db" "$db-wal" "$db-shm"
    timed "tierdesk-cli import (full validation)" "$n" "$logs/import" "$cli" --db "$db" import "$dir"
    # The window's first opening of the imported file: it classifies everyone (the first run
    # builds the history digests), then builds what the import left in the background.
    cp "$db" "$dir/first.sqlite"
    rm -f "$dir/first.sqlite-wal" "$dir/first.sqlite-shm"
    timed "desktop window, first opening after the import (whole session)" "$n" "$logs/desktop-first" \
        env QT_QPA_PLATFORM=offscreen TIERDESK_BENCH_DB="$dir/first.sqlite" TIERDESK_BENCH_AS_OF=$asof \
        "$desktop_bench" --json
    rm -f "$dir"/first.sqlite*
    # From 20,000 customers up the import leaves the search index and the index by company to build
    # afterwards (the window does it in the background): built here, so that what follows uses them.
    timed "tierdesk-cli index-search (the indexes after the import)" "$n" "$logs/index-search" \
        "$cli" --db "$db" index-search
    timed "tierdesk-cli classify, first run after the import" "$n" "$logs/classify-first" \
        "$cli" --db "$db" classify --as-of "$asof"
    "$cli" --db "$db" classify --as-of 2026-06-28 > "$logs/classify-prepare" 2>&1
    timed "tierdesk-cli classify, next day (2026-06-29)" "$n" "$logs/classify-daily" \
        "$cli" --db "$db" classify --as-of 2026-06-29
    timed "tierdesk-cli classify, the same day again" "$n" "$logs/classify-again" \
        "$cli" --db "$db" classify --as-of 2026-06-29
    # The call list: with the stored run of another day it classifies afresh; right after the
    # run of the day it reads the stored results (see io::writeDayCallList). Same file either way.
    timed "tierdesk-cli queue, stored run not current (fresh classification) → CSV" "$n" "$logs/queue-fresh" \
        "$cli" --db "$db" queue --as-of "$asof" --out "$dir/queue-fresh.csv"
    "$cli" --db "$db" classify --as-of "$asof" > "$logs/classify-final" 2>&1
    timed "tierdesk-cli queue, stored run current → CSV" "$n" "$logs/queue" \
        "$cli" --db "$db" queue --as-of "$asof" --out "$dir/queue.csv"
    cmp "$dir/queue.csv" "$dir/queue-fresh.csv" || { echo "the two call lists differ" >&2; exit 1; }

    # The store and the desktop window write (calls, classifications): on copies.
    cp "$db" "$dir/work.sqlite"
    rm -f "$dir/work.sqlite-wal" "$dir/work.sqlite-shm"
    TIERDESK_BENCH_DB=$dir/work.sqlite TIERDESK_BENCH_AS_OF=$asof \
        "$store_bench" --benchmark_format=json --benchmark_out="$logs/store.json" \
        --benchmark_out_format=json > "$logs/store.txt" 2>&1
    cp "$db" "$dir/desktop.sqlite"
    rm -f "$dir/desktop.sqlite-wal" "$dir/desktop.sqlite-shm"
    timed "desktop window, the whole session below" "$n" "$logs/desktop" \
        env QT_QPA_PLATFORM=offscreen TIERDESK_BENCH_DB="$dir/desktop.sqlite" TIERDESK_BENCH_AS_OF=$asof \
        "$desktop_bench" --json
    rm -f "$dir"/work.sqlite* "$dir"/desktop.sqlite*
done

/usr/bin/python3 - "$data" "$results" "${list[@]}" <<'EOF'
import json, re, sys
data, results, sizes = sys.argv[1], sys.argv[2], sys.argv[3:]

def seconds(wall):
    parts = [float(p) for p in wall.split(':')]
    s = 0.0
    for p in parts:
        s = s * 60 + p
    return s

def fmt_ms(ms):
    return f"{ms / 1000:.2f} s" if ms >= 1000 else (f"{ms:.1f} ms" if ms >= 10 else f"{ms:.2f} ms")

rows, order = {}, []
def put(name, size, text):
    if name not in rows:
        rows[name] = {}
        order.append(name)
    rows[name][size] = text

for line in open(results):
    name, size, wall, rss = line.rstrip('\n').split('\t')
    put(name, size, f"{fmt_ms(seconds(wall) * 1000)} · {int(rss) / 1024:.0f} MiB")

for size in sizes:
    try:
        store = json.load(open(f"{data}/{size}/logs/store.json"))
    except OSError:
        continue
    for b in store["benchmarks"]:
        unit = {"ms": 1, "us": 1e-3, "ns": 1e-6, "s": 1000}[b["time_unit"]]
        label = b.get("label", "")
        name = "store: " + re.sub(r"/iterations:\d+", "", b["name"]) + (f" ({label})" if label else "")
        rss = b.get("peak_rss_MiB")
        put(name, size, fmt_ms(b["real_time"] * unit) + (f" · {rss:.0f} MiB" if rss else ""))
    # The first opening: its session's peak, and the longest any step blocked the window.
    try:
        text = open(f"{data}/{size}/logs/desktop-first").read()
        first = json.loads(text[text.index('['):text.rindex(']') + 1])
    except (OSError, ValueError):
        first = []
    name = "desktop window, first opening after the import (whole session)"
    if first and size in rows.get(name, {}):
        wall = rows[name][size].split(" · ")[0]
        peak = max(s["peak_rss_mib"] for s in first)
        block = max(s["max_block_ms"] for s in first)
        put(name, size, f"{wall} · {peak:.0f} MiB (the steps' peak) · longest stall {fmt_ms(block)}")
    try:
        text = open(f"{data}/{size}/logs/desktop").read()
        steps = json.loads(text[text.index('['):text.rindex(']') + 1])
    except (OSError, ValueError):
        continue
    for s in steps:
        put("desktop: " + s["step"], size,
            f"{fmt_ms(s['ms'])} (max block {fmt_ms(s['max_block_ms'])}) · {s['rss_mib']:.0f} MiB")
    # The benchmark resets the kernel's high-water mark after each step (bench::takePeakRssMiB()),
    # so /usr/bin/time saw only the peak after the last reset: the session's peak is the steps'.
    session = "desktop window, the whole session below"
    if steps and size in rows.get(session, {}):
        wall = rows[session][size].split(" · ")[0]
        peak = max(s["peak_rss_mib"] for s in steps)
        put(session, size, f"{wall} · {peak:.0f} MiB (the steps' peak)")

print("| figure | " + " | ".join(f"{int(s):,} customers" for s in sizes) + " |")
print("|---|" + "---:|" * len(sizes))
for name in order:
    print(f"| {name} | " + " | ".join(rows[name].get(s, "") for s in sizes) + " |")
EOF
