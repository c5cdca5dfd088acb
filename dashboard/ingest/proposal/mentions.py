"""One sentence -> its numbered mentions: each number with the name, verb and comparator
the sentence gives it.

Positions are relative to the sentence. Several mentions share a clause when a verb governs
a list ("新建改造供水管网40公里、供气管网50公里"): the verb carries over to the later items,
and a 以上 that closes a bare list of numbers ("分别达到2.8%、5%、10%以上") applies to all of
them, flagged as ambiguous.
"""

import re
from dataclasses import dataclass, field, replace

from dashboard.core.messages import Msg
from dashboard.ingest.proposal import lexicon as lx
from dashboard.ingest.proposal import names as n
from dashboard.ingest.proposal.phrasing import comparator
from dashboard.ingest.proposal.quantities import Quantity, find_quantities

CJK = re.compile(r"[\u3400-\u9fff“‘《]")
PUNCTUATION = "，。；：、,;:！？ "
EACH = "各"
ALL = "均"
RESPECTIVELY = "分别"
JOINERS = re.compile(r"及|和|与|、")


@dataclass(frozen=True)
class Clause:
    start: int  # sentence-relative
    end: int


@dataclass(frozen=True)
class Mention:
    quantity: Quantity
    clause: int
    names: tuple[str, ...]  # usually one; "零碳工厂及园区各5家" gives two
    verb: str
    before: str
    number_first: bool
    comparator: str
    span: tuple[int, int]  # sentence-relative stretch of the named target
    notes: tuple[Msg, ...] = field(default=())

    @property
    def name(self) -> str:
        return self.names[0]


def read_sentence(sentence: str, clauses: list[Clause]) -> list[Mention]:
    quantities = find_quantities(sentence)
    mentions: list[Mention] = []
    for index, clause in enumerate(clauses):
        inside = [q for q in quantities if clause.start <= q.start < clause.end]
        mentions += _clause_mentions(sentence, index, clause, inside, mentions)
    return mentions


def _clause_mentions(sentence, index, clause, quantities, earlier) -> list[Mention]:
    found: list[Mention] = []
    left_start = clause.start
    for i, quantity in enumerate(quantities):
        following = i + 1 < len(quantities)
        right_end = quantities[i + 1].start if following else clause.end
        left = sentence[left_start : quantity.start]
        between = sentence[quantity.end : right_end]
        noun = _own_noun(between) if following else between
        right = noun.rstrip(PUNCTUATION)
        previous = found[-1] if found else None
        mention = _mention(quantity, index, left, right, previous, earlier[-1:])
        stripped = n.strip_joiners(left, PUNCTUATION)
        span_start = left_start + (left.find(stripped) if stripped else len(left))
        span_end = quantity.end + (len(right) if mention.number_first else 0)
        found.append(replace(mention, span=(span_start, span_end)))
        # '310条河流优良水体比例保持90%以上': words not cut off by 、/和 also name the next
        shared = mention.number_first and following and noun == between
        left_start = quantity.end if shared else span_end
    return _respectively(_close_lists(found), sentence, clause)


def _own_noun(between: str) -> str:
    """Of the words between two numbers, those that belong to the first.

    '国家物流枢纽、商丘等' -> '国家物流枢纽';
    '粮食产能提升重点县和豫东平原' -> '粮食产能提升重点县';
    '、公共停车位' -> '' (the name of the next number). A trailing number takes no words.
    """
    if not between or not CJK.match(between.removeprefix("的")[:1]):
        return between
    if "、" in between:
        return between.split("、", 1)[0]
    cut = max(between.rfind(j) for j in ("和", "及", "与"))
    return between[:cut] if cut > 0 else between


def _mention(quantity, index, left, right, previous, before_clause) -> Mention:
    noun = right.removeprefix("的")
    if noun and CJK.match(noun[0]):
        return _number_first(quantity, index, left, noun, previous)
    return _trailing(quantity, index, left, previous, before_clause)


