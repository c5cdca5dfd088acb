"""The completeness grid as a wide table with a symbol and word per cell."""

import pandas as pd

from dashboard.present.i18n import COMPLETENESS, pick, t

SYMBOL = {"reported": "✔", "missing": "✖", "not_due": "·"}
COLOR = {"reported": "#dafbe1", "missing": "#ffebe9", "not_due": "#f6f8fa"}


def grid_view(grid: pd.DataFrame, lang: str) -> pd.DataFrame:
    name = "name_zh" if lang == "zh" else "name_en"
    cells = grid.assign(cell=[f"{SYMBOL[s]} {pick(COMPLETENESS[s], lang)}" for s in grid["state"]])
    wide = cells.pivot_table(
        index=["department", name], columns="month", values="cell", aggfunc="first", sort=False
    )
    wide.columns = [f"{m}月" if lang == "zh" else f"M{m}" for m in wide.columns]
    wide = wide.reset_index().sort_values(["department"], kind="stable")
    return wide.rename(columns={"department": t("department", lang), name: t("indicator", lang)})


def styled(wide: pd.DataFrame):
    def color(value):
        for state, symbol in SYMBOL.items():
            if isinstance(value, str) and value.startswith(symbol):
                return f"background-color: {COLOR[state]}"
        return ""

    return wide.style.map(color)
