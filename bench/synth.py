"""Generated catalogues and figures at city and province scale (synthetic, for benchmarks)."""

import numpy as np
import pandas as pd

KINDS = [  # (kind, comparator, direction, unit, frequency, measure, target)
    ("count", "exactly", "higher", "个", "monthly", "ytd", 3000.0),
    ("amount", "at_least", "higher", "亿元", "monthly_from_feb", "ytd", 1500.0),
    ("growth", "about", "higher", "%", "monthly_from_feb", "ytd_growth", 5.0),
    ("growth", "at_least", "higher", "%", "quarterly", "ytd_growth", 5.0),
    ("share", "maintain", "higher", "%", "monthly", "level", 100.0),
    ("count", "range", "higher", "条", "monthly", "ytd", None),
    ("milestone", "milestone", "higher", "", "event", "status", None),
    ("amount", "at_least", "higher", "万吨", "monthly", "ytd", 110.0),
]


def catalogue(entities: int, indicators: int, year: int = 2026) -> pd.DataFrame:
    rows = []
    for e in range(entities):
        for i in range(indicators):
            kind, comp, direction, unit, freq, measure, target = KINDS[i % len(KINDS)]
            rows.append(
                {
                    "entity": f"区县{e:03d}",
                    "year": year,
                    "id": f"ind_{i:04d}",
                    "section": f"领域{i % 12}",
                    "department": f"部门{i % 25}",
                    "name_zh": f"指标{i:04d}",
                    "name_en": f"Indicator {i}",
                    "kind": kind,
                    "comparator": comp,
                    "direction": direction,
                    "unit": unit,
                    "frequency": freq,
                    "measure": measure,
                    "target_value": target,
                    "target_low": 5.0 if comp == "range" else None,
                    "target_high": 8.0 if comp == "range" else None,
                    "due_date": pd.Timestamp(year, 10, 31) if comp == "milestone" else None,
                    "tolerance_pp": None,
                    "aliases": "",
                    "source_text": "synthetic",
                    "baseline_value": None,
                    "baseline_unit": "",
                    "baseline_growth_pct": None,
                }
            )
    return pd.DataFrame(rows)


def figures(targets: pd.DataFrame, months: int = 12, seed: int = 7) -> pd.DataFrame:
    """One figure per target and month (len(targets) × months rows)."""
    rng = np.random.default_rng(seed)
    n = len(targets)
    month = np.tile(np.arange(1, months + 1), n)
    idx = np.repeat(np.arange(n), months)
    measure = targets["measure"].to_numpy()[idx]
    target = targets["target_value"].fillna(6.0).to_numpy()[idx]
    noise = rng.normal(1.0, 0.15, n * months)
    value = np.where(
        measure == "ytd",
        target * month / 12 * noise,
        np.where(
            measure == "ytd_growth",
            5.0 * noise,
            np.where(
                measure == "status",
                np.minimum(month // 4, 2),
                100.0 - (rng.random(n * months) < 0.01),
            ),
        ),
    )
    basis = np.where(measure == "ytd", "ytd", np.where(measure == "ytd_growth", "ytd", "level"))
    start = np.where(basis == "ytd", 1, month)
    return pd.DataFrame(
        {
            "entity": targets["entity"].to_numpy()[idx],
            "year": 2026,
            "id": targets["id"].to_numpy()[idx],
            "period_start": start.astype("int8"),
            "period_end": month.astype("int8"),
            "basis": basis,
            "value": value,
        }
    )


def long_csv(rows: int, targets: pd.DataFrame) -> bytes:
    """A long-layout upload of `rows` figures for the Zhengzhou catalogue's ledger targets."""
    ledgers = targets[(targets["measure"] == "ytd") & (targets["frequency"] == "monthly")]
    names = ledgers["name_zh"].tolist()
    units = ledgers["unit"].tolist()
    lines = ["指标,时期,数值,单位"]
    for r in range(rows):
        k = r % len(names)
        month = 1 + (r // len(names)) % 10
        lines.append(f"{names[k]},2026年{month}月,{(r % 997) * 1.5 + 1:.1f},{units[k]}")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


LEDGERS = [
    ("新建电动汽车公共充电桩", "个", 3000.0),
    ("新建改造供水管网", "公里", 40.0),
    ("新增绿地", "万平方米", 100.0),
    ("工业投资完成", "亿元", 1500.0),
    ("新增城镇就业", "万人", 12.9),
]


def ingest_catalogue(entities: int = 2000) -> pd.DataFrame:
    """Ledger targets for many reporting entities (districts), valid targets.csv rows."""
    from dashboard.core.vocab import TARGET_COLUMNS

    rows = []
    for e in range(entities):
        for i, (name, unit, target) in enumerate(LEDGERS):
            rows.append(
                {
                    "id": f"ledger_{i}",
                    "entity": f"区县{e:04d}",
                    "year": 2026,
                    "section": "优化提升",
                    "name_zh": name,
                    "name_en": f"Ledger {i}",
                    "kind": "amount",
                    "comparator": "at_least",
                    "direction": "higher",
                    "target_value": target,
                    "unit": unit,
                    "frequency": "monthly",
                    "measure": "ytd",
                    "department": "部门",
                    "source_text": "synthetic",
                }
            )
    return pd.DataFrame(rows).reindex(columns=TARGET_COLUMNS)


def ingest_rows(n: int, first_entity: int = 0) -> list[list]:
    """n unique figures: entity × indicator × month, units that need converting."""
    rows, per_entity = [], len(LEDGERS) * 10
    for r in range(n):
        e, rest = divmod(r, per_entity)
        e += first_entity
        i, m = divmod(rest, 10)
        name, unit, target = LEDGERS[i]
        value = target * (m + 1) / 12
        cell = f"{value * 10000:,.0f}" if unit == "万人" else f"{value:.2f}"
        rows.append(
            [f"区县{e:04d}", name, f"2026年{m + 1}月", cell, "人" if unit == "万人" else unit]
        )
    return rows


def rows_to_csv(rows: list[list]) -> bytes:
    lines = ["地区,指标,时期,数值,单位"] + [
        ",".join(f'"{c}"' if "," in c else c for c in r) for r in rows
    ]
    return ("\r\n".join(lines) + "\r\n").encode("gbk")


def rows_to_xlsx(rows: list[list]) -> bytes:
    import io

    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["地区", "指标", "时期", "数值", "单位"])
    for r in rows:
        sheet.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
