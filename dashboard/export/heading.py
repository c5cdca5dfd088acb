"""The two lines every exported file starts with (kept apart from the PDF writer so that
naming them does not load fpdf)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    title: str  # "郑州市2026年目标任务进展情况"
    subtitle: str  # "数据截至2026年10月 · 快照 #3 · 2026-11-26 09:00"
