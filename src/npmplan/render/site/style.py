"""The site's one style sheet (``style.css``): GOV.UK Design System patterns where they fit
(skip link, breadcrumbs, summary lists, tables, tags that carry their word), a generic
header with no crown or logotype, the system font, and a print style that shows every item
in full."""

TAGS = {  # GOV.UK tag colours: dark text on a light fill, well over 4.5:1
    "red": ("#8c1c13", "#f6d7d2"), "amber": ("#6e3619", "#fcd6c3"),
    "green": ("#005a30", "#cce2d8"), "complete": ("#0c2d4a", "#bbd4ea"),
    "grey": ("#383f43", "#e5e6e7"), "late": ("#8c1c13", "#f6d7d2"),
}
KINDS = {"active": ("#1d70b8", "#fff"), "meetings": ("#00703c", "#fff"),
         "production": ("#f47738", "#0b0c0c")}  # (fill, ink): 4.5:1 or more

CSS = """*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:#0b0c0c;background:#fff;
font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
overflow-wrap:break-word}
a{color:#1d70b8;text-decoration:underline;text-underline-offset:.1em}
a:visited{color:#4c2c92}
a:hover{color:#003078}
a:focus{outline:3px solid transparent;color:#0b0c0c;background:#fd0;
box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}
.skip{position:absolute;left:-9999px;top:0;padding:.5rem 1rem;background:#fd0;color:#0b0c0c}
.skip:focus{left:0;z-index:10}
.header{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8}
.header .wrap{padding:.75rem 1rem}
.header a,.header a:visited{color:#fff;font-weight:700;font-size:1.2rem;text-decoration:none}
.header a:hover{text-decoration:underline}
.header a:focus{color:#0b0c0c}
.header .org{display:block;font-size:.9rem;margin-top:.2rem;color:#f3f2f1}
.wrap{max-width:1200px;margin:0 auto;padding:0 1rem}
nav.breadcrumbs ol{list-style:none;margin:1rem 0 0;padding:0;font-size:.9rem}
nav.breadcrumbs li{display:inline}
nav.breadcrumbs li+li::before{content:"\\203A";margin:0 .5rem;color:#505a5f}
main{display:block;padding:1rem 0 2.5rem}
h1{font-size:2rem;line-height:1.15;margin:1rem 0 1rem}
h2{font-size:1.5rem;line-height:1.2;margin:2rem 0 .75rem}
h3{font-size:1.2rem;line-height:1.25;margin:1.5rem 0 .5rem}
.lede{font-size:1.15rem;color:#0b0c0c}
.hint{color:#505a5f}
.figures{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;margin:0;padding:0}
.figures li{border-left:5px solid #1d70b8;padding:.25rem .75rem;min-width:9rem}
.figures b{display:block;font-size:1.8rem;line-height:1.1}
.summary{margin:0 0 1.5rem;border-collapse:collapse;width:100%}
.summary div{display:flex;flex-wrap:wrap;border-bottom:1px solid #b1b4b6;padding:.5rem 0}
.summary dt{font-weight:700;flex:0 0 14rem;margin:0 1rem 0 0}
.summary dd{flex:1 1 20rem;margin:0}
.summary ul{margin:0;padding-left:1.2rem}
table{border-collapse:collapse;width:100%;margin:0 0 1.5rem}
caption{text-align:left;font-weight:700;font-size:1.1rem;padding:.25rem 0 .5rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .6rem .4rem 0;
border-bottom:1px solid #b1b4b6}
thead th{border-bottom:2px solid #0b0c0c}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
/* relative: the words hidden for screen readers (.vh) stay inside the box, not widening
the page */
.scroll{overflow-x:auto;margin-bottom:1.5rem;position:relative}
.scroll:focus{outline:3px solid #fd0}
table.calendar{font-size:.85rem;width:auto;min-width:100%}
.calendar th,.calendar td{padding:.2rem .3rem;white-space:nowrap}
.calendar td.m{text-align:center;min-width:2.4rem;border-left:1px solid #fff}
.calendar tbody th[scope=rowgroup]{background:#f3f2f1;padding:.4rem .3rem;
white-space:normal}
.calendar td.title{white-space:normal;min-width:14rem}
.tag{display:inline-block;padding:.1rem .5rem;font-weight:700;font-size:.9rem;
line-height:1.25;border-radius:0}
.key{list-style:none;margin:0 0 1rem;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
.sw{display:inline-block;min-width:1.6rem;padding:0 .2rem;text-align:center;
font-weight:700;margin-right:.4rem}
.chart{display:flex;align-items:flex-end;gap:4px;height:12rem;margin:1rem 0 .25rem;
padding:0;list-style:none;border-bottom:2px solid #0b0c0c}
.chart li{flex:1;display:flex;flex-direction:column;justify-content:flex-end;height:100%;
text-align:center;font-size:.8rem}
.chart .bar{display:flex;flex-direction:column-reverse}
.chart .bar i{display:block}
.chart-months{display:flex;gap:4px;margin:0 0 1rem;padding:0;list-style:none;font-size:.8rem}
.chart-months li{flex:1;text-align:center;color:#505a5f;min-width:0;overflow:hidden}
.chart li{min-width:0}
.items{margin:0;padding-left:1.2rem}
.items li{margin:.15rem 0}
.objective{border-top:1px solid #b1b4b6;padding-top:.25rem;break-inside:auto}
.vh{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;
padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;
clip-path:inset(50%)!important;border:0!important;white-space:nowrap!important}
footer{border-top:1px solid #b1b4b6;background:#f3f2f1;padding:1.5rem 0 2rem;font-size:.95rem}
footer h2{font-size:1.1rem;margin:0 0 .5rem}
footer ul{margin:0 0 1rem;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
""" + "".join(f".tag-{name}{{color:{ink};background:{fill}}}\n"
              for name, (ink, fill) in TAGS.items()) + "".join(
    f".k-{kind}{{background:{fill};color:{ink}}}\n" for kind, (fill, ink) in KINDS.items()
) + "".join(f".chart .h{n}{{height:{n}%}}" for n in range(101)) + """
@media (max-width:40em){h1{font-size:1.6rem}h2{font-size:1.3rem}}
@media print{
body{font-size:10pt}
.skip,nav.breadcrumbs,footer ul{display:none}
.header{background:#fff;color:#0b0c0c;border-bottom:2px solid #0b0c0c}
.header a,.header a:visited,.header .org{color:#0b0c0c}
a,a:visited{color:#0b0c0c;text-decoration:none}
.wrap{max-width:none;padding:0}
h1{font-size:18pt}h2{font-size:14pt;break-after:avoid}h3{font-size:12pt;break-after:avoid}
.scroll{overflow:visible}
.tag,.sw,.k-active,.k-meetings,.k-production,.chart i{-webkit-print-color-adjust:exact;
print-color-adjust:exact}
.tag{border:1px solid #0b0c0c}
.summary div,.items li,tr{break-inside:avoid}
}
@page{margin:14mm}
"""
