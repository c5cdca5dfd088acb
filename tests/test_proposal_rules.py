"""Every phrasing rule and numeral form of the proposal engine, one sentence each."""

from datetime import date
from decimal import Decimal

import pytest

from dashboard.ingest.proposal import propose
from dashboard.ingest.proposal.dates import find_due_date
from dashboard.ingest.proposal.numerals import (
    NotANumber,
    parse_arabic,
    parse_chinese,
    parse_roman,
    split_multiplier,
)
from dashboard.ingest.proposal.quantities import find_quantities

D = Decimal


def rows(text: str, year: int = 2026, **options):
    return propose(text, year, **options).targets


def one(text: str, year: int = 2026):
    found = rows(text, year)
    assert len(found) == 1, [(t.name_zh, t.target_value) for t in found]
    return found[0]


@pytest.mark.parametrize(
    "text, value",
    [
        ("三千", 3000),
        ("一百一十", 110),
        ("百", 100),
        ("十五", 15),
        ("二十", 20),
        ("一百零五", 105),
        ("两万", 20000),
        ("一万二千", 12000),
        ("二〇二六", 2026),
        ("三千五百", 3500),
    ],
)
def test_chinese_numerals(text, value):
    assert parse_chinese(text) == value


@pytest.mark.parametrize("text", ["三四", "", "千x"])
def test_not_chinese_numerals(text):
    with pytest.raises(NotANumber):
        parse_chinese(text)


def test_other_numeral_forms():
    assert parse_arabic("1,552.5") == D("1552.5")
    assert parse_arabic("１２．５") == D("12.5")
    assert split_multiplier("一百一十万") == ("一百一十", "万")
    assert split_multiplier("三千") == ("三千", "")
    assert parse_roman("Ⅱ") == 2 and parse_roman("III") == 3


@pytest.mark.parametrize(
    "sentence, value, unit",
    [
        ("新建充电桩三千个。", 3000, "个"),
        ("新增就业一百一十万人。", 110, "万人"),
        ("创作百部文艺精品力作。", 100, "部"),
        ("新增就业岗位两万个。", 2, "万个"),
        ("新增学位3.5万个。", D("3.5"), "万个"),
        ("机场货邮吞吐量达到110万吨。", 110, "万吨"),
        ("新建改造高标准农田400万亩以上。", 400, "万亩"),
        ("实际使用外资10亿美元。", 10, "亿美元"),
        ("年度完成投资1万亿元。", 1, "万亿元"),
        ("粮食产量1300亿斤以上。", 1300, "亿斤"),
        ("筹集保障性租赁住房4万套（间）以上。", 4, "万套（间）"),
        ("新增高性能算力规模2500P以上。", 2500, "P"),
        ("PM2.5平均浓度降至34微克／立方米。", 34, "微克／立方米"),
        ("地区生产总值增长5.5％左右。", D("5.5"), "％"),
        ("新增变电容量200万千伏安。", 200, "万千伏安"),
        ("城镇化率提高1个百分点。", 1, "个百分点"),
        ("优良天数达到260天。", 260, "天"),
        ("壮大6大特色产业集群。", 6, "大"),
        ("举办促销活动100场次以上。", 100, "场次"),
        ("办好促消费活动千场以上。", 1000, "场"),
        ("提供疫苗接种服务3万剂次以上。", 3, "万剂次"),
        ("向失能老年人提供9000万元养老服务消费券。", 9000, "万元"),
    ],
)
def test_numbers_and_units(sentence, value, unit):
    row = one(sentence)
    assert (row.target_value, row.unit) == (D(value), unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "办好第三届国际合作论坛。",
        "加快12号线建设。",
        "推动合晶12英寸大硅片二期建设。",
        "推进5G-A网络建设。",
        "推动PM2.5和臭氧协同控制。",
        "全力推进高速公路“13445工程”建设。",
        "实施“1+7+N”工作方案。",
        "落实240小时过境免签政策。",
        "优化“15分钟健身圈”布局。",
        "加快明晟年产50万吨航空航天用铝项目建设。",
        "签约亿元以上产业链项目。",
        "新签约十亿元以上项目。",
        "关停淘汰10万千瓦及以下燃煤机组。",
        "吸引世界500强企业。",
        "打造千亿级人工智能产业集群。",
        "推进黄帝故里创建5A级景区。",
        "实施百亿斤粮食产能提升工程。",
        "服务千家万户。",
        "开展千村示范行动。",
        "对符合条件的婴幼儿家庭每孩每年发放育儿补贴3600元。",
        "为困难群众每人每月发放补助300元。",
        "对搬迁群众每户补贴2000元。",
        "西安还有1370个乡村和287万农民，任何时候都不能忽视农业。",
        "2026年是开局之年。",
        "落实省委十一届九次、十次全会部署。",
        "地铁出入口100米内公交站点全覆盖。",
        "推动大宗货物年运量150万吨以上的物流园区接入铁路专用线。",
        "确保十五里河消除劣V类。",
        "重点做好以下十一个方面工作。",
    ],
)
def test_numbers_that_are_not_targets(sentence):
    assert rows(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [("每月发放稳岗补贴2000万元。", 2000, "万元"), ("每年安排专项资金5亿元。", 5, "亿元")],
)
def test_a_sum_paid_every_period_is_a_target(sentence, value, unit):
    """每月, 每年 name no head: the sum is what is to be paid (it was dropped as a
    per-head amount such as 每孩每年…3600元)."""
    row = one(sentence)
    assert (row.target_value, row.unit) == (value, unit)


