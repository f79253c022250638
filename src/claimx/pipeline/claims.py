"""``claimx_claims``: cue-anchored claim records from the dependency parse.

Reads the parse, ``Doc._.actors`` (from ``claimx_actors``) and the cue lexicon; writes
``Doc._.claims``, a list of JSON-ready claim dicts in the SPEC record form plus ``source``
(``"claimx_claims:<rule>"``) and ``confidence``.  Conditions are attached later by
``claimx_conditions``.

Rules, each named in ``source``:

* ``verb_ccomp`` / ``verb_xcomp`` / ``verb_dobj`` / ``verb_prep``: a cue verb (said, rejected,
  called for ...) with its subject (or passive agent) as actor and its clausal complement,
  infinitive, object or phrasal-verb object as issue; coordinated verb phrases split into records,
  coordinated subjects give one record each; a stance verb under an attitude cue composes
  ("refused to back X" -> oppose X).
* ``parenthetical``: "X, he noted, Y" -> the content around the cue.
* ``according_to``: "According to officials, X".
* ``light_noun``: light verb + polarity noun ("voiced skepticism about X", "drew a red line on X").
* ``evaluative``: "calling X a strategic anchor", "described X as a mistake".
* ``adjective``: predicate adjectives ("reluctant to support X", "opposed to X").
* ``agent_noun``: "opponents of X", "critics of X".

Negation of the cue flips the stance; negated reporting verbs ("did not say") make no claim.
Sentences ending in "?" (headline questions) make no claim.  A cue inside the reported content of
a reporting cue is not a claim of its own when ``nested`` is ``"suppress"`` (GUIDELINES 1.4).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..resources import cue_lexicon
from .actors import PRONOUNS, mention_at, noun_phrase

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)

RELATIVE = {"who", "which", "that", "whom"}
NOT_ACTORS = {"it", "there", "this", "that", "what", "which", "these", "those", "something",
              "nothing", "everything", "one", "i", "me", "you"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
FLIP = {"support": "oppose", "oppose": "support", "neutral": "neutral"}


def _compose(outer: str, inner: str) -> str:
    if "neutral" in (outer, inner):
        return "neutral"
    return "support" if outer == inner else "oppose"


def _span_dict(doc: Doc, start: int, end: int) -> dict[str, Any]:
    span = doc[start:end]  # Span.text is local; Doc.text would rebuild the whole text each call
    return {"text": span.text, "start": span.start_char, "end": span.end_char}


class ClaimFinder:
    """Finds claims; see the module docstring for the rules."""

    def __init__(self, nlp: Language, name: str, lexicon: dict[str, Any], nested: str = "suppress",
                 actor_nouns: list[str] | None = None):
        if nested not in ("suppress", "keep"):
            raise ValueError(f"nested must be 'suppress' or 'keep', not {nested!r}")
        self.name = name
        self.nested = nested
        lex = lexicon
        self.report = set(lex["report"]["verbs"])
        self.polarity: dict[str, str] = {}
        for lemma in self.report:
            self.polarity[lemma] = "support"
        for lemma in lex["support"]["verbs"]:
            self.polarity[lemma] = "support"
        for lemma in lex["oppose"]["verbs"]:
            self.polarity[lemma] = "oppose"
        self.stance_verbs = {v: pol for pol, verbs in lex["stance_verbs"].items() for v in verbs}
        self.phrasal: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, pol in lex["phrasal"].items():
            words = phrase.split()
            self.phrasal.setdefault(words[0], []).append((tuple(words[1:]), pol))
        for entries in self.phrasal.values():
            entries.sort(key=lambda e: -len(e[0]))
        self.light_verbs = set(lex["light_verbs"])
        self.light_nouns = dict(lex["light_nouns"])
        self.light_preps = set(lex["light_preps"])
        self.agent_nouns = dict(lex["agent_nouns"])
        self.adjectives = dict(lex["adjectives"])
        self.evaluative = set(lex["evaluative"])
        self.negative = set(lex["negative_evaluations"])
        self.addressee_preps = dict(lex["addressee_preps"])
        self.addressee_verbs = set(lex["addressee_verbs"])
        self.empty = set(lex["empty_complements"])
        self.actor_nouns = set(actor_nouns or [])

    # -- lexicon look-ups ------------------------------------------------------------------
    def is_cue_verb(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        return tok.pos_ in ("VERB", "AUX") and (lemma in self.polarity or lemma in self.phrasal or lemma in self.evaluative)

    # -- the component ---------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if doc._.actors is None:
            raise ValueError("claimx_claims needs claimx_actors earlier in the pipeline")
        claims: list[dict[str, Any]] = []
        for sent in doc.sents:
            if sent.text.rstrip().rstrip("\"'\u201d\u2019)").endswith("?"):
                continue
            for tok in sent:
                claims.extend(self.claims_at(tok))
        doc._.claims = self._clean(doc, claims)
        return doc

    def claims_at(self, tok: Token) -> list[dict[str, Any]]:
        frames: list[dict[str, Any]] = []
        if tok.lower_ == "according":
            frames = self._according(tok)
        elif tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound", "aux", "auxpass"):
            frames = self._verb_frames(tok)
        if not frames and tok.lemma_.lower() in self.adjectives and tok.dep_ not in ("amod", "compound"):
            frames = self._adjective(tok)
        if not frames and tok.pos_ == "NOUN":
            frames = self._noun_frames(tok)
        out = []
        for fr in frames:
            out.extend(self._realize(tok.doc, fr))
        return out

    # -- frames: what a cue says before it is turned into records ---------------------------
    @staticmethod
    def _frame(rule, polarity, cue, actor, content, conf, **kw) -> dict[str, Any]:
        return {"rule": rule, "polarity": polarity, "cue": cue, "actor": actor, "content": content,
                "confidence": conf, **kw}

    def _verb_frames(self, v: Token) -> list[dict[str, Any]]:
        lemma = v.lemma_.lower()
        kids = list(v.children)
        negated = any(c.dep_ == "neg" for c in kids)
        actor, passive = self._holder(v)
        frames = []
        # phrasal verbs: "called for X", "ruled out X", "pointed to X"
        for tail, pol in self.phrasal.get(lemma, []):
            hit = self._phrasal_content(v, tail)
            if hit is not None:
                cue_toks, contents = hit
                addressee = None
                frames.append(self._frame("verb_prep", pol, [v.i, *cue_toks], actor, contents, 0.75, addressee=addressee))
                break
        if frames:
            return self._negate(frames, negated, report=frames[0]["polarity"] == "report")
        if lemma == "call":
            on = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "on"), None)
            comp = next((c for c in kids if c.dep_ in ("xcomp", "advcl", "ccomp") and c.i > v.i), None)
            if on is not None and comp is not None:
                addressee = next((c for c in on.children if c.dep_ == "pobj"), None)
                return self._negate([self._frame("verb_xcomp", "support", [v.i, on.i], actor, [(comp, "to")], 0.7, addressee=addressee)], negated)
        if lemma in self.evaluative:
            ev = self._evaluative(v, actor)
            if ev:
                return self._negate(ev, negated)
        if lemma in self.light_verbs:
            ln = self._light_noun(v, actor)
            if ln:
                return self._negate(ln, negated)
        if lemma not in self.polarity:
            return []
        pol = self.polarity[lemma]
        report = lemma in self.report and pol == "support"
        ccomps = [c for c in kids if c.dep_ == "ccomp"]
        xcomps = [c for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        dobj = next((c for c in kids if c.dep_ in ("dobj", "obj")), None)
        addressee = None
        if dobj is not None and (ccomps or xcomps) and lemma in self.addressee_verbs:
            addressee, dobj = dobj, None
        if passive and actor is not None and not ccomps and not xcomps:
            subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
            if subj is not None and not report:
                return self._negate([self._frame("verb_passive", pol, [v.i], actor, [(subj, "")], 0.7)], negated)
            return []
        if ccomps:
            contents = []
            for c in ccomps:
                subj = next((x for x in c.children if x.dep_ == "nsubj"), None)
                aux_to = any(x.lower_ == "to" and x.dep_ == "aux" for x in c.children)
                if lemma in self.addressee_verbs and subj is not None and aux_to and addressee is None:
                    addressee = subj
                    contents.append((c, "to", subj))
                else:
                    contents.append((c, "that"))
            return self._negate([self._frame("verb_ccomp", pol, [v.i], actor, contents, 0.8, addressee=addressee)], negated, report)
        if xcomps:
            x = xcomps[0]
            if x.lemma_.lower() in self.empty:
                return []
            inner = self.stance_verbs.get(x.lemma_.lower())
            xobj = next((c for c in x.children if c.dep_ in ("dobj", "obj", "ccomp", "xcomp")), None)
            if inner is not None and xobj is not None and x.lemma_.lower() != "rule":
                return self._negate([self._frame("verb_compose", _compose(pol, inner), [v.i, x.i], actor, [(xobj, "to")], 0.7, addressee=addressee)], negated)
            return self._negate([self._frame("verb_xcomp", pol, [v.i], actor, [(x, "to")], 0.75, addressee=addressee)], negated)
        prep_word = self.addressee_preps.get(lemma)
        if prep_word is not None:
            prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ == prep_word), None)
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
            if obj is not None:
                return self._negate([self._frame("verb_prep", pol, [v.i], actor, [(obj, "")], 0.75, addressee=dobj)], negated)
        if dobj is not None and not report and dobj.lower_ not in ("what", "which"):
            return self._negate([self._frame("verb_dobj", pol, [v.i], actor, [(dobj, "")], 0.7)], negated)
        if report and dobj is not None and lemma in ("confirm", "announce", "acknowledge", "admit", "predict", "report", "reveal", "disclose", "estimate", "forecast"):
            return self._negate([self._frame("verb_dobj", pol, [v.i], actor, [(dobj, "")], 0.6)], negated, report)
        if report and v.dep_ in ("parataxis", "ccomp") and v.head.pos_ in ("VERB", "AUX") and actor is not None:
            head = v.head
            return self._negate([self._frame("parenthetical", pol, [v.i], actor, [(head, "", v)], 0.7)], negated, report)
        return []

    def _negate(self, frames, negated: bool, report: bool = False):
        if not negated:
            return frames
        if report:
            return []  # "did not say X" is no position on X
        for fr in frames:
            fr["polarity"] = FLIP.get(fr["polarity"], fr["polarity"])
            fr["confidence"] -= 0.05
        return frames

    def _phrasal_content(self, v: Token, tail: tuple[str, ...]):
        """Match "call for", "rule out", "back away from" on the verb's children; return the cue
        tokens and the content heads."""
        kids = list(v.children)
        cue_toks = []
        obj_heads: list[tuple] = []
        for word in tail:
            hit = next((c for c in kids if c.lower_ == word and c.dep_ in ("prt", "prep", "advmod", "dative", "agent")), None)
            if hit is None:
                # "called for Ukrainian forces to withdraw": "for" marks a clause
                clause = next((c for c in kids if c.dep_ in ("advcl", "ccomp", "xcomp") and any(m.lower_ == word and m.dep_ == "mark" for m in c.children)), None)
                if clause is None or word != tail[-1]:
                    return None
                cue_toks.append(next(m.i for m in clause.children if m.lower_ == word))
                obj_heads.append((clause, word))
                continue
            cue_toks.append(hit.i)
            if word == tail[-1]:
                if hit.dep_ == "prt":
                    dobj = next((c for c in kids if c.dep_ in ("dobj", "ccomp", "xcomp")), None)
                    if dobj is None:
                        return None
                    obj_heads.append((dobj, "that"))
                else:
                    objs = [c for c in hit.children if c.dep_ in ("pobj", "pcomp")]
                    if not objs:
                        return None
                    # "called for Ukraine to cede X": the infinitive hangs off the verb
                    obj = objs[0]
                    follow = next((c for c in kids if c.dep_ in ("xcomp", "advcl") and c.i > obj.i and c.left_edge.i <= obj.right_edge.i + 2), None)
                    obj_heads.append((obj, "", None, follow))
        return cue_toks, obj_heads

    def _evaluative(self, v: Token, actor) -> list[dict[str, Any]]:
        kids = list(v.children)
        dobj = next((c for c in kids if c.dep_ in ("dobj", "obj")), None)
        if dobj is None:
            # "calling EU membership a strategic anchor" is sometimes ccomp(anchor, nsubj=membership)
            comp = next((c for c in kids if c.dep_ == "ccomp"), None)
            subj = next((c for c in comp.children if c.dep_ == "nsubj"), None) if comp is not None else None
            if comp is None or subj is None or comp.pos_ not in ("NOUN", "ADJ", "PROPN"):
                return []
            dobj, evaluation = subj, comp
        else:
            evaluation = next((c for c in kids if c.dep_ in ("oprd", "acomp")), None)
            if evaluation is None:
                evaluation = next((c for c in list(kids) + list(dobj.children) if c.dep_ == "prep" and c.lower_ == "as"), None)
        if evaluation is None:
            return []
        words = {t.lemma_.lower() for t in evaluation.subtree} | {t.lower_ for t in evaluation.subtree}
        pol = "oppose" if words & self.negative else "support"
        return [self._frame("evaluative", pol, [v.i], actor, [(dobj, "", evaluation)], 0.6)]

    def _light_noun(self, v: Token, actor) -> list[dict[str, Any]]:
        kids = list(v.children)
        noun = next((c for c in kids if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in self.light_nouns), None)
        if noun is None:
            return []
        lemma = noun.lemma_.lower()
        if lemma == "line" and not any(c.lower_ == "red" for c in noun.children):
            return []
        pol = self.light_nouns[lemma]
        prep = next((c for c in list(noun.children) + kids if c.dep_ == "prep" and c.lower_ in self.light_preps), None)
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if obj is None:
            clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)
            if clause is None:
                return []
            obj = clause
            pol = "support" if pol == "report" else pol
        pol = "support" if pol == "report" else pol
        cue = list(range(v.i, noun.i + 1))
        return [self._frame("light_noun", pol, cue, actor, [(obj, "that")], 0.7)]

    def _according(self, tok: Token) -> list[dict[str, Any]]:
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        src = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if src is None:
            return []
        head = tok.head if tok.head is not tok else None
        if head is None:
            return []
        return [self._frame("according_to", "support", [tok.i, to.i], [src], [(head, "that", tok)], 0.8)]

    def _adjective(self, adj: Token) -> list[dict[str, Any]]:
        pol = self.adjectives[adj.lemma_.lower()]
        pol = "support" if pol == "report" else pol
        kids = list(adj.children)
        holder_src = adj if any(c.dep_ in SUBJECTS for c in kids) else adj.head
        actor, _ = self._holder(holder_src) if holder_src is not adj else self._holder(adj)
        if actor is None:
            return []
        negated = any(c.dep_ == "neg" for c in kids) or any(c.dep_ == "neg" for c in adj.head.children)
        x = next((c for c in kids if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
        if x is not None:
            inner = self.stance_verbs.get(x.lemma_.lower())
            xobj = next((c for c in x.children if c.dep_ in ("dobj", "obj")), None)
            if inner is not None and xobj is not None:
                fr = self._frame("adjective", _compose(pol, inner), [adj.i, x.i], actor, [(xobj, "")], 0.65)
            else:
                fr = self._frame("adjective", pol, [adj.i], actor, [(x, "to")], 0.6)
            return self._negate([fr], negated)
        prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in ("about", "of", "to", "on", "over", "with", "toward", "towards", "regarding")), None)
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if obj is None:
            return []
        return self._negate([self._frame("adjective", pol, [adj.i], actor, [(obj, "")], 0.6)], negated)

    def _noun_frames(self, n: Token) -> list[dict[str, Any]]:
        lemma = n.lemma_.lower()
        if lemma in self.agent_nouns:
            prep = next((c for c in n.children if c.dep_ == "prep" and c.lower_ in ("of", "to")), None)
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
            if obj is None:
                return []
            return [self._frame("agent_noun", self.agent_nouns[lemma], [n.i], [n], [(obj, "")], 0.55, holder_range=(noun_phrase(n)))]
        if lemma in self.light_nouns and self.light_nouns[lemma] != "report":
            poss = next((c for c in n.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            prep = next((c for c in n.children if c.dep_ == "prep" and c.lower_ in self.light_preps), None)
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
            if poss is None or obj is None or (n.head.lemma_.lower() in self.light_verbs and n.dep_ == "dobj"):
                return []
            return [self._frame("light_noun", self.light_nouns[lemma], [n.i], [poss], [(obj, "")], 0.55)]
        return []

    # -- holders -----------------------------------------------------------------------------
    def _holder(self, v: Token) -> tuple[list[Token] | None, bool]:
        """The token(s) holding the position expressed at ``v`` and whether ``v`` is passive."""
        kids = list(v.children)
        agent = next((c for c in kids if c.dep_ == "agent"), None)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
        if passive and agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            return ([pobj, *self._conjuncts(pobj)] if pobj is not None else None), True
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        if subj is not None:
            if subj.lower_ in RELATIVE and v.dep_ in ("relcl", "acl"):
                return [subj], passive  # the span is "who"; its canonical is the antecedent's
            if subj.lower_ in NOT_ACTORS:
                return None, passive
            return [subj, *self._conjuncts(subj)], passive
        if passive:
            return None, True
        if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
            return [v.head], False
        # no subject: inherit from the cue this verb continues ("..., adding that", "and said")
        cur = v
        for _ in range(4):
            if cur.dep_ not in ("conj", "advcl", "xcomp", "ccomp") or cur.head is cur:
                break
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX", "ADJ") and (self.is_cue_verb(cur) or cur.lemma_.lower() in self.adjectives):
                h, _ = self._holder(cur)
                if h is not None:
                    return h, False
        return None, False

    @staticmethod
    def _conjuncts(tok: Token) -> list[Token]:
        return [c for c in tok.conjuncts if c.i > tok.i and c.pos_ in ("PROPN", "NOUN", "PRON")]

    # -- turning frames into records ---------------------------------------------------------
    def _realize(self, doc: Doc, fr: dict[str, Any]) -> list[dict[str, Any]]:
        holders = fr["actor"]
        if not holders:
            return []
        cue_toks = sorted(set(fr["cue"]))
        ranges = []
        for spec in fr["content"]:
            ranges.extend(self._content_ranges(doc, spec, cue_toks))
        if not ranges:
            return []
        cue = _span_dict(doc, cue_toks[0], cue_toks[-1] + 1)
        if len(cue_toks) > 1 and cue_toks[-1] - cue_toks[0] > 4:
            cue = _span_dict(doc, cue_toks[0], cue_toks[0] + 1)
        addressee = self._entity(doc, fr["addressee"]) if fr.get("addressee") is not None else None
        out = []
        for h in holders:
            actor = self._entity(doc, h, fr.get("holder_range"))
            if actor is None:
                continue
            confidence = fr["confidence"]
            if h.pos_ not in ("PROPN", "PRON") and not self.likely_holder(h):
                confidence -= 0.2  # "the fracas said": an unlikely holder of positions
            hs, he = self._token_range(doc, actor)
            for s, e in ranges:
                s, e = self._exclude(doc, s, e, [(hs, he), *[(c, c + 1) for c in cue_toks]])
                if s >= e:
                    continue
                out.append({
                    "actor": actor,
                    "stance": fr["polarity"] if fr["polarity"] in ("support", "oppose", "neutral") else "support",
                    "issue": _span_dict(doc, s, e),
                    "condition": None,
                    "cue": cue,
                    "addressee": addressee,
                    "optional": False,
                    "source": f"{self.name}:{fr['rule']}",
                    "confidence": round(confidence, 3),
                })
        return out

    def likely_holder(self, tok: Token) -> bool:
        """A common-noun holder needs an actor noun as head or an entity inside its phrase."""
        if tok.lower_ in self.actor_nouns or tok.lemma_.lower() in self.actor_nouns:
            return True
        return any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in tok.subtree)

    @staticmethod
    def _token_range(doc: Doc, span: dict[str, Any]) -> tuple[int, int]:
        cs = doc.char_span(span["start"], span["end"], alignment_mode="expand")
        return (cs.start, cs.end) if cs is not None else (0, 0)

    def _entity(self, doc: Doc, tok: Token, rng: tuple[int, int] | None = None) -> dict[str, Any] | None:
        if tok.lower_ in RELATIVE and tok.dep_ in SUBJECTS and tok.head.dep_ in ("relcl", "acl"):
            antecedent = self._entity(doc, tok.head.head)
            if antecedent is None:
                return None
            return {**_span_dict(doc, tok.i, tok.i + 1), "canonical": antecedent["canonical"]}
        if tok.lower_ in NOT_ACTORS:
            return None
        m = mention_at(doc, tok)
        if m is not None and rng is None:
            return {"text": m["text"], "start": m["start"], "end": m["end"], "canonical": m["canonical"]}
        s, e = rng if rng is not None else noun_phrase(tok)
        d = _span_dict(doc, s, e)
        canonical = d["text"]
        if tok.lower_ in PRONOUNS:
            canonical = tok.text
        d["canonical"] = canonical
        return d

    def _content_ranges(self, doc: Doc, spec: tuple, cue_toks: list[int]) -> list[tuple[int, int]]:
        head, lead = spec[0], spec[1]
        minus = spec[2] if len(spec) > 2 else None
        follow = spec[3] if len(spec) > 3 else None
        heads = [head]
        if head.pos_ in ("VERB", "AUX") and minus is None:
            heads += [c for c in self._verb_conjuncts(head)]
        ranges = []
        for i, h in enumerate(heads):
            skip = set()
            for c in h.children:
                if c.dep_ == "conj" and self._verbal(c) and (c in heads or self._is_own_cue(c)):
                    skip.update(t.i for t in c.subtree)
                    skip.update(x.i for x in h.children if x.dep_ in ("cc", "punct") and x.i < c.i and x.i > h.i)
                elif c.dep_ in ("advcl", "conj") and c.pos_ == "VERB" and c.i > h.i and self._is_own_cue(c):
                    skip.update(t.i for t in c.subtree)
                elif c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN") and c.i > h.i and self._is_comment(c):
                    # ", marking a major concession": the reporter's comment, not the content
                    skip.update(t.i for t in c.subtree)
            if minus is not None:
                skip.update(t.i for t in minus.subtree)
            toks = [t.i for t in h.subtree if t.i not in skip]
            if follow is not None:
                toks += [t.i for t in follow.subtree]
            if not toks:
                continue
            s, e = min(toks), max(toks) + 1
            if minus is not None and s <= minus.i < e:
                # keep the longer side of a parenthetical cue / according-to phrase
                ms, me = minus.left_edge.i, minus.right_edge.i + 1
                left, right = (s, ms), (me, e)
                s, e = left if left[1] - left[0] > right[1] - right[0] else right
            s, e = self._trim(doc, s, e, lead if i == 0 else "that")
            if s < e:
                ranges.append((s, e))
        return ranges

    @staticmethod
    def _verbal(c: Token) -> bool:
        """A conjunct that is a verb phrase, even when mistagged ("apologise to residents")."""
        return c.pos_ in ("VERB", "AUX") or any(x.dep_ in ("dobj", "prep", "xcomp", "ccomp", "acomp", "aux") for x in c.children)

    def _verb_conjuncts(self, head: Token) -> list[Token]:
        out = []
        for c in head.children:
            if c.dep_ == "conj" and self._verbal(c) and not self._is_own_cue(c):
                out.append(c)
                out.extend(self._verb_conjuncts(c))
        return out

    @staticmethod
    def _is_comment(v: Token) -> bool:
        """A participial clause set off by a comma, with no subject or marker of its own."""
        kids = list(v.children)
        if any(c.dep_ in SUBJECTS or c.dep_ == "mark" for c in kids):
            return False
        left = v.left_edge.i
        return left > 0 and v.doc[left - 1].text in (",", ";", "—", "-")

    def _is_own_cue(self, v: Token) -> bool:
        """A verb that opens a claim of its own, continuing the outer holder ("..., adding that")."""
        return self.is_cue_verb(v) and not any(c.dep_ in SUBJECTS for c in v.children)

    @staticmethod
    def _trim(doc: Doc, s: int, e: int, lead: str) -> tuple[int, int]:
        leading = {"that", "to", "for", "whether"} if lead else set()
        while s < e and (doc[s].is_punct or doc[s].is_space or doc[s].dep_ == "cc" or doc[s].lower_ in leading and doc[s].dep_ in ("mark", "aux", "nsubj", "prep")):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space or doc[e - 1].dep_ == "cc"):
            if doc[e - 1].text in ")]" and any(t.text in "([" for t in doc[s : e - 1]):
                break  # keep a closing bracket whose opening one is inside
            e -= 1
        return s, e

    @classmethod
    def _exclude(cls, doc: Doc, s: int, e: int, holes: Iterable[tuple[int, int]]) -> tuple[int, int]:
        """Keep the longest piece of [s, e) that holds no actor or cue token (SPEC: the issue
        excludes the cue and the actor)."""
        cut = sorted((max(a, s), min(b, e)) for a, b in holes if a < e and b > s)
        if not cut:
            return s, e
        pieces, pos = [], s
        for a, b in cut:
            if a > pos:
                pieces.append((pos, a))
            pos = max(pos, b)
        if pos < e:
            pieces.append((pos, e))
        pieces = [cls._trim(doc, a, b, "that") for a, b in pieces]
        pieces = [p for p in pieces if p[1] > p[0]]
        if not pieces:
            return s, s
        return max(pieces, key=lambda p: (p[1] - p[0], -p[0]))

    @staticmethod
    def _whole_quote(text: str, claim: dict[str, Any]) -> None:
        """A content that opens a quotation runs to the quotation's end, across sentences, within
        its paragraph (GUIDELINES 2.8)."""
        issue = claim["issue"]
        before = text[max(0, issue["start"] - 2) : issue["start"]].rstrip()
        if not before or before[-1] not in "\u201c\"":
            return
        closer = "\u201d" if before[-1] == "\u201c" else '"'
        close = text.find(closer, issue["end"])
        if close < 0:
            return
        para = text.find("\n\n", issue["end"])
        if close <= issue["end"] or (0 <= para < close) or close - issue["end"] > 1500:
            return
        if claim["actor"]["start"] < close and claim["actor"]["start"] >= issue["end"]:
            return  # the speaker sits between: the quote was cut by the attribution
        end = close
        while end > issue["end"] and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1
        if end > issue["end"]:
            claim["issue"] = {"text": text[issue["start"] : end], "start": issue["start"], "end": end}

    def _clean(self, doc: Doc, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
        text = doc.text
        for c in claims:
            self._whole_quote(text, c)
        seen = {}
        for c in claims:
            key = (c["actor"]["start"], c["issue"]["start"], c["issue"]["end"])
            if key not in seen or c["confidence"] > seen[key]["confidence"]:
                seen[key] = c
        claims = list(seen.values())
        if self.nested == "suppress":
            reporting = [c for c in claims if c["source"].endswith(("verb_ccomp", "according_to", "parenthetical"))]
            kept = []
            for c in claims:
                inside = any(
                    o is not c and o["issue"]["start"] <= c["cue"]["start"] and c["cue"]["end"] <= o["issue"]["end"]
                    and not (o["actor"]["start"] == c["actor"]["start"])
                    for o in reporting
                )
                if not inside:
                    kept.append(c)
            claims = kept
        claims.sort(key=lambda c: (c["cue"]["start"], c["issue"]["start"]))
        return claims


@Language.factory(
    "claimx_claims",
    assigns=["doc._.claims"],
    requires=["doc._.actors", "token.dep", "token.lemma"],
    default_config={"lexicon": {"@misc": "claimx.cue_lexicon.v1"}, "nested": "suppress",
                    "gazetteer": {"@misc": "claimx.actor_gazetteer.v1"}},
)
def make_claims(nlp: Language, name: str, lexicon: dict[str, Any], nested: str, gazetteer: dict[str, Any]) -> ClaimFinder:
    return ClaimFinder(nlp, name, lexicon, nested, gazetteer.get("actor_nouns"))


__all__ = ["ClaimFinder", "make_claims", "cue_lexicon"]
