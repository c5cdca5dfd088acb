"""Reminders (issue 21): per department the reports overdue and the targets behind, the
digests as PDF and XLSX, and the e-mails that carry them (to a local SMTP server)."""

import csv
import io
import json
import os
import socket
import subprocess
import sys
from datetime import date
from email import message_from_bytes
from email.policy import default as default_policy

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard.core.reminders import reminders as reminder_rows
from dashboard.services import mailing
from dashboard.services.database import open_store
from dashboard.store import audit
from tests.conftest import add_accounts

HEADER = (
    "department,kind,id,entity,name_zh,name_en,period_due,period_due_en,due_date,days_late,"
    "status,status_label_zh,status_label_en,gap_pp"
)


def run(ws, *args, env=None):
    cmd = [sys.executable, "-m", "dashboard", *args, "--db", str(ws.db_path)]
    full_env = {**os.environ, "DASHBOARD_DATA": str(ws.data_dir), **(env or {})}
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, timeout=180)


@pytest.mark.both_engines
def test_december_reminders_name_every_report_due_and_missing(sample_ws):
    """Stood at 20 December, the 1—11月 figures were due on 15 December: five days late."""
    out = run(
        sample_ws,
        "reminders",
        "--today",
        "2026-12-20",
        "--department",
        "市商务局",
        "--format",
        "csv",
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        HEADER,
        "市商务局,overdue_report,airport_ftz_area,郑州市,申建自贸区空港新片区,Apply for the "
        "free-trade zone's airport area,11月,Nov,2026-12-15,5,no_data,未报送进展,"
        "No progress reported,",
        "市商务局,overdue_report,consumption_events,郑州市,开展促消费活动,Consumption promotion "
        "events held,1—11月,Jan–Nov,2026-12-15,5,overdue_report,未报送,Report overdue,",
        "市商务局,overdue_report,hightech_export_share,郑州市,高新技术产品出口占比,High-tech "
        "products share of exports,1—11月,Jan–Nov,2026-12-15,5,overdue_report,未报送,"
        "Report overdue,",
        "市商务局,overdue_report,retail_sales_growth,郑州市,社会消费品零售总额增长,Retail sales "
        "growth,1—11月,Jan–Nov,2026-12-15,5,overdue_report,未报送,Report overdue,",
        "市商务局,overdue_report,signed_chain_projects,郑州市,签约亿元以上产业链项目,Signed "
        "industrial-chain projects of 100 million yuan or more,1—11月,Jan–Nov,2026-12-15,5,"
        "overdue_report,未报送,Report overdue,",
        "市商务局,overdue_report,trading_enterprises,郑州市,有进出口实绩的企业,Enterprises with "
        "import/export records,1—11月,Jan–Nov,2026-12-15,5,overdue_report,未报送,"
        "Report overdue,",
        "市商务局,lagging,cross_border_ecommerce,郑州市,跨境电商交易额,Cross-border e-commerce "
        "transactions,,,,,off_track,滞后,Lagging,-3.3",
    ]


@pytest.mark.both_engines
def test_november_reminders_per_department(sample_ws):
    """On 26 November (October's figures due on the 15th and in), what is chased is what
    never came, most days late first, then the targets behind, most behind first."""
    out = run(sample_ws, "reminders", "--today", "2026-11-26", "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    overdue = [
        (r["department"], r["id"], r["period_due"], r["due_date"], r["days_late"], r["status"])
        for r in rows
        if r["kind"] == "overdue_report"
    ]
    assert overdue == [
        ("市发展改革委", "low_altitude_plan", "10月", "2026-11-15", 11, "no_data"),
        ("市商务局", "airport_ftz_area", "10月", "2026-11-15", 11, "no_data"),
        ("市文物局", "heritage_inspection", "10月", "2026-11-15", 11, "no_data"),
        ("市人力资源和社会保障局", "graduate_tracking", "9月", "2026-10-15", 42, "no_data"),
    ]
    lagging = [
        (r["id"], r["status"], r["gap_pp"])
        for r in rows
        if r["department"] == "市商务局" and r["kind"] == "lagging"
    ]
    assert lagging == [
        ("cross_border_ecommerce", "off_track", -3.3),
        ("hightech_export_share", "off_track", -1.3),
        ("retail_sales_growth", "off_track", -0.9),
    ]
    assert len([r for r in rows if r["kind"] == "lagging"]) == 21
    assert all(
        r["due_date"] is None and r["days_late"] is None for r in rows if r["kind"] == "lagging"
    )
    table = run(sample_ws, "reminders", "--today", "2026-11-26", "--department", "市教育局")
    assert [line.rstrip() for line in table.stdout.splitlines()[2:]] == [
        "市教育局    lagging  new_school_places  新增学位                                          "
        "             off_track",
        "市教育局    lagging  new_schools        新建、改扩建义务教育阶段学校                      "
        "             off_track",
    ]


