"""The message table: every key in both languages, the same placeholders, no dead keys."""

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

import dashboard
from dashboard.core import milestones, vocab
from dashboard.core.errors import DashboardError
from dashboard.core.messages import LANGS, TABLE, Msg, month_name, placeholders, text
from dashboard.core.messages.explanations import ONE_SIDED
from dashboard.core.periods import period_text
from dashboard.core.units import unit_word
from dashboard.present.overview_tables import GAP_FILTERS, SORTS

PACKAGE = Path(dashboard.__file__).parent
# Keys built at run time from a code: f"status.{status}" and the like.
BUILT = (
    "status.",
    "method.",
    "milestone.",
    "completeness.",
    "change.",
    "snapshot_change.",
    "severity.",
    "role.",
    "month.",
    "period.quarter.",
    "view.",
    "explain.state.",
    "explain.basis.",
    "explain.share_of.",
    "export.column.",
    "export.lagging.",
    "value.negative.",
    "target.",
    "verdict.",
    "tile.",
    "count.months.",
    "month.full.",
    "explain.scheduled.",
    "explain.year.share_of.",
    "explain.per.",
    "reading.",
    "milestone_month.",
    "read.",
    "snapshot.rule.",
    "sort.",
    "gap_filter.",
    "audit.",
    "glossary.",
    "reminders.column.",
    "cli.reminder.",
    "cli.review.",
    "cli.supervise.",
    "review.state.",
    "review.done.",
    "supervision.state.",
    "supervision.done.",
    "supervision.line.",
    "supervision.column.",
    "scoreboard.column.",
)


@pytest.mark.parametrize("key", sorted(TABLE))
def test_every_key_has_both_languages_with_the_same_placeholders(key):
    pair = TABLE[key]
    assert len(pair) == len(LANGS) and all(isinstance(s, str) and s.strip() for s in pair), key
    zh, en = pair
    if key in ONE_SIDED:
        assert placeholders(zh) != placeholders(en), f"{key} is listed as one-sided but is not"
    else:
        assert placeholders(zh) == placeholders(en), key


def test_every_key_fills_in_without_error():
    for key, (zh, en) in TABLE.items():
        names = placeholders(zh) | placeholders(en)
        params = {n: _sample(n) for n in names}
        for lang in LANGS:
            assert text(key, lang, **params)


def _sample(name: str):
    from datetime import datetime

    if name in ("at", "now", "date"):
        return datetime(2026, 1, 2, 9, 30)
    return 1


