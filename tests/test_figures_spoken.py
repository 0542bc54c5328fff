"""Spoken and regional forms of a figure (500个亿, 40几次, 5倍多, 翻一番, 百分之四点五至百分之五): parsed, and found in prose."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cybrief.draft.figures import find_figures
from cybrief.figures.quantity import parse_figure


@pytest.mark.parametrize("text, value, unit, qualifier, upper", [
    ("500个亿", Decimal("50000000000"), "", "exact", None),
    ("500个亿以上", Decimal("50000000000"), "", "at_least", None),
    ("40几次", Decimal(40), "次", "over", None),
    ("四十幾次", Decimal(40), "次", "over", None),
    ("5倍多", Decimal(5), "倍", "over", None),
    ("3个月多", Decimal(3), "个月", "over", None),
    ("百分之四点五至百分之五", Decimal("4.5"), "%", "exact", Decimal(5)),
    ("百分之二十到三十", Decimal(20), "%", "exact", Decimal(30)),
    ("7%至于7.5%", Decimal(7), "%", "exact", Decimal("7.5")),
    ("翻一番", Decimal(2), "倍", "exact", None),
    ("翻了一番多", Decimal(2), "倍", "over", None),
    ("翻兩番", Decimal(4), "倍", "exact", None),
    ("一个小时四十五分钟", Decimal(105), "分钟", "exact", None),
    ("两个小时零五分钟", Decimal(125), "分钟", "exact", None),
    ("两成半", Decimal("2.5"), "成", "exact", None),
    ("320万人口", Decimal(3200000), "人", "exact", None),
    ("14億多人口", Decimal(1400000000), "人", "over", None),
])
def test_spoken_forms_parse(text, value, unit, qualifier, upper):
    q = parse_figure(text)
    assert (q.value, q.unit, q.qualifier, q.upper) == (value, unit, qualifier, upper)


@pytest.mark.parametrize("prose, figure", [
    ("今年投资500个亿以上。", "500个亿以上"),
    ("改革一词出现40几次。", "40几次"),
    ("保有量比五年前增长5倍多。", "5倍多"),
    ("目标是增长百分之四点五至百分之五。", "百分之四点五至百分之五"),
    ("目标是增长7%至于7.5%。", "7%至于7.5%"),
    ("消费占GDP不到38%。", "不到38%"),  # letters before a qualifier word are a word of their own
    ("全市生产总值比十年前翻了一番多。", "翻了一番多"),
    ("全年受益群众达3億6千6百萬", "3億6千6百萬"),  # digits between magnitudes, the unit cut off
    ("人均收入达到2万3千。", "2万3千"),
    ("项目投资1亿2000万。", "1亿2000万"),
    ("报告用时一個小時四十五分鐘。", "一個小時四十五分鐘"),  # one span, not a quarter-hour count
    ("全程用了2小时30分钟。", "2小时30分钟"),
])
def test_spoken_forms_are_found_whole_in_prose(prose, figure):
    assert [f.text for f in find_figures(prose)] == [figure]


@pytest.mark.parametrize("prose, figures", [
    ("建成100个万人社区。", ["100个"]),  # 万人 is the kind of community, not 100万
    ("新增5G基站100万个。", ["100万个"]),  # 5G is a name
    ("增长5倍多次。", ["5倍"]),
    ("收入翻一番是“两个翻番”之一。", ["翻一番"]),  # 两个翻番 names a goal, counts nothing
])
def test_what_the_spoken_forms_leave_alone(prose, figures):
    assert [f.text for f in find_figures(prose)] == figures


@pytest.mark.parametrize("prose, figures", [
    ("建成5个亿元村。", ["5个"]),  # 亿元村 is a kind of village
    ("企业违约每天罚款1000元。", ["1000元"]),  # 违约 is no 约
    ("就近每村配备2名医生。", ["2名"]),  # 就近 is no 近
    ("召开了5次董事会议，3次安全会议。", ["5次", "3次"]),  # meetings held are counted
    ("这里是两次东山会议召开地。", []),  # a meeting named for its place
    ("中秋3天假期里，景区接待游客2万人次。", ["2万人次"]),  # a holiday is a period
    ("国庆七天长假接待游客120万人次，工期缩短了9天。", ["120万人次", "9天"]),
    ("过去7天，全港共有3宗输入个案。", ["3宗"]),  # a period before it; 宗 counts cases
    ("最近两周新增病例20例，未来三个月再建方舱2座。", ["20例", "2座"]),
    ("今年的外贸可以用三个词来概括，进出口增长6.5%。", ["6.5%"]),  # how it is summed up
    ("今年首九个月税收下跌两成半，避免了320万人口受灾。", ["两成半", "320万人口"]),  # 首九个月: a period
    ("全年发电量3200亿千瓦时。", ["3200亿千瓦时"]),  # 千 is no digit of the amount here
])
def test_words_that_only_look_like_spoken_forms(prose, figures):
    assert [f.text for f in find_figures(prose)] == figures
