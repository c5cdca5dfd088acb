"""The completeness grid as a wide table with a symbol and word per cell."""

import pandas as pd

from dashboard.core.messages import in_lang, text
from dashboard.present.labels import department_word

SYMBOL = {"reported": "✔", "missing": "✖", "not_due": "·"}
COLOR = {"reported": "#dafbe1", "missing": "#ffebe9", "not_due": "#f6f8fa"}


def grid_view(grid: pd.DataFrame, lang: str) -> pd.DataFrame:
    name = in_lang("name", lang)
    cells = grid.assign(
        cell=[f"{SYMBOL[s]} {text('completeness.' + s, lang)}" for s in grid["state"]]
    )
    wide = cells.pivot_table(
        index=["department", name], columns="month", values="cell", aggfunc="first", sort=False
    )
    wide.columns = [text("grid.month", lang, month=m) for m in wide.columns]
    wide = wide.reset_index().sort_values(["department"], kind="stable")
    wide["department"] = [department_word(d, lang) for d in wide["department"]]
    # the name first and the department last: on a phone the months come next to the name
    wide = wide[[name, *[c for c in wide.columns if c not in (name, "department")], "department"]]
    return wide.rename(
        columns={"department": text("department", lang), name: text("indicator", lang)}
    )


def summary_view(summary: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Figures reported, missing and not due per department, with headers in `lang`."""
    states = {s: text(f"completeness.{s}", lang) for s in SYMBOL}
    summary = summary.assign(department=[department_word(d, lang) for d in summary["department"]])
    return summary.rename(columns={"department": text("department", lang), **states})


def styled(wide: pd.DataFrame):
    def color(value):
        for state, symbol in SYMBOL.items():
            if isinstance(value, str) and value.startswith(symbol):
                return f"background-color: {COLOR[state]}"
        return ""

    return wide.style.map(color)
