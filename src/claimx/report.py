"""The HTML report: claims shown in their text, one self-contained file.

:func:`render_report` turns records into one HTML page with its CSS and JavaScript inline (nothing
is loaded from the network, so the file opens from disk and can be mailed): a header with counts,
an index of the documents with filters (actor, stance, has-condition, and with gold the verdict),
and per document the text with the actor, cue, issue, condition and addressee spans underlined
beside the table of its claims.

Spans that overlap or nest are drawn as stacked underlines (the idea of displaCy's span style):
every span gets a level, the lowest free one among the spans it overlaps, and the text is cut at
every span boundary; each piece is wrapped in one element per span covering it, the element of
level ``k`` drawing its bar ``k`` steps below the text. Bars follow line wraps.

With gold records, predicted claims are paired with gold claims by the scorer's own pairing
(:func:`claimx.scoring.match_claims`, lenient) and marked matched, partial (paired, but the
issue, stance or condition differ), spurious, or optional (paired with an optional gold claim);
gold claims left unpaired are listed as missed and drawn with dashed bars.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .schema import Claim, Document, Span, annotated_slots

#: The span slots drawn in the text, with their one-letter CSS class, in drawing priority.
SLOT_CLASSES = {"actor": "a", "cue": "q", "issue": "i", "condition": "c", "addressee": "d"}


@dataclass
class Row:
    """One line of a document's claims table: a predicted (or gold-only) claim, or a missed gold claim."""

    key: str  # "3" for the third claim, "g2" for the second missed gold claim
    claim: Claim
    verdict: str | None = None  # matched, partial, spurious, optional, unscored, missed; None without gold
    wrong: list[str] = field(default_factory=list)
    gold: Claim | None = None  # the gold claim it was paired with


def judge(pred: Document, gold: Document | None, slots: Iterable[str] | None = None) -> list[Row]:
    """The rows of a document: its claims, each with a verdict against ``gold`` (None: no verdicts),
    then the gold claims no prediction was paired with (``missed``).  Pairing and verdicts follow
    the lenient scorer: ``slots`` defaults to the slots the gold annotates."""
    from .scoring import conditions_agree, match_claims

    rows = [Row(str(i), c) for i, c in enumerate(pred.claims, 1)]
    if gold is None:
        return rows
    slots = list(slots) if slots is not None else list(annotated_slots(gold.meta))
    pairs = match_claims(gold.claims, pred.claims, strict=False, use_actor="actor" in slots,
                         use_issue="issue" in slots)
    by_pred = {p.pred: p for p in pairs}
    exhaustive = gold.meta.get("exhaustive", True) is not False
    for j, row in enumerate(rows):
        pair = by_pred.get(j)
        if pair is None:
            row.verdict = "spurious" if exhaustive else "unscored"
            continue
        g = gold.claims[pair.gold]
        row.gold = g
        if g.optional:
            row.verdict = "optional"
            continue
        if "issue" in slots and pair.issue_f1 < 1.0:
            row.wrong.append("issue")
        if "stance" in slots and g.stance != row.claim.stance:
            row.wrong.append("stance")
        if "condition" in slots and not conditions_agree(g.condition, row.claim.condition):
            row.wrong.append("condition")
        row.verdict = "partial" if row.wrong else "matched"
    paired_gold = {p.gold for p in pairs}
    missed = [g for i, g in enumerate(gold.claims) if i not in paired_gold and not g.optional]
    rows.extend(Row(f"g{k}", g, "missed") for k, g in enumerate(missed, 1))
    return rows


# -- the text with its spans ------------------------------------------------------------------------
@dataclass
class _Mark:
    start: int
    end: int
    slot: str
    keys: list[str]
    gold: bool
    level: int = 0


