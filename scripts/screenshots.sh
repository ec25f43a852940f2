#!/usr/bin/env bash
# Renders the HTML review pack for fixtures/ningbo-2019 and every failing scenario, and takes a
# headless Chromium screenshot of each as a new user would (first 1280×2400 px of the page).
# Needs: a built hegui (swift build) and chromium (apt-get install chromium fonts-noto-cjk).
# Output: docs/screenshots/<name>.png
set -euo pipefail
cd "$(dirname "$0")/.."
hegui=${HEGUI:-.build/debug/hegui}
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

shoot() { # name records-folder [language]
  local name=$1 records=$2 lang=${3:-zh-CN} ledger="$work/$1.sqlite"
  # Two runs give the report a score trend and a ledger: a failing variant, then the clean year.
  "$hegui" check --records fixtures/scenarios/unsigned-contract --period 2019 --ledger "$ledger" \
    --profile fixtures/profiles/ningbo-2019.xml --today 2019-12-20 >/dev/null 2>&1 || true
  "$hegui" check --records "$records" --period 2019 --ledger "$ledger" \
    --profile fixtures/profiles/ningbo-2019.xml --today 2020-01-10 >/dev/null 2>&1 || true
  "$hegui" report --records "$records" --period 2019 --ledger "$ledger" \
    --profile fixtures/profiles/ningbo-2019.xml --today 2020-01-15 --lang "$lang" --output "$work/$name.html" || true
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2400 \
    --screenshot="$PWD/$out/$name.png" "file://$work/$name.html" >/dev/null 2>&1
  echo "$out/$name.png"
}

shoot ningbo-2019 fixtures/ningbo-2019
shoot ningbo-2019-en fixtures/ningbo-2019 en
for scenario in fixtures/scenarios/*/; do
  name=$(basename "$scenario")
  shoot "$name" "$scenario"
done
