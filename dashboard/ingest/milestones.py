"""A milestone's state as a department writes it -> 0 not started, 1 in progress, 2 done.

Whole phrases are read, never a word found anywhere: "尚未完成" contains 完成 but says
the work is not done, "完成前期手续" finished a preliminary step of it, "暂未开工" has not
started. A phrase is read as

    [anything] [negation] [adverbs] VERB [VERB ...] [中|了] [object]

- a negated 完成/建成/投用 ... (done verbs) is in progress: not done, and said of work
  that exists; a negated 开工/启动/建设 ... (start verbs) is not started;
- a done verb with an object other than the work as a whole ("完成前期手续", "完成70%")
  is a step: in progress;
- partial work (部分投用, 试运行, 主体完工) is in progress, whatever the verb;
- a target that names its own done verbs (catalogue column `done_words`, issue 15) is done
  only by those or by a plain 完成: "已开工" completes a 开工 target and only starts a 建成通车
  one, "已建成" is a stage of a 开业 target;
- a named item can be withdrawn (取消, 撤销, 不再实施, "withdrawn"): a wrongly listed or
  renamed item leaves its target's list from that report on; only items can be, a
  milestone withdrawn is refused (its target would silently disappear);
- anything without a state verb is refused, so that no guess is ever stored.
"""

import re
from functools import lru_cache

from dashboard.core.milestones import split_words
from dashboard.ingest.cells import CellError, clean

DONE, IN_PROGRESS, NOT_STARTED = 2, 1, 0
WITHDRAWN = 3  # a named item taken off its list (core.milestones.WITHDRAWN)

DONE_VERBS = (
    "完成",
    "建成",
    "竣工",
    "完工",
    "投用",
    "投运",
    "投产",
    "通车",
    "开通",
    "开业",
    "运营",
    "运行",
    "量产",
    "交付",
    "落成",
    "办结",
    "举办",
    "召开",
    "组建",
    "成立",
    "挂牌",
    "贯通",
)
START_VERBS = ("在建", "开工", "动工", "启动", "开始", "推进", "进行", "建设", "施工", "实施")
START_VERBS += ("筹备", "编制", "征求", "报批", "起草")
NEGATIONS = ("未", "没", "不", "无法", "难以")  # 尚未 暂未 还未 没有 不能 未能 end so
ADVERBS = ("按期", "按时", "如期", "全部", "全面", "完全", "彻底", "及时", "顺利", "提前", "基本")
ADVERBS += ("已经", "已", "能够", "能", "有", "尚", "暂", "还", "仍", "正在", "正", "在")
PARTIAL = ("部分", "局部", "试运行", "试营业", "试生产", "主体完工", "主体竣工", "初稿", "草案")
PLAIN_DONE = ("完成", "办结")  # done whatever the target's own verb is
JOINERS = ("并已", "并", "和", "及", "、", "且")
# Objects that are the work itself: "完成建设任务" is done, "完成前期手续" a step.
WHOLE = ("全部", "建设", "任务", "目标", "验收", "竣工验收", "全部工程", "年度任务", "主体工程")

ENGLISH = {
    "done": DONE,
    "completed": DONE,
    "complete": DONE,
    "finished": DONE,
    "achieved": DONE,
    "in operation": DONE,
    "in progress": IN_PROGRESS,
    "ongoing": IN_PROGRESS,
    "underway": IN_PROGRESS,
    "under way": IN_PROGRESS,
    "under construction": IN_PROGRESS,
    "started": IN_PROGRESS,
    "incomplete": IN_PROGRESS,
    "unfinished": IN_PROGRESS,
    "uncompleted": IN_PROGRESS,
    "not complete": IN_PROGRESS,
    "not completed": IN_PROGRESS,
    "not done": IN_PROGRESS,
    "not finished": IN_PROGRESS,
    "not yet complete": IN_PROGRESS,
    "not yet completed": IN_PROGRESS,
    "not yet done": IN_PROGRESS,
    "not yet finished": IN_PROGRESS,
    "not started": NOT_STARTED,
    "not yet started": NOT_STARTED,
    "not begun": NOT_STARTED,
    "not yet begun": NOT_STARTED,
    "pending": NOT_STARTED,
}

