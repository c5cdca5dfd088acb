"""Tables for the snapshots page (no Streamlit here): who took each snapshot and when, the
data and rules behind it in words, and what changed since the one before."""

import re

import pandas as pd

from dashboard.core.explain import missing
from dashboard.core.messages import TABLE, in_lang, joined, month_name, text
from dashboard.core.milestones import state_word
from dashboard.core.periods import period_text
from dashboard.present.labels import amount

DATA_VERSION = re.compile(r"uploads:(\d+):last#(\d+)(?::reviews:(\d+))?")
# "amount10.0", "pace2.0L", "gaprounded", "day15": a threshold's name and value
RULE = re.compile(r"(amount|rate|about|ms|pace|gap|day)([\w.]+)")
PERIOD = re.compile(r"(\d{4})-(\d{2})(?:\.\.\d{4}-(\d{2}))?")


def snapshot_list(listing: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "#": listing["snapshot_id"],
            text("as_of", lang): [
                month_name(int(y), int(m), lang)
                for y, m in zip(listing["year"], listing["month"], strict=True)
            ],
            text("note", lang): listing["note"],
            text("snapshot.taken_by", lang): listing["user_name"],
            text("snapshot.taken_at", lang): listing["created_at"].dt.strftime("%Y-%m-%d %H:%M"),
            text("data_version", lang): [data_version(v, lang) for v in listing["data_version"]],
            text("rule_version", lang): [rule_version(v, lang) for v in listing["rule_version"]],
        }
    )


def data_version(version: str, lang: str) -> str:
    """'uploads:8:last#8' -> '截至上传 #8（共 8 次上传）', with the review decisions taken
    where there were any; a version these words do not know reads as nothing (a person
    cannot use the code)."""
    found = DATA_VERSION.fullmatch(version or "")
    if not found:
        return ""
    count, last = int(found[1]), int(found[2])
    if count == 0:
        return text("snapshot.no_uploads", lang)
    if found[3]:
        reviews = int(found[3])
        return text("snapshot.data_version_reviews", lang, last=last, count=count, n=reviews)
    return text("snapshot.data_version", lang, last=last, count=count)


def rule_version(version: str, lang: str) -> str:
    """'catalogue:0a094037d3fe;amount10.0-rate1.0-…' -> the catalogue's fingerprint and each
    threshold in words; a part these words do not know is shown as written."""
    catalogue, _, thresholds = (version or "").partition(";")
    parts = []
    if catalogue.startswith("catalogue:"):
        parts.append(text("snapshot.catalogue", lang, sha=catalogue.split(":", 1)[1][:6]))
    for part in filter(None, thresholds.split("-")):
        parts += _rule_words(part, lang)
    return text("snapshot.separator", lang).join(parts) or version


def _rule_words(part: str, lang: str) -> list[str]:
    found = RULE.fullmatch(part)
    if not found:
        return [part]
    name, value = found[1], found[2]
    if name == "gap" and f"snapshot.rule.gap.{value}" in TABLE:
        return [text(f"snapshot.rule.gap.{value}", lang)]
    decisive = name == "pace" and value.endswith("L")  # the last period decides
    value = value.removesuffix("L") if decisive else value
    key = f"snapshot.rule.{name}"
    words = [text(key, lang, value=_plain(value)) if key in TABLE else part]
    return words + ([text("snapshot.rule.last_period", lang)] if decisive else [])


def _plain(value: str) -> str:
    return value[:-2] if value.endswith(".0") else value


def _status(r: dict, when: str, lang: str) -> str:
    """The status words the row carried ("欠序时"), or the plain status word of an older
    snapshot's row."""
    label = r.get(f"status_label_{lang}_{when}")
    if isinstance(label, str) and label:
        return label
    s = r[f"status_{when}"]
    return "—" if missing(s) else text(f"status.{s}", lang)


def _value(v, family, unit, lang: str, target: str | None = None) -> str:
    if missing(v):
        return "—"
    if family == "milestone":
        return state_word(v, lang)
    return amount(float(v), None if missing(unit) else unit, lang, target)


def _period(r: dict, when: str, lang: str) -> str:
    """The period as the row says it ('1—10月' | 'Jan–Oct'); an older snapshot's
    '2026-01..2026-10' -> '1—10月'."""
    said = r[f"period_{when}"] if lang == "zh" else r.get(f"actual_period_en_{when}")
    iso = r[f"period_{when}"]
    found = PERIOD.fullmatch(iso) if isinstance(iso, str) else None
    if found:
        start = int(found[2])
        return period_text(start, int(found[3] or start), lang)
    return said if isinstance(said, str) and said else "—"


def changes_view(changes: pd.DataFrame, lang: str) -> pd.DataFrame:
    rows = changes.to_dict("records")
    return pd.DataFrame(
        {
            text("indicator", lang): changes[in_lang("name", lang)],
            text("change", lang): [
                joined((text(f"snapshot_change.{k}", lang) for k in c.split("+")), lang)
                for c in changes["change"]
            ],
            text("status", lang): [
                f"{_status(r, 'before', lang)} → {_status(r, 'after', lang)}" for r in rows
            ],
            text("actual", lang): [
                f"{_value(r['actual_before'], r['family'], r['unit'], lang, r.get('id'))} → "
                f"{_value(r['actual_after'], r['family'], r['unit'], lang, r.get('id'))}"
                for r in rows
            ],
            text("period", lang): [
                f"{_period(r, 'before', lang)} → {_period(r, 'after', lang)}" for r in rows
            ],
        }
    )
