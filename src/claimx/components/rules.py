"""The claim rules of ``claimx_claims``: one frame builder per rule, each named as in ``source``.

A rule reads the parse around one cue token and returns :class:`Frame` objects, what the cue says
before it is turned into records: the rule, the polarity, the cue tokens, the holder token(s), the
content heads (:class:`Content`) and a confidence.  :mod:`.claims` turns frames into records
(spans, canonical names, exclusion of actor and cue from the issue, de-duplication).

A builder returns ``None`` when its rule does not apply (the next one is tried) and a list, maybe
empty, when it decides for the cue (an empty list: no claim here, try nothing else).  The order:

* at "according": :func:`according_to`;
* at a verb (or a reporting verb the tagger read as a noun, :func:`_verb_read_as_noun`),
  :data:`VERB_RULES` in order: :func:`verb_xcomp_dare` ("challenged Y to X"; "challenging Y for
  the nomination": none), :func:`verb_prep_phrasal` ("called for X"),
  :func:`parenthetical_as` ("as X pointed out, Y"), :func:`verb_xcomp_call_on` ("called on X to
  Y"), :func:`evaluative`, :func:`made_clear` ("made it clear that X", a frame of ``verb_ccomp``),
  :func:`light_noun`, :func:`poll_has` ("a poll has X leading"); then, for a verb of the cue
  lexicon only,
  :func:`verb_answer` ("Asked if X, she said no"), :func:`verb_passive`, :func:`verb_ccomp`,
  :func:`verb_ccomp_misparsed` ("Outlets reported on Monday X" read as a participle),
  :func:`verb_compose`, :func:`verb_xcomp`, :func:`verb_prep`, :func:`verb_dobj`, :func:`parenthetical`;
* where no verb rule made a frame: :func:`adjective` at a predicate adjective, then
  :func:`agent_noun`, :func:`light_noun_possessive` and :func:`report_noun` at a noun.

A builder whose name carries a suffix (``verb_prep_phrasal``) makes frames of the rule before the
suffix (``verb_prep``); one rule is reached at two points of the order.  Negation of the cue flips
the polarity (:func:`negate`); a negated reporting verb ("did not say") makes no claim.  The word
lists come from the cue lexicon (``configs/lexicons/cues.yaml``, :class:`CueLexicon`).
"""

from __future__ import annotations

import re

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from .actors import noun_phrase
from .quotes import quotation_around
from .text import doc_text

