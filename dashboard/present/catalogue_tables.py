"""Words and tables for the 目标目录 page: the report with its proposals highlighted, the
proposals to accept, problems by row and column, catalogues side by side, the overview."""

import html
from datetime import date

import pandas as pd

from dashboard.core.amounts import figures
from dashboard.core.explain import due_text, value_with_unit
from dashboard.core.messages import glossary, text
from dashboard.core.problems import Problem

# Highlight colours by confidence (the figure orders the review; see ingest/proposal).
SURE, CHECK = 0.85, 0.7
MARKS = {"sure": "#c8e6c9", "check": "#fff3b0", "doubt": "#ffccbc"}
BAND_WORDS = {
    "sure": "catalogue.band.sure",
    "check": "catalogue.band.check",
    "doubt": "catalogue.band.doubt",
}
EDITOR_EXTRA = "suggested_department"  # shown beside `department`, never saved


def band(confidence: float) -> str:
    if confidence >= SURE:
        return "sure"
    return "check" if confidence >= CHECK else "doubt"


def highlighted_html(report: str, rows: pd.DataFrame, lang: str) -> str:
    """The report as HTML with each proposal's clause marked, coloured by confidence and
    numbered as in the proposals table; overlapping clauses are marked once."""
    marks = sorted(
        (int(r.span_start), int(r.span_end), i + 1, float(r.confidence))
        for i, r in enumerate(rows.itertuples())
    )
    parts, pos = [], 0
    for start, end, number, confidence in marks:
        if start < pos:
            continue
        parts.append(html.escape(report[pos:start]))
        title = text("catalogue.mark_title", lang, n=number, confidence=confidence)
        parts.append(
            f'<mark style="background:{MARKS[band(confidence)]};padding:0 2px" '
            f'title="{html.escape(title)}">{html.escape(report[start:end])}'
            f"<sup>{number}</sup></mark>"
        )
        pos = end
    parts.append(html.escape(report[pos:]))
    body = "".join(parts).replace("\n", "<br>")
    return (
        '<div style="max-height:420px;overflow-y:auto;border:1px solid #ddd;'
        f'padding:8px;line-height:1.8">{body}</div>'
    )


def legend(lang: str) -> str:
    words = {b: text(key, lang) for b, key in BAND_WORDS.items()}
    return " ".join(
        f'<span style="background:{MARKS[b]};padding:0 6px">{w}</span>' for b, w in words.items()
    )


def target_text(row: dict, lang: str) -> str:
    """The target as the report words it ('3000个以上', 'about 5.5%', '5-8条'), from a row
    of text cells; a milestone by its due date."""
    comparator, unit = row["comparator"], row["unit"] or ""
    if comparator == "range" and row["target_low"] and row["target_high"]:
        low, high = float(row["target_low"]), float(row["target_high"])
        (low_s, high_s), word = figures([low, high], unit, lang, row.get("id"))
        return text("target.range", lang, low=low_s, high=high_s, unit=word)
    if comparator == "milestone":
        due = row["due_date"]
        return due_text(date.fromisoformat(due), lang) if due else ""
    if not row["target_value"]:
        return ""
    value = value_with_unit(float(row["target_value"]), unit, lang, row.get("id"))
    if comparator == "maintain":
        return text(
            "target.maintain_class" if unit == "类" else "target.maintain", lang, value=value
        )
    if comparator in ("at_least", "about", "at_most", "decrease"):
        return text(f"target.{comparator}", lang, value=value)
    return value


def proposal_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The proposals to accept, numbered as in the highlighted text."""
    records = rows.to_dict("records")
    return pd.DataFrame(
        {
            text("catalogue.accept", lang): [float(r["confidence"]) >= CHECK for r in records],
            "#": list(range(1, len(records) + 1)),
            text("indicator", lang): [r["name_zh"] for r in records],
            text("target", lang): [target_text(r, lang) for r in records],
            text("catalogue.due", lang): [r["due_date"] for r in records],
            text("catalogue.confidence", lang): [float(r["confidence"]) for r in records],
            text("catalogue.suggested_department", lang): [
                glossary("department", r["department"], lang) if r["department"] else ""
                for r in records
            ],
            text("catalogue.clause", lang): [r["source_text"] for r in records],
            text("catalogue.notes", lang): [r["notes"] for r in records],
        }
    )


def baseline_table(baselines, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            text("indicator", lang): [b.name for b in baselines],
            # as every figure is shown: '1.52万亿元' | '1.52 trillion yuan'
            text("value", lang): [value_with_unit(float(b.value), b.unit, lang) for b in baselines],
            text("catalogue.clause", lang): [b.source_text for b in baselines],
        }
    )


def problem_table(problems: list[Problem], lang: str) -> pd.DataFrame:
    """Problems by row (of the editor: the file's line minus its header) and column."""
    return pd.DataFrame(
        {
            text("row", lang): [p.row - 1 if p.row else None for p in problems],
            text("column", lang): [p.column or "" for p in problems],
            text("severity", lang): [text(f"severity.{p.severity}", lang) for p in problems],
            text("message", lang): [p.message_in(lang) for p in problems],
            text("hint", lang): [p.hint_in(lang) for p in problems],
        }
    )


def side_table(catalogue: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A catalogue in four columns, for two side by side."""
    records = catalogue.to_dict("records")
    name = "name_zh" if lang == "zh" else "name_en"
    return pd.DataFrame(
        {
            "id": [r["id"] for r in records],
            text("indicator", lang): [r[name] or r["name_zh"] for r in records],
            text("target", lang): [target_text(r, lang) for r in records],
            text("catalogue.department", lang): [
                glossary("department", r["department"], lang) if r["department"] else ""
                for r in records
            ],
        }
    )


def overview_table(overview: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per entity and year: how many targets of each kind, with a department, with figures."""
    headers = {
        "entity": text("catalogue.entity", lang),
        "year": text("catalogue.year", lang),
        "targets": text("catalogue.targets", lang),
        "with_department": text("catalogue.with_department", lang),
        "with_figures": text("catalogue.with_figures", lang),
    }
    kinds = [c for c in overview.columns if c not in headers]
    headers |= {k: text(f"target.kind.{k}", lang) for k in kinds}
    return overview.rename(columns=headers)
