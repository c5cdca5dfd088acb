"""Judgement thresholds: a deployment setting. Defaults and their sources are in
docs/judgement-rules.md (rule 10) and the README."""

import tomllib
from dataclasses import dataclass, fields

from dashboard.core.errors import DashboardError

GAP_CONVENTIONS = ("rounded", "exact")


class BadSettings(DashboardError, ValueError):
    """The settings file names an unknown threshold or gives it a wrong value."""


@dataclass(frozen=True)
class Thresholds:
    # Flows: on_track at or above the time share; behind by at most this many points is
    # at_risk (欠序时, yellow); further behind is off_track (滞后, red). 银川's 红黄绿灯: yellow
    # 10–30 points behind (inclusive), red beyond 30; any shortfall is 欠进度 (金寨, 宣城).
    amount_at_risk_pp: float = 30.0
    # Growth and level targets: below the bar by at most this many points is at_risk.
    rate_at_risk_pp: float = 1.0
    # "左右" has no official tolerance; half a point is how practice reads "about".
    about_tolerance_pp: float = 0.5
    # A milestone not started this many months before its due date is at_risk.
    milestone_warning_months: int = 3
    # A target behind is off_track when the rest of the year needs more than this many times
    # its pace so far (our judgement), or when only one reporting period is left.
    pace_multiple: float = 2.0
    last_period_decisive: bool = True
    # 超/欠序时 from the printed shares (81.7 − 83.3 = −1.6) or the unrounded ones (97.16 −
    # 83.33 = 13.8): both are published practice.
    gap_from: str = "rounded"
    # A period's figure is due on this day of the month `publication_lag` months later.
    report_day: int = 15

    def __post_init__(self):
        if self.gap_from not in GAP_CONVENTIONS:
            raise BadSettings("error.bad_setting", name="gap_from", value=self.gap_from)
        if not 1 <= self.report_day <= 28:
            raise BadSettings("error.bad_setting", name="report_day", value=self.report_day)

    def version(self) -> str:
        return (
            f"amount{self.amount_at_risk_pp}-rate{self.rate_at_risk_pp}-"
            f"about{self.about_tolerance_pp}-ms{self.milestone_warning_months}-"
            f"pace{self.pace_multiple}{'L' if self.last_period_decisive else ''}-"
            f"gap{self.gap_from}-day{self.report_day}"
        )


def thresholds_from_toml(text: str) -> Thresholds:
    """Thresholds from a settings file's [thresholds] table; unknown names are refused."""
    try:
        table = tomllib.loads(text).get("thresholds", {})
    except tomllib.TOMLDecodeError as err:
        raise BadSettings("error.bad_settings_file", detail=str(err)) from err
    known = {f.name: f.type for f in fields(Thresholds)}
    for name, value in table.items():
        if name not in known:
            raise BadSettings("error.bad_setting", name=name, value=value)
    return Thresholds(**table)