RELATIVE = {"who", "which", "that", "whom"}
NOT_ACTORS = {"it", "there", "this", "that", "what", "which", "these", "those", "something",
              "nothing", "everything", "one", "i", "me", "you",
              # generic people ("anybody who watched it knows X"): no annotator took one as holder
              "anybody", "anyone", "everybody", "everyone", "somebody", "nobody"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# possessors that hold a polarity noun's position ("her opposition to X"): the actors component
# resolves them to their antecedent
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their"})
# particles that make another verb of a cue ("pick up", "back down", "call off") unless the lexicon
# lists the phrasal verb
PARTICLES_CHANGING_SENSE = frozenset({"up", "down", "off", "out", "over", "away"})
SUBJECT_PREPS = {"after", "before", "by", "in", "upon", "on", "while", "since", "through", "despite", "besides"}
OPENING_MARKS = ("\u201c", '"', "''")
NOUN_FORM_CUES = {"that", ":", *OPENING_MARKS}  # what makes a noun-like form ("states") a cue
FLIP = {"support": "oppose", "oppose": "support", "neutral": "neutral"}


@dataclass
class Content:
    """Where a frame's content is: the subtree of ``head`` (with its coordinated verb phrases when
    ``minus`` is None), less the subtree of ``minus`` (a parenthetical cue, the "according to"
    phrase, an evaluation), plus the subtree of ``follow`` ("called for Ukraine *to cede X*").
    ``lead`` names the kind of opening to trim ("that", "to", a preposition; "" trims none);
    ``phrase`` keeps only the noun phrase of ``head`` (the antecedent of a relative clause)."""

    head: Token
    lead: str = ""
    minus: Token | None = None
    follow: Token | None = None
    phrase: bool = False  # only the noun phrase of ``head`` (a relative clause's antecedent)


@dataclass
class Frame:
    """What one cue says: ``rule`` (as in ``source``), ``polarity`` (support, oppose, neutral or
    report), the cue token indices, the holder tokens (one record each), the contents, the
    confidence, an addressee token and, for a holder that is a whole noun phrase ("opponents of
    X"), its token range."""

    rule: str
    polarity: str
    cue: list[int]
    actor: list[Token] | None
    content: list[Content]
    confidence: float
    addressee: Token | None = None
    holder_range: tuple[int, int] | None = None


@dataclass
class CueLexicon:
    """The cue lexicon (``claimx.cue_lexicon.v1``) in the form the rules look words up in."""

    report: set[str]
    polarity: dict[str, str]
    stance_verbs: dict[str, str]
    phrasal: dict[str, list[tuple[tuple[str, ...], str]]]
    light_verbs: set[str]
    light_nouns: dict[str, str]
    light_preps: set[str]
    agent_nouns: dict[str, str]
    adjectives: dict[str, str]
    adjective_preps: set[str]
    evaluative: set[str]
    negative: set[str]
    addressee_preps: dict[str, tuple[str, ...]]
    addressee_verbs: set[str]
    report_objects: set[str]
    empty: set[str]
    actor_nouns: set[str] = field(default_factory=set)
    physical_verbs: set[str] = field(default_factory=set)
    physical_objects: set[str] = field(default_factory=set)
    message_nouns: set[str] = field(default_factory=set)
    sending_verbs: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    tag_verbs: set[str] = field(default_factory=set)
    lemma_fixes: dict[str, str] = field(default_factory=dict)
    noun_forms: set[str] = field(default_factory=set)
    report_nouns: set[str] = field(default_factory=set)
    content_nouns: set[str] = field(default_factory=set)
    small_clause_verbs: set[str] = field(default_factory=set)
    evaluative_preps: dict[str, str] = field(default_factory=dict)
    office_verbs: dict[str, set[str]] = field(default_factory=dict)
    object_preps: set[str] = field(default_factory=set)
    plan_nouns: set[str] = field(default_factory=set)
    channel_nouns: set[str] = field(default_factory=set)
    people_preps: set[str] = field(default_factory=set)
    polled_verbs: set[str] = field(default_factory=set)
    finding_holders: set[str] = field(default_factory=set)
    finding_light_verbs: set[str] = field(default_factory=set)
    against_idioms: set[str] = field(default_factory=set)
    forecast_words: set[str] = field(default_factory=set)
    quoting_verbs: set[str] = field(default_factory=set)
    object_not_issue: set[str] = field(default_factory=set)
    infinitive_not_issue: set[str] = field(default_factory=set)
    receiving_verbs: set[str] = field(default_factory=set)
    given_support: set[str] = field(default_factory=set)
    act_verbs: set[str] = field(default_factory=set)
    group_heads: set[str] = field(default_factory=set)
    withholding: set[str] = field(default_factory=set)
    belief: set[str] = field(default_factory=set)
    intention: set[str] = field(default_factory=set)
    addressee_stance: dict[str, str] = field(default_factory=dict)
    occasion_nouns: set[str] = field(default_factory=set)
    fear_words: set[str] = field(default_factory=set)
    rivalry_verbs: set[str] = field(default_factory=set)
    effort_verbs: set[str] = field(default_factory=set)
    effort_nouns: set[str] = field(default_factory=set)
    stance_phrases: dict[tuple[str, str], str] = field(default_factory=dict)
    raising_passives: set[str] = field(default_factory=set)
    # derived: every noun of a document that can hold a position (messages, documents, findings)
    document_holders: set[str] = field(init=False, default_factory=set)

    def __post_init__(self) -> None:
        self.document_holders = self.message_nouns | self.documents | self.finding_holders

    @classmethod
    def from_dict(cls, lex: dict[str, Any], actor_nouns: list[str] | None = None) -> CueLexicon:
        missing = [k for k in ("report", "support", "oppose", "stance_verbs", "phrasal", "light_verbs",
                               "light_nouns", "light_preps", "agent_nouns", "adjectives", "adjective_preps",
                               "evaluative", "negative_evaluations", "addressee_preps", "addressee_verbs",
                               "report_objects", "empty_complements") if k not in lex]
        if missing:
            raise ValueError(f"the cue lexicon lacks {', '.join(missing)} (see configs/lexicons/cues.yaml)")
        stray = sorted(set(lex.get("evaluative_preps") or {}) - set(lex["evaluative"]))
        if stray:
            # evaluative_preps says how an evaluative verb takes its object; the verb must be evaluative
            raise ValueError(f"the cue lexicon's evaluative_preps names verbs not in evaluative: {', '.join(stray)} "
                             f"(see configs/lexicons/cues.yaml)")
        report = set(lex["report"]["verbs"])
        polarity: dict[str, str] = {}
        for lemma in report:
            polarity[lemma] = "support"
        for lemma in lex["support"]["verbs"]:
            polarity[lemma] = "support"
        for lemma in lex["oppose"]["verbs"]:
            polarity[lemma] = "oppose"
        phrasal: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, pol in lex["phrasal"].items():
            words = phrase.split()
            phrasal.setdefault(words[0], []).append((tuple(words[1:]), pol))
        for entries in phrasal.values():
            entries.sort(key=lambda e: -len(e[0]))
        return cls(
            report=report,
            polarity=polarity,
            stance_verbs={v: pol for pol, verbs in lex["stance_verbs"].items() for v in verbs},
            phrasal=phrasal,
            light_verbs=set(lex["light_verbs"]),
            light_nouns=dict(lex["light_nouns"]),
            light_preps=set(lex["light_preps"]),
            agent_nouns=dict(lex["agent_nouns"]),
            adjectives=dict(lex["adjectives"]),
            adjective_preps=set(lex["adjective_preps"]),
            evaluative=set(lex["evaluative"]),
            negative=set(lex["negative_evaluations"]),
            addressee_preps={v: (w,) if isinstance(w, str) else tuple(w) for v, w in lex["addressee_preps"].items()},
            addressee_verbs=set(lex["addressee_verbs"]),
            report_objects=set(lex["report_objects"]),
            empty=set(lex["empty_complements"]),
            actor_nouns=set(actor_nouns or []),
            physical_verbs=set((lex.get("physical_acts") or {}).get("verbs") or []),
            physical_objects=set((lex.get("physical_acts") or {}).get("objects") or []),
            message_nouns=set((lex.get("messages") or {}).get("nouns") or []),
            sending_verbs=set((lex.get("messages") or {}).get("verbs") or []),
            documents=set((lex.get("messages") or {}).get("documents") or []),
            tag_verbs=set(lex.get("tag_verbs") or []),
            group_heads=set(lex.get("group_heads") or []),
            withholding=set(lex.get("withholding_verbs") or []),
            belief=set(lex.get("belief_verbs") or []),
            intention=set(lex.get("intention_verbs") or []),
            lemma_fixes={k.lower(): v for k, v in (lex.get("lemma_fixes") or {}).items()},
            noun_forms={w.lower() for w in lex.get("noun_forms") or []},
            report_nouns={w.lower() for w in lex.get("report_nouns") or []},
            content_nouns={w.lower() for w in lex.get("content_nouns") or []},
            small_clause_verbs={w.lower() for w in lex.get("small_clause_verbs") or []},
            evaluative_preps={k.lower(): str(v).lower() for k, v in (lex.get("evaluative_preps") or {}).items()},
            office_verbs={k.lower(): {p.lower() for p in v} for k, v in (lex.get("office_verbs") or {}).items()},
            object_preps={w.lower() for w in lex.get("object_preps") or []},
            plan_nouns={w.lower() for w in lex.get("plan_nouns") or []},
            channel_nouns={w.lower() for w in lex.get("channel_nouns") or []},
            people_preps={w.lower() for w in (lex.get("described_people") or {}).get("preps") or []},
            polled_verbs={w.lower() for w in (lex.get("described_people") or {}).get("participles") or []},
            finding_holders={w.lower() for w in lex.get("finding_holders") or []},
            finding_light_verbs={w.lower() for w in lex.get("finding_light_verbs") or []},
            against_idioms={w.lower() for w in lex.get("against_idioms") or []},
            forecast_words={w.lower() for w in lex.get("forecast_words") or []},
            quoting_verbs={w.lower() for w in lex.get("quoting_verbs") or []},
            object_not_issue={w.lower() for w in lex.get("object_not_issue") or []},
            infinitive_not_issue={w.lower() for w in lex.get("infinitive_not_issue") or []},
            receiving_verbs={w.lower() for w in (lex.get("received_support") or {}).get("verbs") or []},
            given_support={w.lower() for w in (lex.get("received_support") or {}).get("nouns") or []},
            act_verbs={w.lower() for w in lex.get("act_verbs") or []},
            addressee_stance={k.lower(): v for k, v in (lex.get("addressee_stance") or {}).items()},
            occasion_nouns={w.lower() for w in lex.get("occasion_nouns") or []},
            fear_words={w.lower() for w in lex.get("fear_words") or []},
            rivalry_verbs={w.lower() for w in lex.get("rivalry_verbs") or []},
            effort_verbs={w.lower() for w in (lex.get("efforts") or {}).get("verbs") or []},
            effort_nouns={w.lower() for w in (lex.get("efforts") or {}).get("nouns") or []},
            stance_phrases={tuple(k.lower().split()[-2:]): v for k, v in (lex.get("stance_phrases") or {}).items()},
            raising_passives={w.lower() for w in lex.get("raising_passives") or []},
        )

    def reports(self, lemma: str) -> bool:
        """A reporting verb of support polarity ("say", "warn"; not "deny"): its content is asserted."""
        return lemma in self.report and self.polarity.get(lemma) == "support"

    def is_cue_verb(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        return tok.pos_ in ("VERB", "AUX") and (lemma in self.polarity or lemma in self.phrasal or lemma in self.evaluative)

    def cue_here(self, tok: Token) -> bool:
        """A cue verb as used here: a verb listed only as the head of phrasal cues ("close" of "close
        ranks around") counts where one of its phrases is there ("and close the plant" is no cue)."""
        if not self.is_cue_verb(tok):
            return False
        lemma = tok.lemma_.lower()
        return lemma in self.polarity or lemma in self.evaluative or \
            any(_phrasal_content(tok, tail) is not None for tail, _ in self.phrasal.get(lemma, []))


@dataclass
class VerbCue:
    """A verb and what the verb rules read off it, computed once."""

    v: Token
    lemma: str
    kids: list[Token]
    negated: bool
    actor: list[Token] | None
    passive: bool
    ccomps: list[Token]
    xcomps: list[Token]
    dobj: Token | None
    addressee: Token | None

    @classmethod
    def read(cls, v: Token, lex: CueLexicon) -> VerbCue:
        lemma = v.lemma_.lower()
        kids = list(v.children)
        actor, passive = holder(v, lex)
        # (not the clause before the verb the holder was read from: "Jeffrey Salkin, a rabbi helping X, said")
        named = _name_read_as_clause(v) if actor else None
        ccomps = [c for c in kids if c.dep_ == "ccomp" and not (named is not None and named in actor and named.head == c)]
        if ccomps:
            # "said that X and that Y": a clause opened by "that" is no second main clause; the
            # parser hung it off the cue as a conjunct, it is the cue's second complement
            ccomps += [c for c in kids if c.dep_ == "conj" and c.i > ccomps[-1].i and c.pos_ in ("VERB", "AUX")
                       and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"]
            if lex.reports(lemma):
                ccomps += [c for c in kids if _second_content(c, ccomps[-1], lex)]
        if not ccomps and lex.reports(lemma):
            stray = _stray_complement(v, lex)
            if stray is not None:
                ccomps = [stray]
        xcomps = [c for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        # "promised Sunday to end X": a date the parser took for the object is no object
        dobj = next((c for c in kids if c.dep_ in ("dobj", "obj") and not _is_time(c)), None)
        if not xcomps and dobj is None and not ccomps:
            # ... and the infinitive after it, parsed as a clause of purpose, is the complement
            xcomps = [c for c in kids if c.dep_ == "advcl" and c.i > v.i and c.pos_ in ("VERB", "AUX")
                      and _to_infinitive(c) and not any(a.dep_ in SUBJECTS or a.dep_ == "mark" for a in c.children)][:1]
        addressee = None
        if dobj is not None and (ccomps or xcomps) and lemma in lex.addressee_verbs:
            addressee, dobj = dobj, None  # "urged Iran to return": Iran is addressed
        return cls(v, lemma, kids, any(c.dep_ == "neg" for c in kids), actor, passive, ccomps, xcomps, dobj, addressee)

    def polarity(self, lex: CueLexicon) -> str:
        return lex.polarity[self.lemma]

    def is_report(self, lex: CueLexicon) -> bool:
        return lex.reports(self.lemma)


def _second_content(c: Token, content: Token, lex: CueLexicon) -> bool:
    """A clause with a subject of its own joined by a bare "and" (no comma) right after a reporting
    verb's content ("told the crowd that he expects to win the primary and he is doing better than
    Clinton"): the parser hung it on the cue as a second main clause; it is a second content when
    its subject is a personal pronoun."""
    if c.dep_ != "conj" or c.pos_ not in ("VERB", "AUX") or c.i <= content.i:
        return False
    doc = c.doc
    cc = content.right_edge.i + 1
    if cc >= c.i or doc[cc].lower_ != "and" or c.left_edge.i not in (cc, cc + 1):
        return False
    kids = list(c.children)
    # a pronoun subject continues the report ("and he is doing better"); a new noun phrase more
    # often opens the writer's next event ("said X and his aides declared victory")
    if not any(k.dep_ in ("nsubj", "nsubjpass") and k.pos_ == "PRON" and k.tag_ == "PRP" for k in kids) \
            or any(k.dep_ == "mark" for k in kids):
        return False
    return not lex.cue_here(c)


def _stray_complement(v: Token, lex: CueLexicon) -> Token | None:
    """A reporting verb's "that" clause the parser hung on a noun of the verb's own phrase
    ("warning followers on social media and in interviews that the Islamic State could X": the
    clause on "interviews"): a clause with "that" as its marker and a subject of its own, on the
    object of a preposition that reports nothing itself (not "the claim that X"; an object's clause,
    "cited no evidence that X", stays the object's)."""
    for tok in v.subtree:
        if tok.dep_ != "acl" or tok.pos_ not in ("VERB", "AUX") or tok.i < v.i:
            continue
        noun = tok.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj":
            continue
        if noun.lemma_.lower() in lex.report_nouns or noun.lemma_.lower() in lex.light_nouns:
            continue
        kids = list(tok.children)
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in kids) and any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
            # the noun must belong to this verb, not to a verb inside it
            up = noun
            while up.head != up and up != v and up.pos_ not in ("VERB", "AUX"):
                up = up.head
            if up == v:
                return tok
    return _content_read_as_relative(v)


def _content_read_as_relative(v: Token) -> Token | None:
    """"told a regular briefing that China supported efforts to X": the parser read "that" as a
    relative pronoun on the verb's object, but the clause already has an object (or subject) of its
    own in the place "that" would fill, so "that" opens the verb's content."""
    for obj in v.children:
        if obj.dep_ not in ("dobj", "dative") or obj.pos_ not in ("NOUN", "PROPN", "PRON") or obj.i < v.i:
            continue
        for rc in obj.children:
            if rc.dep_ != "relcl" or rc.i < obj.i:
                continue
            first = rc.doc[rc.left_edge.i]
            if first.lower_ != "that" or first.head.i != rc.i or first.dep_ not in ("dobj", "nsubj"):
                continue
            if any(c.dep_ == first.dep_ and c.i != first.i for c in rc.children) \
                    and any(c.dep_ in ("nsubj", "nsubjpass") and c.i != first.i for c in rc.children):
                return rc
    return None


# -- polarity ---------------------------------------------------------------------------------
def compose(outer: str, inner: str) -> str:
    """"refused (oppose) to back (support) X" -> oppose X."""
    if "neutral" in (outer, inner):
        return "neutral"
    return "support" if outer == inner else "oppose"


def negate(frames: list[Frame], negated: bool, report: bool = False) -> list[Frame]:
    if not negated:
        return frames
    if report:
        return []  # "did not say X" is no position on X
    for fr in frames:
        fr.polarity = FLIP.get(fr.polarity, fr.polarity)
        fr.confidence -= 0.05
    return frames


# -- holders ----------------------------------------------------------------------------------
def holder(v: Token, lex: CueLexicon) -> tuple[list[Token] | None, bool]:
    """The token(s) holding the position expressed at ``v`` and whether ``v`` is passive."""
    kids = list(v.children)
    contracted = _contracted_perfect(v, lex)
    if contracted is not None:
        return [contracted, *conjuncts(contracted)], False
    modal_name = name_read_as_modal(v)
    if modal_name is not None:
        return [modal_name], False
    agent = next((c for c in kids if c.dep_ == "agent"), None)
    # a reduced relative ("a professor, accused by the government of X") has no passive subject
    # or auxiliary: its participle with a "by" agent is passive all the same
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) or (
        agent is not None and v.dep_ == "acl" and v.tag_ == "VBN")
    if passive and agent is not None:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            pobj = named_appositive(pobj)   # "pressed by ABC's host, George Stephanopoulos"
        return ([pobj, *conjuncts(pobj)] if pobj is not None else None), True
    # "Saturday at the convention Sen. Warren said X": a date the parser took for the subject holds nothing
    # (an age the tagger read as a date is people: "Those over 65 say X")
    subjects = [c for c in kids if c.dep_ == "nsubj" and (not _is_time(c) or described_people(c, lex))]
    subj = subjects[0] if subjects else None
    if len(subjects) > 1 and subjects[-1].i < v.i and any(
            t.text in (":", "\u201d", '"', "''") for t in v.doc[subjects[0].i: subjects[-1].i]):
        subj = subjects[-1]   # "His final assessment: “It's not quite optimistic,” he said": the tag's own subject
    elif len(subjects) > 1 and subjects[0].lower_ in RELATIVE and subjects[-1].i == v.i - 1 \
            and subjects[-1].lower_ not in RELATIVE:
        subj = subjects[-1]   # "emails, which she said represented X": she says it of what "which" names
    elif len(subjects) > 1 and subjects[0].pos_ == "NOUN" and subjects[1].left_edge.i == subjects[0].right_edge.i + 1 \
            and subjects[1].ent_type_ in ("PERSON", "ORG", "GPE", "NORP") \
            and (subjects[1].pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in subjects[1].children)):
        # "Local news affiliate ABC 7 is reporting X", "Democratic presidential hopefuls former Gov.
        # Martin O'Malley and Hillary Clinton called for X": the names the parser made a second subject
        subj = subjects[1]
    listed = _listed_shares(subjects, v)
    if listed:
        return listed, passive
    if subj is not None:
        if subj.lower_ in RELATIVE and v.dep_ in ("relcl", "acl"):
            return [subj], passive  # the span is "who"; its canonical is the antecedent's
        if subj.lower_ == "one":
            # "One of his advisers, Tad Devine, told X": the name; else "one of the prosecutors"
            subj = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), subj)
        if subj.lower_ in NOT_ACTORS and not first_person_narrator(subj) and not body_pronoun(subj) \
                and not quoted_first_person(subj) and not partitive_one(subj) and not described_people(subj, lex):
            return None, passive
        subj = named_appositive(subj)
        # ("Eisenhower and his future secretary of State, John Foster Dulles, criticized X": the name)
        holders = _one_person_titles([subj, *[_conjunct_name(subj, c) for c in conjuncts(subj)]])
        return holders + included_members(holders) + stranded_members(v, holders, lex) + companions(v, subj), passive
    if passive:
        return None, True
    named = _name_read_as_clause(v)
    if named is not None:
        return [named], False
    sender = message_sender(v, lex)
    if sender is not None:
        return sender, False
    # "X and Y became the first members of Congress to endorse Z", "she was the only one to vote
    # against it": the infinitive after a ranked predicate noun is the subject's act
    ranked = _ranked_predicate(v)
    if ranked is not None:
        return ranked, False
    adjunct = free_adjunct(v)
    if adjunct is not None:
        return adjunct, False
    taker = occasion_taker(v, lex)
    if taker is not None:
        return holder(taker, lex)[0], False
    if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
        return [described_name(v.head)], False
    glued = _subject_glued_to_the_clause_before(v)
    if glued is not None:
        return glued, False
    if v.dep_ in ("xcomp", "advcl") and called_on(v.head) is not None:
        return None, False   # "called on the government to block X": the government would block it (verb_xcomp_call_on)
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in lex.addressee_verbs \
            and any(c.dep_ in ("dobj", "obj") and c.i < v.i for c in v.head.children):
        return None, False   # "urged ministers to abandon the plan": the ministers would abandon it
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in lex.raising_passives and _to_infinitive(v) \
            and any(c.dep_ == "auxpass" for c in v.head.children):
        # "Obama is reported to have called the Saudis “free riders”": the raised subject holds it
        raised = next((c for c in v.head.children if c.dep_ == "nsubjpass"), None)
        if raised is not None and raised.lower_ not in NOT_ACTORS:
            raised = named_appositive(raised)
            return [raised, *conjuncts(raised)], False
    # no subject: inherit from the cue this verb continues ("..., adding that", "and said")
    cur = v
    for _ in range(4):
        if cur.dep_ not in ("conj", "advcl", "xcomp", "ccomp") or cur.head == cur:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX", "ADJ") and (lex.is_cue_verb(cur) or cur.lemma_.lower() in lex.adjectives):
            h, _ = holder(cur, lex)
            # "“I want to commend X,” the governor said": the quoted "I" is the tag's speaker
            if h is not None and not (len(h) == 1 and quoted_first_person(h[0])):
                return h, False
    # else "X did Y, saying Z" / "X did Y but said Z" / "X appeared to oppose Z": a participle, a
    # coordinated verb or a controlled infinitive shares the subject of the verb it hangs off
    # ("X, after initially saying Y, took ...", "by declaring": a gerund in a prepositional phrase
    # of time or means, too; not "slammed Y for vetoing X", where Y vetoed)
    gerund_in_prep = v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.dep_ == "prep" and v.head.lower_ in SUBJECT_PREPS
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.lower_ == "as" and v.head.head.lemma_.lower() in lex.quoting_verbs:
        # "The senator was quoted as saying X": the one quoted says it (GUIDELINES 21.19)
        # (active: "The report cited the official as saying X": the one cited)
        quoted = next((c for c in v.head.head.children if c.dep_ in ("nsubjpass", "dobj") and c.i < v.head.i), None)
        if quoted is not None and quoted.lower_ not in NOT_ACTORS and quoted.lower_ not in RELATIVE:
            return [named_appositive(quoted), *conjuncts(quoted)], False
    if v.dep_ in ("conj", "xcomp") or (v.dep_ == "advcl" and v.tag_ == "VBG") or gerund_in_prep:
        head = v.head.head if gerund_in_prep else v.head
        if v.dep_ == "conj" and v.tag_ == "VBD" and head.tag_ == "VB" and head.dep_ == "ccomp" \
                and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children):
            # "Putin backpedaled on his prediction that Russia would pull out of its slump, and
            # blamed X": a past form cannot share the content's modal; it goes on with the clause
            # the content hangs off (GUIDELINES 21.7)
            head = head.head
        if v.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp" and head.lemma_.lower() not in lex.adjectives:
            head = head.head   # "I am proud to endorse him": the subject of the copula (a cue adjective composes)
        for _ in range(4):
            # "he looked into the camera, furrowed his brow and said X": a chain of coordinated
            # verbs shares the subject of its first
            if head.dep_ != "conj" or head.head.pos_ not in ("VERB", "AUX") or any(c.dep_ in SUBJECTS for c in head.children):
                break
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subj is None and v.dep_ == "conj" and v.tag_ != "VBN":   # ("was arrested and accused of X": passive both)
                # "Mr. Trump was forced into damage control and said X": coordinated verbs share
                # the subject, whatever the first one's voice
                subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if subj is None and v.dep_ == "advcl":
                # "A federal lawsuit was filed in 2012 challenging X": the document the passive
                # verb publishes holds the participle's position (GUIDELINES 8.6, 10.6)
                document = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
                if document is not None and document.lemma_.lower() in lex.document_holders:
                    return [document], False
            speaker = _speaker_of_the_content(v, head, subj, lex)
            if speaker is not None:
                return speaker, False
            # (of the exceptions a direct subject has, only the first person's: a body's "it" or a
            # partitive "one" inherited this way lost 1 right claim and added 4 false on the train batches)
            if subj is not None and subj.lower_ not in RELATIVE and (
                    subj.lower_ not in NOT_ACTORS or quoted_first_person(subj) or first_person_narrator(subj)):
                # "In opposing X, her personal lawyer, David E. Kendall, wrote": the name holds it;
                # "“I am proud to endorse him”": the quotation's speaker (found later)
                return [named_appositive(subj), *conjuncts(subj)], False
    # "a White House official who spoke anonymously said X": the parser hung the noun elsewhere; a
    # finite verb without a subject, right after a noun phrase that ends in its relative clause,
    # has that noun for subject
    finite = v.tag_ in ("VBD", "VBZ", "VBP") or (
        v.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in v.children))
    if finite and v.i > 0:
        noun = _phrase_ending_in_clause(v.doc[v.i - 1])
        if noun is None:
            noun = _fronted_appositive(v)
            names = _listed_names(noun) if noun is not None else []
            if names:
                return names, False   # "two members of Congress, A and B, have said X"
        if noun is not None and noun.lower_ not in NOT_ACTORS:
            return [noun], False
    return None, False


PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you"})   # someone addressed or attacked


def name_read_as_modal(v: Token) -> Token | None:
    """"Will urged X", "“...,” Will wrote": the columnist George Will read as the modal "will",
    which cannot govern a past form; the capitalized word is the subject."""
    if v.tag_ not in ("VBD", "VBN", "VBZ") or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return None
    aux = [c for c in v.children if c.dep_ in ("aux", "auxpass") and c.i < v.i]
    if len(aux) != 1 or aux[0].text not in ("Will", "May") or aux[0].tag_ != "MD":
        return None
    return aux[0]


def _contracted_perfect(v: Token, lex: CueLexicon) -> Token | None:
    """"He's said he'll fight": the parser read the contracted "has" as a passive "is"; a person
    with a content clause of their own is the subject of a perfect, not of a passive ("It's said
    that X" keeps its impersonal reading)."""
    aux = next((c for c in v.children if c.dep_ == "auxpass" and c.lower_ in ("'s", "\u2019s") and c.i == v.i - 1), None)
    if aux is None or not lex.reports(v.lemma_.lower()) or not any(c.dep_ == "ccomp" for c in v.children):
        return None
    subj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    if subj is None or not (subj.lower_ in PERSONAL_PRONOUNS or subj.pos_ == "PROPN"):
        return None
    return subj


