"""Last year's figures attached to this year's targets of the same indicator.

"地区生产总值突破1.52万亿元、增长5.4%" last year gives the growth target "地区生产总值增长5%以上"
its baseline_value 1.52 万亿元 and baseline_growth_pct 5.4; an amount target gets last
year's amount in a compatible unit. Only clear name matches are attached: a wrong baseline
misleads more than a missing one.
"""

from dataclasses import replace

from dashboard.ingest.proposal import lexicon as lx
from dashboard.ingest.proposal import names as n
from dashboard.ingest.proposal.records import Baseline, ProposedTarget
from dashboard.ingest.proposal.units import is_percent

MATCH = 0.85


def attach(target: ProposedTarget, baselines: tuple[Baseline, ...]) -> ProposedTarget:
    if target.kind in ("milestone", "qualitative"):
        return target
    key = n.root(target.name_zh)
    growth = [b for b in baselines if is_percent(b.dimension) and _is_growth(b.name)]
    levels = [b for b in baselines if not is_percent(b.dimension) and b.dimension != "count"]
    levels += [b for b in baselines if b.dimension == "count"]
    if target.kind == "growth":
        rate = _best(key, growth)
        level = _best(key, levels)
        return replace(
            target,
            baseline_growth_pct=rate.value if rate else None,
            baseline_value=level.value if level else None,
            baseline_unit=level.unit if level else "",
        )
    same_unit = [b for b in baselines if _compatible(b.unit, target.unit)]
    level = _best(key, same_unit)
    if level is None:
        return target
    return replace(target, baseline_value=level.value, baseline_unit=level.unit)


def _is_growth(name: str) -> bool:
    return any(name.endswith(w) for w in lx.RATE_WORDS)


def _best(key: str, candidates: list[Baseline]) -> Baseline | None:
    scored = [(n.similarity(key, n.root(b.name)), -i, b) for i, b in enumerate(candidates)]
    scored = [s for s in scored if s[0] >= MATCH]
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def _compatible(a: str, b: str) -> bool:
    """Same base unit, any multiplier: 万吨 and 吨, 亿元 and 万亿元."""
    strip = "万亿千百"
    return a.lstrip(strip) == b.lstrip(strip) and bool(a.lstrip(strip))
