"""数据完整性: indicator × month grid (reported / missing / not due) by department."""

import streamlit as st

from dashboard.core.completeness import completeness, department_summary
from dashboard.present.completeness_tables import grid_view, styled
from dashboard.present.i18n import month_name, t
from dashboard.ui import auth, common

lang = common.lang()
w = common.ready()
auth.page(w, lang)
year, month = common.as_of_selector(w, lang)
st.title(f"{t('completeness', lang)} · {month_name(year, month, lang)}")

v = common.version(w)
targets = common.load_targets(str(w.db_path), year, v)
figures = common.load_current(str(w.db_path), year, v)
grid = completeness(targets, figures, month)

st.subheader(t("by_department", lang))
summary = department_summary(grid).rename(
    columns={
        "department": t("department", lang),
        "reported": t("reported", lang),
        "missing": t("missing", lang),
        "not_due": t("not_due", lang),
    }
)
st.dataframe(summary, hide_index=True, width="stretch")

st.subheader(t("grid", lang))
departments = ["—"] + sorted(set(grid["department"]))
only = st.selectbox(t("department", lang), departments)
shown = grid if only == "—" else grid[grid["department"] == only]
st.dataframe(
    styled(grid_view(shown, lang)),
    hide_index=True,
    width="stretch",
    height=min(40 + 35 * shown["id"].nunique(), 1400),
)
