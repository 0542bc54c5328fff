"""draft on more ways reports say who speaks: a title alone, verbs of belief and forecast, labels (made-up texts)."""

from __future__ import annotations

import pytest

from cybrief.draft import draft_article


def delegates(brief) -> dict:
    return {d.name: d for d in brief.delegates}


def figures(brief) -> dict:
    """figure text -> (speaker name, value, unit, qualifier)"""
    names = {d.id: d.name for d in brief.delegates}
    return {t.figure: (names[t.delegate], t.value, t.unit, t.qualifier) for t in brief.targets}


def test_a_title_alone_is_the_one_person_the_report_named_with_it():
    text = (
        "国务院新闻办公室3月7日举行发布会。\n"
        "人力资源社会保障部部长李明出席发布会并回答记者提问。\n"
        "谈到就业，部长回答，“今年城镇新增就业目标是1200万人以上。”\n"
    )
    brief = draft_article(text, year=2026).brief
    assert delegates(brief)["李明"].role == "人力资源社会保障部部长"
    assert figures(brief)["1200万人以上"][0] == "李明"


def test_a_title_two_people_hold_or_a_vice_title_names_no_one():
    text = (
        "某省3月7日举行发布会。\n"
        "省科技厅厅长王强、省财政厅厅长陈伟出席发布会并回答记者提问。\n"
        "厅长表示，“今年将新建实验室30个。”\n"
    )
    assert not {"王强", "陈伟"} & set(delegates(draft_article(text, year=2026).brief))
    text = text.replace("省科技厅厅长王强、省财政厅厅长陈伟", "省科技厅副厅长王强")
    assert "王强" not in delegates(draft_article(text, year=2026).brief)  # 副厅长 is not 厅长


def test_believing_forecasting_and_reminding_are_saying():
    text = (
        "3月5日，全国人大代表、东岭集团董事长张明相信，今年集团营收将突破500亿元。\n"
        "全国政协委员、南江大学教授王秀兰预计，明年全省新增算力中心10个。\n"
        "全国人大代表、北坡村党支部书记赵立新提醒，村里还有300户需要改造。\n"
    )
    got = figures(draft_article(text, year=2026).brief)
    assert got["突破500亿元"][0] == "张明" and got["10个"][0] == "王秀兰" and got["300户"][0] == "赵立新"


def test_small_form_punctuation_is_read_as_the_full_width_mark():
    text = "3月5日，全国人大代表、东岭市市长张明﹕“今年全市新建学校12所﹐新增学位2万个﹔明年还有更多。”\n"
    got = figures(draft_article(text, year=2026).brief)
    assert got["12所"][0] == "张明" and got["2万个"][:3] == ("张明", 20000, "个")


def test_a_hosts_bare_name_label_is_nobodys_words():
    text = (
        "3月7日，东岭省政府新闻办举行新闻发布会，省政府新闻办副主任陈文俊主持。\n"
        "陈文俊：各位记者朋友，大家上午好。今天的发布会共有3位嘉宾出席，下面请李明主任介绍。\n"
        "李明：今年全省安排重点项目800个，总投资1.5万亿元。\n"
        "陈文俊：下面请记者提问。\n"
        "东岭日报记者：项目什么时候开工？\n"
        "李明：一季度开工的项目有300个。\n"
    )
    brief = draft_article(text, year=2026).brief
    assert set(delegates(brief)) == {"李明"}
    assert figures(brief)["300个"][0] == "李明"


def test_a_hong_kong_married_name_keeps_both_family_names():
    text = (
        "3月6日，新民党主席叶刘淑仪表示，香港今年将新建公营房屋3万个。\n"
        "羅范椒芬：明年還有2萬個。\n"
        "会上，刘陈两位代表都表示支持，张王二人也表示赞同。\n"
    )
    brief = draft_article(text, year=2026).brief
    assert set(delegates(brief)) == {"叶刘淑仪", "羅范椒芬"}
    got = figures(brief)
    assert got["3万个"][0] == "叶刘淑仪" and got["2萬個"][0] == "羅范椒芬"


def test_a_role_stated_after_the_name_introduces_a_profile_and_the_pronoun_speaks():
    text = (
        "张明，全国人大代表、东岭集团董事长。今年两会，他带来了一份关于制造业的建议。\n"
        "他表示，集团今年将投入研发资金30亿元。\n"
        "杨春生，苗族，全国人大代表，北坡村党支部书记。\n"
        "他介绍，村里去年人均收入达到2.1万元。\n"
    )
    brief = draft_article(text, year=2026).brief
    found = delegates(brief)
    assert found["张明"].role == "全国人大代表、东岭集团董事长"
    assert found["杨春生"].role == "全国人大代表，北坡村党支部书记"
    got = figures(brief)
    assert got["30亿元"][0] == "张明" and got["2.1万元"][0] == "杨春生"


def test_a_name_then_a_comma_and_no_role_is_no_introduction():
    text = "全国人大代表、东岭市市长王强表示，今年新建学校5所。\n张明，今年45岁，在村里干了20年。他说，村里去年修路12公里。\n"
    assert set(delegates(draft_article(text, year=2026).brief)) == {"王强"}


def test_a_title_in_book_marks_stays_inside_the_role_chain():
    text = (
        "3月5日，全国政协委员、《东岭日报》社社长张明表示，今年发行量达到120万份。\n"
        "全国政协委员、电影《山海》导演王强说，票房突破10亿元。\n"
    )
    found = delegates(draft_article(text, year=2026).brief)
    assert found["张明"].role == "全国政协委员、《东岭日报》社社长"
    assert found["王强"].role == "全国政协委员、电影《山海》导演"


@pytest.mark.parametrize("saying", [
    "告诉本报记者，", "告诉《东岭日报》记者，", "感慨道，", "讲道，", "谈道，", "补充道，", "表态，", "披露，", "公布，", "建言，",
    "提议，", "主张，", "期待，", "希望，", "列举了一组数据：", "在小组讨论时发言说，", "坦率地说，", "信心满满地表示，",
])
def test_more_ways_of_saying_after_a_role_chain(saying):
    text = f"3月5日，全国人大代表、东岭市市长张明{saying}今年全市新建学校12所。\n"
    assert figures(draft_article(text, year=2026).brief)["12所"][0] == "张明"


def test_a_manner_before_saying_ends_a_name_of_three_characters_too():
    text = "3月5日，全国人大代表、东岭市市长张明华坦率地说，今年全市新建学校12所。\n"
    assert figures(draft_article(text, year=2026).brief)["12所"][0] == "张明华"


def test_a_quote_then_the_speaker_and_ru_shi_shuo():
    text = "“今年全市新建学校12所。”全国人大代表、东岭市市长张明如是说。\n"
    assert figures(draft_article(text, year=2026).brief)["12所"][0] == "张明"


def test_a_role_stated_after_the_name_then_a_quote_that_the_pronoun_closes():
    text = "张明，全国人大代表，东岭市市长。“今年全市新建学校12所。”他说。\n"
    assert figures(draft_article(text, year=2026).brief)["12所"][0] == "张明"
    text = "张明，全国人大代表，东岭市市长。\n“今年全市新建学校12所。”他说。\n"
    assert figures(draft_article(text, year=2026).brief)["12所"][0] == "张明"


