"""What a number counts: the indicator's name from the words around it.

Reports write the name before the number ("机场货邮吞吐量达到110万吨") or after it ("完成11处
积水点治理"), and list several under one verb ("新建改造供水管网40公里、供气管网50公里"). The
name keeps the verb that commits ("新建公共停车位"), drops adverbs that only add force
(力争, 确保, 全力) and the linking verb before the number (达到, 突破, 稳定在).
"""

import re

from dashboard.ingest.proposal.lexicon import (
    FIRM_VERBS,
    JOINER_WORDS,
    JOINERS,
    LEADING,
    LINKING,
    MEASURE_WORDS,
    RATE_WORDS,
    SCOPE_VERBS,
    SYNONYMS,
    TRAILING_ADVERBS,
)


def strip_joiners(text: str, punctuation: str = "") -> str:
    """'、和公共停车位' -> '公共停车位', but '和美乡村' stays."""
    text = text.strip(punctuation)
    while text.startswith(JOINERS) and not text.startswith(JOINER_WORDS):
        text = text[2:] if text.startswith("以及") else text[1:]
        text = text.lstrip(punctuation)
    while text.endswith(JOINERS) and len(text) > 2 and text[-2:] not in JOINER_WORDS:
        text = text[:-2] if text.endswith("以及") else text[:-1]
        text = text.rstrip(punctuation)
    return text


def strip_leading(text: str) -> str:
    """'力争全年完成投资' -> '完成投资'."""
    changed = True
    while changed:
        changed = False
        for word in sorted(LEADING, key=len, reverse=True):
            if text.startswith(word):
                text, changed = text[len(word) :], True
    return text.lstrip("、，：")


def subject(name: str) -> str:
    """'粮食种植面积' -> '粮食': the thing a measure word is measured of, or ''."""
    for word in MEASURE_WORDS:
        pos = name.find(word)
        if pos > 0:
            return name[:pos]
    return ""


def tidy(name: str) -> str:
    """'规上工业增加值力争增长' -> '规上工业增加值增长'; '固定资产投资止跌回稳、力争增长' ->
    '固定资产投资增长': adverbs inside a name, and a rate that belongs to the first item."""
    name = re.sub(r"(力争|确保|争取|努力)(?=增长|下降|提高|达到|突破)", "", name)
    head, _, last = name.rpartition("、")
    if head and last in RATE_WORDS:
        return stem(head.split("、")[0]) + last
    return name


def strip_linking(text: str) -> tuple[str, str]:
    """'机场货邮吞吐量达到' -> ('机场货邮吞吐量', '达到'); '外调绿电规模力争达到' too."""
    for word in sorted(LINKING, key=len, reverse=True):
        if text.endswith(word) and len(text) > len(word):
            return _strip_trailing_adverb(text[: -len(word)]), word
    return _strip_trailing_adverb(text), ""


def _strip_trailing_adverb(text: str) -> str:
    """'一般公共预算支出规模将首次' -> '一般公共预算支出规模'."""
    changed = True
    while changed:
        changed = False
        for word in TRAILING_ADVERBS:
            if text.endswith(word) and len(text) > len(word) + 1:
                text, changed = text[: -len(word)], True
    return text


def leading_verb(text: str) -> str:
    """The committing or scope verb a name starts with, or ''."""
    text = strip_leading(text)
    for verb in sorted(FIRM_VERBS + SCOPE_VERBS, key=len, reverse=True):
        if text.startswith(verb):
            return verb
    return ""


def last_verb(text: str) -> str:
    """The verb ending last in a stretch of text ('鼓励…企业牵头组建' -> '组建')."""
    found = [(text.rfind(v) + len(v), len(v), v) for v in FIRM_VERBS + SCOPE_VERBS if v in text]
    return max(found)[2] if found else ""


def drop_examples(text: str) -> str:
    """'建成先导化合物半导体等亿元以上工业项目' -> '建成亿元以上工业项目'.

    The named examples before 等 are not part of the name; the verb that opens them is.
    """
    pos = _examples_end(text)
    if pos < 0:
        return text
    head = strip_leading(text[:pos])
    return _acting(head) + _drop_place(text[pos + 1 :])


def _acting(head: str) -> str:
    """What of the words before the examples stays: the verb they open with, or the actor and
    verb before them ('国先中心引进央企' -> '国先中心引进')."""
    verb = leading_verb(head) or last_verb(head)
    if not verb or head.startswith(verb):
        return verb
    return head[: head.rfind(verb) + len(verb)]


PLACE_NOUNS = ("领域", "方面", "行业", "区域", "地区")


def _drop_place(rest: str) -> str:
    """'领域引育企业' (after '在低空经济、智能城市等') -> '引育企业': 在…等领域 says where the
    verb acts; the place noun is no part of what is counted."""
    for noun in PLACE_NOUNS:
        if rest.startswith(noun) and leading_verb(rest[len(noun) :]):
            return rest[len(noun) :]
    return rest


def _examples_end(text: str) -> int:
    """Position of the 等 that closes a list of examples, or -1 (中等, 平等, 等级 are words)."""
    pos = text.rfind("等")
    if pos <= 0 or text[pos - 1] in "中高平同对均初优上" or text[pos + 1 : pos + 2] in ("级", "于"):
        return -1
    return pos


def is_scope(verb: str) -> bool:
    return verb in SCOPE_VERBS


def stem(name: str) -> str:
    """The indicator as written, without verbs and rate words: '新增城镇就业' -> '城镇就业'."""
    text = name
    for word in RATE_WORDS:
        if text.endswith(word) and len(text) > len(word):
            text = text[: -len(word)]
            break
    verb = leading_verb(text)
    return text[len(verb) :] if verb and len(text) > len(verb) + 1 else text


def root(name: str) -> str:
    """The indicator for comparing names: '规模以上工业增加值增长' -> '规上工业增加值'."""
    return stem(normalise(name))


def normalise(name: str) -> str:
    text = re.sub(r"[“”‘’\"'（）()《》\s]", "", name)
    for spelling, canonical in SYNONYMS:
        text = text.replace(spelling, canonical)
    return text


def similarity(a: str, b: str) -> float:
    """Share of character pairs in common (Dice on bigrams), 0..1, after normalising."""
    x, y = _bigrams(normalise(a)), _bigrams(normalise(b))
    if not x or not y:
        return 1.0 if normalise(a) == normalise(b) and a else 0.0
    common = sum(min(x.count(g), y.count(g)) for g in set(x))
    return 2 * common / (len(x) + len(y))


def containment(a: str, b: str) -> float:
    """How much of the shorter name's bigrams the longer one holds, 0..1."""
    x, y = _bigrams(normalise(a)), _bigrams(normalise(b))
    if not x or not y:
        return 0.0
    small, large = (x, y) if len(x) <= len(y) else (y, x)
    return sum(1 for g in set(small) if g in large) / len(set(small))


def _bigrams(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)] or ([text] if text else [])


TOPIC = re.compile(r"^([^，。；、]{2,14}?)(?:领域|方面|产业链)[，,：:]")
GENERIC_HEADS = ("产业规模", "核心产业规模", "产业产值", "营业收入", "营收", "规模", "产值")


def with_topic(name: str, sentence: str) -> str:
    """'力争产业规模达到2400亿元' in '电子信息领域，…' -> '电子信息产业规模': a name that
    says only what is measured takes the topic the sentence opens with."""
    m = TOPIC.match(sentence)
    if not m or not strip_leading(name).startswith(GENERIC_HEADS):
        return name
    return m.group(1) + strip_leading(name)
