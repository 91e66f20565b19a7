#!/usr/bin/env bash
# The README's two commands.
#   bash packaging/dev.sh run   installs what is missing, builds, creates a demo database in the
#                               user's data folder on first run, and opens it
#   bash packaging/dev.sh test  installs what is missing, builds with ASan + UBSan, runs every test,
#                               then fuzzes the CSV reader for 20 seconds (clang, libFuzzer)
#   bash packaging/dev.sh screenshots
#                               retakes docs/screenshots from a fixed demo, under Xvfb
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

jobs=$(nproc 2>/dev/null || echo 2)

case "${1:-}" in
run)
    bash packaging/install-deps.sh
    cmake --preset release >/dev/null
    cmake --build --preset release -j "$jobs"
    cli=build/release/app/cli/tierdesk-cli
    app=build/release/app/desktop/tierdesk
    # First run: a demo database in the user's data folder (kept on later runs).
    "$cli" demo --customers 5000 --if-missing
    if [ -x "$app" ]; then
        if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
            echo "No display: starting TierDesk under xvfb-run (nothing will be visible)." >&2
            exec xvfb-run -a "$app"
        fi
        exec "$app"
    fi
    "$cli" classify
    "$cli" queue --out - --plain | head -n 21
    ;;
test)
    bash packaging/install-deps.sh
    cmake --preset debug >/dev/null
    cmake --build --preset debug -j "$jobs"
    ctest --preset debug -j "$jobs"
    cmake --preset fuzz >/dev/null && cmake --build --preset fuzz -j "$jobs" && ctest --preset fuzz
    ;;
screenshots)
    bash packaging/install-deps.sh
    cmake --preset release >/dev/null
    cmake --build --preset release -j "$jobs" --target tierdesk-cli tierdesk_screenshots
    # A fixed demo and day (a Monday), so that the pictures change only when the app does.
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    build/release/app/cli/tierdesk-cli --db "$work/tierdesk.sqlite" demo --customers 5000 --seed 1 \
        --as-of 2026-11-23
    for lang in zh_CN en; do
        xvfb-run -a -s "-screen 0 1600x1000x24" build/release/tests/ui/tierdesk_screenshots \
            --db "$work/tierdesk.sqlite" --as-of 2026-11-23 --lang "$lang" --out docs/screenshots
    done
    ;;
*)
    echo "usage: bash packaging/dev.sh run|test|screenshots" >&2
    exit 64
    ;;
esac