def test_total_investment_of_a_project_list_is_not_a_target():
    row = one("实施总投资3791.7亿元的367个省市重点项目。")
    assert (row.target_value, row.unit, row.name_zh) == (367, "个", "实施省市重点项目")


@pytest.mark.parametrize(
    "sentence, comparator",
    [
        ("城镇新增就业110万人以上。", "at_least"),
        ("地区生产总值增长5%左右。", "about"),
        ("城镇调查失业率控制在5.5%以内。", "at_most"),
        ("城镇调查失业率控制在5.5%。", "at_most"),
        ("PM2.5平均浓度降至34微克/立方米。", "at_most"),
        ("研发投入强度不低于3%。", "at_least"),
        ("新签约项目不少于100个。", "at_least"),
        ("电子信息产业规模突破9000亿元。", "at_least"),
        ("计算机整机产量超过200万台。", "at_least"),
        ("直接融资超1000亿元。", "at_least"),
        ("举办促消费活动2000余场。", "at_least"),
        ("新增就业近10万人。", "about"),
        ("力争技术合同成交额3000亿元。", "exactly"),
        ("确保完成营造林65万亩。", "exactly"),
        ("一般公共预算收入增长2%。", "exactly"),
        ("国家高新技术企业达到1.5万家。", "exactly"),
        ("新增国际航线5-8条。", "range"),
        ("单位产值增加值能耗下降4%以上。", "decrease"),
        ("饮用水源地取水水质达标率保持100%。", "maintain"),
        ("确保粮食面积稳定在990万亩。", "maintain"),
        ("粮食产量保持在86亿斤以上。", "maintain"),
        ("南水北调总干渠水质稳定保持Ⅱ类以上。", "maintain"),
    ],
)
def test_comparators(sentence, comparator):
    assert one(sentence).comparator == comparator


@pytest.mark.parametrize(
    "sentence, kind, direction",
    [
        ("地区生产总值增长5%以上。", "growth", "higher"),
        ("高新技术产品出口占比60%以上。", "share", "higher"),
        ("城镇调查失业率5.5%左右。", "level", "lower"),
        ("单位产值增加值能耗下降4%以上。", "growth", "lower"),
        ("南水北调总干渠水质稳定保持Ⅱ类以上。", "level", "lower"),
        ("机场货邮吞吐量达到110万吨。", "amount", "higher"),
        ("新建电动汽车公共充电桩3000个。", "count", "higher"),
        ("推动省市重点项目完成投资2000亿元。", "amount", "higher"),
    ],
)
def test_kind_and_direction(sentence, kind, direction):
    row = one(sentence)
    assert (row.kind, row.direction) == (kind, direction)


def test_range_forms():
    for sentence, unit in (
        ("新增国际航线5-8条。", "条"),
        ("新开通城际公交线路1—2条。", "条"),
        ("打造1~2个公共停车场试点项目。", "个"),
        ("新增航线5至8条。", "条"),
        ("研发投入增长5%—8%。", "%"),
    ):
        row = one(sentence)
        assert (row.target_value, row.target_low < row.target_high, row.unit) == (None, True, unit)


