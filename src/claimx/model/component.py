"""``claimx_tagger``: the learned claim tagger as a spaCy component.

For each document the parser's sentences are packed into windows (nothing is cut), the tagger
marks ACTOR, CUE, ISSUE and CONDITION spans, and a grouping step turns them into claims:

- every CUE anchors a claim; each ISSUE in a sentence goes to the nearest cue of that sentence
  (several issues on one cue are coordinated contents: one claim each);
- the actor is the ACTOR span of the sentence nearest the cue outside the issue, else the subject
  mention the actors component found for the cue's verb, else the nearest ACTOR in the two
  sentences before (a quotation continued without a new speaker); its canonical name comes from
  the actors component (pronouns, surnames and metonyms resolved);
- a CONDITION in the sentence goes to the claim whose issue it touches or is nearest to; one at the
  edge of the issue is cut out of it (SPEC);
- the stance head reads the cue, the issue and the window's [CLS] state.

``mode = "model"`` writes ``Doc._.claims`` from the tagger alone; ``mode = "hybrid"`` keeps the
rules' claims (the rules components run first) and adds the tagger's claims that no rules claim
already covers (and, with ``hybrid_conditions``, gives a rules claim the tagger's condition when
it has none). A claim the tagger adds takes its condition from the rules' condition finder
(``claimx_conditions``) where that finds one, else keeps the tagger's (``added_conditions``).
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..components.actors import _strip_span, mention_at, noun_phrase
from ..components.claims import outside_editors_notes
from ..device import resolve_device
from ..resources import ModelMissing, condition_markers, cue_lexicon, resolve_model
from ..schema import STANCES
from ..scoring import token_f1
from .calibration import Calibration
from .data import SLOTS, decode_bio_tokens, windows

log = logging.getLogger("claimx")
RUNTIMES = ("torch", "onnx")
MARKERS = "markers.json"
WORDS = "lexicon_words.json"
_EDGE = " \t\n\"'“”‘’«»,;:.—–-("


def model_available(path: str | Path) -> bool:
    from .tagger import CONFIG, WEIGHTS

    p = resolve_model(path)
    return (p / WEIGHTS).is_file() and (p / CONFIG).is_file()


class TaggerComponent:
    """The tagger as a spaCy component.  Created from its settings; the weights are loaded by
    :meth:`initialize` (from ``model``: a path, or a name under the models folder) or by
    :meth:`from_disk` / :meth:`from_bytes` (a saved pipeline carries them)."""

    def __init__(self, nlp: Language, name: str, model: str, mode: str = "model", batch_size: int = 16,
                 device: str = "cpu", min_confidence: float | None = None, hybrid_min_confidence: float | None = None,
                 min_issue_tokens: int = 2, quantize: bool = False, skip_sentences: bool = False,
                 lexicon: dict[str, Any] | None = None, threads: int = 0, hybrid_conditions: bool = False,
                 quantize_all: bool = False, float_layers: list[int] | None = None, runtime: str = "torch",
                 hybrid_sentences: str = "all", hybrid_new_cues: float | None = None,
                 added_conditions: str = "rules_then_tagger"):
        if mode not in ("model", "hybrid"):
            raise ValueError(f"claimx_tagger mode must be 'model' or 'hybrid', not {mode!r}")
        if hybrid_sentences not in HYBRID_SENTENCES:
            raise ValueError(f"claimx_tagger hybrid_sentences must be one of {', '.join(HYBRID_SENTENCES)}, "
                             f"not {hybrid_sentences!r}")
        if added_conditions not in ADDED_CONDITIONS:
            raise ValueError(f"claimx_tagger added_conditions must be one of {', '.join(ADDED_CONDITIONS)}, "
                             f"not {added_conditions!r}")
        if hybrid_new_cues is not None and not 0.0 <= float(hybrid_new_cues) <= 1.0:
            raise ValueError(f"claimx_tagger hybrid_new_cues must be a confidence between 0 and 1 or null, "
                             f"not {hybrid_new_cues!r}")
        if hybrid_new_cues is not None and hybrid_sentences != "without_rules":
            raise ValueError("claimx_tagger hybrid_new_cues only applies with hybrid_sentences = \"without_rules\" "
                             "(with \"all\" every tagger claim no rules claim covers is added already)")
        self.name = name
        self.nlp = nlp
        self.mode = mode
        # where a claim the tagger adds in hybrid mode gets its condition: "tagger" (its own span),
        # "rules" (the rules' condition finder, or none), "rules_then_tagger" (the finder's where it
        # finds one, else the tagger's)
        self.added_conditions = added_conditions
        self.min_confidence = min_confidence
        self.hybrid_min_confidence = hybrid_min_confidence
        self.hybrid_conditions = hybrid_conditions
        self.min_issue_tokens = min_issue_tokens
        self.batch_size = batch_size
        self.device = resolve_device(device)
        self.model_name = model
        self.model: Any = None
        self.runner: Any = None        # what runs: the model, or its int8 copy (``quantize``)
        self.path: Path | None = None
        self.marker_list: list[str] | None = None
        self.markers: list[tuple[str, ...]] = []
        self.calibration: Any = None     # the fit for the runtime that runs
        self.calibrations: Any = None    # what calibration.json holds
        self.quantize = quantize
        self.quantize_all = quantize_all
        if quantize_all and float_layers is not None:
            raise ValueError("claimx_tagger: quantize_all quantizes every layer; it cannot be set with float_layers")
        self.float_layers = None if float_layers is None else [int(x) for x in float_layers]
        if runtime not in RUNTIMES:
            raise ValueError(f"claimx_tagger runtime must be one of {', '.join(RUNTIMES)}, not {runtime!r}")
        if runtime == "onnx" and (quantize_all or float_layers is not None):
            raise ValueError("claimx_tagger: quantize_all and float_layers choose torch's int8 scheme; "
                             "runtime = 'onnx' quantizes every encoder layer per channel")
        self.runtime = runtime
        self.threads = threads
        self.quantized = False
        self.running = "torch"          # what runs the encoder: "torch", or "onnx" (an ONNX Runtime session)
        self.skip_sentences = skip_sentences
        # hybrid mode: the tagger's claims are added in "all" sentences, or only in those where the
        # rules found no claim ("without_rules"); it still reads every sentence, for the context
        self.hybrid_sentences = hybrid_sentences
        # with "without_rules": the least confidence of a claim added in a sentence that has rules
        # claims, when its cue is none of theirs (None: no such claim is added)
        self.hybrid_new_cues = None if hybrid_new_cues is None else float(hybrid_new_cues)
        self.words: dict[str, list[str]] = {}
        self._set_words(lexicon_words(lexicon) if lexicon is not None else {})
        if not Doc.has_extension("claims"):
            Doc.set_extension("claims", default=None)

    def _set_words(self, words: dict[str, list[str]]) -> None:
        """The cue-lexicon words the tagger reads (saved with the pipeline, like the markers)."""
        self.words = words
        self.gate_words = frozenset(words.get("gate", []))
        self.gate_verbs = frozenset(words.get("gate_verbs", []))
        self.gate_phrases: dict[str, frozenset[str]] = {}   # first word -> the words that may follow it
        for phrase in words.get("gate_phrases", []):
            first, second = (phrase.lower().split() + [""])[:2]
            self.gate_phrases[first] = self.gate_phrases.get(first, frozenset()) | {second}
        self.addressee_verbs = frozenset(words.get("addressee", []))
        self.listener_verbs = frozenset(words.get("listener", []))
        self.evaluative_verbs = frozenset(words.get("evaluative", []))
        self.negative_words = frozenset(words.get("negative_evaluations", []))

    def _set_markers(self, markers: list[str]) -> None:
        self.marker_list = markers
        self.markers = sorted((tuple(m.lower().split()) for m in markers), key=len, reverse=True)

    def _use(self, tagger: Any, calibration: Any = None) -> None:
        """Run ``tagger`` (with ``quantize`` on CPU: an int8 copy of it; the float model is what is
        saved) with ``calibration`` (:class:`~claimx.model.calibration.Calibration` or None)."""
        import copy

        from .tagger import tokenizer_for

        self.model = tagger
        self.runner = tagger
        self.quantized = False
        n_layers = len(tagger.encoder.encoder.layer)
        if self.float_layers is not None and not all(0 <= k < n_layers for k in self.float_layers):
            raise ValueError(f"claimx_tagger: float_layers {self.float_layers} names a layer the encoder lacks "
                             f"(it has {n_layers}: 0-{n_layers - 1})")
        self.running = "torch"
        if self.runtime == "onnx" and self.device == "cpu":
            from .onnx_runner import OnnxRunner, OnnxUnavailable

            try:
                self.runner = OnnxRunner(tagger, quantize=self.quantize, threads=self.threads)
                self.quantized, self.running = self.quantize, "onnx"
            except OnnxUnavailable as exc:
                log.warning("claimx_tagger: %s; running the torch tagger", exc)
        elif self.runtime == "onnx":
            log.info("claimx_tagger: runtime 'onnx' is for CPU; on %s the torch tagger runs", self.device)
        if self.running == "torch" and self.quantize and self.device == "cpu":
            runner = copy.deepcopy(tagger)
            if _quantize(runner, everything=self.quantize_all, float_layers=self.float_layers):
                self.runner, self.quantized = runner, True
        self.use_calibration(calibration)
        self.tok = tokenizer_for(tagger.settings["encoder"])
        self.max_length = int(tagger.settings["max_length"])

    # -- initialisation and serialisation -------------------------------------------------------
    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None, model: str | None = None,
                   markers: dict[str, Any] | None = None, lexicon: dict[str, Any] | None = None) -> None:
        """Load the trained weights from ``model`` (default: the factory's; :class:`ModelMissing`
        when there are none) and the condition markers (``markers``, else the default file of
        ``claimx.condition_markers.v1``: a tagged condition must begin with one)."""
        from .tagger import ClaimTagger

        self._set_markers(list((markers if markers is not None else condition_markers()).get("markers", [])))
        if lexicon is not None or not self.words:
            self._set_words(lexicon_words(lexicon if lexicon is not None else cue_lexicon()))

        path = resolve_model(model or self.model_name)
        if not model_available(path):
            raise ModelMissing(f"no trained claim tagger at {path}")
        self.path = path
        self._use(ClaimTagger.load(path, self.device), Calibration.load(path))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        import srsly

        self._require_model()
        path = Path(path)
        self.model.save(path, extra=self.model.extra)
        srsly.write_json(path / MARKERS, self.marker_list)
        srsly.write_json(path / WORDS, self.words)
        if self.calibrations is not None:
            self.calibrations.save(path)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "TaggerComponent":
        import srsly

        from .tagger import ClaimTagger

        path = Path(path)
        self.path = path
        self._use(ClaimTagger.load(path, self.device), Calibration.load(path))
        if (path / MARKERS).is_file():
            self._set_markers(list(srsly.read_json(path / MARKERS)))
        if (path / WORDS).is_file():
            self._set_words(_with_shipped_words(srsly.read_json(path / WORDS)))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        import srsly

        self._require_model()
        cal = self.calibrations.to_dict() if self.calibrations is not None else None
        return srsly.msgpack_dumps({"tagger": self.model.to_bytes(), "markers": self.marker_list, "calibration": cal,
                                    "words": self.words})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "TaggerComponent":
        import srsly

        from .tagger import ClaimTagger

        msg = srsly.msgpack_loads(data)
        cal = msg.get("calibration")
        self._use(ClaimTagger.from_bytes(msg["tagger"], self.device), Calibration.from_dict(cal) if cal else None)
        self._set_markers(list(msg["markers"]))
        self._set_words(_with_shipped_words(msg.get("words")))
        return self

    def _require_model(self) -> None:
        if self.model is None:
            raise ValueError(f"{self.name} has no weights yet: build the pipeline with claimx.load (which"
                             " initializes it), call nlp.initialize(), or load a saved pipeline")

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        self._require_model()
        buf: list[Doc] = []
        for doc in docs:
            buf.append(doc)
            if len(buf) >= batch_size:
                yield from self._process(buf)
                buf = []
        if buf:
            yield from self._process(buf)

    # -- inference ---------------------------------------------------------------------------------
    def _process(self, docs: list[Doc]) -> list[Doc]:
        import torch

        if not self.threads or self.device != "cpu":
            return self._run(docs)
        before = torch.get_num_threads()
        torch.set_num_threads(self.threads)   # torch's own threads, for this call only
        try:
            return self._run(docs)
        finally:
            torch.set_num_threads(before)

    def _run(self, docs: list[Doc]) -> list[Doc]:
        import torch

        jobs = []  # (doc index, window)
        texts = []
        for i, doc in enumerate(docs):
            text = doc.text
            texts.append(text)
            if doc.has_annotation("SENT_START"):
                gate = self._gate_tokens(doc) if self.skip_sentences else None
                sents = [(s.start_char, s.end_char) for s in doc.sents if gate is None or self._may_hold_claim(s, gate, text)]
            else:
                sents = [(0, len(text))]
            for w in windows(text, sents, self.tok, self.max_length):
                jobs.append((i, w))
        # An int8 encoder (torch's copy or the ONNX session) scales its activations over the whole
        # batch, padding included: a window batched with other documents' windows could tag
        # differently. There each window runs alone, so that a document gets the same claims alone
        # or in any feed (on CPU about as fast with the ONNX session, 1.2x slower with torch's copy).
        # A float encoder batches windows of similar length across documents (little padding).
        size = 1 if self.quantized or self.running == "onnx" else self.batch_size
        pad_id = self.tok.pad_token_id
        jobs.sort(key=lambda job: len(job[1].input_ids))
        chunks = [jobs[k: k + size] for k in range(0, len(jobs), size)]
        spans: list[dict[str, list[tuple[int, int, float]]]] = [{s: [] for s in SLOTS} for _ in docs]
        found: list[list[tuple[int, Any, Any, list[tuple[int, int]]]]] = [[] for _ in docs]
        with torch.no_grad():
            for chunk in chunks:
                ids, mask = _inputs([w for _, w in chunk], pad_id, self.device)
                hidden, logits = self.runner(ids, mask)
                probs = logits.softmax(-1)
                tags = probs.argmax(-1).cpu().numpy()
                inside = (probs[..., 1] + probs[..., 2]).cpu().numpy()   # P(B or I) per token and slot
                for row, ((i, w), t) in enumerate(zip(chunk, tags)):
                    n = len(w.offsets)
                    offsets = w.offsets[:n]
                    for j, slot in enumerate(SLOTS):
                        column = t[:n, j]
                        if not column.any():          # no span of this slot in the window (all O)
                            continue
                        ins = inside[row, :n, j].tolist()
                        for a, b_, ks in decode_bio_tokens(column.tolist(), offsets):
                            conf = [ins[k] for k in _tokens_within(offsets, a, b_, ks[0], ks[-1])]
                            spans[i][slot].append((a, b_, sum(conf) / max(1, len(conf))))
                    found[i].append((row, hidden[row: row + 1], w, w.offsets))
        for i, doc in enumerate(docs):
            cleaned, conf = self._clean_spans(doc, spans[i])
            claims = [c for c in self._group(doc, texts[i], cleaned, conf) if not passive_patient(doc, c)]
            self._stances(claims, found[i])
            for c in claims:
                c["confidence"] = round(self.calibration(c.pop("_conf")) if self.calibration else c.pop("_conf"), 3)
            if self.mode == "hybrid":
                added = [c for c in claims if c["confidence"] >= self.threshold("hybrid")]
                if self._scoped and doc.has_annotation("SENT_START"):
                    free = outside_sentences_with(added, doc._.claims or [], [(s.start_char, s.end_char) for s in doc.sents])
                    kept = {id(c) for c in free}
                    more = with_new_cues([c for c in added if id(c) not in kept], doc._.claims or [], self.hybrid_new_cues) \
                        if self.hybrid_new_cues is not None else []
                    added = sorted(free + more, key=text_order)
                if self.added_conditions != "tagger":
                    self._rules_conditions(doc, added)
                claims = merge(doc._.claims or [], outside_editors_notes(texts[i], added), conditions=self.hybrid_conditions)
            else:
                claims = sorted((c for c in outside_editors_notes(texts[i], claims) if c["confidence"] >= self.threshold("model")),
                                key=text_order)
            doc._.claims = claims
        return docs

    def _rules_conditions(self, doc: Doc, added: list[dict[str, Any]]) -> None:
        """Give the tagger's added claims the condition the rules' finder reads for them (the issue
        loses a condition at its edge, as for a rules claim). The finder's conditions were right
        more often: on the fifth to eighth gold batches, which the tagger never trained on, condition
        F1 rose from 0.691 to 0.702 (sixth) and 0.553 to 0.583 (seventh), the rest unchanged. Where
        the finder reads none, "rules_then_tagger" keeps the tagger's (its parse-free reading found
        "if elected president" where the parser hung "president" on the verb)."""
        if not added or "claimx_conditions" not in self.nlp.pipe_names:
            return
        finder = self.nlp.get_pipe("claimx_conditions")
        conditions = finder.found(doc)
        starts = [c.start for c in conditions]
        for claim in added:
            own = claim.get("condition")
            claim["condition"] = None
            finder.attach(doc, claim, conditions, starts)
            if claim["condition"] is None and self.added_conditions == "rules_then_tagger":
                claim["condition"] = own

    def use_calibration(self, calibration: Any) -> None:
        """Set the stored fits (:class:`~claimx.model.calibration.Calibration` or None); the one
        for the runtime that runs applies."""
        self.calibrations = calibration
        self.calibration = calibration.for_runtime(self.running) if calibration is not None else None

    @property
    def _scoped(self) -> bool:
        """Whether the hybrid adds the tagger's claims only where the rules found nothing."""
        return self.mode == "hybrid" and self.hybrid_sentences == "without_rules"

    def threshold(self, mode: str) -> float:
        """The least (calibrated) confidence of a claim the tagger writes (``model``) or adds to the
        rules' (``hybrid``): the config's value when set, else the threshold chosen on the
        calibration fold (``calibration.json``), else 0.6 / 0.7."""
        set_ = self.min_confidence if mode == "model" else self.hybrid_min_confidence
        if set_ is not None:
            return float(set_)
        if self.calibration and mode in self.calibration.thresholds:
            return self.calibration.thresholds[mode]
        return 0.6 if mode == "model" else 0.7

    def _gate_tokens(self, doc: Doc) -> Any:
        """Per token of ``doc``, whether it is a cue word of the lexicon (by lemma; a word that is
        a cue only as a verb, ``gate_verbs``, where it is tagged a verb; a word that is a cue only
        as the first of a phrasal cue, ``gate_phrases``, where the phrase's second word follows
        within four tokens: "took aim at", not "took place") or "according": read from the token
        arrays once per document, each distinct lemma looked up once."""
        import numpy
        from spacy.attrs import LEMMA, LOWER, POS
        from spacy.symbols import AUX, VERB

        arr = doc.to_array([LEMMA, LOWER, POS])
        strings, words, verbs = doc.vocab.strings, self.gate_words, self.gate_verbs
        seen = [(h, strings[int(h)].lower()) for h in numpy.unique(arr[:, 0])]
        any_pos = [h for h, w in seen if w in words and w not in verbs]
        as_verb = [h for h, w in seen if w in verbs]
        verb_pos = numpy.isin(arr[:, 2], [VERB, AUX])
        mask = numpy.isin(arr[:, 0], any_pos) | (numpy.isin(arr[:, 0], as_verb) & verb_pos)
        phrasal = [h for h, w in seen if w in self.gate_phrases]
        for i in numpy.flatnonzero(mask & numpy.isin(arr[:, 0], phrasal)):
            after = {strings[int(h)] for h in arr[i + 1: i + 5, 1]}
            if not self.gate_phrases[strings[int(arr[i, 0])].lower()] & after:
                mask[i] = False
        return mask | (arr[:, 1] == strings["according"])

    def _may_hold_claim(self, sent: Any, gate: Any = None, text: str | None = None) -> bool:
        """The sentence gate (``skip_sentences``): only a sentence with a cue word of the lexicon
        (by lemma, :meth:`_gate_tokens`), a quotation mark, a colon or "according" can hold a claim
        the tagger would find; the others are not run through the encoder.  ``gate``: :meth:`_gate_tokens` of its document,
        ``text``: the document's text (``doc.text`` joins every token anew on each call)."""
        words = sent.text if text is None else text[sent.start_char:sent.end_char]
        if any(ch in words for ch in _GATE_MARKS):
            return True
        if gate is None:
            gate = self._gate_tokens(sent.doc)
        return bool(gate[sent.start:sent.end].any())

    def _stances(self, claims: list[dict[str, Any]], windows_: list[tuple[int, Any, Any, list[tuple[int, int]]]]) -> None:
        import torch

        groups: dict[int, list[tuple[dict[str, Any], Any, Any]]] = {}   # window -> (claim, cue mask, issue mask)
        for c in claims:
            c["stance"] = "support"
            read = c.pop("_stance_issue", None) or c["issue"]
            if c.pop("_negative", False):
                c["stance"] = "oppose"   # the lexicon decides, as in the rules' evaluative claims
                continue
            for k, (_, hidden, w, offsets) in enumerate(windows_):
                if w.start <= read["start"] and read["end"] <= w.end:
                    n = hidden.shape[1]
                    ca, cb = (c["cue"]["start"], c["cue"]["end"]) if c.get("cue") else (0, 0)
                    ia, ib = read["start"], read["end"]
                    cue = [0.0] * n
                    issue = [0.0] * n
                    for t, (a, b) in enumerate(offsets[:n]):
                        if b > a:
                            if a < cb and b > ca:
                                cue[t] = 1.0
                            if a < ib and b > ia:
                                issue[t] = 1.0
                    groups.setdefault(k, []).append((c, torch.tensor(cue, device=hidden.device),
                                                     torch.tensor(issue, device=hidden.device)))
                    break
        with torch.no_grad():
            for k, items in groups.items():   # one call per window for all its claims
                hidden = windows_[k][1]
                probs = self.runner.stance_logits(hidden, [0] * len(items), torch.stack([x[1] for x in items]),
                                                  torch.stack([x[2] for x in items])).softmax(-1)
                for (c, _, _), p in zip(items, probs):
                    top = int(p.argmax())
                    c["stance"] = STANCES[top]
                    c["stance_confidence"] = round(float(p[top]), 3)

    def _clean_spans(self, doc: Doc, spans: dict[str, list[tuple[int, int, float]]]
                     ) -> tuple[dict[str, list[tuple[int, int]]], dict[tuple[str, int, int], float]]:
        """Snap spans to whole words (a span may start or end inside a word piece), merge what then
        overlaps, drop issues shorter than ``min_issue_tokens`` words and conditions that do not
        begin with a condition marker (SPEC: the condition includes its marker).  Returns the spans
        per slot and the confidence of each, keyed by (slot, start, end)."""
        out: dict[str, list[tuple[int, int]]] = {}
        confidence: dict[tuple[str, int, int], float] = {}
        for slot, items in spans.items():
            kept: list[tuple[int, int, float]] = []
            for a, b, conf in sorted(items):
                span = doc.char_span(a, b, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                if span.start > 0 and (span[0].tag_ == "POS" or span[0].lower_ in ("’s", "'s")):
                    span = doc[span.start - 1: span.end]  # "’s security": the possessor belongs to it
                words = [t for t in span if not (t.is_punct or t.is_space)]
                if slot == "ISSUE" and len(words) < self.min_issue_tokens:
                    continue
                if slot == "CONDITION" and self.markers and not self._starts_with_marker(span):
                    continue
                a, b = span.start_char, span.end_char
                if kept and a < kept[-1][1]:
                    pa, pb, pc = kept[-1]
                    kept[-1] = (pa, max(pb, b), max(pc, conf))
                else:
                    kept.append((a, b, conf))
            if slot == "ISSUE":
                kept = self._join_fragments(doc, kept, spans.get("CUE", []))
                kept = [(a, self._complete_issue(doc, a, b), c) for a, b, c in kept]
            if slot == "CONDITION":
                kept = [(a, self._clause_end(doc, a, b), c) for a, b, c in kept]
            if slot == "ACTOR":
                names = [e for e in doc.ents if e.label_ in _NAME_LABELS]   # once: doc.ents builds new spans
                kept = [(*self._actor_phrase(doc, a, b, names), c) for a, b, c in kept]
            out[slot] = [(a, b) for a, b, _ in kept]
            for a, b, conf in kept:
                confidence[(slot, a, b)] = conf
        return out, confidence

    @staticmethod
    def _join_fragments(doc: Doc, kept: list[tuple[int, int, float]], cues: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
        """Issue pieces of one sentence separated by at most two words and no cue are one issue
        (the tagger sometimes drops a word inside a long content)."""
        out: list[tuple[int, int, float]] = []
        for a, b, c in kept:
            if out:
                pa, pb, pc = out[-1]
                gap = doc.char_span(pb, a, alignment_mode="expand") if a > pb else None
                same_sent = doc.char_span(pa, b, alignment_mode="expand")
                cue_between = any(pb <= ca and cb <= a for ca, cb, _ in cues)
                if (gap is None or len([t for t in gap if not t.is_space]) <= 2) and not cue_between and \
                        same_sent is not None and same_sent[0].sent.start == same_sent[-1].sent.start:
                    out[-1] = (pa, b, min(pc, c))
                    continue
            out.append((a, b, c))
        return out

    @staticmethod
    def _governing_cue(doc: Doc, issue: tuple[int, int], cues: list[tuple[int, int]]) -> tuple[int, int] | None:
        """Of the sentence's tagged cues, the one whose verb the issue's clause hangs on: the first
        or second ancestor of the issue's head outside the issue (the verb, or the verb above a
        preposition) -- "Clinton told the gathering she will protect X while her opponent wants Y":
        "she will protect X" goes with "told", not with the nearer "wants"; None when neither is a
        tagged cue (higher up, parse errors made the nearest cue the better guess)."""
        span = doc.char_span(issue[0], issue[1], alignment_mode="expand")
        if span is None or not len(span):
            return None
        at: dict[int, tuple[int, int]] = {}
        for c in cues:
            cs = doc.char_span(c[0], c[1], alignment_mode="expand")
            if cs is not None and len(cs):
                at.setdefault(cs.root.i, c)
        outside = [a for a in span.root.ancestors if not span.start <= a.i < span.end]
        for anc in outside[:2]:   # the verb it hangs on, or the one above a preposition
            if anc.i in at:
                return at[anc.i]
        return None

    @staticmethod
    def _complete_issue(doc: Doc, a: int, b: int) -> int:
        """An issue the tagger ended on a word that opens a phrase whose rest follows ("be tougher
        as", "the example of Indiana, which", "called it improper on"): it runs to the end of that
        phrase, within its sentence. A stranded preposition ("the gender they identify with")
        has nothing after it and stays."""
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or not len(span):
            return b
        last = span[-1]
        while last.i > span.start and (last.is_punct or last.is_space):
            last = doc[last.i - 1]
        if last.pos_ not in ("ADP", "SCONJ", "DET", "CCONJ") and last.tag_ not in ("WDT", "WP", "TO", "IN"):
            return b
        opened = last.head if last.dep_ in ("det", "mark", "cc", "aux", "nsubj", "nsubjpass", "dobj") and last.head.i > last.i else last
        end = max(t.i for t in opened.subtree)
        if last.dep_ == "cc":    # "X and": the conjunct after it
            end = max([end] + [t.i for c in last.head.children if c.dep_ == "conj" and c.i > last.i for t in c.subtree])
        end = min(end, last.sent.end - 1)
        while end > last.i and (doc[end].is_punct or doc[end].is_space):
            end -= 1
        if end <= last.i:
            return b
        return max(b, doc[end].idx + len(doc[end].text))

    @staticmethod
    def _clause_end(doc: Doc, a: int, b: int) -> int:
        """A condition runs to the end of the clause or phrase its marker introduces (the parse
        decides), not beyond its sentence: "unless" -> "unless progress was made by May"."""
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            return b
        first = span[0]
        head = first.head if first.dep_ == "mark" else first
        if first.dep_ not in ("mark", "prep", "advmod", "cc"):
            return b
        last = max(t.i for t in head.subtree)
        last = min(last, first.sent.end - 1)
        while last > first.i and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        return max(b, doc[last].idx + len(doc[last].text))

    @staticmethod
    def _actor_phrase(doc: Doc, a: int, b: int, names: list[Any] | None = None) -> tuple[int, int]:
        """The whole noun phrase around a tagged actor piece ("delegation" -> "Russian
        delegation"), and any name it overlaps whole, without a possessive ending or determiner.
        ``names``: the document's entities of a name label (read from ``doc.ents`` when not given)."""
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            return a, b
        if names is None:
            names = [e for e in doc.ents if e.label_ in _NAME_LABELS]
        for ent in names:   # a name is never cut: "Hillary" of "Hillary Clinton" is the whole name
            if ent.start < span.end and span.start < ent.end:
                span = doc[min(span.start, ent.start): max(span.end, ent.end)]
        root = span.root
        if root.pos_ not in ("NOUN", "PROPN"):
            return span.start_char, span.end_char
        start, end = noun_phrase(root)
        start, end = min(start, span.start), max(end, span.end)
        start, end = _strip_span(doc, start, end)
        if start >= end:
            return a, b
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)

    def _starts_with_marker(self, span: Any) -> bool:
        low = tuple(t.lower_ for t in span[:4])
        return any(low[: len(m)] == m for m in self.markers)

    def _group(self, doc: Doc, text: str, spans: dict[str, list[tuple[int, int]]],
               conf: dict[tuple[str, int, int], float] | None = None) -> list[dict[str, Any]]:
        conf = conf or {}
        sent_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]

        def sent_of(pos: int) -> int:
            return bisect.bisect_right(sent_starts, pos) - 1

        def span_dict(a: int, b: int) -> dict[str, Any] | None:
            while a < b and text[a] in _EDGE:
                a += 1
            while b > a and text[b - 1] in _EDGE:
                b -= 1
            if a >= b:
                return None
            return {"text": text[a:b], "start": a, "end": b}

        def dist(x: tuple[int, int], y: tuple[int, int]) -> int:
            return max(0, max(x[0], y[0]) - min(x[1], y[1]))

        cues, issues = spans["CUE"], spans["ISSUE"]
        actors, conds = spans["ACTOR"], spans["CONDITION"]
        by_cue: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for iss in issues:
            same = [c for c in cues if sent_of(c[0]) == sent_of(iss[0]) and not (c[0] >= iss[0] and c[1] <= iss[1])]
            if not same:
                continue
            cue = self._governing_cue(doc, iss, same) or min(same, key=lambda c: dist(c, iss))
            by_cue.setdefault(cue, []).append(iss)
        claims = []
        for cue, iss_list in by_cue.items():
            s = sent_of(cue[0])
            cands = [a for a in actors if sent_of(a[0]) == s and not any(i[0] <= a[0] and a[1] <= i[1] for i in iss_list)]
            actor = min(cands, key=lambda a: (dist(a, cue), a[0] > cue[0])) if cands else None
            mention = None
            if actor is None:
                mention = self._subject_mention(doc, cue)
                if mention is None:
                    before = [a for a in actors if s - 2 <= sent_of(a[0]) < s]
                    actor = before[-1] if before else None
            if actor is None and mention is None:
                continue
            if mention is None:   # (then a tagged actor was found)
                # the cue verb's own subject holds it: a tagged actor outside that subject is
                # another noun of the sentence ("Texas, leading a coalition of 13 states, asked X")
                subject = self._own_subject(doc, cue)
                if subject is not None and not _overlaps({"start": subject[1][0], "end": subject[1][1]}, actor):
                    mention = subject[0]
            if mention is None:
                span = doc.char_span(actor[0], actor[1], alignment_mode="expand")
                mention = mention_at(doc, span.root) if span is not None else None
                a_dict = span_dict(*actor)
                canonical = mention["canonical"] if mention and _overlaps(mention, actor) else (a_dict or {}).get("text")
            else:
                a_dict = {"text": mention["text"], "start": mention["start"], "end": mention["end"]}
                canonical = mention["canonical"]
            if a_dict is None:
                continue
            a_dict["canonical"] = canonical
            cue_dict = span_dict(*cue)
            for iss in iss_list:
                issue = [iss[0], iss[1]]
                cond = None
                near = [c for c in conds if sent_of(c[0]) == s]
                if near:
                    best = min(near, key=lambda c: dist(c, tuple(issue)))
                    if dist(best, tuple(issue)) <= 3 or (best[0] >= issue[0] and best[1] <= issue[1]):
                        cond = best
                        if cond[0] <= issue[0] + 1 and cond[1] < issue[1]:     # at the start: cut out
                            issue[0] = cond[1]
                        elif cond[1] >= issue[1] - 1 and cond[0] > issue[0]:   # at the end: cut out
                            issue[1] = cond[0]
                issue, addressee = self._addressee(doc, cue, issue)
                evaluated = self._evaluated(doc, cue, issue) if issue else None
                i_dict = span_dict(*(evaluated or issue)) if issue else None
                if i_dict is None:
                    continue
                claims.append({
                    "actor": dict(a_dict), "issue": i_dict, "cue": cue_dict,
                    "condition": span_dict(*cond) if cond else None, "addressee": addressee,
                    "source": f"{self.name}:model",
                    "_conf": min(conf.get(("CUE", *cue), 1.0), conf.get(("ISSUE", iss[0], iss[1]), 1.0)),
                    # the stance reads the evaluation too ("calling it the mark of a desperate candidate")
                    "_stance_issue": {"start": issue[0], "end": issue[1]} if evaluated else None,
                    "_negative": bool(evaluated) and self._negative_evaluation(doc, evaluated[1], issue[1]),
                })
        return claims

    def _evaluated(self, doc: Doc, cue: tuple[int, int], issue: list[int]) -> tuple[int, int] | None:
        """SPEC's evaluative claims: after an evaluative verb ("calling it the mark of a desperate
        candidate", "views Mr. Trump as a poisonous candidate") the issue is what is evaluated, the
        verb's object, not the evaluation after it (None: the issue stays as tagged)."""
        cue_span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
        if cue_span is None or cue_span.root.lemma_.lower() not in self.evaluative_verbs:
            return None
        verb = cue_span.root
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        evaluation = next((c for c in verb.children if c.i > verb.i and (
            (c.dep_ in ("oprd", "xcomp", "ccomp") and c.pos_ in ("NOUN", "PROPN", "ADJ", "PRON"))
            or (c.dep_ == "prep" and c.lower_ == "as"))), None)   # not a verb: "see Le Pen making it"
        if obj is None and evaluation is not None and evaluation.dep_ in ("oprd", "xcomp", "ccomp"):
            # "calling it the mark of X": the parser's small clause, its subject the object
            obj = next((c for c in evaluation.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < evaluation.i), None)
        if obj is None or evaluation is None or obj.i < verb.i:
            return None
        start, end = obj.left_edge, obj.right_edge
        if not (issue[0] <= start.idx and end.idx + len(end.text) < issue[1]):
            return None   # the tagged issue is not the object and its evaluation
        return start.idx, end.idx + len(end.text)

    def _negative_evaluation(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the evaluation (characters ``start``..``end``) holds a word of the lexicon's
        negative evaluations ("called the plan a mistake"), as the rules read it."""
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.lower_ in self.negative_words or t.lemma_.lower() in self.negative_words for t in span)

    def _addressee(self, doc: Doc, cue: tuple[int, int], issue: list[int]) -> tuple[list[int] | None, dict[str, Any] | None]:
        """SPEC: in "urged / pressed / told Y to do X" Y is the addressee, not the issue.  The
        addressee is the cue verb's dative or indirect object, the object of an addressee verb
        (lexicon ``addressee_verbs``) followed by its complement or of one that reports speech
        ("told reporters"), or "to Y" on the cue.  An issue
        that is only the addressee gives no claim (None); one that starts with it is cut after it
        (and after an infinitive "to")."""
        cue_span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
        iss = doc.char_span(issue[0], issue[1], alignment_mode="expand")
        if cue_span is None or iss is None or not len(iss):
            return issue, None
        verb = cue_span.root
        has_complement = any(c.dep_ in ("xcomp", "ccomp") and c.i > verb.i for c in verb.children)
        for child in verb.children:
            node = None
            if child.dep_ in ("dative", "iobj"):
                node = child
            elif child.dep_ == "dobj" and verb.lemma_.lower() in self.addressee_verbs and \
                    (has_complement or verb.lemma_.lower() in self.listener_verbs):
                node = child
            elif child.dep_ == "prep" and child.lower_ == "to" and verb.lemma_.lower() in self.addressee_verbs:
                node = next((g for g in child.children if g.dep_ == "pobj"), None)
            if node is None or node.i < verb.i:
                continue
            left, right = node.left_edge.i, node.right_edge.i + 1
            if not (left <= iss.start < right):
                continue
            mention = {"text": doc[left:right].text, "start": doc[left].idx, "end": doc[right - 1].idx + len(doc[right - 1].text)}
            found = mention_at(doc, node)
            mention["canonical"] = found["canonical"] if found and _overlaps(found, (mention["start"], mention["end"])) else mention["text"]
            if iss.end <= right:
                return None, mention
            k = right
            while k < iss.end and (doc[k].is_punct or doc[k].lower_ == "to"):
                k += 1
            if k >= iss.end:
                return None, mention
            return [doc[k].idx, issue[1]], mention
        return issue, None

    @staticmethod
    def _own_subject(doc: Doc, cue: tuple[int, int]) -> tuple[dict[str, Any], tuple[int, int]] | None:
        """The actor mention that is the subject of the cue's verb itself (a direct nominal
        subject, not a relative or expletive pronoun), and the character span of its whole phrase."""
        span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
        if span is None or span.root.pos_ not in ("VERB", "AUX"):
            return None
        subjects = [c for c in span.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subjects) != 1:
            return None   # none, or two (a dateline read as a second subject: "ISTANBUL, ... - X agreed")
        subj = subjects[0]
        if subj.tag_ in ("WDT", "WP", "EX") or subj.lower_ in ("it", "that", "which", "who", "this"):
            return None
        found = mention_at(doc, subj)
        if found is None:
            return None
        # its phrase without what describes it: clauses ("Texas, leading a coalition of 13 states,"),
        # and, after a name, appositions and prepositional phrases ("Brian Fallon, a spokesman for
        # Mrs. Clinton,"); a common noun keeps them ("Her campaign manager, Robby Mook,")
        describing = ("acl", "relcl", "appos", "prep") if subj.pos_ in ("PROPN", "PRON") else ("acl", "relcl")
        clauses = {t.i for c in subj.children if c.dep_ in describing and not (   # (not across a dash:
            c.dep_ == "appos" and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text in ("-", "\u2013", "\u2014"))
            for t in c.subtree}                                                  # a misread clause)
        words = [t for t in subj.subtree if t.i not in clauses and not t.is_punct]
        return found, (words[0].idx, words[-1].idx + len(words[-1].text))

    @staticmethod
    def _subject_mention(doc: Doc, cue: tuple[int, int]) -> dict[str, Any] | None:
        span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
        if span is None:
            return None
        head = span.root
        for tok in [head, *head.ancestors][:3]:
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return mention_at(doc, child)
        return None


def _inputs(wins: list[Any], pad_id: int, device: str) -> tuple[Any, Any]:
    """Token ids (padded with ``pad_id``) and attention mask of ``wins``, for inference."""
    import torch

    n = max(len(w.input_ids) for w in wins)
    ids = torch.full((len(wins), n), pad_id, dtype=torch.long)
    mask = torch.zeros((len(wins), n), dtype=torch.long)
    for i, w in enumerate(wins):
        ids[i, :len(w.input_ids)] = torch.tensor(w.input_ids)
        mask[i, :len(w.input_ids)] = 1
    return ids.to(device), mask.to(device)


def _tokens_within(offsets: list[tuple[int, int]], a: int, b: int, first: int, last: int) -> list[int]:
    """The tokens whose characters lie within ``a:b`` (special tokens excluded), in order, from a
    span's first and last token: offsets rise along a window, so they are the span's own tokens and
    any next to them with the same characters (a character cut into several tokens)."""
    def within(k: int) -> bool:
        x, y = offsets[k]
        return y > x and x >= a and y <= b

    while first > 0 and within(first - 1):
        first -= 1
    while last + 1 < len(offsets) and within(last + 1):
        last += 1
    return [k for k in range(first, last + 1) if within(k)]


def _overlaps(m: dict[str, Any], span: tuple[int, int]) -> bool:
    return m["start"] < span[1] and span[0] < m["end"]


def merge(rules: list[dict[str, Any]], model: list[dict[str, Any]], conditions: bool = False) -> list[dict[str, Any]]:
    """The rules' claims and each model claim that no rules claim covers (an overlapping actor or
    the same canonical, and an issue with token F1 >= 0.5), in text order; a matched rules claim
    without a condition takes the model's when ``conditions`` is set (``hybrid_conditions``; off by
    default: chosen on the calibration fold, where the rules' own conditions did better)."""
    out = [dict(c) for c in rules]
    for m in model:
        match = None
        for r in out:
            same_actor = (r["actor"]["start"] < m["actor"]["end"] and m["actor"]["start"] < r["actor"]["end"]) or \
                (r["actor"].get("canonical") and r["actor"].get("canonical") == m["actor"].get("canonical"))
            if same_actor and token_f1(r["issue"]["text"], m["issue"]["text"]) >= 0.5:
                match = r
                break
        if match is None:
            out.append({**m, "source": m["source"].replace(":model", ":hybrid")})
        elif conditions and match.get("condition") is None and m.get("condition") is not None:
            match["condition"] = m["condition"]
    return sorted(out, key=text_order)


