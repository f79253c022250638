"""The claim record (SPEC "One record") and its JSON Lines form.

One offset convention everywhere: character offsets into the document text, Python ``str``
indices, end exclusive, so ``text[start:end] == span.text``.  Every document read from or written
to JSONL passes through :class:`Document`, which checks that each span is grounded in the text.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

Stance = Literal["support", "oppose", "neutral"]
STANCES: tuple[str, ...] = ("support", "oppose", "neutral")
#: The scored slots.  A converted corpus that annotates only some of them says which in
#: ``meta["annotated_slots"]`` (e.g. PolNeAR: actor, issue); the scorer then scores only those.
SLOTS: tuple[str, ...] = ("actor", "issue", "stance", "condition")


def annotated_slots(meta: dict[str, Any]) -> tuple[str, ...]:
    """The slots a document's gold annotates: ``meta["annotated_slots"]``, else all of them
    (``meta["stance_unannotated"]``, the older flag, drops the stance)."""
    declared = meta.get("annotated_slots")
    if declared:
        return tuple(s for s in SLOTS if s in declared)
    if meta.get("stance_unannotated"):
        return tuple(s for s in SLOTS if s != "stance")
    return SLOTS


class Span(BaseModel):
    """A contiguous stretch of the document text."""

    model_config = ConfigDict(extra="allow")

    text: str = Field(description="The span's text, exactly text[start:end] of the document.")
    start: int = Field(ge=0, description="Character offset of the first character (Python str index).")
    end: int = Field(ge=0, description="Character offset just past the last character (end exclusive).")

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class Entity(Span):
    """A mention of an actor or addressee, with the entity's canonical name.

    An *implicit* actor (SPEC: a continuation quote with no speaker tag, an author's unsigned
    opinion) has ``text``, ``start`` and ``end`` all null and names the holder in ``canonical``.
    """

    text: str | None = Field(None, description="The mention as written; null for an implicit actor.")  # type: ignore[assignment]
    start: int | None = Field(default=None, ge=0, description="Start offset; null for an implicit actor.")  # type: ignore[assignment]
    end: int | None = Field(default=None, ge=0, description="End offset (exclusive); null for an implicit actor.")  # type: ignore[assignment]
    canonical: str | None = Field(
        None, description="The entity's fullest name in the document; seats of government and capitals map to"
        " their state or body (Kyiv -> Ukraine)."
    )

    @model_validator(mode="after")
    def _ordered(self) -> "Entity":
        given = [v is not None for v in (self.text, self.start, self.end)]
        if any(given) and not all(given):
            raise ValueError("an entity span needs text, start and end together (all null for an implicit actor)")
        if not any(given) and not self.canonical:
            raise ValueError("an implicit actor (text, start, end null) needs a canonical name")
        if self.start is not None and self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self

    @property
    def implicit(self) -> bool:
        return self.start is None


class Claim(BaseModel):
    """One actor's position on one issue (SPEC "One record").

    ``stance`` may be ``None`` only in converted corpora that do not annotate it (PolNeAR);
    ``actor`` may be ``None`` only on optional gold claims with an implicit holder, or in a
    document whose ``meta["annotated_slots"]`` leaves the actor out (SemEval conditions).
    ``source`` and ``confidence`` say which component and rule produced a predicted claim.
    """

    model_config = ConfigDict(extra="allow")

    actor: Entity | None = Field(description="Who holds the position: the mention that grammatically holds it.")
    stance: Stance | None = Field(
        None, description="The actor's position toward the issue as written: support, oppose, or neutral"
        " (explicitly undecided); null only where a corpus does not annotate stance."
    )
    issue: Span = Field(description="What the position is about: the content of the cue, without the cue, the"
                        " actor and a condition at its edge.")
    condition: Span | None = Field(None, description="What the position depends on, marker included (if, unless,"
                                   " in exchange for ...), or null.")
    cue: Span | None = Field(None, description="The word(s) expressing the position (said, rejected, called for);"
                             " reported, not scored.")
    addressee: Entity | None = Field(None, description="Who the claim is directed at, when named (urged Y to);"
                                     " reported, not scored.")
    optional: bool = Field(False, description="Gold only: a borderline claim; a prediction matched to it is"
                           " neither a hit nor an error.")
    source: str | None = Field(None, description="Predictions: the component and rule or model that made the"
                               " claim, e.g. claimx_claims:verb_ccomp or claimx_tagger:model.")
    confidence: float | None = Field(None, description="Predictions: the producer's confidence in the claim,"
                                     " 0 to 1.")

    def spans(self) -> Iterator[tuple[str, Span]]:
        """The claim's spans that are grounded in the text (an implicit actor is not)."""
        for slot in ("actor", "issue", "condition", "cue", "addressee"):
            span = getattr(self, slot)
            if span is not None and span.start is not None:
                yield slot, span


