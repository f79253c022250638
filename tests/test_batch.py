"""Batch processing: every input format, error records, duplicate ids, outputs, resuming after a
kill, worker processes, and the Ray engine."""

import csv
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from claimx.batch import Journal, JournalError, ResumeError, local_records, producer, read_records, skip_done
from claimx.cli import app
from claimx.io import InputDoc, InputError, InputOptions, flag_duplicates, read_inputs
from claimx.schema import read_jsonl

from .conftest import ROOT

runner = CliRunner()
SYNTHETIC = ROOT / "corpora" / "synthetic"


def lead(text: str, paragraphs: int = 2) -> str:
    return "\n\n".join(text.split("\n\n")[:paragraphs])


@pytest.fixture(scope="module")
def articles():
    """(id, text) of real news-style articles (the corpus's dev split), cut to their lead."""
    return [(d.id, lead(d.text)) for d in read_jsonl(SYNTHETIC / "dev.jsonl")]


def ids_texts(items):
    return [(it.id, it.text) for it in items if isinstance(it, InputDoc)]


def test_folder_of_txt_and_json_files(tmp_path, articles):
    (tmp_path / "a.txt").write_text(articles[0][1], encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"id": "b", "text": articles[1][1]}), encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps([{"id": "c1", "text": articles[2][1]}, {"id": "c2"}]), encoding="utf-8")
    (tmp_path / "d.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [(type(i).__name__, i.id) for i in items] == [
        ("InputDoc", "a"), ("InputDoc", "b"), ("InputDoc", "c1"), ("InputError", "c2"), ("InputError", "d")]
    assert items[0].text == articles[0][1]
    assert "no 'text'" in items[3].reason and "not valid JSON" in items[4].reason


def test_jsonl_and_csv_with_configured_columns(tmp_path, articles):
    opts = InputOptions(id_column="guid", text_column="body")
    jl = tmp_path / "feed.jsonl"
    jl.write_text("".join(json.dumps({"guid": i, "body": t}) + "\n" for i, t in articles[:2]), encoding="utf-8")
    assert ids_texts(read_inputs([str(jl)], opts)) == articles[:2]
    path = tmp_path / "feed.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["guid", "body", "section"])
        for i, t in articles[:3]:
            w.writerow([i, t, "world"])
        w.writerow(["short-row", "only two fields"])          # malformed: a field missing
        w.writerow(["", articles[3][1], "world"])               # no id
    items = list(read_inputs([str(path)], opts))
    assert ids_texts(items) == articles[:3]                     # texts with commas, quotes, newlines intact
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 2 and "fields" in errors[0].reason and "no 'guid'" in errors[1].reason
    wrong = list(read_inputs([str(path)]))                      # default columns are absent
    assert len(wrong) == 1 and "--text-column" in wrong[0].reason


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><guid>wire-1</guid><title>Ministers split on tariffs</title><link>http://example.org/1</link>
<description>&lt;p&gt;{a}&lt;/p&gt;</description></item>
<item><title>No guid here</title><link>http://example.org/2</link><description>{b}</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
<entry><id>urn:desk:7</id><title>Union rejects offer</title><content type="html">&lt;p&gt;{a}&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_and_atom_feeds(tmp_path, articles):
    a, b = articles[0][1].split("\n\n")[0], articles[1][1].split("\n\n")[0]
    (tmp_path / "wire.rss").write_text(RSS.format(a=a, b=b), encoding="utf-8")
    (tmp_path / "desk.atom").write_text(ATOM.format(a=a), encoding="utf-8")
    rss = list(read_inputs([str(tmp_path / "wire.rss")]))
    assert [i.id for i in rss] == ["wire-1", "http://example.org/2"]
    assert rss[0].text == a and "<p>" not in rss[0].text          # the headline is not glued to the body
    assert rss[0].meta["title"] == "Ministers split on tariffs" and rss[0].meta["link"] == "http://example.org/1"
    atom = list(read_inputs([str(tmp_path / "desk.atom")]))
    assert atom[0].id == "urn:desk:7" and atom[0].text == a and atom[0].meta["title"] == "Union rejects offer"
    (tmp_path / "broken.xml").write_text("<rss><channel><item>", encoding="utf-8")
    broken = list(read_inputs([str(tmp_path / "broken.xml")]))
    assert len(broken) == 1 and isinstance(broken[0], InputError)


