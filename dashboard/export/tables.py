"""The export table: Chinese headers, units beside numbers, formula injection neutralised."""

import pandas as pd

from dashboard.core.amounts import scale
from dashboard.core.explain import shown_projection, shown_status
from dashboard.core.formulas import neutralise
from dashboard.core.messages import glossary, in_lang, text
from dashboard.core.palette import TILE_ORDER, tile_key, tiles

# (column in the progress frame, kind); headers are the messages export.column.<column>
COLUMNS = [
    ("section", "text"),
    ("name_zh", "text"),
    ("name_en", "text"),
    ("department", "text"),
    ("unit", "text"),
    ("target", "number"),
    ("target_low", "number"),
    ("target_high", "number"),
    ("actual", "number"),
    ("actual_period", "text"),
    ("last_year_actual", "number"),
    ("completion_pct", "number"),
    ("time_share_pct", "number"),
    ("gap_pp", "number"),
    ("required_pace", "number"),
    ("projected", "number"),
    ("status_label", "text"),
    ("explanation", "text"),
    ("reason", "text"),
    ("measures", "text"),
    # items targets: the named items not done, and those past their due date
    ("items_open", "text"),
    ("items_overdue_names", "text"),
    ("entity", "text"),  # whose targets: a CSV passed on must say so (city or district)
]


def header(column: str, lang: str) -> str:
    return text(f"export.column.{column}", lang)


def export_table(progress: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    frame = progress.copy()
    frame["status_label"] = [shown_status(r, lang) for r in frame.to_dict("records")]
    frame["explanation"] = frame[in_lang("explanation", lang)]
    frame["section"] = [glossary("section", v, lang) for v in frame["section"]]
    if "entity" not in frame:  # a snapshot taken before entities were kept
        frame["entity"] = None
    frame["entity"] = [None if pd.isna(v) else glossary("entity", v, lang) for v in frame["entity"]]
    frame["department"] = [glossary("department", v, lang) for v in frame["department"]]
    if "projected" in frame:  # as the detail page says it (约7条; none for named items)
        frame["projected"] = [shown_projection(r) for r in frame.to_dict("records")]
    _in_readers_unit(frame, lang)
    if "family" in frame:  # a milestone's figure is its state's code (2 = done): 状态 says
        # it, and the figure columns stay numbers for whoever reads the file with a script
        milestone = frame["family"] == "milestone"
        frame.loc[milestone, "actual"] = None
        if "last_year_actual" in frame:
            frame.loc[milestone, "last_year_actual"] = None
    # older snapshots lack some
    for col in ("reason", "measures", "last_year_actual", "items_open", "items_overdue_names"):
        if col not in frame:
            frame[col] = None
    out = pd.DataFrame({header(col, lang): frame[col] for col, _ in COLUMNS})
    for col, kind in COLUMNS:
        name = header(col, lang)
        if kind == "text":
            out[name] = [None if pd.isna(v) else neutralise(str(v)) for v in out[name]]
        else:
            out[name] = pd.to_numeric(out[name], errors="coerce")
    return out


# The columns that hold figures in the target's unit (the rest are percentages and points).
UNIT_COLUMNS = (
    "target",
    "target_low",
    "target_high",
    "actual",
    "last_year_actual",
    "required_pace",
    "projected",
)


def _in_readers_unit(frame: pd.DataFrame, lang: str) -> None:
    """Each row's unit as its reader writes it, and its figures in that unit: English has
    no 万 or 亿, so 110万吨 is exported as 1.1 with 'million t' (core/amounts)."""
    read_with = [c for c in ("target", "target_low", "target_high", "actual") if c in frame]
    scales = [
        None
        if pd.isna(row["unit"])
        else scale(row["unit"], lang, [row[c] for c in read_with if not pd.isna(row[c])], row["id"])
        for row in frame.to_dict("records")
    ]
    for c in (c for c in UNIT_COLUMNS if c in frame):
        frame[c] = [
            v if s is None or pd.isna(v) or s.factor == 1 else s.value(float(v))
            for v, s in zip(frame[c], scales, strict=True)
        ]
    frame["unit"] = [None if s is None else s.word for s in scales]


def status_summary(progress: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Counts by tile (超序时 and 达序时 apart), overall and per section (counted, never
    averaged)."""
    label = {s: text(tile_key(s), lang) for s in TILE_ORDER}
    sections = pd.Series([glossary("section", v, lang) for v in progress["section"]])
    table = pd.crosstab(sections.values, tiles(progress).values).reindex(
        columns=list(TILE_ORDER), fill_value=0
    )
    table = table.reindex(list(dict.fromkeys(sections)))
    table.loc[text("export.total", lang)] = table.sum()
    table = table.rename(columns=label).rename_axis(header("section", lang)).reset_index()
    table.columns.name = None
    return table
