#!/usr/bin/env bash
# Prints the HTML review pack as a city review receives it: headless Chromium prints it to an A4 PDF
# (cover, items to fix first, packs, the ledger on landscape pages, sign-off, appendix; page numbers
# in the margin), and pdftoppm renders every page to docs/screenshots/print-<name>-<page>.png.
# Needs: a built hegui (swift build), chromium, poppler-utils and fonts-noto-cjk (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/.."
hegui=${HEGUI:-.build/debug/hegui}
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
profile=fixtures/profiles/ningbo-2019.xml

print_pack() { # name records-folder
  local name=$1 records=$2 ledger="$work/$1.sqlite"
  # A failing run, patrol issues of the year, then the run the pack reports.
  "$hegui" check --records fixtures/scenarios/unsigned-contract --period 2019 --ledger "$ledger" \
    --profile "$profile" --today 2019-12-20 >/dev/null 2>&1 || true
  "$hegui" inspect add --date 2019-06-10 --team 第一巡视组 --scope 卷包车间 --by 工会办 --ledger "$ledger" >/dev/null
  "$hegui" inspect issue --patrol 1 --location 卷包车间 --description 消防通道堆放物料，影响紧急疏散 --category 安全 \
    --grade 一般 --department 安全环保部 --responsible 李明 --deadline 2019-07-10 --by 王代表 --ledger "$ledger" >/dev/null
  "$hegui" inspect issue --patrol 1 --location 制丝车间二楼配电房 --description 配电箱未上锁，警示标识缺失 --category 安全 \
    --grade 一般 --department 设备动力部 --responsible 赵强 --deadline 2020-02-28 --by 王代表 --ledger "$ledger" >/dev/null
  "$hegui" check --records "$records" --period 2019 --ledger "$ledger" \
    --profile "$profile" --today 2020-01-10 >/dev/null 2>&1 || true
  "$hegui" report --records "$records" --period 2019 --ledger "$ledger" \
    --profile "$profile" --today 2020-01-15 --output "$work/$name.html" || true
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$work/$name.pdf" \
    "file://$work/$name.html" >/dev/null 2>&1
  rm -f "$out/print-$name"-*.png
  pdftoppm -png -r 50 "$work/$name.pdf" "$out/print-$name"
  ls "$out/print-$name"-*.png
}

print_pack ningbo-2019 fixtures/ningbo-2019
print_pack overtime-37h fixtures/scenarios/overtime-37h
