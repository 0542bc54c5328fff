"""Figure parser tests: golden parses of every form a report uses, refusals, writing back, and round-trip properties."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cybrief.errors import CybriefError, FigureError
from cybrief.figures.numerals import chinese_integer, read_numeral
from cybrief.figures.quantity import BASE_UNITS, QUALIFIERS, UNITS, Quantity, parse_figure, remembered
from cybrief.figures.writing import english, format_figure

D = Decimal

# text -> (value, unit, qualifier, upper)
GOLDEN = {
    # Arabic numerals, magnitude words folded into the value, units as stated
    "278.8万辆": (D(2788000), "辆", "exact", None),
    "5018亿元": (D(501800000000), "元", "exact", None),
    "16.4亿": (D(1640000000), "", "exact", None),
    "1.2万亿": (D(1200000000000), "", "exact", None),
    "1.2万亿元": (D(1200000000000), "元", "exact", None),
    "1.9万元": (D(19000), "元", "exact", None),
    "5000亩": (D(5000), "亩", "exact", None),
    "23.6%": (D("23.6"), "%", "exact", None),
    "80%": (D(80), "%", "exact", None),
    "80％": (D(80), "%", "exact", None),
    "2.4倍": (D("2.4"), "倍", "exact", None),
    "1,500": (D(1500), "", "exact", None),
    "1,234,567.5元": (D("1234567.5"), "元", "exact", None),
    "１２３４５": (D(12345), "", "exact", None),
    "5千万": (D(50000000), "", "exact", None),
    "500千瓦": (D(500), "千瓦", "exact", None),
    "1200万千瓦": (D(12000000), "千瓦", "exact", None),
    "2个百分点": (D(2), "百分点", "exact", None),  # the unit in its base form
    "2万名": (D(20000), "人", "exact", None),
    "6位": (D(6), "人", "exact", None),
    "30元/吨": (D(30), "元/吨", "exact", None),
    "10 EFLOPS": (D(10), "EFLOPS", "exact", None),
    # Chinese numerals and the mix
    "三千": (D(3000), "", "exact", None),
    "两百": (D(200), "", "exact", None),
    "一千五百": (D(1500), "", "exact", None),
    "一千五": (D(1500), "", "exact", None),
    "两万五": (D(25000), "", "exact", None),
    "十五": (D(15), "", "exact", None),
    "二十五": (D(25), "", "exact", None),
    "一百零五": (D(105), "", "exact", None),
    "一千零一十": (D(1010), "", "exact", None),
    "十万": (D(100000), "", "exact", None),
    "三亿五千万": (D(350000000), "", "exact", None),
    "一亿零一万": (D(100010000), "", "exact", None),
    "三点二亿元": (D(320000000), "元", "exact", None),
    "两条": (D(2), "条", "exact", None),
    "3千": (D(3000), "", "exact", None),
    "八成": (D(8), "成", "exact", None),
    "壹仟": (D(1000), "", "exact", None),
    # qualifiers, with the vocabulary of the brief format
    "近400万辆": (D(4000000), "辆", "nearly", None),
    "近百个": (D(100), "个", "nearly", None),
    "近50万人": (D(500000), "人", "nearly", None),
    "将近三千人": (D(3000), "人", "nearly", None),
    "约3763亿元": (D(376300000000), "元", "approx", None),
    "大约5年": (D(5), "年", "approx", None),
    "大概1.3万亿元": (D("1.3e12"), "元", "approx", None),
    "差不多300家": (D(300), "家", "approx", None),
    # one unit per another, with a slash or 每 (written with the slash, so that the two share a unit)
    "388.5公斤/亩": (D("388.5"), "公斤/亩", "exact", None),
    "30.5微克每立方米": (D("30.5"), "微克/立方米", "exact", None),
    "15分钟左右": (D(15), "分钟", "approx", None),
    "3小时左右": (D(3), "小时", "approx", None),
    "100人上下": (D(100), "人", "approx", None),
    "超1000亿元": (D(100000000000), "元", "over", None),
    "超过200个": (D(200), "个", "over", None),
    "逾千家": (D(1000), "家", "over", None),
    "1500余家": (D(1500), "家", "over", None),
    "20余万人": (D(200000), "人", "over", None),
    "一百多个": (D(100), "个", "over", None),
    "1万多人": (D(10000), "人", "over", None),
    "20%以上": (D(20), "%", "at_least", None),
    "至少3个": (D(3), "个", "at_least", None),
    "不少于50亿元": (D(5000000000), "元", "at_least", None),
    "不足7500元": (D(7500), "元", "under", None),
    "不到一成": (D(1), "成", "under", None),
    "3小时以内": (D(3), "小时", "at_most", None),
    "5%以下": (D(5), "%", "at_most", None),
    "不超过30天": (D(30), "天", "at_most", None),
    "约15分钟左右": (D(15), "分钟", "approx", None),
    # percentages, shares and ratio wording
    "百分之二十": (D(20), "%", "exact", None),
    "百分之二十以上": (D(20), "%", "at_least", None),
    "百分之五点五": (D("5.5"), "%", "exact", None),
    "千分之三": (D(3), "‰", "exact", None),
    "三分之一": (Fraction(1, 3), "fraction", "exact", None),
    "二分之一": (D("0.5"), "fraction", "exact", None),
    "三分之二以上": (Fraction(2, 3), "fraction", "at_least", None),
    "近三分之一": (Fraction(1, 3), "fraction", "nearly", None),
    "1/9": (Fraction(1, 9), "fraction", "exact", None),
    "1/4": (D("0.25"), "fraction", "exact", None),
    "每9台汽车就有1台": (Fraction(1, 9), "fraction", "exact", None),
    "每消费2度电就有1度": (D("0.5"), "fraction", "exact", None),
    "每两度用电中有一度": (D("0.5"), "fraction", "exact", None),
    "每百人中有3人": (D("0.03"), "fraction", "exact", None),
    # ranges: value is the lower bound, upper the upper one; a trailing magnitude is shared
    "3至5个": (D(3), "个", "exact", D(5)),
    "3-5%": (D(3), "%", "exact", D(5)),
    "3%-5%": (D(3), "%", "exact", D(5)),
    "3～5年": (D(3), "年", "exact", D(5)),
    "三到五年": (D(3), "年", "exact", D(5)),
    "3至5万人": (D(30000), "人", "exact", D(50000)),
    "3万至5万人": (D(30000), "人", "exact", D(50000)),
    "三百至五百万": (D(3000000), "", "exact", D(5000000)),
    "5千至1万": (D(5000), "", "exact", D(10000)),
    "3万至2亿": (D(30000), "", "exact", D(200000000)),
    "约3至5个": (D(3), "个", "approx", D(5)),
    # a threshold passed, with 了; 标箱 (TEU) as reports shorten it
    "突破了1000万": (D(10000000), "", "over", None),
    "超过了3成": (D(3), "成", "over", None),
    "53万标箱": (D(530000), "标箱", "exact", None),
    # a time and a half
    "7天半": (D("7.5"), "天", "exact", None),
    "两个半小时": (D("2.5"), "小时", "exact", None),
    "三个半月": (D("3.5"), "个月", "exact", None),
    "约一年半": (D("1.5"), "年", "approx", None),
    # an estimate in two neighbouring digits: a range, about
    "两三个": (D(2), "个", "approx", D(3)),
    "一两年": (D(1), "年", "approx", D(2)),
    "三五家": (D(3), "家", "approx", D(5)),
    "六七万亿元": (D(6) * 10**12, "元", "approx", D(7) * 10**12),
    "十五六岁": (D(15), "岁", "approx", D(16)),
    "二三十万人": (D(200000), "人", "approx", D(300000)),
    "七八百万": (D(7000000), "", "approx", D(8000000)),
    "近两三成": (D(2), "成", "nearly", D(3)),
    # a threshold passed, thousands separated by commas
    "破万亿元": (D(10) ** 12, "元", "over", None),
    "1,254万人": (D(12540000), "人", "exact", None),
    "1个多小时": (D(1), "小时", "over", None),  # 多 after the measure word
    "10多个小时": (D(10), "小时", "over", None),
    "135种": (D(135), "种", "exact", None),
}


@pytest.mark.parametrize("text", sorted(GOLDEN))
def test_golden_parse(text):
    q = parse_figure(text)
    assert (q.value, q.unit, q.qualifier, q.upper) == GOLDEN[text]
    assert q.text == text
    assert type(q.value) is type(GOLDEN[text][0])  # Decimal or Fraction, never float


def test_values_are_never_floats_and_exact():
    assert parse_figure("16.4亿").value == 1640000000
    assert isinstance(parse_figure("0.1").value, Decimal) and parse_figure("0.1").value == Decimal("0.1")


REFUSED = {
    "万亿级": "names an order of magnitude",
    "千万工程": "'工程' is not a unit",
    "三大核心": "'大核心' is not a unit",
    "5G": "'G' is not a unit",
    "第三": "expected a number",
    "一二": "two numbers in a row",
    "一二三": "two numbers in a row",
    "3个半": "not a unit",  # half of no time
    "三四五个": "two numbers in a row",  # one pair of neighbours at most
    "十二三四": "two numbers in a row",
    "二〇二五": "zero out of place",
    "百千": "out of order",
    "1万2": "reads two ways",
    "约1500余家": "two qualifiers that disagree",
    "5至3个": "lower bound is not below",
    "3个至5人": "two units",
    "零分之一": "zero denominator",
    "1/0": "zero denominator",
    "每台汽车": "每 … 有",
    "1,50": "comma",
    "": "empty",
    "近": "expected a number",
    "abc": "expected a number",
    "3.2.1": "not a number",
    "1" * 41 + "万亿": "more than 40 digits",  # never rounded to what fits
}


@pytest.mark.parametrize("text", sorted(REFUSED))
def test_refused_never_guessed(text):
    with pytest.raises(FigureError) as caught:
        parse_figure(text)
    message = str(caught.value)
    assert message.startswith(f"cannot read {text!r} as a figure: ")
    assert "\n" not in message
    if REFUSED[text]:
        assert REFUSED[text] in message
    assert isinstance(caught.value, CybriefError)


FORMATTED = {
    "近400万辆": "近400万辆",
    "超1000亿元": "超1000亿元",
    "1500余家": "超1500家",
    "20%以上": "20%以上",
    "百分之二十": "20%",
    "每9台汽车就有1台": "九分之一",
    "每消费2度电就有1度": "二分之一",
    "15分钟左右": "约15分钟",
    "不足7500元": "不足7500元",
    "3小时以内": "不超过3小时",
    "3至5个": "3至5个",
    "3-5%": "3至5%",
    "十万": "10万",
    "123456789": "123456789",
}


@pytest.mark.parametrize("text", sorted(FORMATTED))
def test_format_figure_writes_chinese(text):
    assert format_figure(parse_figure(text)) == FORMATTED[text]


ENGLISH = {
    "5018亿元": "CNY 501.8 bn",
    "近400万辆": "nearly 4.0 million vehicles",
    "278.8万辆": "2.788 million vehicles",
    "2.4倍": "2.4x",
    "超1000亿元": "over CNY 100.0 bn",
    "1.2万亿元": "CNY 1.2 tn",
    "不足7500元": "under CNY 7,500",
    "1.9万元": "CNY 19,000",
    "近50万人": "nearly 500,000 people",
    "20%以上": "at least 20%",
    "每9台汽车就有1台": "1/9",
    "1500余家": "over 1,500",
    "5000亩": "5,000 mu",
    "约15分钟": "about 15 minutes",
    "1小时": "1 hour",
    "16.4亿": "1.64 billion",
    "3至5万人": "30,000–50,000 people",
    "八成以上": "at least 80%",
    "3小时以内": "at most 3 hours",
    "每消费2度电就有1度": "1/2",
    "2个百分点": "2 percentage points",
    "388.5公斤/亩": "388.5 kg/mu",
    "30.5微克每立方米": "30.5 µg/m³",
    "3000元/吨": "CNY 3,000/tonne",
    "大概1.3万亿元": "about CNY 1.3 tn",
}


@pytest.mark.parametrize("text", sorted(ENGLISH))
def test_english(text):
    assert english(parse_figure(text)) == ENGLISH[text]


def test_quantity_is_small_and_compares_by_value():
    q = parse_figure("近400万辆")
    assert not hasattr(q, "__dict__")
    assert q == Quantity("近400万辆", Decimal(4000000), "辆", "nearly")
    assert q != parse_figure("400万辆")
    with pytest.raises(ValueError):
        Quantity("x", Decimal(1), "", "more")


def test_importing_the_parser_needs_neither_yaml_nor_rich():
    import subprocess
    import sys

    code = "import sys, cybrief.figures.quantity; print(sorted(m for m in ('yaml', 'rich', 'typer') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --- properties -------------------------------------------------------------------------------------------

def _same(a: Quantity, b: Quantity) -> bool:
    return (a.value, a.unit, a.qualifier, a.upper) == (b.value, b.unit, b.qualifier, b.upper)


amounts = st.one_of(
    st.integers(min_value=0, max_value=10**15).map(Decimal),
    st.decimals(min_value=Decimal("0.001"), max_value=Decimal("1e9"), places=3, allow_nan=False, allow_infinity=False),
).map(lambda d: Decimal(int(d)) if d == d.to_integral_value() else d.normalize())
units = st.sampled_from(sorted(set(UNITS) - set(BASE_UNITS)) + [""])  # units in their base form, as parsed


@st.composite
def quantities(draw):
    qualifier = draw(st.sampled_from(QUALIFIERS))
    if draw(st.booleans()) and draw(st.booleans()):
        share = Fraction(draw(st.integers(1, 500)), draw(st.integers(1, 500)))
        from cybrief.figures.quantity import exact

        return Quantity("", exact(share), "fraction", qualifier)
    value, unit = draw(amounts), draw(units)
    upper = None
    if draw(st.booleans()) and draw(st.booleans()):
        upper = value + draw(amounts.filter(lambda d: d > 0))
    return Quantity("", value, unit, qualifier, upper)


@settings(max_examples=400, derandomize=True, deadline=None)
@given(quantities())
@example(Quantity("", Decimal(3), "", "exact", Decimal(50000)))
@example(Quantity("", Decimal(10000), "千瓦", "over"))
@example(Quantity("", Decimal(100), "百分点", "at_least"))
@example(Quantity("", Decimal(30000), "个", "exact", Decimal(200000000)))
def test_format_then_parse_gives_the_same_value(q):
    text = format_figure(q)
    again = parse_figure(text)
    assert _same(again, q), text
    english(q)  # never fails on a parsed value


@st.composite
def figure_texts(draw):
    """Figures as reports write them, built from the parts the parser knows."""
    number = draw(st.integers(min_value=1, max_value=99999))
    written = draw(st.sampled_from(["arabic", "chinese", "decimal"]))
    if written == "chinese":
        numeral = chinese_integer(number)
    elif written == "decimal":
        numeral = f"{number / 10:.1f}"
    else:
        numeral = str(number)
    magnitude = draw(st.sampled_from(["", "万", "亿", "万亿"]))
    unit = draw(st.sampled_from(["元", "辆", "人", "家", "个", "亩", "%", "倍", ""]))
    if unit in ("%", "倍") or (written == "chinese" and number >= 10000):
        magnitude = ""  # 一万万 is not how a number is written
    prefix = draw(st.sampled_from(["", "近", "约", "超", "超过", "逾", "至少", "不足", "不超过"]))
    suffix = "" if prefix else draw(st.sampled_from(["", "左右", "以上", "以下", "以内"]))
    return prefix + numeral + magnitude + unit + suffix


@settings(max_examples=400, derandomize=True, deadline=None)
@given(figure_texts())
def test_parse_format_parse_is_stable(text):
    q = parse_figure(text)
    assert _same(parse_figure(format_figure(q)), q), (text, format_figure(q))


@pytest.mark.parametrize("text, digits, exponent", [
    ("27272727272727272727272727278.8万辆", "27272727272727272727272727278.8", 4),
    ("9" * 38 + ".5亿元", "9" * 38 + ".5", 8),
    ("0." + "1" * 39 + "万个", "0." + "1" * 39, 4),
])
def test_long_numbers_stay_exact_both_ways(text, digits, exponent):
    """More digits than Python's default 28 are read, scaled and written back without rounding (found by fuzzing)."""
    q = parse_figure(text)
    assert q.value == Decimal(f"{digits}E{exponent}")  # the constructor is exact
    assert _same(parse_figure(format_figure(q)), q)
    english(q)


