"""The department scoreboard as a page and the bulletin show it."""

import pandas as pd

from dashboard.core.messages import in_lang, text
from dashboard.core.scoreboard import CATEGORIES
from dashboard.present.labels import department_word, gap_text, status_word


def board_view(board: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Department × category counts with headers in `lang`."""
    named = board.assign(department=[department_word(d, lang) for d in board["department"]])
    headers = {
        c: text(f"scoreboard.column.{c}", lang) for c in ["total", *CATEGORIES, "supervised"]
    }
    return named.rename(columns={"department": text("department", lang), **headers})


def drill_view(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One department's targets: the category, the status in words, the gap, 督办中."""
    records = rows.to_dict("records")
    return pd.DataFrame(
        {
            text("indicator", lang): [r[in_lang("name", lang)] for r in records],
            text("scoreboard.category", lang): [
                text(f"scoreboard.column.{r['category']}", lang) for r in records
            ],
            text("status", lang): [status_word(r, lang) for r in records],
            text("gap_points", lang): [gap_text(r, lang) or "—" for r in records],
            text("scoreboard.column.supervised", lang): [
                text("scoreboard.yes", lang) if r["supervised"] else "—" for r in records
            ],
        }
    )