class Document(BaseModel):
    """A document with its claims.  ``status`` is ``error`` when the text could not be processed;
    ``error`` then says why, and ``claims`` is empty."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(min_length=1, description="The document's id, unique within a file.")
    text: str = Field(description="The document text; every offset points into it.")
    meta: dict[str, Any] = Field(default_factory=dict, description="What the input carried besides id and text"
                                 " (source file, feed link, date ...), passed through.")
    claims: list[Claim] = Field(default_factory=list, description="The claims, in text order for predictions.")
    status: Literal["ok", "error"] = Field("ok", description="ok, or error when the document could not be"
                                           " processed (claims is then empty).")
    error: str | None = Field(None, description="With status error: why, in words; else null.")

    @model_validator(mode="after")
    def _grounded(self) -> "Document":
        n = len(self.text)
        needs_actor = "actor" in annotated_slots(self.meta)
        for i, claim in enumerate(self.claims):
            if claim.actor is None and not claim.optional and needs_actor:
                raise ValueError(f"claim {i}: a claim needs an actor unless it is marked optional")
            for slot, span in claim.spans():
                if span.end > n:
                    raise ValueError(
                        f"claim {i} {slot}: span [{span.start}, {span.end}) runs past the end of"
                        f" the text ({n} characters)"
                    )
                found = self.text[span.start : span.end]
                if found != span.text:
                    raise ValueError(
                        f"claim {i} {slot}: text[{span.start}:{span.end}] is {found!r},"
                        f" not {span.text!r}"
                    )
        return self

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json", exclude_none=False), ensure_ascii=False)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one JSONL record, generated from :class:`Document`: what
    readers accept (``claimx schema`` prints it; ``docs/record.schema.json`` is a copy)."""
    schema = Document.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "claimx record",
        **{k: v for k, v in schema.items() if k != "title"},
    }


class RecordError(ValueError):
    """A JSONL line that is not a valid record; the message names the file and line."""

    def __init__(self, path: str, line: int, reason: str):
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


def _explain(err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e["loc"])
        parts.append(f"{loc}: {e['msg']}" if loc else e["msg"])
    return "; ".join(parts)


def parse_record(line: str, path: str = "<string>", lineno: int = 1, shared: str | Path | None = None) -> Document:
    """Parse and validate one JSONL line into a :class:`Document`.  A stand-off record (no
    ``text``, ``meta.text_source`` set) has its text joined from ``shared`` first
    (:mod:`claimx.standoff`)."""
    from .standoff import StandoffError, is_standoff, join_text

    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordError(path, lineno, f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise RecordError(path, lineno, f"expected a JSON object, got {type(data).__name__}")
    if is_standoff(data):
        try:
            data = join_text(data, shared)
        except StandoffError as exc:
            raise RecordError(path, lineno, str(exc)) from None
    try:
        return Document.model_validate(data)
    except ValidationError as exc:
        raise RecordError(path, lineno, _explain(exc)) from None


def read_jsonl(path: str | Path, shared: str | Path | None = None) -> Iterator[Document]:
    """Yield validated documents from a JSONL file (``-`` reads stdin); stand-off records get
    their text from ``shared`` (see :mod:`claimx.standoff`).

    Blank lines are skipped; anything else that is not a valid record raises
    :class:`RecordError` naming the file and line.
    """
    name = str(path)
    stream: io.TextIOBase
    if name == "-":
        stream = sys.stdin  # type: ignore[assignment]
        close = False
    else:
        stream = open(path, encoding="utf-8")  # noqa: SIM115
        close = True
    try:
        for lineno, line in enumerate(stream, start=1):
            if line.strip():
                yield parse_record(line, name, lineno, shared)
    except UnicodeDecodeError as exc:
        raise RecordError(name, 0, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    finally:
        if close:
            stream.close()


def write_jsonl(docs: Iterable[Document], path: str | Path) -> int:
    """Write documents as JSONL (``-`` writes stdout); returns how many were written."""
    n = 0
    if str(path) == "-":
        for doc in docs:
            sys.stdout.write(doc.to_json() + "\n")
            n += 1
        return n
    with open(path, "w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(doc.to_json() + "\n")
            n += 1
    return n
