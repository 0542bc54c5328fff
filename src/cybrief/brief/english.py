"""English forms of the words briefs repeat: plan periods and other horizons (十四五, 十五五末, 5年前), and places (川渝, 成渝地区).

Horizons are read by pattern, so every five-year plan and every "N years ago" has its English without a
list of them. Places are looked up in a registry of China's provincial-level divisions (full names and the
one-character abbreviations that compounds such as 川渝 or 京津冀 are made of), their capitals, and the
multi-province regions that policy reports name, also with an administrative word after them (成渝地区,
四川省). Anything else has no English form here (None): a brief then gives it in a field of its own
(`region_en`). Pinyin is not guessed: it would load the pinyin tables on every run that shows a place.
"""

from __future__ import annotations

import re

# --- horizons ------------------------------------------------------------------------------------------------

_PLAN = re.compile(r"^[“\"']?([一二三四五六七八九十]{1,3})五[”\"']?(规划)?(期间|时期|末|初|前期|中期|后期)?$")
_YEAR = re.compile(r"^(\d{4})年?(底|末|初|年底|年末|年初|上半年|下半年|前|后)?$")
_YEARS = re.compile(r"^(\d{4})年?[-–—~～至到](\d{4})年?$")
_RELATIVE = re.compile(r"^([\d一二两三四五六七八九十]+)年(前|后|内|来|间)$")
_WORDS = {"今年": "this year", "明年": "next year", "去年": "last year", "年内": "within the year", "近年": "in recent years",
          "当前": "now", "目前": "now", "未来": "in future", "长期": "long term", "中长期": "medium to long term"}
_PLAN_PART = {None: "", "期间": "", "时期": "", "末": "end of the ", "初": "start of the ", "前期": "early years of the ",
              "中期": "middle of the ", "后期": "late years of the "}
_YEAR_PART = {"底": "end of ", "末": "end of ", "年底": "end of ", "年末": "end of ", "初": "start of ", "年初": "start of ",
              "上半年": "first half of ", "下半年": "second half of ", "前": "before ", "后": "after "}
_RELATIVE_PART = {"前": "{n} years ago", "后": "in {n} years", "内": "within {n} years", "来": "over the past {n} years",
                  "间": "over {n} years"}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def plan_years(n: int) -> tuple[int, int]:
    """The years of China's nth five-year plan: the 1st ran 1953-57, the 2nd 1958-62, and from the 3rd (1966-70)
    on they follow one another."""
    start = 1953 + 5 * (n - 1) if n <= 2 else 1966 + 5 * (n - 3)
    return start, start + 4


def _number(text: str) -> int | None:
    from cybrief.figures.numerals import NumeralError, read_numeral

    try:
        value = read_numeral(text.replace("两", "二"))
    except NumeralError:
        return None
    return int(value) if value == value.to_integral_value() and value > 0 else None


def english_horizon(horizon: str | None) -> str | None:
    """A horizon in English: 十四五 -> 14th Five-Year Plan (2021-2025), 十五五末 -> end of the 15th Five-Year Plan
    (2030), 5年前 -> 5 years ago, 2025年底 -> end of 2025; None for a wording it does not know."""
    if not horizon:
        return None
    text = horizon.strip()
    match = _PLAN.match(text)
    if match:
        n = _number(match.group(1))
        if n is None:
            return None
        start, end = plan_years(n)
        part = match.group(3)
        years = {"末": f"{end}", "初": f"{start}"}.get(part, f"{start}–{end}")
        return f"{_PLAN_PART[part]}{_ordinal(n)} Five-Year Plan ({years})"
    match = _YEAR.match(text)
    if match:
        return _YEAR_PART.get(match.group(2), "") + match.group(1)
    match = _YEARS.match(text)
    if match:
        return f"{match.group(1)}–{match.group(2)}"
    match = _RELATIVE.match(text)
    if match:
        n = _number(match.group(1)) if not match.group(1).isdigit() else int(match.group(1))
        return None if n is None else _RELATIVE_PART[match.group(2)].format(n=n)
    return _WORDS.get(text)


# --- places --------------------------------------------------------------------------------------------------

