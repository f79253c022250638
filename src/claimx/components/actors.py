"""``claimx_actors``: every mention that could hold a position, with one canonical name each.

Reads the parse and named entities; writes ``Doc._.actors``: a list of mention dicts
``{"text", "start", "end", "canonical", "label", "root"}`` (character offsets, end exclusive;
``root`` is the token index of the mention's head) in document order.

* Named entities (PERSON, ORG, GPE, NORP and, when the gazetteer knows them, FAC/LOC) become
  mentions; a person's canonical name is the fullest name of that person in the document
  (surname -> full name, titles stripped); names that stand for a state or body map through the
  metonymy gazetteer (Kyiv -> Ukraine, the Kremlin -> Russia); aliases unify (US -> United States).
* Noun phrases headed by an actor noun (officials, unions, lawmakers ...) become mentions; an
  unnamed official of a named body maps to the body ("a Commission official" -> the Commission).
* Personal pronouns are resolved to the nearest compatible earlier mention.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..resources import actor_gazetteer
from .data import DataComponent

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP")
GAZETTEER_LABELS = ("FAC", "LOC")
MALE_FEMALE = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
FEMALE = {"she", "her", "hers", "herself"}
SINGULAR_THING = {"it", "its", "itself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
PRONOUNS = MALE_FEMALE | SINGULAR_THING | PLURAL
_DETS = {"the", "a", "an", "this", "that", "these", "those", "some", "any"}

if not Doc.has_extension("actors"):
    Doc.set_extension("actors", default=None)


def _strip_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without leading determiners/punctuation and trailing possessive/punctuation."""
    while start < end and (doc[start].lower_ in _DETS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or (doc[end - 1].is_punct and doc[end - 1].text != "%")
                           or doc[end - 1].is_space):
        end -= 1
    return start, end


def _key(text: str) -> str:
    t = text.lower().replace("\u2019", "'").strip()
    if t.startswith("the "):
        t = t[4:]
    if t.endswith("'s"):
        t = t[:-2]
    return t.strip()