def test_after_a_name_and_its_title_no_second_name_is_read():
    text = "3月5日，东岭市市长张明代表用数据说话：今年全市新建学校12所。\n"
    brief = draft_article(text, year=2026).brief
    assert set(delegates(brief)) == {"张明"} and figures(brief)["12所"][0] == "张明"


def test_how_members_spoke_after_their_title_is_no_name():
    text = "3月5日，全国人大代表、东岭市市长张明表示，今年新建学校12所。多年来政协委员积极建言，提出建议3000多件。\n"
    assert set(delegates(draft_article(text, year=2026).brief)) == {"张明"}


def test_summing_up_after_a_name_is_saying_and_no_title():
    text = (
        "3月11日，南江市人大代表钟远航、邵青山散会后与记者交流。\n"
        "钟远航总结表示，这次会上代表们提出意见400多条。\n"
        "邵青山也表示，全市今年计划新修步道150公里。\n"
    )
    brief = draft_article(text, year=2026).brief
    found = delegates(brief)
    assert "钟远航总" not in found and found["钟远航"].role == "南江市人大代表" and figures(brief)["400多条"][0] == "钟远航"
    assert figures(brief)["150公里"][0] == "邵青山"


def test_a_village_s_post_keeps_the_village_and_a_known_name_takes_its_title():
    text = (
        "3月5日，全国人大代表、东岭县北坡乡桃溪村的党支部书记花满仓，说起村里的变化很有底气。\n"
        "花满仓书记介绍说，村里今年种植果树2000亩。\n"
    )
    brief = draft_article(text, year=2026).brief
    found = delegates(brief)
    assert found["花满仓"].role == "全国人大代表、东岭县北坡乡桃溪村的党支部书记"
    assert found["花满仓"].organization == "东岭县北坡乡桃溪村"
    assert figures(brief)["2000亩"][0] == "花满仓"


def test_a_chief_agronomist_is_a_title():
    text = "1月18日，东岭市举行新闻发布会。市农业农村局总农艺师韩松介绍，全市今年推广良种80万亩。\n"
    found = delegates(draft_article(text, year=2026).brief)
    assert found["韩松"].role == "市农业农村局总农艺师"


def test_a_credit_with_a_full_width_slash_ends_a_caption_and_joins_nothing():
    text = (
        "大陆全国人大代表林静怡8日受访指出，两岸青年交流营今年办了30期。记者周明／摄影\n"
        "大陆全国人大代表林静怡8日受访指出，两岸青年交流营今年办了30期。\n"
    )
    brief = draft_article(text, year=2026).brief
    assert delegates(brief)["林静怡"].role == "大陆全国人大代表"
    from cybrief.draft.clean import clean

    assert clean(text).captions == ["大陆全国人大代表林静怡8日受访指出，两岸青年交流营今年办了30期。记者周明／摄影"]


def test_what_a_reporter_asks_a_time_word_and_a_committee_are_not_of_names_or_roles():
    text = (
        "3月6日，某国电视台记者向东岭省发改委主任钱立群询问港口建设进度。\n"
        "钱立群分析说，今年新开工码头泊位14个。\n"
        "会前，领导看望基层群众代表时特别强调，冬季供暖不能停。\n"
        "东岭省副省长，临港新区党工委书记、管委会主任梁栋表示，新区今年引进企业260家。\n"
    )
    brief = draft_article(text, year=2026).brief
    found = delegates(brief)
    assert set(found) == {"钱立群", "梁栋"}
    assert found["钱立群"].role == "东岭省发改委主任"
    assert figures(brief)["260家"][0] == "梁栋"


def test_an_assistant_minister_is_a_title():
    text = "3月7日，东岭省商务厅党组成员、厅长助理柯文涛表示，今年将举办对接会12场。\n"
    found = delegates(draft_article(text, year=2026).brief)
    assert found["柯文涛"].role == "东岭省商务厅党组成员、厅长助理"


def test_putting_a_thing_forward_is_no_saying_but_putting_forward_proposals_is():
    text = (
        "4月8日，东岭省省长赵明介绍情况。\n"
        "赵明说，今年是院士李华提出建设“湿地之城”十周年，十年来公园面积从20平方公里扩大到65平方公里。\n"
        "全国人大代表、某市市长王强提出三点建议：今年新建学校12所。\n"
    )
    brief = draft_article(text, year=2026).brief
    assert set(delegates(brief)) == {"赵明", "王强"}
    assert figures(brief)["65平方公里"][0] == "赵明" and figures(brief)["12所"][0] == "王强"


def test_a_subheading_run_on_before_a_role_and_only_x_are_no_part_of_it():
    text = (
        "3月4日，十四届全国人大四次会议举行新闻发布会。\n"
        "张明称夜市人气回升 东岭市人大新闻发言人张明表示，去年全市夜市摊位突破3000个。\n"
        "会上，仅有东岭省省长赵刚提到山区公路，他还公布，今年新修公路800公里。\n"
    )
    found = delegates(draft_article(text, year=2026).brief)
    assert found["张明"].role == "东岭市人大新闻发言人"
    assert found["赵刚"].role == "东岭省省长"


def test_organizations_of_a_spokesperson_a_former_post_and_a_provinces_head():
    text = (
        "3月2日下午，全国政协十四届四次会议召开新闻发布会，新闻发言人刘明向中外媒体介绍，本次大会共收到提案5000多件。\n"
    )
    assert delegates(draft_article(text, year=2026).brief)["刘明"].organization == "全国政协十四届四次会议"
    text = "3月4日，十四届全国人大四次会议举行新闻发布会，十四届全国人大四次会议大会发言人王超表示，会期8天。\n"
    assert delegates(draft_article(text, year=2026).brief)["王超"].organization == "十四届全国人大四次会议"
    text = "3月5日，全国政协委员、东岭发展研究中心原党组书记马立说，今年增长5%。\n"
    assert delegates(draft_article(text, year=2026).brief)["马立"].organization == "东岭发展研究中心"
    text = "3月6日，中共福建省委举行会议。福建省省长赵刚表示，今年新建学校12所。\n"
    assert delegates(draft_article(text.replace("福建省省长", "福建省长"), year=2026).brief)["赵刚"].organization == "福建省"


def test_a_heading_with_its_post_in_brackets_on_the_next_line_heads_the_text_after():
    text = (
        "1月10日，东岭市政协委员们谈感受、提建议。\n"
        "政协委员 戚兰\n"
        "（东岭电力设备有限公司总经理）\n"
        "今年我们公司的订单排到了年底，新招工人300名。\n"
    )
    brief = draft_article(text, year=2026).brief
    assert delegates(brief)["戚兰"].role == "政协委员（东岭电力设备有限公司总经理）"
    assert figures(brief)["300名"][0] == "戚兰"