# China's provincial-level divisions: full name, the abbreviations compounds are made of (新 and 疆 for
# Xinjiang: 疆渝), English name.
PROVINCES = (
    ("北京", "京", "Beijing"), ("天津", "津", "Tianjin"), ("河北", "冀", "Hebei"), ("山西", "晋", "Shanxi"),
    ("内蒙古", "蒙", "Inner Mongolia"), ("辽宁", "辽", "Liaoning"), ("吉林", "吉", "Jilin"),
    ("黑龙江", "黑", "Heilongjiang"), ("上海", "沪", "Shanghai"), ("江苏", "苏", "Jiangsu"), ("浙江", "浙", "Zhejiang"),
    ("安徽", "皖", "Anhui"), ("福建", "闽", "Fujian"), ("江西", "赣", "Jiangxi"), ("山东", "鲁", "Shandong"),
    ("河南", "豫", "Henan"), ("湖北", "鄂", "Hubei"), ("湖南", "湘", "Hunan"), ("广东", "粤", "Guangdong"),
    ("广西", "桂", "Guangxi"), ("海南", "琼", "Hainan"), ("重庆", "渝", "Chongqing"), ("四川", "川蜀", "Sichuan"),
    ("贵州", "黔贵", "Guizhou"), ("云南", "滇云", "Yunnan"), ("西藏", "藏", "Xizang"), ("陕西", "陕秦", "Shaanxi"),
    ("甘肃", "甘陇", "Gansu"), ("青海", "青", "Qinghai"), ("宁夏", "宁", "Ningxia"), ("新疆", "新疆", "Xinjiang"),
    ("台湾", "台", "Taiwan"), ("香港", "港", "Hong Kong"), ("澳门", "澳", "Macao"),
)
# Provincial capitals and the cities planned on their own (计划单列市).
CITIES = {
    "石家庄": "Shijiazhuang", "太原": "Taiyuan", "呼和浩特": "Hohhot", "沈阳": "Shenyang", "长春": "Changchun",
    "哈尔滨": "Harbin", "南京": "Nanjing", "杭州": "Hangzhou", "合肥": "Hefei", "福州": "Fuzhou", "南昌": "Nanchang",
    "济南": "Jinan", "郑州": "Zhengzhou", "武汉": "Wuhan", "长沙": "Changsha", "广州": "Guangzhou", "南宁": "Nanning",
    "海口": "Haikou", "成都": "Chengdu", "贵阳": "Guiyang", "昆明": "Kunming", "拉萨": "Lhasa", "西安": "Xi'an",
    "兰州": "Lanzhou", "西宁": "Xining", "银川": "Yinchuan", "乌鲁木齐": "Urumqi", "深圳": "Shenzhen", "厦门": "Xiamen",
    "青岛": "Qingdao", "大连": "Dalian", "宁波": "Ningbo",
}
# Regions that span provinces, as policy reports name them.
REGIONS = {
    "成渝": "Chengdu-Chongqing", "成渝地区双城经济圈": "Chengdu-Chongqing twin-city economic circle",
    "长三角": "Yangtze River Delta", "珠三角": "Pearl River Delta", "粤港澳大湾区": "Guangdong-Hong Kong-Macao Greater Bay Area",
    "长江经济带": "Yangtze River Economic Belt", "黄河流域": "Yellow River basin", "东北": "Northeast China",
    "西部": "western China", "中部": "central China", "东部": "eastern China", "全国": "nationwide", "我国": "China",
    "中国": "China",
}
# Administrative words after a name, in English ("" when the English name alone says it: 重庆市 is Chongqing).
SUFFIXES = (("地区", " region"), ("街道", " Subdistrict"), ("自治区", " Autonomous Region"), ("新区", " New Area"),
            ("开发区", " Development Zone"), ("省", ""), ("市", ""),
            ("县", " County"), ("区", " District"), ("镇", " Town"), ("乡", " Township"), ("村", " Village"))
_LIST = re.compile(r"[、，,]|和|及|与")

_NAMES = {zh: en for zh, _, en in PROVINCES} | CITIES | REGIONS
_ABBREVIATIONS = {a: en for _, abbreviations, en in PROVINCES for a in abbreviations}


def english_region(region: str | None) -> str | None:
    """A place in English: 川渝 -> Sichuan-Chongqing, 成渝地区 -> Chengdu-Chongqing region, 重庆、成都 -> Chongqing,
    Chengdu; None when the registry does not know it (天山堡村)."""
    if not region:
        return None
    text = region.strip()
    parts = [p.strip() for p in _LIST.split(text) if p.strip()]
    if len(parts) > 1:
        english = [_place(p) for p in parts]
        return None if None in english else ", ".join(english)
    return _place(text)


def _place(text: str) -> str | None:
    known = _name(text)
    if known is not None:
        return known
    for word, english in SUFFIXES:
        if text.endswith(word) and len(text) > len(word):
            stem = _name(text[: -len(word)])
            return None if stem is None else stem + english
    return None


def _name(text: str) -> str | None:
    """A name of the registry, or a compound of province abbreviations (川渝, 京津冀)."""
    if text in _NAMES:
        return _NAMES[text]
    if 2 <= len(text) <= 4 and all(ch in _ABBREVIATIONS for ch in text):
        return "-".join(_ABBREVIATIONS[ch] for ch in text)
    return None