@pytest.mark.both_engines
def test_an_unknown_department_is_refused_with_the_known_ones(sample_ws):
    out = run(sample_ws, "reminders", "--department", "发改委", "--today", "2026-11-26")
    assert out.returncode == 1
    assert "The catalogue names no department '发改委'" in out.stderr
    assert "市发展改革委" in out.stderr and out.stdout == ""


def test_a_level_missing_between_figures_asks_for_that_month():
    """A level kept every period (drinking water) with March missing and April in: the
    reminder asks for March, due 15 April."""
    row = {
        "department": "市水利局",
        "entity": "郑州市",
        "year": 2026,
        "id": "water",
        "name_zh": "水质",
        "name_en": "water",
        "frequency": "monthly",
        "measure": "level",
        "publication_lag": 1,
        "status": "overdue_report",
        "actual_end": 4.0,
        "first_missing_month": 3.0,
        "status_label_zh": "未报送",
        "status_label_en": "Overdue",
        "gap_pp": float("nan"),
    }
    frame = reminder_rows(pd.DataFrame([row]), 4, date(2026, 5, 20), 15)
    assert frame[["period_due", "due_date", "days_late"]].to_dict("records") == [
        {"period_due": "3月", "due_date": date(2026, 4, 15), "days_late": 35}
    ]


@pytest.mark.parametrize("measure", ["ytd", "level"])
def test_an_annual_figures_reminder_names_the_year(measure):
    """An annual flow's reminder said 1—12月 and an annual level's 12月 while progress
    names both 全年 | full year."""
    row = {
        "department": "市农业农村局",
        "entity": "郑州市",
        "year": 2026,
        "id": "grain",
        "name_zh": "粮食产量",
        "name_en": "grain",
        "frequency": "annual",
        "measure": measure,
        "publication_lag": 1,
        "status": "overdue_report",
        "actual_end": float("nan"),
        "status_label_zh": "未报送",
        "status_label_en": "Overdue",
        "gap_pp": float("nan"),
    }
    frame = reminder_rows(pd.DataFrame([row]), 12, date(2027, 1, 20), 15)
    got = frame[["period_start", "period_end", "period_due", "period_due_en", "due_date"]]
    assert got.to_dict("records") == [
        {
            "period_start": 1,
            "period_end": 12,
            "period_due": "全年",
            "period_due_en": "full year",
            "due_date": date(2027, 1, 15),
        }
    ]


@pytest.mark.both_engines
def test_digests_are_written_as_pdf_and_xlsx(sample_ws, tmp_path):
    out = run(
        sample_ws,
        "reminders",
        "--today",
        "2026-11-26",
        "--department",
        "市商务局",
        "--out",
        str(tmp_path / "digests"),
    )
    assert out.returncode == 0, out.stderr
    names = sorted(p.name for p in (tmp_path / "digests").iterdir())
    assert names == ["督办提醒_市商务局_2026-10.pdf", "督办提醒_市商务局_2026-10.xlsx"]
    assert (tmp_path / "digests" / names[0]).read_bytes().startswith(b"%PDF-")
    sheet = load_workbook(tmp_path / "digests" / names[1]).active
    cells = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert cells == [
        ["市商务局：2026年10月目标任务督办提醒"],
        ["逾期未报送1项，进度滞后3项 · 截至2026-11-26"],
        [],
        ["一、逾期未报送（1项）"],
        ["指标", "应报期别", "报送截止日期", "逾期天数"],
        ["申建自贸区空港新片区", "10月", "2026-11-15", "11天"],
        [],
        ["二、进度滞后（3项）"],
        ["指标", "状态", "差距"],
        ["跨境电商交易额", "滞后", "差3.3个百分点"],
        ["高新技术产品出口占比", "低于目标", "差1.3个百分点"],
        ["社会消费品零售总额增长", "低于目标", "差0.9个百分点"],
    ]


