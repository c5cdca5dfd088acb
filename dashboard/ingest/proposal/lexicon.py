"""The words the rules know: verbs that commit or only cover, words that link a name to its
number, adverbs that add force, measure words and spellings of the same indicator.

Edit here to teach the rules a new phrasing; every list is a plain tuple of strings.
"""

# Adverbs and framing verbs that open a clause but are not part of the name.
LEADING = (
    "今年",
    "全年",
    "年内",
    "年底前",
    "力争",
    "确保",
    "争取",
    "努力",
    "全力",
    "积极",
    "持续",
    "继续",
    "进一步",
    "扎实",
    "着力",
    "大力",
    "全面",
    "加快推动",
    "推动",
    "促进",
    "实现",
    "其中",
    "拟",
    "并",
    "同时",
    "累计",
    "更长时间",  # '力争更长时间保持Ⅲ类': how long, not what is kept
    "全市",
    "全省",
    "全区",
    "全县",
)

# Verbs that link a name to its number: not part of the name.
# What is measured, after the thing it is measured of: "粮食" + "种植面积".
MEASURE_WORDS = (
    "种植面积",
    "播种面积",
    "面积",
    "总产量",
    "产量",
    "总产值",
    "产值",
    "规模",
    "收入",
    "总额",
    "增加值",
    "投资",
    "数量",
    "吞吐量",
)

# Verbs that move a figure to a level ("降至35微克", "提高到90%"): each links a name to its
# figure, and each gives a list item its own predicate.
MOVED_TO = ("降至", "降到", "下降到", "提高到", "提升至", "提升到", "增加到")

LINKING = (
    "稳定保持在",
    "稳定保持",
    "稳定在",
    "稳定",
    "保持在",
    "保持",
    "维持在",
    "控制在",
    "不低于",
    "不少于",
    "不高于",
    "不超过",
    "超过",
    "突破",
    "达到",
    "达",
    "为",
    "至",
    "超",
    *MOVED_TO,
    "大约",
    "约",
    "接近",
    "近",
)

# Linking verbs that give a list item its own predicate ("综合收入突破1000亿元"): the verb of
# the item before it does not carry over (超 and 约 only qualify a count, so they are not here).
OWN_PREDICATES = (
    "稳定保持在",
    "稳定在",
    "保持在",
    "维持在",
    "控制在",
    "超过",
    "突破",
    "达到",
    "达",
    *MOVED_TO,
)

# Verbs that make a number a commitment (README rule: 实施 / 新增 / 新建 / 建成 / 完成 / 开工 /
# 举办 make a firm target).
FIRM_VERBS = (
    "新改扩建",
    "新改建",
    "新开工",
    "新开辟",
    "竣工",
    "打通",
    "治理",
    "整治",
    "增加",
    "交付",
    "拆除",
    "修复",
    "造林",
    "新建改造",
    "改造新建",
    "新建、改扩建",
    "改扩建",
    "新建",
    "新增",
    "新培育",
    "新认定",
    "新创建",
    "新引进",
    "新签约",
    "新开通",
    "新落地",
    "新发展",
    "建成",
    "完成",
    "实施",
    "开工建设",
    "开工",
    "举办",
    "开展",
    "拓展",
    "组织",
    "发布",
    "推出",
    "引进",
    "引育",
    "培育",
    "孵化",
    "打造",
    "建设",
    "改造提升",
    "更新改造",
    "更新",
    "改造",
    "创作",
    "产出",
    "形成",
    "落地转化",
    "签约",
    "开行",
    "筹集",
    "营造",
    "认定",
    "创建",
    "组建",
    "吸引",
    "招引",
    "提供",
    "办好",
    "突破",
    "新开",
    "引入",
)

# Verbs that only say how many things an ongoing action covers (README: scope rows).
SCOPE_VERBS = (
    "加快推进",
    "扎实推进",
    "推进实施",
    "加快建设",
    "加快",
    "推进",
    "抓好",
    "支持",
    "依托",
    "提质发展",
    "提升",
    "壮大",
    "鼓励",
    "推动",
    "统筹推动",
    "聚焦",
    "用好",
)

# "比上年增加2300亿元": a change against last year, of the figure named before it.
RELATIVE = ("比上年", "比去年", "较上年", "较去年", "同比")

RATE_WORDS = ("增长", "增速", "增幅", "涨幅", "下降", "降低", "减少", "提高", "提升", "增加")

# Same indicator, different spelling (used to attach last year's figure to a target).
SYNONYMS = (
    ("规模以上", "规上"),
    ("地区生产总值", "生产总值"),
    ("全市生产总值", "生产总值"),
    ("全省生产总值", "生产总值"),
    ("经济增长", "生产总值增长"),
    ("社零", "社会消费品零售总额"),
    ("外贸进出口总额", "进出口总值"),
    ("进出口总额", "进出口总值"),
    ("外贸进出口", "进出口总值"),
)

JOINERS = ("以及", "和", "及", "与")

# Words that begin with a joiner character: "和美乡村" is not "和" + "美乡村".
JOINER_WORDS = ("和美", "和谐", "和平", "及时", "与会")

TRAILING_ADVERBS = ("力争", "确保", "争取", "努力", "首次", "要", "将", "再", "拟")