def _speaker_of_the_content(v: Token, head: Token, subj: Token | None, lex: CueLexicon) -> list[Token] | None:
    """"Francis made clear that his meeting was not political, *saying* X": a participle after a
    comma that the parser hung on the verb of a cue's content clause, whose subject could hold no
    position ("meeting"), is said by the cue's holder."""
    if v.dep_ != "advcl" or v.tag_ != "VBG" or v.i == 0 or v.doc[v.i - 1].text != ",":
        return None
    if head.dep_ not in ("ccomp", "advcl") or subj is None or subj.pos_ == "PROPN" \
            or subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or subj.lower_ in PERSONAL_PRONOUNS \
            or subj.lemma_.lower() in lex.actor_nouns or subj.lower_ in lex.actor_nouns:
        return None
    cue = head.head
    made_clear = cue.lower_ in ("clear", "plain") and cue.head.lemma_ == "make"
    if made_clear:
        cue = cue.head   # "made clear that X"
    if cue.pos_ not in ("VERB", "AUX") or not (made_clear or lex.is_cue_verb(cue)):
        return None
    speaker, _ = holder(cue, lex)
    return speaker


def _conjunct_name(first: Token, conj: Token) -> Token:
    """The name of a described conjunct ("Eisenhower and his future secretary of State, John Foster
    Dulles"): its own apposition, or the one the parser hung on the first conjunct after it."""
    named = named_appositive(conj)
    if named is not conj or conj.pos_ != "NOUN":
        return named
    return next((a for a in first.children if a.dep_ == "appos" and a.pos_ == "PROPN" and a.i > conj.right_edge.i
                 and not _partitive_description(a)), conj)


def _listed_shares(subjects: list[Token], v: Token) -> list[Token]:
    """A list of shares the parser split into several subjects or appositions ("45% of Republicans,
    28% of independents and 12% of Democrats say X"): each share holds the position."""
    if not subjects or any(s.i > v.i for s in subjects):
        return []
    heads = {s.lemma_.lower() for s in subjects}
    if len(heads) != 1 or not heads <= {"%", "percent", "percentage"}:
        return []
    out = []
    for s in subjects:
        for m in [s, *[a for a in s.children if a.dep_ == "appos" and a.lemma_.lower() in heads]]:
            out += [m, *[c for c in conjuncts(m) if c.lemma_.lower() in heads]]
    return out if len(out) > 1 else []


def _subject_glued_to_the_clause_before(v: Token) -> list[Token] | None:
    """"X has been a priority for unions and both the AFT and the NEA endorsed her": the parser
    coordinated the second clause's subject with a noun of the first and made the verb after it a
    conjunct of the first verb, with no subject. The noun phrase right before such a verb is its
    subject: from the conjunct that "both" / "either" opens, else the last one."""
    doc = v.doc
    if v.dep_ != "conj" or v.tag_ not in ("VBD", "VBZ", "VBP") or v.i == 0 or v.head.i > v.i:
        return None
    if any(c.dep_ in SUBJECTS for c in v.children):
        return None
    last = doc[v.i - 1]
    if last.pos_ not in ("NOUN", "PROPN") or last.dep_ != "conj" or last.head.pos_ not in ("NOUN", "PROPN") \
            or last.head.i < v.head.i:
        return None
    cur = last
    while cur.dep_ == "conj" and cur.head.pos_ in ("NOUN", "PROPN") and cur.head.i > v.head.i:
        if any(c.dep_ == "preconj" for c in cur.children):
            break
        cur = cur.head
    if not any(c.dep_ == "preconj" for c in cur.children):
        cur = last
    return [cur, *[c for c in conjuncts(cur) if c.i > cur.i]]


def _name_read_as_clause(v: Token) -> Token | None:
    """"Jeffrey Salkin, a Hollywood rabbi helping to organize the boycott, said X": the parser read
    the name and its description before the verb as a clause complementing it, and the verb has no
    subject; the name opening the sentence, the clause's subject, holds X."""
    doc = v.doc
    if v.i < 2 or doc[v.i - 1].text != ",":
        return None
    c = next((c for c in v.children if c.dep_ == "ccomp" and c.i < v.i and c.right_edge.i == v.i - 2), None)
    if c is None or c.left_edge.i != v.sent.start:
        return None
    subj = next((x for x in c.children if x.dep_ == "nsubj" and x.i < c.i), None)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN") or subj.i + 1 >= len(doc) or doc[subj.i + 1].text != ",":
        return None
    return subj


def _listed_names(noun: Token) -> list[Token]:
    """The people named after a common noun and a comma, which the parser coordinated with it
    ("two Republican members of Congress from Florida, Ileana Ros-Lehtinen and Carlos Curbelo")."""
    names = [c for c in conjuncts(noun) if c.ent_type_ == "PERSON"] if noun.pos_ == "NOUN" else []
    if not names or names[0].left_edge.i == 0 or noun.doc[names[0].left_edge.i - 1].text != ",":
        return []
    return names


def free_adjunct(v: Token) -> list[Token] | None:
    """The subject of the clause a participle after a comma adjoins, when the parser hung the
    participle on an object ("Giuliani trashed Comey on MSNBC's Morning Joe, *calling* it X"; "Le Pen
    backed Trump on Wednesday, *saying* X"): such a free adjunct is said by the clause's subject, not
    by the object it follows."""
    if v.dep_ != "acl" or v.tag_ != "VBG" or v.i == 0 or v.doc[v.i - 1].text != ",":
        return None
    cur = v.head
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX"):
            break
        if cur.dep_ not in ("dobj", "pobj", "prep", "appos", "compound", "npadvmod") or cur.head == cur:
            return None
        cur = cur.head
    else:
        return None
    if cur == v.head:
        return None   # hung on a verb after all: the ordinary holder rules read it
    subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in RELATIVE or (subj.lower_ in NOT_ACTORS and not first_person_narrator(subj)):
        return None
    return [named_appositive(subj), *conjuncts(subj)]


def _press_request(noun: Token) -> bool:
    """A request for an interview or a comment ("an interview request from POLITICO", "requests for
    comment"), which a holder declines without taking a position."""
    lemma = noun.lemma_.lower()
    return lemma in ("interview", "comment") or (
        lemma in ("request", "invitation") and any(t.lemma_.lower() in ("interview", "comment") for t in noun.subtree))


def _to_infinitive(v: Token) -> bool:
    """Whether ``v`` is a verb with "to" as its auxiliary ("to end X", "to vote against it")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" and c.i < v.i for c in v.children)


RANKS = frozenset({"first", "only", "last", "latest", "second", "third", "sole"})


def _ranked_predicate(v: Token) -> list[Token] | None:
    """The subject of "became / was the first N to VERB": ``v`` an infinitive without a subject of
    its own, hung off the copula or off its predicate noun, which is ranked (first, only, last)."""
    if not _to_infinitive(v) or any(c.dep_ in SUBJECTS for c in v.children):
        return None
    if v.dep_ == "advcl" and v.head.lemma_ in ("be", "become"):
        cop = v.head
        attr = next((c for c in cop.children if c.dep_ == "attr" and c.i < v.i), None)
    elif v.dep_ in ("acl", "relcl") and v.head.dep_ == "attr" and v.head.head.lemma_ in ("be", "become"):
        attr, cop = v.head, v.head.head
    else:
        return None
    if attr is None or not (attr.lower_ in RANKS or any(c.lower_ in RANKS for c in attr.children)):
        return None
    subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in NOT_ACTORS or subj.lower_ in RELATIVE:
        return None
    return [named_appositive(subj), *conjuncts(subj)]


def _fronted_appositive(v: Token) -> Token | None:
    """"In an interview with A and B, the candidate stated X": the parser hung the subject on the
    fronted phrase as an appositive, set off by a comma and ending right before the finite verb that
    lacks a subject. Only a noun the actors component took for an actor's head (its mention is the
    appositive alone, not the fronted phrase)."""
    doc = v.doc
    # the verb's own auxiliaries and a comma may stand between ("..., A and B, have said X")
    end = v.i - 1
    while end > 0 and (doc[end].head == v and doc[end].dep_ in ("aux", "neg", "advmod") or doc[end].text == ","):
        end -= 1
    tok = doc[end]
    for anc in [tok, *tok.ancestors]:
        if anc.i >= v.i or not end <= anc.right_edge.i < v.i:
            break
        # set off by a comma, or a person's name run on after the phrase ("at the party
        # convention Sen. Elizabeth Warren said X")
        set_off = anc.left_edge.i > 0 and doc[anc.left_edge.i - 1].text in (",", "\u2014", "\u2013")
        # "It wasn't an accident -- Brendan Buck, a spokesman for Ryan, told X": the name the parser
        # hung on the clause before, and the verb coordinated with that clause's
        hangs = v in anc.head.ancestors or (v.dep_ == "conj" and (v.head == anc.head or v.head in anc.head.ancestors))
        if anc.dep_ == "appos" and anc.pos_ == "NOUN" and anc.head.pos_ == "PROPN" and anc.head.ent_type_ == "PERSON" \
                and anc.head.dep_ == "appos":
            continue   # the description of a name that is itself the appositive: the name holds it
        if anc.dep_ == "appos" and anc.pos_ in ("NOUN", "PROPN") and anc.head.i < anc.i \
                and (set_off or anc.ent_type_ == "PERSON") \
                and hangs and anc.head.head.i < v.i \
                and any(m["root"] in (anc.i, *(n.i for n in _listed_names(anc))) for m in doc._.actors or []):
            return anc
    return None


def _phrase_ending_in_clause(tok: Token) -> Token | None:
    """The noun whose phrase ends at ``tok`` with a relative or participial clause, if any: not the
    object of a preposition ("results of polls conducted by X, majorities say"), and with no
    punctuation between it and the verb after ``tok``."""
    doc = tok.doc
    for anc in [tok, *tok.ancestors]:
        noun = anc.head
        if anc.dep_ in ("relcl", "acl") and noun.pos_ in ("NOUN", "PROPN") and noun.right_edge.i == tok.i \
                and noun.i < anc.i:
            if noun.dep_ == "pobj" or any(t.is_punct for t in doc[noun.i: tok.i + 1]):
                return None
            return noun
    return None


def named_appositive(tok: Token) -> Token:
    """"the party's leader, Marine Le Pen", "the Iraqi activist group Mosul Eye": the name in
    apposition to a common noun is the holder."""
    if tok.pos_ == "NOUN":
        # (not a description: "The senator, a Democrat from Ohio, said X" is the senator's)
        named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and not _partitive_description(c)
                      and not any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)), None)
        if named is not None:
            return named
    elif tok.pos_ == "PROPN" and tok.ent_type_ != "PERSON":
        # a capitalized title ("UMWA Director of Government Affairs Phil Smith"): its person
        named = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if named is not None:
            return named
    return tok


def _partitive_description(appos: Token) -> bool:
    """"lawmakers, many of them Republicans", "the governor and the mayor, both Democrats": an
    apposition that says what (some of) the holders are, not who they are."""
    for c in appos.children:
        if c.i > appos.i:
            continue
        if c.lower_ in ("both", "all", "each"):
            return True
        of = next((p for p in c.children if p.dep_ == "prep" and p.lower_ == "of"), None)
        if of is not None and any(o.dep_ == "pobj" and o.lower_ in ("them", "whom") for o in of.children):
            return True   # "many of them"
    return False


def message_sender(v: Token, lex: CueLexicon) -> list[Token] | None:
    """The sender of a message a participle describes: "She sent a tweet *saying* X", "Gowdy
    released a statement *calling for* X", "The senator emailed supporters *saying* X": the
    subject of the verb whose object the participle hangs off, when that object is a message
    (``messages.nouns``) or the verb one of sending (``messages.verbs``)."""
    if v.dep_ != "acl" or v.tag_ != "VBG":
        return None
    obj, gov = v.head, v.head.head
    if obj.dep_ not in ("dobj", "obj", "dative") or gov.pos_ not in ("VERB", "AUX"):
        return None
    if obj.lemma_.lower() not in lex.message_nouns and gov.lemma_.lower() not in lex.sending_verbs:
        return None
    subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
    for _ in range(3):
        # "Trumka felt compelled to issue a memo instructing X": the subject of the verb the
        # sending infinitive hangs off
        if subj is not None or gov.dep_ not in ("xcomp", "conj") or gov.head.pos_ not in ("VERB", "AUX", "ADJ"):
            break
        gov = gov.head
        subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in RELATIVE or (subj.lower_ in NOT_ACTORS and not first_person_narrator(subj)):
        return None
    return [named_appositive(subj), *conjuncts(subj)]


def first_person_narrator(tok: Token) -> bool:
    """"I" outside any quotation: the author of an opinion piece or letter (GUIDELINES 8.3); inside
    a quotation it is the quoted speaker, whose claim is the quotation's."""
    if tok.lower_ != "i":
        return False
    return quotation_around(doc_text(tok.doc), tok.idx, tok.idx + 1) is None


def quoted_first_person(tok: Token) -> bool:
    """"I" as a subject inside a quotation: the quoted speaker, whom ``claimx_claims`` finds from
    the claims around the quotation (GUIDELINES 10.1)."""
    return tok.lower_ == "i" and tok.dep_ in SUBJECTS and \
        quotation_around(doc_text(tok.doc), tok.idx, tok.idx + 1) is not None


def body_pronoun(tok: Token) -> bool:
    """"It" as the subject of a main-clause cue whose antecedent (claimx_actors) is an organisation or an
    actor noun ("The ministry ... It says X", "the lawsuit ... It accuses Y of X") outside
    quotations: the body or document holds the position."""
    if tok.lower_ != "it" or tok.dep_ != "nsubj" or tok.head.dep_ != "ROOT":
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.head.children):
        return False   # "It could also encourage X": a possible effect, not a stated position
    actors = tok.doc._.actors or []
    me = next((m for m in actors if m["start"] == tok.idx and m.get("label") == "PRON"), None)
    if me is None or me["canonical"] == tok.text:
        return False
    return any(m.get("label") in ("ORG", "NOUN") and m["canonical"] == me["canonical"] and m["end"] <= tok.idx
               for m in actors) and quotation_around(doc_text(tok.doc), tok.idx, tok.idx + 2) is None


def partitive_one(tok: Token) -> bool:
    """"One of" a group of people ("one of his advisers", "one of the former prosecutors for X"):
    a member of the group holds the position, the whole phrase is the actor span."""
    if tok.lower_ != "one":
        return False
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return group is not None and group.tag_ in ("NNS", "NNPS")


def described_people(tok: Token, lex: CueLexicon) -> bool:
    """A share of respondents or a described group as subject (GUIDELINES 20.4): "One in three said
    X", "about one in five say X" (a number of people in so many), "those in the hall", "those
    polled", "those over 60" (``described_people`` in the cue lexicon) -- not a bare "one" or "those"."""
    if tok.lower_ == "one":
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.i == tok.i + 1), None)
        if prep is not None and prep.lower_ in ("in", "out"):
            return any(g.like_num or any(h.like_num for h in g.children) for g in prep.children)
        return False
    if tok.like_num and any(c.dep_ == "det" and c.lower_ == "those" for c in tok.children):
        # "Those over 60 say X": the parser made the age the head, "over" its quantifier
        return any(c.dep_ == "quantmod" and c.lower_ in lex.people_preps for c in tok.children)
    if tok.lower_ == "those":
        return any((c.dep_ == "prep" and c.lower_ in lex.people_preps and c.i == tok.i + 1)
                   or (c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in lex.polled_verbs) for c in tok.children)
    return False


def described_name(noun: Token) -> Token:
    """The named person or body a descriptive appositive describes ("Xavier Becerra, a California
    Democrat supporting Clinton"; "Erick Erickson, a radio host who has been critical of Trump"):
    a clause on the description is about the name."""
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and (
            noun.pos_ == "NOUN" or any(c.dep_ == "det" for c in noun.children)):
        return noun.head
    return noun


