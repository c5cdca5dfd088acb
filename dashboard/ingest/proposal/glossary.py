"""English names for the indicators most reports share; others keep the Chinese name.

Keys are compared after `names.root` (verbs and rate words gone, 规模以上 -> 规上), so
"规模以上工业增加值增长" finds "规上工业增加值" and gets "growth" added for a growth target.
"""

from dashboard.ingest.proposal import names as n

TERMS = {
    "生产总值": "GDP",
    "经济": "GDP",
    "固定资产投资": "Fixed-asset investment",
    "规上工业增加值": "Above-size industrial value added",
    "工业增加值": "Industrial value added",
    "工业投资": "Industrial investment",
    "服务业增加值": "Service-sector value added",
    "社会消费品零售总额": "Retail sales",
    "一般公共预算收入": "General public budget revenue",
    "进出口总值": "Imports and exports",
    "进出口": "Imports and exports",
    "居民消费价格涨幅": "Consumer prices",
    "居民消费价格": "Consumer prices",
    "城镇调查失业率": "Surveyed urban unemployment rate",
    "城镇新增就业": "New urban jobs",
    "城镇就业": "New urban jobs",
    "农村劳动力转移就业": "Rural labour moved into employment",
    "居民人均可支配收入": "Per-capita disposable income",
    "居民收入": "Household income",
    "粮食产量": "Grain output",
    "粮食种植面积": "Grain sown area",
    "粮食面积": "Grain sown area",
    "高标准农田": "High-standard farmland",
    "跨境电商交易额": "Cross-border e-commerce transactions",
    "技术合同成交额": "Technology contract turnover",
    "数字经济规模": "Digital economy scale",
    "研发经费投入": "R&D spending",
    "全社会研发经费投入": "R&D spending",
    "高新技术企业": "High-tech enterprises",
    "科技型中小企业": "Tech-based SMEs",
    "公共充电桩": "Public charging piles",
    "充电桩": "Charging piles",
    "公共停车位": "Public parking spaces",
    "停车泊位": "Parking spaces",
    "学位": "School places",
    "养老床位": "Elderly-care beds",
    "职业技能培训": "Vocational skills training",
    "机场货邮吞吐量": "Airport cargo and mail throughput",
    "中欧班列开行": "China–Europe freight trains run",
    "营造林": "Afforestation",
    "城市绿地": "Urban green space",
    "绿地": "Green space",
    "口袋公园": "Pocket parks",
    "PM2.5平均浓度": "Average PM2.5 concentration",
    "单位产值增加值能耗": "Energy use per unit of value added",
    "单位生产总值能耗": "Energy use per unit of GDP",
}
GROWTH = " growth"


def english_name(name_zh: str, kind: str) -> str:
    """The English name, or '' when the glossary does not know the indicator."""
    english = TERMS.get(n.root(name_zh)) or TERMS.get(n.normalise(name_zh))
    if not english:
        return ""
    return english + GROWTH if kind == "growth" and GROWTH not in english else english