@pytest.mark.parametrize(
    "sentence, name, value",
    [
        ("新增离境退税店150家以上。", "新增离境退税店", 150),
        ("新建返乡创业园5个。", "新建返乡创业园", 5),
        ("建成卓越级以上智能工厂15个。", "建成卓越级以上智能工厂", 15),
        ("建成35个先导区。", "建成先导区", 35),
        ("完成既有建筑改造42万平方米。", "完成既有建筑改造", 42),
        ("力争年度完成投资1万亿元。", "年度完成投资", 1),
        ("确保粮食产量保持在86亿斤以上。", "粮食产量", 86),
    ],
)
def test_committing_verbs_stay_in_the_name_adverbs_do_not(sentence, name, value):
    row = one(sentence)
    assert (row.name_zh, row.target_value) == (name, D(value))


def test_verbs_carry_over_a_list_and_name_the_target():
    found = rows("新建电动汽车公共充电桩3000个、公共停车位3万个。")
    assert [(t.name_zh, t.target_value, t.unit) for t in found] == [
        ("新建电动汽车公共充电桩", 3000, "个"),
        ("新建公共停车位", 3, "万个"),
    ]


def test_number_before_the_noun():
    found = rows("培育6个和美乡村先导区，打造50个和美村、100个富民村。完成11处积水点治理。")
    assert [(t.name_zh, t.target_value) for t in found] == [
        ("培育和美乡村先导区", 6),
        ("打造和美村", 50),
        ("打造富民村", 100),
        ("完成积水点治理", 11),
    ]


def test_each_and_respectively():
    found = rows("零碳工厂及园区各5家。")
    assert [(t.name_zh, t.target_value) for t in found] == [("零碳工厂", 5), ("零碳园区", 5)]
    found = rows("市管企业、双百企业研发投入强度分别达到2.8%、5%以上。")
    assert [(t.name_zh, t.target_value, t.comparator) for t in found] == [
        ("市管企业研发投入强度", D("2.8"), "at_least"),
        ("双百企业研发投入强度", 5, "at_least"),
    ]
    assert "proposal.note.list_comparator" in [note.key for note in found[0].notes]
    found = rows("城镇和农村常住居民人均可支配收入分别增长4%左右和6%左右。")
    assert [(t.name_zh, t.target_value, t.kind) for t in found] == [
        ("城镇常住居民人均可支配收入增长", 4, "growth"),
        ("农村常住居民人均可支配收入增长", 6, "growth"),
    ]
    found = rows("市属国企投资、融资规模均超1000亿元。")
    assert [(t.name_zh, t.comparator) for t in found] == [
        ("市属国企投资", "at_least"),
        ("融资规模", "at_least"),
    ]


def test_name_completed_from_the_figure_before():
    found = rows(
        "地区生产总值达到22147.35亿元、增长5.5%。确保粮食种植面积稳定在446万亩以上、产量保持在29亿斤以上。"
    )
    assert [t.name_zh for t in found] == [
        "地区生产总值",
        "地区生产总值增长",
        "粮食种植面积",
        "粮食产量",
    ]


def test_names_drop_adverbs_and_other_list_items():
    found = rows(
        "赤字规模5.89万亿元、比上年增加2300亿元。一般公共预算支出规模将首次达到30万亿元。"
        "加快建设城市十大公园、环湖十大湿地和100个小公园。推进城镇燃气“瓶改管”60个小区。"
    )
    assert [t.name_zh for t in found] == [
        "赤字规模",
        "赤字规模比上年增加",
        "一般公共预算支出规模",
        "加快建设小公园",
        "推进城镇燃气“瓶改管”小区",
    ]


def test_words_between_two_numbers_name_both():
    found = rows("确保310条河流优良水体比例保持90%以上。规上工业增加值力争增长6%以上。")
    assert [(t.name_zh, t.target_value, t.comparator) for t in found] == [
        ("河流优良水体比例保持", 310, "exactly"),
        ("河流优良水体比例", 90, "maintain"),
        ("规上工业增加值增长", 6, "at_least"),
    ]


def test_a_generic_name_takes_the_topic_the_sentence_opens_with():
    found = rows("汽车领域，支持整车企业导入高端车型，力争产业规模达到1800亿元。新增学位4000个。")
    assert [t.name_zh for t in found] == ["汽车产业规模", "新增学位"]


