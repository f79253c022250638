"""The state of the rules components is plain data (lexicons, gazetteers): this mixin keeps it
inside a saved pipeline, so ``nlp.to_disk(path)`` then ``spacy.load(path)`` reads no lexicon file.

A component sets ``self.data`` (one JSON-ready dict) through its ``set_data``; ``to_disk`` writes it
as ``data.json`` in the component's folder, ``to_bytes`` as msgpack, and the readers call
``set_data`` with what they read.  ``initialize(..., lexicon=...)``-style settings replace it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import srsly

DATA_FILE = "data.json"


class DataComponent:
    data: dict[str, Any]

    def set_data(self, data: dict[str, Any]) -> None:  # pragma: no cover - each component has its own
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / DATA_FILE, self.data)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()):
        self.set_data(srsly.read_json(Path(path) / DATA_FILE))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self.data)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()):
        self.set_data(srsly.msgpack_loads(data))
        return self
