"""Indicator names in files -> catalogue targets, by id, Chinese name or alias.

A name is looked up by the keys `names.match_keys` gives (as written, without its measure
suffix, without a place prefix, ...), each in the canonical form catalogue names are
indexed in. An unknown name carries the catalogue names it is a near miss of (an error
for the file); close names are looked up on request (`suggest`), within a budget the
checker keeps. Both use indexes built once per catalogue; see `names`.
"""

import difflib
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from dashboard.core.errors import DashboardError
from dashboard.ingest.names import NearMisses, canonical, match_keys, read_label

normalize_name = canonical  # the one form names are compared in
CITY_WORDS = ("全市", "合计", "总计", "全市合计", "全市总计", "市合计")
# A suggestion compares a name in full with at most this many catalogue names: those that
# share the most characters with it (found in an index built once per catalogue; single
# characters, since Chinese short forms skip some: 社消零 for 社会消费品零售总额).
SUGGESTION_CANDIDATES = 20


def _name_keys(target_id, name_zh, name_en, aliases) -> set[str]:
    """Every normalised name a file may use for a target: id, names and ;-separated aliases."""
    listed = str(aliases).split(";") if not pd.isna(aliases) else []
    return {
        canonical(str(n))
        for n in (target_id, name_zh, name_en, *listed)
        if not pd.isna(n) and str(n).strip()
    }


def _places(entities) -> tuple[str, ...]:
    """Entity names as a name prefix may write them: '郑州市', '郑州'."""
    found = []
    for e in map(str, entities):
        found.append(e)
        if len(e) > 2 and e[-1] in "市区县省":
            found.append(e[:-1])
    return tuple(dict.fromkeys(found))


