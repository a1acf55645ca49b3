"""Inline style and script of the HTML report: one self-contained file, no network, prints as an audit file."""

from __future__ import annotations

CSS = """
:root{--crit:#8b0000;--high:#c0392b;--med:#d68910;--low:#2e86c1;--same:#6c3483;--rel:#a9a9c8;--ink:#1c2833;
--muted:#5d6d7e;--line:#d5d8dc;--bg:#fbfcfc}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;background:#fff}
header,main,footer{max-width:1180px;margin:0 auto;padding:0 20px}
header h1{font-size:22px;margin:18px 0 4px}
.status{font-size:15px;margin:0 0 10px}
.notice{border-left:4px solid var(--same);background:#f5eef8;padding:8px 12px;margin:10px 0 16px}
h2{font-size:17px;border-bottom:1px solid var(--line);padding-bottom:3px;margin-top:26px}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(350px,1fr));gap:14px}
.chart{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px 10px;background:var(--bg);break-inside:avoid}
.chart h3{font-size:13px;margin:0 0 6px}
.chart svg{width:100%;height:auto;display:block}
.chart text{font-size:11px;fill:var(--ink)}
.bar-critical{fill:var(--crit)}.bar-high{fill:var(--high)}.bar-medium{fill:var(--med)}.bar-low{fill:var(--low)}
.bar{fill:#5d6d7e}.bar-same{fill:var(--same)}.bar-related{fill:var(--rel)}
.legend{font-size:11px;color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;background:var(--bg);border:1px solid var(--line);
padding:8px;border-radius:6px;position:sticky;top:0;z-index:2}
.filters label{font-size:12px;color:var(--muted)}
.filters select,.filters input{font:inherit;padding:2px 4px}
.finding{border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:4px;margin:10px 0;
padding:8px 12px;break-inside:avoid}
.finding.sev-critical{border-left-color:var(--crit)}.finding.sev-high{border-left-color:var(--high)}
.finding.sev-medium{border-left-color:var(--med)}.finding.sev-low{border-left-color:var(--low)}
.finding h3{font-size:14px;margin:0 0 4px}
.badge{display:inline-block;border-radius:3px;padding:0 6px;color:#fff;font-size:12px;margin-right:6px}
.badge.critical{background:var(--crit)}.badge.high{background:var(--high)}.badge.medium{background:var(--med)}
.badge.low{background:var(--low)}
.where{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:var(--muted)}
.data{background:#fdebd0;padding:0 5px;border-radius:3px;font-size:12px}
pre{background:#f4f6f6;border:1px solid var(--line);padding:6px 8px;overflow-x:auto;font-size:12px;
white-space:pre-wrap;word-break:break-word}
dl{margin:4px 0;display:grid;grid-template-columns:150px 1fr;gap:2px 10px}
dt{font-weight:600;color:var(--muted)}dd{margin:0}
ul.legal{margin:0;padding-left:18px}
.rel-same{color:var(--same);font-weight:600}.rel-related{color:var(--muted)}
.hedge{font-size:12px;color:var(--muted);font-style:italic}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}
th{background:var(--bg)}
.hidden{display:none}
footer{color:var(--muted);font-size:12px;margin:30px auto 20px}
@media print{
  .filters,.noprint{display:none}
  .finding.hidden{display:block}
  body{font-size:11px}
  header,main,footer{max-width:none;padding:0}
  h2{break-after:avoid}
  .charts{grid-template-columns:1fr 1fr}
  a{color:inherit;text-decoration:none}
  @page{size:A4;margin:14mm}
}
"""

# Filters: every select narrows the list; the counter says how many findings are shown; a URL fragment
# (`#severity=critical&family=ENC`) presets them, so a link can point at a subset.
JS = """
(function(){
  var items=[].slice.call(document.querySelectorAll('.finding'));
  var selects=[].slice.call(document.querySelectorAll('.filters select'));
  var search=document.getElementById('f-text');
  var counter=document.getElementById('shown');
  function apply(){
    var shown=0, q=(search.value||'').toLowerCase();
    items.forEach(function(el){
      var ok=selects.every(function(s){
        if(!s.value){return true;}
        return (' '+(el.getAttribute('data-'+s.name)||'')+' ').indexOf(' '+s.value+' ')>=0;
      });
      if(ok&&q){ok=el.textContent.toLowerCase().indexOf(q)>=0;}
      el.classList.toggle('hidden',!ok);
      if(ok){shown++;}
    });
    counter.textContent=String(shown);
    document.body.setAttribute('data-filtered',String(shown));
  }
  selects.forEach(function(s){s.addEventListener('change',apply);});
  search.addEventListener('input',apply);
  // a link can carry a filter: report.html#severity=critical&family=ENC&text=bucket
  (location.hash||'').replace(/^#/,'').split('&').forEach(function(pair){
    var kv=pair.split('='), value=decodeURIComponent(kv[1]||'');
    if(kv[0]==='text'){search.value=value;return;}
    selects.forEach(function(s){if(s.name===kv[0]){s.value=value;}});
  });
  apply();
})();
"""