def test_scope_rows_are_kept_with_lower_confidence():
    scope = one("加快中国邮政国际航空枢纽、洛阳等10个国家物流枢纽建设。")
    firm = one("新建200个智能车间、智能工厂。")
    assert scope.target_value == 10 and scope.name_zh.startswith("加快国家物流枢纽")
    assert scope.confidence < 0.7 < firm.confidence
    assert firm.name_zh == "新建智能车间、智能工厂"


@pytest.mark.parametrize(
    "text, due",
    [
        ("10月底启动运行", date(2026, 10, 31)),
        ("6月底前全部交付", date(2026, 6, 30)),
        ("十月底前完成", date(2026, 10, 31)),
        ("上半年开工", date(2026, 6, 30)),
        ("年底前建成", date(2026, 12, 31)),
        ("年内挂牌", date(2026, 12, 31)),
        ("力争2027年底前通车运营", date(2027, 12, 31)),
        ("2026年9月底前完成", date(2026, 9, 30)),
        ("一季度末完成", date(2026, 3, 31)),
        ("前三季度完成", date(2026, 9, 30)),
        ("3月15日前完成", date(2026, 3, 15)),
        ("明年底前完成", date(2027, 12, 31)),
    ],
)
def test_due_dates(text, due):
    assert find_due_date(text, 2026).when == due


@pytest.mark.parametrize("text", ["全年完成投资", "三年内完成", "2025-2027年", "五年内建成"])
def test_not_due_dates(text):
    assert find_due_date(text, 2026) is None


def test_dated_milestones():
    found = rows(
        "新郑综保区扩区提质，10月底启动运行。支持燕赵现代交通实验室加快建设，力争5月底正式运行。"
    )
    assert [(t.name_zh, t.kind, t.comparator, t.due_date) for t in found] == [
        ("新郑综保区扩区提质启动运行", "milestone", "milestone", date(2026, 10, 31)),
        ("燕赵现代交通实验室正式运行", "milestone", "milestone", date(2026, 5, 31)),
    ]


def test_date_of_a_number_from_the_next_clause_or_its_own():
    found = rows(
        "推动建设病原体创新中心等5个中心，力争9月底挂牌。"
        "列入计划的17个城中村回迁安置房6月底全部交付。年内新增安置面积900万平方米以上。"
    )
    assert [(t.target_value, t.due_date) for t in found] == [
        (5, date(2026, 9, 30)),
        (17, date(2026, 6, 30)),
        (900, None),  # the end of the year is every annual target's due date
    ]


def test_undated_events_only_on_request():
    text = "推动北理工郑研院、上海交大郑研院建成投用。开业运营胖东来郑州店、京东MALL。"
    assert rows(text) == ()
    found = rows(text, undated_milestones=True)
    assert [(t.name_zh, t.due_date) for t in found] == [
        ("北理工郑研院建成投用", date(2026, 12, 31)),
        ("上海交大郑研院建成投用", date(2026, 12, 31)),
        ("开业运营胖东来郑州店", date(2026, 12, 31)),
        ("开业运营京东MALL", date(2026, 12, 31)),
    ]
    coverage = rows("推动市级未成年人救助保护机构全覆盖。", undated_milestones=True)[0]
    assert (coverage.kind, coverage.target_value, coverage.unit) == ("share", 100, "%")


def test_last_years_results_are_baselines_not_targets():
    text = (
        "去年，地区生产总值突破1.52万亿元、增长5.4%，社会消费品零售总额增长5%。"
        "今年主要预期目标是：地区生产总值增长5%以上，社会消费品零售总额增长5.5%左右，"
        "粮食产量1300亿斤以上、力争比去年实现更多增长。"
    )
    proposal = propose(text, 2026)
    assert [(t.name_zh, t.target_value) for t in proposal.targets] == [
        ("地区生产总值增长", 5),
        ("社会消费品零售总额增长", D("5.5")),
        ("粮食产量", 1300),
    ]
    gdp, retail, _ = proposal.targets
    assert (gdp.baseline_value, gdp.baseline_unit, gdp.baseline_growth_pct) == (
        D("1.52"),
        "万亿元",
        D("5.4"),
    )
    assert retail.baseline_growth_pct == 5
    assert [(b.value, b.unit) for b in proposal.baselines] == [
        (D("1.52"), "万亿元"),
        (D("5.4"), "%"),
        (5, "%"),
    ]


