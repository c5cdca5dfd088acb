"""Review before figures count (issue 21) as the pages show it: uploads waiting, their
figures, an uploader's own uploads with the decision and its reason."""

import pandas as pd

from dashboard.core.explain import value_with_unit
from dashboard.core.messages import Glossed, in_lang, text
from dashboard.core.milestones import state_word
from dashboard.core.periods import period_text
from dashboard.present.labels import item_value


def _departments(cell, lang: str) -> str:
    names = cell.split(";") if isinstance(cell, str) and cell else []
    return Glossed("department", tuple(names)).words(lang) or "—"


def _when(value) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d %H:%M")


def pending_view(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            text("review.column.upload", lang): frame["upload_id"].astype(int).tolist(),
            text("department", lang): [_departments(d, lang) for d in frame["departments"]],
            text("review.column.uploader", lang): frame["user_name"].tolist(),
            text("review.column.rows", lang): frame["figure_count"].astype(int).tolist(),
            text("review.column.file", lang): frame["filename"].tolist(),
            text("review.column.uploaded_at", lang): [_when(v) for v in frame["uploaded_at"]],
        }
    )


def _values(figures: pd.DataFrame, units, milestones, lang: str) -> list[str]:
    """Each figure's value with its unit; a milestone's or a named item's report is its
    state and the words it was reported with (its value is a state code, not an amount)."""
    return [
        item_value(v, words, lang)
        if milestone or isinstance(item, str)
        else value_with_unit(v, u, lang, t)
        for v, u, milestone, item, words, t in zip(
            figures["value"],
            units,
            milestones,
            figures["item"],
            figures["raw"],
            _ids(figures),
            strict=True,
        )
    ]


def _counted(figures: pd.DataFrame, lang: str) -> list[str]:
    """The value each figure would replace, as counted now ('—' for a figure that adds a
    period): a reviewer sees 44 → 46, not 46 alone."""
    units = [u or "" for u in figures["unit"]]
    states = (figures["comparator"] == "milestone") | figures["item"].notna()
    return [
        "—"
        if pd.isna(old)
        else (state_word(old, lang) if state else value_with_unit(old, u, lang, t))
        for old, u, state, t in zip(figures["counted"], units, states, _ids(figures), strict=True)
    ]


def _ids(figures: pd.DataFrame) -> list:
    """Each figure's target id (what English says it counts); none where not listed."""
    return figures["id"].tolist() if "id" in figures else [None] * len(figures)


def _with_item_names(view: pd.DataFrame, figures: pd.DataFrame, after: str, lang: str):
    """The item's name beside each row of an items target (issue 15: which school the
    reported state is of); a list without items keeps its columns."""
    if figures["item"].notna().any():
        names = [n if isinstance(n, str) else "" for n in figures["item"]]
        view.insert(view.columns.get_loc(after) + 1, text("item_col", lang), names)
    return view


def figures_view(figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """What a reviewer checks: each figure with its indicator (and item), period and unit."""
    view = pd.DataFrame(
        {
            text("review.column.row", lang): figures["source_row"].tolist(),
            text("indicator", lang): figures[in_lang("name", lang)].tolist(),
            text("review.column.period", lang): [
                period_text(int(s), int(e), lang)
                for s, e in zip(figures["period_start"], figures["period_end"], strict=True)
            ],
            text("review.column.counted", lang): _counted(figures, lang),
            text("review.column.value", lang): _values(
                figures,
                [u or "" for u in figures["unit"]],
                (figures["comparator"] == "milestone").tolist(),
                lang,
            ),
        }
    )
    return _with_item_names(view, figures, text("indicator", lang), lang)


def my_uploads_view(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """An uploader's uploads through review: the state, who decided, and why."""
    return pd.DataFrame(
        {
            text("review.column.upload", lang): frame["upload_id"].astype(int).tolist(),
            text("review.column.file", lang): frame["filename"].tolist(),
            text("review.column.uploaded_at", lang): [_when(v) for v in frame["uploaded_at"]],
            text("review.column.state", lang): [
                text(f"review.state.{s}", lang) for s in frame["review"]
            ],
            text("review.column.reviewer", lang): [
                r if isinstance(r, str) else "—" for r in frame["reviewer"]
            ],
            text("review.column.reason", lang): [
                r if isinstance(r, str) and r else "—" for r in frame["reason"]
            ],
        }
    )


def pending_figures_view(
    figures: pd.DataFrame, unit: str, lang: str, milestone: bool = False
) -> pd.DataFrame:
    """A target's figures waiting for review (the detail page shows them apart);
    `milestone`: the target's figures are states."""
    view = pd.DataFrame(
        {
            text("review.column.period", lang): [
                period_text(int(s), int(e), lang)
                for s, e in zip(figures["period_start"], figures["period_end"], strict=True)
            ],
            text("review.column.value", lang): _values(
                figures, [unit] * len(figures), [milestone] * len(figures), lang
            ),
            text("review.column.upload", lang): figures["upload_id"].astype(int).tolist(),
            text("review.column.uploader", lang): figures["user_name"].tolist(),
            text("review.column.uploaded_at", lang): [_when(v) for v in figures["uploaded_at"]],
        }
    )
    return _with_item_names(view, figures, text("review.column.period", lang), lang)
