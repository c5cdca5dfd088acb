"""seasonal_profiles.csv -> last year's cumulative share of the annual total, by month."""

import csv
import io

import pandas as pd

from dashboard.core.problems import CatalogueError, Problem

COLUMNS = ["entity", "id", "month", "share_pct", "source"]


def parse_profiles(text: str, file: str = "seasonal_profiles.csv") -> pd.DataFrame:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    rows, problems = [], []
    for row in reader:
        try:
            month, share = int(row["month"]), float(row["share_pct"])
        except (KeyError, TypeError, ValueError):
            problems.append(
                Problem(
                    file,
                    reader.line_num,
                    "month",
                    "profile.not_numbers",
                    "hint.profile_numbers",
                )
            )
            continue
        if not (1 <= month <= 12 and 0 <= share <= 100):
            problems.append(
                Problem(
                    file,
                    reader.line_num,
                    "share_pct",
                    "profile.out_of_range",
                    "hint.profile_range",
                )
            )
            continue
        rows.append(
            {
                "entity": row["entity"],
                "id": row["id"],
                "month": month,
                "share_pct": share,
                "source": row.get("source", ""),
            }
        )
    if problems:
        raise CatalogueError(problems)
    return pd.DataFrame(rows, columns=COLUMNS)