def test_what_a_member_works_on_before_the_name_is_kept_with_the_title_and_hong_kong_zhi():
    text = (
        "3月5日，从事海洋研究的杨帆委员介绍，今年新添科考船3艘，出海天数增长20%。\n"
        "东岭商会会长梁振华昨日由南江飞抵北京，他指，这次随团的企业家约二百人。\n"
        "身为政协新人的东岭注册测量师刘文博说，今年全市要测绘新区3个。\n"
    )
    brief = draft_article(text, year=2026).brief
    found = delegates(brief)
    assert found["杨帆"].role == "委员（从事海洋研究）"
    assert figures(brief)["约二百人"][0] == "梁振华"
    assert found["刘文博"].role == "东岭注册测量师"


def test_the_first_paragraph_under_a_role_and_name_heading_is_theirs():
    text = (
        "南江两会代表委员谈民生\n"
        "人大代表 邱素梅\n"
        "今年全市新增托育名额首次突破四千个。\n"
        "这次我带来了三个议案。\n"
    )
    got = figures(draft_article(text, year=2023).brief)
    assert got["突破四千个"][0] == "邱素梅" and got["三个"][0] == "邱素梅"


def test_what_the_paper_learned_is_the_reports_count():
    text = (
        "3月4日，东岭代表团团长吴明表示，今年代表们提交建议80多件。"
        "据本报了解，共有约二十名代表乘坐高铁抵京。\n"
        "据本报了解，当中十二人是首次参会。\n"
    )
    got = figures(draft_article(text, year=2026).brief)
    assert got["80多件"][0] == "吴明" and "约二十名" not in got and "十二人" not in got


def test_no_name_ends_in_de_or_holds_a_word_that_follows_names():
    text = (
        "3月7日，东岭省省长高远答记者问。高远回答了15个问题，高远的回应条理清楚，其中提到全省外贸额突破8000亿元。\n"
        "记者看到，几位老朋友委员见面就聊起了家乡，全国政协委员、东岭大学教授辛涌说，今年提交提案6件。\n"
        "某某总署新闻发言人、统计分析司司长李文涛表示，前5个月客运量增长7%。\n"
    )
    brief = draft_article(text, year=2026).brief
    assert set(delegates(brief)) == {"高远", "辛涌", "李文涛"}


def test_a_level_head_after_a_space_in_a_label_reads_as_after_a_comma():
    text = "某区委副书记 区长 岳光明：今年全区新建学校12所。\n"
    same = "某区委副书记、区长岳光明：今年全区新建学校12所。\n"  # the district the committee and the head are of
    assert delegates(draft_article(text, year=2026).brief)["岳光明"].organization == "某区"
    assert delegates(draft_article(same, year=2026).brief)["岳光明"].organization == "某区"


def test_a_city_is_no_phrase_with_a_particle_in_it():
    text = (
        "1月9日，东岭市召开人代会。近年来，平县在市委、市政府的领导下发展很快。\n"
        "市人大代表、市人大常委会副主任闭海明说，去年全市地区生产总值增长6%。\n"
    )
    assert delegates(draft_article(text, year=2026).brief)["闭海明"].organization == "东岭市人大常委会"


def test_two_characters_with_no_family_name_between_a_title_and_saying_that_open_a_clause_elsewhere():
    text = (
        "11月19日，某区专场新闻发布会召开。\n"
        "某区委书记玉珂介绍全区老旧小区改造情况，并回答记者提问。\n"
        "玉珂介绍，全区今年改造小区45个。\n"
    )
    brief = draft_article(text, year=2020).brief
    assert delegates(brief)["玉珂"].role == "某区委书记"
    assert figures(brief)["45个"][0] == "玉珂"
    text = "全国人大代表、某县县长王强表示，今年新建学校12所。某市副市长亲自介绍，去年新建医院3所。\n"
    assert set(delegates(draft_article(text, year=2020).brief)) == {"王强"}  # 亲自: an adverb, never opening a clause


@pytest.mark.parametrize("text", ["说，", "介绍：今年新建学校12所。", "全国人大代表、某市市长王强表示，今年新建学校12所。\n说"])
def test_a_verb_of_saying_at_the_very_start_or_end_of_a_paragraph_drafts_or_says_why_not(text):
    from cybrief.errors import NoMatch

    try:
        draft_article(text, year=2026)
    except NoMatch:
        pass


def test_a_sentence_about_their_post_then_the_pronoun_speaks():
    text = (
        "3月2日，来自东岭大学的全国政协委员蔡晓雯，上午就赶到驻地报到。"
        "作为学校图书馆的馆长，她介绍学校今年新增藏书38万本。\n"
    )
    assert figures(draft_article(text, year=2026).brief)["38万本"][0] == "蔡晓雯"


def test_declaring_a_session_open_is_no_saying_and_a_name_speaks_in_its_report_twice():
    text = (
        "东岭市人代会开幕\n"
        "大会执行主席周启航、刘德茂在主席台就座。上午9点，周启航宣布大会开幕。\n"
        "孟洁在报告中说，去年全市新增绿地420公顷。\n"
        "孟洁在报告中说，今后五年将新建学校120所。\n"
    )
    brief = draft_article(text, year=2017).brief
    assert set(delegates(brief)) == {"孟洁"}
    assert figures(brief)["420公顷"][0] == "孟洁"


def test_a_transcripts_label_that_is_a_post_alone_is_the_one_person_named_with_it():
    text = (
        "以下是东岭特区行政长官林家明在记者会上的发言和答问：\n"
        "行政长官：各位好。预计假期有超过20万游客来访。\n"
        "记者：政府会否加开渡轮？\n"
        "行政长官：我们会增加临时岗位约200个。\n"
    )
    brief = draft_article(text, year=2025).brief
    got = figures(brief)
    assert got["超过20万"][0] == "林家明" and got["约200个"][0] == "林家明"


def test_yesterday_in_one_character_between_a_name_and_saying():
    text = "3月6日，全国人大代表、东岭大学教授田轩昨受访指出，今年目标增长5%左右。\n"
    brief = draft_article(text, year=2026).brief
    [target] = brief.targets
    assert target.basis == "stated" and delegates(brief)["田轩"].role == "全国人大代表、东岭大学教授"