def noun_phrase(token: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``token``: left modifiers (not determiners) and
    right adjectival modifiers, without relative clauses, appositions or prepositional phrases
    (except "of"-phrases of group nouns: "members of parliament")."""
    doc = token.doc
    start = token.i
    lefts = list(token.lefts)
    # a misparse can hang a fronted phrase on the noun ("At a rally on Friday, the governor called
    # X ...", "called" read as a reduced relative): a prepositional or adverbial clause left of the
    # noun is not part of its phrase, nor is anything before it
    cut = max((c.right_edge.i for c in lefts if c.dep_ in ("prep", "advcl", "npadvmod")), default=-1)
    if cut >= 0:
        lefts = [c for c in lefts if c.left_edge.i > cut]
    for child in lefts:
        if child.dep_ in ("det", "predet", "punct", "cc", "preconj", "case") and child.i == start - 1:
            continue
        start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        # not "of" with a gerund: "accused by the government of coordinating X" is what it accuses
        if child.dep_ in ("amod", "compound", "nummod") or (child.dep_ == "prep" and child.lower_ == "of" and token.i + 1 == child.i
                                                            and not any(g.dep_ == "pcomp" for g in child.children)) \
                or (child.dep_ == "prep" and child.lower_ == "in" and token.pos_ == "NUM" and token.i + 1 == child.i
                    and any(g.dep_ == "pobj" and g.pos_ == "NUM" for g in child.children)):   # "two in three"
            end = max(end, child.right_edge.i + 1)
        else:
            break
    s, e = _strip_span(doc, start, end)
    if s >= e:
        return token.i, token.i + 1
    return s, e


class ActorFinder(DataComponent):
    """Finds actor mentions and names them canonically.  Used as a pipeline component; its state is
    the gazetteer (saved inside a pipeline by :class:`.data.DataComponent`)."""

    def __init__(self, nlp: Language, name: str, labels: list[str]):
        self.name = name
        self.labels = tuple(labels)
        self.nlp = nlp
        self.data: dict[str, Any] | None = None

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   gazetteer: dict[str, Any] | None = None) -> None:
        """Load the gazetteer: ``gazetteer`` from ``[initialize.components.NAME.gazetteer]``, else
        ``claimx.actor_gazetteer.v1``'s default file."""
        self.set_data({"gazetteer": gazetteer if gazetteer is not None else actor_gazetteer()})

    def set_data(self, data: dict[str, Any]) -> None:
        self.data = data
        gazetteer = data["gazetteer"]
        nlp = self.nlp
        self.metonyms = {k.lower(): v for k, v in (gazetteer.get("metonyms") or {}).items()}
        self.aliases = {k.lower(): v for k, v in (gazetteer.get("aliases") or {}).items()}
        self.titles = {t.lower() for t in gazetteer.get("titles") or []}
        self.actor_nouns = {t.lower() for t in gazetteer.get("actor_nouns") or []}
        self.body_heads = {t.lower() for t in gazetteer.get("body_heads") or []}
        names = gazetteer.get("first_names") or {}
        self.first_names = {n.lower(): g for g in ("female", "male") for n in names.get(g) or []}
        words = gazetteer.get("gender_words") or {}
        self.gender_words = {w.lower(): g for g in ("female", "male") for w in words.get(g) or []}
        # Gazetteer names are found even where the tagger misses them ("Downing Street").
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        names = sorted(set(self.metonyms) | set(self.aliases))
        self.matcher.add("GAZETTEER", [nlp.make_doc(n) for n in names])

    # -- canonical names -------------------------------------------------------------------
    def gazetteer_name(self, text: str) -> str | None:
        key = _key(text)
        return self.metonyms.get(key) or self.aliases.get(key)

    def _person_core(self, span: Span) -> Span:
        start = span.start
        while start < span.end - 1 and (span.doc[start].lower_ in self.titles or span.doc[start].is_punct):
            start += 1
        return span.doc[start : span.end]

    def __call__(self, doc: Doc) -> Doc:
        if self.data is None:
            self.initialize()  # added to a pipeline by hand: the default gazetteer
        mentions: list[dict[str, Any]] = []
        covered: set[int] = set()
        persons: list[Span] = []
        orgs: list[Span] = []
        ents = []
        for ent in doc.ents:
            if ent.label_ not in self.labels and not (ent.label_ in GAZETTEER_LABELS and self.gazetteer_name(ent.text)):
                continue
            s, e = _strip_span(doc, ent.start, ent.end)
            if s >= e:
                continue
            span = doc[s:e]
            if ent.label_ == "PERSON":
                span = self._person_core(span)
                persons.append(span)
            elif ent.label_ == "ORG":
                # "China's commerce ministry": the possessor names whose body it is; keep it
                poss = next((c for c in span.root.children if c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP")
                             and c.i < span.start and span.start - c.i <= 2), None)
                if poss is not None:
                    span = doc[poss.i:span.end]
                orgs.append(span)
            ents.append((span, ent.label_))
        # A surname seen in a full PERSON name names that person wherever it recurs, whatever
        # label the tagger gave it there ("Zelenskyy said" is often tagged ORG or nothing).
        surnames: dict[str, Span] = {}
        words: dict[tuple[int, int], frozenset[str]] = {}   # a span's lower-cased words, read once
        for p in persons:
            if len(p) > 1:
                key = p[-1].lower_
                if key not in surnames or len(p) > len(surnames[key]):
                    surnames[key] = p
        for span, label in ents:
            if label != "PERSON" and len(span) <= 2 and span[-1].lower_ in surnames and not self.gazetteer_name(span.text):
                label = "PERSON"
                persons.append(span)
            mentions.append(self._mention(span, label, self._canonical(span, label, persons, orgs, words)))
            covered.update(range(span.start, span.end))
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            if any(i in covered for i in range(start, end)) or not all(t.text[:1].isupper() for t in span if t.is_alpha):
                continue  # capitalised names only: "us" is a pronoun, "US" a country
            mentions.append(self._mention(span, "GPE", self.gazetteer_name(span.text) or span.text))
            covered.update(range(start, end))
        for tok in doc:
            if tok.i not in covered and tok.pos_ in ("PROPN", "NOUN") and tok.lower_ in surnames:
                span = doc[tok.i : tok.i + 1]
                mentions.append(self._mention(span, "PERSON", self._canonical(span, "PERSON", persons, orgs, words)))
                covered.add(tok.i)
        for tok in doc:
            if tok.i in covered or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.lower_ not in self.actor_nouns and tok.lemma_.lower() not in self.actor_nouns:
                continue
            if tok.dep_ == "compound":
                continue
            s, e = noun_phrase(tok)
            span = doc[s:e]
            canonical = self._body_of(span, tok, mentions) or span.text
            mentions.append(self._mention(span, "NOUN", canonical, root=tok.i))
            covered.update(range(s, e))
        mentions.sort(key=lambda m: m["start"])
        self._genders(doc, mentions)
        resolved = []
        heads = {m["root"]: (doc[m["root"]].tag_, doc[m["root"]].dep_) for m in mentions}   # read once per doc
        for tok in doc:
            if tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
                antecedent = self.antecedent(tok, mentions, heads)
                resolved.append(self._mention(doc[tok.i : tok.i + 1], "PRON", antecedent["canonical"] if antecedent else tok.text))
        mentions.extend(resolved)
        mentions.sort(key=lambda m: (m["start"], m["end"]))
        doc._.actors = mentions
        return doc

    @staticmethod
    def _mention(span: Span, label: str, canonical: str, root: int | None = None) -> dict[str, Any]:
        return {
            "text": span.text,
            "start": span.start_char,
            "end": span.end_char,
            "canonical": canonical,
            "label": label,
            "root": span.root.i if root is None else root,
        }

    def _canonical(self, span: Span, label: str, persons: list[Span], orgs: list[Span],
                   words: dict[tuple[int, int], frozenset[str]] | None = None) -> str:
        """``words``: a cache of each span's lower-cased words, shared over one document's calls."""
        mapped = self.gazetteer_name(span.text)
        if mapped:
            return mapped
        cache = {} if words is None else words

        def words_of(x: Span) -> frozenset[str]:
            key = (x.start, x.end)
            if key not in cache:
                cache[key] = frozenset(t.lower_ for t in x)
            return cache[key]

        if label == "PERSON":
            last = span[-1].lower_
            own = words_of(span)
            best = span
            for other in persons:
                other_words = words_of(other)
                if last in other_words and own <= other_words and len(other) > len(best):
                    best = other
            return " ".join(t.text for t in best if t.tag_ != "POS" and t.lower_ not in ("’s", "'s"))
        if label == "ORG":
            own = words_of(span)
            best = span
            for other in orgs:
                if own <= words_of(other) and len(other) > len(best):
                    best = other
            mapped = self.gazetteer_name(best.text)
            return mapped or best.text
        return span.text

    def _body_of(self, span: Span, head: Token, mentions: list[dict[str, Any]]) -> str | None:
        """The body an unnamed official speaks for (SPEC): a named body inside the phrase ("a
        Pentagon spokesman"), a body the modifier abbreviates ("a Commission spokesperson" after
        "the European Commission"), or the object of "at / of / for / from" ("officials at the
        State Department", "a spokeswoman for the Clinton campaign")."""
        if head.lower_ not in self.body_heads and head.lemma_.lower() not in self.body_heads:
            return None
        bodies = [m for m in mentions if m["label"] in ("ORG", "GPE", "NORP")]
        for m in bodies:
            if span.start_char <= m["start"] and m["end"] <= span.end_char:
                return m["canonical"]
        for tok in span:
            if tok.i != head.i and tok.pos_ == "PROPN":
                longer = [m for m in bodies if m["text"].split()[-1] == tok.text and m["text"] != tok.text]
                if longer:
                    return max(longer, key=lambda m: len(m["text"]))["canonical"]
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "of", "for", "from", "with"):
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    s, e = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
                    inside = [m for m in mentions if s <= m["start"] and m["end"] <= e
                              and m["label"] in ("ORG", "GPE", "NORP", "NOUN", "PERSON")]
                    if inside:
                        m = max(inside, key=lambda m: m["end"] - m["start"])
                        if m["label"] == "PERSON":
                            if obj.lemma_.lower() != "campaign":
                                continue  # "a spokesman for Smith" is Smith's, but not Smith
                            return f"{m['canonical']} campaign"
                        return m["canonical"]
        return None

    def _genders(self, doc: Doc, mentions: list[dict[str, Any]]) -> None:
        """Give each person mention a ``gender`` (female, male or None) from the evidence for its
        canonical name anywhere in the document: a known given name, or a gendered title or noun
        right before a mention ("Mrs. Clinton", "actress Susan Sarandon")."""
        evidence: dict[str, str] = {}
        for m in mentions:
            if m["label"] != "PERSON":
                continue
            canon = m["canonical"]
            first = canon.split()[0].lower().strip(".") if canon.split() else ""
            if first in self.first_names and len(canon.split()) > 1:
                evidence.setdefault(canon, self.first_names[first])
            start = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if start is not None:
                for k in (start.start - 1, start.start - 2):
                    if k >= 0 and doc[k].lower_ in self.gender_words:
                        evidence.setdefault(canon, self.gender_words[doc[k].lower_])
                        break
        for m in mentions:
            m["gender"] = evidence.get(m["canonical"]) if m["label"] == "PERSON" else None

    def antecedent(self, pron: Token, mentions: list[dict[str, Any]],
                   heads: dict[int, tuple[str, str]] | None = None) -> dict[str, Any] | None:
        """Nearest earlier compatible mention: persons for he/she, organisations and places for
        it, groups (plural nouns, organisations, nationalities) for they.  Subjects win over other
        mentions within the last three sentences, as they are the likelier topic.  ``heads``: the
        (tag, dependency) of each mention's head token by its index, read once per document."""
        doc = pron.doc
        if heads is None:
            heads = {m["root"]: (doc[m["root"]].tag_, doc[m["root"]].dep_) for m in mentions}
        low = pron.lower_
        if low in MALE_FEMALE:
            want = "female" if low in FEMALE else "male"
            ok = lambda m: m["label"] == "PERSON" and m.get("gender") in (None, want)  # noqa: E731
        elif low in SINGULAR_THING:
            ok = lambda m: m["label"] in ("ORG", "GPE") or (m["label"] == "NOUN" and heads[m["root"]][0] not in PLURAL_TAGS)  # noqa: E731
        else:
            ok = lambda m: m["label"] in ("ORG", "NORP", "GPE") or (m["label"] == "NOUN" and heads[m["root"]][0] in PLURAL_TAGS)  # noqa: E731
        sent_start = pron.sent.start
        window_start = sent_start
        for _ in range(3):
            if window_start == 0:
                break
            window_start = doc[window_start - 1].sent.start
        before = [m for m in mentions if m["end"] <= pron.idx and ok(m)]
        if not before:
            return None
        recent_subjects = [
            m for m in before
            if m["root"] >= window_start and heads[m["root"]][1] in ("nsubj", "nsubjpass")
        ]
        return (recent_subjects or before)[-1]


PLURAL_TAGS = ("NNS", "NNPS")


def mention_at(doc: Doc, token: Token) -> dict[str, Any] | None:
    """The actor mention whose head is ``token``, else the smallest mention containing it."""
    best = None
    for m in doc._.actors or []:
        if m["root"] == token.i:
            return m
        if m["start"] <= token.idx < m["end"] and (best is None or m["end"] - m["start"] < best["end"] - best["start"]):
            best = m
    return best


@Language.factory(
    "claimx_actors",
    assigns=["doc._.actors"],
    requires=["doc.ents", "token.dep"],
    default_config={"labels": list(ENTITY_LABELS)},
)
def make_actors(nlp: Language, name: str, labels: list[str]) -> ActorFinder:
    return ActorFinder(nlp, name, labels)


__all__ = ["ActorFinder", "make_actors", "mention_at", "noun_phrase", "actor_gazetteer"]
