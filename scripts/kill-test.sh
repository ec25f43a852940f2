#!/usr/bin/env bash
# Fault test: SIGKILLs a ledger writer at random moments, N times, and checks after each kill that
# `ledger verify` passes (chain, replayed tables) and every item the writer reported is stored.
#
#   scripts/kill-test.sh [KILLS]      default 100; needs `swift build` first
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-100}
hegui=$PWD/.build/debug/hegui
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ledger=$work/hegui.sqlite
"$hegui" inspect add --date 2024-04-01 --team 组 --scope 车间 --by 工会 --ledger "$ledger" --lang en >/dev/null
failures=0
for ((n = 1; n <= kills; n++)); do
  "$hegui" inspect bulk-add --patrol 1 --count 1000000 --by "writer$n" --ledger "$ledger" --lang en >"$work/out" 2>/dev/null &
  pid=$!
  # Somewhere between 20 ms and 400 ms in: inside a transaction, between two, or while committing.
  sleep "0.$(printf '%03d' $((RANDOM % 380 + 20)))"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if ! "$hegui" ledger verify --ledger "$ledger" --lang en >/dev/null 2>"$work/err"; then
    echo "kill $n: verify failed: $(cat "$work/err")"
    failures=$((failures + 1))
    continue
  fi
  # Every id the writer printed as committed (whole lines only) must be stored.
  stored=$(sqlite3 "$ledger" "SELECT id FROM rectification_items" | sort)
  missing=$(head -n -1 "$work/out" | sort | comm -23 - <(echo "$stored") | wc -l)
  if [ "$missing" -ne 0 ]; then
    echo "kill $n: $missing committed items missing"
    failures=$((failures + 1))
  fi
done
events=$(sqlite3 "$ledger" "SELECT COUNT(*) FROM events")
echo "$kills kills, $failures failures; $events events in the ledger, verify intact after every kill"
[ "$failures" -eq 0 ]
