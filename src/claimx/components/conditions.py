"""``claimx_conditions``: attach condition spans to the claims they govern.

Reads ``Doc._.claims`` and the parse; rewrites each claim's ``condition`` (and, where the condition
sits at the edge of the issue, the issue) in place.  A condition is a marker from the lexicon
(if, unless, provided that, in exchange for, as long as, once, only if, without, not at the cost
of ...) with the phrase or clause it introduces, marker included, trailing punctuation excluded.

A condition belongs to a claim of the same sentence when it lies inside the claim's issue, touches
its end (only punctuation, "but", "and" or "especially" between) or opens the sentence before the
cue.  One at the edge of the issue is cut out of it (SPEC); one in the middle stays inside the
issue.  Uses that make no condition ("even if", "once again", "without delay") are skipped.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..resources import condition_markers
from .claims import ClaimFinder, _span_dict
from .data import DataComponent
from .quotes import quotation_around
from .text import doc_text

FOUND_KEY = "claimx_conditions.found"
GAP_WORDS = {"but", "and", "especially", "particularly", "only", "even", "provided", "so", "or"}


class ConditionFinder(DataComponent):
    """Finds conditions and attaches them; its state is the marker lexicon (saved inside a pipeline)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.nlp = nlp
        self.data: dict[str, Any] | None = None

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   markers: dict[str, Any] | None = None) -> None:
        """Load the marker lexicon: ``markers`` from ``[initialize.components.NAME.markers]``, else
        ``claimx.condition_markers.v1``'s default file."""
        self.set_data({"markers": markers if markers is not None else condition_markers()})

    def set_data(self, data: dict[str, Any]) -> None:
        self.data = data
        markers = data["markers"]
        nlp = self.nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for marker in markers["markers"]:
            self.matcher.add(marker, [nlp.make_doc(marker)])
        self.not_after = set(markers.get("not_after") or [])
        self.not_after_marker = {k: set(v) for k, v in (markers.get("not_after_marker") or {}).items()}
        self.not_before = {k: set(v) for k, v in (markers.get("not_before") or {}).items()}
        self.clausal = set(markers.get("clausal") or [])
        self.whether_words = {w.lower() for w in markers.get("whether_words") or []}
        self.relevance_verbs = {w.lower() for w in markers.get("relevance_verbs") or []}
        self.generic_subjects = {w.lower() for w in markers.get("generic_subjects") or []}
        self.content_verbs = frozenset(w.lower() for w in markers.get("content_verbs") or [])
        self.when_markers = frozenset(w.lower() for w in markers.get("when_markers") or [])
        self.when_modal_words = frozenset(w.lower() for w in markers.get("when_modal_words") or [])
        self.when_counting_verbs = frozenset(w.lower() for w in markers.get("when_counting_verbs") or [])
        self.opening_markers = sorted({tuple(t.lower_ for t in nlp.make_doc(m)) for m in markers.get("opening_markers") or []},
                                      key=len, reverse=True)

    def find(self, doc: Doc, joined: list[Span] | None = None) -> list[Span]:
        """All condition spans in the document, longest marker first where they overlap; the
        clauses joined to one by "and" / "or" (:func:`_coordinated_condition`) go to ``joined``."""
        found: list[Span] = []
        matches = sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        taken: set[int] = set()
        for match_id, start, end in matches:
            if start in taken:
                continue
            marker = doc.vocab.strings[match_id]
            if not self._is_condition(doc, marker, start, end):
                continue
            span = self._extent(doc, start, end, joined)
            if span is None:
                continue
            taken.update(range(start, end))
            found.append(span)
        found.extend(self._inverted(doc, taken))
        found.extend(self._opening(doc, taken))
        found.extend(self._when(doc, taken))
        return _parallel_conditions(sorted(found, key=lambda sp: sp.start))

    PAST_AUX = frozenset({"was", "were", "had", "did", "'d", "\u2019d"})

    def _when(self, doc: Doc, taken: set[int]) -> list[Span]:
        """"when" that "if" could replace (GUIDELINES 14.2): an adverbial "when" / "whenever"
        clause, not about the past, on a main clause that is not about the past either ("should be
        sued when they should know", "spanks his daughter when she misbehaves", "her lead is larger
        when superdelegates are included"). A narrative "when" ("when asked, he said", "when it
        opened"), "when it comes to" and a "when" on a verb of saying or thinking are not."""
        out = []
        for tok in doc:
            if tok.lower_ not in self.when_markers or tok.i in taken or tok.dep_ != "advmod":
                continue
            clause = tok.head
            main = clause.head
            if clause.dep_ != "advcl" or clause.i < tok.i or main.i == clause.i or main.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
                continue
            if main.dep_ in ("relcl", "acl"):
                continue   # "loopholes that give tax breaks when moving jobs": the relative clause's
            if clause.lemma_.lower() == "come" and any(c.lower_ == "to" for c in clause.children):
                continue   # "when it comes to X": regarding
            if main.lemma_.lower() in self.content_verbs:
                continue   # "said X when he visited": the time of the saying
            if tok.i > 0 and doc[tok.i - 1].lemma_.lower() in self.whether_words:
                continue   # "doesn't get to decide when we debate": a question, not a condition
            if self._relevance(doc, tok.i, "advmod"):
                continue   # "when you look close, it's hot air"
            if not (self._not_past(clause, reduced_ok=True) and self._not_past(main, reduced_ok=False)):
                continue
            if clause.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in clause.children):
                continue   # "when asked whether X": narrative
            then = any(c.lower_ == "then" and c.i > clause.i for c in main.children)
            if not (then or self._modal(main) or self._counting(clause)):
                continue   # "they're not sending their best when Mexico sends its people": as a rule
            e = min(clause.right_edge.i, tok.sent.end - 1) + 1
            if main.i > clause.i and main.i < e:
                continue   # the parser hung the main clause inside it
            while e > tok.i + 1 and (doc[e - 1].is_punct or doc[e - 1].is_space):
                e -= 1
            if e > tok.i + 2:
                out.append(doc[tok.i:e])
        return out

    def _counting(self, clause: Token) -> bool:
        """A "when" clause that says what is counted ("when superdelegates are included", "when
        absentee ballots are counted"): the figure of the main clause holds on that count."""
        return clause.lemma_.lower() in self.when_counting_verbs and any(c.dep_ == "auxpass" for c in clause.children)

    def _modal(self, verb: Token) -> bool:
        """Whether the clause of ``verb`` is modal, future or normative: a modal auxiliary or one of
        ``when_modal_words`` ("going to", "need to", "deserve to") on it or on the verbs and
        adjectives it completes, up to the clause of a cue ("I think X": X's own clause decides)."""
        for _ in range(4):
            if verb.lower_ in self.when_modal_words or verb.lemma_.lower() in self.when_modal_words:
                return True
            if any(c.dep_ in ("aux", "auxpass") and (c.lower_ in MODALS or c.lower_ in self.when_modal_words)
                   for c in verb.children):
                return True
            if verb.dep_ not in ("xcomp", "acomp", "pcomp", "prep") or verb.head.i == verb.i:
                return False
            verb = verb.head
        return False

    def _not_past(self, verb: Token, reduced_ok: bool) -> bool:
        """Whether the clause of ``verb`` is in the present or future (or modal), not the past."""
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in self.PAST_AUX for a in auxes):
            return False
        if any(a.lower_ in MODALS or a.tag_ in ("VBZ", "VBP") for a in auxes):
            return True
        if verb.tag_ in ("VBZ", "VBP"):
            return True
        if verb.tag_ == "VB":
            return True   # "to be able to ... when", imperative
        if verb.pos_ in ("ADJ", "NOUN"):
            cop = [c for c in verb.children if c.dep_ in ("cop", "aux")]
            return any(c.tag_ in ("VBZ", "VBP") or c.lower_ in MODALS for c in cop)
        return reduced_ok and verb.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)

    INVERTING = ("should", "were", "had")
    SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})

    def _inverted(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Inverted conditionals (GUIDELINES 9.10): "should he win the presidency", "were the court
        to rule" -- an auxiliary opening an adverbial clause before its own subject (", had a
        conference call": an object after "had", a main verb)."""
        out = []
        for tok in doc:
            if tok.lower_ not in self.INVERTING or tok.i in taken or tok.i + 1 >= len(doc):
                continue
            prev = doc[tok.i - 1] if tok.i > 0 else None
            opens = (prev is None or tok.is_sent_start or prev.text in (",", "\u2014", "-", "(", ";")
                     or prev.lower_ in ("and", "but") or prev.lower_ == "that")   # "said that were he to become the nominee, X"
            # with no comma ("promised to act should he win"): only before a personal pronoun,
            # never in a question ("what should he do?") or after a wh-word
            unmarked = (not opens and doc[tok.i + 1].lower_ in self.SUBJECT_PRONOUNS and prev.tag_ not in ("WDT", "WP", "WRB")
                        and not tok.sent.text.rstrip().rstrip("\"'\u201d\u2019").endswith("?"))
            if not (opens or unmarked):
                continue
            if doc[tok.i + 1].pos_ not in ("PRON", "PROPN", "DET", "NOUN"):
                continue
            # the word after the auxiliary opens its subject ("had he known"), not its object
            # (", had a conference call with ...": a main verb)
            np = doc[tok.i + 1]
            while np.dep_ in ("det", "amod", "compound", "poss", "nummod") and np.head.i > np.i:
                np = np.head
            if np.dep_ not in ("nsubj", "nsubjpass", "expl"):
                continue
            clause = tok if tok.dep_ == "advcl" else tok.head
            if prev is not None and prev.lower_ == "that" and tok.dep_ in ("ccomp", "advcl"):
                clause = tok   # after "that" the parser may make the auxiliary the content's verb
            misparsed_root = clause.dep_ in ("ROOT", "ccomp", "conj") and prev is not None and (prev.text == "," or unmarked or prev.lower_ == "that")
            if (clause.dep_ != "advcl" and not misparsed_root) or clause.i < tok.i:
                continue
            e = min(clause.right_edge.i, tok.sent.end - 1) + 1
            while e > tok.i + 1 and (doc[e - 1].is_punct or doc[e - 1].is_space):
                e -= 1
            if e > tok.i + 2:
                out.append(doc[tok.i:e])
        return out

    CLAUSE_OPENERS = frozenset({",", ";", "\u2014", "\u2013", "-", "(", ":", "and", "but", "so", "\u201c", "\"", "``", "''"})
    CLAUSE_ENDS = frozenset({",", ";", ".", "!", "?", ":", "\u2014", "\u2013", "\u201d", "\"", "''"})

    def _opening(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Phrases that open a clause and set up a hypothesis (GUIDELINES 20.2): "Let's say they're
        in the majority, we can get something", "The minute you learn to love yourself, you would
        not want to be anyone else" (``opening_markers``): the marker and the clause after it, up
        to the next comma or sentence end, when that clause has a subject of its own."""
        out: list[Span] = []
        if not self.opening_markers:
            return out
        for tok in doc:
            if tok.i in taken or not (tok.is_sent_start or tok.i == 0 or doc[tok.i - 1].lower_ in self.CLAUSE_OPENERS):
                continue
            for marker in self.opening_markers:
                n = len(marker)
                if tuple(t.lower_ for t in doc[tok.i: tok.i + n]) != marker or tok.i + n >= len(doc):
                    continue
                sent_end = tok.sent.end
                e = tok.i + n
                while e < sent_end and doc[e].text not in self.CLAUSE_ENDS:
                    e += 1
                clause = doc[tok.i + n: e]
                verb = next((t for t in clause if t.pos_ in ("VERB", "AUX")), None)
                if verb is not None and verb.dep_ in ("aux", "auxpass") and verb.head.i >= verb.i:
                    verb = verb.head
                if verb is None or not self._not_past(verb, reduced_ok=False):
                    break   # "the minute he walked in, they cheered": narrative
                if len(clause) >= 2 and any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in clause) \
                        and any(t.pos_ in ("VERB", "AUX") for t in clause):
                    out.append(doc[tok.i: e])
                    taken.update(range(tok.i, e))
                break
        return out

    def _is_condition(self, doc: Doc, marker: str, start: int, end: int) -> bool:
        if start > 0 and (doc[start - 1].lower_ in self.not_after or doc[start - 1].lower_ in self.not_after_marker.get(marker, ())):
            return False  # even if, as if, not without
        blocked = self.not_before.get(marker, ())
        nxt = end
        if nxt + 1 < len(doc) and doc[nxt].pos_ == "ADV" and doc[nxt].lower_ not in blocked:
            nxt += 1   # "without specifically naming her": the word after the adverb decides ("once again" stays)
        if nxt < len(doc) and doc[nxt].lower_ in blocked:
            # "cuts, if any, ..." is elliptical; "If any human involvement occurs, X" is a condition
            if not (doc[nxt].lower_ == "any" and nxt + 1 < len(doc) and doc[nxt + 1].pos_ in ("NOUN", "ADJ", "PROPN")):
                return False
        if marker in ("as long as", "so long as") and end < len(doc) and doc[end].like_num:
            return False  # "wait for as long as three hours": a duration
        last = doc[end - 1]
        if marker == "if" and (self._if_whether(doc, start) or self._relevance(doc, start)):
            return False
        if marker in self.clausal and last.dep_ != "mark" and not (end < len(doc) and doc[end].lower_ == "that"):
            # ("would sign the bill once Congress passes it": the tagger made "once" an adverb of
            # the clause it opens, which has a subject of its own)
            opens = last.dep_ == "advmod" and last.head.dep_ == "advcl" and last.head.left_edge.i == last.i \
                and last.head.i > last.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in last.head.children)
            if not (marker == "once" and (last.pos_ == "SCONJ" or opens)):
                return False
        return True

    def _if_whether(self, doc: Doc, i: int) -> bool:
        """ "if" meaning "whether" (GUIDELINES 12.27): right after a word of ``whether_words``
        (with at most a pronoun or name between: "asked him if"), or opening the complement clause
        of one before it ("did not know then if X")."""
        prev = doc[i - 1] if i > 0 else None
        if prev is not None and prev.pos_ in ("PRON", "PROPN") and i > 1:
            prev = doc[i - 2]
        if prev is not None and (prev.lemma_.lower() in self.whether_words or prev.lower_ in self.whether_words):
            return True
        clause = doc[i].head
        return (doc[i].dep_ == "mark" and clause.dep_ in ("ccomp", "csubj", "xcomp") and clause.head.i < i
                and clause.head.lemma_.lower() in self.whether_words)

    def _relevance(self, doc: Doc, i: int, dep: str = "mark") -> bool:
        """ "if" setting up the speech act (a relevance conditional, GUIDELINES 12.27): its clause's
        verb is one of ``relevance_verbs`` with a generic subject ("If anyone wonders why X, Y",
        "if you look at the polls, Y"); "ask" only with "me" ("if you ask me")."""
        verb = doc[i].head
        if doc[i].dep_ != dep or verb.lemma_.lower() not in self.relevance_verbs:
            return False
        if not any(c.dep_ == "nsubj" and c.lower_ in self.generic_subjects for c in verb.children):
            return False
        if verb.lemma_.lower() == "ask":
            return any(c.dep_ in ("dobj", "dative") and c.lower_ == "me" for c in verb.children)
        return True

    @staticmethod
    def _extent(doc: Doc, start: int, end: int, extended: list[Span] | None = None) -> Span | None:
        """Marker to the end of what it introduces, within the sentence; a second clause joined
        to it (:func:`_coordinated_condition`) is added to ``extended``."""
        last = doc[end - 1]
        sent = doc[start].sent
        if last.dep_ == "mark" or last.pos_ == "SCONJ":
            right = last.head.right_edge.i if last.head.i > last.i else last.right_edge.i
            if last.head.i > last.i and (start == sent.start or doc[start - 1].is_punct):
                # a fronted condition whose end the parser lost
                right = _before_unmarked_main_clause(last.head, _before_second_subject(last.head, right))
        else:
            right = max(t.right_edge.i for t in doc[start:end])
            objs = [c for c in last.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                right = max(right, max(o.right_edge.i for o in objs))
            elif last.i + 1 < len(doc) and last.head.i > last.i:
                right = max(right, last.head.right_edge.i)
        right = min(right, sent.end - 1)
        if (last.dep_ == "mark" or last.pos_ == "SCONJ") and (start == sent.start or doc[start - 1].is_punct or doc[start - 1].lower_ == "that"):
            right = _reduced_clause_end(doc, end, right, sent)
        joined = _coordinated_condition(doc, start, last, right, sent)
        if joined > right and extended is not None:
            extended.append(doc[right + 1: joined + 1])
        right = joined
        if last.dep_ == "mark" or last.pos_ == "SCONJ":
            right = _before_narrators_participle(doc, end, right)
        # "if a prosecution is not pursued because many cases have been made with less evidence":
        # a reason clause the parser hung on the condition's verb gives the claim's reason
        reason = next((t.i for t in doc[end: right + 1] if t.lower_ == "because" and t.dep_ == "mark"), None)
        if reason is not None and reason > end:
            right = reason - 1
        e = right + 1
        # no closing punctuation, nor a coordinator left dangling ("if X — or")
        while e > end and (doc[e - 1].is_punct or doc[e - 1].is_space or doc[e - 1].dep_ == "cc"):
            e -= 1
        if e <= end:
            return None
        return doc[start:e]

    def __call__(self, doc: Doc) -> Doc:
        if doc._.claims is None:
            raise ValueError("claimx_conditions needs claimx_claims earlier in the pipeline")
        if self.data is None:
            self.initialize()  # added to a pipeline by hand: the default markers
        joined: list[Span] = []
        conditions = self.find(doc, joined)
        # kept as token offsets for a later component that attaches conditions to claims of its own
        # (the hybrid's tagger: :meth:`found`), so that the document is not searched twice
        doc.user_data[FOUND_KEY] = [(c.start, c.end) for c in conditions]
        starts = [c.start for c in conditions]  # find() gives them in text order
        for claim in doc._.claims:
            self.attach(doc, claim, conditions, starts)
        # an issue that is all inside its own condition is the condition, taken for a second
        # complement of the cue ("said she would veto it should it reach her desk"): no claim
        doc._.claims = [c for c in doc._.claims if not _inside_condition(c) and not _part_of_a_condition(c, joined)]
        return doc

    def found(self, doc: Doc) -> list[Span]:
        """The conditions this component found in ``doc`` when it ran (in text order), else found now."""
        kept = doc.user_data.get(FOUND_KEY)
        return [doc[a:b] for a, b in kept] if kept is not None else self.find(doc)

    def attach(self, doc: Doc, claim: dict[str, Any], conditions: list[Span], starts: list[int] | None = None) -> None:
        issue = doc.char_span(claim["issue"]["start"], claim["issue"]["end"], alignment_mode="expand")
        anchor = claim["cue"] or claim["actor"]  # a colon headline has no cue
        if anchor is None or anchor.get("start") is None:
            anchor = claim["issue"]
        cue = doc.char_span(anchor["start"], anchor["end"], alignment_mode="expand")
        if issue is None or cue is None:
            return
        # the speaker tag after the content (actor and cue with what lies between them), if any
        tag = None
        actor = claim.get("actor") or {}
        if claim.get("cue") and actor.get("start") is not None:
            a = doc.char_span(actor["start"], actor["end"], alignment_mode="expand")
            if a is not None:
                t0 = min(a.start, cue.start)
                while t0 > 0 and doc[t0 - 1].pos_ == "DET":
                    t0 -= 1   # "the mayor said"
                tag = (t0, max(a.end, cue.end))
        sent = cue.sent
        if issue.start < sent.start:
            # a quotation the parser closed as a sentence of its own before its tag ('"Blink twice if
            # you're in trouble!" one person tweeted'): its conditions are looked for from where it starts
            sent = issue[0].sent
        best = None
        if starts is not None:
            # Only a condition that starts in the cue's sentence, at most where the issue ends (+3)
            # or the cue starts, can relate to the claim (:meth:`_relation`): look at those alone,
            # so that the work per claim does not grow with the document.
            lo = bisect_left(starts, sent.start)
            conditions = conditions[lo : bisect_right(starts, max(issue.end + 3, cue.start, tag[1] + 2 if tag else 0), lo)]
        for cond in conditions:
            if cond.sent != sent and cond.start < sent.start:
                continue
            where = self._relation(doc, issue, cue, cond, tag)
            if where is None:
                continue
            # two conditions at both edges: the fronted one is the claim's (GUIDELINES 14.5, 16.5)
            rank = {"start": 0, "end": 1, "after_tag": 1, "before": 2, "inside": 3}[where]
            if best is None or rank < best[0]:
                best = (rank, where, cond)
        if best is None:
            return
        _, where, cond = best
        claim["condition"] = {"text": cond.text, "start": cond.start_char, "end": cond.end_char}
        if where == "end":
            e = cond.start
            while e > issue.start and (doc[e - 1].is_punct or doc[e - 1].lower_ in GAP_WORDS or doc[e - 1].is_space):
                e -= 1
            if e > issue.start:
                claim["issue"] = _span_dict(doc, issue.start, e)
        elif where == "before" and issue[0].lower_ == "then" and len(issue) > 1:
            claim["issue"] = _span_dict(doc, issue.start + 1, issue.end)  # "If X, he said, then Y"
        elif where == "start":
            s = cond.end
            while s < issue.end and (doc[s].is_punct or doc[s].is_space or doc[s].lower_ in ("then",)):
                s += 1
            if s < issue.end:
                claim["issue"] = _span_dict(doc, s, issue.end)

    def _relation(self, doc: Doc, issue: Span, cue: Span, cond: Span, tag: tuple[int, int] | None = None) -> str | None:
        if cond.start >= issue.start and cond.end <= issue.end:
            if any(t.is_sent_start for t in doc[issue.start + 1: cond.start + 1]):
                return None   # a later sentence of a quotation: the first holds the assertion (GUIDELINES 14.7)
            if cond.end >= issue.end - 1 or all(t.is_punct for t in doc[cond.end : issue.end]) \
                    or _narrators_participle(doc, cond.end, issue.start):
                return None if _in_subordinate_clause(doc[cond.start], issue, self.content_verbs) else "end"
            if cond.start == issue.start or _only_discourse_words(doc[issue.start: cond.start]):
                return "start"   # ("Certainly if they play that card, that will be fair game")
            if _in_relative_clause(doc[cond.start], issue):
                return None   # "the bill, which if enacted would X": it conditions the clause, not the claim
            if _in_subordinate_clause(doc[cond.start], issue, self.content_verbs):
                return None
            return "inside"
        if tag is not None and issue.end <= tag[0] and tag[1] <= cond.start and cond.start - tag[1] <= 2 \
                and all(t.is_punct or t.is_space for t in doc[issue.end: tag[0]]) and doc[tag[1]: cond.start].text.strip() == "," \
                and (cond[0].dep_ == "mark" or cond[0].pos_ == "SCONJ") \
                and not any(t.is_sent_start for t in doc[issue.end: cond.start + 1]):
            # "The senator would back the measure, her spokesman said, if it included X": the
            # speaker tag stands between the content and its condition (GUIDELINES 21.15)
            return "after_tag"
        if cond.start > issue.start and cond.start <= issue.end + 3 and cond.end > issue.end:
            gap = doc[issue.end : cond.start]
            # not across a sentence end: '... by 2030. “If X, they must Y,” Steyer said' conditions Y
            if all(t.is_punct or t.is_space or t.lower_ in GAP_WORDS for t in gap) and \
                    not any(t.text in (".", "!", "?") for t in gap) and not any(t.is_sent_start for t in doc[issue.end: cond.start + 1]):
                return "end"
        if cond.start < issue.start and cond.end <= issue.start + 1 and (
                cond.end > issue.start - 1 or (all(t.is_punct and t.text not in (".", "!", "?") for t in doc[cond.end: issue.start])
                                               and cond.start > 0 and (doc[cond.start - 1].is_punct or doc[cond.start - 1].lower_ == "that")
                                               and (cond[0].dep_ == "mark" or cond[0].pos_ == "SCONJ"))):
            return "start"   # (only a comma between: "He said, if elected president, he would X")
        if cond.start < issue.start < cond.end < issue.end and issue.start - cond.start <= 2:
            return "start"  # the issue's opening was trimmed inside the marker ("to the degree that")
        if cond.end <= cue.start and cond.end <= issue.start and (
                cond.start == cond.sent.start or all(t.lower_ in ("and", "but", "so", "then", ",") for t in doc[cond.sent.start: cond.start])):
            # fronted, perhaps after "And then," / "But"
            return None if _conditions_an_earlier_conjunct(cond, cue) else "before"
        return None


def _parallel_conditions(found: list[Span]) -> list[Span]:
    """Conditions with the same marker listed one after the other ("if you're eligible for X, if
    you're a low-income worker, or if you get enough subsidies"; "If he does a good job and
    frankly if he does a great job"): alternatives of one condition, read as one span (GUIDELINES
    20.11). Only punctuation, "and" / "or" and adverbs may stand between two of them."""
    out: list[Span] = []
    for span in found:
        if out:
            last = out[-1]
            if span.start < last.end and span[0].lower_ == last[0].lower_ and last.start < span.start:
                # the parser hung the next one inside the first: one list
                out[-1] = span.doc[last.start: max(last.end, span.end)]
                continue
            gap = span.doc[last.end: span.start]
            if last.sent == span.sent and 0 < len(gap) <= 3 and span[0].lower_ == last[0].lower_ \
                    and all(t.is_punct or t.lower_ in ("and", "or", "nor") or t.pos_ == "ADV" for t in gap) \
                    and any(t.text in (",", ";") or t.lower_ in ("and", "or") for t in gap):
                out[-1] = span.doc[last.start: span.end]
                continue
        out.append(span)
    return out


def _conditions_an_earlier_conjunct(cond: Span, cue: Span) -> bool:
    """"If Clinton's wobbly on the TPP, she's Obama's equal ..., and she vows to be tougher": a
    fronted condition hung on the first of two clauses joined by "and", each with its own
    subject, conditions that clause, not the cue of the second."""
    clause = cond[0].head if cond[0].dep_ == "mark" else None
    if clause is None or clause.dep_ != "advcl":
        return False
    verb = cue.root
    return (verb.dep_ == "conj" and verb.head.i == clause.head.i and verb.i != clause.head.i
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def _reduced_clause_end(doc: Doc, end: int, right: int, sent: Span) -> int:
    """Where a fronted reduced condition ends ("if elected president, she would X", "if confirmed
    by the Senate, he would Y"): the parser often hangs the participle's complement on the verb
    before it, so the condition stops at the participle; it runs on to the comma when no more than
    four words of a noun or prepositional phrase lie between."""
    if end >= sent.end or doc[end].tag_ != "VBN" or right > end:
        return right
    comma = next((t.i for t in doc[end + 1: min(end + 6, sent.end)] if t.text == ","), None)
    if comma is None or comma == end + 1:
        return right
    if all(t.pos_ in ("NOUN", "PROPN", "DET", "ADJ", "ADP", "NUM") for t in doc[end + 1: comma]):
        return comma - 1
    return right


def _coordinated_condition(doc: Doc, start: int, last: Token, right: int, sent: Span) -> int:
    """Where a closing condition ends when "and" / "or" follows it with no comma and a clause with
    a subject of its own, which the parser hung on the verb the condition restricts ("would end the
    strike as long as wages rise and the company hires more nurses"): both clauses are the
    condition."""
    if not (last.dep_ == "mark" or last.pos_ == "SCONJ"):
        return right   # a phrase ("without permission"), not a clause
    cc = right if doc[right].dep_ == "cc" else right + 1   # the parser may hang "and" inside it
    if cc + 1 >= sent.end or doc[cc].lower_ not in ("and", "or") or doc[cc].dep_ != "cc":
        return right
    clause = last.head if last.dep_ == "mark" and last.head.i > last.i else last
    # the condition opens its clause ("If A and B, X"): nothing of it hangs on a verb before it
    governors = [a for a in clause.ancestors if a.pos_ in ("VERB", "AUX") and a.i < start]
    conj = next((t for t in doc[cc + 1: sent.end] if t.dep_ == "conj" and t.head in governors), None)
    # (a clause with "that" of its own is a second complement of a cue: "said X and that Y")
    if conj is None or conj.left_edge.i != cc + 1 or conj.pos_ not in ("VERB", "AUX") \
            or not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children) \
            or any(c.dep_ == "mark" for c in conj.children):
        return right
    return min(conj.right_edge.i, sent.end - 1)


def _before_narrators_participle(doc: Doc, end: int, right: int) -> int:
    """Where a condition in the writer's own words ends before a participle clause that the parser
    hung on the condition's verb: "said it would sign only if Russia released all detainees,
    setting out the toughest terms yet" -- the participle tells what the speaker did by saying
    it, not what the condition needs.  Inside a quotation such a clause is the speaker's and
    stays ("when you do that kind of stuff, knowing full well what you've got")."""
    for t in doc[end: right + 1]:
        if t.text == "," and _narrators_participle(doc, t.i, end):
            return t.i - 1
    return right


def _narrators_participle(doc: Doc, comma: int, start: int) -> bool:
    """Whether the comma at ``comma`` opens a subjectless participle clause (", raising hopes of X",
    ", implicitly putting his name on the line") hung on a verb between ``start`` and it, in the
    writer's words (not inside a quotation)."""
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return False
    t = doc[comma + 1]
    if t.pos_ == "ADV" and comma + 2 < len(doc):
        t = doc[comma + 2]
    if t.tag_ != "VBG" or t.dep_ != "advcl" or not start <= t.head.i < comma or t.left_edge.i != comma + 1:
        return False
    # the claims' own test of a reporter's comment: no subject or marker of its own, after the comma
    return ClaimFinder._is_comment(t) and quotation_around(doc_text(doc), doc[start].idx, doc[comma].idx) is None


MODALS = frozenset({"will", "would", "can", "could", "should", "must", "shall", "may", "might", "'ll", "’ll", "wo", "ca"})


def _before_second_subject(clause: Token, right: int) -> int:
    """"If the tax passes, the Clintons will find a way": the tagger read the condition's verb as a
    noun and the parser made it a first subject of the main verb; the condition ends at the comma
    before the main clause's own subject."""
    subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i]
    if len(subjects) < 2:
        return right
    doc = clause.doc
    comma = next((t.i for t in doc[subjects[0].i: subjects[-1].left_edge.i] if t.text == ","), None)
    return min(right, comma - 1) if comma is not None else right


def _before_unmarked_main_clause(clause: Token, right: int) -> int:
    """Where a fronted condition ends when no comma closes it ("If one is proposed we will consider
    it"): the parser hung the main clause, with a subject and a modal of its own, below the
    condition's verb.  The condition stops before it.  (A condition after its main clause keeps
    its verb's complement: "would be if their candidate announced he would not back Trump".)"""
    for c in clause.children:
        if c.dep_ not in ("ccomp", "conj") or c.i < clause.i or c.left_edge.i <= clause.i:
            continue
        kids = list(c.children)
        if any(k.dep_ == "mark" for k in kids) or not any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in kids):
            continue
        if any(k.dep_ == "aux" and k.lower_ in MODALS for k in kids):
            return min(right, c.left_edge.i - 1)
    return right


REASON_MARKS = frozenset({"because", "since", "although", "though", "whereas", "while", "cause"})
WH_TAGS = frozenset({"WP", "WRB", "WDT", "WP$"})


def _in_subordinate_clause(marker: Token, issue: Span, content_verbs: frozenset[str] = frozenset()) -> bool:
    """Whether the condition opened by ``marker`` restricts a clause below the issue's own verb
    (GUIDELINES 12.24): a reason clause ("I have to say yes because if I don't, you won't believe
    it") or an embedded question ("it is hard to estimate how many jobs you cut if you cut output
    by 10 percent") or a "that" clause ("The message is that if anybody lives there, that's
    unacceptable").  The claim itself does not depend on it."""
    clause = marker.head if marker.dep_ == "mark" else marker
    for anc in clause.ancestors:
        if not issue.start <= anc.i < issue.end or not issue.start <= anc.head.i < issue.end or anc.head.i == anc.i:
            return False   # the issue's own verb (or outside it): the claim's condition
        if any(c.dep_ == "mark" and c.lower_ in REASON_MARKS for c in anc.children):
            return True
        if anc.dep_ in ("ccomp", "pcomp", "csubj") and anc.left_edge.tag_ in WH_TAGS and anc.left_edge.i < anc.i:
            return True
        if anc.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in anc.children):
            return True   # "The message is that if X, Y": a "that" clause below the content's verb
        if anc.dep_ == "ccomp" and anc.head.lemma_.lower() in content_verbs and not _opening_hedge(anc.head, issue):
            return True   # "I heard it and thought it would be funny if I went out": what he thought (or said)
        if anc.dep_ == "acl" and anc.head.pos_ in ("NOUN", "PROPN") and anc.tag_ == "VBG":
            return True   # "a bill making it easier to sue X if such evidence arises": what the bill does (GUIDELINES 16.2)
    return False


def _only_discourse_words(toks: Span) -> bool:
    """Only sentence adverbs and discourse words ("Certainly", "But", "And so") before a fronted
    condition at the issue's start."""
    return len(toks) > 0 and all(t.pos_ in ("ADV", "CCONJ", "PUNCT", "INTJ") for t in toks)


def _opening_hedge(verb: Token, issue: Span) -> bool:
    """"I think X if Y" opening the issue: the speaker's hedge on the whole content (GUIDELINES
    13.12), whose condition is the content's."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.i == issue.start and subj.lower_ in ("i", "we")


def _in_relative_clause(tok: Any, issue: Span) -> bool:
    """Whether ``tok`` sits in a relative clause that opens inside ``issue`` (on a noun of it)."""
    for anc in tok.ancestors:
        if not issue.start < anc.i < issue.end:
            return False
        if anc.dep_ == "relcl":
            return True
    return False


@Language.factory(
    "claimx_conditions",
    assigns=["doc._.claims"],
    requires=["doc._.claims", "token.dep"],
)
def make_conditions(nlp: Language, name: str) -> ConditionFinder:
    return ConditionFinder(nlp, name)


def _part_of_a_condition(claim: dict[str, Any], conditions: list[Span]) -> bool:
    """An issue that is all inside a clause joined to a condition (``conditions``, from
    :func:`_coordinated_condition`) and away from the cue: a clause of that condition the parser
    made a second complement ("said it would end the strike as long as wages rise and the company
    hires more nurses")."""
    issue, cue = claim["issue"], claim["cue"]
    if cue is None:
        return False
    return any(c.start_char <= issue["start"] and issue["end"] <= c.end_char
               and not c.start_char <= cue["start"] < c.end_char for c in conditions)


def _inside_condition(claim: dict[str, Any]) -> bool:
    cond, issue = claim.get("condition"), claim["issue"]
    return bool(cond) and cond["start"] <= issue["start"] and issue["end"] <= cond["end"]


__all__ = ["ConditionFinder", "make_conditions", "condition_markers"]

