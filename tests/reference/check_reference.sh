#!/usr/bin/env bash
# Cross-checks `tierdesk-cli classify --out` against the independent Python reference of the
# spec on generated data, at several as-of dates (before, at and after the data's end).
# usage: check_reference.sh TIERDESK_CLI SHARED_DIR [CUSTOMERS] [SEED]
set -euo pipefail
cli=$1
shared=$2
customers=${3:-3000}
seed=${4:-11}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 "$shared/bench/gen_dataset.py" --customers "$customers" --seed "$seed" --out "$work/data" 2>/dev/null
"$cli" --db "$work/db.sqlite" import "$work/data" >/dev/null
status=0
for asof in 2026-06-30 2026-01-15 2025-09-30 2026-07-31; do
    "$cli" --db "$work/db.sqlite" classify --as-of "$asof" --out "$work/actual-$asof.csv" 2>/dev/null
    /usr/bin/python3 "$here/classify_reference.py" "$work/data" --as-of "$asof" --out "$work/expected-$asof.csv"
    echo "== as of $asof"
    if ! /usr/bin/python3 "$here/compare_classification.py" "$work/expected-$asof.csv" "$work/actual-$asof.csv"; then
        status=1
    fi
done
exit $status