def _number_first(quantity, index, left, noun, previous) -> Mention:
    """'完成11处积水点治理', '打造50个和美村、100个富民村', '饮用水源地水质100%合格'."""
    full = n.drop_examples(n.strip_leading(n.strip_joiners(left, PUNCTUATION)))
    words = n.strip_leading(full.rsplit("、", 1)[-1]) if "、" in full else full
    if "、" in full and left.rstrip(PUNCTUATION).endswith(("和", "及", "与")):
        words = ""  # '城市十大公园、环湖十大湿地和100个小公园': those are other items
    words = n.strip_linking(words)[0] if words not in lx.LINKING else ""
    verb = n.last_verb(words) or (n.last_verb(full) if not words else "")
    notes = []
    if not verb and previous is not None and not words:
        verb, notes = previous.verb, [Msg.of("proposal.note.verb_carried")]
    name = _lead(words, verb) + noun.strip(PUNCTUATION)
    return Mention(
        quantity,
        index,
        (name,),
        verb,
        left,
        True,
        comparator(left, quantity),
        (0, 0),
        tuple(notes + _scope_note(verb)),
    )


LEAD_WORDS = 10


def _lead(words: str, verb: str) -> str:
    """What a number-first name keeps before the number: the verb and the few words after
    it that say what it acts on ('推进城镇燃气“瓶改管”60个小区'), else the verb alone."""
    if not verb:
        return words
    pos = words.rfind(verb)
    after = words[pos + len(verb) :]
    if len(after) > LEAD_WORDS or any(c.isdigit() for c in after):
        return verb
    return verb + after


def _trailing(quantity, index, left, previous, before_clause) -> Mention:
    """'机场货邮吞吐量达到110万吨', '公共停车位3万个' after '新建…3000个、'."""
    raw = n.strip_joiners(left, PUNCTUATION)
    each = raw.endswith(EACH)
    words = n.strip_leading(raw.removesuffix(EACH))
    name, _link = n.strip_linking(n.tidy(_without_examples(words)))
    if _link and name.endswith(ALL) and "、" in name:
        name, each = name.removesuffix(ALL), True  # '投资、融资规模均超1000亿元'

    notes: list[str] = []
    source = previous or (before_clause[0] if before_clause else None)
    if source is not None and (completed := _completed(name, source, previous)) != name:
        name = completed
        notes.append(Msg.of("proposal.note.name_completed"))
    verb = n.leading_verb(name)
    # '举办各类展会超700场、综合收入突破1000亿元': an item with its own 突破 / 达到 says
    # what a figure reaches; the earlier verb (举办) does not act on it.
    own_predicate = _link in lx.OWN_PREDICATES
    if (
        not verb
        and not notes
        and not own_predicate
        and previous is not None
        and previous.verb
        and not _rate(quantity)
    ):
        verb, name = previous.verb, previous.verb + name
        notes.append(Msg.of("proposal.note.verb_carried"))
    names = _each(name) if each else (name,)
    if each:
        notes.append(Msg.of("proposal.note.each"))
    return Mention(
        quantity,
        index,
        names,
        verb,
        left,
        False,
        comparator(left, quantity),
        (0, 0),
        tuple(notes + _scope_note(verb)),
    )


def _rate(quantity: Quantity) -> bool:
    """A share or rate is not built or added: '引进项目350个、履约率70%' keeps 履约率 bare."""
    return quantity.dimension in ("percent", "permille", "points")


def _without_examples(words: str) -> str:
    """Examples before 等 are dropped, unless they are all there is to name
    ('新引进孵化上下游企业、科研院所、人才团队等10个以上')."""
    dropped = n.drop_examples(words)
    if len(n.stem(dropped)) >= 2 and dropped != n.leading_verb(dropped):
        return dropped
    return words.removesuffix("等")