# Whole phrases that withdraw an item: "已取消", "项目撤销", "不再实施（并入二中）".
_WITHDRAW = re.compile(
    r"(?:该?项目)?(?:已经|已)?(?:取消|撤销|撤回|撤除|删除|剔除|移出清单|调出清单|终止实施|停止实施|"
    r"不再实施|不再建设|不再列入|不列入)(?:实施|建设|清单|该项目|项目)?"
)
ENGLISH_WITHDRAWN = ("withdrawn", "cancelled", "canceled", "dropped", "removed", "withdraw")

_VERBS = DONE_VERBS + START_VERBS
_REMARK = re.compile(r"[(\[【][^)\]】]*[)\]】]")  # "已完成（9月20日）": the remark is no state
_CODE = re.compile(r"[012](?:\.0*)?")
_PUNCTUATION = re.compile(r"[\s。.!！,，;；:：]+")


@lru_cache(maxsize=4096)
def parse_milestone(text: str, done_words: str = "", item: bool = False) -> int:
    """0, 1 or 2 from a state phrase (or the codes themselves); `done_words` are the
    target's own done verbs ("开工;开工建设"); 3 (withdrawn) for a named `item` taken off
    its list. Raises CellError."""
    s = clean(text).lower()
    if _CODE.fullmatch(s):  # the codes, also as Excel numbers (2.0)
        return int(float(s))
    s = _PUNCTUATION.sub(" ", _REMARK.sub("", s)).strip()
    if s in ENGLISH_WITHDRAWN or _WITHDRAW.fullmatch(s.replace(" ", "")):
        if not item:
            raise CellError("cell.withdrawn_not_item", "hint.withdraw_items_only", text=text)
        return WITHDRAWN
    code = ENGLISH.get(s)
    if code is None and not s.isascii():
        code = _chinese(s.replace(" ", ""), split_words(done_words))
    if code is None:
        hint = "hint.item_words" if item else "hint.milestone_words"
        raise CellError("cell.not_milestone", hint, text=text)
    return code


def _chinese(s: str, own: tuple[str, ...]) -> int | None:
    verbs = list(_verb_pattern(own).finditer(s))
    if not verbs:
        return None
    group = _verb_group(s, verbs)
    said = "".join(m.group() for m in group)
    # a negated start verb is not started, even when starting is the target (暂未开工)
    done = any(m.group() not in START_VERBS for m in group)
    rest = s[group[-1].end() :].removeprefix("了").removeprefix("中")
    if _negated(s[: group[0].start()]):
        return IN_PROGRESS if done else NOT_STARTED
    if rest and not rest.startswith(WHOLE) or any(w in s for w in PARTIAL):
        return IN_PROGRESS  # a step was done or begun: "完成前期手续", "开工3个", "部分投用"
    if own and not _starting(own):  # only its own verbs, or a plain 完成, complete it
        done = any(w in said for w in own) or any(m.group() in PLAIN_DONE for m in group)
    elif own:  # a start target: starting does it, and so does anything past it (已建成)
        done = done or any(w in said for w in own)
    return DONE if done else IN_PROGRESS


def _starting(own: tuple[str, ...]) -> bool:
    """Is the target to start work ("开工;开工建设")? Its own words are all start verbs."""
    return all(any(v in w for v in START_VERBS) for w in own) and not any(
        d in w for w in own for d in DONE_VERBS
    )


@lru_cache(maxsize=256)
def _verb_pattern(own: tuple[str, ...]) -> re.Pattern:
    """State verbs, the target's own among them ("揭牌", "印发"), longest first."""
    return re.compile("|".join(sorted({*_VERBS, *own}, key=len, reverse=True)))


def _verb_group(s: str, verbs: list[re.Match]) -> list[re.Match]:
    """The first run of state verbs, joined directly or by 并/和/、 ("建成并投用")."""
    group = [verbs[0]]
    for m in verbs[1:]:
        between = s[group[-1].end() : m.start()]
        if between and between not in JOINERS:
            break
        group.append(m)
    return group


def _negated(before: str) -> bool:
    """Does the text before the verbs end in a negation, once adverbs are set aside?
    "不能按期" and "尚未" do; "不断" (continuously) and "项目已于9月" do not."""
    trimmed = True
    while trimmed:
        trimmed = False
        for adverb in ADVERBS:
            if before.endswith(adverb) and not _ends_negated(before):
                before, trimmed = before[: -len(adverb)], True
                break
    return _ends_negated(before)


def _ends_negated(text: str) -> bool:
    return text.endswith(NEGATIONS) or text.endswith(("没有", "不能", "未能"))
