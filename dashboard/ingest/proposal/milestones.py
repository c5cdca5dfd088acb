"""Milestones: events with a date ("新郑综保区扩区提质，10月底启动运行").

By the labelling rules a milestone is proposed only where the text gives a date (X月底,
年内, 2027年底前). Reports also name many undated events ("北理工郑研院建成投用") and
coverage aims ("…全覆盖", a share of 100 %); those are proposed only on request
(`undated_milestones`), events due at the end of the year, because whether the office
tracks them is its choice.
"""

import re

from dashboard.ingest.proposal import names as n
from dashboard.ingest.proposal.dates import DueDate

EVENT_VERBS = (
    "建成投用",
    "建成投运",
    "建成通车",
    "通车运营",
    "投入使用",
    "投入运营",
    "开业运营",
    "启动运行",
    "正式运行",
    "基本建成",
    "初步建成",
    "主线完工",
    "建成",
    "投产",
    "量产",
    "竣工",
    "完工",
    "通车",
    "开业",
    "挂牌",
    "揭牌",
    "落成",
    "开工建设",
    "开工",
    "组建",
    "交付",
    "启用",
    "投用",
    "运行",
    "出台",
)
# 办好 / 举办 are events only for a meeting, a fair or a match ("办好人民满意教育" is not).
HOSTING = ("办好", "举办")
EVENT_NOUNS = ("论坛", "大会", "会议", "峰会", "博览会", "展会", "节", "赛", "运动会", "交易会")
# A short clause like "力争5月底正式运行" names no subject; it is the previous clause's.
SHORT_EVENT = 8
TRAILING_WORK = ("加快建设", "加快推进", "建设", "加快")
LIST_TAIL = re.compile(r"等(?:项目|工程|重点项目|重大项目)?(?:建设)?$")
PUNCTUATION = "，。；：、,;: "
COVERAGE = "全覆盖"


def event_verb(text: str) -> str:
    text = text.strip(PUNCTUATION)
    if text.startswith(HOSTING) and text.endswith(EVENT_NOUNS):
        return text[:2]
    return next((v for v in EVENT_VERBS if v in text), "")


def without_date(clause: str, due: DueDate) -> str:
    rest = clause[: due.start] + clause[due.end :]
    return n.strip_leading(rest.strip(PUNCTUATION)).strip(PUNCTUATION)


def is_short_event(rest: str) -> bool:
    return len(rest) <= SHORT_EVENT


def dated_name(rest: str, previous_clause: str) -> str:
    """'正式运行' after '支持燕赵现代交通实验室加快建设' -> '燕赵现代交通实验室正式运行'."""
    if not is_short_event(rest) or not previous_clause:
        return rest
    subject = n.strip_leading(previous_clause.strip(PUNCTUATION))
    verb = n.leading_verb(subject)
    if n.is_scope(verb):
        subject = subject[len(verb) :]
    for tail in TRAILING_WORK:
        if subject.endswith(tail) and len(subject) > len(tail):
            subject = subject[: -len(tail)]
            break
    return subject + rest


def undated_names(clause: str) -> list[str]:
    """'开业运营胖东来郑州店、京东MALL、麦德龙新店' -> three events; '' when no event."""
    text = n.strip_leading(clause.strip(PUNCTUATION))
    verb = event_verb(text)
    if not verb:
        return []
    if text.startswith(verb):
        objects = LIST_TAIL.sub("", text[len(verb) :])
        return [verb + o for o in objects.split("、") if o] if objects else []
    if text.endswith(verb):
        subjects = LIST_TAIL.sub("", text[: -len(verb)])
        return [s + verb for s in subjects.split("、") if s] if subjects else []
    return [text]


def coverage_name(clause: str) -> str:
    """'推动市级未成年人救助保护机构全覆盖' -> '市级未成年人救助保护机构覆盖率'."""
    text = n.strip_leading(clause.strip(PUNCTUATION))
    head = text[: text.find(COVERAGE)].removesuffix("实现").removesuffix("达到")
    verb = n.leading_verb(head)
    if n.is_scope(verb):
        head = head[len(verb) :]
    return (head or text) + "覆盖率"
