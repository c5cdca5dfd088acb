"""Tables for the upload page: the preview of what will be stored, and problems by row."""

import pandas as pd

from dashboard.core.explain import num
from dashboard.core.periods import period_zh
from dashboard.core.problems import Problem
from dashboard.present.i18n import t


def preview_table(figures: pd.DataFrame, targets: pd.DataFrame, lang: str) -> pd.DataFrame:
    info = targets.set_index("id")
    name = "name_zh" if lang == "zh" else "name_en"
    return pd.DataFrame(
        {
            t("row", lang): figures["source_row"],
            t("indicator", lang): [
                info.at[i, name] if i in info.index else i for i in figures["id"]
            ],
            t("period", lang): [
                f"{y} {period_zh(int(s), int(e))}"
                for y, s, e in zip(
                    figures["year"], figures["period_start"], figures["period_end"], strict=True
                )
            ],
            t("value", lang): [
                f"{num(v)}{info.at[i, 'unit'] if i in info.index else ''}"
                for v, i in zip(figures["value"], figures["id"], strict=True)
            ],
            t("change", lang): [t(c, lang) for c in figures["change"]],
        }
    )


def problem_table(problems: list[Problem], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("file", lang): [p.file for p in problems],
            t("row", lang): [p.row for p in problems],
            t("column", lang): [p.column for p in problems],
            t("severity", lang): [t(p.severity, lang) for p in problems],
            t("message", lang): [p.message for p in problems],
            t("hint", lang): [p.hint for p in problems],
        }
    )
