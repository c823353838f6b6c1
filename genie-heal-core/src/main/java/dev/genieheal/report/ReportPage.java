package dev.genieheal.report;

/** The report's inline style sheet: the page needs no external CSS, fonts or images. Not API. */
final class ReportPage {
  private ReportPage() {}

  /**
   * Forbids every fetch and every script, whatever text ends up in the page: defence in depth behind the escaping.
   * Inline styles stay allowed.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
      + "base-uri 'none'; form-action 'none'";

  static final String CSS = """
      :root{--bg:#f3f4f6;--card:#fff;--ink:#111827;--muted:#6b7280;--line:#e5e7eb;--pass:#15803d;--pass-bg:#dcfce7;\
      --fail:#b91c1c;--fail-bg:#fee2e2;--warn:#b45309;--warn-bg:#fef3c7;--info:#1d4ed8;--info-bg:#dbeafe;\
      --tuning:#2563eb;--held:#d97706;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
      *{box-sizing:border-box}
      body{margin:0;background:var(--bg);color:var(--ink);\
      font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
      header.top{background:#111827;color:#f9fafb;padding:22px 32px;display:flex;gap:24px;align-items:center;\
      justify-content:space-between;flex-wrap:wrap}
      header.top h1{margin:0;font-size:22px;font-weight:650;letter-spacing:-.01em}
      header.top .sub{color:#9ca3af;font-size:13px;margin-top:4px}
      header.top .sub code{color:#e5e7eb;background:rgba(255,255,255,.12)}
      nav.toc{background:#1f2937;padding:8px 32px;display:flex;gap:18px;flex-wrap:wrap}
      nav.toc a{color:#d1d5db;text-decoration:none;font-size:13px}
      nav.toc a:hover{color:#fff}
      main{max-width:1320px;margin:0 auto;padding:24px 32px 48px}
      section.card,div.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:20px 24px;\
      margin-bottom:20px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
      h2{font-size:16px;margin:0 0 4px;font-weight:650}
      h3{font-size:14px;margin:20px 0 8px;font-weight:650}
      p.hint{color:var(--muted);margin:0 0 14px;font-size:13px}
      .grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:20px;margin-bottom:20px}
      .grid2>.card{margin-bottom:0}
      .kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(215px,1fr));gap:12px;margin:14px 0}
      .kpi{border:1px solid var(--line);border-radius:10px;padding:12px 14px;background:#fafafa}
      .kpi .label{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
      .kpi .value{font-size:24px;font-weight:700;margin-top:2px;white-space:nowrap}
      .kpi .value .arrow{color:var(--muted);font-weight:400;margin:0 4px}
      .kpi .detail{font-size:12px;color:var(--muted)}
      .up{color:var(--pass)!important}.down{color:var(--fail)!important}
      .status{display:inline-block;padding:5px 12px;border-radius:999px;font-weight:650;font-size:13px;\
      letter-spacing:.03em;white-space:nowrap}
      .status.good{background:var(--pass-bg);color:var(--pass)}.status.bad{background:var(--fail-bg);color:var(--fail)}
      .status.neutral{background:var(--warn-bg);color:var(--warn)}
      .status.running{background:var(--info-bg);color:var(--info)}
      .stop-reason{margin:0;padding:10px 14px;border-left:4px solid var(--line);background:#f9fafb;border-radius:6px}
      .legend{display:flex;flex-wrap:wrap;gap:14px;font-size:12px;color:#374151;margin:6px 0 4px}
      .legend span{display:inline-flex;align-items:center;gap:6px}
      .legend i{display:inline-block;width:12px;height:12px;border-radius:3px}
      .legend i.line{height:3px;width:18px;border-radius:2px}
      .legend i.dash{height:0;width:18px;border-top:2px dashed var(--pass);border-radius:0}
      .legend i.ring{width:12px;height:12px;border:2px solid #dc2626;border-radius:50%;background:none}
      svg.chart{width:100%;height:auto;display:block}
      svg .grid{stroke:#eef0f3;stroke-width:1}svg .axis{stroke:#9ca3af;stroke-width:1}
      svg .tick{fill:#6b7280;font-size:13px}svg .axis-title{fill:#374151;font-size:14px;font-weight:600}
      svg .value{font-size:13px;font-weight:650;fill:#374151}svg .target-label{font-size:12px;font-weight:600}
      svg .empty{fill:#9ca3af;font-size:13px}
      table{border-collapse:collapse;width:100%;font-size:13px}
      th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
      th{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:600;\
      background:#fafafa}
      td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
      th.key{text-transform:none;letter-spacing:0;font-size:12px;color:#374151;font-family:var(--mono);width:220px}
      tr.total td{font-weight:650;border-top:2px solid var(--line)}
      code,pre{font-family:var(--mono);font-size:12px}
      code{background:#f3f4f6;padding:1px 5px;border-radius:4px;word-break:break-all}
      .scroll{overflow-x:auto;border:1px solid var(--line);border-radius:8px}
      table.matrix{width:auto;min-width:100%}
      table.matrix th,table.matrix td{border-bottom:1px solid #f0f1f3;padding:3px 6px}
      table.matrix td.q{max-width:460px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
      table.matrix td.id{font-family:var(--mono);font-size:11px;color:var(--muted);white-space:nowrap;\
      max-width:140px;overflow:hidden;text-overflow:ellipsis}
      table.matrix th.it{text-align:center;min-width:34px}
      table.matrix th.it.rb{color:#dc2626}
      table.matrix td.cell{text-align:center;font-weight:700;width:34px;cursor:default}
      td.cell.pass{background:var(--pass-bg);color:var(--pass)}td.cell.fail{background:var(--fail-bg);color:var(--fail)}
      td.cell.none{color:#d1d5db}
      td.cell.partial{font-size:10px}
      tr.set-start td{border-top:2px solid #d1d5db}
      tr.sum td{font-weight:650;background:#fafafa;text-align:center}
      .badge{display:inline-block;font-size:11px;padding:1px 8px;border-radius:999px;font-weight:600;\
      white-space:nowrap;vertical-align:middle}
      .badge.tuning{background:var(--info-bg);color:var(--info)}
      .badge.held-out{background:var(--warn-bg);color:var(--warn)}
      .badge.kept{background:var(--pass-bg);color:var(--pass)}
      .badge.rolled-back{background:var(--fail-bg);color:var(--fail)}
      .badge.pending,.badge.dry-run,.badge.not-scored{background:#e5e7eb;color:#374151}
      .badge.type{background:#ede9fe;color:#5b21b6;font-family:var(--mono)}
      .badge.noop{background:#f3f4f6;color:var(--muted)}
      article.fix{border:1px solid var(--line);border-radius:10px;padding:12px 16px;margin:12px 0;\
      border-left:4px solid var(--pass)}
      article.fix.rolled-back{border-left-color:#dc2626;background:#fffafa}
      article.fix.pending,article.fix.dry-run,article.fix.not-scored{border-left-color:#9ca3af}
      .fix-head{display:flex;gap:10px;align-items:center;flex-wrap:wrap}
      .fix-head .iter{font-weight:650}
      .fix .reason{margin:8px 0 6px}
      .fix .meta{font-size:12px;color:var(--muted);display:flex;gap:16px;flex-wrap:wrap}
      .diff{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin-top:10px}
      .side{min-width:0}
      .side-title{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin-bottom:4px}
      .side pre{margin:0;background:#f9fafb;border:1px solid var(--line);border-radius:6px;padding:8px 0;\
      overflow-x:auto;max-height:360px}
      .side pre span{display:block;padding:0 10px;white-space:pre}
      .side.before pre span.chg{background:#fee2e2}.side.after pre span.chg{background:#dcfce7}
      .side pre em{color:var(--muted);padding:0 10px;font-style:italic}
      details summary{cursor:pointer;color:var(--info);font-size:12px}
      details pre{white-space:pre-wrap;word-break:break-word;background:#f9fafb;border:1px solid var(--line);\
      border-radius:6px;padding:8px;margin:6px 0 0;max-height:300px;overflow:auto}
      .bar-cell{display:flex;align-items:center;gap:8px}
      .bar-cell .bar{height:8px;background:#93c5fd;border-radius:4px;min-width:2px}
      .empty-note{color:var(--muted);font-style:italic;margin:8px 0}
      footer{color:var(--muted);font-size:12px;text-align:center;padding:0 0 32px}
      @media print{nav.toc{display:none}body{background:#fff}.card{box-shadow:none}}
      """;
}
