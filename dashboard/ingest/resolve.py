"""Indicator names in files -> catalogue targets, by id, Chinese name or alias."""

import difflib
import re
from dataclasses import dataclass, field

import pandas as pd

from dashboard.ingest.cells import clean

QUOTES = re.compile(r"[“”\"'‘’「」《》\s]")


def normalize_name(text: str) -> str:
    return QUOTES.sub("", clean(text)).lower()


class UnknownIndicator(LookupError):
    def __init__(self, text: str, suggestions: list[str]):
        self.text, self.suggestions = text, suggestions
        super().__init__(text)


class AmbiguousIndicator(LookupError):
    def __init__(self, text: str, candidates: list[str]):
        self.text, self.candidates = text, candidates
        super().__init__(text)


@dataclass
class CatalogueIndex:
    targets: pd.DataFrame
    names: dict[str, list[int]] = field(default_factory=dict)
    _cache: dict = field(default_factory=dict)

    @classmethod
    def build(cls, targets: pd.DataFrame) -> "CatalogueIndex":
        t = targets.reset_index(drop=True)
        index = cls(t)
        for pos, row in enumerate(t.itertuples(index=False)):
            aliases = [a for a in str(row.aliases or "").split(";") if a.strip()]
            for name in {row.id, row.name_zh, row.name_en, *aliases}:
                index.names.setdefault(normalize_name(name), []).append(pos)
        return index

    def resolve(self, text: str, entity: str | None, year: int | None) -> int:
        """Row position of the one target meant; raises Unknown/AmbiguousIndicator."""
        key = (text, entity, year)
        if key not in self._cache:
            self._cache[key] = self._resolve(text, entity, year)
        found = self._cache[key]
        if isinstance(found, LookupError):
            raise found
        return found

    def _resolve(self, text: str, entity: str | None, year: int | None):
        positions = self.names.get(normalize_name(text), [])
        if not positions:
            return UnknownIndicator(text, self.suggest(text))
        t = self.targets
        if entity:
            positions = [p for p in positions if t.at[p, "entity"] == entity]
        if year and len(positions) > 1:
            positions = [p for p in positions if t.at[p, "year"] == year] or positions
        if len(positions) > 1:
            # The same indicator in several years: the latest catalogue year is meant.
            latest = max(t.at[p, "year"] for p in positions)
            same = {(t.at[p, "entity"], t.at[p, "id"]) for p in positions}
            if len(same) == 1:
                positions = [p for p in positions if t.at[p, "year"] == latest]
        if len(positions) == 1:
            return positions[0]
        if not positions:
            return UnknownIndicator(text, self.suggest(text))
        return AmbiguousIndicator(text, [f"{t.at[p, 'entity']}/{t.at[p, 'year']}/{t.at[p, 'id']}"
                                         for p in positions])

    def suggest(self, text: str, n: int = 3) -> list[str]:
        names = list(self.names)
        found = difflib.get_close_matches(normalize_name(text), names, n=n, cutoff=0.4)
        if not found:
            found = [k for k in names if normalize_name(text)[:2] in k][:n]
        return [self.targets.at[self.names[k][0], "name_zh"] for k in found]
