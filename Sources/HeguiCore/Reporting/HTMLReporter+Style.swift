extension HTMLReporter {
    /// The page's styles; no `<` or `&`, so the markup stays well-formed XML.
    static let css = """
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
          color: #1f2328; margin: 24px auto; max-width: 1000px; padding: 0 16px; line-height: 1.5; }
        h1 { font-size: 1.6em; margin-bottom: 0.3em; }
        h2 { border-bottom: 2px solid #d0d7de; padding-bottom: 4px; margin-top: 1.6em; }
        h2 .code { font-size: 0.6em; color: #57606a; font-weight: normal; }
        code { font-family: "Noto Sans Mono CJK SC", "Sarasa Mono SC", monospace; font-size: 0.9em; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
        dl.meta dt { color: #57606a; }
        dl.meta dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.92em; }
        caption { text-align: left; font-weight: bold; padding: 4px 0; }
        th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        td.num { text-align: right; white-space: nowrap; }
        tr.detail td { background: #fbfbfc; border-top: none; }
        table.evidence { width: auto; margin: 4px 0; font-size: 0.9em; }
        table.evidence th, table.evidence td { padding: 2px 6px; }
        td.more { color: #57606a; font-style: italic; }
        .badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 0.85em; color: #fff;
          background: #6e7781; white-space: nowrap; }
        .badge.pass { background: #1a7f37; }
        .badge.fail { background: #cf222e; }
        .badge.error, .badge.unattested { background: #9a6700; }
        .badge.notApplicable { background: #8c959f; }
        .badge.notSelected { background: #8c959f; }
        .badge.waived { background: #0969da; }
        p.score { font-size: 1.1em; }
        p.warn { color: #9a6700; }
        p.fail { color: #cf222e; font-weight: bold; }
        p.ok { color: #1a7f37; }
        p.message { margin: 2px 0; }
        .veto { border: 2px solid #cf222e; background: #ffebe9; padding: 4px 12px; margin: 8px 0; border-radius: 6px; }
        .veto.error { border-color: #9a6700; background: #fff8c5; }
        .veto h4 { color: #cf222e; margin: 4px 0; }
        .veto.error h4 { color: #9a6700; }
        ol.gap .gain { color: #1a7f37; font-weight: bold; }
        svg text { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-size: 12px;
          fill: #1f2328; }
        .bar-max { fill: #eaeef2; }
        .bar-score.full { fill: #1a7f37; }
        .bar-score.part { fill: #4ac26b; }
        .bar-score.low { fill: #cf222e; }
        .minimum { stroke: #1f2328; stroke-width: 2; stroke-dasharray: 3 2; }
        .grid { stroke: #d0d7de; stroke-width: 1; }
        .line { fill: none; stroke-width: 2.5; }
        .dot { fill: #fff; stroke-width: 2; }
        .series-0 { stroke: #0969da; }
        .series-1 { stroke: #bf3989; }
        .series-2 { stroke: #1a7f37; }
        .series-3 { stroke: #9a6700; }
        .series-4 { stroke: #8250df; }
        .series-5 { stroke: #cf222e; }
        tr.overdue td { background: #ffebe9; }
        tr.status-verified td { color: #57606a; }
        tr.status-disputed td { background: #fff8c5; }
        header.cover .enterprise { font-size: 1.3em; margin: 0 0 0.6em; }
        table.priorities td:nth-child(1), table.priorities td:nth-child(3) { white-space: nowrap; }
        table.signatures { width: 100%; margin-top: 12px; }
        table.signatures th { width: 18%; background: none; font-weight: normal; white-space: nowrap; }
        table.signatures td { height: 3.2em; }
        table.signatures td.seal { height: 6em; }
        table.items td, table.items th { word-break: keep-all; overflow-wrap: anywhere; }
        table.items td:nth-child(1), table.items td:nth-child(2), table.items td:nth-child(5), table.items td:nth-child(6),
        table.items td:nth-child(7), table.items td:nth-child(8), table.items td:nth-child(9), table.items td:nth-child(10),
        table.items td:nth-child(11), table.items th { white-space: nowrap; }
        * { box-sizing: border-box; }
        td code, td small { overflow-wrap: anywhere; }
        @page { size: A4; margin: 15mm; }
        @page { margin-bottom: 18mm;
          @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #57606a; } }
        @page landscape { size: A4 landscape; margin: 12mm 12mm 16mm;
          @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #57606a; } }
        @media print {
          body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
          header.cover { break-after: page; padding-top: 50mm; text-align: center; }
          header.cover h1 { font-size: 24pt; }
          header.cover dl.meta { width: max-content; max-width: 100%; margin: 12mm auto; text-align: left; }
          header.cover table.packs { margin-top: 10mm; text-align: left; }
          section.ledger { page: landscape; page-break-before: always; }
          section.signatures { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
          table { width: 100%; }
          thead { display: table-header-group; }
          tr { page-break-inside: avoid; }
          .veto, svg { break-inside: avoid; }
          svg { max-width: 100%; height: auto; }
        }

        """
}
