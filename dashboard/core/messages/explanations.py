"""The one-sentence explanations of progress, in officials' phrasing, clause by clause:

"1—10月累计完成2,450个，占全年目标的81.7%，低于序时进度1.6个百分点，后2个月需月均完成275个"
"全年完成2,900个，完成目标的96.7%，未完成全年目标，差100个"
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
    "explain.above": ("高于{what}{gap}个百分点", "{gap} points above {what}"),
    "explain.below": ("低于{what}{gap}个百分点", "{gap} points below {what}"),
    "explain.decline_above": (
        "降幅高于{what}{gap}个百分点",
        "a decline {gap} points beyond {what}",
    ),
    "explain.decline_below": (
        "降幅低于{what}{gap}个百分点",
        "a decline {gap} points short of {what}",
    ),
    "explain.decline_level": ("降幅与{what}持平", "a decline level with {what}"),
    "explain.what.time_share": ("序时进度", "the time share ({share}%)"),
    "explain.what.time_share_of": (
        "{month}序时进度",
        "the {month} time share ({share}%)",
    ),
    "explain.relation": ("，{relation}", ", {relation}"),
    # amounts and counts
    "explain.share_of.range": ("目标下限", "the lower bound"),
    "explain.share_of.target": ("全年目标", "the annual target"),
    "explain.flow": (
        "{period}累计完成{actual}{unit}，占{share_of}的{completion}%",
        "{period} cumulative {actual} {unit}, {completion}% of {share_of}",
    ),
    "explain.flow.achieved": ("，已完成全年目标", ", annual target already met"),
    # a target of zero ("零发生", 0以内) has no completion share
    "explain.flow.bare": ("{period}累计{actual}{unit}", "{period} cumulative {actual} {unit}"),
    "explain.year.flow_bare": ("全年累计{actual}{unit}", "Full year: {actual} {unit}"),
    "explain.cap.within": ("，未超过目标（{target}）", ", within the target ({target})"),
    "explain.cap.over": ("，超过目标（{target}）", ", over the target ({target})"),
    "explain.flow.upper_reached": (
        "并达到目标上限{high}{unit}",
        " and the upper bound ({high} {unit}) reached",
    ),
    "explain.flow.upper_exceeded": (
        "并超过目标上限{high}{unit}",
        " and the upper bound ({high} {unit}) exceeded",
    ),
    "explain.flow.seasonal": (
        "（按上年季节规律应完成{share}%）",
        " (last year's seasonal share: {share}%)",
    ),
    "explain.pace.months": (
        "，后{left}个月需月均完成{pace}{unit}",
        "; {pace} {unit} a month needed for the remaining {left} months",
    ),
    "explain.pace.quarters": (
        "，后{left}个季度需季均完成{pace}{unit}",
        "; {pace} {unit} a quarter needed for the remaining {left} quarters",
    ),
    "explain.pace.last": ("，{period}需完成{pace}{unit}", "; {pace} {unit} needed in {period}"),
    "explain.pace.whole": ("，尚需完成{remaining}{unit}", "; {remaining} {unit} still to do"),
    "explain.pace.multiple": (
        "，为{period}{per}均的{ratio}倍，全年目标难以完成",
        ", {ratio} times the {per} average so far: the annual target is out of reach",
    ),
    "explain.per.month": ("月", "monthly"),
    "explain.per.quarter": ("季", "quarterly"),
    "explain.pace.out_of_reach": (
        "，全年目标难以完成",
        ": the annual target is out of reach",
    ),
    "explain.pace.last_month": ("，仅剩1个月", ", the last month left"),
    "explain.pace.last_quarter": ("，仅剩1个季度", ", the last quarter left"),
    "explain.year.flow": (
        "全年完成{actual}{unit}，完成{share_of}的{completion}%",
        "Full year: {actual} {unit}, {completion}% of {share_of}",
    ),
    "explain.year.flow_met": (
        "全年完成{actual}{unit}，完成{share_of}的{completion}%",
        "Full year: {actual} {unit}, {completion}% of {share_of}; annual target met",
    ),
    "explain.year.share_of.target": ("目标", "the target"),
    "explain.year.share_of.range": ("目标下限", "the lower bound"),
    "explain.year.upper_reached": (
        "，达到目标上限{high}{unit}",
        "; the upper bound ({high} {unit}) reached",
    ),
    "explain.year.upper_exceeded": (
        "，超过目标上限{high}{unit}",
        "; the upper bound ({high} {unit}) exceeded",
    ),
    "explain.year.missed": (
        "，未完成全年目标，差{short}{unit}",
        "; the annual target was missed by {short} {unit}",
    ),
    "explain.due.flow": (
        "{period}累计完成{actual}{unit}，完成{share_of}的{completion}%",
        "{period} cumulative {actual} {unit}, {completion}% of {share_of}",
    ),
    "explain.due.met": ("，已按期完成", "; done on time"),
    "explain.due.missed": (
        "，未按期（{due}）完成，差{short}{unit}",
        "; not done by {due}: {short} {unit} short",
    ),
    "explain.scheduled.year_end": (
        "（{due}考核，不按序时进度评估）",
        " (assessed {due}, not against the time share)",
    ),
    "explain.scheduled.items": (
        "（按项目逐个评估，{due}考核）",
        " (items judged one by one, assessed {due})",
    ),
    "explain.scheduled.at_year_end": ("年底", "at year end"),
    # targets judged by their named items (each school, each waterlogging point)
    "explain.items": (
        "截至{month}，清单所列{total}{unit}中已完成{done}{unit}，占{share_of}的{completion}%",
        "{month}: {done} of the {total} {unit} listed done, {completion}% of {share_of}",
    ),
    "explain.items.open": ("，尚未完成：{names}", "; still open: {names}"),
    "explain.items.overdue": ("（其中已逾期：{names}）", " (overdue: {names})"),
    "explain.items.lost": (
        "，其余在建项目已不足以完成目标",
        "; the items still on course cannot make up the target",
    ),
    "explain.items.short": (
        "，清单仅列{total}{unit}，少于目标{floor}{unit}",
        "; only {total} {unit} listed, fewer than the {floor} {unit} of the target",
    ),
    "explain.items.more": ("等{n}{unit}", " ({n} {unit} in all)"),
    "explain.items.none_open": ("，所列项目均已完成", "; every item listed is done"),
    "explain.scheduled.by": ("{due}前", "by {due}"),
    "explain.scheduled.rate": ("（年底考核）", " (assessed at year end)"),
    "explain.pending": ("（{period}数据尚未到报送期）", " (the {period} figure is not due yet)"),
    "period.last_quarter": ("四季度", "Q4"),
    "explain.overdue": (
        "{period}数据未报送，最新",
        "{period} figure not reported; latest ",
    ),
    "explain.gaps": ("，缺报{count}当月数据", "; single-month figures missing for {count}"),
    "count.months.one": ("1个月", "1 month"),
    "count.months.many": ("{n}个月", "{n} months"),
    # growth rates, shares, levels
    "explain.rate": ("{period}{value}", "{period}: {value}"),
    "explain.rate.growth": ("累计增长{value}%", "cumulative growth {value}%"),
    "explain.rate.decline": ("累计下降{value}%", "cumulative decline {value}%"),
    "explain.rate.year_growth": ("增长{value}%", "growth {value}%"),
    "explain.rate.year_decline": ("下降{value}%", "decline {value}%"),
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
    "explain.rate.pace_quarters": (
        "，其余季度需增长{pace}%方能完成全年目标（{basis}）",
        "; {pace}% needed in the remaining quarters (weights: {basis})",
    ),
    "explain.rate.pace_last": (
        "，{period}需增长{pace}%方能完成全年目标（{basis}）",
        "; {pace}% needed in {period} to meet it (weights: {basis})",
    ),
    "explain.rate.basically_met": ("，全年目标已基本实现", "; the annual target is as good as met"),
    "explain.rate.multiple": (
        "，为目前增速的{ratio}倍，全年目标难以完成",
        ", {ratio} times the pace so far: the annual target is out of reach",
    ),
    "explain.rate.met": ("，达到目标", "; target met"),
    "explain.rate.missed": ("，未达到目标", "; target not met"),
    "explain.rate.short": (
        "，未达到目标，差{short}{unit}",
        "; target not met: {short} {unit} short",
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
    "explain.maintain.kept_reported": (
        "{period}为{value}，已报送各期均达到{target}的要求",
        "{period}: {value}, every reported period {target}",
    ),
    "explain.maintain.missing_one": ("，{month}数据未报送", "; the {month} figure is missing"),
    "explain.maintain.missing_many": (
        "，{month}等{n}期数据未报送",
        "; {n} figures from {month} on are missing",
    ),
    "explain.maintain.meets": (
        "{period}为{value}，达到{target}的要求",
        "{period}: {value}, {target}",
    ),
    "explain.maintain.misses": (
        "{period}为{value}，未达到{target}的要求",
        "{period}: {value}, missing {target}",
    ),
    "explain.maintain.warning_now": (
        "（月度预警，按年度考核）",
        " (a monthly warning; judged on the year)",
    ),
    "explain.maintain.warning_before": (
        "（{month}为{value}，月度预警；按年度考核）",
        " ({month}: {value}, a monthly warning; judged on the year)",
    ),
    "explain.maintain.yearly": ("（按年度考核）", " (judged on the year)"),
    "explain.clear.pending": (
        "{month}为{value}，须于{next}底前清零",
        "{month}: {value}, to be cleared by the end of {next}",
    ),
    "explain.clear.pending_year": (
        "{month}为{value}，须于{year}年{next}底前清零",
        "{month}: {value}, to be cleared by the end of {next} {year}",
    ),
    "explain.clear.kept": (
        "{month}为{value}，达到动态清零要求",
        "{month}: {value}, cleared as required",
    ),
    "explain.clear.cleared": (
        "（{warned}{warned_value}已于次月清零）",
        " ({warned}: {warned_value}, cleared the next month)",
    ),
    "explain.clear.breach": (
        "{before}、{month}连续未清零（{month}为{value}），未达到动态清零要求",
        "{before} and {month} not cleared ({month}: {value}): clearing required within a month",
    ),
    # milestones
    "due.year_end": ("年底", "end of Dec"),
    "due.month_end": ("{month}底", "end of {month}"),
    "due.day": ("{month}{day}日", "{month} {day}"),
    "explain.state.done": ("已完成", "done"),
    "explain.state.in_progress": ("推进中", "in progress"),
    "explain.state.not_started": ("尚未启动", "not started"),
    "explain.state.none": ("暂无进展报告", "no progress reported"),
    "explain.state.silent": ("未报送进展", "no progress reported"),
    "explain.state.words": ("{state}（{words}）", "{state} ({words})"),
    "explain.milestone": (
        "计划{due}完成，截至{year}年{month}底{state}",
        "Due {due} {due_year}; as of end of {month}: {state}",
    ),
    "explain.milestone.overdue": ("，已逾期", ", overdue"),
    "explain.milestone.report_late": ("，{month}进展未报送", "; the {month} report is overdue"),
    "explain.milestone.pending": (
        "（{month}进展尚未到报送期）",
        " (the {month} report is not due yet)",
    ),
    "explain.milestone.late": (
        "计划{due}完成，{done}完成，逾期{months}",
        "Due {due} {due_year}; done in {done}, {months} late",
    ),
    # qualitative targets and targets still waiting for figures
    "explain.judgement.awaiting": (
        "定性目标，待责任单位评估",
        "Qualitative target, awaiting assessment",
    ),
    "explain.waiting.missing": ("{period}数据尚未上报", "The {period} figure is due but missing"),
    "explain.waiting.missing_since": (
        "{month}起{n}期数据均未上报",
        "All {n} figures due since {month} are missing",
    ),
    "explain.waiting.annual": (
        "该指标年度考核，年内暂不评估",
        "Assessed annually; not judged during the year",
    ),
    "explain.waiting.release": (
        "全年数据待发布（预计{year}年{month}发布）",
        "Full-year figure awaiting release (expected {month} {year})",
    ),
    "explain.waiting.nothing": ("暂无上报", "Nothing reported yet"),
    "explain.waiting.first": (
        "首期数据（{period}）尚未到报送期",
        "The first figure ({period}) is not due yet",
    ),
}

# Keys whose languages deliberately carry different details (checked by the message test):
ONE_SIDED = {
    "explain.what.time_share": "English names the share: 'the time share' alone is opaque",
    "explain.what.time_share_of": "English names the share of that month",
    "explain.milestone": "Chinese gives the year of the as-of month; English the due date's year",
    "explain.milestone.late": "English gives the due date's year",
    "explain.pace.multiple": "Chinese names the period the average is taken over (1—6月月均)",
}