@pytest.mark.parametrize("intro, role, organization", [
    ("国务委员兼外交部长王毅", "国务委员兼外交部长", "外交部"),
    ("另一名港区全国人大代表陈振英", "港区全国人大代表", "全国人大"),
    ("十三届全国政协委员、全国政协十三届二次会议副秘书长、新闻发言人郭卫民", "十三届全国政协委员、全国政协十三届二次会议副秘书长、新闻发言人",
     "全国政协十三届二次会议"),
    ("海尔集团董事局主席周云杰", "海尔集团董事局主席", "海尔集团"),
    ("国家发改委政研室副主任兼发改委新闻发言人孟玮", "国家发改委政研室副主任兼发改委新闻发言人", "国家发改委"),
    ("某局国民经济综合统计司司长、新闻发言人张明", "某局国民经济综合统计司司长、新闻发言人", "某局"),  # a department of eight characters
    ("某商会投资有限公司董事长张明", "某商会投资有限公司董事长", "某商会投资有限公司"),  # a company is no department
    ("某服饰有限公司（以下简称“某服饰”）董事长张明", "某服饰有限公司董事长", "某服饰有限公司"),  # the short form left out
    ("某服饰有限公司(下称某服饰)董事长张明", "某服饰有限公司董事长", "某服饰有限公司"),
    ("某服飾有限公司（以下簡稱「某服飾」）董事長張明", "某服飾有限公司董事長", "某服飾有限公司"),
    ("正如某省政协主席张明", "某省政协主席", "某省政协"),  # 正如 opens the clause, no part of the role
    ("某委党组成员、某局党组书记、局长张明", "某委党组成员、某局党组书记、局长", "某局"),  # the posts after 党组成员
    ("某局党组成员、副局长张明", "某局党组成员、副局长", "某局"),
    ("聋哑委员张明", "聋哑委员", "（待补充）"),  # who the member is, no body: left to write
    ("青年代表张明", "青年代表", "（待补充）"),
    ("某基地技术负责人张明", "某基地技术负责人", "某基地"),  # what they do within it
    ("中共中央政治局委员、东岭省委书记张明", "中共中央政治局委员、东岭省委书记", "东岭省委"),  # a rank, then the post
    ("民盟某省委会专职副主委张明", "民盟某省委会专职副主委", "民盟某省委会"),  # a democratic party's vice-chair
    ("某部政務次長張明", "某部政務次長", "某部"),  # a vice minister, as Taiwan names the post
    ("全国政协委员、人类学家张明", "全国政协委员、人类学家", "（待补充）"),
    ("全国人大代表，村党总支书记、村委会主任张明", "全国人大代表，村党总支书记、村委会主任", "（待补充）"),  # 村: a level
    ("会上某省水利厅厅长张明", "某省水利厅厅长", "某省水利厅"),  # 会上: when, no part of the role
    ("某市工商联兼职副主席、某科技公司总经理张明", "某市工商联兼职副主席、某科技公司总经理", "某市工商联"),
])
def test_roles_and_organizations_of_more_posts(intro, role, organization):
    text = f"3月5日，{intro}表示，今年新建学校12所。\n"
    [delegate] = draft_article(text, year=2026).brief.delegates
    assert (role is None or delegate.role == role) and delegate.organization == organization


@pytest.mark.parametrize("intro, organization", [("港区人大代表陈振英", "全国人大"), ("港區人大代表陳振英", "全國人大"), ("澳区政协委员何明", "全国政协")])
def test_a_hong_kong_or_macau_deputy_without_quanguo_sits_in_the_national_body(intro, organization):
    [delegate] = draft_article(f"3月5日，{intro}表示，今年新建学校12所。\n", year=2026).brief.delegates
    assert delegate.organization == organization


def test_a_host_known_by_what_the_host_says_is_nobodys_words():
    text = (
        "某办举行新闻发布会\n"
        "陈文明：\n"
        "女士们、先生们，上午好！我们荣幸地邀请到某部部长刘立先生，请他介绍今年有关情况，共有3项议程。\n"
        "刘立：\n"
        "今年全省新建保障房3万套。\n"
        "某新闻局副局长、新闻发言人 寿小兰：\n"
        "下面请记者朋友提问。\n"
        "某社记者：\n"
        "请问明年还建多少？\n"
        "刘立：\n"
        "明年计划再建2万套。\n"
    )
    brief = draft_article(text, year=2023).brief
    assert set(delegates(brief)) == {"刘立"}
    assert figures(brief)["2万套"][0] == "刘立"


def test_an_outlets_tag_and_a_reporters_question_in_brackets_are_no_speakers():
    text = (
        "【连网】日前，市委书记项远接受专访时表示，全市今年新建学校12所。\n"
        "【张宝峰】：今年是开港30周年，请问您如何看待港口的未来？\n"
        "全国政协委员、某会长王强：我们今年提交提案30件。\n"
    )
    brief = draft_article(text, year=2017).brief
    assert set(delegates(brief)) == {"项远", "王强"}


def test_a_line_that_opens_with_a_delegate_or_a_label_is_not_joined_to_an_unfinished_one():
    text = (
        "3月4日，代表们陆续抵京。\n"
        "方敏：这次会议我很期待，也希望能带回一些好的做法\n"
        "全国人大代表马恒燕表示，今年要带来建议5件。\n"
    )
    assert delegates(draft_article(text, year=2026).brief)["马恒燕"].role == "全国人大代表"


@pytest.mark.parametrize("intro, role, organization", [
    ("去年我市地区生产总值增长预计达到6%。市发改委主任韦立", "市发改委主任", None),
    ("出席论坛的包括国民党副主席连胜文", "国民党副主席", "国民党"),
    ("福建省代省长唐登杰", "福建省代省长", "福建省"),
])
def test_more_role_chains(intro, role, organization):
    brief = draft_article(f"1月5日，{intro}表示，今年新建学校12所。\n", year=2023).brief
    [delegate] = [d for d in brief.delegates if d.role == role]
    assert organization is None or delegate.organization == organization


def test_a_spokesperson_who_opens_the_session_and_answers_its_questions_speaks():
    text = (
        "5月31日，某办举行例行新闻发布会。发言人马晓兰回答了记者提问。\n"
        "马晓兰：大家好，欢迎大家参加今天的例行发布会。现在开始提问。\n"
        "某台记者：据悉，博览会将在6月举办，请发言人介绍相关情况。\n"
        "马晓兰：本届博览会安排配套活动37场。\n"
    )
    assert figures(draft_article(text, year=2023).brief)["37场"][0] == "马晓兰"


def test_a_quote_then_the_name_and_this_way_of_saying():
    text = "“心里踏实，今年要带来建议5件。”第一次当选全国人大代表的翟明辉这样形容自己的心情。\n"
    assert figures(draft_article(text, year=2018).brief)["5件"][0] == "翟明辉"


def test_a_labelled_turn_of_someone_the_report_calls_a_reporter_is_a_question():
    text = (
        "3月6日，某省代表团开放团组讨论。某报记者许航向某省省长陈明提问。\n"
        "【许航】去年某省被列入首批试点的5个省份，你们将如何推进？\n"
        "【陈明】今年全省将新建公园120个。\n"
    )
    brief = draft_article(text, year=2017).brief
    assert set(delegates(brief)) == {"陈明"} and figures(brief)["120个"][0] == "陈明"


def test_a_plan_after_a_name_ends_it_and_a_ceo_in_taiwan_usage_is_a_title():
    text = (
        "3月4日，全国人大代表、某船舶公司副总裁王锋计划把好消息带上会场：“新船今年将下水3艘。”\n"
        "某研究基金会执行长董文华说，今年报告中“创新”一词出现了40多次。\n"
    )
    found = delegates(draft_article(text, year=2025).brief)
    assert set(found) == {"王锋", "董文华"} and found["董文华"].organization == "某研究基金会"


def test_a_reading_mangled_into_question_marks_is_dropped_from_a_role():
    from cybrief.draft.clean import normalize_line

    assert normalize_line("东岭晚?wǎn)?bào)社长陈波建议") == "东岭晚社长陈波建议"
    assert normalize_line("这是(AI)和算力?好") == "这是(AI)和算力?好"  # no reading there: kept