def test_feed_claims_match_the_plain_text_article(tmp_path, nlp, articles):
    """Block elements become paragraph breaks, the title stays out of the text, and the claims of
    a feed entry are those of the same article given as plain text."""
    from html import escape

    doc_id, text = articles[2]
    html = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    rss = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><guid>g1</guid>'
           f"<title>Senate stalls</title><description>{escape(html)}</description></item></channel></rss>")
    (tmp_path / "w.rss").write_text(rss, encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    feed, plain = list(read_inputs([str(tmp_path / "w.rss")])), list(read_inputs([str(tmp_path / "a.txt")]))
    assert feed[0].text == plain[0].text == text
    a, b = (list(local_records(x, nlp=nlp)) for x in (feed, plain))
    assert a[0].claims and [c.model_dump() for c in a[0].claims] == [c.model_dump() for c in b[0].claims]
    assert not any(c.actor and "Senate" in c.actor.text for c in a[0].claims)


def test_truncated_feed_entries_are_flagged(tmp_path, articles):
    a = articles[0][1].split("\n\n")[0]
    cut = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
           f"<item><guid>ok</guid><title>T1</title><description>{a}</description></item>"
           f"<item><guid>teaser</guid><title>T2</title><description>{a[:80]} [&#8230;]</description></item>"
           f"<item><guid>bare</guid><title>Only a headline</title></item>"
           f"<item><guid>cut</guid><title>Cut off</title><description>{a[:40]}")
    (tmp_path / "cut.rss").write_text(cut, encoding="utf-8")
    items = {i.id: i for i in read_inputs([str(tmp_path / "cut.rss")])}
    assert isinstance(items["ok"], InputDoc) and "truncated" not in items["ok"].meta
    assert isinstance(items["teaser"], InputDoc) and items["teaser"].meta["truncated"] is True
    assert isinstance(items["bare"], InputError) and "no content" in items["bare"].reason
    assert isinstance(items["cut"], InputError) and "cut off" in items["cut"].reason


def test_html_file_is_read_as_html(tmp_path, articles):
    text = articles[0][1]
    body = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n"))
    (tmp_path / "page.html").write_text(f"<html><head><title>Dock strike looms</title><style>p {{ margin: 0 }}</style>"
                                        f"</head><body><div>{body}</div><script>var x = 1;</script></body></html>",
                                        encoding="utf-8")
    (item,) = read_inputs([str(tmp_path / "page.html")])
    assert item.id == "page" and item.text == text and item.meta["title"] == "Dock strike looms"
    r = runner.invoke(app, ["extract", str(tmp_path / "page.html"), "-o", str(tmp_path / "o.jsonl"), "-q"])
    assert r.exit_code == 0
    (doc,) = read_records(tmp_path / "o.jsonl")
    assert doc.claims and not any("<" in c.actor.text for c in doc.claims if c.actor)


def test_parquet_and_hf_dataset_inputs(tmp_path, articles):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    datasets = pytest.importorskip("datasets")
    table = pa.table({"id": [i for i, _ in articles], "text": [t for _, t in articles]})
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=3)
    assert ids_texts(read_inputs([str(tmp_path / "in.parquet")])) == articles
    ds = datasets.Dataset.from_dict({"doc": [i for i, _ in articles], "text": [t for _, t in articles]})
    datasets.DatasetDict({"train": ds.select(range(5)), "dev": ds.select(range(5, 8))}).save_to_disk(str(tmp_path / "hf"))
    got = ids_texts(read_inputs([str(tmp_path / "hf")], InputOptions(id_column="doc")))
    assert sorted(got) == sorted(articles)


