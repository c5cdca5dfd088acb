"""Export buttons for a progress frame (live or a snapshot). CSV and XLSX are made when
their button is pressed; PDF and PNG take seconds, so they are made first with a progress
bar naming each stage, then offered for download."""

import hashlib
from datetime import datetime

import pandas as pd
import streamlit as st

from dashboard.core.access import User
from dashboard.core.messages import text
from dashboard.services import audit_log, exporting
from dashboard.services.database import connect
from dashboard.services.workspace import Workspace
from dashboard.ui import common

SLOW = ("pdf", "png")


def buttons(
    w: Workspace,
    user: User | None,
    frame: pd.DataFrame,
    year: int,
    month: int,
    lang: str,
    *,
    now: datetime | None = None,
    snapshot: dict | None = None,
    key: str = "overview",
    supervision: list[str] = (),
    supervised: frozenset[tuple[str, str]] = frozenset(),
    **detail,
) -> None:
    head = exporting.heading(frame, year, month, lang, snapshot, now)
    name = user.name if user else "anonymous"
    stem = f"snapshot_{snapshot['snapshot_id']}_" if snapshot else "progress_"
    stem += f"{year}-{month:02d}"
    if detail.get("entity"):  # one entity among several: the file says whose it is
        stem = f"{detail['entity']}_{stem}"
    wanted = _signature(frame, year, month, lang)
    detail = {"as_of": f"{year}-{month:02d}", **detail}
    bar = None
    with st.container(horizontal=True, gap="small", key=f"exports_{key}"):
        for fmt, mime in exporting.FORMATS.items():
            cannot = exporting.unavailable(fmt)
            help_text = None if cannot is None else cannot.text(lang)
            made = st.session_state.get(f"made_{key}_{fmt}")
            if fmt not in SLOW or (made and made[0] == wanted):
                data = (
                    made[1]
                    if fmt in SLOW
                    else common.audited_export(
                        w,
                        name,
                        frame,
                        fmt,
                        head,
                        lang,
                        items_of=None if snapshot else (year, month),
                        snapshot_items=int(snapshot["snapshot_id"]) if snapshot else None,
                        **detail,
                    )
                )
                st.download_button(
                    text("export_format", lang, format=fmt.upper()),
                    data,
                    f"{stem}.{fmt}",
                    mime,
                    key=f"dl_{key}_{fmt}",
                    icon=":material/download:",
                    disabled=frame.empty or cannot is not None,
                    help=help_text,
                )
            elif st.button(
                text("make_format", lang, format=fmt.upper()),
                key=f"make_{key}_{fmt}",
                icon=":material/picture_as_pdf:" if fmt == "pdf" else ":material/image:",
                disabled=frame.empty or cannot is not None,
                help=help_text,
            ):
                bar = fmt
    if bar:
        _make(w, name, frame, bar, head, lang, key, wanted, detail, (supervision, supervised))


def _make(w, name, frame, fmt, head, lang, key, wanted, detail, marks=((), frozenset())) -> None:
    """Build a slow export with a progress bar, keep it for the download button."""
    progress = st.progress(0.0, text=text("export.stage.prepare", lang))

    def stage(done: float, what: str) -> None:
        progress.progress(done, text=f"{fmt.upper()} · {text(what, lang)}")

    open_items, supervised = marks
    data = exporting.export_bytes(
        frame, fmt, head, lang, stage, supervision=open_items, supervised=supervised
    )
    with connect(w.db_path) as con:
        audit_log.record(w, con, name, "export", fmt, **detail)
    progress.progress(1.0, text=text("export.stage.done", lang, format=fmt.upper()))
    st.session_state[f"made_{key}_{fmt}"] = (wanted, data)
    st.rerun()


SHOWN = ["entity", "id", "status", "actual", "actual_end", "gap_pp", "reason", "measures"]


def _signature(frame: pd.DataFrame, year: int, month: int, lang: str) -> str:
    """What a made file shows: another filter, month, language, figure or comment makes it
    stale (not the database's own writes, such as the audit record of making it)."""
    shown = frame[[c for c in SHOWN if c in frame]].astype(str).to_csv(index=False)
    return hashlib.sha256(f"{shown}|{year}-{month}|{lang}".encode()).hexdigest()
