"""Every word a person reads, in Chinese (first) and English, looked up by key.

    text("stored", "zh", id=3, n=12)  ->  "已保存上传 #3：12 条数据。"

The table is pure data, split by area into the modules of this package and merged here:
interface (pages), vocabulary (statuses, roles, months, periods), file_problems (what is
wrong with an uploaded or catalogue file, and how to fix it), permissions (accounts and
logins), explanations (the one-sentence progress explanations), exports (file headings
and columns), errors (what an operation could not do), proposals (reading targets out
of a report's text, editing catalogues), durability (the journal, the database file,
the disk, backups and restores) and glossary (the catalogue's sections, departments and
units in English).

To add a key: write `"area.name": ("中文", "English")` in the module of its area. Both
languages are required and use the same {placeholders}; tests/test_messages.py checks
every key. Keys without a dot are the interface's common words (column headers, buttons).
"""

from dataclasses import dataclass
from string import Formatter

from dashboard.core.messages import (
    durability,
    errors,
    explanations,
    exports,
    file_problems,
    glossary,
    interface,
    permissions,
    proposals,
    supervision,
    vocabulary,
)

LANGS = ("zh", "en")
PARTS = (
    interface,
    vocabulary,
    file_problems,
    permissions,
    explanations,
    exports,
    errors,
    proposals,
    durability,
    supervision,
    glossary,
)


def _merge(parts) -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for part in parts:
        for key, pair in part.TEXT.items():
            if key in table:
                raise ValueError(f"message key {key!r} is defined twice ({part.__name__})")
            table[key] = pair
    return table


TABLE = _merge(PARTS)


@dataclass(frozen=True)
class Msg:
    """A message as the parameter of another, worded in the same language:
    text("month_of_year", lang, year=2026, month=Msg("month.10")) -> "2026年10月" | "Oct 2026"
    """

    key: str
    params: tuple = ()  # (name, value) pairs

    @classmethod
    def of(cls, key: str, **params) -> "Msg":
        return cls(key, tuple(params.items()))


class Worded:
    """A parameter that words itself in the reader's language by a rule rather than a
    message: an amount with its unit ('2.6万个' | '26,000 units', core/amounts.Amount)."""

    def words(self, lang: str) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class Names(Worded):
    """Names listed as one parameter, joined as the reader's language lists them:
    text("ranking.not_shared", lang, id="x", shared=Names(("a", "b"))) -> "a、b" | "a, b";
    "—" for none. Worded when read, as a message is (the raiser knows no language)."""

    names: tuple = ()

    def words(self, lang: str) -> str:
        return joined(self.names, lang) or "—"


def joined(names, lang: str) -> str:
    """Names listed as the reader's language lists them: 'a、b' | 'a, b'; '' for none."""
    return text("list_separator", lang).join(map(str, names))


def text(key: str, lang: str, **params) -> str:
    """The message `key` in `lang` ("zh"; anything else is English), filled in."""
    zh, en = TABLE[key]
    for name, value in params.items():
        if value.__class__ is Msg:
            params[name] = text(value.key, lang, **dict(value.params))
        elif isinstance(value, Worded):
            params[name] = value.words(lang)
    return (zh if lang == "zh" else en).format(**params)


def month_name(year: int, month: int, lang: str) -> str:
    """'2026年10月' | 'Oct 2026'."""
    return text("month_of_year", lang, year=year, month=Msg(f"month.{month}"))


def placeholders(template: str) -> set[str]:
    """The names a template fills in: '{n}项 {id!r}' -> {'n', 'id'}."""
    return {name for _, name, _, _ in Formatter().parse(template) if name}


@dataclass(frozen=True)
class Glossed(Worded):
    """Catalogue names as a message parameter, in the glossary's words for the reader:
    Glossed("entity", ("郑州市",)) -> '郑州市' | 'Zhengzhou' (several: '、' | ', ')."""

    kind: str
    names: tuple[str, ...]

    def words(self, lang: str) -> str:
        return joined((glossary(self.kind, n, lang) for n in self.names), lang)


def in_lang(column: str, lang: str) -> str:
    """'name' -> 'name_zh' | 'name_en': the data column holding text in `lang`."""
    return f"{column}_zh" if lang == "zh" else f"{column}_en"


def glossary(kind: str, name: str, lang: str) -> str:
    """A catalogue word (kind: entity | section | department) in `lang`; a name the
    glossary lacks is shown as the catalogue writes it."""
    key = f"glossary.{kind}.{name}"
    return text(key, lang) if key in TABLE else name