def test_duplicate_ids_are_reported_not_merged(tmp_path, articles):
    path = tmp_path / "dup.jsonl"
    rows = [{"id": "x", "text": articles[0][1]}, {"id": "y", "text": articles[1][1]}, {"id": "x", "text": articles[2][1]}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    items = list(flag_duplicates(read_inputs([str(path)])))
    assert [type(i).__name__ for i in items] == ["InputDoc", "InputDoc", "InputError"]
    assert "duplicate id 'x'" in items[2].reason and "#1" in items[2].reason
    out = tmp_path / "o.jsonl"
    r = runner.invoke(app, ["extract", str(path), "-o", str(out), "-q"])
    assert r.exit_code == 1 and "duplicate id" in r.output
    recs = list(read_records(out))
    assert [(d.id, d.status) for d in recs] == [("x", "ok"), ("y", "ok"), ("x", "error")]


def test_parquet_and_csv_outputs(tmp_path, articles):
    pytest.importorskip("pyarrow")
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in articles[:4]), encoding="utf-8")
    assert runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "o.jsonl"), "-q"]).exit_code == 0
    assert runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "o.parquet"), "-q"]).exit_code == 0
    assert runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "o.csv"), "-q"]).exit_code == 0
    ref = list(read_records(tmp_path / "o.jsonl"))
    pq = list(read_records(tmp_path / "o.parquet"))
    assert [d.id for d in pq] == [d.id for d in ref]
    assert [[(c.actor.text, c.stance, c.issue.text) for c in d.claims] for d in pq] == \
           [[(c.actor.text, c.stance, c.issue.text) for c in d.claims] for d in ref]
    with open(tmp_path / "o.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == sum(max(1, len(d.claims)) for d in ref)
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob("*.tmp"))


def test_journal_drops_a_torn_line_and_checks_ids(tmp_path, nlp, articles):
    items = [InputDoc(i, t) for i, t in articles[:4]]
    out = tmp_path / "o.jsonl"
    j = Journal(out)
    for doc in local_records(items[:2], nlp=nlp):
        j.write(doc)
    j.close()
    with open(j.path, "a", encoding="utf-8") as fh:
        fh.write('{"id": "' + articles[2][0] + '", "text": "half a rec')   # a kill -9 mid-write
    again = Journal(out)
    assert again.done_ids == [articles[0][0], articles[1][0]]
    rest = list(skip_done(items, again.done_ids))
    assert [i.id for i in rest] == [i for i, _ in articles[2:4]]
    for doc in local_records(rest, nlp=nlp):
        again.write(doc)
    again.finish("jsonl")
    assert [d.id for d in read_records(out)] == [i for i, _ in articles[:4]]
    with pytest.raises(ResumeError, match="inputs changed"):
        list(skip_done(reversed(items), [articles[0][0]]))


def _wait_for_lines(path, n, proc, timeout=120):
    t0 = time.time()
    while time.time() - t0 < timeout:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.05)
    return False


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_run_resumes_with_every_id_once(tmp_path, sig):
    docs = [d for split in ("train", "dev") for d in read_jsonl(SYNTHETIC / f"{split}.jsonl")]
    src = tmp_path / "feed.jsonl"
    src.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in docs), encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    cmd = [sys.executable, "-m", "claimx", "extract", str(src), "-o", str(out), "-q", "--batch-size", "2"]
    # A shell's background job ignores SIGINT and children inherit that: give the child the default
    # disposition, so that Python turns SIGINT into KeyboardInterrupt as on a terminal.
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    part = out.with_name("claims.jsonl.part")
    assert _wait_for_lines(part, 4, proc), proc.stderr.read().decode()[-2000:]
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert not out.exists()                               # the final file never exists half-written
    done = part.read_bytes().count(b"\n")
    assert 0 < done < len(docs)
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "resuming" in r.stderr
    ids = [d.id for d in read_records(out)]
    assert ids == [d.id for d in docs]                    # every id exactly once, in input order
    assert not part.exists()


