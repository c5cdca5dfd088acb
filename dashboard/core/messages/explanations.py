"""The one-sentence explanations of progress, in officials' phrasing, clause by clause:

"1—10月累计完成2,450个，占全年目标的81.7%，低于序时进度1.6个百分点，后2个月需月均完成275个"
"""

TEXT = {
    # what the target is
    "target.range": ("{low}-{high}{unit}", "{low}–{high} {unit}"),
    "target.at_least": ("{value}以上", "at least {value}"),
    "target.about": ("{value}左右", "about {value}"),
    "target.at_most": ("{value}以内", "at most {value}"),
    "target.decrease": ("下降{value}以上", "a decrease of at least {value}"),
    "target.maintain": ("保持{value}", "kept at {value}"),
    "target.maintain_class": ("保持{value}以上", "kept at {value} or better"),
    "explain.goal": ("目标（{target}）", "the target ({target})"),
    # how far ahead or behind
    "explain.ahead": ("高于{what}{gap}个百分点", "{gap} points ahead of {what}"),
    "explain.behind": ("低于{what}{gap}个百分点", "{gap} points behind {what}"),
    "explain.level": ("与{what}持平", "level with {what}"),
    "explain.what.time_share": ("序时进度", "the time share ({share}%)"),
    "explain.relation": ("，{relation}", ", {relation}"),
    # amounts and counts
    "explain.share_of.range": ("目标下限", "the lower bound"),
    "explain.share_of.target": ("全年目标", "the annual target"),
    "explain.flow": (
        "{period}累计完成{actual}{unit}，占{share_of}的{completion}%",
        "{period} cumulative {actual} {unit}, {completion}% of {share_of}",
    ),
    "explain.flow.achieved": ("，已完成全年目标", ", annual target already met"),
    "explain.flow.upper_reached": (
        "并达到目标上限{high}{unit}",
        " and the upper bound ({high} {unit}) reached",
    ),
    "explain.flow.seasonal": (
        "（按上年季节规律应完成{share}%）",
        " (last year's seasonal share: {share}%)",
    ),
    "explain.flow.pace": (
        "，后{left}个月需月均完成{pace}{unit}",
        "; {pace} {unit} a month needed for the rest of the year",
    ),
    # growth rates, shares, levels
    "explain.rate": ("{period}{value}", "{period}: {value}"),
    "explain.rate.growth": ("累计增长{value}%", "cumulative growth {value}%"),
    "explain.rate.decline": ("累计下降{value}%", "cumulative decline {value}%"),
    "explain.rate.level": ("为{value}", "{value}"),
    "explain.rate.annual": (
        "，该指标年度考核，年内暂不评估",
        "; assessed annually, not judged during the year",
    ),
    "explain.rate.share": ("，为{goal}的{completion}%", ", {completion}% of {goal}"),
    "explain.rate.tolerance": (
        "，在“左右”容差（{tolerance}个百分点）以内",
        ", within the 'about' tolerance of {tolerance} points",
    ),
    "explain.rate.pace": (
        "，其余月份需增长{pace}%方能完成全年目标（{basis}）",
        "; {pace}% needed for the rest of the year (weights: {basis})",
    ),
    "explain.basis.last_year_profile": ("按上年结构测算", "last year's weights"),
    "explain.basis.months": ("按月份测算", "months"),
    # levels that must be kept
    "explain.maintain.breach": (
        "{month}为{value}，未达到{target}的要求，全年已无法挽回",
        "{month}: {value}, missing {target}; the breach stands for the rest of the year",
    ),
    "explain.maintain.kept": (
        "{period}为{value}，各期均达到{target}的要求",
        "{period}: {value}, every period {target}",
    ),
    # milestones
    "due.year_end": ("年底", "end of Dec"),
    "due.month_end": ("{month}底", "end of {month}"),
    "due.day": ("{month}{day}日", "{month} {day}"),
    "explain.state.done": ("已完成", "done"),
    "explain.state.in_progress": ("推进中", "in progress"),
    "explain.state.not_started": ("尚未启动", "not started"),
    "explain.state.none": ("暂无进展报告", "no progress reported"),
    "explain.milestone": (
        "计划{due}完成，截至{year}年{month}底{state}",
        "Due {due} {due_year}; as of end of {month}: {state}",
    ),
    "explain.milestone.overdue": ("，已逾期", ", overdue"),
    # qualitative targets and targets still waiting for figures
    "explain.judgement.awaiting": (
        "定性目标，待责任单位评估",
        "Qualitative target, awaiting assessment",
    ),
    "explain.waiting.missing": (
        "应报{period}数据尚未上报",
        "The {period} figure is due but missing",
    ),
    "explain.waiting.annual": (
        "该指标年度考核，年内暂不评估",
        "Assessed annually; not judged during the year",
    ),
    "explain.waiting.nothing": ("暂无上报", "Nothing reported yet"),
    "explain.waiting.first": (
        "首期数据（{period}）尚未到报送期",
        "The first figure ({period}) is not due yet",
    ),
    "explain.lag": ("（最新数据滞后{months}个月）", " (latest figure {months} month(s) behind)"),
}

# Keys whose languages deliberately carry different details (checked by the message test):
ONE_SIDED = {
    "explain.what.time_share": "English names the share: 'the time share' alone is opaque",
    "explain.flow.pace": "Chinese counts the months left (后2个月); English: the rest of the year",
    "explain.milestone": "Chinese gives the year of the as-of month; English the due date's year",
}