def included_members(holders: list[Token]) -> list[Token]:
    """Named members after "including" in a holder's phrase ("Democratic candidates, including
    Hillary Clinton and Bernie Sanders, have proposed X"): a record for each besides the group's
    (GUIDELINES 10.2)."""
    out = []
    for h in holders:
        for prep in h.children:
            # ("civil rights groups like the ACLU and the NACDL praised X": the groups named)
            if prep.dep_ != "prep" or not (prep.lower_ == "including" or (prep.lower_ == "like" and h.tag_ == "NNS")):
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            for m in [pobj, *conjuncts(pobj)]:
                if m.pos_ != "PROPN":
                    continue
                # "University of North Carolina professor Zeynep Tufekci": the person in the phrase
                person = next((e.root for e in m.doc.ents if e.label_ == "PERSON"
                               and m.left_edge.i <= e.start and e.end <= m.right_edge.i + 1), None)
                out.append(person if m.ent_type_ != "PERSON" and person is not None else m)
    return out


def companions(v: Token, subj: Token) -> list[Token]:
    """Those "along with" / "together with" the subject ("Fields, along with reporter Ben Terris,
    say X"): holders of their own, one record each (SPEC: coordinated actors)."""
    out = []
    for prep in [*v.children, *subj.children]:
        if prep.dep_ != "prep" or prep.lower_ not in ("along", "together") or prep.i > v.i:
            continue
        with_ = next((c for c in prep.children if c.dep_ == "prep" and c.lower_ == "with"), None)
        pobj = _pobj(with_)
        if pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")):
            out += [pobj, *conjuncts(pobj)]
    return out


def stranded_members(v: Token, holders: list[Token], lex: CueLexicon) -> list[Token]:
    """Named members after "including" at the end of the clause, hung on the object ("Most of
    Delaware's top Democratic brass had endorsed her bid, including Gov. Jack Markell and Sen. Tom
    Carper"): members of the subject's group when the subject is a group of people and the object is
    not (GUIDELINES 10.2)."""
    group = holders[0] if len(holders) == 1 else None
    if group is None or group.lower_ in NOT_ACTORS or not (
            group.pos_ in ("NOUN", "ADJ", "PRON") or group.ent_type_ == "NORP"):
        return []
    obj = next((c for c in v.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None and (obj.ent_type_ in ("PERSON", "NORP", "ORG") or obj.lemma_.lower() in lex.actor_nouns
                            or obj.lemma_.lower() in lex.group_heads):
        return []
    for prep in [c for t in ([obj] if obj is not None else []) + [v] for c in t.children]:
        if prep.dep_ != "prep" or prep.lower_ != "including" or prep.i < v.i or v.doc[prep.i - 1].text != ",":
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return []
        members = [pobj, *conjuncts(pobj)]
        return members if all(m.ent_type_ == "PERSON" for m in members) else []
    return []


def _one_person_titles(holders: list[Token]) -> list[Token]:
    """"Former prosecutor and New York City Mayor Rudy Giuliani": a bare singular title (no
    determiner, no name) coordinated with a named person is a second title of that person, not
    a second holder."""
    if len(holders) == 2:
        first, second = holders
        bare = first.pos_ == "NOUN" and first.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in first.children) \
            and not any(t.ent_type_ for t in first.doc[first.left_edge.i: first.i + 1])
        if bare and second.ent_type_ == "PERSON":
            return [second]
    return holders


def conjuncts(tok: Token) -> list[Token]:
    """The holders coordinated with ``tok``; not "Steve Bell, senior director of X, and a Republican
    who headed Y": an indefinite description after a named person's appositive is the same person."""
    described = tok.pos_ == "PROPN" and any(c.dep_ == "appos" for c in tok.children)
    return [c for c in tok.conjuncts if c.i > tok.i and c.pos_ in ("PROPN", "NOUN", "PRON")
            and not (described and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children))]


def _pobj(prep: Token | None) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None


