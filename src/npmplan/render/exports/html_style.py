"""The HTML report's style sheet, inline in the page (no request leaves it): colour plus a
pattern per kind so it reads in greyscale, A4 landscape when printed, and a grid that
fits 1280 px without horizontal scrolling."""

CSS = """
:root{--ink:#1c2330;--muted:#5d6675;--line:#dde2ea;--soft:#f3f6fa;--navy:#12395c;
--now:#c2185b;--bad:#b3261e;--active:#2f6db3;--meet:#2e8b60;--prod:#f0b429}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;padding:18px 22px 28px;color:var(--ink);background:#fff;
font:12px/1.35 "Segoe UI","Helvetica Neue",Arial,"Liberation Sans",sans-serif}
h1{margin:2px 0 4px;font-size:24px;color:var(--navy);letter-spacing:-.01em}
h2{margin:0 0 6px;font-size:16px;color:var(--navy)}
h3{margin:0 0 4px;font-size:13px}
header{display:flex;justify-content:space-between;align-items:flex-end;gap:24px;
border-bottom:3px solid var(--navy);padding-bottom:10px;margin-bottom:14px}
.org{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:11px;color:var(--muted)}
.meta{margin:0;color:var(--muted)}
.figures{display:flex;gap:8px;flex:none}
.fig{border:1px solid var(--line);border-radius:6px;padding:5px 10px;min-width:84px;
background:var(--soft)}
.fig b{display:block;font-size:20px;line-height:1.1;color:var(--navy)}
.fig span{color:var(--muted);font-size:11px;white-space:nowrap}
.fig.bad b{color:var(--bad)}
.legend{display:flex;flex-wrap:wrap;gap:4px 18px;margin:0 0 8px;color:var(--muted)}
.key{display:inline-flex;align-items:center;gap:6px}
.sw{display:inline-block;width:26px;height:12px;border-radius:2px}
.sw.nowkey{background:#fff;box-shadow:inset 3px 0 0 var(--now),inset -3px 0 0 var(--now),
inset 0 0 0 1px var(--line)}
.muted{color:var(--muted)}
.k-active{background:var(--active)}
.k-meetings{background:repeating-linear-gradient(135deg,var(--meet) 0 3px,#b9e3cc 3px 6px)}
.k-production{background:radial-gradient(circle,#6b4a00 1.1px,transparent 1.5px) 0 0/5px 5px,
var(--prod)}
table.grid{width:100%;table-layout:fixed;border-collapse:separate;border-spacing:0;
font-size:11.5px}
col.c-id{width:3.3em}col.c-label{width:20em}col.c-date{width:5.4em}col.c-total{width:4.4em}
.grid th,.grid td{height:21px;padding:0 5px;white-space:nowrap;overflow:hidden;
text-overflow:ellipsis;border-bottom:1px solid #eef1f5}
.grid thead th{color:var(--muted);font-weight:600;text-align:center;
border-bottom:1px solid var(--ink)}
.grid thead tr.years th{border-bottom:0;height:16px;text-align:left;color:var(--ink);
border-left:1px solid var(--line)}
.grid thead tr.years th:first-child,.grid thead tr.years th:last-child{border-left:0}
.grid th.label,.grid td.label{text-align:left}
.grid thead th.now{background:var(--now);color:#fff;border-radius:3px 3px 0 0}
.grid td.id{color:var(--muted);font-variant-numeric:tabular-nums}
.grid td.date{color:var(--muted);text-align:center}
.grid td.total{text-align:right;font-weight:600;font-variant-numeric:tabular-nums}
.grid td.date,.grid td.total,.grid tfoot td{text-overflow:clip}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;
clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
h1,h2,h3,.sub{break-after:avoid}
.grid td.m{padding:0;text-align:center;border-left:1px solid rgba(255,255,255,.6);
border-top:3px solid #fff;border-bottom:3px solid #fff;background-clip:padding-box}
.grid td.m:not([class*=k-]){border-left:1px solid #edf0f4}
.grid td.now{box-shadow:inset 2px 0 0 var(--now),inset -2px 0 0 var(--now)}
.grid tr.so th{text-align:left;color:var(--navy);background:var(--soft);font-weight:700;
padding-top:3px;border-top:1px solid var(--line);border-bottom:1px solid var(--line)}
.ms{display:inline-block;background:#fff;color:var(--ink);border-radius:3px;padding:0 3px;
font-size:10px;line-height:13px;font-weight:700;box-shadow:0 0 0 1px rgba(0,0,0,.28)}
.grid tfoot td,.grid tfoot th{border-top:2px solid var(--ink);font-weight:700;height:24px}
.grid tfoot td.m{background:var(--soft);border-top:2px solid var(--ink);border-bottom:0}
.grid tfoot td.over{background:#fde2e1;color:var(--bad)}
.over{color:var(--bad)}
.sheet2{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,7fr);gap:22px;
margin-top:22px}
.chart{position:sticky;top:10px;align-self:start}
.sub{margin:-4px 0 10px;color:var(--muted)}
.plot{position:relative;height:210px;margin:22px 0 26px 26px}
.gl{position:absolute;left:0;right:0;border-top:1px solid #e6e9ef}
.gl span{position:absolute;left:-26px;top:-8px;width:20px;text-align:right;font-size:10px;
color:var(--muted)}
.cap{position:absolute;left:0;right:0;border-top:2px dashed var(--bad);z-index:2}
.cap span{position:absolute;right:0;top:-16px;color:var(--bad);font-size:10px;
font-weight:700;background:#fff;padding:0 3px}
.bars{position:absolute;inset:0;display:flex;gap:7px;align-items:flex-end;padding:0 4px}
.bar{flex:1;height:100%;display:flex;flex-direction:column;justify-content:flex-end;
position:relative}
.stack{position:relative;display:flex;flex-direction:column-reverse;border-radius:3px 3px 0 0;
box-shadow:0 0 0 1px rgba(0,0,0,.12)}
.stack i{display:block}
.bar .n{position:absolute;top:-17px;left:0;right:0;text-align:center;font-weight:700;
font-size:11px}
.bar .mo{position:absolute;bottom:-19px;left:-4px;right:-4px;text-align:center;
color:var(--muted);font-size:10.5px;white-space:nowrap}
.bar.now .mo{color:#fff;background:var(--now);border-radius:3px;font-weight:700}
.cards{columns:2;column-gap:10px}
.card{border:1px solid var(--line);border-left:4px solid var(--line);border-radius:6px;
padding:7px 10px;margin:0 0 10px;break-inside:avoid}
.card.late{border-left-color:var(--bad)}.card.late h3{color:var(--bad)}
.card.due{border-left-color:var(--prod)}
.count{display:inline-block;min-width:20px;padding:0 6px;border-radius:9px;
background:var(--soft);color:var(--muted);font-size:11px;text-align:center}
.card ul{list-style:none;margin:0;padding:0}
.card li{display:grid;grid-template-columns:2.8em minmax(0,1fr) auto;gap:6px;padding:3px 0;
border-top:1px dotted var(--line)}
.card li.none{display:block;color:var(--muted)}
.oid{color:var(--muted);font-variant-numeric:tabular-nums}
.when{color:var(--muted);white-space:nowrap}
.tag{display:inline-block;border-radius:3px;padding:0 4px;background:var(--soft);
font-size:10.5px;color:var(--ink);border:1px solid var(--line)}
.card.late .tag{background:#fde2e1;color:var(--bad);border-color:#f3b7b3}
table.split{width:100%;table-layout:fixed;border-collapse:collapse;font-size:10.5px;
font-variant-numeric:tabular-nums}
.split th,.split td{padding:2px 3px;text-align:center;border-bottom:1px solid #eef1f5;
white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
col.c-kind{width:7.5em}
.split th[scope=row]{text-align:left;font-weight:400}
.split th[scope=row] .sw{width:14px;height:10px;margin-right:5px;vertical-align:-1px}
.split thead th{color:var(--muted);font-weight:600}
.split thead th.now{color:var(--now)}
.split tr.sum th,.split tr.sum td{font-weight:700;border-top:1px solid var(--ink)}
.split td.over{color:var(--bad);background:#fde2e1}
footer{margin-top:18px;color:var(--muted);font-size:10.5px;border-top:1px solid var(--line);
padding-top:6px}
@page{size:A4 landscape;margin:9mm}
@media print{
body{padding:0;font-size:9.5px}
h1{font-size:18px}
header{padding-bottom:6px;margin-bottom:8px}
.fig b{font-size:15px}
table.grid{font-size:9px}
.grid th,.grid td{height:15px;padding:0 3px}
.yr{display:none}
.grid td.m{border-top-width:2px;border-bottom-width:2px}
.ms{font-size:8px;line-height:10px}
.sheet2{break-before:page;margin-top:0;display:block}
.chart{position:static}
.plot{height:150px;margin:18px 0 22px 26px}
.due{margin-top:10px}
.cards{columns:3}
.card{padding:5px 8px;margin-bottom:7px}
.grid td.label,.grid tr.so th{white-space:normal;text-overflow:clip;line-height:1.15}
.card{break-inside:auto}
.card li,.grid tr,footer{break-inside:avoid}
col.c-kind{width:9em}
}
"""
