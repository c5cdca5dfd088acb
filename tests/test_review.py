"""Review before figures count (issue 21, DASHBOARD_REVIEW=1): pending uploads, approval
and rejection by a reviewer of the department or an admin, what counts meanwhile, and the
same states after a rebuild from the journal."""

import json
import os
import subprocess
import sys

import pytest

from dashboard.services import accounts, journal
from dashboard.services.database import open_store, rebuild
from dashboard.store import audit
from dashboard.store import figures as store_figures
from tests.conftest import PASSWORD, add_accounts
from tests.files import csv_bytes

REVIEW = {"DASHBOARD_REVIEW": "1"}


def run(ws, *args, env=None):
    cmd = [sys.executable, "-m", "dashboard", *args, "--db", str(ws.db_path)]
    full_env = {**os.environ, "DASHBOARD_DATA": str(ws.data_dir), **(env or {})}
    full_env.pop("DASHBOARD_REVIEW", None)
    full_env.update(env or {})
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, timeout=180)


def ev_chargers(ws, value: str, name: str):
    path = ws.data_dir.parent / name
    path.write_bytes(csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年1-11月", value]]))
    return path


def ev_row(ws, env=None) -> dict:
    out = run(
        ws, "progress", "--as-of", "2026-11", "--today", "2026-12-20", "--format", "json", env=env
    )
    assert out.returncode == 0, out.stderr
    return next(r for r in json.loads(out.stdout) if r["id"] == "ev_chargers")


@pytest.fixture
def reviewed_ws(sample_ws):
    add_accounts(sample_ws)
    path = accounts.users_path(sample_ws.data_dir)
    accounts.add_user(path, "fgw_check", PASSWORD, "reviewer", ["市发展改革委"])
    accounts.add_user(path, "cgj_check", PASSWORD, "reviewer", ["市城市管理局"])
    return sample_ws


@pytest.mark.both_engines
def test_an_upload_waits_is_rejected_with_a_reason_then_another_is_approved(reviewed_ws):
    ws = reviewed_ws
    first = run(
        ws,
        "ingest",
        str(ev_chargers(ws, "2700", "nov.csv")),
        "--user",
        "fgw",
        "--today",
        "2026-12-05",
        env=REVIEW,
    )
    assert first.returncode == 0, first.stderr
    upload_id = _last_upload(ws)
    assert first.stderr.splitlines() == [
        f"upload #{upload_id} (nov.csv): 1 figure(s) wait for review before they count"
    ]
    # pending: not counted; the progress still reads October's figure
    assert (ev_row(ws, REVIEW)["actual"], ev_row(ws, REVIEW)["actual_period"]) == (2450, "1—10月")
    listed = run(ws, "review", "list", "--format", "csv", env=REVIEW)
    rows = listed.stdout.splitlines()
    assert rows[0] == "upload_id,departments,uploader,rows,filename,uploaded_at"
    assert rows[1].startswith(f"{upload_id},市发展改革委,fgw,1,nov.csv,2026-")
    assert len(rows) == 2
    # who may not decide: the uploader, another department's reviewer, a viewer
    own = run(ws, "review", "approve", str(upload_id), "--user", "fgw", env=REVIEW)
    assert own.returncode == 1
    assert own.stderr == (
        f"error: fgw cannot review their own upload #{upload_id}: another reviewer of the "
        "department or an admin must\n"
    )
    viewer = run(ws, "review", "approve", str(upload_id), "--user", "guest", env=REVIEW)
    assert viewer.stderr == (
        "error: guest is neither a reviewer of Development and Reform Commission nor an admin\n"
    )
    other = run(ws, "review", "approve", str(upload_id), "--user", "cgj_check", env=REVIEW)
    assert other.returncode == 1
    assert (
        "cgj_check is neither a reviewer of Development and Reform Commission nor an admin"
        in other.stderr
    )
    bare = run(
        ws, "review", "reject", str(upload_id), "--reason", " ", "--user", "fgw_check", env=REVIEW
    )
    assert bare.returncode == 1 and "A rejection needs a reason" in bare.stderr
    rejected = run(
        ws,
        "review",
        "reject",
        str(upload_id),
        "--reason",
        "11月数应为累计数",
        "--user",
        "fgw_check",
        env=REVIEW,
    )
    assert rejected.returncode == 0, rejected.stderr
    assert rejected.stdout.startswith(f"upload #{upload_id} rejected (journal #")
    again = run(ws, "review", "approve", str(upload_id), "--user", "admin", env=REVIEW)
    assert again.returncode == 1
    assert f"Upload #{upload_id} is not waiting for review (rejected)" in again.stderr
    assert ev_row(ws, REVIEW)["actual"] == 2450
    assert run(ws, "review", "list", "--format", "json", env=REVIEW).stdout.strip() == "[]"

    second = run(
        ws,
        "ingest",
        str(ev_chargers(ws, "2710", "nov2.csv")),
        "--user",
        "fgw",
        "--today",
        "2026-12-05",
        env=REVIEW,
    )
    assert second.returncode == 0, second.stderr
    approved = run(ws, "review", "approve", str(upload_id + 1), "--user", "fgw_check", env=REVIEW)
    assert approved.returncode == 0, approved.stderr
    assert (ev_row(ws, REVIEW)["actual"], ev_row(ws, REVIEW)["actual_period"]) == (2710, "1—11月")

    with open_store(ws) as con:
        log = audit.entries(con)
        states = _states(con)
    decided = log[log["action"] == "review"]
    assert list(zip(decided["user_name"], decided["outcome"], strict=True)) == [
        ("fgw_check", "rejected"),
        ("fgw_check", "approved"),
    ]
    assert json.loads(decided["detail"].iloc[0]) == {
        "reason": "11月数应为累计数",
        "upload_id": upload_id,
        "uploader": "fgw",
    }
    assert states == [(upload_id, "rejected"), (upload_id + 1, "approved")]
    # the journal is the truth: a rebuilt database has the same review states and figures
    rebuild(ws)
    with open_store(ws) as con:
        assert _states(con) == states
    assert ev_row(ws, REVIEW)["actual"] == 2710


@pytest.mark.both_engines
def test_a_rejected_file_sent_again_waits_for_review_again(reviewed_ws):
    """The same bytes after a rejection were answered "identical to upload #N; nothing
    changed": the rejected figures, which never counted, blocked the file for good."""
    ws = reviewed_ws
    path = ev_chargers(ws, "2700", "nov.csv")
    ingest = ("ingest", str(path), "--user", "fgw", "--today", "2026-12-05")
    assert run(ws, *ingest, env=REVIEW).returncode == 0
    first = _last_upload(ws)
    reason = ("--reason", "请核实", "--user", "fgw_check")
    assert run(ws, "review", "reject", str(first), *reason, env=REVIEW).returncode == 0
    again = run(ws, *ingest, env=REVIEW)
    assert again.returncode == 0, again.stderr
    assert again.stderr.splitlines() == [
        f"upload #{first + 1} (nov.csv): 1 figure(s) wait for review before they count"
    ]
    # while it waits, the identical file is that upload
    same = run(ws, *ingest, env=REVIEW).stderr
    assert same == f"nov.csv: identical to upload #{first + 1} (nov.csv); nothing changed\n"
    approved = run(ws, "review", "approve", str(first + 1), "--user", "fgw_check", env=REVIEW)
    assert approved.returncode == 0, approved.stderr
    assert ev_row(ws, REVIEW)["actual"] == 2700
    with open_store(ws) as con:
        assert _states(con) == [(first, "rejected"), (first + 1, "approved")]


@pytest.mark.both_engines
def test_an_admin_upload_counts_at_once_and_an_admin_may_approve(reviewed_ws):
    ws = reviewed_ws
    out = run(
        ws,
        "ingest",
        str(ev_chargers(ws, "2700", "nov.csv")),
        "--user",
        "admin",
        "--today",
        "2026-12-05",
        env=REVIEW,
    )
    assert out.returncode == 0 and out.stderr == ""
    assert ev_row(ws, REVIEW)["actual"] == 2700
    run(
        ws,
        "ingest",
        str(ev_chargers(ws, "2720", "nov2.csv")),
        "--user",
        "fgw_check",
        "--today",
        "2026-12-05",
        env=REVIEW,
    )
    pending_id = _last_upload(ws)
    own = run(ws, "review", "approve", str(pending_id), "--user", "fgw_check", env=REVIEW)
    assert own.returncode == 1
    assert f"fgw_check cannot review their own upload #{pending_id}" in own.stderr
    assert ev_row(ws, REVIEW)["actual"] == 2700
    assert (
        run(ws, "review", "approve", str(pending_id), "--user", "admin", env=REVIEW).returncode == 0
    )
    assert ev_row(ws, REVIEW)["actual"] == 2720


@pytest.mark.both_engines
def test_without_review_every_upload_counts_and_nothing_is_pending(reviewed_ws):
    ws = reviewed_ws
    out = run(
        ws,
        "ingest",
        str(ev_chargers(ws, "2700", "nov.csv")),
        "--user",
        "fgw",
        "--today",
        "2026-12-05",
    )
    assert out.returncode == 0 and out.stderr == ""
    assert ev_row(ws)["actual"] == 2700
    assert run(ws, "review", "list").stdout.splitlines()[2:] == []
    with open_store(ws) as con:
        lines = journal.raw_lines(ws, con)
    assert all(json.loads(line)["v"] == 1 for line in lines)  # nothing a version-1 reader lacks


@pytest.mark.both_engines
def test_a_pending_upload_is_a_version_2_line(reviewed_ws):
    ws = reviewed_ws
    run(
        ws,
        "ingest",
        str(ev_chargers(ws, "2700", "nov.csv")),
        "--user",
        "fgw",
        "--today",
        "2026-12-05",
        env=REVIEW,
    )
    with open_store(ws) as con:
        last = json.loads(journal.raw_lines(ws, con)[-1])
    assert (last["v"], last["kind"], last["data"]["review"]) == (2, "upload", "pending")
    assert last["audit"]["detail"]["review"] == "pending"


def _ev_figures(con) -> dict[str, list]:
    """ev_chargers' 2026 figures as judging (the reduced SQL), the current_figures view
    and the table itself hold them: (period_end, value)."""

    def pairs(frame):
        frame = frame[frame["id"] == "ev_chargers"].sort_values(["period_end", "value"])
        return list(zip(frame["period_end"].astype(int), frame["value"], strict=True))

    stored = con.execute("SELECT * FROM figures WHERE year = 2026").df()
    return {
        "judged": pairs(store_figures.judged_figures(con, 2026, 11)),
        "current": pairs(store_figures.current_figures(con, 2026)),
        "stored": pairs(stored),
    }


@pytest.mark.both_engines
def test_figures_under_review_are_left_out_by_every_read(reviewed_ws):
    """The reduction that progress reads (judged_figures, in SQL) leaves a pending or a
    rejected upload's figures out, as the current_figures view does; approved, they count."""
    ws = reviewed_ws
    ingest = ["ingest", "--user", "fgw", "--today", "2026-12-05"]
    assert run(ws, *ingest, str(ev_chargers(ws, "2700", "a.csv")), env=REVIEW).returncode == 0
    first = _last_upload(ws)
    with open_store(ws) as con:
        held = _ev_figures(con)
    assert held["judged"] == [(10, 2450.0)]  # the latest year-to-date figure before it
    assert (11, 2700.0) not in held["current"]
    assert (11, 2700.0) in held["stored"]  # kept, for the reviewer
    reject = ["review", "reject", str(first), "--reason", "累计数有误", "--user", "admin"]
    assert run(ws, *reject, env=REVIEW).returncode == 0
    with open_store(ws) as con:
        assert _ev_figures(con) == held
    assert run(ws, *ingest, str(ev_chargers(ws, "2710", "b.csv")), env=REVIEW).returncode == 0
    approve = ["review", "approve", str(first + 1), "--user", "fgw_check"]
    assert run(ws, *approve, env=REVIEW).returncode == 0
    with open_store(ws) as con:
        approved = _ev_figures(con)
    assert approved["judged"] == [(11, 2710.0)]
    assert (11, 2710.0) in approved["current"] and (11, 2700.0) not in approved["current"]


@pytest.mark.both_engines
def test_unknown_upload_and_usage(reviewed_ws):
    out = run(reviewed_ws, "review", "approve", "999", "--user", "admin", env=REVIEW)
    assert out.returncode == 1 and out.stderr == "error: There is no upload #999\n"
    assert run(reviewed_ws, "review", "reject", "1", "--user", "admin").returncode == 2


def _last_upload(ws) -> int:
    with open_store(ws) as con:
        return con.execute("SELECT max(upload_id) FROM uploads").fetchone()[0]


def _states(con) -> list[tuple]:
    return con.execute(
        "SELECT upload_id, review FROM uploads WHERE review IS NOT NULL ORDER BY upload_id"
    ).fetchall()


def test_a_reviewer_needs_a_department_and_reviews_only_its_own():
    from dashboard.core.access import User

    reviewer = User("r", "reviewer", frozenset({"市商务局", "市教育局"}))
    assert reviewer.may_review({"市商务局"}) and reviewer.may_review({"市商务局", "市教育局"})
    assert not reviewer.may_review({"市商务局", "市城市管理局"})  # one figure elsewhere: no
    assert not reviewer.may_review(set())  # an upload of no catalogue target: admins only
    assert reviewer.may_edit("市教育局") and reviewer.may_upload()
    assert not User("u", "uploader", frozenset({"市商务局"})).may_review({"市商务局"})
    assert User("a", "admin").may_review({"市城市管理局"})


@pytest.mark.both_engines
def test_user_add_reviewer_without_department_is_refused(empty_ws):
    cmd = [
        sys.executable,
        "-m",
        "dashboard",
        "user",
        "add",
        "li",
        "--role",
        "reviewer",
        "--db",
        str(empty_ws.db_path),
    ]
    env = {**os.environ, "DASHBOARD_DATA": str(empty_ws.data_dir)}
    out = subprocess.run(
        cmd, input="long enough pw\n", capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 1
    assert out.stderr == "error: an uploader or reviewer needs at least one department\n"
    ok = subprocess.run(
        [*cmd, "--department", "市商务局"],
        input="long enough pw\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert ok.returncode == 0, ok.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "dashboard", "user", "list", "--db", str(empty_ws.db_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "reviewer" in listed.stdout and "市商务局" in listed.stdout


@pytest.mark.both_engines
def test_the_pending_lists_name_the_items_of_an_items_target(sample_ws):
    """A reviewer checks which school a reported state is of: the upload's figures and the
    detail page's pending figures name each item, its state read and the words."""
    from dashboard.present.review_tables import figures_view, pending_figures_view
    from dashboard.services import review
    from dashboard.services.uploading import preview, store_preview
    from tests.conftest import TODAY
    from tests.test_app import AT
    from tests.test_items_store import SCHOOL, SCHOOLS

    with open_store(sample_ws) as con:
        pv = preview(con, SCHOOLS, "items.csv", TODAY)
        upload_id = store_preview(con, sample_ws, pv, SCHOOLS, "alice", AT, held=True)
        figures = review.upload_figures(con, upload_id)
        waiting = review.pending_figures(con, "郑州市", 2026, "new_schools")
    checked = figures_view(figures, "zh")
    assert list(checked.columns) == ["行", "指标", "项目", "期别", "现计入值", "数值"]
    assert checked.drop(columns="现计入值").iloc[:, 1:].values.tolist() == [
        [SCHOOL, "郑州市第一〇七中学", "6月", "已完成（已建成投用）"],
        [SCHOOL, "二七区实验学校", "6月", "推进中（主体完工）"],
        [SCHOOL, "中原区须水小学", "6月", "未启动（暂未开工）"],
        ["完成积水点治理", "京广路积水点", "6月", "已完成"],
    ]
    shown = pending_figures_view(waiting, "所", "en")
    assert list(shown.columns[:3]) == ["Period", "Item", "Value"]
    assert shown.iloc[:, :4].values.tolist() == [
        ["Jun", "郑州市第一〇七中学", "Done (已建成投用)", upload_id],
        ["Jun", "二七区实验学校", "In progress (主体完工)", upload_id],
        ["Jun", "中原区须水小学", "Not started (暂未开工)", upload_id],
    ]


BIT = "北理工郑研院建成投用"
MILESTONES = csv_bytes(
    [
        ["指标", "月份", "进展情况"],
        [BIT, "2026年3月", "已建成投用"],
        ["组建郑州交响乐团", "2026年10月", "推进中"],
    ]
)


@pytest.mark.both_engines
def test_the_pending_lists_show_a_milestone_state_in_words_not_its_code(sample_ws):
    """A milestone's figure is a state code (2 done): the reviewer reads the state and the
    words reported, never "2"."""
    from dashboard.present.review_tables import figures_view, pending_figures_view
    from dashboard.services import review
    from dashboard.services.uploading import preview, store_preview
    from tests.conftest import TODAY
    from tests.test_app import AT

    with open_store(sample_ws) as con:
        pv = preview(con, MILESTONES, "ms.csv", TODAY)
        upload_id = store_preview(con, sample_ws, pv, MILESTONES, "alice", AT, held=True)
        figures = review.upload_figures(con, upload_id)
        waiting = review.pending_figures(con, "郑州市", 2026, "bit_institute_open")
    checked = figures_view(figures, "zh")
    assert checked[["指标", "现计入值", "数值"]].values.tolist() == [
        [BIT, "推进中", "已完成（已建成投用）"],  # the state it would replace, in words
        ["组建郑州交响乐团", "—", "推进中"],
    ]
    shown = pending_figures_view(waiting, "", "en", milestone=True)
    assert shown.iloc[:, :2].values.tolist() == [["Mar", "Done (已建成投用)"]]


def test_every_list_of_figures_shows_a_milestone_state_not_its_code(sample_ws):
    """The upload preview (a revision as one state to another), the detail page's figures,
    the CSV/XLSX table and the command line's table say the state, not 2 or 1."""
    from dashboard.export.tables import export_table
    from dashboard.present.detail_tables import history_view
    from dashboard.present.labels import states_in_words
    from dashboard.present.upload_tables import preview_table
    from dashboard.services import reporting
    from dashboard.services.uploading import preview, store_preview
    from tests.conftest import TODAY
    from tests.test_app import AT

    with open_store(sample_ws) as con:
        pv = preview(con, MILESTONES, "ms.csv", TODAY)
        shown = preview_table(pv.figures, reporting.targets(con), "zh")
        store_preview(con, sample_ws, pv, MILESTONES, "alice", AT)
        history = store_figures.history(con, "郑州市", 2026, "bit_institute_open")
        progress = reporting.progress(con, 2026, 10)
    assert shown[["数值", "类型"]].values.tolist() == [
        ["已完成（已建成投用）", "修订 推进中 → 已完成"],
        ["推进中", "新增"],
    ]
    assert history_view(history, "", "en", milestone=True)["Value"].tolist() == [
        "Done (已建成投用)",
        "In progress (推进中)",
    ]
    bit = progress[progress["id"] == "bit_institute_open"]
    exported = export_table(bit, "zh")  # the state in 状态; the figure columns stay numbers
    assert exported["状态"].tolist() == ["已完成"] and exported["实际"].isna().all()
    assert states_in_words(bit, "en")["actual"].tolist() == ["Done"]
    assert states_in_words(bit, "zh")["actual"].tolist() == ["已完成"]
    parks = progress[progress["id"] == "new_schools"]
    assert export_table(parks, "zh")["实际"].tolist() == [4.0]


def test_a_revision_waiting_shows_the_value_it_would_replace(sample_ws):
    """QA: a reviewer saw 2,550 alone; the figure counted now (2,450) stands beside it,
    and a figure for a period with none counted shows a dash."""
    from dashboard.present.review_tables import figures_view
    from dashboard.services import review
    from dashboard.services.uploading import preview, store_preview
    from tests.conftest import TODAY
    from tests.test_app import AT

    data = csv_bytes(
        [
            ["指标", "时期", "数值"],
            ["充电桩", "2026年1-10月", "2550"],
            ["充电桩", "2026年1-11月", "2700"],
        ]
    )
    with open_store(sample_ws) as con:
        pv = preview(con, data, "rev.csv", TODAY)
        upload_id = store_preview(con, sample_ws, pv, data, "fgw", AT, held=True)
        figures = review.upload_figures(con, upload_id)
    assert figures_view(figures, "zh")[["期别", "现计入值", "数值"]].values.tolist() == [
        ["1—10月", "2,450个", "2,550个"],
        ["1—11月", "—", "2,700个"],
    ]
    assert figures_view(figures, "en")["Counted now"].tolist() == ["2,450 charging piles", "—"]


@pytest.mark.both_engines
def test_an_items_new_month_shows_the_state_it_counts_now(sample_ws):
    """A named item reported in a new month replaces its last month's state: the reviewer
    sees that state beside the new one, not a dash; a new item has none."""
    from dashboard.present.review_tables import figures_view
    from dashboard.services import review
    from dashboard.services.uploading import preview, store_preview
    from tests.conftest import TODAY
    from tests.test_app import AT

    school = "新建、改扩建义务教育阶段学校"
    header = ["指标", "项目名称", "时期", "进展情况"]
    june = csv_bytes([header, [school, "二七区实验学校", "2026年6月", "主体完工"]])
    july = csv_bytes(
        [
            header,
            [school, "二七区实验学校", "2026年7月", "已建成投用"],
            [school, "中原区须水小学", "2026年7月", "暂未开工"],
        ]
    )
    with open_store(sample_ws) as con:
        pv = preview(con, june, "june.csv", TODAY)
        store_preview(con, sample_ws, pv, june, "jyj", AT)
        pv = preview(con, july, "july.csv", TODAY)
        upload_id = store_preview(con, sample_ws, pv, july, "jyj", AT, held=True)
        figures = review.upload_figures(con, upload_id)
    assert figures_view(figures, "zh")[["现计入值", "数值"]].values.tolist() == [
        ["推进中", "已完成（已建成投用）"],
        ["—", "未启动（暂未开工）"],
    ]