@pytest.fixture
def smtp_server():
    """A real SMTP server on a free local port, with a login, collecting what arrives."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    class Collect:
        def __init__(self):
            self.messages, self.logins = [], []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append(
                (
                    envelope.mail_from,
                    sorted(envelope.rcpt_tos),
                    message_from_bytes(envelope.content, policy=default_policy),
                )
            )
            return "250 OK"

    def check(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == b"office" and auth_data.password == b"s3cret-pass"
        handler.logins.append((mechanism, auth_data.login, ok))
        # handled=False: the server answers 535 itself; with the default (True) it waits for
        # the authenticator to have answered, and smtplib waits out its whole timeout.
        return AuthResult(success=ok, handled=False, auth_data=auth_data.login if ok else None)

    handler = Collect()
    with socket.socket() as probe:  # a free port (the controller's own check needs one)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(
        handler, hostname="127.0.0.1", port=port, authenticator=check, auth_require_tls=False
    )
    controller.start()
    try:
        yield controller, handler
    finally:
        controller.stop()


def smtp_env(controller, **more):
    return {
        "DASHBOARD_SMTP_HOST": "127.0.0.1",
        "DASHBOARD_SMTP_PORT": str(controller.port),
        "DASHBOARD_SMTP_USER": "office",
        "DASHBOARD_SMTP_PASSWORD": "s3cret-pass",
        "DASHBOARD_SMTP_FROM": "督查室 <ducha@example.invalid>",
        "DASHBOARD_SMTP_SECURITY": "none",
        **more,
    }


@pytest.mark.both_engines
def test_digests_arrive_by_mail_to_each_department(sample_ws, smtp_server):
    controller, handler = smtp_server
    (sample_ws.data_dir / "department_contacts.csv").write_text(
        "department,email\n"
        "市商务局,swj@example.invalid;swj-office@example.invalid\n"
        "市教育局,jyj@example.invalid\n"
        "市统计局,tjj@example.invalid\n",
        "utf-8",
    )
    add_accounts(sample_ws)
    args = ("reminders", "--today", "2026-11-26", "--send", "--user", "admin")
    refused = run(sample_ws, *args[:-1], "fgw", env=smtp_env(controller))
    assert refused.returncode == 1
    assert refused.stderr == "error: fgw is uploader; this needs an admin\n"
    assert handler.messages == []
    out = run(sample_ws, *args, "--department", "市商务局", env=smtp_env(controller))
    assert out.returncode == 0, out.stderr
    out2 = run(sample_ws, *args, "--department", "市教育局", env=smtp_env(controller))
    assert out2.returncode == 0, out2.stderr
    out3 = run(sample_ws, *args, "--department", "市文物局", env=smtp_env(controller))
    assert out3.returncode == 0, out3.stderr
    assert out3.stderr.splitlines() == ["not sent 市文物局: no address in department_contacts.csv"]
    arrived = [
        (
            sender,
            rcpts,
            m["To"],
            m["Subject"],
            [(p.get_filename(), p.get_content_type()) for p in m.iter_attachments()],
        )
        for sender, rcpts, m in handler.messages
    ]
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert arrived == [
        (
            "ducha@example.invalid",
            ["swj-office@example.invalid", "swj@example.invalid"],
            "swj@example.invalid, swj-office@example.invalid",
            "【督办提醒】市商务局：2026年10月逾期未报送1项，进度滞后3项",
            [
                ("督办提醒_市商务局_2026-10.pdf", "application/pdf"),
                ("督办提醒_市商务局_2026-10.xlsx", xlsx),
            ],
        ),
        (
            "ducha@example.invalid",
            ["jyj@example.invalid"],
            "jyj@example.invalid",
            "【督办提醒】市教育局：2026年10月逾期未报送0项，进度滞后2项",
            [
                ("督办提醒_市教育局_2026-10.pdf", "application/pdf"),
                ("督办提醒_市教育局_2026-10.xlsx", xlsx),
            ],
        ),
    ]
    assert handler.logins == [("PLAIN", b"office", True)] * 2  # one per run that sent
    body = handler.messages[0][2].get_body(("plain",)).get_content()
    assert "· 申建自贸区空港新片区：10月数据应于2026-11-15前报送，已逾期11天" in body
    pdf = next(handler.messages[0][2].iter_attachments()).get_content()
    assert pdf.startswith(b"%PDF-")
    with open_store(sample_ws) as con:
        log = audit.entries(con)
    sent = log[log["action"] == "reminders"]
    assert list(zip(sent["user_name"], sent["outcome"], strict=True)) == [
        ("admin", "sent"),
        ("admin", "sent"),
        ("admin", "no_address"),
    ]
    assert json.loads(sent["detail"].iloc[1]) == {
        "as_of": "2026-10",
        "department": "市教育局",
        "to": ["jyj@example.invalid"],
    }


def test_one_run_sends_every_department_with_an_address(sample_ws, smtp_server):
    controller, handler = smtp_server
    (sample_ws.data_dir / "department_contacts.csv").write_text(
        "市商务局,swj@example.invalid\n市教育局,jyj@example.invalid\n", "utf-8"
    )
    out = run(
        sample_ws,
        "reminders",
        "--today",
        "2026-11-26",
        "--send",
        "--format",
        "csv",
        env=smtp_env(controller),
    )
    assert out.returncode == 0, out.stderr
    assert sorted(rcpts[0] for _, rcpts, _ in handler.messages) == [
        "jyj@example.invalid",
        "swj@example.invalid",
    ]
    lines = out.stderr.splitlines()
    assert "sent 市商务局 -> swj@example.invalid" in lines
    assert "sent 市教育局 -> jyj@example.invalid" in lines
    assert (
        len([x for x in lines if x.startswith("not sent ")]) == 12
    )  # 14 departments owe, two have an address
    assert list(csv.reader(io.StringIO(out.stdout)))[0] == HEADER.split(",")


def test_a_wrong_password_sends_nothing_and_says_so(sample_ws, smtp_server):
    controller, handler = smtp_server
    (sample_ws.data_dir / "department_contacts.csv").write_text(
        "市商务局,swj@example.invalid\n", "utf-8"
    )
    env = smtp_env(controller, DASHBOARD_SMTP_PASSWORD="wrong-password")
    out = run(
        sample_ws,
        "reminders",
        "--today",
        "2026-11-26",
        "--send",
        "--department",
        "市商务局",
        env=env,
    )
    assert out.returncode == 1
    assert out.stderr.splitlines()[0].startswith("failed 市商务局 -> swj@example.invalid: ")
    # smtplib tries PLAIN, then LOGIN, as it does against a real server answering 535
    assert handler.messages == []
    assert handler.logins == [("PLAIN", b"office", False), ("LOGIN", b"office", False)]


def test_sending_without_a_server_or_with_a_bad_contact_is_refused(sample_ws):
    out = run(sample_ws, "reminders", "--send", "--today", "2026-11-26")
    assert out.returncode == 1
    assert "No mail server configured" in out.stderr
    (sample_ws.data_dir / "department_contacts.csv").write_text(
        "department,email\n市商务局,not-an-address\n", "utf-8"
    )
    env = {"DASHBOARD_SMTP_HOST": "127.0.0.1", "DASHBOARD_SMTP_FROM": "a@example.invalid"}
    out = run(sample_ws, "reminders", "--send", "--today", "2026-11-26", env=env)
    assert out.returncode == 1
    assert "department_contacts.csv line 2: not an e-mail address: not-an-address" in out.stderr


@pytest.mark.parametrize(
    "env, key",
    [
        ({"DASHBOARD_SMTP_HOST": "h", "DASHBOARD_SMTP_FROM": "nobody"}, "mail.bad_from"),
        (
            {
                "DASHBOARD_SMTP_HOST": "h",
                "DASHBOARD_SMTP_FROM": "a@b.cn",
                "DASHBOARD_SMTP_PORT": "70000",
            },
            "mail.bad_port",
        ),
        (
            {
                "DASHBOARD_SMTP_HOST": "h",
                "DASHBOARD_SMTP_FROM": "a@b.cn",
                "DASHBOARD_SMTP_USER": "u",
            },
            "mail.half_login",
        ),
        (
            {
                "DASHBOARD_SMTP_HOST": "h",
                "DASHBOARD_SMTP_FROM": "a@b.cn",
                "DASHBOARD_SMTP_SECURITY": "tls1",
            },
            "mail.bad_security",
        ),
    ],
)
def test_smtp_settings_refused(env, key):
    with pytest.raises(mailing.MailSetupError) as err:
        mailing.smtp_settings(env)
    assert err.value.key == key


def test_no_host_means_no_mail():
    assert mailing.smtp_settings({}) is None
    settings = mailing.smtp_settings(
        {"DASHBOARD_SMTP_HOST": "mail.example.invalid", "DASHBOARD_SMTP_FROM": "a@b.cn"}
    )
    assert (settings.port, settings.security, settings.user) == (587, "starttls", None)


OWING_ZH = [
    ["市人力资源和社会保障局", 1, 42, "离校未就业高校毕业生跟踪服务全覆盖（9月，逾期42天）"],
    ["市发展改革委", 1, 11, "编制低空经济发展规划（10月，逾期11天）"],
    ["市商务局", 1, 11, "申建自贸区空港新片区（10月，逾期11天）"],
    ["市文物局", 1, 11, "建立文化遗产保护督察制度（10月，逾期11天）"],
]


def test_the_overview_shows_overdue_reports_per_department(sample_ws, monkeypatch):
    """26 November, October's overview: the departments owing reports, most overdue first,
    in a section whose title counts them; in English with the same numbers."""
    from tests.test_app import start

    at = start(sample_ws, monkeypatch)
    labels = [e.label for e in at.expander]
    # the tiles 逾期未报 0 and 暂无数据 4 add up to the reports owed (QA: "未报送 0" beside 4)
    assert "各部门未报送（4个部门，4项：逾期未报0项，暂无数据4项）" in labels
    owing = at.dataframe[-1].value
    assert list(owing.columns) == ["责任单位", "逾期未报送（项）", "最长逾期（天）", "逾期指标"]
    assert owing.values.tolist() == OWING_ZH
    at.segmented_control(key="lang_choice").set_value("English").run()
    assert "Unreported by department (4 department(s), 4 report(s): 0 overdue, 4 no data)" in [
        e.label for e in at.expander
    ]
    owing = at.dataframe[-1].value
    assert list(owing.columns) == [
        "Department",
        "Overdue (reports)",
        "Longest overdue (days)",
        "Which reports",
    ]
    assert owing.iloc[:, 1:3].values.tolist() == [[r[1], r[2]] for r in OWING_ZH]
    assert owing.iloc[0, 3].endswith("(Sep, 42 day(s) late)")


def test_the_overview_says_when_nothing_is_overdue(sample_ws, monkeypatch):
    from tests.test_app import start

    at = start(sample_ws, monkeypatch, today="2026-02-10")  # January's reports due on the 15th
    assert at.title[0].value == "目标进度看板 · 2026年2月"
    assert not any(e.label.startswith("各部门未报送") for e in at.expander)
    assert "2026年2月：没有逾期未报送的数据。" in [c.value for c in at.caption]


def test_a_report_is_never_zero_days_late():
    from dashboard.core.reminders import due_period

    row = {"year": 2026, "frequency": "monthly", "publication_lag": 1}
    assert due_period(row, 10, date(2026, 11, 15), 15) == 9  # 1—10月 due today: in time
    assert due_period(row, 10, date(2026, 11, 16), 15) == 10  # one day late