def test_a_value_too_long_for_a_decimal_stays_a_fraction():
    from cybrief.figures.quantity import exact

    assert exact(Fraction(1, 2**400)) == Fraction(1, 2**400)  # never rounded (a sum of shares may come to this)
    assert exact(Fraction(1, 2**10)) == Decimal("0.0009765625")


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_chinese_numerals_round_trip(n):
    assert read_numeral(chinese_integer(n)) == n


def test_views_know_every_range_separator():
    import unicodedata

    from cybrief.figures.quantity import RANGE_SEPARATORS
    from cybrief.render.views import RANGE_MARKS

    # views spots a range without loading the parser; every mark it knows must normalize to a separator here
    assert {unicodedata.normalize("NFKC", m) for m in RANGE_MARKS} == set(RANGE_SEPARATORS)
    assert parse_figure("3～5个").upper == 5 and parse_figure("3－5个").upper == 5


def test_figures_remembered_read_as_without_and_still_refuse():
    texts = ["近400万辆", "3至5个", "23.6%", "近400万辆"]
    with remembered():
        inside = [parse_figure(t) for t in texts]
        with pytest.raises(FigureError):
            parse_figure("很多")
        with pytest.raises(FigureError):
            parse_figure("很多")  # a refusal is not remembered as an answer
        assert inside[0] is inside[3]  # read once
    assert inside == [parse_figure(t) for t in texts]
    assert parse_figure("近400万辆") is not parse_figure("近400万辆")  # outside the block: read each time
