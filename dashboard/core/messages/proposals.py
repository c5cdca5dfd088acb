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
}
