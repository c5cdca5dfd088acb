"""Entities ranked on a shared indicator, and counted by category, as the 部门考评 page
shows them (issue 21)."""

import pandas as pd

from dashboard.core.entity_ranking import rankings
from dashboard.core.explain import pct
from dashboard.core.messages import glossary, in_lang, text
from dashboard.core.scoreboard import CATEGORIES
from dashboard.present.labels import actual_text, gap_text, status_word


def ranking_view(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rank, entity, the figure with its unit, completion, the gap in points, status."""
    records = rows.to_dict("records")
    return pd.DataFrame(
        {
            text("ranking.rank", lang): [
                text("ranking.not_ranked", lang) if pd.isna(r["rank"]) else str(int(r["rank"]))
                for r in records
            ],
            text("ranking.entity", lang): [glossary("entity", r["entity"], lang) for r in records],
            text("actual", lang): [actual_text(r, lang) for r in records],
            text("completion_pct", lang): [
                "—" if pd.isna(r["completion_pct"]) else f"{pct(r['completion_pct'])}%"
                for r in records
            ],
            text("ranking.gap", lang): [gap_text(r, lang) or "—" for r in records],
            text("status", lang): [status_word(r, lang) for r in records],
        }
    )


def rankings_export(progress: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every shared indicator's ranking (`ranking_view`), each row under the indicator's
    name: the XLSX bulletin's sheet. Empty where no two areas share a target."""
    rows = rankings(progress)
    view = ranking_view(rows, lang)
    view.insert(0, text("ranking.indicator", lang), rows[in_lang("name", lang)].tolist())
    return view


def entity_board_view(board: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Entity × category counts of the shared indicators, headers in `lang`."""
    headers = {
        c: text(f"scoreboard.column.{c}", lang) for c in ["total", *CATEGORIES, "supervised"]
    }
    named = board.assign(entity=[glossary("entity", e, lang) for e in board["entity"]])
    return named.rename(columns={"entity": text("ranking.entity", lang), **headers})
