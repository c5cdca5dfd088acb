"""Tables and numbers for the indicator detail page (no Streamlit here)."""

import pandas as pd

from dashboard.core.explain import missing, num, pct, value_with_unit
from dashboard.core.periods import period_zh
from dashboard.present.i18n import METHODS, pick, t
from dashboard.present.labels import caption, headline, target_text


def metric_rows(r: dict, lang: str) -> list[tuple[str, str]]:
    """Label/value pairs shown as metrics; every number carries its unit."""
    if r["family"] in ("flow", "rate", "maintain") and not missing(r["actual"]):
        rows = [
            (t("actual", lang), value_with_unit(float(r["actual"]), r["unit"] or "")),
            (t("target", lang), target_text(r)),
        ]
    else:
        rows = [(t("actual", lang), headline(r, lang)), (t("target", lang), caption(r, lang))]
    if r["family"] == "flow" and not missing(r["completion_pct"]):
        rows += [
            (t("completion", lang), f"{pct(r['completion_pct'])}%"),
            (t("time_share", lang), f"{pct(r['time_share_pct'])}%"),
            (t("gap", lang), f"{r['gap_pp']:+.1f}"),
        ]
    elif r["family"] == "rate" and not missing(r["gap_pp"]):
        rows.append((t("gap", lang), f"{r['gap_pp']:+.1f}"))
    if not missing(r.get("seasonal_share_pct")):
        rows.append((t("expected_seasonal", lang), f"{pct(r['seasonal_share_pct'])}%"))
    return rows


def pace_lines(r: dict, lang: str) -> list[str]:
    """Required pace (with the weights used) and the projected year end, in words."""
    lines = []
    if not missing(r["required_pace"]):
        unit = (
            "%"
            if r["family"] == "rate"
            else f"{r['unit']}/月"
            if lang == "zh"
            else f"{r['unit']} per month"
        )
        weights = (
            f" · {t('weights', lang)}: {pick(METHODS[r['weights_basis']], lang)}"
            if r["weights_basis"]
            else ""
        )
        lines.append(f"{t('pace', lang)}: {num(r['required_pace'])} {unit}{weights}")
    if r["family"] == "flow" and not missing(r["projected"]) and r["target"]:
        lines.append(
            f"{t('projected', lang)}: {num(r['projected'])}{r['unit']} "
            f"({pick(METHODS[r['projected_method']], lang)}) · "
            f"{pct(r['projected'] / r['target'] * 100)}%"
        )
    return lines


def history_view(history: pd.DataFrame, unit: str, lang: str) -> pd.DataFrame:
    """Every stored figure, newest first per period, with its upload and source row."""
    if history.empty:
        return pd.DataFrame()
    return pd.DataFrame(
        {
            t("period", lang): [
                period_zh(int(s), int(e))
                for s, e in zip(history["period_start"], history["period_end"], strict=True)
            ],
            t("value", lang): [f"{num(v)}{unit or ''}" for v in history["value"]],
            t("current", lang): ["✔" if c else "" for c in history["current"]],
            t("file", lang): [
                f"#{u} {f} (行{r})" if lang == "zh" else f"#{u} {f} (row {r})"
                for u, f, r in zip(
                    history["upload_id"], history["filename"], history["source_row"], strict=True
                )
            ],
            t("uploaded_by", lang): history["user_name"],
            t("uploaded_at", lang): history["uploaded_at"].dt.strftime("%Y-%m-%d %H:%M"),
        }
    )


def comments_view(comments: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("month_col", lang): comments["month"],
            t("reason", lang): comments["reason"],
            t("measures", lang): comments["measures"],
            t("user", lang): comments["user_name"],
            t("uploaded_at", lang): comments["created_at"].dt.strftime("%Y-%m-%d %H:%M"),
        }
    )