@pytest.mark.slow
def test_worker_processes_give_the_same_records(nlp, articles):
    items = [InputDoc(i, t) for i, t in articles] + [InputError("bad", "empty text")]
    one = [d.to_json() for d in local_records(items, nlp=nlp, batch_size=2)]
    two = [d.to_json() for d in local_records(items, n_process=2, batch_size=2)]
    assert one == two and len(one) == len(items)


@pytest.mark.slow
def test_ray_engine_matches_local_engine(tmp_path, articles):
    pytest.importorskip("ray.data")
    src = tmp_path / "in.jsonl"
    rows = [{"id": i, "text": t} for i, t in articles[:5]] + [{"id": "empty", "text": "  "}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    local = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "local.jsonl"), "-q"])
    env = {**os.environ, "RAY_ENABLE_UV_RUN_RUNTIME_ENV": "0"}
    r = subprocess.run([sys.executable, "-m", "claimx", "extract", str(src), "-o", str(tmp_path / "ray.jsonl"), "-q",
                        "--engine", "ray", "-n", "1", "--batch-size", "2"], capture_output=True, text=True, env=env,
                       timeout=600)
    assert local.exit_code == 1 and r.returncode == 1, r.stderr[-2000:]   # the empty text is an error record
    noise = [line for line in r.stderr.splitlines() if not line.startswith(("error: ", "note: "))
             and "document(s)" not in line]
    assert not noise, noise                                  # no Ray deprecation, INFO or error-level lines
    a, b = list(read_records(tmp_path / "local.jsonl")), list(read_records(tmp_path / "ray.jsonl"))
    assert [d.model_dump() for d in a] == [d.model_dump() for d in b]
    assert b[-1].status == "error" and sum(len(d.claims) for d in b) > 0


def test_resumed_run_scores_the_whole_output_against_gold(tmp_path, articles):
    from .conftest import SOURCE_GOLD, SOURCE_TEXT

    gold_id = next(iter(read_jsonl(SOURCE_GOLD))).id
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": gold_id, "text": SOURCE_TEXT.read_text(encoding="utf-8")}) + "\n"
                   + json.dumps({"id": "other", "text": articles[0][1]}) + "\n", encoding="utf-8")
    first = tmp_path / "first.jsonl"
    assert runner.invoke(app, ["extract", str(src), "-o", str(first), "-q"]).exit_code == 0
    out = tmp_path / "claims.csv"
    # an interrupted earlier run left the first record in the journal
    journal = Journal(out, producer=producer("default.cfg"))
    journal.write(next(iter(read_records(first))))
    journal.close()
    r = runner.invoke(app, ["extract", str(src), "-o", str(out), "-q", "--gold", str(SOURCE_GOLD)])
    assert r.exit_code == 0 and "resuming: 1 document" in r.output
    claim_row = next(line for line in r.output.splitlines() if line.startswith("claim") and "lenient" in line)
    assert float(claim_row.split()[-1]) > 0.9          # the resumed document was scored too
    with open(out, newline="", encoding="utf-8") as fh:
        assert {row["doc_id"] for row in csv.DictReader(fh)} == {gold_id, "other"}


def test_gpu_with_worker_processes_is_refused_clearly():
    from claimx.model.component import model_available

    if not model_available("claim-tagger"):
        pytest.skip("no trained model in models/claim-tagger")
    from .conftest import SOURCE_TEXT

    r = runner.invoke(app, ["extract", str(SOURCE_TEXT), "-p", "model", "--device", "cuda", "-n", "2", "-q"])
    assert r.exit_code == 2 and "one process" in r.output