def test_review_and_five_year_plan_sections_hold_no_targets():
    text = (
        "一、2025年工作回顾\n\n新增城镇就业12.5万人。\n\n"
        "二、“十五五”时期主要目标任务\n\n到2030年，地区生产总值突破2万亿元。\n\n"
        "三、2026年重点工作\n\n新增城镇就业12.9万人。遴选了15个民生实事候选项目。"
    )
    proposal = propose(text, 2026)
    assert [(t.name_zh, t.target_value) for t in proposal.targets] == [("新增城镇就业", D("12.9"))]
    assert [(b.value, b.unit) for b in proposal.baselines] == [(D("12.5"), "万人"), (15, "个")]


def test_spans_point_into_the_original_text():
    text = (
        "## 关键词【民生】\n\n" + "持续开展公共就业服务专项行动，" * 3 + "培育龙\n\n头企业5家以上。"
    )
    row = one(text)
    assert row.name_zh == "培育龙头企业" and row.section == "民生"
    assert text[row.span[0] : row.span[1]] == "培育龙\n\n头企业5家以上"
    assert row.source_text == "培育龙头企业5家以上"


def test_quantities_inside_quotes_are_names():
    assert find_quantities("新增“好房子”1万套以上")[0].value == 1
    assert find_quantities("实施“1+7+N”工作方案") == []


@pytest.mark.parametrize(
    "sentence, name, value, unit",
    [
        ("在低空经济、智能城市等领域引育企业100家以上。", "引育企业", 100, "家"),
        ("在物流运输、应急救援等领域拓展20个以上示范场景。", "拓展示范场景", 20, "个"),
    ],
)
def test_a_place_before_the_verb_is_no_part_of_the_name(sentence, name, value, unit):
    row = one(sentence)
    assert (row.name_zh, row.comparator, row.target_value, row.unit) == (
        name,
        "at_least",
        value,
        unit,
    )


def test_a_list_item_with_its_own_predicate_does_not_take_the_verb_before_it():
    shows, income = rows("举办各类展会超700场、综合收入突破1000亿元。")
    assert (shows.name_zh, shows.comparator, shows.target_value, shows.unit) == (
        "举办各类展会",
        "at_least",
        700,
        "场",
    )
    assert (income.name_zh, income.comparator, income.target_value, income.unit) == (
        "综合收入",
        "at_least",
        1000,
        "亿元",
    )


def test_a_short_sibling_noun_in_a_list_takes_the_verb_not_the_noun_before_it():
    paths, green = rows("新增绿道30公里、绿地300万平方米。")
    assert (paths.name_zh, paths.target_value, paths.unit) == ("新增绿道", 30, "公里")
    assert (green.name_zh, green.target_value, green.unit) == ("新增绿地", 300, "万平方米")
    # a short verb still takes the noun before it
    assert [t.name_zh for t in rows("新开公交线路10条、优化20条。")] == [
        "新开公交线路",
        "优化公交线路",
    ]


def test_a_water_class_kept_and_a_longer_stretch_name_the_same_water():
    kept, stretch = rows("确保巢湖全湖水质稳定Ⅳ类，力争更长时间保持Ⅲ类。")
    assert (kept.name_zh, kept.comparator, kept.target_value, kept.unit) == (
        "巢湖全湖水质",
        "maintain",
        4,
        "类",
    )
    assert (stretch.name_zh, stretch.comparator, stretch.target_value, stretch.unit) == (
        "巢湖全湖水质",
        "maintain",
        3,
        "类",
    )


def test_the_actor_and_verb_before_examples_stay_in_the_name():
    row = one("国先中心引进央企等创新资源80家以上。")
    assert (row.name_zh, row.comparator, row.target_value, row.unit) == (
        "国先中心引进创新资源",
        "at_least",
        80,
        "家",
    )


def test_money_before_a_sum_of_vouchers_is_the_target_not_a_size_class():
    row = one("向失能老年人提供9000万元养老服务消费券。")
    assert (row.name_zh, row.comparator) == ("提供养老服务消费券", "exactly")
    assert rows("签约亿元以上产业链项目。") == ()
