"""Indicator names in files -> catalogue targets, by id, Chinese name or alias."""

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from dashboard.core.errors import DashboardError
from dashboard.ingest.cells import clean

QUOTES = re.compile(r"[“”\"'‘’「」《》\s]")


@lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    return QUOTES.sub("", clean(text)).lower()


def _name_keys(target_id, name_zh, name_en, aliases) -> set[str]:
    """Every normalised name a file may use for a target: id, names and ;-separated aliases."""
    listed = str(aliases).split(";") if not pd.isna(aliases) else []
    return {
        normalize_name(str(n))
        for n in (target_id, name_zh, name_en, *listed)
        if not pd.isna(n) and str(n).strip()
    }


class UnknownIndicator(DashboardError, LookupError):
    def __init__(self, text: str, suggestions: list[str]):
        self.indicator, self.suggestions = text, suggestions
        super().__init__("indicator.unknown", indicator=text)


class UnknownEntity(DashboardError, LookupError):
    def __init__(self, text: str, entity: str, entities: list[str]):
        self.indicator, self.entity, self.entities = text, entity, entities
        super().__init__("indicator.no_target_for_entity", indicator=text, entity=entity)


class AmbiguousIndicator(DashboardError, LookupError):
    def __init__(self, text: str, candidates: list[str]):
        self.indicator, self.candidates = text, candidates
        super().__init__("indicator.ambiguous", indicator=text)


@dataclass
class CatalogueIndex:
    targets: pd.DataFrame
    # The office's own entity (that of targets.csv): a file that names no entity reports for
    # it, also once districts have catalogues with the same indicator names.
    home: str | None = None
    names: dict[str, list[int]] = field(default_factory=dict)
    records: list[dict] = field(default_factory=list)
    _by_entity: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    _cache: dict = field(default_factory=dict)

    @classmethod
    def build(cls, targets: pd.DataFrame, home: str | None = None) -> "CatalogueIndex":
        t = targets.reset_index(drop=True)
        # column lists then dicts: DataFrame.to_dict boxes every value and is 5x slower
        columns = list(t.columns)
        values = [t[c].tolist() for c in columns]
        index = cls(
            t,
            home,
            records=[dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)],
        )
        # A province catalogue repeats each indicator for every district: names are
        # worked out once per distinct wording, not once per target.
        wording = ["id", "name_zh", "name_en", "aliases"]
        for key, positions in t.groupby(wording, dropna=False, sort=False).indices.items():
            for name in _name_keys(*key):
                index.names.setdefault(name, []).extend(positions.tolist())
        for positions in index.names.values():
            positions.sort()
        return index

    def _entities(self, name: str) -> dict[str, list[int]]:
        """Targets called `name`, by entity (built when a file first uses the name)."""
        if name not in self._by_entity:
            by_entity: dict[str, list[int]] = {}
            for p in self.names[name]:
                by_entity.setdefault(self.records[p]["entity"], []).append(p)
            self._by_entity[name] = by_entity
        return self._by_entity[name]

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
        name = normalize_name(text)
        positions = self.names.get(name, [])
        if not positions:
            return UnknownIndicator(text, self.suggest(text))
        if entity:
            positions = self._entities(name).get(entity, [])
            if not positions:
                entities = sorted({self.records[p]["entity"] for p in self.names[name]})
                return UnknownEntity(text, entity, entities)
        rec = self.records
        if not entity and self.home and len({rec[p]["entity"] for p in positions}) > 1:
            positions = [p for p in positions if rec[p]["entity"] == self.home] or positions
        if year and len(positions) > 1:
            positions = [p for p in positions if rec[p]["year"] == year] or positions
        if len(positions) > 1 and len({(rec[p]["entity"], rec[p]["id"]) for p in positions}) == 1:
            # The same indicator in several years: the latest catalogue year is meant.
            latest = max(rec[p]["year"] for p in positions)
            positions = [p for p in positions if rec[p]["year"] == latest]
        if len(positions) == 1:
            return positions[0]
        return AmbiguousIndicator(
            text, [f"{rec[p]['entity']}/{rec[p]['year']}/{rec[p]['id']}" for p in positions[:6]]
        )

    def suggest(self, text: str, n: int = 3) -> list[str]:
        names = list(self.names)
        wanted = normalize_name(text)
        found = difflib.get_close_matches(wanted, names, n=n, cutoff=0.4)
        if not found:
            found = [k for k in names if wanted[:2] in k][:n]
        return list(dict.fromkeys(self.records[self.names[k][0]]["name_zh"] for k in found))
