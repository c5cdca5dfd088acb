"""What is wrong with an uploaded file or the catalogue (`problem.*`, `cell.*`, …), and
how to fix it (`hint.*`). The English texts are what the command line prints."""

PERIOD_FORMS = "2026-03、2026年3月、3月、1-2月、前2个月、一季度、上半年、前三季度或全年"
PERIOD_FORMS_EN = "2026-03, 2026年3月, 3月, 1-2月, 前2个月, 一季度, 上半年, 前三季度 or 全年"

TEXT = {
    # ------------------------------------------------------------- the file as a whole
    "file.empty": ("文件是空的", "the file is empty"),
    "file.too_big": (
        "文件大小 {size:.1f} MiB，上限为 {limit:.0f} MiB",
        "file is {size:.1f} MiB; the limit is {limit:.0f} MiB",
    ),
    "file.too_many_rows": (
        "共 {rows:,} 行，上限为 {limit:,} 行",
        "{rows:,} rows; the limit is {limit:,}",
    ),
    "file.too_many_columns": (
        "共 {columns:,} 列，上限为 {limit:,} 列",
        "{columns:,} columns; the limit is {limit:,}",
    ),
    "file.too_many_cells": (
        "表格超过 {limit:,} 个单元格的上限（到第 {line:,} 行已有 {rows:,} 行 × {columns:,} 列）",
        "the table exceeds the limit of {limit:,} cells ({rows:,} rows × {columns:,} columns "
        "by line {line:,})",
    ),
    "file.sheet_too_large": (
        "工作表“{sheet}”的已用区域延伸到 {last}（{rows:,} 行 × {columns:,} 列），"
        "超出上限（{limit_columns:,} 列、{limit_cells:,} 个单元格）",
        "sheet {sheet!r} is used as far as {last} ({rows:,} rows × {columns:,} columns), "
        "beyond the limits ({limit_columns:,} columns, {limit_cells:,} cells)",
    ),
    "file.too_costly": (
        "读取此文件超出了限额（内存 {memory:,} MiB、CPU {cpu} 秒），已停止",
        "reading the file went beyond the limits ({memory:,} MiB of memory, {cpu} s of CPU) "
        "and was stopped",
    ),
    "file.unknown_encoding": ("无法识别文件的文字编码", "cannot tell the file's text encoding"),
    "file.mixed_encoding": (
        "文件混用了两种文字编码：第 {line} 行不是 UTF-8，而第 {utf8_line} 行是",
        "the file mixes two text encodings: line {line} is not UTF-8, while line {utf8_line} is",
    ),
    "file.control_character": (
        "第 {line} 行 {column} 列有控制字符 {code}（不是文字，文件可能已损坏）",
        "line {line}, column {column} holds the control character {code} (not text; the "
        "file may be damaged)",
    ),
    "file.broken_text": (
        "文件开头标明是 {encoding} 文本，但第 {line} 行（第 {at} 字节处）不是",
        "the file starts as {encoding} text, but line {line} (at byte {at}) is not",
    ),
    "file.bad_csv": ("无法读取的 CSV：{error}", "unreadable CSV: {error}"),
    "file.unclosed_quote": (
        "第 {line} 行 {column} 列的引号没有闭合，其后 {lines} 行都会被读进这一格",
        "the quote opened in line {line}, column {column} is never closed: the {lines} "
        "line(s) after it would all be read into that one cell",
    ),
    "file.damaged_excel": ("Excel 文件已损坏（{reason}）", "damaged Excel file ({reason})"),
    "file.no_data_sheet": ("工作簿中没有数据", "the workbook has no data"),
    "file.only_hidden_sheets": (
        "工作簿中只有隐藏的工作表（{sheets}）有数据，隐藏的工作表不读取",
        "only hidden sheets ({sheets}) hold data, and hidden sheets are not read",
    ),
    "sheet.not_read": (
        "工作表“{sheet}”中的内容没有读取（只读取了工作表“{read}”）",
        "sheet {sheet!r} was not read (only sheet {read!r} was)",
    ),
    "sheet.hidden_not_read": (
        "隐藏的工作表“{sheet}”没有读取（只读取了工作表“{read}”）",
        "the hidden sheet {sheet!r} was not read (only sheet {read!r} was)",
    ),
    "file.inflates": (
        "工作簿解压后达 {size:,} 字节",
        "the workbook inflates to {size:,} bytes",
    ),
    "file.no_header": ("找不到表头行", "no header row found"),
    "file.no_figures": ("文件中没有找到任何数据", "no figures found in the file"),
    "file.no_catalogue_figure": (
        "文件中没有目录指标的数据：{rows} 行数据均未入库（见未入库行及原因）",
        "no catalogue figure in the file: all {rows} data row(s) skipped (see the rows and why)",
    ),
    "column.estimates": (
        "该列为预计数，不入库",
        "this column holds estimates, which are not stored",
    ),
    # ------------------------------------------------------------- rows not stored
    "skip.not_catalogue": ("非目录指标“{indicator}”", "{indicator!r} is not a catalogue indicator"),
    "skip.other_entity": (
        "目录中没有“{entity}”的目标",
        "the catalogue has no target for {entity!r}",
    ),
    "skip.place_in_title": (
        "标题写明是“{place}”的数字，目录中没有它的目标",
        "the title names the place {place!r}; the catalogue has no target for it",
    ),
    "skip.place_in_source": (
        "来源行表明是“{place}”的数字，目录中没有它的目标",
        "the source line names the place {place!r}; the catalogue has no target for it",
    ),
    "skip.not_ours": (
        "您已说明这些不是{entity}的数字，未入库",
        "you said these are not {entity}'s figures: not stored",
    ),
    "skip.single_month": (
        "{name}：当月数，本目标只用累计数",
        "{name}: a single-month figure; the target uses the year to date",
    ),
    "value.index": (
        "“{cell}”是指数（上年=100），不能读作{name}的数据",
        "{cell!r} is an index (the year before = 100), not a figure of {name}",
    ),
    "skip.index_table": (
        "{name}：表中都是指数（上年=100），没有本目标的数据",
        "{name}: the table holds indices (the year before = 100), no figure of this target",
    ),
    "value.estimate": ("“{cell}”是预计数，不入库", "{cell!r} is an estimate and is not stored"),
    "skip.no_label": ("该行有数据，但没有指标名称", "figures without an indicator name"),
    "skip.repeated": ("与第 {first} 行的数据相同", "the same figure as row {first}"),
    "skip.estimate": ("{name}：预计数，不入库", "{name}: an estimate, not stored"),
    "skip.amount_not_rate": (
        "{name}：{column} 列的“{cell}”是总量（绝对额），不是本目标所用的增速（%），未入库；"
        "请给出增速列（如“比上年同期增长(%)”），或把增速写在该列的表头（如“累计增长(%)”）",
        "{name}: {cell!r} in column {column} is an amount, not the growth rate (%) the "
        "target uses: not stored; give the growth rate in a column of its own (such as "
        "比上年同期增长(%)), or say so in the column's header (累计增长(%))",
    ),
    "skip.rate_not_amount": (
        "{name}：{column} 列的“{cell}”是增速（%），不是本目标所用的总量（{unit}），未入库；"
        "请给出总量列（如“1-10月累计”）",
        "{name}: {cell!r} in column {column} is a growth rate (%), not the amount ({unit}) "
        "the target uses: not stored; give the amount in a column of its own (such as "
        "1-10月累计)",
    ),
    "skip.no_figure": (
        "{name}：没有本目标所用的数据（{unit}）",
        "{name}: no figure the target uses ({unit})",
    ),
    "note.year_from_title": (
        "未写年份的时期按标题年份 {year} 年计",
        "periods without a year: {year}, from the title",
    ),
    "note.year_from_metadata": (
        "未写年份的时期按“时间”行的 {year} 年计",
        "periods without a year: {year}, from the 时间 line",
    ),
    "note.year_from_sheet": (
        "未写年份的时期按工作表名的 {year} 年计",
        "periods without a year: {year}, from the sheet's name",
    ),
    "note.year_from_catalogue": (
        "文件未写年份，按目录年度 {year} 年计",
        "the file names no year: the catalogue's year {year} is assumed",
    ),
    "note.period_from_title": (
        "未写时期的列按标题的 {year}年{period} 计",
        "columns without a period: {period} {year}, from the title",
    ),
    "note.period_from_sheet": (
        "未写时期的列按工作表名的 {year}年{period} 计",
        "columns without a period: {period} {year}, from the sheet's name",
    ),
    "figure.other_place_scale": (
        "{id}：同时公布的 {value} 超过{entity}基期全年（{base}）的十倍，"
        "这张表可能是全国、全省或其他地方的",
        "{id}: the amount published beside it, {value}, is over ten times "
        "{entity}'s whole base year ({base}): the table may be the nation's, the "
        "province's or another place's",
    ),
    "note.place_from_title": (
        "标题写明是“{place}”的数字",
        "the title says whose figures these are: {place}",
    ),
    "note.place_from_source": (
        "来源行表明是“{place}”的数字",
        "the source line says whose figures these are: {place}",
    ),
    "note.place_assumed": (
        "表中没有写明是哪里的数字（标题、地区行、来源行、地区列和行名都没有），按{entity}的数字读入；"
        "如果是全国、全省或其他地方的数字，请在上方改正",
        "the table does not say whose figures these are (no place in its title, a 地区 or "
        "source line, a column or a row name): they are read as {entity}'s; if they are the "
        "nation's, the province's or another place's, correct it above",
    ),
    "note.place_other": (
        "按您的说明，这些是其他地方的数字，不入库",
        "as you said, these are another place's figures: none is stored",
    ),
    "note.place_chosen": (
        "按您的说明，这些是{entity}的数字",
        "as you said, these are {entity}'s figures",
    ),
    # ------------------------------------------------------------- single cells
    "cell.not_number": ("“{text}”不是数字", "{text!r} is not a number"),
    "cell.too_large": ("“{text}”大得不合常理", "{text!r} is implausibly large"),
    "cell.ambiguous_grouping": (
        "“{text}”中的分隔符含义不明：逗号只用作千位分隔，每三位一组（如 1,234,567）",
        "{text!r} has an ambiguous separator: a comma only separates thousands, in groups "
        "of three (as in 1,234,567)",
    ),
    "cell.formula_without_value": (
        "公式 {formula} 没有保存计算结果",
        "formula {formula} has no saved result",
    ),
    "cell.unknown_unit": ("“{text}”：未知单位“{unit}”", "{text!r}: unknown unit {unit!r}"),
    "cell.date_not_number": ("{cell} 是日期，不是数字", "{cell} is a date, not a number"),
    "cell.not_milestone": ("“{text}”不是进展状态", "{text!r} is not a milestone state"),
    "cell.withdrawn_not_item": (
        "“{text}”：只有清单中的项目可以撤销，进展事项不能撤销",
        "{text!r}: only a listed item can be withdrawn, not a milestone",
    ),
    "cell.not_due_date": ("无法识别完成时限“{text}”", "cannot read the due date {text!r}"),
    "item.not_items_target": (
        "{name}不按清单项目逐项评估，不能逐项填报",
        "{name} is not judged item by item",
    ),
    "cell.not_water_class": ("“{text}”不是水质类别", "{text!r} is not a water class"),
    "period.no_such_month": ("不存在 {month} 月", "month {month} does not exist"),
    "period.single_quarter": ("“{text}”是单季度", "{text!r} is a single quarter"),
    "period.not_period": ("“{text}”不是时期", "{text!r} is not a period"),
    "period.not_from_january": ("“{text}”不是从1月开始", "{text!r} does not start in January"),
    "period.empty": ("时期为空", "empty period"),
    "period.excel_date": (
        "日期 {date:%Y-%m-%d} 按 1-{day}月 读取",
        "date {date:%Y-%m-%d} read as 1-{day}月",
    ),
    "period.other_year": (
        "时期 {year}-{month:02d} 不在目标年度 {target_year} 内",
        "period {year}-{month:02d} is outside the target year {target_year}",
    ),
    "period.future": (
        "时期 {year}-{month:02d} 尚未到来",
        "period {year}-{month:02d} is in the future",
    ),
    # How a figure's period is named inside other messages (as the files write it).
    # start: month.bare.N, end: month.N (core/periods.short_period): 1-9月 | Jan–Sep
    "period.span_short": ("{start}-{end}", "{start}–{end}"),
    # ------------------------------------------------------------- indicators and values
    "indicator.unknown": ("未知指标“{indicator}”", "unknown indicator {indicator!r}"),
    "indicator.no_target_for_entity": (
        "“{indicator}”没有“{entity}”的目标",
        "{indicator!r} has no target for {entity!r}",
    ),
    "indicator.ambiguous": ("指标“{indicator}”有歧义", "indicator {indicator!r} is ambiguous"),
    "indicator.qualitative": ("{name}是定性目标", "{name} is qualitative"),
    "value.negative.amount": ("数量为负数：“{cell}”", "negative amount {cell!r}"),
    "value.negative.count": ("个数为负数：“{cell}”", "negative count {cell!r}"),
    "value.not_percent": (
        "“{cell}”的单位是{unit}，目标单位是 %",
        "{cell!r} is in {unit}, target is in %",
    ),
    "value.too_large_in_unit": (
        "“{cell}”换算为目标单位后为 {value:.4g} {unit}，大得不合常理",
        "{cell!r} is {value:.4g} {unit} in the target's unit, implausibly large",
    ),
    "value.unit_mismatch": (
        "单位“{source}”无法换算为目标单位“{target}”",
        "unit {source!r} cannot be converted to the target's unit {target!r}",
    ),
    "figure.distinct_month": (
        "这是年内不重复计数的指标，单月数不能相加",
        "this is a distinct count over the year: single months do not add up",
    ),
    "figure.rise_for_decrease": (
        "{name}是下降目标，“增长”栏填了正数 {value:g}，将按上升 {value:g}% 保存",
        "{name} is a decrease target; {value:g} under a growth heading is stored as a rise "
        "of {value:g}%",
    ),
    "figure.repeated": (
        "{id} {period} 重复出现（首次在第 {first} 行）",
        "{id} {period} appears again (first on row {first})",
    ),
    "item.repeated": (
        "{id}“{item}”{period} 重复出现（首次在第 {first} 行）",
        "{id} {item!r} {period} appears again (first on row {first})",
    ),
    "item.repeated_differs": (
        "{id}“{item}”{period} 重复出现（首次在第 {first} 行），且进展不同：{value} 与 {earlier}",
        "{id} {item!r} {period} appears again (first on row {first}) with a different state "
        "{value!r} vs {earlier!r}",
    ),
    "figure.companion_unit_unknown": (
        "与增速并列的总量 {value:g} 未注明单位：按原数保存，单位未知",
        "the amount {value:g} printed with the growth rate names no unit: kept as written, "
        "its unit unknown",
    ),
    "figure.repeated_differs": (
        "{id} {period} 重复出现（首次在第 {first} 行），且数值不同：{value} 与 {earlier}",
        "{id} {period} appears again (first on row {first}) with a different value "
        "{value} vs {earlier}",
    ),
    "figure.ytd_below_previous": (
        "{id} {month}：{value} 的累计值低于上一期（{prev_month}为 {prev}）",
        "{id} {month}: {value} year to date is below the previous period's "
        "({prev} for {prev_month})",
    ),
    "figure.ytd_tenfold": (
        "{id} {month}：{value} 是上一期累计值的 10 倍以上（{prev_month}为 {prev}）",
        "{id} {month}: {value} is ten times the previous period's year-to-date value "
        "or more ({prev} for {prev_month})",
    ),
    "figure.tenfold_revision": (
        "{id} {period}：修订后的 {value} 与原值 {old} 相差 10 倍以上",
        "{id} {period}: the revision {value} is ten times off the value it replaces ({old})",
    ),
    "figure.off_series": (
        "{id} {period}：{value} 与本序列其他 {n} 期所示的约 {typical} 相差 10 倍以上",
        "{id} {period}: {value} is ten times off the about {typical} "
        "that the series' {n} other period(s) suggest",
    ),
    "figure.off_target_pace": (
        "{id} {period}：{value} 与全年目标 {target} 按时间推算的约 {expected} 相差 10 倍以上",
        "{id} {period}: {value} is ten times off the about {expected} "
        "that a year's target of {target} comes to by then",
    ),
    "figure.off_target": (
        "{id} {period}：{value} 与目标 {target} 相差 10 倍以上",
        "{id} {period}: {value} is ten times off the target {target}",
    ),
    "figure.jump": (
        "{id} {month}：{value} 超过上月的 10 倍（{prev_month}为 {prev}）",
        "{id} {month}: {value} is more than 10× the previous month's ({prev} for {prev_month})",
    ),
    "upload.role_refused": (
        "{name} 无权上传数据（角色：{role}）",
        "{name} may not upload figures (role {role})",
    ),
    "upload.other_department": (
        "{target}属于{department}；{name} 负责填报：{own}",
        "{target} belongs to {department}; {name} reports for {own}",
    ),
    "upload.other_department_none": (
        "{target}属于{department}；{name} 没有负责的单位",
        "{target} belongs to {department}; {name} reports for no department",
    ),
    # ------------------------------------------------------------- catalogue files
    "catalogue.missing_column": ("缺少列", "missing column"),
    "catalogue.duplicate_id": ("重复的指标ID“{id}”", "duplicate id {id!r}"),
    "catalogue.empty_cell": ("为空", "empty"),
    "catalogue.bad_id": ("指标ID“{id}”不是小写英文字母", "id {id!r} is not lower-case ASCII"),
    "catalogue.unknown_choice": ("未知的 {column}：“{value}”", "unknown {column} {value!r}"),
    "catalogue.bad_year": ("年份“{text}”不是整数", "year {text!r} is not a whole number"),
    "catalogue.not_number": ("“{text}”不是数字", "{text!r} is not a number"),
    "catalogue.bad_date": ("日期“{text}”有误", "bad date {text!r}"),
    "catalogue.range_incomplete": (
        "区间目标需要 target_low 和 target_high",
        "a range needs target_low and target_high",
    ),
    "catalogue.range_reversed": (
        "区间下限 {low} 高于上限 {high}",
        "range low {low} is above high {high}",
    ),
    "catalogue.needs_number": (
        "{comparator} 类目标需要数值",
        "a {comparator} target needs a number",
    ),
    "catalogue.empty_unit": ("单位为空", "empty unit"),
    "catalogue.assessment_misfit": (
        "评估方式“{assessment}”不适用于此类目标（{family}）",
        "assessment {assessment!r} does not fit a {family} target",
    ),
    "catalogue.bad_lag": ("发布滞后“{text}”不是0—12的整数", "publication lag {text!r} is not 0-12"),
    "unit.unknown": ("未知单位“{unit}”", "unknown unit {unit!r}"),
    "unit.incompatible": (
        "单位“{source}”与“{target}”不是同一类",
        "unit {source!r} is not of the same kind as {target!r}",
    ),
    "profile.not_numbers": ("month 和 share_pct 必须是数字", "month and share_pct must be numbers"),
    "profile.out_of_range": ("占比超出范围", "share out of range"),
    # ------------------------------------------------------------- how to fix it
    "hint.lag_form": (
        "写月数：1 表示次月15日前报送，年度数据写发布所需月数",
        "write months: 1 is by the 15th of the next month",
    ),
    "hint.distinct_cumulative": (
        "请填写1—N月累计数（如 2026年1-10月）",
        "give the 1—N月 cumulative figure (e.g. 2026年1-10月)",
    ),
    "hint.decrease_sign": (
        "如为下降，请写“下降4.2”或填在“比上年下降(%)”栏",
        "if it fell, write 下降4.2 or put it under 比上年下降(%)",
    ),
    "hint.split_file": ("请拆分为较小的文件", "split it into smaller files"),
    "hint.drop_columns": (
        "请删除多余的列，或把数据拆分为几个文件",
        "delete the extra columns, or split the figures into several files",
    ),
    "hint.clear_far_cells": (
        "请删除表格以外的单元格（在 Excel 或 WPS 中按 Ctrl+End 可找到最后一个），保存后重新上传",
        "delete the cells outside the table (Ctrl+End in Excel or WPS finds the last one), "
        "save and upload again",
    ),
    "hint.save_utf8_or_xlsx": (
        "请在 Excel 中另存为“CSV UTF-8”或 .xlsx",
        "save it from Excel as “CSV UTF-8” or as .xlsx",
    ),
    "hint.one_encoding": (
        "请把各行复制到同一个工作表中，再另存为“CSV UTF-8”或 .xlsx",
        "copy the rows into one sheet and save it as “CSV UTF-8” or as .xlsx",
    ),
    "hint.delete_control": (
        "请删除该字符（或从原表格重新导出），再上传",
        "delete the character (or export the table again) and upload it again",
    ),
    "hint.save_utf8": (
        "请在 Excel 中重新另存为“CSV UTF-8”",
        "save the file again from Excel as “CSV UTF-8”",
    ),
    "hint.export_again": ("请重新导出含数据的工作表", "export the sheet again with its figures"),
    "hint.unclosed_quote": ("请检查是否有未闭合的引号", "check for an unclosed quote"),
    "hint.close_quote": (
        "请删除这个引号，或在这一格的末尾补上另一个引号",
        "delete that quote, or add the closing one at the end of the cell",
    ),
    "hint.resave_excel": (
        "请用 Excel 或 WPS 打开并重新另存为 .xlsx",
        "open it in Excel or WPS and save it again as .xlsx",
    ),
    "hint.resave_xlsx": ("请重新另存为 .xlsx", "save it again as .xlsx"),
    "hint.first_sheet": ("请把数据放在第一个工作表", "put the figures on the first sheet"),
    "hint.unhide": (
        "请在 Excel 或 WPS 中取消隐藏要上传的工作表，保存后重新上传",
        "unhide the sheet to upload in Excel or WPS, save and upload again",
    ),
    "hint.own_file": (
        "如需上传其中的数字，请把该工作表另存为单独的文件再上传",
        "to upload its figures, save that sheet as a file of its own and upload it",
    ),
    "hint.not_spreadsheet": (
        "这不是正常的电子表格，请重新导出数据",
        "this is not a normal spreadsheet; export the figures again",
    ),
    "hint.header": (
        "表头需要一个指标列（指标/indicator），以及时期列和数值列（时期、数值）"
        "或多个时期列（1-2月、1-3月……）",
        "the header needs an indicator column (指标/indicator) and either a period and "
        "value column (时期, 数值) or period columns (1-2月, 1-3月, ...)",
    ),
    "hint.fill_a_value": ("请至少填写一个数值", "fill in at least one value"),
    "hint.digits_or_dash": (
        "请填写数字，如 1,234.5 或 8.5%；无数据请填 —",
        "write digits such as 1,234.5 or 8.5%; use — for no figure",
    ),
    "hint.digits": ("请填写数字，如 1,234.5", "write digits such as 1,234.5"),
    "hint.figure_digits": ("请用数字填写", "write the figure as digits"),
    "hint.grouping": (
        "小数请用小数点（1.5），千位分隔请每三位一组（1,234）或不加分隔",
        "write decimals with a point (1.5), and thousands in groups of three (1,234) or "
        "without separators",
    ),
    "hint.recalculate": (
        "请用 Excel 或 WPS 打开并保存（保存时会算出公式结果），或把公式替换为数值",
        "open the file in Excel or WPS and save it (saving stores the formula's result), "
        "or paste the value instead",
    ),
    "hint.typing_error": ("请检查是否输入有误", "check the cell for a typing error"),
    "hint.number_with_unit": (
        "请填写带单位的数字，如 万吨、亿元 或 %",
        "write a number with a unit such as 万吨, 亿元 or %",
    ),
    "hint.number_format": ("请把单元格设为数字格式", "format the cell as a number"),
    "hint.period_forms": ("请写成 " + PERIOD_FORMS, "write " + PERIOD_FORMS_EN),
    "hint.cumulative_quarter": (
        "请填写累计数：一季度、上半年、前三季度或全年",
        "give the cumulative figure: 一季度, 上半年, 前三季度 or 全年",
    ),
    "hint.from_january": (
        "请填写从1月开始的累计数（1-N月）或单月数",
        "give cumulative figures from January (1-N月) or single months",
    ),
    "hint.due_date": (
        "请写成 2026-08-31、8月底、9月 或 年底",
        "write it as 2026-08-31, 8月底, 9月 or 年底",
    ),
    "hint.items_target": (
        "请清空该行的项目名称，填写该指标的完成数",
        "leave the item's name empty and report the target's figure",
    ),
    "hint.milestone_words": (
        "请填写 未启动、推进中 或 已完成（或 0、1、2）",
        "write 未启动, 推进中 or 已完成 (or 0, 1, 2)",
    ),
    "hint.item_words": (
        "请填写 未启动、推进中 或 已完成（或 0、1、2）；误列或更名的项目填 已撤销",
        "write 未启动, 推进中 or 已完成 (or 0, 1, 2); an item listed by mistake or renamed: "
        "已撤销 (withdrawn)",
    ),
    "hint.withdraw_items_only": (
        "请填写该事项的进展（未启动、推进中 或 已完成）；如目标调整，请联系管理员修改目标",
        "write the milestone's progress (未启动, 推进中 or 已完成); if the target changed, "
        "ask the administrator to change it",
    ),
    "hint.water_class": (
        "请填写 Ⅰ类 至 Ⅴ类 或 劣Ⅴ类",
        "write Ⅰ类 to Ⅴ类 (Class Ⅰ to Ⅴ) or 劣Ⅴ类 (worse than Class Ⅴ)",
    ),
    "hint.excel_date": (
        "Excel 把时期转成了日期，请核对",
        "Excel turned the period into a date; check it",
    ),
    "hint.catalogue_year": (
        "只能上传目标目录所在年度的数据",
        "upload figures of the catalogue's year only",
    ),
    "hint.check_period": ("请核对时期的年份和月份", "check the year and month of the period"),
    "hint.closest_names": ("最接近的目录名称：{names}", "closest catalogue names: {names}"),
    "hint.companion_unit": (
        "在表头写明单位（如“1-10月累计(亿元)”），或加“单位”列或“单位：亿元”行",
        "name the unit in the header (1-10月累计(亿元)), or add a 单位 column or a "
        "'单位：亿元' line",
    ),
    "hint.fill_figures": (
        "这些行都没有目标所用的数据：数值为空白或“—”“-”“/”，或给的是另一种数"
        "（如目标要总量，给的却是增速）；请填写目标所用的数据后再上传",
        "none of them has a figure its target uses: the value is blank or a dash (—, -, /), "
        "or another measure (a growth rate where the target counts an amount); fill in the "
        "figures the targets use and upload again",
    ),
    "hint.no_catalogue_figure": (
        "本文件的指标都不在目录中，或都是目录中没有的地区；"
        "请核对文件，或在上传页把指标名称设为目录指标的别名",
        "none of its rows is a catalogue indicator of a catalogue entity; check the file, "
        "or map a name to a target on the upload page",
    ),
    "hint.other_place": (
        "如果不是本地的数字，请在上方选择“其他地方的”（命令行加 --place other）",
        "if these are not the office's own figures, answer 'another place's' above (on the "
        "command line, pass --place other)",
    ),
    "hint.index": (
        "指数减 100 即增长率（112.3 即增长 12.3%）；请在该目标所用的列或行填写它的数据",
        "an index less 100 is the growth rate (112.3 is growth of 12.3%); give this target's "
        "own figure in a column or row of its own",
    ),
    "hint.estimates": (
        "只保存实际数；预计数请不要上传",
        "only actual figures are stored; leave estimates out",
    ),
    "hint.strict": ("--strict：未入库的行按错误处理", "--strict: a row not stored is an error"),
    "hint.no_close_names": ("最接近的目录名称：无", "closest catalogue names: none close"),
    "hint.suggestions_stopped": (
        "相近名称只为每个文件的前 {limit} 个未知名称查找；请对照填报模板核对名称",
        "close names are looked up for the first {limit} unknown names of a file only; "
        "check the name against the fill-in template",
    ),
    "hint.entity_or_id": (
        "请增加地区列或使用指标ID：{candidates}",
        "add an entity column or use the id: {candidates}",
    ),
    "hint.comment_instead": (
        "请在指标详情页以说明的形式填写评估",
        "record its assessment as a comment on the indicator page",
    ),
    "hint.no_negative": (
        "数量和个数不能为负；下降请填写增长率",
        "amounts and counts cannot be negative; for a decline give the growth rate instead",
    ),
    "hint.rate_in_percent": ("请以 % 填写增速", "give the rate in %"),
    "hint.same_kind_unit": (
        "请以{target}或同类单位填写",
        "write the figure in {target} or a unit of the same kind",
    ),
    "hint.one_row_per_period": (
        "每个指标每个时期只保留一行",
        "keep one row per indicator and period",
    ),
    "hint.confirm_figure": (
        "请核对数值及其单位；无误请确认",
        "check the figure and its unit; confirm if it is right",
    ),
    "hint.ask_uploader_role": (
        "请向管理员申请填报角色",
        "ask an administrator for the uploader role",
    ),
    "hint.other_department": (
        "请将此行交给该单位填报，或联系管理员",
        "send this row to that department, or ask an administrator",
    ),
    "hint.add_column": ("请在表头行中加上该列", "add it to the header row"),
    "hint.id_used": (
        "第 {line} 行已在同一地区和年度使用",
        "already used on line {line} for the same entity/year",
    ),
    "hint.fill_column": ("每一行都需要填写该列", "every row needs this column filled"),
    "hint.id_letters": ("请使用小写字母、数字和 _", "use letters, digits and _"),
    "hint.one_of": ("可选值：{allowed}", "one of: {allowed}"),
    "hint.year_form": ("请写成 2026", "write it as 2026"),
    "hint.plain_digits": ("请填写纯数字，如 110 或 5.5", "write plain digits, e.g. 110 or 5.5"),
    "hint.date_form": (
        "请写成 YYYY-MM-DD，如 2026-10-31",
        "write it as YYYY-MM-DD, e.g. 2026-10-31",
    ),
    "hint.range_example": ("例如 5 和 8", "e.g. 5 and 8"),
    "hint.swap": ("请交换两者", "swap the two"),
    "hint.copy_from_report": ("请从报告中照录", "copy it from the report"),
    "hint.unit_as_report": (
        "请按报告原文填写单位，如 万吨 或 %",
        "write the unit as the report states it, e.g. 万吨 or %",
    ),
    "hint.unit_examples": (
        "请使用 亿元、万吨、个、% 等单位",
        "use a unit such as 亿元, 万吨, 个, %",
    ),
    "hint.baseline_unit": ("例如 万亿元", "e.g. 万亿元"),
    "hint.profile_numbers": ("例如 2,10.5", "e.g. 2,10.5"),
    "hint.profile_range": (
        "月份 1..12，占比 0..100（上年全年的 %）",
        "month 1..12, share 0..100 (% of last year's total)",
    ),
}