def test_telling_out_is_saying():
    text = "3月8日，部长通道开启。面对提问，东岭省教育厅厅长陈宝林幽默地道出了今年的重点是课后服务，覆盖面要达到9成。\n"
    assert figures(draft_article(text, year=2019).brief)["9成"][0] == "陈宝林"
    text = "3月5日，某研究中心副主任洪耀明点出，“绿色”一词在规划中出现100多次。\n"
    assert figures(draft_article(text, year=2025).brief)["100多次"][0] == "洪耀明"


def test_delivering_a_report_then_pointing_out_is_saying_and_page_buttons_are_chrome():
    text = (
        "东岭GDP 1.2万亿元\n"
        "25/01/2021\n"
        "收藏\n"
        "分享\n"
        "东岭省省长朱晓明昨日在人大会议作政府工作报告指出，今年目标是新建学校50所，到2025年新增学位10万个。\n"
    )
    brief = draft_article(text, year=2016).brief
    got = figures(brief)
    assert got["50所"][0] == "朱晓明" and got["10万个"][0] == "朱晓明"
    from cybrief.draft.clean import clean

    assert not {"收藏", "分享", "25/01/2021"} & set(clean(text).paragraphs)


def test_zhi_alone_after_a_clause_about_the_speaker_is_saying_but_not_zhidao():
    text = (
        "1月26日，东岭省人代会开幕。东岭省省长朱晓明首先回顾「十三五」时期的工作，指五年来全省新建公路8000公里。\n"
        "东岭省副省长王强指导全省防汛工作，全省今年新建堤防12公里。\n"
    )
    brief = draft_article(text, year=2016).brief
    assert figures(brief)["8000公里"][0] == "朱晓明" and "王强" not in delegates(brief)


def test_for_a_person_with_a_role_the_year_told_in_their_terms():
    text = "3月3日，对于全国政协委员、某物流公司总经理李国平来说，今年是忙碌的一年：公司全年运送货物超800万吨。\n"
    assert figures(draft_article(text, year=2026).brief)["超800万吨"][0] == "李国平"
    text = "3月3日，全国人大代表、某市市长王强表示，今年新建学校12所。对于企业来说，去年营收超800亿元。\n"
    assert set(delegates(draft_article(text, year=2026).brief)) == {"王强"}


def test_a_workers_team_inside_a_company_is_not_the_organization():
    text = "3月5日，全国人大代表、某港口开发有限公司吊机班大班长褚明说，班组今年完成装卸任务300万吨。\n"
    [delegate] = draft_article(text, year=2025).brief.delegates
    assert delegate.organization == "某港口开发有限公司"


def test_a_byline_with_a_place_a_site_and_date_line_a_browser_notice_and_a_counter_are_page_lines():
    from cybrief.draft.clean import clean

    text = (
        "某某新闻网记者邱明／台北报导\n"
        "人民网 2022年01月19日\n"
        "抱歉，我们并不支援你正使用的浏览器。\n"
        "- +1\n"
        "全国人大代表、某市市长王强表示，今年新建学校12所。\n"
    )
    article = clean(text)
    assert article.paragraphs == ["全国人大代表、某市市长王强表示，今年新建学校12所。"]
    assert article.bylines == ["某某新闻网记者邱明／台北报导"]


def test_a_credit_before_a_session_and_a_share_button_after_a_headline_stay_out_of_titles():
    text = (
        "（全国两会）某代表回应政府工作报告分享到：\n"
        "3月7日，（记者黄明／摄影）十四届全国人大四次会议记者会举行。外交部长王立表示，今年将举办主场外交活动12场。\n"
    )
    brief = draft_article(text, year=2026).brief
    assert brief.title == "（全国两会）某代表回应政府工作报告"
    assert [e.title for e in brief.events] == ["十四届全国人大四次会议记者会"]
def test_a_general_branch_secretary_keeps_the_whole_chain():
    text = "3月5日，全国人大代表，东岭市北坡区桃源村党总支书记、村委会主任苏少华对记者说，今年游客增加了300万人次。\n"
    [delegate] = draft_article(text, year=2026).brief.delegates
    assert delegate.role == "全国人大代表，东岭市北坡区桃源村党总支书记、村委会主任"
    assert delegate.organization == "东岭市北坡区桃源村"


def test_a_membership_after_for_before_a_comma_opens_the_chain():
    text = "3月3日，对于全国政协委员，某物流有限公司总经理李国平来说，今年更是丰收之年：公司全年运送货物超800万吨。\n"
    brief = draft_article(text, year=2026).brief
    assert delegates(brief)["李国平"].role == "全国政协委员，某物流有限公司总经理"
    assert figures(brief)["超800万吨"][0] == "李国平"


@pytest.mark.parametrize("title", ["经济学家", "科学家", "法学家", "社会学家", "企业家", "学者", "专家"])
def test_a_scholar_or_an_expert_is_a_title(title):
    text = f"“今年的报告提出了八大任务。”全国人大代表、{title}辜明远说。他表示，今年研发投入将增长10%。\n"
    brief = draft_article(text, year=2026).brief
    assert delegates(brief)["辜明远"].role == f"全国人大代表、{title}"
    assert figures(brief)["10%"][0] == "辜明远"


def test_a_rare_family_name_after_a_role_chain_is_read_where_the_report_has_it_speak():
    text = (
        "3月7日，某省代表团举行全体会议，向中外媒体开放。\n"
        "省委书记、代表团团长郄立新，省委副书记、省长王强等参加审议，并回答记者提问。\n"
        "谈到对外开放，郄立新说，今年将新开国际航线12条。\n"
    )
    brief = draft_article(text, year=2026).brief
    assert delegates(brief)["郄立新"].role == "省委书记、代表团团长"
    assert figures(brief)["12条"][0] == "郄立新"
    text = text.replace("郄立新说", "郄立新主持")  # never said to speak: not read
    assert "郄立新" not in delegates(draft_article(text, year=2026).brief)


def test_an_editors_line_in_a_pages_header_does_not_end_the_report():
    text = (
        "专访东岭市市长张志远\n"
        "“我们的目标是经济总量年均增长6.5%左右。”\n"
        "（本文首发于3月11日《东岭周报》）\n"
        "责任编辑：王五\n"
        "3月10日，东岭市市长张志远接受本报记者专访，谈及今后五年的发展。\n"
        "东岭周报：东岭今年如何实现新突破？\n"
        "张志远：今年我们将落实5000万元以上项目1200个，新建学校30所，全市投资增长8%以上。\n"
        "东岭周报：如何看待城市之间的合作？\n"
        "张志远：合作是双向的，我们将与周边城市共建产业园区，共享交通和人才资源，走出一条新路。\n"
    )
    brief = draft_article(text, year=2021).brief
    assert figures(brief)["1200个"][0] == "张志远"
    from cybrief.draft.clean import clean

    short = clean("某市召开会议。\n责任编辑：王五\n相关报道一\n相关报道二\n")
    assert short.paragraphs == ["某市召开会议。"]  # an editor's line after the report still ends it