# -- verb rules -------------------------------------------------------------------------------
def verb_prep_phrasal(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``verb_prep``: a phrasal cue ("called for X", "ruled out X", "pointed to X")."""
    for tail, pol in lex.phrasal.get(cx.lemma, []):
        hit = _phrasal_content(cx.v, tail)
        if hit is not None:
            cue_toks, contents = hit
            reason = _phrasal_reason(cx.v, contents, lex) if pol == "oppose" else None
            if reason is not None:
                # "lashed out at Turkey for having shot down a bomber", "has gone after Kelly for
                # X": the one attacked is the addressee, the reason the issue (GUIDELINES 9.3, 10.4)
                fr = Frame("verb_prep", pol, [cx.v.i, *cue_toks], cx.actor, [Content(reason, "")], 0.75,
                           addressee=contents[0].head)
                return negate([fr], cx.negated)
            fr = Frame("verb_prep", pol, [cx.v.i, *cue_toks], cx.actor, contents, 0.75)
            return negate([fr], cx.negated, report=pol == "report")
    return None


def _phrasal_reason(v: Token, contents: list[Content], lex: CueLexicon) -> Token | None:
    """The "for / over" phrase after the object of a phrasal cue, when that object could be
    addressed (a name, an actor noun or a personal pronoun): the reason the cue is about."""
    if len(contents) != 1 or contents[0].head.dep_ not in ("pobj", "dobj"):
        return None
    obj = contents[0].head
    if not (obj.pos_ == "PROPN" or obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or obj.lower_ in OBJECT_PRONOUNS or obj.lemma_.lower() in lex.actor_nouns):
        return None
    if obj.lemma_.lower() in lex.document_holders:
        return None   # "lashed out at the plan for its cost": the plan is what is attacked
    places = [*obj.children, *v.children, *obj.head.children]
    prep = next((c for c in places if c.dep_ == "prep" and c.lower_ in ("for", "over") and c.i > obj.i
                 and not _of_time(c)), None)
    return _pobj(prep)


def _is_time(tok: Token) -> bool:
    """A date or time ("Sunday", "last week"), which the parser sometimes takes for a subject or object."""
    return tok.ent_type_ in ("DATE", "TIME")


TURN_ADVERBS = frozenset({"however", "meanwhile", "later", "nevertheless", "nonetheless", "instead"})


def writers_turn(clause: Token) -> bool:
    """A second clause set off by a comma that opens with the writer's own turn ("..., and the
    following day, the committee requested X"; "..., however this time around that number has
    dropped"; "..., but in fact Clinton used one account"): the writer's narrative, not more of what
    the holder reported."""
    kids = list(clause.children)
    subj = next((c for c in kids if c.dep_ in SUBJECTS), None)
    if subj is None or clause.left_edge.i == 0:
        return False
    doc = clause.doc
    if not any(doc[i].text in (",", ";") for i in range(max(clause.left_edge.i - 2, 0), subj.i)):
        return False
    for c in kids:
        if c.i > subj.i:
            continue
        if c.dep_ == "advmod" and c.lower_ in TURN_ADVERBS:
            return True
        if c.dep_ == "prep" and c.lower_ == "in" and any(t.lower_ == "fact" for t in c.children):
            return True
        if c.dep_ in ("npadvmod", "prep") and any(_is_time(t) for t in c.subtree):
            return True
    return False


def _of_time(prep: Token) -> bool:
    """A prepositional phrase of time ("on Monday", "at noon"): never a cue's particle or issue."""
    return any(_is_time(t) for t in prep.children if t.dep_ == "pobj")


def _phrasal_content(v: Token, tail: tuple[str, ...]) -> tuple[list[int], list[Content]] | None:
    """Match "call for", "rule out", "back away from" on the verb's children; return the cue
    tokens and the contents."""
    kids = list(v.children)
    cue_toks: list[int] = []
    contents: list[Content] = []
    last = v   # each word of the tail after the one before ("On Thursday, X unloaded on Y": not "On"),
    for word in tail:   # on the verb or on the word before ("pushed back against": against <- back)
        places = kids + (list(last.children) if last is not v else [])
        hit = next((c for c in places if c.lower_ == word and c.i > last.i
                    and (c.dep_ in ("prt", "prep", "advmod", "dative", "agent")
                         # the noun of a compound preposition ("voted in *favor* of X")
                         or c.dep_ == "pobj" and last.dep_ == "prep" and word != tail[-1]
                         # the noun of an idiom ("took *issue* with X", "closing *ranks* around X")
                         or c.dep_ == "dobj" and last is v and c.pos_ == "NOUN" and word != tail[-1])
                    and not _of_time(c)), None)
        if hit is None:
            # "called for Ukrainian forces to withdraw": "for" marks a clause
            clause = next((c for c in kids if c.dep_ in ("advcl", "ccomp", "xcomp") and any(m.lower_ == word and m.dep_ == "mark" for m in c.children)), None)
            if clause is None or word != tail[-1]:
                return None
            cue_toks.append(next(m.i for m in clause.children if m.lower_ == word))
            contents.append(Content(clause, word))
            continue
        if last is v and hit.dep_ == "prep" and any(c.dep_ in ("dobj", "obj") and c.i < hit.i for c in kids):
            return None  # "taking executive action on X" is not "take on X": an object comes first
        cue_toks.append(hit.i)
        last = hit
        if word == tail[-1]:
            if hit.dep_ == "prt" or (hit.dep_ == "advmod" and not any(hit.children)):
                # ("brushed aside the criticism": the particle read as an adverb; "shrugged off the
                # criticism": its object hung on the particle)
                dobj = next((c for c in kids if c.dep_ in ("dobj", "ccomp", "xcomp")), None) or \
                    next((c for c in hit.children if c.dep_ == "pobj"), None)
                if dobj is None:
                    return None
                contents.append(Content(dobj, "that"))
            else:
                objs = [c for c in hit.children if c.dep_ in ("pobj", "pcomp")]
                if not objs:
                    return None
                # "called for Ukraine to cede X": the infinitive hangs off the verb
                obj = objs[0]
                follow = next((c for c in kids if c.dep_ in ("xcomp", "advcl") and c.i > obj.i and c.left_edge.i <= obj.right_edge.i + 2
                               and not any(x.dep_ in SUBJECTS for x in c.children)), None)   # not ", while Y would ..."
                contents.append(Content(obj, "", None, follow))
    return cue_toks, contents


def called_on(v: Token) -> Token | None:
    """The "on" of "called on / upon Y (to do X)" at the verb ``v``, if it is that phrase (the
    parser may read "on" as a particle, with Y hung elsewhere)."""
    if v.lemma_.lower() != "call":
        return None
    return next((c for c in v.children if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon")), None)


def verb_xcomp_call_on(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``verb_xcomp``: "called on X to Y" -> support Y, addressee X."""
    on = called_on(cx.v)
    comp = next((c for c in cx.kids if c.dep_ in ("xcomp", "advcl", "ccomp") and c.i > cx.v.i), None)
    if on is None or comp is None:
        return None
    addressee = next((c for c in on.children if c.dep_ == "pobj"), None)
    return negate([Frame("verb_xcomp", "support", [cx.v.i, on.i], cx.actor, [Content(comp, "to")], 0.7, addressee=addressee)], cx.negated)


def evaluative(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``evaluative``: "calling X a strategic anchor", "described X as a mistake" (oppose when the
    evaluation holds a negative word)."""
    if cx.lemma not in lex.evaluative:
        return None
    for c in cx.kids:
        # "called her “third-rate”": the parser read "her" as the possessive of the quoted
        # evaluation; "her" is the object and the quotation the evaluation
        first = c.doc[c.left_edge.i]
        if c.dep_ in ("dobj", "obj", "oprd") and c.i > cx.v.i and first.lower_ == "her" and first.dep_ == "poss" \
                and first.i + 1 < len(c.doc) and c.doc[first.i + 1].text in OPENING_MARKS \
                and not any(o.dep_ in ("dobj", "obj") and o != c for o in cx.kids):   # not "calls it her 'X'"
            pol = "oppose" if _evaluation_words(c) & lex.negative else "support"
            return negate([Frame("evaluative", pol, [cx.v.i], cx.actor, [Content(first, "", None, None, True)], 0.6)], cx.negated)
    dobj = next((c for c in cx.kids if c.dep_ in ("dobj", "obj")), None)
    oprds = [c for c in cx.kids if c.dep_ == "oprd" and c.i > cx.v.i]
    via = lex.evaluative_preps.get(cx.lemma)
    if via is not None and dobj is None:
        # "referred to undocumented immigrants as 'rapists'": the object of "to" is what is evaluated,
        # the "as" phrase the evaluation
        prep = next((c for c in cx.kids if c.dep_ == "prep" and c.lower_ == via), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        as_ = next((c for c in cx.kids if c.dep_ == "prep" and c.lower_ == "as" and obj is not None and c.i > obj.i), None)
        name = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
        if obj is None or name is None or name.pos_ == "PROPN":
            return None   # "refers to the governor as 'Chris'", "as 'Medicare for all'": a name, no evaluation
        pol = "oppose" if _evaluation_words(as_) & lex.negative else "support"
        return negate([Frame("evaluative", pol, [cx.v.i, prep.i], cx.actor, [Content(obj, "")], 0.6)], cx.negated)
    if dobj is None and len(oprds) == 2 and oprds[0].pos_ in ("PROPN", "PRON", "NOUN"):
        # "called Trump a “blowhard”": the parser took both the object and the evaluation for
        # predicates; the first is the object
        dobj, evaluation = oprds
    elif dobj is None and len(oprds) == 1 and oprds[0].pos_ in ("NOUN", "PROPN") \
            and (evaluation := _quoted_tail(oprds[0]) or _second_appositive(oprds[0])) is not None:
        # "called Valeant's chief executive, J. Michael Pearson, ''incredibly driven''": the parser
        # took the object for the predicate; the quoted tail or second appositive is the evaluation
        dobj = oprds[0]
    elif dobj is None and len(oprds) == 1 and (relative := _free_relative(cx)) is not None:
        # "called what she witnessed ''terrible''": the wh-clause is what is evaluated
        dobj, evaluation = relative, oprds[0]
    elif dobj is None:
        # "calling EU membership a strategic anchor" is sometimes ccomp(anchor, nsubj=membership)
        comp = next((c for c in cx.kids if c.dep_ == "ccomp"), None)
        subj = next((c for c in comp.children if c.dep_ == "nsubj"), None) if comp is not None else None
        if comp is None or subj is None or comp.pos_ not in ("NOUN", "ADJ", "PROPN"):
            return None
        dobj, evaluation = subj, comp
    else:
        evaluation = next((c for c in cx.kids if c.dep_ in ("oprd", "acomp")), None)
        if evaluation is None:
            evaluation = next((c for c in list(cx.kids) + list(dobj.children) if c.dep_ == "prep" and c.lower_ == "as"), None)
        if evaluation is None:
            # "described the dinner as Washington celebrating itself": the parser made "as" open a clause
            evaluation = next((c for c in cx.kids if c.dep_ == "advcl" and c.i > dobj.i
                               and any(m.dep_ == "mark" and m.lower_ == "as" and m.i == c.left_edge.i for m in c.children)), None)
        if evaluation is None:
            evaluation = _quoted_tail(dobj)
        if evaluation is None:
            # "calling him "a disgrace to the GOP"": the parser gave the verb two objects, the
            # second is the evaluation
            evaluation = next((c for c in cx.kids if c.dep_ in ("dobj", "obj") and c.i > dobj.i
                               and c.pos_ in ("NOUN", "PROPN", "ADJ")), None)
        if evaluation is None:
            # "called Mrs. Schlafly an ''Aunt Tom''": the parser hung the evaluation on the object
            # as an appositive; without a comma between, and opened by "a(n)" or a quote mark, it
            # is the second object
            evaluation = next((c for c in dobj.children if c.dep_ == "appos" and c.i > dobj.i
                               and c.doc[c.left_edge.i].lower_ in ("a", "an", *OPENING_MARKS)
                               and not any(t.text == "," for t in c.doc[dobj.i: c.left_edge.i])), None)
        if evaluation is None:
            evaluation = _second_appositive(dobj)
    mark = _opening_mark_before(dobj) if evaluation is None and dobj is not None else None
    if mark is not None:
        # 'calling Mexican border-crossers "rapists"', 'called the Saudis “free riders”': the parser
        # made the quoted evaluation the object's head and the object a modifier before the quote mark
        mod = next((c for c in dobj.children if c.dep_ in ("nmod", "compound", "poss") and c.right_edge.i < mark
                    and c.pos_ in ("NOUN", "PROPN")), None)
        if mod is not None:
            dobj, evaluation = mod, dobj
    if evaluation is None:
        return None
    pol = "oppose" if _evaluation_words(evaluation) & lex.negative else "support"
    if dobj.lower_ == "it":
        # "called it a mistake to cut the funding": the extraposed infinitive is what is evaluated
        inf = next((c for c in [*cx.kids, *evaluation.children] if c.dep_ in ("advcl", "relcl", "xcomp", "acl")
                    and c.i > evaluation.i and _to_infinitive(c)
                    and not any(a.dep_ in SUBJECTS for a in c.children)), None)
        if inf is not None:
            return negate([Frame("evaluative", pol, [cx.v.i], cx.actor, [Content(inf, "to")], 0.6)], cx.negated)
    # the ccomp reading ("considers the plan dangerous": plan <- dangerous) has the evaluation above
    # the object; the object's own subtree is the issue then
    content = Content(dobj, "", None if dobj.head.i == evaluation.i else evaluation)
    if dobj.lower_ in RELATIVE and cx.v.dep_ == "relcl" and cx.v.head.pos_ in ("NOUN", "PROPN"):
        # "a bill that critics called anti-gay": the antecedent is what is evaluated
        content = Content(cx.v.head, "", phrase=True)
    return negate([Frame("evaluative", pol, [cx.v.i], cx.actor, [content], 0.6)], cx.negated)


def _opening_mark_before(obj: Token) -> int | None:
    """The index of a quote mark opening the object's head phrase ('the Saudis “free riders”': the
    mark before "free"), with only modifiers of the head between it and the head."""
    doc = obj.doc
    i = obj.i - 1
    while i > obj.left_edge.i and doc[i].head.i == obj.i and doc[i].dep_ in ("amod", "compound") and doc[i].text not in OPENING_MARKS:
        i -= 1
    return i if i >= 1 and i >= obj.left_edge.i and doc[i].text in OPENING_MARKS else None


def _second_appositive(obj: Token) -> Token | None:
    """"called Clinton, his Democratic challenger, an ISIS “co-founder”": the parser hung the
    evaluation as a second appositive after the one that describes the object (comma-separated,
    opened by "a(n)" or a quote mark); None when there is only one."""
    doc = obj.doc
    first = next((c for c in obj.children if c.dep_ == "appos" and c.i > obj.i), None)
    if first is None or doc[first.left_edge.i - 1].text != ",":
        return None
    later = [c for c in (*obj.children, *first.children) if c.dep_ == "appos" and c.left_edge.i > first.i]
    for c in later:
        left = c.left_edge.i
        if doc[left].lower_ in ("a", "an", *OPENING_MARKS) and doc[left - 1].text == ",":
            return c
    return None


def _free_relative(cx: VerbCue) -> Token | None:
    """A "what ..." clause after the verb as its object ("called what she witnessed terrible")."""
    comp = next((c for c in cx.kids if c.dep_ in ("ccomp", "xcomp") and c.i > cx.v.i), None)
    if comp is None or comp.doc[comp.left_edge.i].lower_ not in ("what", "whatever"):
        return None
    return comp


def _evaluation_words(evaluation: Token) -> set[str]:
    """Lemmas and forms of an evaluation's words, hyphenated compounds whole ("third-rate")."""
    words = {t.lemma_.lower() for t in evaluation.subtree} | {t.lower_ for t in evaluation.subtree}
    doc = evaluation.doc
    words.update(re.findall(r"[\w'-]+", doc[evaluation.left_edge.i: evaluation.right_edge.i + 1].text.lower()))
    return words


def _quoted_tail(obj: Token) -> Token | None:
    """A quoted adjective phrase the parser hung inside the object ('called Clinton's assertion of
    a claim of right "significant and disturbing"'): the evaluation, when it ends the object."""
    doc = obj.doc
    for t in obj.subtree:
        if t.i == obj.i or t.dep_ == "conj":
            continue
        if t.pos_ != "ADJ" and not (t.tag_ == "VBN" and t.dep_ in ("acl", "amod")):
            continue   # a quoted participle too ('called its chief executive ''incredibly driven''')
        left, right = t.left_edge.i, t.right_edge.i
        quoted = doc[left].text in OPENING_MARKS or (left > 0 and doc[left - 1].text in OPENING_MARKS)
        ends = all(x.is_punct for x in doc[right + 1: obj.right_edge.i + 1])
        if quoted and ends and left > obj.i:
            return t
    return None


def light_noun(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``light_noun``: light verb + polarity noun ("voiced skepticism about X", "drew a red line on
    X", "expressed hope that X")."""
    received = _received_support(cx, lex)
    if received is not None:
        return received
    effort = _joined_effort(cx, lex)
    if effort is not None:
        return effort
    if cx.lemma not in lex.light_verbs:
        return None
    noun = next((c for c in cx.kids if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in lex.light_nouns), None)
    if noun is None:
        return _light_report_noun(cx, lex)
    lemma = noun.lemma_.lower()
    if lemma == "line" and not any(c.lower_ == "red" for c in noun.children):
        return None
    pol = lex.light_nouns[lemma]
    # "gave critical support to X": the parser may take "to" for the verb's dative
    # (after the noun: "At a rally on Sunday, he pledged his support to X" is not support for the rally)
    prep = next((c for c in list(noun.children) + cx.kids if c.dep_ in ("prep", "dative") and c.lower_ in lex.light_preps
                 and c.i > noun.i and not _of_time(c)), None)
    obj = _pobj(prep)
    lead = "that"
    if obj is None:
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)
        if clause is None and pol != "report":
            # "delivered a forceful promise to strengthen labor unions": the noun's infinitive
            clause, lead = _infinitive(noun), "to"
        if clause is None:
            return None
        obj = clause
    pol = "support" if pol == "report" or (lead == "that" and lemma in lex.fear_words
                                            and _feared_outcome(obj)) else pol   # "expressed concern that X could Y"
    cue = list(range(cx.v.i, noun.i + 1))
    return negate([Frame("light_noun", pol, cue, cx.actor, [Content(obj, lead)], 0.7)], cx.negated)


def _joined_effort(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``light_noun`` for taking part in a collective effort (lexicon ``efforts``): "joined the bid
    to block Syrian refugees" supports blocking them, "led campaigns against Communism" opposes it,
    "launched a push for new housing" supports it. No claim without the effort's aim."""
    if cx.lemma not in lex.effort_verbs:
        return None
    noun = next((c for c in cx.kids if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in lex.effort_nouns), None)
    if noun is None:
        return None
    prep = next((c for c in [*noun.children, *cx.kids] if c.dep_ == "prep" and c.lower_ in ("for", "against") and c.i > noun.i), None)
    obj, lead, pol = _pobj(prep), "", "oppose" if prep is not None and prep.lower_ == "against" else "support"
    if obj is None:
        obj, lead, pol = _infinitive(noun), "to", "support"
    if obj is None:
        return None
    return negate([Frame("light_noun", pol, list(range(cx.v.i, noun.i + 1)), cx.actor, [Content(obj, lead)], 0.65)], cx.negated)


def _light_report_noun(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``light_noun`` with a report noun that has no holder of its own: "he made the suggestion
    that X", "took the position that X", "issued a statement that X": the verb's subject holds X
    (with a possessor, "repeated his claim that X", :func:`report_noun` makes the claim)."""
    noun = next((c for c in cx.kids if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in lex.report_nouns), None)
    if noun is None or not cx.actor or any(c.dep_ in ("poss", "compound") for c in noun.children):
        return None
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "appos") and c.i > noun.i
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    return negate([Frame("light_noun", "support", list(range(cx.v.i, noun.i + 1)), cx.actor, [Content(clause, "that")], 0.7)], cx.negated)


def _received_support(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``light_noun`` the other way round: "Cruz received the endorsement of Gov. Mike Pence", "She
    has the endorsement of most of the state's big unions" -- the giver supports the receiver
    (``received_support`` in the lexicon, GUIDELINES 12.19)."""
    if cx.lemma not in lex.receiving_verbs or cx.negated or not cx.actor:
        return None
    noun = next((c for c in cx.kids if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in lex.given_support), None)
    if noun is None:
        return None
    prep = next((c for c in [*noun.children, *cx.kids] if c.dep_ == "prep" and c.lower_ in ("of", "from") and c.i > noun.i), None)
    giver = _pobj(prep)
    if giver is not None and giver.lower_ in ("most", "many", "some", "all", "several", "both"):
        # "the endorsement of most of the state's big unions"
        giver = _pobj(next((c for c in giver.children if c.dep_ == "prep" and c.lower_ == "of"), None))
    if giver is None or giver.pos_ not in ("PROPN", "NOUN"):
        return None
    receiver = cx.actor[0]
    return [Frame("light_noun", "support", [noun.i], [named_appositive(giver), *conjuncts(giver)],
                  [Content(receiver, "", phrase=True)], 0.7)]


def _infinitive(noun: Token) -> Token | None:
    """A noun's infinitive complement ("a promise *to raise* the minimum wage", "his call *to ban*
    X"), not a purpose clause of the sentence's verb."""
    return next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.i > noun.i and c.pos_ in ("VERB", "AUX")
                 and not any(s.dep_ in SUBJECTS for s in c.children)
                 and _to_infinitive(c)), None)


def verb_answer(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``verb_answer``: "Asked if X, the candidate said no" -> oppose X; "said yes" -> support X.
    The question's clause, opened by "if" or "whether" under a fronted "asked", is the issue."""
    if not cx.is_report(lex):
        return None
    answer = next((c for c in cx.kids if c.lower_ in ("yes", "no") and c.dep_ in ("intj", "dobj", "obj", "advmod")), None)
    if answer is None:
        return None
    asked = next((c for c in cx.kids if c.dep_ == "advcl" and c.lemma_.lower() == "ask" and c.tag_ == "VBN" and c.i < cx.v.i), None)
    clause = next((c for c in asked.children if c.dep_ in ("advcl", "ccomp") and any(
        m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None) if asked is not None else None
    if clause is None:
        return None
    mark = next(m for m in clause.children if m.dep_ == "mark" and m.lower_ in ("if", "whether"))
    pol = "support" if answer.lower_ == "yes" else "oppose"
    return negate([Frame("verb_answer", pol, [cx.v.i, answer.i], cx.actor, [Content(clause, mark.lower_)], 0.7)], cx.negated)


def verb_passive(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``verb_passive``: "X was rejected by Y" -> Y opposes X.  A passive cue with an agent and no
    complement makes no other claim."""
    if not (cx.passive and cx.actor is not None and not cx.ccomps and not cx.xcomps):
        return None
    subj = next((c for c in cx.kids if c.dep_ == "nsubjpass"), None)
    phrase = False
    if cx.v.dep_ in ("acl", "relcl") and cx.v.head.pos_ in ("NOUN", "PROPN") and (subj is None or subj.lower_ in RELATIVE):
        # "the plan, which was rejected by Y" / "a professor, accused by Y of X": the antecedent
        # is what the agent speaks of (its noun phrase, not the relative clause)
        subj, phrase = cx.v.head, True
    if subj is not None and not cx.is_report(lex):
        # "Trump was rebuked by opponents for his proposal": the proposal is the issue, Trump
        # the addressee (like "rebuked Trump for his proposal")
        agent_obj = cx.actor[0] if cx.actor else None
        places = cx.kids + (list(agent_obj.children) if agent_obj is not None else [])
        prep = next((c for c in places if c.dep_ == "prep" and c.lower_ in ("for", "of", "over")), None)
        obj = _pobj(prep)
        if obj is not None:
            return negate([Frame("verb_passive", cx.polarity(lex), [cx.v.i], cx.actor, [Content(obj, "")], 0.7,
                                 addressee=subj)], cx.negated)
        return negate([Frame("verb_passive", cx.polarity(lex), [cx.v.i], cx.actor, [Content(subj, "", phrase=phrase)], 0.7)],
                      cx.negated)
    if subj is not None and cx.lemma in lex.report_objects and subj.lower_ not in NOT_ACTORS \
            and cx.actor and cx.actor[0].pos_ == "PROPN":
        # "Her death was confirmed by the Eagle Forum": a reported thing, as "confirmed her death"
        return negate([Frame("verb_passive", "support", [cx.v.i], cx.actor, [Content(subj, "", phrase=phrase)], 0.6)],
                      cx.negated, True)
    return []


def verb_ccomp(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``verb_ccomp``: "said (that) X", "urged X to Y" (X the addressee); coordinated clauses are
    one record each (see :mod:`.claims`)."""
    if not cx.ccomps:
        return None
    addressee = cx.addressee
    contents = []
    # a speaker tag after the content is not the cue's content ("A thinks X, B said")
    ccomps = cx.ccomps
    if any(c.i > cx.v.i and _that_clause(c) for c in ccomps):
        # "Sitting down with MSNBC ..., during which she touched on X, Clinton remarked that Y": with a
        # "that" clause after the verb, a clause the parser hung before it is no content of its own
        ccomps = [c for c in ccomps if c.i > cx.v.i]
    doc = cx.v.doc
    # "Early polls show X: A Marist poll found Y": a clause before a colon the parser hung on the
    # verb after it is a sentence of its own, not this verb's content (GUIDELINES 21.18)
    ccomps = [c for c in ccomps if not (c.i < cx.v.i and any(t.text in (":", ";") for t in doc[c.right_edge.i + 1: cx.v.i]))]
    if not ccomps:
        return None
    for c in [c for i, c in enumerate(ccomps) if (i == 0 or not writers_turn(c)) and not tail_tag(c, lex)
              and not _coordinated_report(c, lex)]:
        subj = next((x for x in c.children if x.dep_ == "nsubj"), None)
        aux_to = _to_infinitive(c)
        if cx.lemma in lex.addressee_verbs and subj is not None and aux_to and addressee is None:
            addressee = subj
            contents.append(Content(c, "to", subj))
        else:
            contents.append(Content(c, "that"))
    report = cx.is_report(lex)
    # an indirect question ("asked whether X", "said what he believed") takes no position on X
    # a position verb's "what" clause is a free relative, a thing held ("favor what are called
    # progressive taxes"), not a question
    position = not report and cx.polarity(lex) in ("support", "oppose") and cx.lemma not in ASKING
    contents = [c for c in contents if not (_indirect_question(c.head, cx.lemma, cx.v.i)
                                            and not (position and c.head.left_edge.lower_ in ("what", "whatever")))
                and not inverted_conditional(c.head)
                and not _found_it_hard(cx, c.head)]
    if not contents:
        return []
    if cx.lemma in lex.belief and cx.v.tag_ == "VBD" and cx.actor and all(a.lower_ in ("i", "we") for a in cx.actor) \
            and not any(c.dep_ == "aux" for c in cx.kids):
        # "I thought I knew about him", "Just when we thought X": the speaker's earlier belief, most
        # often one given up, not a position held (GUIDELINES 21.16)
        return []
    if report and cx.lemma in lex.belief:
        report = False   # "I don't think X" opposes X (GUIDELINES 11.9); "did not say X" says nothing
    return negate([Frame("verb_ccomp", cx.polarity(lex), [cx.v.i], cx.actor, contents, 0.8, addressee=addressee)], cx.negated, report)


def _that_clause(c: Token) -> bool:
    """A clause opened by the complementizer "that"."""
    return any(m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)


def _coordinated_report(c: Token, lex: CueLexicon) -> bool:
    """A reporting verb with a subject of its own after "and" / "but", which the parser hung on
    the cue before it as its content ("Two in three said X, and nearly three in five said Y"): a
    second report with its own holder, not part of the first one's content."""
    doc = c.doc
    before = c.left_edge.i - 1
    # (or after a colon or semicolon: "Early polls show X: A Quinnipiac poll found Y")
    if before < 0 or doc[before].lower_ not in ("and", "but", ":", ";"):
        return False
    return lex.reports(c.lemma_.lower()) and any(k.dep_ in ("nsubj", "nsubjpass") and k.i < c.i for k in c.children)


def _found_it_hard(cx: VerbCue, head: Token) -> bool:
    """"found it difficult to overcome X", "I'm finding it hard to get used to X": an expletive "it"
    before an adjective whose infinitive follows tells of the holder's experience, not a position."""
    if cx.lemma != "find" or head.pos_ != "ADJ":
        return False
    if not any(x.dep_ == "nsubj" and x.lower_ == "it" for x in head.children):
        return False
    return any(x.dep_ in ("xcomp", "advcl") and _to_infinitive(x)
               for x in [*head.children, *cx.v.children])


#: present-tense reporting verbs the tagger reads as nouns before "that" ("research show that X")
NOUN_READ_VERBS = frozenset({"show", "shows", "suggest", "suggests", "indicate", "indicates", "find", "finds",
                             "prove", "proves", "say", "says", "confirm", "confirms"})


def verb_ccomp_misparsed(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``verb_ccomp`` where the parser read the reporting verb as a participle of its subject:
    "Multiple outlets *reported* on Wednesday the Secret Service had X" came out as "outlets
    (reported on Wednesday) ... had", the main verb with a second subject.  The main clause less
    the holder's phrase is the content."""
    v = cx.v
    if cx.dobj is not None and not cx.ccomps and cx.is_report(lex) and cx.lemma not in lex.report_objects:
        # "said his focus groups and other research *show* that X": the tagger read the finite
        # verb of the complement as a noun, and the parser made its subject the cue's object
        shown = next((t for t in cx.dobj.subtree if t.pos_ in ("NOUN", "PROPN") and t.lower_ in NOUN_READ_VERBS
                      and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "that"), None)
        if shown is not None and not any(t.is_punct and t.text != "-" for t in v.doc[cx.dobj.left_edge.i: shown.i]):
            return [Frame("verb_ccomp", cx.polarity(lex), [v.i], cx.actor, [Content(cx.dobj, "")], 0.7)]
    if not cx.ccomps and cx.dobj is None and cx.is_report(lex):
        # "said earlier on Friday during a news conference *that* he may wait": the parser hung the
        # "that" clause on the noun of an adjunct after the verb, as a relative clause (a relative
        # clause has no "that" complementizer)
        hung = _clause_on_adjunct(v, lex)
        if hung is not None:
            return negate([Frame("verb_ccomp", cx.polarity(lex), [v.i], cx.actor, [Content(hung, "that")], 0.7)],
                          cx.negated, cx.lemma not in lex.belief)
    if v.dep_ != "acl" or v.tag_ not in ("VBD", "VBN") or not cx.is_report(lex) or cx.ccomps or cx.xcomps \
            or cx.dobj is not None or any(c.dep_ in ("agent", "auxpass") for c in cx.kids):
        return None
    noun, root = v.head, v.head.head
    if noun.dep_ != "nsubj" or root.pos_ not in ("VERB", "AUX") or root.i < v.i:
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > v.i for c in root.children):
        return None
    return [Frame("verb_ccomp", cx.polarity(lex), [v.i], cx.actor, [Content(root, "that", minus=noun)], 0.7)]


def _clause_on_adjunct(v: Token, lex: CueLexicon) -> Token | None:
    """A finite clause opened by the complementizer "that" with a subject of its own, hung as a
    relative clause on the object of a preposition after ``v`` ("on Friday", "during a news
    conference", "in a statement"): ``v``'s complement, misattached. Not on a noun that takes such
    a clause itself, after another preposition ("responded to accusations that X")."""
    for prep in (c for c in v.children if c.dep_ == "prep" and c.i > v.i):
        for noun in (c for c in prep.subtree if c.dep_ == "pobj"):
            lemma = noun.lemma_.lower()
            # "said in a statement that X" is the verb's; "responded to accusations that X" the noun's
            where = noun.head.lower_ in ("in", "during", "at", "on") and noun.head.head == v
            if not where and (lemma in lex.report_nouns or lemma in lex.light_nouns or lemma in lex.content_nouns or noun.lower_ in lex.content_nouns):
                continue
            for c in noun.children:
                if c.dep_ in ("relcl", "acl") and c.i > noun.i and any(m.lower_ == "that" and m.i == c.left_edge.i and _complementizer(m, c)
                                                                       for m in c.children) \
                        and any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
                    return c
    return None


def _complementizer(that: Token, clause: Token) -> bool:
    """"that" opening ``clause`` as its complementizer: marked so, or read as a relative pronoun in
    a slot the clause has filled already ("predicted at the debate that Republicans will take every
    state": "that" and "every state" both objects of "take")."""
    if that.dep_ == "mark":
        return True
    return that.dep_ in ("dobj", "nsubj") and sum(1 for x in clause.children if x.dep_ == that.dep_) > 1


def inverted_conditional(head: Token) -> bool:
    """A clause opened by "should / were / had" before its subject, after a comma ("..., should it
    reach his desk"): a condition the parser took for a complement (see claimx_conditions)."""
    first = head.left_edge
    while first.is_punct and first.i < head.i:
        first = first.nbor(1)
    return (first.lower_ in ("should", "were", "had") and first.i > 0 and first.nbor(-1).text == ","
            and first.i + 1 < len(head.doc) and first.nbor(1).pos_ in ("PRON", "PROPN", "DET", "NOUN"))


WH_WORDS = {"what", "who", "whom", "whose", "which", "how", "why", "where"}
ASKING = {"ask", "wonder", "inquire", "question", "query"}


def _indirect_question(head: Token, cue_lemma: str, cue_i: int) -> bool:
    """A clause opened by "whether", by a wh-word that belongs to it, or by "if" under a verb of
    asking: an indirect question, not a proposition ("asked whether X", "said what he believed").
    "said (that) if X, Y" is a conditional proposition, not a question; nor is a clause whose
    wh-word stands before the cue: the relative pronoun of "the system, which he said runs the risk
    of ...", the subject of the content."""
    first = head.left_edge
    while first.is_punct and first.i < head.i:
        first = first.nbor(1)
    if first.i < cue_i:
        return False
    word = first.lower_
    if word == "whether":
        return True
    if word == "if":
        return cue_lemma in ASKING and first.head.i == head.i
    if word not in WH_WORDS:
        return False
    # the wh-word hangs off the clause's verb, maybe through its phrase ("how many people you
    # reduce": how -> many -> people -> reduce)
    up = first
    for _ in range(4):
        if up.head.i == head.i:
            return True
        if up.head.i == up.i:   # the root
            break
        up = up.head
    return False


def _extracted_object(cx: VerbCue, x: Token) -> bool:
    """Whether the infinitive ``x`` lost its object to a relative clause or a question ("the
    things he wants to accomplish", "what people want to hear"): no claim from it."""
    xkids = list(x.children)
    if any(c.dep_ in ("dobj", "obj") and c.lower_ in ("what", *RELATIVE) for c in xkids):
        return True
    return cx.v.dep_ == "relcl" and x.pos_ == "VERB" and cx.v.head.i < cx.v.i \
        and not any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "prep", "prt") for c in xkids)


def verb_compose(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``verb_compose``: an attitude cue over a stance verb with an object ("refused to back X" ->
    oppose X)."""
    if not cx.xcomps:
        return None
    x = cx.xcomps[0]
    if _extracted_object(cx, x):
        return None
    if x.lemma_.lower() in lex.empty:
        return None
    inner = lex.stance_verbs.get(x.lemma_.lower())
    xobj = next((c for c in x.children if c.dep_ in ("dobj", "obj", "ccomp", "xcomp")), None)
    if inner is None or xobj is None or x.lemma_.lower() == "rule":
        return None
    if cx.addressee is not None:
        return None   # "asked colleagues to reject the bill": support "reject the bill" (SPEC), the colleagues would act
    fr = Frame("verb_compose", compose(cx.polarity(lex), inner), [cx.v.i, x.i], cx.actor, [Content(xobj, "to")], 0.7, addressee=cx.addressee)
    return negate([fr], cx.negated)


def verb_xcomp(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``verb_xcomp``: "promised to cut taxes"; "declined to comment" (an empty complement) makes
    no claim."""
    if not cx.xcomps:
        return None
    x = cx.xcomps[0]
    if _extracted_object(cx, x):
        return None
    if x.lemma_.lower() in lex.empty and not (_role_taken(x) and cx.dobj is None):
        if x.lemma_.lower() == "be" and cx.dobj is not None:
            return None  # "would choose Sanders to be president": the object with its post is the issue (verb_dobj)
        return []
    if cx.lemma in lex.infinitive_not_issue and cx.dobj is not None and cx.dobj.pos_ == "PROPN" and cx.dobj.i < x.i:
        return None   # "chose Clinton to lead the ticket": the person chosen, with the post (verb_dobj)
    if cx.lemma in lex.intention or cx.lemma in lex.infinitive_not_issue:
        return []  # "wants to talk about X", "chose to make her peroration about X": the holder's own act
    return negate([Frame("verb_xcomp", cx.polarity(lex), [cx.v.i], cx.actor, [Content(x, "to")], 0.75, addressee=cx.addressee)], cx.negated)


def _role_taken(x: Token) -> bool:
    """"promised to be a vocal champion for D.C. statehood": a copula with a noun attribute names
    the role the holder commits to, the issue ("declined to be specific", an adjective, stays an
    empty complement)."""
    return x.lemma_.lower() == "be" and any(
        (c.dep_ == "attr" and c.pos_ == "NOUN") or (c.dep_ == "acomp" and _comparative(c)) for c in x.children)


def _comparative(adj: Token) -> bool:
    """"vowed to be tougher on trade", "urged them to be more compassionate": a comparative names
    a change the holder stands for ("declined to be specific" stays an empty complement)."""
    return adj.tag_ in ("JJR", "RBR") or any(c.dep_ == "advmod" and c.lower_ in ("more", "less") for c in adj.children)


def verb_prep(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``verb_prep``: a verb with an addressee object and a preposition for the issue ("accused
    the government of hiding X")."""
    prep_words = lex.addressee_preps.get(cx.lemma)
    if prep_words is None:
        return None
    places = list(cx.kids)
    if cx.dobj is not None:
        # "slammed the senator *for* X", also hung off the object or off a phrase between them
        # ("slammed the senator on multiple occasions *for* X")
        places += list(cx.dobj.children)
        for k in cx.kids:
            # (not inside the evaluation: "hailed the ruling as a victory for workers")
            if k.dep_ in ("prep", "npadvmod") and k.i > cx.dobj.i and k.lower_ != "as":
                places += [g for x in [k, *k.children] for g in x.children if g.dep_ == "prep"]
    # "accused by the Turkish government of coordinating X": the parser hangs the issue's preposition
    # on the agent's noun
    agent = next((c for c in cx.kids if c.dep_ == "agent"), None)
    agent_noun = _pobj(agent)
    if agent_noun is not None:
        places += [c for c in agent_noun.children if c.i > agent_noun.i and any(g.dep_ == "pcomp" for g in c.children)]
    # "slammed Y over X", not "slammed Y over the weekend"
    prep = next((c for c in places if c.dep_ == "prep" and c.lower_ in prep_words and not _of_time(c)), None)
    obj = _pobj(prep)
    if obj is None:
        return None
    stance = lex.addressee_stance.get(cx.lemma) or cx.polarity(lex)   # "charged Y with X": oppose
    return negate([Frame("verb_prep", stance, [cx.v.i], cx.actor, [Content(obj, "")], 0.75, addressee=cx.dobj)], cx.negated)


PLACE_OR_TIME = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})


def _channel(prep: Token, lex: CueLexicon) -> bool:
    """A phrase naming the medium or occasion of an act ("in an on-air diatribe", "on his show")."""
    obj = _pobj(prep)
    return obj is not None and (obj.lemma_.lower() in lex.channel_nouns or obj.lower_ in lex.channel_nouns
                                or obj.lemma_.lower() in lex.message_nouns)


def verb_dobj(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``verb_dobj``: a stance verb's object ("rejected the proposal"), or the object of a
    reporting verb that reports a thing ("confirmed the deal", ``report_objects``)."""
    dobj = cx.dobj
    # no claim from an object relative clause ("any candidate they like", "stances that he has since
    # disavowed", "the plan the governor rejected"): on news train and its second batch all 8 such
    # claims were false (annotators keep background positions out, GUIDELINES 9.15)
    if dobj is None:
        return None
    if dobj.lemma_.lower() in lex.empty and dobj.lemma_.lower() != "be" and cx.lemma in ("decline", "refuse", "offer", "give"):
        return []  # "declined comment", "refused comment"
    if cx.lemma in ("decline", "refuse") and _press_request(dobj):
        return []  # "declined an interview request", "declined requests for comment"
    if cx.lemma in lex.intention:
        return []  # "they want safe streets": a wish, not a position on a proposal
    if cx.lemma in lex.physical_verbs and dobj.lemma_.lower() in lex.physical_objects:
        return []  # "blocked motorways": an act on a place, not a position
    if cx.lemma in lex.object_not_issue:
        return None  # "offered his condolences", "asked a question": no position on the object
    if cx.lemma in lex.quoting_verbs and any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
                                             for c in cx.kids):
        return []  # "cited the official as saying X": the official's claim (holder), no position on the official
    report = cx.is_report(lex)
    if not report and dobj.lower_ not in ("what", *RELATIVE):
        # "endorsed Jeb Bush for president", "elected Bradley to a full term", "pledged her vote to
        # Clinton": the phrase naming the office or the recipient is part of what is backed
        preps = lex.office_verbs.get(cx.lemma, ())
        follow = next((c for c in cx.kids if c.dep_ == "prep" and c.lower_ in preps and c.i == dobj.right_edge.i + 1
                       and not _of_time(c)), None)
        if follow is None and dobj.pos_ == "NOUN":
            # "denied any role in the attacks", "opposed federal intervention in the right of states
            # to X": a phrase right after a common-noun object that the parser hung on the verb
            # belongs to the object (not one of time or place: "adopted the approach on Tuesday")
            follow = next((c for c in cx.kids if c.dep_ == "prep" and c.lower_ in lex.object_preps and c.i == dobj.right_edge.i + 1
                           and not _of_time(c) and not any(t.ent_type_ in PLACE_OR_TIME for t in c.children if t.dep_ == "pobj")
                           and not _channel(c, lex)), None)
        if follow is None and dobj.pos_ == "PROPN" and (cx.lemma in lex.act_verbs or cx.lemma in lex.office_verbs):
            # "would choose Sanders to be the next president": the post the person is backed for
            follow = next((c for c in cx.kids if c.dep_ == "xcomp" and c.left_edge.i == dobj.right_edge.i + 1
                           and c.left_edge.lower_ == "to"), None)
        if follow is None and dobj.lemma_.lower() in lex.plan_nouns:
            # "defended his call to raise the minimum wage": the infinitive the parser hung on the
            # verb is the plan's content
            follow = next((c for c in cx.kids if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB" and c.left_edge.i == dobj.right_edge.i + 1
                           and c.left_edge.lower_ == "to" and c.left_edge.dep_ == "aux"), None)
        return negate([Frame("verb_dobj", cx.polarity(lex), [cx.v.i], cx.actor, [Content(dobj, "", None, follow)], 0.7)], cx.negated)
    if report and cx.lemma in lex.small_clause_verbs:
        # "a survey found Clinton with a lead of 48 percent": the object and its "with" phrase
        # "a poll found Mr. Trump about even with Mrs. Clinton": any phrase after the object that
        # is not a time; "a new poll shows Clinton and Sanders in a dead heat": a poll's object
        finding = bool(cx.actor) and (cx.actor[0].lemma_.lower() in lex.finding_holders or cx.actor[0].lower_ in lex.finding_holders)
        with_ = next((c for c in cx.kids if c.dep_ == "prep" and c.i > dobj.i and not _of_time(c)
                      and (c.lower_ == "with" or finding)), None)
        if with_ is not None:
            return [Frame("verb_dobj", "support", [cx.v.i], cx.actor, [Content(dobj, "", None, with_)], 0.6)]
        if finding and (dobj.pos_ in ("PROPN", "NOUN") or dobj.lower_ == "nothing") \
                and any(c.dep_ == "prep" for c in dobj.subtree if c is not dobj):
            # ("the inquiry found nothing about X that ...": a finding of nothing, GUIDELINES 10.11)
            return [Frame("verb_dobj", "support", [cx.v.i], cx.actor, [Content(dobj, "")], 0.6)]
    if report and dobj.lower_ in ("it", "they", "we", "he", "she") and dobj.i + 1 < len(dobj.doc):
        # "announcing it would expand X": the parser took the clause's subject for the object and
        # hung its verb elsewhere; the clause is the content
        aux = dobj.doc[dobj.i + 1]
        verb = aux.head
        if aux.dep_ == "aux" and aux.pos_ == "AUX" and verb.i > aux.i and verb not in cx.v.subtree:
            return negate([Frame("verb_dobj", cx.polarity(lex), [cx.v.i], cx.actor, [Content(dobj, "", None, verb)], 0.6)],
                          cx.negated, report)
    if report and cx.lemma in lex.report_objects:
        return negate([Frame("verb_dobj", cx.polarity(lex), [cx.v.i], cx.actor, [Content(dobj, "")], 0.6)], cx.negated, report)
    return None


def parenthetical(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``parenthetical``: "X, he noted, Y" -> the content around the cue."""
    v = cx.v
    # (a sentence whose verb the parser lost keeps a root noun: "In both cases, Eric Trump said, those
    # donations paid for X" came out with "donations" as the root and "paid" as its participle)
    lost_verb = v.dep_ == "parataxis" and v.head.dep_ == "ROOT" and v.head.pos_ in ("NOUN", "PROPN") and v.i < v.head.i \
        and any(c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") for c in v.head.children)
    if not (cx.is_report(lex) and v.dep_ in ("parataxis", "ccomp") and (v.head.pos_ in ("VERB", "AUX") or lost_verb)
            and cx.actor is not None):
        return None
    if v.dep_ == "ccomp" and not _set_off(v):
        return None  # "X said the plan would respond": a complement, not an inserted tag
    if v.dep_ == "ccomp" and v.i > v.head.i and lex.is_cue_verb(v.head) and not tail_tag(v, lex):
        return None  # 'a headline that said, “ISIS Declares X”': the quoted content of a cue
    if v.dep_ == "ccomp" and v.i < v.head.i and lex.is_cue_verb(v.head):
        return None  # '“..., they will find a way,” Perry said': the content of the cue after it
    return negate([Frame("parenthetical", cx.polarity(lex), [v.i], cx.actor, [Content(v.head, "", v)], 0.7)], cx.negated, True)


def parenthetical_as(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``parenthetical``: "As Menendez pointed out, the rulings have real impact", "as critics have
    argued": a reporting cue (a verb, or a phrasal one such as "point out") in an "as" clause
    reports the clause it hangs off."""
    v = cx.v
    if v.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in cx.kids):
        return None
    # "as one voter put it, ..." (the idiom's "it" is no object)
    put_it = cx.lemma == "put" and cx.dobj is not None and cx.dobj.lower_ == "it" and cx.dobj.i == v.i + 1
    # (a sentence whose verb the parser lost keeps its root noun: "as POLITICO has reported, cases
    # that have led to charges included X" came out with "cases" as the root)
    clause = v.head.pos_ in ("VERB", "AUX") or (v.head.dep_ == "ROOT" and v.head.pos_ in ("NOUN", "PROPN"))
    # "as Clinton told the New York Daily News, X": the object of a verb that addresses someone is
    # the one told, not what is reported
    told = cx.dobj if cx.dobj is not None and cx.lemma in lex.addressee_verbs and cx.dobj.pos_ in ("PROPN", "NOUN", "PRON") \
        and cx.dobj.lower_ not in ("it", "this", "that") else None
    if cx.actor is None or not clause or cx.ccomps or (cx.dobj is not None and not put_it and told is None) \
            or cx.negated:
        return None
    particles = [c for c in cx.kids if c.dep_ == "prt"]
    phrasal_report = any(pol == "report" and tail == (p.lower_,)
                         for tail, pol in lex.phrasal.get(cx.lemma, []) for p in particles)
    if not (cx.is_report(lex) or phrasal_report or put_it):
        return None
    cue = [v.i, *(p.i for p in particles)] + ([cx.dobj.i] if put_it else [])
    return [Frame("parenthetical", "support", cue, cx.actor, [Content(v.head, "", v)], 0.7, addressee=told)]


def tail_tag(clause: Token, lex: CueLexicon) -> bool:
    """A speaker tag the parser hung as a complement on the verb before it: "Hillary Clinton thinks
    X, former President Bill Clinton said this week" -- a reporting verb after a comma, with its own
    subject and nothing it reports of its own (no complement, object or quotation after it)."""
    if clause.dep_ != "ccomp" or clause.i < clause.head.i or not lex.reports(clause.lemma_.lower()):
        return False
    subj = next((c for c in clause.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.left_edge.i == 0:
        return False
    if clause.doc[subj.left_edge.i - 1].text not in (",", "\u2014", "\u2013", ";"):
        return False
    if any(c.dep_ in ("ccomp", "dobj", "xcomp", "mark") for c in clause.children):
        return False
    if any(t.text in OPENING_MARKS for t in clause.doc[clause.head.i + 1: clause.i]):
        return False   # inside a quotation the head opened: 'wrote, "When we X, we should think Y"'
    return not any(t.text in OPENING_MARKS or t.text == ":" for t in clause.doc[clause.i + 1: clause.right_edge.i + 1])


def _set_off(v: Token) -> bool:
    """A verb phrase set off by punctuation (", he noted,"), as an inserted speaker tag is."""
    doc = v.doc
    # a clause the parser hung on the tag from the left ("If X, he observed, Y") is not part of it
    left = min((c.left_edge.i for c in v.lefts if c.dep_ not in ("advcl", "punct")), default=v.i) - 1
    right = max((c.right_edge.i for c in v.rights if c.dep_ != "punct"), default=v.i) + 1
    marks = {",", "—", "–", "-", ";", "\u201d", '"', "''"}
    return left >= 0 and doc[left].text in marks and (right >= len(doc) or doc[right].text in marks | {"."})


def poll_has(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``verb_dobj``: "Wednesday's Quinnipiac poll has Clinton leading Trump by six points", "a new
    survey puts Sanders ahead by four points" -- a poll or survey that "has" or "puts" a candidate
    somewhere reports it like "shows" (``finding_light_verbs``, GUIDELINES 21.9): the candidate with
    what follows is the finding."""
    if cx.lemma not in lex.finding_light_verbs or not cx.actor or cx.negated:
        return None
    holder_word = cx.actor[0]
    if holder_word.lemma_.lower() not in lex.finding_holders and holder_word.lower_ not in lex.finding_holders:
        return None
    v = cx.v
    comp = next((c for c in cx.ccomps if c.tag_ == "VBG" and any(x.dep_ == "nsubj" for x in c.children)), None)
    if comp is not None and comp.i > v.i:
        return [Frame("verb_dobj", "support", [v.i], cx.actor, [Content(comp, "")], 0.6)]
    if cx.dobj is None or cx.dobj.pos_ != "PROPN":
        return None
    after = [c for c in cx.kids if c.i > cx.dobj.i and c.dep_ in ("advmod", "prep", "acomp", "oprd", "npadvmod")]
    if not after:
        if any(c.dep_ in ("prep", "advmod") and c.lower_ in ("at", "with", "ahead", "behind", "up", "down") for c in cx.dobj.children):
            return [Frame("verb_dobj", "support", [v.i], cx.actor, [Content(cx.dobj, "")], 0.6)]   # "has Sanders at 47 percent"
        return None
    return [Frame("verb_dobj", "support", [v.i], cx.actor, [Content(cx.dobj, "", None, after[-1])], 0.6)]


VerbRule = Callable[[VerbCue, CueLexicon], "list[Frame] | None"]
# Rules tried at any verb, then (after the gate) those for verbs of the cue lexicon.
def made_clear(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``verb_ccomp`` for "made (it) clear / plain that X": the parser hangs the clause on "made",
    on the adjective, or makes it the adjective's subject; "did not make clear whether X" says nothing."""
    if cx.lemma != "make" or not cx.actor:
        return None
    clear = next((c for c in cx.kids if c.lower_ in ("clear", "plain") and c.i > cx.v.i
                  and c.dep_ in ("ccomp", "acomp", "oprd", "dobj", "advmod", "xcomp", "amod")), None)
    if clear is None:
        return None
    clause = next((c for c in [*clear.children, *cx.kids] if c.i > clear.i and c.pos_ in ("VERB", "AUX")
                   and c.dep_ in ("ccomp", "csubj", "advcl", "xcomp")
                   and not _indirect_question(c, "make", cx.v.i)), None)
    if clause is None:
        return None
    return negate([Frame("verb_ccomp", "support", list(range(cx.v.i, clear.i + 1)), cx.actor, [Content(clause, "that")], 0.75)],
                  cx.negated, True)


def verb_xcomp_dare(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``verb_xcomp``: a verb of rivalry (lexicon ``rivalry_verbs``) with a person as object: "challenged
    Trump to a debate" / "to debate him" supports the debate, Trump addressed; "is challenging
    Clinton for the nomination" names a contest and makes no claim."""
    if cx.lemma not in lex.rivalry_verbs:
        return None
    person = cx.dobj if cx.dobj is not None else cx.addressee
    dare = next((x for x in cx.xcomps if _to_infinitive(x)), None)
    if dare is not None and person is not None:
        # "challenged Trump to debate him", "challenged his own bishops to get out onto the
        # streets", "challenged Congress to act": any addressee dared to do something
        return negate([Frame("verb_xcomp", "support", [cx.v.i], cx.actor, [Content(dare, "to")], 0.7, addressee=person)], cx.negated)
    if person is None or not (person.ent_type_ == "PERSON" or person.lower_ in OBJECT_PRONOUNS
                              or (person.pos_ == "PROPN" and person.ent_type_ not in ("ORG", "GPE", "LAW"))):
        return None
    to = next((c for c in [*cx.kids, *person.children] if c.dep_ in ("prep", "dative") and c.lower_ == "to" and c.i > person.i), None)
    if _pobj(to) is not None:
        return negate([Frame("verb_xcomp", "support", [cx.v.i], cx.actor, [Content(_pobj(to), "")], 0.7, addressee=person)], cx.negated)
    return []


OPEN_VERB_RULES: tuple[VerbRule, ...] = (verb_xcomp_dare, verb_prep_phrasal, parenthetical_as, verb_xcomp_call_on, evaluative, made_clear, light_noun,
                                         poll_has)
LEXICON_VERB_RULES: tuple[VerbRule, ...] = (verb_answer, verb_passive, verb_ccomp, verb_ccomp_misparsed, verb_compose, verb_xcomp, verb_prep,
                                            verb_dobj, parenthetical)
VERB_RULES = OPEN_VERB_RULES + LEXICON_VERB_RULES


def verb_frames(v: Token, lex: CueLexicon) -> list[Frame]:
    prt = next((c for c in v.children if c.dep_ == "prt"), None)
    if prt is not None and prt.lower_ in PARTICLES_CHANGING_SENSE \
            and (prt.lower_,) not in [tail[:1] for tail, _ in lex.phrasal.get(v.lemma_.lower(), [])]:
        return []   # "picked up a win", "backed down", "called off": another verb than the cue
    cx = VerbCue.read(v, lex)
    for rule in OPEN_VERB_RULES:
        frames = rule(cx, lex)
        if frames is not None:
            return frames
    if cx.lemma not in lex.polarity:
        return _stance_phrase(cx, lex) or []
    for rule in LEXICON_VERB_RULES:
        frames = rule(cx, lex)
        if frames is not None:
            return frames
    return _stance_phrase(cx, lex) or []


def _stance_phrase(cx: VerbCue, lex: CueLexicon) -> list[Frame] | None:
    """``verb_prep``: any act done "in support of X" / "in opposition to X" / "in protest of X"
    ("issued a statement in opposition to the deal", "resigned in protest of how X was handled"):
    the act's holder supports or opposes X."""
    if not cx.actor:
        return None
    if cx.lemma == "be":
        # "Most Republicans are against the tax increase": the copula with "against" (GUIDELINES 21.11)
        against = next((c for c in cx.kids if c.dep_ == "prep" and c.lower_ == "against" and c.i > cx.v.i), None)
        obj = _pobj(against) if against is not None else None
        if obj is not None and obj.lemma_.lower() not in lex.against_idioms:
            return negate([Frame("verb_prep", "oppose", [against.i], cx.actor, [Content(obj, "")], 0.6)], cx.negated)
    for p in cx.kids:
        if p.dep_ != "prep" or p.lower_ != "in" or p.i < cx.v.i:
            continue
        noun = next((c for c in p.children if c.dep_ == "pobj"), None)
        if noun is None or any(c.dep_ in ("det", "poss") for c in noun.children):
            continue   # "in his defense", "in the protest": not the phrase
        for q in noun.children:
            pol = lex.stance_phrases.get((noun.lower_, q.lower_))
            obj = next((c for c in q.children if c.dep_ in ("pobj", "pcomp")), None) if q.dep_ == "prep" else None
            if pol is not None and obj is not None:
                return negate([Frame("verb_prep", pol, [p.i, noun.i, q.i], cx.actor, [Content(obj, "")], 0.6)], cx.negated)
    return None


# -- other rules ------------------------------------------------------------------------------
def according_source(tok: Token) -> tuple[Token, Token] | None:
    """("to", the source) of "according to X" at ``tok``; None without a source ("went ahead
    according to plan")."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    src = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if src is None or (src.lower_ in ("plan", "schedule", "script", "form") and not any(src.children)):
        return None
    return to, src


def according_to(tok: Token, lex: CueLexicon) -> list[Frame]:
    """``according_to``: "According to officials, X"."""
    found = according_source(tok)
    if found is None:
        return []
    to, src = found
    head = tok.head if tok.head != tok else None
    if head is None:
        return []
    if _conjunct_of_the_source(tok, head):
        head = head.head
    if _describes_the_source(tok, head):
        return []   # "According to Jack Kelly, writing for RealClearPolitics:" -- no content here
    # "according to X and Y": one record per source (coordinated holders, SPEC); not across a comma
    # ("According to the FBI summary, Mills and another aide asked ...": the subject after it)
    sources = [named_appositive(src)] + [c for c in conjuncts(src) if not any(t.is_punct for t in src.doc[src.i: c.i])]
    return [Frame("according_to", "support", [tok.i, to.i], sources, [Content(head, "that", tok)], 0.8)]


def _describes_the_source(tok: Token, verb: Token) -> bool:
    """Whether ``verb`` opens a participle phrase right after "according to X," that describes X
    ("According to Jack Kelly, writing for RealClearPolitics, the fund ..."): a participle with no
    subject, its phrase starting at the comma after the source."""
    if verb.tag_ not in ("VBG", "VBN") or verb.i < tok.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in verb.children):
        return False
    end = max(t.i for t in tok.subtree if not t.is_punct)   # the source's last word
    doc = verb.doc
    return end + 2 < len(doc) and doc[end + 1].text == "," and verb.i == end + 2


def _conjunct_of_the_source(tok: Token, head: Token) -> bool:
    """Whether the parser hung "according to X" on a verb after it that is a second predicate of
    X's own relative clause ("X, according to sources who spoke to Fox News but were not
    authorized to speak": "authorized", read as a conjunct of the sentence's verb before the
    phrase). Such a verb has no subject, and no coordinator of the verb before the phrase stands
    between the two."""
    first = head.head
    if head.dep_ != "conj" or not first.i < tok.i < head.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
        return False
    if any(c.dep_ == "cc" and tok.i < c.i < head.i for c in first.children):
        return False
    return any(t.dep_ == "relcl" for t in tok.subtree)


FINITE_OR_BARE_VERB = frozenset({"VBD", "VBZ", "VBP", "VB"})


def _adjective_key(tok: Token, lex: CueLexicon) -> str | None:
    """The adjective lexicon's entry for ``tok``: its lemma, or the participle itself where the
    parser read a participial adjective as a passive verb ("were disappointed with X")."""
    lemma = tok.lemma_.lower()
    if tok.tag_ in FINITE_OR_BARE_VERB:
        return None   # "the talks, which opened on Monday": the verb "open", not the adjective
    if lemma in lex.adjectives:
        return lemma
    # (or as the copula's complement: "Democrats are opposed to the new rules")
    if tok.tag_ == "VBN" and tok.lower_ in lex.adjectives and (any(c.dep_ == "auxpass" for c in tok.children)
                                                            or (tok.dep_ == "acomp" and tok.head.lemma_ == "be")) \
            and not any(c.dep_ == "agent" for c in tok.children):
        return tok.lower_
    return None


def _feared_outcome(x: Token) -> bool:
    """A complement clause that predicts ("that X could / would / will Y"): the outcome a word of fear
    reports (GUIDELINES 13.2); a fact one is concerned about ("concerned that the leadership hasn't
    acted") is opposed like the object of "concerned about"."""
    return x.pos_ in ("VERB", "AUX") and x.dep_ in ("ccomp", "acl") \
        and any(c.dep_ in SUBJECTS for c in x.children) \
        and any(c.tag_ == "MD" and c.lower_ not in ("should", "must") for c in x.children)


def adjective(adj: Token, lex: CueLexicon) -> list[Frame]:
    """``adjective``: a predicate adjective ("reluctant to support X", "opposed to X")."""
    pol = lex.adjectives[_adjective_key(adj, lex)]
    pol = "support" if pol == "report" else pol
    kids = list(adj.children)
    holder_src = adj if any(c.dep_ in SUBJECTS for c in kids) else adj.head
    actor, _ = holder(holder_src, lex) if holder_src is not adj else holder(adj, lex)
    if actor is None and adj.pos_ == "VERB":
        # a participle read as a passive ("leaders were disappointed with X"): its subject feels it
        subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        if subj is not None and subj.lower_ not in NOT_ACTORS and subj.lower_ not in RELATIVE:
            actor = [named_appositive(subj), *conjuncts(subj)]
    if actor is None:
        return []
    negated = any(c.dep_ == "neg" for c in kids) or any(c.dep_ == "neg" for c in adj.head.children)
    x = next((c for c in kids if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
    if lex.adjectives[_adjective_key(adj, lex)] == "report":
        # "is certain to remain a focus", "sure to be pressed": a likelihood the writer weighs, not
        # a conviction ("certain that X" is one); "make sure X" sees to X
        if (x is not None and _to_infinitive(x)) or adj.head.lemma_.lower() == "make":
            return []
    if x is not None:
        inner = lex.stance_verbs.get(x.lemma_.lower())
        xobj = next((c for c in x.children if c.dep_ in ("dobj", "obj")), None)
        if inner is not None and xobj is not None:
            fr = Frame("adjective", compose(pol, inner), [adj.i, x.i], actor, [Content(xobj, "")], 0.65)
        elif _feared_outcome(x) and (adj.lemma_.lower() in lex.fear_words or adj.lower_ in lex.fear_words):
            fr = Frame("adjective", "support", [adj.i], actor, [Content(x, "that")], 0.6)   # "worried that X"
        else:
            fr = Frame("adjective", pol, [adj.i], actor, [Content(x, "to")], 0.6)
        return negate([fr], negated)
    prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in lex.adjective_preps), None)
    obj = _pobj(prep)
    if obj is None:
        return []
    return negate([Frame("adjective", pol, [adj.i], actor, [Content(obj, "")], 0.6)], negated)


def agent_noun(n: Token, lex: CueLexicon) -> list[Frame] | None:
    """``agent_noun``: "opponents of X", "critics of X": the noun phrase holds the position."""
    lemma = n.lemma_.lower()
    if lemma not in lex.agent_nouns:
        return None
    prep = next((c for c in n.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "for")), None)
    obj = _pobj(prep)
    if obj is None:
        return []
    if n.dep_ == "attr":
        # "the actress is a campaigner for Sanders": the copula's subject holds the position
        subj = next((c for c in n.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ not in NOT_ACTORS:
            return [Frame("agent_noun", lex.agent_nouns[lemma], [n.i], [subj], [Content(obj, "")], 0.55)]
    return [Frame("agent_noun", lex.agent_nouns[lemma], [n.i], [n], [Content(obj, "")], 0.55, holder_range=noun_phrase(n))]


def light_noun_possessive(n: Token, lex: CueLexicon) -> list[Frame] | None:
    """``light_noun``: a named holder's polarity noun ("Merkel's support for X")."""
    lemma = n.lemma_.lower()
    if lemma not in lex.light_nouns or lex.light_nouns[lemma] == "report":
        return None
    poss = next((c for c in n.children if c.dep_ == "poss" and (c.pos_ == "PROPN" or c.lower_ in POSSESSIVE_PRONOUNS)), None)
    # (not a time: "weighed in with her support on Tuesday evening")
    prep = next((c for c in n.children if c.dep_ == "prep" and c.lower_ in lex.light_preps and not _of_time(c)), None)
    obj, lead = _pobj(prep), ""
    if obj is None:
        obj, lead = _infinitive(n), "to"   # "his recent call to ban all Muslim immigrants"
    if poss is None or obj is None or (n.head.lemma_.lower() in lex.light_verbs and n.dep_ == "dobj"):
        return []
    return [Frame("light_noun", lex.light_nouns[lemma], [n.i], [poss], [Content(obj, lead)], 0.55)]


def report_noun(n: Token, lex: CueLexicon) -> list[Frame] | None:
    """``report_noun``: a possessor's report noun with a "that" clause ("her remark that X", "Trump's
    claim that X", "his insistence that X"): the possessor holds X (GUIDELINES 8.14)."""
    if n.lemma_.lower() not in lex.report_nouns:
        return None
    poss = next((c for c in n.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON", "NOUN")), None)
    if poss is None:
        # "accusations by Exxon Mobil that X", "the contention of Hillary Clinton that X": a named
        # agent in a "by / of / from" phrase holds X like a possessor
        agent = next((_pobj(c) for c in n.children if c.dep_ == "prep" and c.lower_ in ("by", "of", "from") and c.i > n.i), None)
        if agent is not None and (agent.pos_ == "PROPN" or agent.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")):
            poss = agent
    if poss is None:
        # "a confirmed Breitbart News report that X": a name compounded with the noun holds X
        poss = next((c for c in n.children if c.dep_ == "compound" and c.i < n.i and c.pos_ == "PROPN"
                     and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")), None)
    if poss is None:
        return None
    clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp", "appos") and c.i > n.i
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None and n.dep_ == "nsubj" and n.head.lemma_ == "be":
        # "Podliska's most explosive claim is that X": the copula's "that" clause
        clause = next((c for c in n.head.children if c.dep_ in ("ccomp", "attr") and c.i > n.head.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    return [Frame("report_noun", "support", [n.i], [poss], [Content(clause, "that")], 0.55)]


def noun_frames(n: Token, lex: CueLexicon) -> list[Frame]:
    for rule in (agent_noun, light_noun_possessive, report_noun):
        frames = rule(n, lex)
        if frames is not None:
            return frames
    return []


def occasion_taker(tok: Token, lex: CueLexicon) -> Token | None:
    """The verb whose subject takes the occasion an infinitive acts on: "He went out of his way *to
    say* X", "took the opportunity *to praise* X" (lexicon ``occasion_nouns``)."""
    if tok.dep_ not in ("acl", "relcl") or not _to_infinitive(tok) or tok.head.lemma_.lower() not in lex.occasion_nouns:
        return None
    if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in tok.head.children):
        return None   # a particular occasion ("his way", "the opportunity"), not "ways to challenge X"
    cur = tok.head
    for _ in range(4):
        if cur.dep_ not in ("dobj", "pobj", "prep") or cur.head == cur:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur if any(c.dep_ == "nsubj" for c in cur.children) else None
    return None


def hypothetical(tok: Token, lex: CueLexicon) -> bool:
    """A cue that takes no position of its own: the verb of a clause opened by "whether" or "if"
    ("whether Clinton could block X", "if politicians decide to order X"), an infinitive that
    modifies a noun ("a request to question her", "ways to challenge the ruling"), or an infinitive
    with a "for" subject ("unusual for a justice to criticize X")."""
    kids = list(tok.children)
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in kids):
        return True
    if tok.dep_ in ("ccomp", "xcomp", "dobj") and tok.head.lemma_.lower() in ASKING and tok.left_edge.lower_ in WH_WORDS:
        # "asked our followers what they thought X", "we ask 30 insiders who they think is the
        # strongest": the cue is part of the question
        return True
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN" and _to_infinitive(tok) \
            and not any(c.dep_ in SUBJECTS for c in kids) and _ranked_predicate(tok) is None \
            and occasion_taker(tok, lex) is None:
        return True   # ("ways to express your opposition"; not "the first state to adopt X", "went out of his way to say X")
    # "unusual for a sitting justice to weigh in on X", "for Trump to praise Putin ... raises
    # questions", "called for Congress to reject X": an infinitive with a "for" subject is a
    # hypothetical or somebody else's demand, not its subject's position (a conjunct shares it)
    head = tok.head if tok.dep_ == "conj" and tok.tag_ == "VB" else tok   # "to both encourage X and (to) praise Y"
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in head.children) \
            and _to_infinitive(head):
        return True
    # "is unlikely to support X", "is poised to endorse X": the writer's forecast; "has yet to endorse
    # anyone": an act not done (GUIDELINES 21.23)
    if tok.dep_ == "xcomp" and _to_infinitive(tok):
        gov = tok.head
        if gov.pos_ == "ADJ" and gov.lemma_.lower() in lex.forecast_words:
            return True
        if gov.lemma_ in ("have", "be") and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in gov.children):
            return True
    # "over who supported which bill": a question clause under a preposition asks, it does not report
    if tok.dep_ == "pcomp" and any(c.dep_ in SUBJECTS and c.lower_ in WH_WORDS for c in kids):
        return True
    # "Had Republicans nominated Rubio, ...": an inverted conditional clause is counterfactual
    # (or the sentence's root where the parser lost the main clause)
    subj = next((c for c in kids if c.dep_ in SUBJECTS), None)
    first = tok.doc[tok.left_edge.i]
    if subj is not None and first.lower_ in ("had", "were", "should") and first.head == tok and first.dep_ in ("aux", "auxpass") \
            and first.i < subj.i \
            and (tok.dep_ == "advcl" or (first.is_sent_start and first.text[:1].isupper())):
        return True
    # "the government could reverse the rules or decline to appeal": a possibility the writer
    # weighs in a main clause is nobody's position
    main = tok
    while main.dep_ in ("conj", "xcomp") and main.head != main:
        main = main.head
    if main.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in main.children) \
            and quotation_around(doc_text(tok.doc), tok.idx, tok.idx + 1) is None:
        return True
    return False


def _unrealized_act(tok: Token, lex: CueLexicon) -> bool:
    """An electoral act ("vote for", "elect", "choose", lexicon ``act_verbs``) that is only possible,
    wanted or denied ("can vote for X", "want to vote for X", "may have to vote for her", "has not
    voted for X") reports no position; "voted for X" and a poll's "would vote for X" do."""
    if tok.lemma_.lower() not in lex.act_verbs:
        return False
    kids = list(tok.children)
    if any(c.dep_ == "neg" for c in kids):
        return True
    return tok.tag_ == "VB" and not any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'d", "’d", "'ll", "’ll") for c in kids)


def _withheld(tok: Token, lex: CueLexicon) -> bool:
    """A cue its subject holds back ("avoided directly criticizing X", "refrained from attacking X",
    "stopped short of calling X a liar"): no position (GUIDELINES 9.14, 11.10)."""
    if tok.dep_ not in ("xcomp", "pcomp"):
        return False
    gov = tok.head
    if gov.dep_ == "prep" and gov.lower_ in ("from", "of"):
        gov = gov.head
    if gov.lemma_.lower() == "short" and gov.head.lemma_.lower() == "stop":   # "stopped short of"
        return "stop short" in lex.withholding
    return gov.pos_ == "VERB" and gov.lemma_.lower() in lex.withholding


def _verb_read_as_noun(tok: Token, lex: CueLexicon) -> bool:
    """A reporting verb the tagger read as a noun but the parser built as a verb: the root of its
    sentence with a subject before it and a complement clause after it ("Article 33 affirms: “X”")."""
    return tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and lex.reports(tok.lemma_.lower()) \
        and any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children) \
        and any(c.dep_ == "ccomp" and c.i > tok.i and c.pos_ in ("VERB", "AUX") for c in tok.children)


def _evaluation_clause(tok: Token, lex: CueLexicon) -> bool:
    """The "as" clause of an evaluative verb ("described the dinner as Washington celebrating
    itself"): the evaluation, not a speech act of its own."""
    if tok.dep_ == "advcl" and tok.head.lemma_.lower() in lex.evaluative:
        return any(m.dep_ == "mark" and m.lower_ == "as" for m in tok.children)
    if tok.dep_ == "pcomp" and tok.head.lower_ == "as":   # "as" read as a preposition, on the verb or its object
        gov = tok.head.head
        return gov.lemma_.lower() in lex.evaluative or (gov.dep_ in ("dobj", "obj") and gov.head.lemma_.lower() in lex.evaluative)
    return False


def frames_at(tok: Token, lex: CueLexicon) -> list[Frame]:
    """Every frame the rules make at one token (see the module docstring for the order)."""
    frames: list[Frame] = []
    if tok.pos_ in ("VERB", "AUX") and (hypothetical(tok, lex) or _unrealized_act(tok, lex) or _withheld(tok, lex)):
        return frames
    if _evaluation_clause(tok, lex):
        return frames
    if tok.lower_ == "according":
        frames = according_to(tok, lex)
    elif tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound", "aux", "auxpass"):
        if tok.lower_ in lex.noun_forms and not (tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ in NOUN_FORM_CUES):
            return frames  # "Rust Belt states Indiana, Michigan ...": a noun the tagger read as a verb
        frames = verb_frames(tok, lex)
    elif _verb_read_as_noun(tok, lex):
        frames = verb_frames(tok, lex)   # "Article 33 affirms: “X”" with "affirms" tagged a plural noun
    if not frames and _adjective_key(tok, lex) is not None and tok.dep_ not in ("amod", "compound") \
            and not (tok.head.pos_ in ("AUX", "VERB") and hypothetical(tok.head, lex)):   # "whether X was ready to"
        frames = adjective(tok, lex)
    if not frames and tok.pos_ == "NOUN":
        frames = noun_frames(tok, lex)
    return frames
