"""The catalogue's own words in English: report sections, departments and units.

The catalogue (data/targets.csv) names them in Chinese; these keys give the English a
person reads with the English switch. A name missing here is shown as written in the
catalogue (a new city's departments), never dropped; tests/test_messages.py checks that
the shipped catalogue has every word.
"""

SECTIONS = {
    "稳中求进": "Steady progress",
    "全国统一大市场": "National unified market",
    "创新引领": "Innovation-led growth",
    "现代化产业体系": "Modern industrial system",
    "量质齐升": "Higher quantity and quality",
    "深化改革开放": "Deeper reform and opening-up",
    "优化提升": "A better city",
    "乡村振兴": "Rural revitalisation",
    "绿色低碳": "Green and low-carbon",
    "文化繁荣": "Thriving culture",
    "民生福祉": "People's wellbeing",
    "科创赋能产业兴": "Innovation powering industry",
    "推进高效能治理": "Effective governance",
}
DEPARTMENTS = {
    "市统计局": "Statistics Bureau",
    "市发展改革委": "Development and Reform Commission",
    "市工业和信息化局": "Industry and Information Technology Bureau",
    "市商务局": "Commerce Bureau",
    "市财政局": "Finance Bureau",
    "市外事办": "Foreign Affairs Office",
    "郑州航空港经济综合实验区管委会": "Airport Economy Zone Administration",
    "市科技局": "Science and Technology Bureau",
    "市政务服务和数据管理局": "Government Services and Data Bureau",
    "市住房和城乡建设局": "Housing and Urban-Rural Development Bureau",
    "市城市管理局": "Urban Management Bureau",
    "市园林局": "Parks and Greening Bureau",
    "市交通运输局": "Transport Bureau",
    "市水利局": "Water Resources Bureau",
    "市农业农村局": "Agriculture and Rural Affairs Bureau",
    "市生态环境局": "Ecology and Environment Bureau",
    "市文化广电和旅游局": "Culture, Broadcasting and Tourism Bureau",
    "市人力资源和社会保障局": "Human Resources and Social Security Bureau",
    "市教育局": "Education Bureau",
    "市医疗保障局": "Healthcare Security Bureau",
    "市住房保障局": "Housing Security Bureau",
}
# A unit is a multiplier and a base ("万吨" = 万 + 吨): each part has its word.
MULTIPLIERS = {"万亿": "trillion", "亿": "100M", "万": "10k", "千": "thousand", "百": "hundred"}
BASES = {
    "元": "yuan",
    "吨": "t",
    "公斤": "kg",
    "千克": "kg",
    "斤": "jin",
    "公里": "km",
    "千米": "km",
    "米": "m",
    "平方米": "m²",
    "亩": "mu",
    "公顷": "ha",
    "类": "class",
    "个": "units",
    "家": "firms",
    "台": "units",
    "辆": "vehicles",
    "条": "items",
    "场": "events",
    "项": "items",
    "人": "people",
    "人次": "person-times",
    "户": "households",
    "所": "schools",
    "处": "sites",
    "座": "structures",
    "次": "times",
    "架次": "flights",
    "标箱": "TEU",
    "列": "trains",
}

TEXT = {
    **{f"glossary.section.{zh}": (zh, en) for zh, en in SECTIONS.items()},
    **{f"glossary.department.{zh}": (zh, en) for zh, en in DEPARTMENTS.items()},
    **{f"glossary.multiplier.{zh}": (zh, en) for zh, en in MULTIPLIERS.items()},
    **{f"glossary.unit.{zh}": (zh, en) for zh, en in BASES.items()},
}