def test_a_picture_given_by_someone_closes_a_caption():
    from cybrief.draft.clean import clean

    text = (
        "东岭市长谈发展\n"
        "东岭市市长张志远。 （受访者供图/图）\n"
        "东岭新区管委会主任李华。（东岭新区供图）\n"
        "3月10日，东岭市市长张志远表示，今年新建学校30所。\n"
    )
    article = clean(text)
    assert article.captions == ["东岭市市长张志远。 （受访者供图/图）", "东岭新区管委会主任李华。（东岭新区供图）"]
    assert "李华" not in delegates(draft_article(text, year=2021).brief)


@pytest.mark.parametrize("role, organization", [
    ("港区全国人大代表、东岭社团总会会长", "东岭社团总会"),
    ("上海全国政协委员、东岭实业有限公司董事长", "东岭实业有限公司"),
    ("大陆全国人大代表", "全国人大"),
    ("全国人大台湾省代表", "全国人大"),
    ("全国人大常委", "全国人大常委会"),
    ("港区全国人大常委", "全国人大常委会"),
])
def test_where_a_member_was_elected_is_no_body_and_a_standing_committee_member_sits_in_it(role, organization):
    text = f"3月4日，{role}张明表示，今年将新建学校12所。\n"
    assert delegates(draft_article(text, year=2026).brief)["张明"].organization == organization


def test_the_spokesperson_of_a_named_sessions_assembly_speaks_for_the_session_where_two_are_named():
    text = (
        "3月4日，全国政协十四届一次会议开幕。\n"
        "当天，十四届全国人大一次会议举行新闻发布会，十四届全国人大一次会议大会发言人王超表示，会期8天。\n"
    )
    assert delegates(draft_article(text, year=2023).brief)["王超"].organization == "十四届全国人大一次会议"


def test_the_mainland_as_taiwan_papers_write_it_is_no_part_of_the_organization():
    text = "3月5日，大陆国务院总理李明在人大会议上表示，今年经济增长目标为5%左右。大陆国台办发言人陈华说，今年举办交流活动300场。\n"
    found = delegates(draft_article(text, year=2025).brief)
    assert found["李明"].role == "大陆国务院总理" and found["李明"].organization == "国务院"
    assert found["陈华"].organization == "国台办"


def test_one_person_written_with_a_variant_character_is_one_speaker():
    text = (
        "文穎怡代表回應政府工作報告\n"
        "3月5日，港區全國人大代表、東嶺社團總會會長文頴怡作出回應，她表示，去年本港經濟增長3.2%。\n"
        "文穎怡表示，今年將舉辦交流活動20場。\n"
    )
    brief = draft_article(text, year=2024).brief
    assert len(brief.delegates) == 1
    [delegate] = brief.delegates
    assert delegate.role == "港區全國人大代表、東嶺社團總會會長"
    assert {figure[0] for figure in figures(brief).values()} == {delegate.name}


@pytest.mark.parametrize("delivers", ["作主题发布；", "作主旨发布，", "作情况介绍，", "作新闻发布。", "做了情况通报，"])
def test_delivering_the_main_release_is_saying(delivers):
    text = (
        "12月27日，东岭县专场新闻发布会召开。\n"
        f"新闻发布会上，东岭县委副书记、县长胥兴明{delivers}县发改局局长李华等回答提问。\n"
        "据介绍，全县地区生产总值达到202亿元。\n"
    )
    brief = draft_article(text, year=2018).brief
    assert set(delegates(brief)) == {"胥兴明"} and figures(brief)["202亿元"][0] == "胥兴明"


def test_a_convener_is_a_title():
    text = "3月6日，港区全国人大代表召集人陈勇表示，代表团今年提出联名建议5项。\n"
    brief = draft_article(text, year=2024).brief
    assert delegates(brief)["陈勇"].role == "港区全国人大代表召集人"
    assert delegates(brief)["陈勇"].organization == "全国人大"  # the members' body
    assert figures(brief)["5项"][0] == "陈勇"
    text = "3月6日，港区全国人大代表团举行会议。港区全国人大代表召集人陈勇表示，代表团今年提出联名建议5项。\n"
    assert delegates(draft_article(text, year=2024).brief)["陈勇"].organization == "港区全国人大代表团"  # the group named


def test_a_post_in_corner_quotes_before_the_name_and_a_post_held_with_shenjian():
    text = (
        "3月8日，人大「台湾省代表」陈静宜现场反问，交流营今年不是办了20场吗？\n"
        "3月5日，身兼某学会会长的全国人大常委李慧芝表示，今年学会举办讲座12场。\n"
    )
    brief = draft_article(text, year=2026).brief
    found = delegates(brief)
    assert found["陈静宜"].role == "人大「台湾省代表」" and figures(brief)["20场"][0] == "陈静宜"
    assert found["李慧芝"].role == "全国人大常委"


@pytest.mark.parametrize("text, speaker, figure", [
    # thanking the asker, then a question of one's own, is an answer
    ("3月5日，某省举行新闻发布会。\n王强：谢谢您的提问，今年全省新建学校120所，这难道不是好事吗？\n", "王强", "120所"),
    # a bracket label before 据统计 or 记者 is a turn, not an outlet's tag before a dateline
    ("3月5日，某省举行新闻发布会。\n【王强】据统计，今年全省新建学校120所。\n", "王强", "120所"),
    # presiding and also introducing, or answering the questions asked, is speaking
    ("某市举行新闻发布会，市长王强主持并介绍有关情况。\n王强：今年全市新建学校12所。\n记者：明年呢？\n王强：明年还将新建8所。\n",
     "王强", "8所"),
    # a speaker who asks leave to introduce is no host
    ("3月5日，某市举行新闻发布会。\n王强：下面请允许我介绍一下今年的情况，全市新建学校12所。\n", "王强", "12所"),
    # a speaker who talks about browsers is no page chrome
    ("3月5日，某软件公司董事长王强表示，国产浏览器需要加快升级，公司今年投入研发资金3亿元。\n", "王强", "3亿元"),
])
def test_the_new_forms_leave_a_speakers_words_alone(text, speaker, figure):
    assert figures(draft_article(text, year=2026).brief)[figure][0] == speaker


def test_words_that_open_a_clause_and_a_name_before_accompanying_are_no_new_names():
    text = ("3月5日，会上，王强介绍了情况，最后强调，要抓好落实。会上，某区委书记最后强调，今年全区新建学校12所。\n"
            "某镇镇长王强陪同考察。随后，镇长表示，全镇今年新建学校2所。\n")
    found = delegates(draft_article(text, year=2026).brief)
    assert "最后" not in found and "王强陪" not in found


def test_links_to_other_reports_after_an_editors_line_are_not_the_report():
    text = ("某市召开会议\n3月5日，某市召开会议，市长王强表示，今年新建学校12所。\n责任编辑：王五\n"
            "相关新闻：某省召开会议，省长李华表示，今年将新建医院30所，这是全省今年的一项重点工作，受到关注。\n"
            "相关新闻：某县召开会议，县长赵刚表示，今年将修路300公里，这也是县里今年的一项重点工作，受到好评。\n")
    assert set(delegates(draft_article(text, year=2026).brief)) == {"王强"}