def _completed(name: str, source: Mention, previous: Mention | None) -> str:
    """A name too short to stand alone, completed from the figure before it.

    '' after '增长5.5%以上、力争6%' -> the same name; '增长' after '地区生产总值达到…亿元、'
    -> '地区生产总值增长'; '产量' after '粮食种植面积…、' -> '粮食产量'; '优化' after
    '新开公交线路10条、' -> '优化公交线路'.
    """
    if not name or name in lx.LINKING:
        return source.name
    if name in lx.RATE_WORDS or name.startswith(lx.RELATIVE):
        return n.stem(source.name) + name
    if previous is None or len(name) > 2:
        return name
    if n.subject(previous.name):
        return n.subject(previous.name) + name  # '总产' after '粮食种植面积' -> '粮食总产'
    if name[0] == n.stem(previous.name)[:1]:
        return name  # '绿地' after '新增绿道30公里、': a sibling noun, not a verb on 绿道
    return name + n.stem(previous.name)


def _each(name: str) -> tuple[str, ...]:
    """'零碳工厂及园区' -> ('零碳工厂', '零碳园区'); the verb and a shared head word carry over."""
    verb = n.leading_verb(name)
    parts = [p for p in JOINERS.split(name[len(verb) :]) if p]
    if len(parts) < 2:
        return (name,)
    first = parts[0]
    full = [first] + [
        first[: len(first) - len(p)] + p if len(p) <= 2 < len(first) else p for p in parts[1:]
    ]
    return tuple(verb + p for p in full)


def _scope_note(verb: str) -> list[str]:
    return [Msg.of("proposal.note.scope", verb=verb)] if n.is_scope(verb) else []


def _close_lists(mentions: list[Mention]) -> list[Mention]:
    """'2.8%、5%、10%以上': a comparator closing a bare list of numbers applies to each."""
    if len(mentions) < 2:
        return mentions
    last = mentions[-1]
    bare = [m for m in mentions[1:] if not n.strip_joiners(m.before, PUNCTUATION)]
    if len(bare) != len(mentions) - 1 or last.quantity.suffix_comparator == "":
        return mentions
    closed = [
        replace(
            m, comparator=last.comparator, notes=(*m.notes, Msg.of("proposal.note.list_comparator"))
        )
        if m.comparator == "exactly" and m.quantity.unit == last.quantity.unit
        else m
        for m in mentions[:-1]
    ]
    return [*closed, last]


def _shared_tail(parts: list[str]) -> list[str]:
    """'市管企业、双百企业、科改企业研发投入强度' -> each '…企业研发投入强度';
    '城镇、农村常住居民人均可支配收入' -> '城镇常住居民…', '农村常住居民…'."""
    first, last = parts[0], parts[-1]
    if len(last) <= len(first) + 1 or any(len(p) > len(first) for p in parts[:-1]):
        return parts
    tail = last[len(first) :]
    return [p + tail for p in parts[:-1]] + [last]


def _respectively(mentions: list[Mention], sentence: str, clause: Clause) -> list[Mention]:
    """'A、B、C分别达到2.8%、5%、10%' -> A 2.8%, B 5%, C 10%; '城镇和农村…收入分别增长4%
    左右和6%左右' -> 城镇…收入增长 4%, 农村…收入增长 6%."""
    if len(mentions) < 2 or RESPECTIVELY not in mentions[0].before:
        return mentions
    head, _, linking = mentions[0].before.partition(RESPECTIVELY)
    subjects = n.strip_leading(head.strip(PUNCTUATION))
    parts = [p for p in JOINERS.split(subjects) if p]
    if len(parts) != len(mentions):
        return mentions
    rate = next((w for w in lx.RATE_WORDS if linking.startswith(w)), "")
    parts = [p + rate for p in _shared_tail(parts)]
    return [
        replace(m, names=(part,), notes=(*m.notes, Msg.of("proposal.note.respectively")))
        for m, part in zip(mentions, parts, strict=True)
    ]