def _marks(rows: list[Row]) -> list[_Mark]:
    """One mark per distinct (slot, start, end, gold?) span, listing the claims that use it, with
    levels assigned so that overlapping marks never share one."""
    found: dict[tuple[str, int, int, bool], _Mark] = {}
    for row in rows:
        is_gold = row.verdict == "missed"
        for slot, span in row.claim.spans():
            if span.end <= span.start:
                continue
            k = (slot, span.start, span.end, is_gold)
            if k not in found:
                found[k] = _Mark(span.start, span.end, slot, [], is_gold)
            found[k].keys.append(row.key)
    order = list(SLOT_CLASSES)
    marks = sorted(found.values(), key=lambda m: (m.start, -(m.end - m.start), order.index(m.slot), m.gold))
    level_end: list[int] = []  # per level, where its last mark ends
    for m in marks:
        for lvl, end in enumerate(level_end):
            if end <= m.start:
                m.level = lvl
                level_end[lvl] = m.end
                break
        else:
            m.level = len(level_end)
            level_end.append(m.end)
    return marks


def _anchor(claim: Claim) -> int | None:
    for span in (claim.cue, claim.actor, claim.issue):
        if span is not None:
            return span.start
    return None


def render_text(text: str, rows: list[Row]) -> tuple[str, int]:
    """The document text as HTML with its marks; returns ``(html, depth)``, depth being the
    number of underline levels used."""
    marks = _marks(rows)
    badges: dict[int, list[str]] = {}
    for row in rows:
        pos = _anchor(row.claim)
        if pos is not None and 0 <= pos <= len(text):
            badges.setdefault(pos, []).append(row.key)
    cuts = {0, len(text), *badges}
    for m in marks:
        cuts.update((m.start, m.end))
    cuts = sorted(c for c in cuts if 0 <= c <= len(text))
    # Sweep: marks sorted by start enter, leave at their end.
    by_start: dict[int, list[_Mark]] = {}
    for m in marks:
        by_start.setdefault(m.start, []).append(m)
    active: list[_Mark] = []
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        if a in badges:
            keys = badges[a]
            cls = "n g" if all(k.startswith("g") for k in keys) else "n"
            out.append(f'<sup class="{cls}">{",".join(keys)}</sup>')
        if b is None:
            break
        active = [m for m in active if m.end > a] + by_start.get(a, [])
        piece = html.escape(text[a:b], quote=False)
        for m in sorted(active, key=lambda m: -m.level):  # innermost = highest level
            gold = " g" if m.gold else ""
            piece = f'<span class="m {SLOT_CLASSES[m.slot]}{gold} L{m.level}" data-k="{" ".join(m.keys)}">{piece}</span>'
        out.append(piece)
    depth = 1 + max((m.level for m in marks), default=-1)
    return "".join(out), depth


# -- the page ----------------------------------------------------------------------------------------
def _e(s: Any) -> str:
    return html.escape("" if s is None else str(s))


def _actor_name(claim: Claim) -> str:
    if claim.actor is None:
        return "(implicit)"
    return claim.actor.canonical or claim.actor.text


def _claim_row(doc_n: int, row: Row) -> str:
    c = row.claim
    actor = _actor_name(c)
    mention = c.actor.text if c.actor is not None else ""
    who = _e(actor) + (f' <span class="sub">{_e(mention)}</span>' if mention and mention != actor else "")
    stance = c.stance or "-"
    addressee = ""
    if c.addressee is not None:
        addressee = _e(c.addressee.canonical or c.addressee.text)
    conf = f"{c.confidence:.2f}" if c.confidence is not None else ""
    verdict = ""
    attrs = (f'data-k="{row.key}" data-a="{_e(actor)}" data-s="{_e(stance)}"'
             f' data-c="{1 if c.condition is not None else 0}"')
    if row.verdict is not None:
        attrs += f' data-v="{row.verdict}"'
        note = f' <span class="sub">{_e(", ".join(row.wrong))}</span>' if row.wrong else ""
        if row.gold is not None and row.wrong:
            g = row.gold
            note += (f'<div class="sub">gold: {_e(_actor_name(g))} | {_e(g.stance or "-")} | {_e(g.issue.text)}'
                     f' | {_e(g.condition.text if g.condition else "-")}</div>')
        verdict = f'<td class="v {row.verdict}">{row.verdict}{note}</td>'
    opt = ' <span class="sub">optional</span>' if c.optional else ""
    return (
        f'<tr id="d{doc_n}-{row.key}" {attrs}><td class="k">{row.key}</td><td>{who}{opt}</td>'
        f'<td><span class="st {_e(stance)}">{_e(stance)}</span></td>'
        f"<td>{_e(c.issue.text)}</td><td>{_e(c.condition.text if c.condition else '')}</td>"
        f"<td>{addressee}</td><td>{_e(c.cue.text if c.cue else '')}</td><td class=\"num\">{conf}</td>"
        f'<td class="src" title="{_e(c.source or "")}">{_e(_rule(c.source))}</td>{verdict}</tr>'
    )