def _literal_keys() -> set[str]:
    """Every string literal in the package that names a message."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        if "messages" in path.parts and path.name != "__init__.py":
            continue  # the table itself
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_every_literal_key_in_the_code_exists():
    """`text("x", ...)`, `Problem(..., "file.empty", "hint.split_file")` and the like."""
    called = set()
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text("utf-8")
        called |= set(re.findall(r'(?<![.\w])text\(\s*"([^"{}]+)"\s*[,)]', source))
        called |= set(re.findall(r'\bMsg(?:\.of)?\(\s*"([^"{}]+)"\s*[,)]', source))
    areas = "hint|file|cell|period|indicator|value|figure|upload|catalogue|unit|profile|account"
    keyish = {k for k in _literal_keys() if re.fullmatch(rf"({areas})\.[a-z_]+(\.[a-z_]+)*", k)}
    missing = (called | keyish) - set(TABLE)
    assert not missing


def test_no_dead_keys():
    literals = _literal_keys()
    dead = [k for k in TABLE if k not in literals and not k.startswith(BUILT)]
    assert not dead


@pytest.mark.parametrize(
    ("prefix", "codes"),
    [
        ("status.", vocab.STATUSES),
        ("milestone.", milestones.STATES.values()),
        ("explain.state.", [milestones.STATES[c] for c in (0, 1, 2)] + ["none"]),
        ("completeness.", ("reported", "missing", "not_due")),
        ("change.", ("new", "revision", "unchanged")),
        ("severity.", ("error", "warning")),
        ("role.", ("viewer", "uploader", "admin")),
        (
            "method.",
            (
                "linear_run_rate",
                "seasonal_profile",
                "cumulative_rate_held",
                "latest_level",
                "last_year_profile",
                "months",
            ),
        ),
        ("month.", range(1, 13)),
        ("month.bare.", range(1, 13)),
        ("period.quarter.", (3, 6, 9, 12)),
        ("value.negative.", ("amount", "count")),
        ("read.encoding.", ("xlsx", "xls", "utf-8", "utf-8-sig", "utf-16", "gbk/gb18030")),
        ("read.layout.", ("long", "wide")),
        ("sort.", SORTS),
        ("gap_filter.", GAP_FILTERS),
        ("snapshot.rule.", ("amount", "rate", "about", "ms")),
        (
            "audit.action.",
            (
                "login",
                "logout",
                "user_add",
                "user_set",
                "user_passwd",
                "upload",
                "comment",
                "snapshot",
                "export",
                "catalogue",
                "admin_override",
            ),
        ),
        (
            "audit.outcome.",
            (
                "ok",
                "failed",
                "expired",
                "accepted",
                "refused",
                "unchanged",
                "saved",
                "taken",
                "loaded",
                "used",
                "csv",
                "xlsx",
                "pdf",
                "png",
            ),
        ),
    ],
)
def test_every_code_of_the_vocabulary_has_words(prefix, codes):
    assert [c for c in codes if f"{prefix}{c}" not in TABLE] == []


def test_words_in_both_languages():
    assert text("stored", "zh", id=3, n=12) == "已保存上传 #3：12 条数据。"
    assert text("stored", "en", id=3, n=12) == "Stored upload #3: 12 figures."
    assert month_name(2026, 10, "zh") == "2026年10月" and month_name(2026, 10, "en") == "Oct 2026"
    assert [period_text(1, 10, lang) for lang in LANGS] == ["1—10月", "Jan–Oct"]
    assert [period_text(1, 6, lang, quarterly=True) for lang in LANGS] == ["上半年", "H1"]
    role = Msg("role.uploader")
    assert text("account.needs_admin", "zh", name="wang", role=role) == (
        "wang 的角色是填报；此操作需要管理员"
    )


def test_the_catalogue_has_english_for_every_section_department_and_unit(catalogue):
    from dashboard.core.messages import glossary

    untranslated = [
        (kind, name)
        for kind in ("entity", "section", "department")
        for name in set(catalogue[kind])
        if glossary(kind, name, "en") == name
    ]
    units = {u for u in catalogue["unit"] if isinstance(u, str) and u not in ("", "%")}
    untranslated += [("unit", u) for u in units if unit_word(u, "en") == u]
    assert untranslated == []
    assert glossary("department", "市统计局", "en") == "Statistics Bureau"
    assert glossary("department", "某新部门", "en") == "某新部门"  # a new city's: as written
    assert [unit_word("万吨", lang) for lang in LANGS] == ["万吨", "×10,000 t"]
    assert unit_word("万亿元", "en") == "×1 trillion yuan"


RUN_ON_IMPORT = ("dashboard.app", "dashboard.server", "dashboard.__main__")


def _our_exceptions():
    for info in pkgutil.walk_packages([str(PACKAGE)], "dashboard."):
        if info.name.startswith("dashboard.ui") or info.name in RUN_ON_IMPORT:
            continue  # pages and entry points run when imported
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseException) and cls.__module__ == info.name:
                yield cls


def test_every_exception_of_ours_is_a_dashboard_error():
    classes = list(_our_exceptions())
    assert len(classes) >= 16
    assert [c.__name__ for c in classes if not issubclass(c, DashboardError)] == []


def test_an_error_speaks_the_readers_language():
    from dashboard.store.connection import DatabaseBusy

    err = DatabaseBusy(Path("/data/x.duckdb"), 10.2)
    assert str(err).startswith("The database /data/x.duckdb is in use by another program")
    assert err.text("zh").startswith("数据库 /data/x.duckdb 正被其他程序使用（已等待 10 秒）")


def test_chinese_quotes_what_a_person_wrote_in_chinese_marks():
    # Python's repr put '-5万辆' in ASCII quotes beside the “” of every other message
    assert [k for k, (zh, _) in TABLE.items() if "!r}" in zh] == []
    assert text("value.negative.amount", "zh", cell="-5万辆") == "数量为负数：“-5万辆”"


def test_names_in_a_message_are_listed_as_its_language_lists_them():
    from dashboard.core.messages import Names

    names = Names(("郑州市", "金水区"))
    assert text("note.place_chosen", "zh", entity=names).count("郑州市、金水区") == 1
    assert text("note.place_chosen", "en", entity=names).count("郑州市, 金水区") == 1
    assert Names().words("en") == "—"
