"""Judgement thresholds. Defaults and the practice behind them are in the README."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    # Amount/count targets: behind the time share by at most this many points is at_risk
    # (略滞后); further behind is off_track (滞后). Cities start yellow at 10 points.
    amount_at_risk_pp: float = 10.0
    # Growth and level targets: below the bar by at most this many points is at_risk.
    rate_at_risk_pp: float = 1.0
    # "左右" has no official tolerance; half a point is how practice reads "about".
    about_tolerance_pp: float = 0.5
    # A milestone not started this many months before its due date is at_risk.
    milestone_warning_months: int = 3

    def version(self) -> str:
        return (
            f"amount{self.amount_at_risk_pp}-rate{self.rate_at_risk_pp}-"
            f"about{self.about_tolerance_pp}-ms{self.milestone_warning_months}"
        )