def _rule(source: str | None) -> str:
    """``claimx_claims:verb_ccomp`` -> ``verb_ccomp`` (the component is in the cell's title)."""
    return (source or "").rsplit(":", 1)[-1]


def _document(n: int, doc: Document, rows: list[Row], with_gold: bool) -> str:
    text_html, depth = render_text(doc.text, rows)
    head = f'<h2><a href="#d{n}">{_e(doc.id)}</a></h2>'
    counts = Counter(r.claim.stance or "-" for r in rows if r.verdict != "missed")
    n_claims = sum(1 for r in rows if r.verdict != "missed")
    info = [f"{n_claims} claim" + ("" if n_claims == 1 else "s")]
    info += [f"{counts[s]} {s}" for s in ("support", "oppose", "neutral") if counts[s]]
    if with_gold:
        v = Counter(r.verdict for r in rows)
        info += [f"{v[k]} {k}" for k in ("matched", "partial", "missed", "spurious") if v[k]]
    status = ""
    if doc.status == "error":
        status = f'<p class="err">error: {_e(doc.error)}</p>'
    verdict_head = "<th>verdict</th>" if with_gold else ""
    table = ""
    if rows:
        table = (
            '<table class="claims"><thead><tr><th>#</th><th>actor</th><th>stance</th><th>issue</th>'
            f"<th>condition</th><th>addressee</th><th>cue</th><th>conf.</th><th>rule</th>{verdict_head}</tr></thead>"
            "<tbody>" + "".join(_claim_row(n, r) for r in rows) + "</tbody></table>"
        )
    else:
        table = '<p class="none">no claims</p>'
    return (
        f'<section class="doc" id="d{n}" data-n="{n}">{head}<p class="info">{_e(" · ".join(info))}</p>{status}'
        f'<div class="pair"><div class="text" style="line-height:{26 + 5 * depth}px">{text_html}</div>'
        f'<div class="tab">{table}</div></div></section>'
    )


def _index_row(n: int, doc: Document, rows: list[Row], with_gold: bool) -> str:
    own = [r for r in rows if r.verdict != "missed"]
    s = Counter(r.claim.stance for r in own)
    cells = [
        f'<td><a href="#d{n}">{_e(doc.id)}</a></td>',
        f'<td class="num">{len(own)}</td>',
        f'<td class="num">{s["support"] or ""}</td><td class="num">{s["oppose"] or ""}</td>',
        f'<td class="num">{s["neutral"] or ""}</td>',
        f'<td class="num">{sum(1 for r in own if r.claim.condition is not None) or ""}</td>',
        f'<td>{"error" if doc.status == "error" else ""}</td>',
    ]
    if with_gold:
        v = Counter(r.verdict for r in rows)
        cells += [f'<td class="num">{v[k] or ""}</td>' for k in ("matched", "partial", "missed", "spurious")]
    return f'<tr data-n="{n}">{"".join(cells)}</tr>'


