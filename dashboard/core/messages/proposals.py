"""Proposing a catalogue from a report's text (`proposal.*`) and editing catalogues
(`catalogue.*` words of the 目标目录 page and the `propose` command)."""

TEXT = {
    # ------------------------------------------------------------- what the rules guessed
    "proposal.note.verb_carried": (
        "动词沿用前一项",
        "verb carried over from the previous item",
    ),
    "proposal.note.name_completed": (
        "名称由前一个数字补全",
        "name completed from the figure before",
    ),
    "proposal.note.each": ("“各”：每项一个目标", "各: one target per item"),
    "proposal.note.respectively": (
        "“分别”：名称与数值按顺序配对",
        "分别: names and values paired in order",
    ),
    "proposal.note.list_comparator": (
        "句末“以上”用于整个列举，有歧义",
        "以上 closes a list and was applied to each value: ambiguous",
    ),
    "proposal.note.scope": (
        "范围：“{verb}”只说明推进的数量，未必是完成目标",
        "scope: “{verb}” says how many things an ongoing action covers, not what it completes",
    ),
    "proposal.note.chinese_numeral": ("中文数字已读成数值", "Chinese numeral read as a number"),
    "proposal.note.short_name": ("名称过短，请核对所计对象", "short name: check what is counted"),
    "proposal.note.bare_multiplier": ("只写了万/亿，未写单位", "only 万/亿 written, no unit"),
    "proposal.note.date_from_next": ("期限取自后一分句", "due date taken from the next clause"),
    "proposal.note.milestone": ("节点目标：原文给出期限", "milestone: the text gives a date"),
    "proposal.note.milestone_undated": (
        "节点目标：原文未写期限，按年底计",
        "milestone: no date in the text, due at the end of the year",
    ),
    "proposal.note.no_event_verb": (
        "未见“建成、投用”等事件动词，请确认是节点目标",
        "no event verb such as 建成 or 投用: check that this is a milestone",
    ),
    "proposal.note.coverage": (
        "“全覆盖”读作 100%，原文未写数字和期限",
        "全覆盖 read as 100 %; the text gives no number or date",
    ),
    "proposal.note.translate": (
        "英文名暂用中文，请翻译",
        "English name copied from Chinese: translate it",
    ),
    # ------------------------------------------------------------- report files
    "report.old_doc": ("旧版 Word .doc 文件", "old Word .doc file"),
    "report.unknown_type": ("未知的文件类型“{suffix}”", "unknown file type {suffix!r}"),
    "report.bad_docx": ("无法读取的 .docx 文件", "not a readable .docx"),
    "hint.report_text_only": ("请只提交报告正文", "send the report text only"),
    "hint.save_docx_or_txt": ("请另存为 .docx 或 .txt", "save it as .docx or .txt"),
    "hint.report_types": ("请使用 .txt、.md 或 .docx", "use .txt, .md or .docx"),
    "hint.save_docx_again": ("请用 Word 或 WPS 重新保存", "save it again from Word or WPS"),
    "hint.keyword_header": (
        "表头应为 keyword,department",
        "the header row is keyword,department",
    ),
    # ------------------------------------------------------------- the propose command
    "cli.proposed": (
        "从 {report} 读出 {count} 个目标（其中 {check} 个需核对：可信度低于 0.7），"
        "另有往年数据 {baselines} 个",
        "{count} targets proposed from {report} ({check} to check: confidence below 0.7); "
        "{baselines} figures of earlier years",
    ),
    # ------------------------------------------------------------- saving a catalogue
    "catalogue.wrong_file": (
        "这一行的主体或年份与文件所在的文件夹和文件名不符",
        "this row's entity or year is not the one its folder and file name say",
    ),
    "hint.catalogue_file": (
        "放在 catalogues/<主体>/<年份>.csv，或改正这一行",
        "keep it in catalogues/<entity>/<year>.csv, or correct the row",
    ),
    "catalogue.bad_entity": (
        "主体名称为空或含有 / \\ : * ? 等字符",
        "the entity's name is empty or holds / \\ : * ? or the like",
    ),
    "hint.entity_name": (
        "请写成“洛阳市”“金水区”这样的名称",
        "write a name such as 洛阳市 or 金水区",
    ),
    "catalogue.removed_with_figures": (
        "删除的目标“{id}”已有 {n} 条数据",
        "the removed target {id!r} has {n} figures",
    ),
    "hint.keep_id": (
        "数据仍按该 ID 保存；保留该 ID 的目标即可继续显示，确认后才删除",
        "the figures stay stored under that id; keep a target with it to show them, or confirm",
    ),
    # ------------------------------------------------------------- the 目标目录 page
    "catalogue": ("目标目录", "Target catalogue"),
    "catalogue.entity": ("主体", "Entity"),
    "catalogue.new_entity": ("新增主体…", "New entity…"),
    "catalogue.entity_name": ("主体名称（如 洛阳市、金水区）", "Entity name (e.g. 洛阳市, 金水区)"),
    "catalogue.name_the_entity": ("请先填写主体名称。", "Name the entity first."),
    "catalogue.year": ("年份", "Year"),
    "catalogue.tab.propose": ("从报告生成", "From a report"),
    "catalogue.tab.edit": ("编辑目录 · {entity} {year}", "Edit · {entity} {year}"),
    "catalogue.tab.compare": ("对比与结转", "Compare and carry over"),
    "catalogue.tab.overview": ("各主体概览", "By entity"),
    "catalogue.tab.keywords": ("部门关键词", "Department keywords"),
    "catalogue.paste": ("粘贴政府工作报告全文", "Paste the work report's text"),
    "catalogue.upload": ("或上传报告文件（.txt、.md、.docx）", "or upload it (.txt, .md, .docx)"),
    "catalogue.undated": (
        "也列出未写期限的节点（建成投用等）和“全覆盖”",
        "also list undated events (“completed and in use”…) and “full coverage” aims",
    ),
    "catalogue.propose": ("生成建议", "Propose targets"),
    "catalogue.unreadable": ("无法读取该报告。", "The report cannot be read."),
    "catalogue.proposed": ("建议目标", "Proposed targets"),
    "catalogue.to_check": ("需核对（可信度低于 0.7）", "To check (confidence below 0.7)"),
    "catalogue.baselines": ("往年数据（作基数，不作目标）", "Earlier years' figures (baselines)"),
    "catalogue.mark_title": (
        "第 {n} 条建议，可信度 {confidence:.2f}",
        "proposal {n}, confidence {confidence:.2f}",
    ),
    "catalogue.band.sure": ("可信", "clear"),
    "catalogue.band.check": ("请核对", "check"),
    "catalogue.band.doubt": ("存疑", "doubtful"),
    "catalogue.accept": ("采纳", "Accept"),
    "catalogue.accept_selected": (
        "采纳所选建议到草稿",
        "Accept the ticked proposals into the draft",
    ),
    "catalogue.accepted": (
        "已将 {n} 条建议加入 {entity} {year} 年的草稿，请在“编辑目录”中核对后保存。",
        "{n} proposals added to the {entity} {year} draft: check and save them under Edit.",
    ),
    "catalogue.due": ("期限", "Due"),
    "catalogue.confidence": ("可信度", "Confidence"),
    "catalogue.suggested_department": (
        "建议责任单位（待确认）",
        "Suggested department (to confirm)",
    ),
    "catalogue.department": ("责任单位", "Department"),
    "catalogue.clause": ("原文", "Report's words"),
    "catalogue.notes": ("说明", "Notes"),
    "catalogue.merge_ids": (
        "合并这些目标（保留第一个的 ID）",
        "Merge these targets (the first id stays)",
    ),
    "catalogue.merge": ("合并", "Merge"),
    "catalogue.take_suggestions": (
        "空白的责任单位采用建议",
        "Take the suggested department where none is set",
    ),
    "catalogue.problems": (
        "有 {n} 个问题，改正后才能保存：",
        "{n} problems to correct before saving:",
    ),
    "catalogue.no_problems": ("{n} 个目标，检查通过。", "{n} targets, all checks passed."),
    "catalogue.admin_to_save": (
        "保存目录需要以管理员身份登录。",
        "Saving a catalogue needs an administrator's login.",
    ),
    "catalogue.confirm_removal": (
        "确认删除已有数据的目标（数据仍按原 ID 保存）",
        "Confirm removing targets that have figures (the figures stay stored under their id)",
    ),
    "catalogue.save": ("保存 {entity} {year} 年目录", "Save the {entity} {year} catalogue"),
    "catalogue.saved": (
        "已保存到 {file}：新增 {added} 个，修改 {changed} 个，删除 {removed} 个。",
        "Saved to {file}: {added} added, {changed} changed, {removed} removed.",
    ),
    "catalogue.not_saved": ("未保存：", "Not saved:"),
    "catalogue.none_yet": ("还没有任何目录。", "No catalogue yet."),
    "catalogue.left": ("左侧目录", "Left"),
    "catalogue.right": ("右侧目录", "Right"),
    "catalogue.carry_ids": ("结转到 {year} 年的目标", "Targets to carry over to {year}"),
    "catalogue.carry": ("结转到 {year} 年草稿", "Carry over to the {year} draft"),
    "catalogue.carried": (
        "已将 {n} 个目标结转到 {entity} {year} 年的草稿（ID 不变），请核对数值后保存。",
        "{n} targets carried into the {entity} {year} draft (same ids): update and save them.",
    ),
    "catalogue.targets": ("目标数", "Targets"),
    "catalogue.with_department": ("已定责任单位", "With a department"),
    "catalogue.with_figures": ("已有数据", "With figures"),
    "catalogue.keywords_help": (
        "目标名称或原句含关键词时，建议对应的责任单位；建议总要由人确认。",
        "A target whose name or sentence holds a keyword gets that department suggested; "
        "a person always confirms it.",
    ),
    "catalogue.save_keywords": ("保存关键词表", "Save the keyword table"),
    "catalogue.keywords_saved": ("已保存 {n} 个关键词。", "{n} keywords saved."),
    "target.kind.growth": ("增速", "Growth"),
    "target.kind.amount": ("总量", "Amount"),
    "target.kind.count": ("数量", "Count"),
    "target.kind.share": ("比率", "Share"),
    "target.kind.level": ("水平", "Level"),
    "target.kind.milestone": ("节点", "Milestone"),
    "target.kind.qualitative": ("定性", "Qualitative"),
}