def test_a_datelines_credit_in_brackets_is_no_part_of_the_role_after_it():
    text = ("某社北京4月20日电（记者张华）某部发言人汪明4月19日主持例行记者会，回答记者提问。\n"
            "某台记者：请问您如何评价一季度的数据？\n"
            "汪明：今年一季度出口增长18.3%。\n")
    brief = draft_article(text, year=2021).brief
    assert delegates(brief)["汪明"].role == "某部发言人" and figures(brief)["18.3%"][0] == "汪明"


@pytest.mark.parametrize("text, speaker, figure", [
    ("3月5日，全国人大代表张明提出要新建学校30所。\n", "张明", "30所"),  # 提出 and what should be done
    ("3月5日，某省举行发布会。\n张明：欢迎各位记者朋友出席今天的发布会。下面我介绍一季度的情况，全省生产总值增长5.3%。\n",
     "张明", "5.3%"),  # a presenter's welcome makes no host
    ("3月5日，某市举行发布会。市政府副秘书长张明主持发布会并介绍情况。\n张明：今年全市新建学校12所。\n", "张明", "12所"),
    ("3月5日，市委书记张明主持召开市委常委会议。\n张明：今年全市要完成投资800亿元。\n", "张明", "800亿元"),
    ("3月5日，本报记者张明华采访了全国人大代表张明。\n张明：今年我们村人均收入增长了10%。\n", "张明", "10%"),
    ("3月5日，某村举行座谈会。\n张明：今年全村人均收入达到3万元，您知道这意味着什么吗？\n", "张明", "3万元"),
    ("3月5日，某县举行发布会。\n张明：谢谢您的提问。今年投入资金2亿元。请问还有别的问题吗？\n", "张明", "2亿元"),
    ("3月5日，全国人大代表张明发言后，全国政协委员李华表示，今年将新建学校30所。\n", "李华", "30所"),
])
def test_what_a_second_read_found_the_forms_misread(text, speaker, figure):
    brief = draft_article(text, year=2026).brief
    assert figures(brief)[figure][0] == speaker
    if speaker == "李华":
        assert "张明" not in delegates(brief)  # speaking after someone else spoke is no words of theirs


def test_what_a_second_read_found_in_roles_and_figures():
    text = ("3月5日，常年扎根山区的村党支部书记张明说，村里今年新修道路12公里。\n"
            "某市委常委、宣传部部长兼任市政府新闻办主任王强表示，今年举办活动30场。\n"
            "县长赵刚介绍，今年全县共引进3个亿元以上项目，按照计划，新建学校8所，团队用了3个月来完成调研。\n")
    brief = draft_article(text, year=2026).brief
    found = delegates(brief)
    assert found["张明"].role == "村党支部书记"
    assert found["王强"].role == "某市委常委、宣传部部长兼任市政府新闻办主任"
    got = {t.figure: t for t in brief.targets}
    assert got["3个"].value == 3 and got["8所"].kind == "plan" and "3个月" in got


@pytest.mark.parametrize("manner", ["皱着眉", "指着屏幕", "翻着笔记本", "通过手语翻译", "借助视频连线"])
def test_a_gesture_between_the_name_and_the_verb_is_how_they_said_it(manner):
    text = ("3月8日，某省代表团举行全体会议。\n"
            "全国人大代表、某市副市长周平举手发言。\n"
            f"“这件事我一直在跟踪。”他注意到，去年全省新增护理床位3万张。“床位多了，护工却不够。”周平{manner}说。\n"
            "会场四周都是记者，不少人举起了相机。\n")
    brief = draft_article(text, year=2026).brief
    assert [d.name for d in brief.delegates] == ["周平"]
    assert set(figures(brief)) == {"3万张"}  # 四周: all around the hall, not four weeks


def test_four_weeks_spent_is_a_figure_and_all_around_is_not():
    text = "3月8日，全国人大代表张明介绍，工程用了四周时间完工，工地四周都是新种的树。\n"
    [target] = draft_article(text, year=2026).brief.targets
    assert (target.figure, target.unit) == ("四周", "周")


def test_a_two_character_name_spaced_out_under_a_role_and_in_a_label_is_one_name():
    text = ("【两会·新声】开幕会前代表们说了什么\n"
            "开幕式会前采访\n"
            "市人大代表、某中学教师 林 川\n"
            "记者：林代表，您这次带来了什么建议？\n"
            "林 川：我们镇有果农一万多户，建议新建冷库2个。\n")
    brief = draft_article(text, year=2021).brief
    assert [(d.name, d.role) for d in brief.delegates] == [("林川", "市人大代表、某中学教师")]  # the tag is no one
    assert figures(brief)["2个"][0] == "林川"


def test_a_figure_of_the_headline_that_the_report_gives_again_is_drafted_once():
    text = ("某部部长张明：每天有1.6亿人次在路上\n"
            "3月8日，十四届全国人大二次会议第二场“部长通道”采访活动举行。\n"
            "张明介绍，去年全国日均跨省出行达到1.6亿人次，快递超过1.5亿件。\n")
    targets = draft_article(text, year=2024).brief.targets
    assert sorted(t.figure for t in targets) == ["1.6亿人次", "超过1.5亿件"]


@pytest.mark.parametrize("body", ["商务部", "林业局", "文旅厅"])
def test_a_bodys_name_before_a_colon_in_the_headline_is_no_speaker(body):
    text = (f"{body}：下半年市场将平稳运行\n"
            f"6月20日，某办召开新闻发布会。{body}某司负责人王平表示，各地货源充足。\n"
            "王平介绍，前五个月粮油零售额增长6.5%。\n")
    brief = draft_article(text, year=2020).brief
    assert [d.name for d in brief.delegates] == ["王平"]


@pytest.mark.parametrize("after, expected", [
    ("王林同时也是某医院的院长，医院每年接诊8万多人次。", {"12个"}),
    ("王林说。他也是某医院的院长，医院每年接诊8万多人次。他介绍，医院新增医生30名。", {"12个", "30名"}),
    ("王林是第一次走上通道，他表示，今年全区新增医生30名。", {"12个", "30名"}),
    ("王林是这样说的：“医院新增医生30名。”", {"12个", "30名"}),
])
def test_a_sentence_that_tells_who_the_speaker_is_is_the_reports(after, expected):
    text = f"3月4日，首场“委员通道”开启。\n全国政协委员、某学院院长王林表示：“我去过12个县调研。”{after}\n"
    assert set(figures(draft_article(text, year=2022).brief)) == expected


def test_a_figure_that_introduces_the_speaker_before_their_name_is_the_reports():
    text = ("5月25日，第二场“部长通道”举行。\n"
            "上任刚满20天的某部部长张明压轴登场，他表示，今年要新建监测站300个。\n"
            "今年将新建学校100所，张明说。\n")
    assert set(figures(draft_article(text, year=2020).brief)) == {"300个", "100所"}  # 100所: said, then 张明说


def test_a_paragraph_in_which_the_host_sums_up_is_no_speakers():
    text = ("3月9日，第四场“部长通道”开启。\n"
            "某部部长张明表示，今年将新建学校100所。\n"
            "活动快结束时，主持人总结说，本周的五场活动共收到提问60多个。\n")
    assert set(figures(draft_article(text, year=2020).brief)) == {"100所"}