def render_report(
    docs: Iterable[Document], gold: Iterable[Document] | None = None, title: str = "claimx report",
    slots: Iterable[str] | None = None,
) -> str:
    """The whole report as one HTML string (see the module docstring).  With ``gold``, documents
    are paired by id; a document without gold gets no verdicts, and a gold document without a
    prediction is shown with all its claims missed."""
    docs = list(docs)
    gold_by_id: dict[str, Document] | None = None
    score = None
    if gold is not None:
        from .scoring import score_documents

        gold = list(gold)
        gold_by_id = {g.id: g for g in gold}
        seen = {d.id for d in docs}
        docs += [Document(id=g.id, text=g.text, meta=g.meta) for g in gold if g.id not in seen]
        score = score_documents(gold, [d for d in docs if d.id in gold_by_id], slots)
        slots = score["slots"]
    with_gold = gold_by_id is not None
    all_rows = [judge(d, gold_by_id.get(d.id) if with_gold else None, slots) for d in docs]

    actors = Counter(_actor_name(r.claim) for rows in all_rows for r in rows)
    stances = Counter(r.claim.stance or "-" for rows in all_rows for r in rows if r.verdict != "missed")
    n_claims = sum(stances.values())
    n_cond = sum(1 for rows in all_rows for r in rows if r.verdict != "missed" and r.claim.condition is not None)
    n_err = sum(1 for d in docs if d.status == "error")
    summary = [f"{len(docs)} document" + ("" if len(docs) == 1 else "s"),
               f"{n_claims} claim" + ("" if n_claims == 1 else "s")]
    summary += [f"{stances[s]} {s}" for s in ("support", "oppose", "neutral", "-") if stances[s]]
    summary.append(f"{n_cond} with a condition")
    if n_err:
        summary.append(f"{n_err} failed")
    score_html = ""
    if score is not None:
        verdicts = Counter(r.verdict for rows in all_rows for r in rows)
        lvl = score["lenient"]
        parts = [f"{k} P {lvl[k]['p']:.3f} R {lvl[k]['r']:.3f} F1 {lvl[k]['f']:.3f}" for k in score["levels"]]
        parts.append(", ".join(f"{verdicts[k]} {k}" for k in ("matched", "partial", "missed", "spurious", "optional")
                               if verdicts[k]))
        score_html = '<p class="score">against gold (lenient): ' + _e(" · ".join(parts)) + "</p>"

    actor_opts = "".join(f'<option value="{_e(a)}">{_e(a)} ({n})</option>' for a, n in
                         sorted(actors.items(), key=lambda x: (-x[1], x[0])))
    verdict_filter = ""
    gold_heads = ""
    if with_gold:
        verdict_filter = (
            '<label>verdict <select id="f-v"><option value="">any</option>'
            + "".join(f'<option value="{v}">{v}</option>' for v in ("matched", "partial", "missed", "spurious", "optional"))
            + "</select></label>"
        )
        gold_heads = "<th>match</th><th>partial</th><th>missed</th><th>spur.</th>"
    index_rows = "".join(_index_row(n, d, rows, with_gold) for n, (d, rows) in enumerate(zip(docs, all_rows), 1))
    body = "".join(_document(n, d, rows, with_gold) for n, (d, rows) in enumerate(zip(docs, all_rows), 1))
    data = {"documents": len(docs), "claims": n_claims, "gold": with_gold}
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
<style>{_CSS}</style></head>
<body>
<header><h1>{_e(title)}</h1><p class="summary">{_e(" · ".join(summary))}</p>{score_html}
<p class="legend"><span class="m a L0">actor</span> <span class="m q L0">cue</span> <span class="m i L0">issue</span>
<span class="m c L0">condition</span> <span class="m d L0">addressee</span>{' <span class="m i g L0">missed gold span</span>' if with_gold else ''}
<span class="st support">support</span> <span class="st oppose">oppose</span> <span class="st neutral">neutral</span></p>
</header>
<nav id="index"><div class="filters">
<label>actor <select id="f-a"><option value="">all</option>{actor_opts}</select></label>
<label>stance <select id="f-s"><option value="">any</option><option>support</option><option>oppose</option><option>neutral</option></select></label>
<label>condition <select id="f-c"><option value="">any</option><option value="1">with</option><option value="0">without</option></select></label>
{verdict_filter}<button id="f-reset" type="button">reset</button> <span id="shown"></span></div>
<details open><summary>documents</summary><div class="idx"><table><thead><tr><th>document</th><th>claims</th><th>sup.</th><th>opp.</th><th>neu.</th><th>cond.</th><th>status</th>{gold_heads}</tr></thead>
<tbody>{index_rows}</tbody></table></div></details></nav>
<main>{body}</main>
<script type="application/json" id="claimx-data">{json.dumps(data)}</script>
<script>{_JS}</script>
</body></html>
"""


def write_report(docs: Iterable[Document], path: str | Path, gold: Iterable[Document] | None = None,
                 title: str | None = None, slots: Iterable[str] | None = None) -> int:
    """Write :func:`render_report` to ``path``; returns the number of documents."""
    docs = list(docs)
    page = render_report(docs, gold, title=title or f"claimx report: {Path(path).stem}", slots=slots)
    Path(path).write_text(page, encoding="utf-8")
    return len(docs)


_CSS = """
:root{--a:#1f6fd1;--q:#8e44ad;--i:#e08a00;--c:#159957;--d:#0aa3a3;--sup:#1e8e3e;--opp:#c62828;--neu:#757575}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;background:#fafafa}
header,nav,main{padding:0 1.2rem}
h1{font-size:1.3rem;margin:.8rem 0 .2rem}
h2{font-size:1.05rem;margin:0}
h2 a{color:#222;text-decoration:none}
.summary,.score,.info{margin:.2rem 0;color:#444}
.legend .m{padding:0 .2em 4px}
.filters{display:flex;flex-wrap:wrap;gap:.8rem;align-items:center;padding:.5rem 0;position:sticky;top:0;background:#fafafa;z-index:2}
.filters select{max-width:22rem}
.idx{max-height:16rem;overflow:auto;border:1px solid #ddd;background:#fff}
.idx table{border-collapse:collapse;width:100%;font-size:13px}
.idx td,.idx th{padding:1px 6px;border-bottom:1px solid #eee;text-align:left}
.idx thead th{position:sticky;top:0;background:#f0f0f0}
.doc{background:#fff;border:1px solid #ddd;border-radius:6px;margin:1rem 0;padding:.8rem;content-visibility:auto;contain-intrinsic-size:auto 700px}
.pair{display:grid;grid-template-columns:minmax(18rem,1fr) minmax(26rem,1.35fr);gap:1rem;align-items:start}
.tab{position:sticky;top:3rem;max-height:calc(100vh - 4rem);overflow:auto}
@media (max-width:1000px){.pair{grid-template-columns:1fr}.tab{position:static;max-height:none}}
.text{white-space:pre-wrap;font-family:Georgia,"Times New Roman",serif;font-size:16px}
.m{background-repeat:no-repeat;background-size:100% 3px;background-position:0 100%}
.m.a{background-image:linear-gradient(var(--a),var(--a))}
.m.q{background-image:linear-gradient(var(--q),var(--q))}
.m.i{background-image:linear-gradient(var(--i),var(--i))}
.m.c{background-image:linear-gradient(var(--c),var(--c))}
.m.d{background-image:linear-gradient(var(--d),var(--d))}
.m.g{background-image:repeating-linear-gradient(90deg,var(--i) 0 5px,transparent 5px 8px)}
.m.g.a{background-image:repeating-linear-gradient(90deg,var(--a) 0 5px,transparent 5px 8px)}
.m.g.c{background-image:repeating-linear-gradient(90deg,var(--c) 0 5px,transparent 5px 8px)}
.m.g.q{background-image:repeating-linear-gradient(90deg,var(--q) 0 5px,transparent 5px 8px)}
.m.g.d{background-image:repeating-linear-gradient(90deg,var(--d) 0 5px,transparent 5px 8px)}
.L0{padding-bottom:2px}.L1{padding-bottom:7px}.L2{padding-bottom:12px}.L3{padding-bottom:17px}.L4{padding-bottom:22px}
.L5{padding-bottom:27px}.L6{padding-bottom:32px}.L7{padding-bottom:37px}.L8{padding-bottom:42px}.L9{padding-bottom:47px}
.m.hl{background-color:#fff3b0}
.m.dim{background-image:none}
sup.n{font:bold 10px system-ui,sans-serif;color:#fff;background:#555;border-radius:3px;padding:0 3px;margin-right:1px}
sup.n.g{background:#c62828}
table.claims{border-collapse:collapse;width:100%;font-size:13px}
table.claims th{text-align:left;background:#f0f0f0;position:sticky;top:0}
table.claims td,table.claims th{padding:3px 5px;border-bottom:1px solid #eee;vertical-align:top}
table.claims tr.hl td{background:#fff3b0}
td.k{color:#777}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.src{color:#777;font-size:11px}
.sub{color:#777;font-size:11px}
.st{display:inline-block;border-radius:9px;padding:0 7px;color:#fff;font-size:12px;background:#999}
.st.support{background:var(--sup)}.st.oppose{background:var(--opp)}.st.neutral{background:var(--neu)}
td.v{font-weight:600}
td.v.matched{color:var(--sup)}td.v.partial{color:#b26a00}td.v.missed,td.v.spurious{color:var(--opp)}td.v.optional,td.v.unscored{color:#777}
.err{color:var(--opp);font-weight:600}
.none{color:#777}
[hidden]{display:none!important}
"""

_JS = """
(function(){
  var $=function(id){return document.getElementById(id)};
  var docs=[].slice.call(document.querySelectorAll('section.doc'));
  var idx={};[].forEach.call(document.querySelectorAll('#index tbody tr'),function(tr){idx[tr.dataset.n]=tr});
  var fa=$('f-a'),fs=$('f-s'),fc=$('f-c'),fv=$('f-v');
  function apply(){
    var a=fa.value,s=fs.value,c=fc.value,v=fv?fv.value:'';
    var any=a||s||c||v,shown=0,rows=0;
    docs.forEach(function(sec){
      var n=0;
      [].forEach.call(sec.querySelectorAll('tr[data-k]'),function(tr){
        var d=tr.dataset,ok=(!a||d.a===a)&&(!s||d.s===s)&&(!c||d.c===c)&&(!v||d.v===v);
        tr.hidden=!ok;if(ok)n++;
      });
      var vis=!any||n>0;sec.hidden=!vis;if(idx[sec.dataset.n])idx[sec.dataset.n].hidden=!vis;
      if(vis){shown++;rows+=n}
    });
    var pl=function(n,w){return n+' '+w+(n===1?'':'s')};
    $('shown').textContent=any?('showing '+shown+' of '+pl(docs.length,'document')+', '+pl(rows,'matching claim')):pl(docs.length,'document');
  }
  [fa,fs,fc,fv].forEach(function(el){if(el)el.addEventListener('change',apply)});
  $('f-reset').addEventListener('click',function(){[fa,fs,fc,fv].forEach(function(el){if(el)el.value=''});apply()});
  function hl(sec,key,on){
    if(!sec||!key)return;
    [].forEach.call(sec.querySelectorAll('[data-k~="'+key+'"]'),function(el){el.classList.toggle('hl',on)});
  }
  var main=document.querySelector('main');
  ['mouseover','mouseout'].forEach(function(ev){
    main.addEventListener(ev,function(e){
      var t=e.target.closest('tr[data-k],.m');if(!t)return;
      var sec=t.closest('section.doc');
      t.dataset.k.split(' ').forEach(function(k){hl(sec,k,ev==='mouseover')});
    });
  });
  apply();
  window.addEventListener('load',function(){
    var nav=performance.getEntriesByType('navigation')[0];
    var r=document.documentElement;
    r.dataset.loadMs=Math.round(nav?nav.loadEventStart:performance.now());
    r.dataset.dclMs=Math.round(nav?nav.domContentLoadedEventEnd:0);
    if(location.hash==='#timing'){  // scripts/check_report.py: how long one filter takes
      var t=performance.now();fs.value='oppose';apply();
      r.dataset.filterMs=(performance.now()-t).toFixed(1);fs.value='';apply();
    }
  });
})();
"""