class UnknownIndicator(DashboardError, LookupError):
    """No target has this name: `near` lists the catalogue names it is a near miss of;
    close names (`core`: the name without its measure) are the caller's to ask for."""

    def __init__(self, text: str, near: list[str] | None = None, core: str | None = None):
        self.indicator, self.near, self.core = text, near or [], core or text
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
    # Set where a person chose the entity (the upload page): a file that names none means
    # only that entity's targets, never another's with the same name.
    only_home: bool = False
    names: dict[str, list[int]] = field(default_factory=dict)
    records: list[dict] = field(default_factory=list)
    _by_entity: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    _sorted_entities: dict[str, list[str]] = field(default_factory=dict)
    _cache: dict = field(default_factory=dict)
    places: tuple[str, ...] = ()
    shown: dict[str, str] = field(default_factory=dict)  # key -> name_zh, for suggestions
    _chars: dict[str, list[str]] | None = None  # character -> names containing it
    _near: NearMisses | None = None
    comparisons: int = 0  # names compared in full by suggest(): what suggestions cost

    @classmethod
    def build(
        cls, targets: pd.DataFrame, home: str | None = None, only_home: bool = False
    ) -> "CatalogueIndex":
        t = targets.reset_index(drop=True)
        # column lists then dicts: DataFrame.to_dict boxes every value and is 5x slower
        columns = list(t.columns)
        values = [t[c].tolist() for c in columns]
        index = cls(
            t,
            home,
            only_home,
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
        index.places = _places(t["entity"].unique()) if "entity" in t else ()
        index.shown = {k: index.records[p[0]]["name_zh"] for k, p in index.names.items()}
        return index

    def entity(self, text: str | None, default: str | None) -> str | None:
        """An entity cell as the catalogue names it: '全　市' and '合计' are the table's own
        entity (`default`, e.g. from '地区：郑州市'); '郑州' is '郑州市'."""
        if text is None:
            return default
        key = canonical(text)
        if key in CITY_WORDS:
            return default
        return self._entity_names().get(key, str(text).strip())

    def units(self) -> dict[tuple[str, int, str], str]:
        """Each target's unit by (entity, year, id): what its figures are written in."""
        if "units" not in self._cache:
            self._cache["units"] = {
                (r["entity"], r["year"], r["id"]): r["unit"] if isinstance(r["unit"], str) else ""
                for r in self.records
            }
        return self._cache["units"]

    def _entity_names(self) -> dict[str, str]:
        """Catalogue entities by their canonical name and by it without 市/区/县."""
        if "entities" not in self._cache:
            names: dict[str, str] = {}
            for e in sorted({r["entity"] for r in self.records}):
                names.setdefault(canonical(e), e)
                names.setdefault(canonical(e)[:-1], e)
            self._cache["entities"] = names
        return self._cache["entities"]

    def _entities(self, name: str) -> dict[str, list[int]]:
        """Targets called `name`, by entity (built when a file first uses the name)."""
        if name not in self._by_entity:
            by_entity: dict[str, list[int]] = {}
            for p in self.names[name]:
                by_entity.setdefault(self.records[p]["entity"], []).append(p)
            self._by_entity[name] = by_entity
        return self._by_entity[name]

    def _entity_list(self, name: str) -> list[str]:
        """The entities with a target called `name`, sorted once per name (a file naming
        2,000 districts the catalogue lacks would otherwise sort 2,000 lists)."""
        if name not in self._sorted_entities:
            self._sorted_entities[name] = sorted(self._entities(name))
        return self._sorted_entities[name]

    def resolve(self, text: str, entity: str | None, year: int | None) -> int:
        """Row position of the one target meant; raises Unknown/AmbiguousIndicator."""
        key = (text, entity, year)
        found = self._cache[key] if key in self._cache else self._resolve(text, entity, year)
        if not isinstance(found, UnknownIndicator | UnknownEntity):  # not kept: the index is
            self._cache[key] = found  # shared, and a file may hold 100,000 unknown names
        if isinstance(found, LookupError):
            raise found
        return found

    def _resolve(self, text: str, entity: str | None, year: int | None):
        label = read_label(text)
        name = canonical(label.name)  # as written, almost always: no variants to try
        if name not in self.names:
            name = next((k for k in match_keys(label, self.places) if k in self.names), None)
        if name is None:
            near = self._near_misses().find(canonical(label.core)) if not label.breakdown else []
            return UnknownIndicator(label.name or text, near, label.core or text)
        positions = self.names[name]
        entity = entity or (self.home if self.only_home else None)
        if entity:
            positions = self._entities(name).get(entity, [])
            if not positions:
                return UnknownEntity(text, entity, self._entity_list(name))
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
        """Up to `n` catalogue names close to `text` (difflib's ratio, cutoff 0.4), or
        else names sharing its first two characters. Only the SUGGESTION_CANDIDATES names
        sharing the most characters are compared in full, so the cost of one suggestion
        does not grow with the catalogue."""
        wanted = canonical(text)
        chars = self._char_index()
        shared: Counter = Counter()
        for ch in set(wanted):
            shared.update(chars.get(ch, ()))
        candidates = [name for name, _ in shared.most_common(SUGGESTION_CANDIDATES)]
        self.comparisons += len(candidates)
        found = _closest(wanted, candidates, n)
        if not found and wanted:
            found = [k for k in chars.get(wanted[0], ()) if wanted[:2] in k][:n]
        return list(dict.fromkeys(self.records[self.names[k][0]]["name_zh"] for k in found))

    def _near_misses(self) -> NearMisses:
        if self._near is None:
            self._near = NearMisses(self.shown)
        return self._near

    def _char_index(self) -> dict[str, list[str]]:
        if self._chars is None:
            chars: dict[str, list[str]] = {}
            for name in self.names:
                for ch in set(name):
                    chars.setdefault(ch, []).append(name)
            self._chars = chars
        return self._chars


def _closest(wanted: str, candidates: list[str], n: int, cutoff: float = 0.4) -> list[str]:
    """difflib.get_close_matches over the candidates only."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(wanted)
    scored = []
    for name in candidates:
        matcher.set_seq1(name)
        if (
            matcher.real_quick_ratio() >= cutoff
            and matcher.quick_ratio() >= cutoff
            and (score := matcher.ratio()) >= cutoff
        ):
            scored.append((score, name))
    return [name for _, name in sorted(scored, key=lambda s: -s[0])[:n]]