@pytest.mark.parametrize("opening, speakers", [("王刚说", ["张明", "王刚"]), ("居民说", ["张明"]), ("家长表示", ["张明"]),
                                               ("严格说", ["张明"])])
def test_a_two_character_name_opening_a_sentence_before_saying_is_a_speaker(opening, speakers):
    text = f"3月5日，代表通道开启。\n“我们要守好青山绿水。”代表张明说。{opening}，今年村里带来了5份建议。\n"
    assert [d.name for d in draft_article(text, year=2024).brief.delegates] == speakers


@pytest.mark.parametrize("label", ["李明说：", "李明表示：", "李明介绍："])
def test_a_label_that_ends_with_saying_names_the_speaker_without_the_verb(label):
    brief = draft_article(f"3月5日，某会举行记者会。\n{label}今年新建学校12所。\n", year=2024).brief
    assert [d.name for d in brief.delegates] == ["李明"]


@pytest.mark.parametrize("profile", ["这位代表名叫李成，是某县某村党支部书记。李成说，",
                                     "这位代表名叫李成，今年60岁，是某县某村党支部书记。李成说，",
                                     "李成，男，58岁，全国人大代表、某县某村党支部书记。他说，"])
def test_a_profile_gives_the_role_after_the_name_age_and_sex(profile):
    text = f"3月7日，某代表团举行开放团组会议。\n{profile}村里今年新修道路12公里。\n"
    [delegate] = draft_article(text, year=2025).brief.delegates
    assert (delegate.name, delegate.role.endswith("某县某村党支部书记")) == ("李成", True)


@pytest.mark.parametrize("between", ["6月18日在省政府新闻办举行的发布会上",
                                     "在某办举行的“奋进新时代·建设新城市”系列主题新闻发布会上"])
def test_a_date_or_a_long_place_between_the_name_and_the_verb(between):
    text = f"某部部长张明{between}表示，今年新建高标准农田320万亩。\n"  # one paragraph, no headline
    brief = draft_article(text, year=2024).brief
    assert [d.name for d in brief.delegates] == ["张明"] and figures(brief)["320万亩"][0] == "张明"


def test_a_field_label_is_no_name_and_a_name_ends_before_what_they_care_about():
    text = ("主题：某省两会\n简介：代表委员热议\n3月5日，某团开放日。\n"
            "某乳业集团董事长王江关心的是奶农。他说，今年收购鲜奶20万吨。\n")
    brief = draft_article(text, year=2024).brief
    assert [d.name for d in brief.delegates] == ["王江"] and figures(brief)["20万吨"][0] == "王江"


@pytest.mark.parametrize("intro", ["省政协副主席张明向大会报告了一年来的提案工作。",
                                   "省政协副主席、某党省委会主委张明受常委会委托，向大会报告了一年来的提案工作。",
                                   "省政协副主席张明代表省政协常务委员会，向大会报告了一年来的提案工作。"])
def test_one_who_delivers_a_report_to_the_session_says_what_the_report_says(intro):
    text = f"1月16日上午，某省政协会议开幕。\n{intro}报告指出，委员们共提出提案960件，立案812件。\n"
    brief = draft_article(text, year=2024).brief
    assert [d.name for d in brief.delegates] == ["张明"] and figures(brief)["960件"][0] == "张明"


def test_an_ordinal_or_a_headlines_verb_after_a_title_is_no_name():
    text = ("3月2日，某省代表团抵达北京。\n"
            "某省代表团抵京 新任代表携三份建议进京\n"
            "某市市委书记王江代表发言。他说，全市去年新增城镇就业6.2万人。\n")
    assert [d.name for d in draft_article(text, year=2024).brief.delegates] == ["王江"]
    first = "3月6日，某省代表团举行开放日活动。\n某市委副书记海南代表第一个发言。他说，全市去年新增城镇就业6.2万人。\n"
    assert "第一个" not in [d.name for d in draft_article(first, year=2024).brief.delegates]


def test_a_verb_of_saying_is_no_name_and_a_day_in_brackets_after_yesterday_is_a_time():
    text = ("12月20日，某特区新闻局消息。\n行政长官王伟昨晚在机场会见传媒时表示，中央支持多元发展。\n"
            "行政长官强调，明年基建投资维持1500亿元。\n")
    assert [d.name for d in draft_article(text, year=2024).brief.delegates] == ["王伟"]  # not 强调
    said = "新华社北京5月16日电 某部某司司长张明昨天（15日）接受记者采访时表示，一季度实际使用外资增长12.5%。\n"
    assert figures(draft_article(said, year=2024).brief)["12.5%"][0] == "张明"


def test_a_datelines_lead_and_an_unnamed_official_are_not_the_named_speakers():
    lead = "【本报驻某市记者林青8日电】某市一季度旅游收入约85亿元，三年来首次下跌。某市市长赵亮昨天说，两年内拨款12亿元支持旅游业。\n"
    assert set(figures(draft_article(lead, year=2024).brief)) == {"12亿元"}
    unnamed = ("9月14日，某办举行新闻发布会。\n某部部长罗斌：今年1至8月完成交通投资2.1万亿元。\n"
               "在发布会上，某部相关负责人表示，去年新增高速公路约8000公里。\n")
    assert set(figures(draft_article(unnamed, year=2024).brief)) == {"2.1万亿元"}


def test_a_side_box_a_denied_claim_and_a_time_to_wait_are_not_the_speakers_figures():
    text = ("1月28日，某省举行新闻发布会。\n"
            "某省卫健委主任张明：有传言称全省有8万张救治床位，这不准确，眼下可调用的是6000张。距新院开诊还有三个多月。\n"
            "【链接】据某市海关统计，一季度全市进出口总额达到870亿元。\n")
    assert set(figures(draft_article(text, year=2024).brief)) == {"6000张"}


@pytest.mark.parametrize("between", ["不禁", "忍不住"])
def test_a_name_ends_before_being_moved_to_say(between):
    text = f"3月7日，某省代表团举行小组会议。\n全国人大代表、某县某村党支部书记张明{between}感慨，如今全村人均年收入突破1.5万元。\n"
    assert figures(draft_article(text, year=2024).brief)["突破1.5万元"][0] == "张明"


def test_the_one_a_speaker_turns_to_is_no_speaker():
    text = ("3月6日，某省代表团举行小组会议。\n"
            "村支书李红代表在会上说，种粮成本太高了。她向列席会议的省农业厅厅长王强介绍了村里的困难。\n"
            "她说：“去年一亩地补贴了50元，可尿素从90元涨到了150元。”\n")
    brief = draft_article(text, year=2024).brief
    assert [d.name for d in brief.delegates] == ["李红"] and figures(brief)["150元"][0] == "李红"


def test_doing_the_sums_for_everyone_is_saying():
    text = ("3月7日，某省政协举行小组讨论。\n"
            "周平委员是某市农科院的研究员。他在讨论中给大家算了一笔账：“每年投入两千万元，就能让一万户农民用上滴灌。”\n")
    brief = draft_article(text, year=2024).brief
    assert [d.name for d in brief.delegates] == ["周平"] and figures(brief)["两千万元"][0] == "周平"