HYBRID_SENTENCES = ("all", "without_rules")
ADDED_CONDITIONS = ("tagger", "rules", "rules_then_tagger")


def _anchor(claim: dict[str, Any]) -> int:
    return (claim.get("cue") or claim["issue"])["start"]


def without_claims(sents: list[tuple[int, int]], claims: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """The sentences (character bounds) in which none of ``claims`` is anchored (its cue, else its
    issue, starts there)."""
    anchors = sorted(_anchor(c) for c in claims)
    out = []
    for a, b in sents:
        k = bisect.bisect_left(anchors, a)
        if k == len(anchors) or anchors[k] >= b:
            out.append((a, b))
    return out


def outside_sentences_with(model: list[dict[str, Any]], rules: list[dict[str, Any]],
                           sents: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """The model claims anchored in a sentence where no rules claim is: what the hybrid adds with
    ``hybrid_sentences = "without_rules"``.  The tagger still reads the other sentences: without
    them as context it loses the speakers of continuation quotations (on the calibration fold,
    0.799 against 0.820 claim F1 with the int8 tagger and the gate)."""
    free = without_claims(sents, rules)
    starts = [a for a, _ in free]
    out = []
    for c in model:
        x = _anchor(c)
        k = bisect.bisect_right(starts, x) - 1
        if k >= 0 and x < free[k][1]:
            out.append(c)
    return out


def with_new_cues(model: list[dict[str, Any]], rules: list[dict[str, Any]], min_confidence: float) -> list[dict[str, Any]]:
    """The model claims with at least ``min_confidence`` whose cue overlaps no rules claim's cue:
    what the hybrid adds in sentences that have rules claims (``hybrid_new_cues``).  Next to a rules
    claim the tagger's claims at the same cue were mostly wrong; at a cue the rules did not read,
    on the third gold batch (which the tagger never saw) those at 0.8 or more were 11 right, 2 wrong
    and 2 optional, those between 0.7 and 0.8 were 7 right and 8 wrong."""
    cues = [r["cue"] for r in rules if r.get("cue")]
    return [m for m in model if m.get("cue") and m["confidence"] >= min_confidence
            and not any(_overlaps(r, (m["cue"]["start"], m["cue"]["end"])) for r in cues)]


def passive_patient(doc: Doc, claim: dict[str, Any]) -> bool:
    """A tagger claim whose actor is the subject of its passive cue ("Sanders has been criticized
    for X", "he was warned against X"): the one acted on, not the holder; the rules read such a
    cue's "by" agent as holder (``verb_passive``)."""
    cue, actor = claim.get("cue"), claim.get("actor")
    if not cue or not actor or actor.get("start") is None:
        return False
    span = doc.char_span(cue["start"], cue["end"], alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        if tok.pos_ != "VERB":
            continue
        for c in tok.children:
            if c.dep_ == "nsubjpass" and c.idx < actor["end"] and actor["start"] < c.idx + len(c.text):
                return True
    return False


def text_order(claim: dict[str, Any]) -> tuple[int, int]:
    """Records in text order: by cue (the rules' order), else issue, then issue."""
    anchor = claim.get("cue") or claim["issue"]
    return anchor["start"], claim["issue"]["start"]


_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_GATE_MARKS = ('"', "“", "”", "«", "»", ":")


def lexicon_words(lexicon: dict[str, Any]) -> dict[str, list[str]]:
    """What the tagger reads from the cue lexicon: the sentence gate's words, the addressee verbs,
    the report verbs whose object alone is a listener ("told reporters"), and the evaluative verbs
    with the negative evaluation words (an evaluated object as the issue, "called it a disaster").
    A pipeline saved before the last two were added takes them from the shipped lexicon on load."""
    report = set((lexicon.get("report") or {}).get("verbs", []))
    return {"gate": sorted(gate_words(lexicon)), "gate_verbs": sorted(gate_verbs(lexicon)),
            "gate_phrases": sorted(gate_phrases(lexicon)), "addressee": sorted(lexicon.get("addressee_verbs") or []),
            "listener": sorted(report - set(lexicon.get("report_objects") or [])),
            "evaluative": sorted(lexicon.get("evaluative") or []),
            "negative_evaluations": sorted(lexicon.get("negative_evaluations") or [])}


WORD_LISTS = frozenset({"gate", "gate_verbs", "gate_phrases", "addressee", "listener", "evaluative", "negative_evaluations"})


def _with_shipped_words(saved: dict[str, list[str]] | None) -> dict[str, list[str]]:
    """The word lists a saved pipeline holds; one it was saved without (saved before that list
    existed) comes from the shipped cue lexicon rather than being empty."""
    words = dict(saved or {})
    if WORD_LISTS <= words.keys():
        return words   # a complete pipeline reads nothing outside itself
    return {**lexicon_words(cue_lexicon()), **words}


def _gate_sections(lexicon: dict[str, Any]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The cue lexicon's words as the sentence gate reads them, lower-cased: the verbs (report,
    support and oppose verbs, evaluative and addressee verbs), the phrasal cues, and the nominal
    words (light and agent nouns, adjectives)."""
    verbs: set[str] = set()
    for section in ("report", "support", "oppose"):
        verbs.update((lexicon.get(section) or {}).get("verbs", []))
    verbs.update(lexicon.get("evaluative") or [])
    verbs.update(lexicon.get("addressee_verbs") or [])
    nominal: set[str] = set()
    for section in ("light_nouns", "agent_nouns", "adjectives"):
        nominal.update(lexicon.get(section) or [])
    phrasal = frozenset(k.lower() for k in lexicon.get("phrasal") or {})
    return frozenset(w.lower() for w in verbs), phrasal, frozenset(w.lower() for w in nominal)


def gate_words(lexicon: dict[str, Any]) -> frozenset[str]:
    """Words that can make a sentence a claim, from the cue lexicon (data, not code): the report,
    support and oppose verbs, the first word of each phrasal cue, light and agent nouns,
    adjectives, evaluative and addressee verbs."""
    verbs, phrasal, nominal = _gate_sections(lexicon)
    return verbs | {p.split()[0] for p in phrasal} | nominal


def gate_verbs(lexicon: dict[str, Any]) -> frozenset[str]:
    """The gate words that are cues only as verbs (the verb sections' words and the phrasal cues'
    first words that no noun or adjective section lists): "state" or "campaign" as a noun does not
    open a sentence to the tagger ("the state's voters"; "the campaign said" opens it with "say")."""
    verbs, phrasal, nominal = _gate_sections(lexicon)
    return (verbs | {p.split()[0] for p in phrasal}) - nominal


def gate_phrases(lexicon: dict[str, Any]) -> frozenset[str]:
    """The phrasal cues whose first word is a gate word only through them ("take aim at", "go
    after", "come out for": "take", "go" and "come" alone are no cue)."""
    verbs, phrasal, nominal = _gate_sections(lexicon)
    return frozenset(p for p in phrasal if p.split()[0] not in verbs | nominal)


def _is_ffn_output(name: str) -> bool:
    """A transformer layer's feed-forward output projection (not the attention's)."""
    return name.endswith(".output.dense") and ".attention." not in name


def _layer_of(name: str) -> int | None:
    parts = name.split(".")
    for i, part in enumerate(parts[:-1]):
        if part == "layer" and parts[i + 1].isdigit():
            return int(parts[i + 1])
    return None


def _quantize(model: Any, everything: bool = False, float_layers: list[int] | None = None) -> bool:
    """int8 dynamic quantization of the encoder's Linear layers, in place (CPU only); the small heads
    stay float32.  The feed-forward output projections read GELU outputs with outliers that a
    per-tensor int8 scale loses, so three schemes:

    - default (``float_layers`` None): every feed-forward output projection stays float32, the
      other Linear layers get one int8 scale per tensor;
    - ``float_layers`` a list: only the projections of those layers stay float32, and every
      quantized Linear gets one int8 scale per output channel (measured on news text against the
      float32 tagger, README "Measured speed": per-channel scales bring the projections' tag changes
      from 10% to 8% of the tagged tokens, and the bottom layer is where they cost most);
    - ``everything`` (``quantize_all``): all of them, one scale per tensor (fastest, least exact).

    Returns False, and the model stays float32, where this torch build lacks it."""
    import warnings

    import torch

    try:
        from torch.ao.quantization import default_dynamic_qconfig, per_channel_dynamic_qconfig, quantize_dynamic
    except ImportError:  # pragma: no cover - depends on the torch build
        log.warning("claimx_tagger: this torch has no dynamic quantization; running float32")
        return False
    linears = [n for n, m in model.named_modules() if isinstance(m, torch.nn.Linear) and n.startswith("encoder.")]
    if everything:
        spec = {n: default_dynamic_qconfig for n in linears}
    elif float_layers is None:
        spec = {n: default_dynamic_qconfig for n in linears if not _is_ffn_output(n)}
    else:
        keep = set(float_layers)
        spec = {n: per_channel_dynamic_qconfig for n in linears if not (_is_ffn_output(n) and _layer_of(n) in keep)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            quantize_dynamic(model, spec, inplace=True)
        except (RuntimeError, AssertionError) as exc:  # pragma: no cover - no quantized engine
            log.warning("claimx_tagger: int8 quantization failed (%s); running float32", exc)
            return False
    return True


@Language.factory(
    "claimx_tagger",
    default_config={"model": "claim-tagger", "mode": "model", "batch_size": 16, "device": "cpu",
                    "min_confidence": None, "hybrid_min_confidence": None, "min_issue_tokens": 2,
                    "quantize": False, "skip_sentences": False, "threads": 0, "hybrid_conditions": False,
                    "quantize_all": False, "float_layers": None, "runtime": "torch", "hybrid_sentences": "all",
                    "hybrid_new_cues": None, "added_conditions": "rules_then_tagger"},
    assigns=["doc._.claims"],
    requires=["doc.sents"],
)
def make_tagger(nlp: Language, name: str, model: str, mode: str, batch_size: int, device: str,
                min_confidence: float | None, hybrid_min_confidence: float | None, min_issue_tokens: int,
                quantize: bool, skip_sentences: bool, threads: int, hybrid_conditions: bool,
                quantize_all: bool, float_layers: list[int] | None, runtime: str,
                hybrid_sentences: str, hybrid_new_cues: float | None, added_conditions: str) -> TaggerComponent:
    return TaggerComponent(nlp, name, model, mode, batch_size, device, min_confidence, hybrid_min_confidence,
                           min_issue_tokens, quantize, skip_sentences, None, threads, hybrid_conditions, quantize_all,
                           float_layers, runtime, hybrid_sentences, hybrid_new_cues, added_conditions)
