"""draft on the ways reports are written: one fixture per pattern (tests/fixtures/patterns/, made-up reports)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES, run
from cybrief.draft import draft_article
from cybrief.draft import guess
from cybrief.draft.build import MAX_TARGETS
from cybrief.draft.clean import clean, widen_punctuation
from cybrief.draft.names import looks_like_name, name_at
from cybrief.errors import NoMatch, UsageError
from cybrief.brief.load import loads_brief

PATTERNS = FIXTURES / "patterns"


def draft(name: str, **options):
    return draft_article((PATTERNS / f"{name}.txt").read_text(encoding="utf-8"), **options)


def delegates(brief) -> dict:
    return {d.name: d for d in brief.delegates}


def figures(brief) -> dict:
    """figure text -> (speaker name, value, unit, qualifier, basis)"""
    names = {d.id: d.name for d in brief.delegates}
    return {t.figure: (names[t.delegate], t.value, t.unit, t.qualifier, t.basis) for t in brief.targets}


# --- 1. introductions ------------------------------------------------------------------------------------

def test_1_introductions_of_every_form_find_the_speaker_and_the_role_as_stated():
    brief = draft("1_introductions").brief
    found = delegates(brief)
    assert found["张明"].role == "全国人大代表、东岭机械集团董事长"  # apposition chain, 透露
    assert found["王秀兰"].role == "全国人大代表、北坡村党支部书记"  # quote first, then the chain and 说
    assert found["赵立新"].role == "代表"  # 赵立新代表：“……”
    assert found["陈海涛"].role == "全国人大代表，南江市交通运输局局长"  # a name line, then a line of titles
    assert found["刘卫东"].role == "滨海汽车公司总经理"  # “……”第一位走上通道的是……
    assert found["林国华"].role == "部长"  # the title after the name
    assert found["周敏"].role == "省科技厅厅长"  # 身为……的周敏代表
    assert "郑晓峰" in found  # a Q&A answer: 郑晓峰：
    got = figures(brief)
    assert got["1200公里"][:1] == ("陈海涛",) and got["1200公里"][4] == "inferred"  # under the name line
    assert got["20万辆"][0] == "刘卫东"
    assert got["5000个"][0] == "郑晓峰"


def test_1_a_line_with_a_role_and_a_name_heads_the_first_person_text_after_it():
    brief = draft("1_role_heading", year=2026).brief
    [delegate] = brief.delegates  # 林某 is in a related link after the report's end
    assert (delegate.name, delegate.role, delegate.organization) == ("陈春生", "市人大代表", "市人大")
    got = figures(brief)
    assert got["3000只"][0] == "陈春生" and got["超过60万元"][4] == "inferred"
    assert "500公里" not in got


def test_1_a_clause_between_the_name_and_the_verb_still_introduces_the_speaker():
    text = ("某省省长赵明在发布会上介绍，全省旅游收入增长12%。"
            "某市副市长钱海参加发布会时介绍，去年新增企业3000家。"
            "某局局长孙立出席活动时表示，今年将新建公园20座。")
    brief = draft_article(text, year=2024).brief
    assert {d.name: d.role for d in brief.delegates} == {"赵明": "某省省长", "钱海": "某市副市长", "孙立": "某局局长"}
    got = figures(brief)
    assert (got["12%"][0], got["3000家"][0], got["20座"][0]) == ("赵明", "钱海", "孙立")


def test_1_a_colon_right_after_saying_introduces_the_speaker_without_quote_marks():
    text = "某研究所所长孙哲代表立刻给出答案：收购价其实是浮动的，今年提高了5%。"
    brief = draft_article(text, year=2024).brief
    assert [d.name for d in brief.delegates] == ["孙哲"] and figures(brief)["5%"][0] == "孙哲"


def test_1_a_paragraph_opening_with_a_name_that_tells_a_reporter_is_the_speakers():
    text = ("全国人大代表、某县县长周平表示，全县新修道路80公里。\n"
            "吴丽代表告诉记者：“我们村今年种了3000亩茶叶。”\n"
            "记者：“茶叶卖得怎么样？去年卖了500万元吗？”")
    brief = draft_article(text, year=2024).brief
    assert {d.name for d in brief.delegates} == {"周平", "吴丽"}
    got = figures(brief)
    assert got["3000亩"][0] == "吴丽" and "500万元" not in got  # the reporter's question stays a question

def test_2_a_list_of_guests_gives_candidates_and_figures_go_to_who_speaks():
    brief = draft("2_several", year=2026).brief
    found = delegates(brief)
    assert set(found) == {"赵一", "钱二"}  # 孙三 is invited but never speaks; the moderator and the photographer neither
    assert found["钱二"].role == "市商务局局长" and found["钱二"].organization == "市商务局"
    got = figures(brief)
    assert got["6.5%"][0] == "赵一" and got["1200亿元"][0] == "钱二"
    target = next(t for t in brief.targets if t.figure == "85家")  # 据介绍: nobody named
    assert target.basis == "inferred" and "delegate" in target.review and "据介绍" in target.basis_note


def test_2_people_listed_then_speaking_together_are_each_a_speaker_and_the_count_is_no_figure():
    text = ("10月9日，新闻中心举行集体采访。\n"
            "这3位发言人是：甲省委常委、秘书长王一平，乙省委常委、宣传部部长李秀娟，丙省委常委、常务副省长赵建峰。"
            "他们表示，各地新建学校共120所。")
    brief = draft_article(text, year=2024).brief
    found = delegates(brief)
    assert set(found) == {"王一平", "李秀娟", "赵建峰"}
    assert [t.figure for t in brief.targets] == ["120所"]  # 3位发言人 counts who came
    # named in a list but never speaking: candidates, not speakers
    assert draft_article(text.replace("他们表示，", "会上，"), year=2024).brief.delegates[0].name not in found


def test_2_a_manner_between_the_speaker_and_saying_and_a_remark_cut_in():
    text = ("3月5日，某省代表团举行全体会议。\n"
            "全国人大代表、某村党支部书记张丽接受了记者采访。她笑着说，全村已有民宿60家。\n"
            "国务院副总理李华幽默插话：“民宿再多些，明年争取到100家。”\n"
            "他“实在”地说，乡里还要修路15公里。\n")
    brief = draft_article(text, year=2026).brief
    assert [d.name for d in brief.delegates] == ["张丽", "李华"]
    assert {k: v[0] for k, v in figures(brief).items()} == {"60家": "张丽", "100家": "李华", "15公里": "李华"}
    plain = draft_article(text.replace("她笑着说，", "她说，").replace("他“实在”地说", "他说"), year=2026).brief
    assert {k: v[0] for k, v in figures(plain).items()} == {k: v[0] for k, v in figures(brief).items()}


def test_2_a_speaker_smiling_or_turning_to_the_press_before_speaking():
    text = ("3月3日，大会新闻发布会在人民大会堂举行。\n"
            "下午3时，大会新闻发言人陈立新微笑走上发布台。陈立新向与会记者问好。他介绍，本次大会有3000多名记者报名。\n"
            "谈到经济，陈立新向中外媒体表示，今年新增就业岗位1200万个。")
    brief = draft_article(text, year=2026).brief
    assert [d.name for d in brief.delegates] == ["陈立新"]
    assert {t.figure for t in brief.targets} == {"3000多名", "1200万个"}


def test_3_who_hosted_and_who_answered_ends_the_speakers_turn():
    text = ("5月8日，某省举行中外记者见面会。副省长周文涛出席并介绍情况。\n"
            "周文涛表示，全省去年新建5G基站3万个。\n"
            "省政府新闻办负责同志主持见面会，省发展改革委等部门负责同志回答记者提问。")
    brief = draft_article(text, year=2025).brief
    assert brief.delegates[0].paragraphs[-1] == 2  # not the paragraph of who hosted and who answered


def test_1_a_clause_about_the_one_introduced_then_a_colon_gives_their_words():
    text = ("3月9日，全国政协十四届三次会议举行小组会议。\n"
            "全国政协委员、某保险（集团）公司总裁钱立民尤其关心住房：保障性住房要建成300万套。\n"
            "全国政协委员、某研究所所长赵国强更是对交通深有感触：去年新修公路2000公里还不够。")
    brief = draft_article(text).brief
    found = delegates(brief)
    assert set(found) == {"钱立民", "赵国强"}  # not 赵国强更: 更 follows names
    assert found["钱立民"].organization == "某保险（集团）公司"  # a short name in brackets stays in the chain
    assert {t.figure for t in brief.targets} == {"300万套", "2000公里"}
    # a page's heading `栏目|某人：` names no one in the words before the bar
    assert "通道" not in delegates(draft_article("3月9日，委员通道开启。\n委员通道|钱立民：今年新建学校12所。", year=2025).brief)


def test_6_a_members_corridor_is_its_own_kind():
    text = "3月4日，全国政协十四届二次会议首场“委员通道”开启。\n全国政协委员、某大学教授孙明远介绍，已建成实验室12个。"
    assert [e.kind for e in draft_article(text).brief.events] == ["members_corridor"]


def test_1_a_minister_who_appears_then_speaks_and_one_who_answers():
    text = ("某网 05.03.2018 09:04\n"
            "某社北京3月3日电题：“部长通道”上的回应\n"
            "此前，已有8位部长在3月1日、2日的“部长通道”先后亮相。\n"
            "14时18分，某部部长陈立平出现在通道上。“这个问题一定能解决！”陈立平说。\n"
            "“今天是节日，先向大家问好。”首位登场的某委主任刘思源送上祝福，她给出了四条具体举措。\n"
            "今年会不会缺水？某部部长王海解答，今年前2个月降水偏少两成。")
    brief = draft_article(text).brief
    found = delegates(brief)
    assert set(found) == {"陈立平", "刘思源", "王海"}  # not 王海解: 解答 is a verb
    assert found["刘思源"].role == "某委主任"  # not 首位登场的某委主任
    # the dateline's session, not the earlier ones (此前……3月1日), its title without the dateline's 电题：
    assert [(e.date, e.kind, e.title) for e in brief.events] == [("2018-03-03", "ministers_corridor", "“部长通道”")]
    assert brief.source.published == "2018-03-05"  # 05.03.2018: a page's date, day first
    figures_found = {t.figure for t in brief.targets}
    assert "四条" not in figures_found and "2个月" not in figures_found  # points made, a period


def test_1_one_who_appears_then_a_quote_in_the_same_paragraph_speaks_in_it():
    text = ("3月3日，“部长通道”开启。\n"
            "9时10分，新任某部部长周立新出现在通道上。“今年我们将新建公路3000公里，请大家放心。”\n"
            "9时30分，某局局长吴海走到话筒前。“这个问题我来回答。”吴海说，今年新增航线120条。\n")
    brief = draft_article(text, year=2024).brief
    found = delegates(brief)
    assert set(found) == {"周立新", "吴海"} and found["周立新"].organization == "某部"  # 新任: when, not a body
    assert {k: v[0] for k, v in figures(brief).items()} == {"3000公里": "周立新", "120条": "吴海"}
    seen = draft_article(text.replace("出现在通道上。", "出现在通道上。记者们纷纷举手。"), year=2024).brief
    assert "周立新" not in delegates(seen)  # the quote does not follow the sentence that tells of them
    heard = ("3月3日，“部长通道”开启。\n"
             "刚进大厅的东岭办、西川办主任孙立听到记者呼唤，主动走上前。“今年将举办交流活动80场。”他的回答很干脆。\n")
    found = delegates(draft_article(heard, year=2024).brief)
    assert found["孙立"].role == "东岭办、西川办主任" and found["孙立"].organization == "东岭办、西川办"


def test_1_a_pronoun_after_the_meeting_and_a_quote_that_he_said_after_a_sentence_naming_him():
    text = ("3月7日，全国政协会议现场，全国政协委员、某研究院院长林川首个发言。会后，他说，今年新建实验室12个。\n"
            "小标题\n"
            "8日是林川第二次登上讲台。“今年我们还将培养研究生300名，欢迎报考”，他说。\n")
    brief = draft_article(text, year=2024).brief
    assert [d.name for d in brief.delegates] == ["林川"]
    assert {k: v[0] for k, v in figures(brief).items()} == {"12个": "林川", "300名": "林川"}


def test_1_a_name_before_a_word_no_list_knows_ends_where_the_report_writes_it_before_a_verb():
    text = ("3月2日下午，全国政协十二届五次会议新闻发布会在人民大会堂举行。大会新闻发言人江宏伟做足功课。\n"
            "谈到经济走势，江宏伟说，今年新增就业1100万人以上。")
    found = delegates(draft_article(text).brief)
    assert list(found) == ["江宏伟"]  # not 江宏 or 江宏伟做: 江宏伟说 says where the name ends
    # the spokesperson of 大会 speaks for the one session the report names
    assert found["江宏伟"].organization == "全国政协十二届五次会议"


def test_2_a_leader_named_with_a_title_inside_a_transcripts_answer_is_quoted_not_speaking():
    text = ("3月5日，某部部长在记者会上回答提问。\n"
            "记者：今年有什么打算？\n"
            "某部部长 张明：\n"
            "谢谢你的提问。李华总理强调，要抓好落实。我们今年将新建工厂300家。\n"
            "王强书记指出，制造业是根本。我们还要培训工人2万名。\n")
    brief = draft_article(text, year=2024).brief
    assert [d.name for d in brief.delegates] == ["张明"]
    assert {k: v[0] for k, v in figures(brief).items()} == {"300家": "张明", "2万名": "张明"}


def test_1_a_transcript_speaker_in_brackets():
    text = ("[傅海燕]大会的采访安排是这样的：报名采访的记者有3000多人。\n"
            "我们将为记者做好服务。\n"
            "【今日热点新闻推荐】")
    brief = draft_article(text, year=2013).brief
    assert [(d.name, d.paragraphs) for d in brief.delegates] == [("傅海燕", (1, 2))]  # not the related links
    assert [t.figure for t in brief.targets] == ["3000多人"]


def test_1_a_transcript_with_its_turns_on_one_line_set_apart_by_bars():
    text = ("某市召开新闻发布会\n"
            "3月5日，某市交通局局长张明出席发布会。\n"
            "记者：今年全市会新建多少公里道路？ | 张明：计划新建道路120公里。 | 记者：比去年多30公里吗？ | 张明：新增公交线路15条。\n"
            "新闻|张明：这是标题里的一句话\n")
    brief = draft_article(text, year=2024).brief
    got = figures(brief)
    assert [d.name for d in brief.delegates] == ["张明"]
    assert got["120公里"][0] == "张明" and got["15条"][0] == "张明" and got["120公里"][4] == "stated"
    assert "30公里" not in got  # in a question
    spaced = "3月5日，某会举行记者会。\n发言人张明：办结率达到98%。 记者：新招了多少老师？有40名吗？ 张明：新建学校12所。\n"
    assert set(figures(draft_article(spaced, year=2024).brief)) == {"98%", "12所"}  # turns set apart by spaces


def test_1_an_interview_of_one_person_answers_under_a_bare_answer_label():
    text = ("专访全国人大代表、某市市长张明远\n"
            "3月6日，本报记者专访了全国人大代表、某市市长张明远。\n"
            "问：今年有何打算？有人说要新建30所学校。\n"
            "答：我们将新建学校20所，新增学位3万个。")
    brief = draft_article(text, year=2025).brief
    found = delegates(brief)
    assert (found["张明远"].role, found["张明远"].paragraphs) == ("全国人大代表、某市市长", (4,))  # not 专访……
    assert set(figures(brief)) == {"20所", "3万个"}  # not the question's 30所
    # two people introduced: whose answer it is is not said, so it is nobody's
    two = text.replace("。\n问", "，同行的还有某县县长李秀英。\n问")
    assert figures(draft_article(two, year=2025).brief).get("20所", ("",))[0] != "张明远"


@pytest.mark.parametrize("sentence", ["在张明远看来，今年要新建学校20所。", "对于教育，张明远的回答是：今年新建学校20所。",
                                      "张明远给出了一组数据：今年新建学校20所。"])
def test_1_a_view_or_an_answer_given_to_someone_introduced_before(sentence):
    text = f"3月6日，某省代表团开放。\n全国人大代表、某市市长张明远出席。\n{sentence}"
    brief = draft_article(text, year=2025).brief
    assert figures(brief)["20所"][0] == "张明远"


def test_1_a_name_with_no_title_right_before_saying_and_titles_of_other_kinds():
    text = ("3月4日，港区全国人大代表团举行记者会。\n"
            "代表团团长马逢春表示，今年提交议案3项。\n"
            "省统计局总经济师徐学明在发布会上说，上半年增长8.2%。\n"
            "谈到交通，林海峰对现场记者说，新修公路500公里。\n"
            "此前，陈帆提出的建议也获得关注。")
    found = delegates(draft_article(text, year=2026).brief)
    assert set(found) == {"马逢春", "徐学明", "林海峰"}  # not 陈帆: 提出的建议 tells of a proposal
    assert found["马逢春"].role == "代表团团长" and found["徐学明"].role == "省统计局总经济师"
    assert found["林海峰"].role == "（待补充）"
    # 向大家介绍: a preposition, not a family name, before saying
    assert "向大家" not in delegates(draft_article(text + "\n向大家介绍了新建的12所学校。", year=2026).brief)


def test_5_a_second_post_held_at_once_is_one_more_title_of_the_chain():
    text = "5月18日，某委举行新闻发布会。\n某委政策研究室副主任兼新闻发言人孙丽表示，某委有30多个司局。\n"
    brief = draft_article(text, year=2025).brief
    assert delegates(brief)["孙丽"].organization == "某委"


def test_5_a_clause_with_a_corner_quoted_name_opening_the_paragraph_before_a_chain_is_read_through():
    # 某会于……举行「某某」论坛，由某会会长张明……: reading back to the paragraph's start ends there
    text = "某会举行论坛\n某会于3月30日举行「春季」论坛，由某会会长张明与会员分享。\n张明表示，去年增长8%。\n"
    brief = draft_article(text, year=2025).brief
    assert [(d.name, d.role) for d in brief.delegates] == [("张明", "某会会长")]


def test_5_roles_cut_where_a_list_a_tag_or_a_headline_ends_and_joined_across_a_comma():
    text = ("3月9日，部长通道开启。\n"
            "某部部长韩立和某局局长高志远先后走上通道。高志远表示，今年新建场馆30座。\n"
            "上海答卷——上海市市长应明远表示，全市生产总值增长6.9%。\n"
            "市委常委、秘书长，市政府常务副市长陈新国介绍，新建学校20所。\n"
            "全国人大监察和司法委员会副主任委员张轩表示，修订法律3部。")
    found = delegates(draft_article(text, year=2026).brief)
    assert found["高志远"].role == "某局局长" and found["应明远"].role == "上海市市长"
    assert found["陈新国"].role == "市委常委、秘书长，市政府常务副市长"
    assert "司法" not in found  # 委员会 is a body, not a title after a name
    tagged = "3月5日，人大开幕。\n【同期】港区全国人大代表 冼汉明\n心情非常激动，今年我们提交了建议12件。"
    assert delegates(draft_article(tagged, year=2023).brief)["冼汉明"].role == "港区全国人大代表"


def test_2_people_quoted_inside_a_quote_or_named_as_the_agent_of_a_proposal_do_not_speak():
    text = ("3月11日，港区代表团举行记者会。\n"
            "“王立新局长说：‘绿水青山就是金山银山’，请教各位如何理解？”记者问。\n"
            "代表团团长马逢春称，今年提交了由全国人大代表李慧明提出的建议3件。\n"
            "代表团副团长陈永年形容，工作报告温暖人心，今年新增岗位1200万个。")
    found = delegates(draft_article(text, year=2025).brief)
    assert set(found) == {"马逢春", "陈永年"}  # 形容 is a verb of saying


def test_1_one_who_takes_the_floor_without_a_verb_of_saying_speaks_in_the_quote_that_follows():
    text = ("某省代表团举行开放团组会议。\n"
            "会议由某省人大常委会副主任刘洋主持。\n"
            "“欢迎各位记者朋友，今天的会议开始。”\n"
            "随后，某省省长张明全程脱稿，回答了记者提出的问题。\n"
            "“这几年我们新建学校120所，今年还要再建30所。”\n"
            "在谈到乡村时，某县县长李华给大家算了一笔账：\n"
            "“全县新修道路800公里。”\n")
    brief = draft_article(text, year=2025).brief
    assert {d.name: d.role for d in brief.delegates} == {"张明": "某省省长", "李华": "某县县长"}  # 刘洋 only hosts
    got = figures(brief)
    assert got["120所"][:2] == ("张明", 120) and got["30所"][0] == "张明" and got["120所"][4] == "inferred"
    assert got["800公里"][0] == "李华"
    brought = ("3月6日，某省代表团举行全体会议。\n"
               "全国人大代表、某村党支部书记王海今年带着一份助农的建议上会。\n"
               "“去年全村网上卖出农产品3000万元，")  # the quote cut off where the report is
    assert figures(draft_article(brought, year=2025).brief)["3000万元"][0] == "王海"


def test_2_a_transcript_label_with_a_rare_family_name_after_the_role_names_the_speaker():
    text = ("10月17日，某会举行新闻发布会。\n"
            "大会新闻发言人庹明：\n"
            "本次大会共有代表2000多名，已有3000名记者报名。\n")
    brief = draft_article(text, year=2025).brief
    assert [(d.name, d.role) for d in brief.delegates] == [("庹明", "大会新闻发言人")]
    assert figures(brief)["2000多名"][0] == "庹明"


def test_2_a_guests_line_of_a_transcript_gives_no_word_to_the_role():
    text = ("9月22日，某省政府新闻办召开新闻发布会。\n"
            "嘉宾某省发改委副主任张明；某省财政厅副厅长李华。\n"
            "某省发改委副主任张明：\n"
            "三年内全省将建设项目500个。\n")
    brief = draft_article(text, year=2025).brief
    assert delegates(brief)["张明"].role == "某省发改委副主任"


def test_2_a_pronoun_after_a_sentence_that_turns_to_a_topic_is_the_one_just_named():
    text = ("1月4日，某市人代会举行新闻发布会。\n"
            "某局局长张明着重就报告中的“城市更新”作了说明。针对市民关心的停车难问题，他表示，今年将新增停车场10个。\n")
    got = figures(draft_article(text, year=2025).brief)
    assert got["10个"][:1] == ("张明",) and got["10个"][4] == "stated"


def test_2_the_last_of_the_guests_an_invitation_lists_does_not_speak_there():
    text = ("2月28日，某省政府新闻办将召开新闻发布会，请某厅副厅长张明，某厅副厅长李华介绍有关工作并答记者问。\n"
            "某省政府新闻办公室主任王强说，本场发布会有30家媒体报名。\n")
    assert set(delegates(draft_article(text, year=2025).brief)) == {"王强"}


def test_2_a_name_that_answers_with_a_comma_speaks():
    text = ("3月8日，某省代表团举行开放日活动。\n"
            "第一个提问的记者关心保障性住房建设。\n"
            "周建平回答，全省今年将开工保障房5万套。\n")
    got = figures(draft_article(text, year=2011).brief)
    assert got["5万套"][0] == "周建平"


def test_2_one_the_report_says_answered_questions_does_not_speak_there():
    text = ("7月19日，某省专场新闻发布会在北京举行。省委书记张明作主题发布。省长李华，常务副省长王强回答了有关提问。\n"
            "张明在发布时说，去年全省生产总值达3万亿元。\n")
    assert set(delegates(draft_article(text, year=2025).brief)) == {"张明"}


def test_2_one_the_host_gives_the_floor_to_does_not_speak_in_the_hosts_words():
    text = ("3月20日，某省政府新闻办公室举办新闻发布会。\n"
            "主持人：\n"
            "今天共有媒体30家到场。下面请张明副厅长介绍相关情况。\n"
            "某省生态环境厅副厅长张明：\n"
            "全省优良天数比例达到88%。\n")
    brief = draft_article(text, year=2024).brief
    assert delegates(brief)["张明"].paragraphs == (4, 5)
    assert {k: v[0] for k, v in figures(brief).items()} == {"88%": "张明"}


def test_2_the_second_agent_of_a_list_of_proposals_does_not_speak():
    text = ("3月11日，某代表团举行记者会。\n"
            "代表团团长马海称，今年提交了两项建议，分别是由全国人大代表李明提出建立互认机制的建议，"
            "及全国人大代表陈华提出发展某某交易体系的建议，共征集意见300条。\n"
            "全国人大代表赵东提出，要在五年内新建学校50所。\n")
    brief = draft_article(text, year=2025).brief
    assert set(delegates(brief)) == {"马海", "赵东"}
    got = figures(brief)
    assert got["300条"][0] == "马海" and got["50所"][0] == "赵东"


def test_2_the_count_of_questions_someone_answered_is_the_reports_not_their_words():
    text = ("某部举行记者会\n"
            "在长达2小时的记者会上，某部部长张明回答了16个问题。\n"
            "张明说，今年将新建项目40个。\n")
    got = figures(draft_article(text, year=2024).brief)
    assert got["40个"][0] == "张明" and "2小时" not in got


def test_2_lines_naming_who_is_shown_under_photos_are_neither_joined_nor_speakers():
    text = ("某中心举行集体采访\n"
            "某日下午，某中心举行集体采访，多地负责人出席。\n"
            "东岭市委常委、秘书长赵一\n"
            "王摄影\n"
            "西川省委副书记、秘书长钱二\n"
            "王摄影\n"
            "南江省委常委、常务副省长孙三\n"
            "王摄影\n"
            "文字实录\n"
            "• 某中心负责人、某局副局长 李四：\n"
            "各位下午好，今年全省新增岗位1200个。\n")
    brief = draft_article(text, year=2022).brief
    assert {d.name: d.role for d in brief.delegates} == {"李四": "某中心负责人、某局副局长"}
    assert figures(brief)["1200个"][0] == "李四"


def test_1_an_answer_that_is_still_the_same_and_a_smile_printed_with_zhu_introduce_the_speaker():
    text = ("某部部长周明的回答依旧是“有把握”，今年新建水库12座。\n"
            "記者見到某集團董事長林立代表。“我是第二次當選。”林立微笑著說，“今年帶來18份建議。”")
    got = figures(draft_article(text, year=2024).brief)
    assert got["12座"][0] == "周明"
    assert got["18份"][0] == "林立"  # 微笑著: the particle 着 as Taiwan and Hong Kong print it


def test_1_a_dash_after_sharing_the_data_opens_the_speaker_s_words():
    text = ("某委副主任赵明、某局局长钱亮介绍有关情况。\n"
            "经济韧性体现在哪里？赵明分享了一组数据——全省生产总值从5.3万亿元增长到8.1万亿元。")
    got = figures(draft_article(text, year=2022).brief)
    assert got["5.3万亿元"][0] == "赵明" and got["8.1万亿元"][0] == "赵明"


def test_1_a_leader_quoted_in_a_labelled_paragraph_is_not_a_speaker_and_a_headline_verb_no_name():
    text = ("某地全国政协委员热议政协常委会工作报告：展现新作为\n"
            "江明委员：去年我们企业营收增长12%，李华总理也指出“风险挑战明显增多”，我们要稳住。\n"
            "全国政协委员、某市政协副主席唐东生说，报告提到发展实体经济。")
    assert list(delegates(draft_article(text, year=2022).brief)) == ["江明", "唐东生"]


def test_1_a_host_s_label_with_a_name_in_brackets_is_no_speaker():
    text = ("某厅召开10月新闻发布会。\n"
            "主持人（某厅宣教处处长杨立）：欢迎大家参加今天的发布会，今年已是第10场。\n"
            "某厅副厅长王平：今年全省水质优良比例达到95%。")
    brief = draft_article(text, year=2024).brief
    assert [d.name for d in brief.delegates] == ["王平"] and set(figures(brief)) == {"95%"}


def test_1_a_video_report_s_narration_label_is_no_speaker():
    text = ("【解说】3月11日，某部部长李华出席记者会，回答了13个问题。\n"
            "【同期】某部部长 李华\n"
            "今年我们要新增就业岗位100万个。\n"
            "【解说】谈到住房，李华表示，今年要改造小区5万个。")
    brief = draft_article(text, year=2022).brief
    assert [d.name for d in brief.delegates] == ["李华"]  # 解说 is the narrator's label, not a name
    assert set(figures(brief)) == {"100万个", "5万个"}


def test_2_a_reporter_who_asks_someone_is_no_part_of_their_role_and_the_question_is_no_figure():
    brief = draft("2_reporter_asks", year=2024).brief
    found = delegates(brief)
    assert (found["张明"].role, found["李华"].role) == ("省委书记", "市长")
    assert sorted(figures(brief)) == ["3万个", "6%左右"]  # not 8% nor 5万个: what the reporters asked

def test_1_a_roundup_marks_questions_and_answers_with_letters_before_the_labels():
    brief = draft("1_roundup_letters", year=2024).brief
    found = delegates(brief)
    assert sorted(found) == ["赵立新", "陈海涛"]  # Q林小雨：a reporter's question
    assert (found["陈海涛"].role, found["陈海涛"].organization) == ("东岭市副市长兼秘书长", "东岭市")  # no 兼秘书 either
    assert found["赵立新"].role == "全国人大代表、东岭市农业农村局局长"
    assert figures(brief)["30万亩"][0] == "赵立新"

def test_2_one_who_shares_a_story_speaks_in_it():
    brief = draft("2_sharing", year=2023).brief  # 某某分享了……的经历
    assert figures(brief)["40多所"][0] == "林海峰" and figures(brief)["40多所"][4] == "stated"

def test_1_a_subheading_of_a_name_and_a_quoted_phrase_is_not_joined_across_a_caption():
    brief = draft("1_roundup_subheadings", year=2024).brief
    assert delegates(brief)["林海峰"].role == "全国人大代表、东岭市人社局局长"



def test_2_one_who_sums_up_or_looks_back_on_something_before_saying_speaks():
    text = ("3月11日，十四届全国人大三次会议闭幕。\n"
            "某代表团团长张明总结本次会议表示，代表们共提交建议229项。\n"
            "某省省长李华回顾过去五年时说，全省新建学校1200所。\n")
    got = figures(draft_article(text, year=2025).brief)
    assert got["229项"][0] == "张明" and got["1200所"][0] == "李华"


# --- 3. continuation ---------------------------------------------------------------------------------

def test_3_pronouns_numbered_points_and_sections_carry_the_speaker_as_inferred_until_narration():
    brief = draft("3_continuation", year=2026).brief
    got = figures(brief)
    assert got["突破5000亿元"][0] == "黄志强" and got["突破5000亿元"][4] == "stated"
    for figure in ("300公顷", "8条", "6万人", "200个"):  # 他说; 一是……二是; a paragraph right after
        assert got[figure][0] == "黄志强" and got[figure][4] == "inferred"
    assert "超过5000万人次" not in got  # 记者注意到: narration
    for figure in ("40个", "96%"):  # a section headed by a name, past its subheading
        assert got[figure][0] == "吴建平" and got[figure][4] == "inferred"
    notes = {t.figure: t.basis_note for t in brief.targets}
    assert "他/她" in notes["300公顷"] and "numbered point" in notes["8条"] and "section headed by 吴建平" in notes["96%"]


def test_3_a_paragraph_that_turns_to_someone_else_with_a_role_ends_the_last_speakers_turn():
    text = ("3月3日，“部长通道”开启。\n"
            "“今年新建公路3000公里。”某部部长周立新说。\n"
            "散场时，某局局长吴海被记者“截下”，话题是“河长制”，全国已有河长20万名。\n"
            "今年还将新建桥梁500座。\n")
    brief = draft_article(text, year=2024).brief
    assert {k: v[0] for k, v in figures(brief).items()} == {"3000公里": "周立新"}
    assert delegates(brief)["周立新"].paragraphs == (2,)


def test_3_a_paragraph_listing_other_people_with_what_they_are_ends_the_last_speakers_turn():
    text = ("3月7日，全国政协会议举行大会发言。\n"
            "全国政协委员、某研究院院长林川表示，今年新建实验室12个。\n"
            "这一制度由来已久。当年，赵一、钱二、孙三等12位委员都在会上发言，收到发言稿460份。\n")
    brief = draft_article(text, year=2024).brief
    assert {k: v[0] for k, v in figures(brief).items() if v[0] == "林川"} == {"12个": "林川"}
    assert delegates(brief)["林川"].paragraphs == (2,)


def test_3_a_quote_the_report_gives_to_a_reporter_or_the_public_ends_the_speakers_turn():
    text = ("3月15日，某会议举行记者会。\n"
            "某社记者提问时，张明总理插话：“你可以慢慢问，今年我们新增就业1100万人。”\n"
            "“谢谢，我的问题有两个，第一个关于300家企业。”这位记者说完，现场笑声一片。\n"
            "“回答很精彩，这200字值得一读。”有网友如此评论。\n")
    brief = draft_article(text, year=2024).brief
    assert delegates(brief)["张明"].paragraphs == (2,)
    assert set(figures(brief)) == {"1100万人"}


def test_3_a_paragraph_that_tells_of_the_speaker_by_name_is_narration():
    text = ("某市市长林川说，今年全市新建学校12所。\n"
            "发布会上，林川只用了不到10分钟念完讲稿，其余时间留给记者。\n"
            "全市新增学位8000个。")
    got = figures(draft_article(text, year=2025).brief)
    assert got["12所"][0] == "林川"
    assert "不到10分钟" not in got and "8000个" not in got  # the narration, and what follows it, are not his words


def test_3_a_time_clause_with_a_verb_of_saying_is_the_report_telling_of_them():
    text = ("3月21日，某省举行新闻发布会。\n"
            "省长张明远说，全省生产总值增长8%。\n"
            "张明远答问时没有照稿念，发布会只用了不到40分钟。")
    brief = draft_article(text, year=2012).brief
    assert [t.figure for t in brief.targets] == ["8%"]


def test_3_a_line_that_signs_the_quote_above_it():
    text = ("两会声音\n"
            "3月6日，代表委员们在分组审议中畅所欲言。\n"
            "“今年我们要新建5G基站1万个，让山区都能上网。”\n"
            "——全国人大代表、某市市长张明远\n"
            "“乡村振兴关键在人，我们培训了3000名新农人。”——全国政协委员、某农业大学教授李秀英")
    brief = draft_article(text, year=2025).brief
    found = delegates(brief)
    assert (found["张明远"].role, found["张明远"].paragraphs) == ("全国人大代表、某市市长", (3, 4))
    assert figures(brief)["1万个"][0] == "张明远" and figures(brief)["3000名"][0] == "李秀英"


def test_3_a_paragraph_about_another_speaker_is_not_the_last_speaker_s_words():
    text = ("某部部长张明表示，今年增长5%。\n"
            "某局局长李华也表示“有信心”。\n"
            "与去年相同，张明今年又来到通道，完成6%的目标底气何在，成了记者追问的焦点。")
    got = figures(draft_article(text, year=2022).brief)
    assert got["5%"][0] == "张明"
    assert "6%" not in got or got["6%"][0] != "李华"  # the paragraph tells of 张明: not 李华's words

def test_3_what_follows_officials_introduced_together_is_none_of_theirs_until_one_is_named():
    text = ("3月5日，某省人民政府新闻办公室举行新闻发布会，某省发展改革委主任张明、某省财政厅厅长李华介绍有关情况，"
            "并答记者问。全省投资增长7%。\n"
            "据介绍，今年全省生产总值达到5000亿元，增长6%。\n"
            "会上，李华介绍，全省财政收入800亿元。\n"
            "他说，支出增长9%。\n")
    got = figures(draft_article(text, year=2025).brief)
    assert set(got) == {"800亿元", "9%"} and got["800亿元"][0] == got["9%"][0] == "李华"
    alone = text.replace("张明、某省财政厅厅长李华", "李华")
    assert figures(draft_article(alone, year=2025).brief)["5000亿元"][0] == "李华"  # one official: theirs, inferred


def test_3_officials_introduced_together_by_commas_are_no_speakers_there():
    text = ("17日上午，某中心举行记者招待会，某委党组成员、副主任赵明，某局党组书记、局长钱亮，某局副局长孙立介绍有关情况，"
            "并回答记者提问。\n"
            "经济韧性体现在哪里？赵明分享了一组数据——生产总值增长到114万亿元。")
    brief = draft_article(text, year=2022).brief
    assert [d.name for d in brief.delegates] == ["赵明"]  # 孙立, the last of them, speaks nowhere on his own
    assert figures(brief)["114万亿元"][0] == "赵明"


def test_3_one_official_given_the_floor_heads_the_unlabelled_text_after():
    text = ("1月20日，某市政府新闻办举行经济运行情况新闻发布会。\n"
            "主持词：\n"
            "下面请市统计局局长周平先生为大家作介绍。\n"
            "发布词：\n"
            "全市生产总值达到1200亿元，同比增长3.5%。\n")
    got = figures(draft_article(text, year=2025).brief)
    assert got["1200亿元"][0] == got["3.5%"][0] == "周平" and got["1200亿元"][4] == "inferred"
    summary = ("5月29日，某办请《某某规划》编制组成员、某院副院长吴强解读规划要点，并回答提问。\n"
               "要点：\n【规划调整56处】这次规划一共调整了56处。\n")
    assert figures(draft_article(summary, year=2025).brief)["56处"][0] == "吴强"
    labelled = text.replace("发布词：", "记者：请问全年增速如何？")
    assert "周平" not in delegates(draft_article(labelled, year=2025).brief)  # a question ends what the floor gave


def test_3_a_promise_and_an_interpretation_are_speaking():
    text = ("3月8日，部长通道开启。\n"
            "对今年新增就业800万人的目标，某部部长孙立承诺“能够完成”。\n"
            "某室主任钱宁解读报告时说，今年赤字率为3%。\n")
    got = figures(draft_article(text, year=2025).brief)
    assert got["800万人"][0] == "孙立" and got["3%"][0] == "钱宁"


# --- 4. names ----------------------------------------------------------------------------------------

def test_4_compound_surnames_dotted_names_rare_surnames_and_names_glued_to_the_next_word():
    found = delegates(draft("4_names").brief)
    assert {"欧阳明远", "巴特尔·那顺", "阿依古丽・买买提", "宓晓东", "苗圩"} == set(found)


@pytest.mark.parametrize(
    "text, name",
    [("刘伟首先介绍", "刘伟"), ("李朴民会中表示", "李朴民"), ("张海波及省发改委", "张海波"), ("艾尔肯·吐尼亚孜介绍", "艾尔肯·吐尼亚孜"),
     ("歐陽華說", "歐陽華"), ("苗圩在发言时说", "苗圩"),
     ("王海今年带着建议上会", "王海"), ("林川去年提交了议案", "林川"), ("张明担任委员以来", "张明"),
     ("张明受常委会委托", "张明"), ("田轩昨受访指出", "田轩"), ("张明联同李强出席", "张明")],
)
def test_4_where_a_name_ends_is_read_from_what_follows_it(text, name):
    assert name_at(text, 0) == name


def test_4_a_name_with_no_family_name_is_read_after_a_delegates_role_chain():
    text = ("全国人大代表、某自治区畜牧研究所所长扎西顿珠说，今年牧民增收8%。全国人大代表、某盟盟长朝克图在会上介绍，"
            "已建成草场500万亩。某局局长表示，将继续推进。")
    found = delegates(draft_article(text, year=2024).brief)
    assert set(found) == {"扎西顿珠", "朝克图"}
    assert found["朝克图"].role == "全国人大代表、某盟盟长"


def test_4_a_name_with_no_family_name_right_after_a_membership():
    text = ("五位全国人大代表走上通道，回答提问。\n“我带来了3份建议。”来自牧区的全国人大代表其木格用蒙古语告诉记者。\n"
            "全国人大代表都认为，要抓好落实。")
    found = delegates(draft_article(text, year=2024).brief)
    assert set(found) == {"其木格"}  # never 走上通道 after a count of delegates, nor 都认 of 代表都认为


@pytest.mark.parametrize("text", ["全国政协委员、某大学教授李红梅谈起经费时说，经费增长了15%。",
                                  "全国人大代表、某县县长王建国被问到村道时说，今年新修村道120公里。"])
def test_4_a_name_ends_before_a_passive_or_a_verb_of_talking_about(text):
    found = delegates(draft_article(text, year=2025).brief)
    assert set(found) in ({"李红梅"}, {"王建国"})


def test_4_words_that_begin_with_a_family_name_are_not_names():
    assert not looks_like_name("高质量") and not looks_like_name("全国") and looks_like_name("高建军")


def test_4_two_characters_that_open_a_clause_before_saying_twice_are_a_name():
    text = ("伍芳介绍，本次会议5日开幕，有11项议程。\n"
            "伍芳透露，今年经费增长的幅度是7%左右。")
    got = figures(draft_article(text, year=2017).brief)
    assert got["7%左右"][0] == "伍芳" and got["11项"][0] == "伍芳"


def test_4_a_name_the_report_writes_again_and_again_ends_where_it_always_ends():
    text = ("某村党支部书记兼村委会主任林和星显得比较沉静，他对记者说，村里有耕地300亩。\n"
            "除了耕地，林和星还关心村规民约，在这方面林和星颇有心得。")
    found = delegates(draft_article(text, year=2015).brief)
    assert list(found) == ["林和星"]  # not 林和, nor 林和星显


def test_4_a_name_before_putting_forward_or_reckoning_ends_there():
    text = "“希望缩短城乡保障距离，今年再修路12公里”，全国人大代表、某村党支部书记黄志峰提了两条建议。"
    got = figures(draft_article(text, year=2015).brief)
    assert got["12公里"][0] == "黄志峰"  # 提了 follows the name, as 说 would


def test_4_arriving_in_beijing_is_no_name_and_a_name_ends_before_ze():
    text = ("在沪全国政协委员抵京：以热情参会\n"
            "全国政协委员、某公司董事长沈雯则指出，专项资金运行了7年。")
    assert list(delegates(draft_article(text, year=2017).brief)) == ["沈雯"]  # not 抵京, not 沈雯则


def test_4_a_party_branch_is_no_family_name():
    text = "“村官”代表7人，都是村里的党支部书记、党委书记。章立生代表说，村里新修公路12公里。"
    assert list(delegates(draft_article(text, year=2015).brief)) == ["章立生"]


def test_4_a_manner_word_after_a_title_and_a_phrase_opening_with_a_family_names_character_are_not_names():
    # 代表真诚作答, 局长立刻回答: how they answer; 简单来说: a phrase, though 简 is a family name
    assert sorted(delegates(draft("4_manner_after_a_title", year=2024).brief)) == ["张明"]



# --- 5. roles and organizations ----------------------------------------------------------------------

def test_5_a_chain_after_a_clause_with_corner_quotes_is_read_to_the_paragraph_start():
    # the clause before the comma opens the paragraph and holds 「」: reading back to its start must end
    text = "论坛「稳增长」之后，全国政协委员、某商会会长张明表示，去年增长8.1%。"
    found = delegates(draft_article(text, year=2022).brief)
    assert found["张明"].role == "全国政协委员、某商会会长"


def test_5_the_chain_is_split_into_role_and_organization_without_party_noise():
    found = delegates(draft("5_roles", year=2026).brief)
    assert found["韩立群"].role == "某部党组成员、副部长" and found["韩立群"].organization == "某部"
    assert found["许云峰"].role == "全国政协常委、东方文化研究院院长" and found["许云峰"].organization == "东方文化研究院"
    assert "organization" in found["韩立群"].review


def test_5_a_professional_rank_is_a_title_whole():
    text = "某省农业科学院高级农艺师周立新代表说，每亩增收200元。某大学副教授林海委员表示，已建成实验室3个。"
    found = delegates(draft_article(text, year=2024).brief)
    assert found["周立新"].organization == "某省农业科学院" and found["林海"].organization == "某大学"


def test_5_an_organization_from_the_word_lists_is_written_in_the_report_s_script():
    text = "8月17日，重慶市舉行新聞發布會。市委副書記、市長林海說，全市增長4%。"
    found = delegates(draft_article(text, year=2022).brief)
    assert found["林海"].organization == "重慶市"  # as the report writes it, not 重庆市


def test_5_the_spokesperson_of_the_session_whose_press_conference_it_is_when_two_are_named():
    text = ("全国政协十四届一次会议新闻发布会3日举行，大会新闻发言人张明表示，本次会议为期7天半，"
            "委员们将列席十四届全国人大一次会议。")
    found = delegates(draft_article(text, year=2023).brief)
    assert found["张明"].organization == "全国政协十四届一次会议"


def test_5_a_deputy_from_another_region_is_not_filed_under_the_delegation_the_report_names():
    text = ("3月5日，在山东代表团驻地外，记者遇到几位代表。\n"
            "来自河北的王强代表说，厂里今年减排30%。\n"
            "來自基層的李華代表說，村裡修路120公里。")
    found = delegates(draft_article(text, year=2024).brief)
    assert found["王强"].role == "代表（来自河北）" and "山东" not in (found["王强"].organization or "")
    assert found["李華"].role == "代表（來自基層）"  # where they come from, as the report writes it


def test_5_a_deputy_named_only_as_such_belongs_to_the_one_delegation_the_report_names():
    text = ("3月7日，出席十四届全国人大四次会议的云南代表团在驻地审议政府工作报告。\n"
            "李春华代表说：“我们县今年要新建冷库30座。”\n"
            "来自山区的马文斌代表表示，村里的路已修通120公里。\n"
            "某市副市长赵红梅代表认为，还要新增就业岗位2万个。")
    found = delegates(draft_article(text).brief)
    assert found["李春华"].organization == "云南代表团（十四届全国人大四次会议）"
    assert (found["马文斌"].role, found["马文斌"].organization) == ("代表（来自山区）", "云南代表团（十四届全国人大四次会议）")
    assert found["赵红梅"].organization == "某市"  # a body of their own is stated: not the delegation
    assert "organization" in found["李春华"].review
    # two delegations named: which one a deputy sits in is not stated, so it stays to be written
    both = text.replace("审议政府工作报告。", "与四川代表团共同审议政府工作报告。")
    assert delegates(draft_article(both).brief)["李春华"].organization == "（待补充）"


@pytest.mark.parametrize(
    "role, organization",
    [
        ("甲省委常委、宣传部部长", "甲省委宣传部"),  # a department of the committee
        ("甲市委常委、秘书长", "甲市委"),
        ("陕西省委常委、常务副省长", "陕西省"),  # a government post: the region
        ("新疆维吾尔自治区党委副书记、自治区主席", "新疆维吾尔自治区"),
        ("某省某市委副书记、市长", "某省某市"),
        ("云南省委副书记", "云南省委"),  # the committee alone
        ("西藏自治区党委常务副书记", "西藏自治区党委"),
        ("某集团党委书记、董事长", "某集团"),  # a company's party committee: the company
    ],
)
def test_5_a_seat_on_a_party_committee_gives_the_committee_its_department_or_its_region(role, organization):
    from cybrief.draft.organizations import organization_of

    assert organization_of(role) == organization


def test_4_a_rare_family_name_between_a_title_and_a_verb_is_read_as_a_name():
    text = "3月21日，某市召开新闻发布会。\n市委常委、副市长隽新阳介绍，全市已接种疫苗120万剂次。"
    brief = draft_article(text, year=2022).brief
    assert [d.name for d in brief.delegates] == ["隽新阳"]
    # two characters there are more often an adverb than a name: no speaker is made of them
    assert draft_article(text.replace("隽新阳", "亲自"), year=2022).brief.delegates[0].name == "（待补充）"


def test_5_a_role_does_not_begin_with_the_words_that_invite_or_hear_the_speaker():
    text = ("7月21日，省政府新闻办举行新闻发布会。\n"
            "首先，请省统计局一级巡视员、新闻发言人林海涛先生介绍情况。\n"
            "林海涛：上半年全省生产总值增长3.1%。")
    found = delegates(draft_article(text, year=2020).brief)
    assert (found["林海涛"].role, found["林海涛"].organization) == ("省统计局一级巡视员、新闻发言人", "省统计局")


def test_5_a_city_post_written_without_its_city_belongs_to_the_one_city_the_report_names():
    text = ("3月21日，东岭市人民政府新闻办公室召开新闻发布会。\n"
            "发布会上，市委常委、副市长张明介绍，全市新增企业3000家。\n"
            "市发展改革委主任李华表示，今年将开工项目120个。\n")
    found = delegates(draft_article(text, year=2024).brief)
    assert found["张明"].organization == "东岭市" and found["李华"].organization == "东岭市发展改革委"
    two = text.replace("新闻发布会。", "新闻发布会，西川市委宣传部协办。")  # two cities named: the draft leaves it to review
    assert delegates(draft_article(two, year=2024).brief)["张明"].organization == "（待补充）"


def test_5_a_role_that_names_only_a_level_of_government_is_not_an_organization():
    base = "3月6日，{}代表团举行开放团组活动。自治区党委书记张明表示，今年新增岗位1200个。"
    assert delegates(draft_article(base.format("广西"), year=2024).brief)["张明"].organization == "广西壮族自治区党委"
    assert delegates(draft_article(base.format("辽宁"), year=2024).brief)["张明"].organization == "（待补充）"


def test_5_a_head_whose_body_and_title_share_one_character_gives_the_whole_body():
    text = ("3月5日，“部长通道”开启。\n教育部长张明表示，今年新建幼儿园3000所。\n"
            "公安部副部长李华表示，今年破案12万起。\n")
    found = delegates(draft_article(text, year=2024).brief)
    assert found["张明"].organization == "教育部" and found["张明"].role == "教育部长"
    assert found["李华"].organization == "公安部"  # 部 written twice: kept once


def test_5_the_place_in_the_speakers_own_clause_and_a_party_committee_with_no_place():
    text = ("3月21日，国务院新闻办公室召开新闻发布会，省委副书记、省长张明代表湖南省政府，向媒体介绍了全省发展情况。\n"
            "张明说，全省新增企业3000家，江西和江西以外的客商都来投资。\n")
    found = delegates(draft_article(text, year=2024).brief)
    assert found["张明"].organization == "湖南省" and found["张明"].paragraphs[0] == 1  # not the most named, 江西
    bare = text.replace("代表湖南省政府，向媒体介绍了", "向媒体介绍了").replace("，江西和江西以外的客商都来投资", "")
    assert delegates(draft_article(bare, year=2024).brief)["张明"].organization == "（待补充）"  # not 省委: a level


def test_5_bodies_listed_before_the_title_they_share_are_all_the_role_and_the_organization():
    text = ("3月5日，某市政府举行新闻发布会。\n"
            "市委宣传部、市政府新闻办公室主任张明介绍，今年共举办发布会120场。\n"
            "邀请东岭集团董事长李华、西川公司总经理王强出席。李华表示，集团今年营收300亿元。\n")
    found = delegates(draft_article(text, year=2024).brief)
    assert found["张明"].role == "市委宣传部、市政府新闻办公室主任"
    assert found["张明"].organization == "市委宣传部、市政府新闻办公室"  # not the last body alone
    assert found["李华"].role == "东岭集团董事长"  # a list of people, each with a title, is not a shared one


def test_5_the_whole_title_after_a_name_and_no_body_for_a_bare_deputy():
    text = ("3月15日，某会议举行记者会。\n"
            "张明总理表示，今年新增就业1100万人。\n"
            "已连续多年参会的人大代表李华表示，村里新建民宿60家。\n")
    found = delegates(draft_article(text, year=2024).brief)
    assert found["张明"].role == "总理"  # not 总, the short form of 王总
    assert found["李华"].role == "人大代表" and found["李华"].organization == "（待补充）"  # which congress: not said


def test_5_a_clause_with_a_quoted_name_before_the_comma_is_not_part_of_the_chain():
    text = ("3月5日，首场“委员通道”开启。\n"
            "作为“海燕”号深海潜水器总设计师，全国政协委员、某研究中心研究员张明介绍，潜水器已下潜230次。\n")
    found = delegates(draft_article(text, year=2024).brief)
    assert found["张明"].role == "全国政协委员、某研究中心研究员" and found["张明"].organization == "某研究中心"


def test_5_a_bare_post_belongs_to_the_place_its_own_sentence_names_not_the_reports_most_named():
    text = ("3月6日，各代表团举行开放团组活动。浙江代表团的会上，浙江的代表们谈了浙江的产业。\n"
            "7日上午，在湖南代表团审议时，省长张明说，今年新增企业3000家。\n"
            "此外，在广西壮族自治区代表团开放活动中，自治区党委书记李华表示，今年新增岗位1200个。\n"
            "省长王强表示，今年开工项目120个。\n")
    found = delegates(draft_article(text, year=2024).brief)
    assert found["张明"].organization == "湖南省" and found["李华"].organization == "广西壮族自治区党委"
    assert found["王强"].organization == "（待补充）"  # no place in the sentence: the report's most named is no guide
    two = text.replace("在湖南代表团审议时", "湖南代表团与江西代表团交流时")  # two places: left to review
    assert delegates(draft_article(two, year=2024).brief)["张明"].organization == "（待补充）"


def test_5_a_deputy_elected_in_hong_kong_or_macau_sits_in_the_national_body_and_among_them_is_no_role():
    found = delegates(draft("5_hong_kong_and_macau_deputies", year=2025).brief)
    assert (found["林志明"].role, found["林志明"].organization) == ("港区全国人大代表", "全国人大")
    assert (found["何麗華"].role, found["何麗華"].organization) == ("澳區全國政協委員", "全國政協")  # 其中 opens the clause

def test_5_a_party_congress_delegate_keeps_the_partys_name_and_a_special_grade_is_a_rank():
    found = delegates(draft("5_party_congress_delegates", year=2022).brief)
    assert (found["林海燕"].role, found["林海燕"].organization) == ("党的二十大代表、东岭航天员大队特级航天员", "东岭航天员大队")

def test_5_a_chief_s_title_is_whole_and_stays_out_of_the_organization():
    from cybrief.draft.organizations import organization_of

    for title in ("首席工程师", "首席专家", "首席经济学家", "首席研究员"):
        assert organization_of(f"东岭铁道科学研究院{title}") == "东岭铁道科学研究院"


# --- 6. events and dates -----------------------------------------------------------------------------

def test_6_the_year_from_the_session_number_and_the_day_from_a_month_written_before():
    result = draft("6_events")
    assert [(e.date, e.kind) for e in result.brief.events] == [("2025-03-04", "members_corridor"), ("2025-03-05", "members_corridor")]
    assert not result.notes  # the year is stated (十四届三次会议), not guessed
    assert set(delegates(result.brief)) == {"潘志刚"}  # 宋春来 spoke at last year's corridor: mentioned only
    assert result.brief.delegates[0].event == result.brief.events[1].id


def test_6_an_article_without_a_year_is_drafted_with_the_year_guessed_and_marked(monkeypatch):
    result = draft("6_events_no_year")
    assert result.notes and "guess" in result.notes[0]
    assert "date" in result.brief.events[0].review
    monkeypatch.chdir(PATTERNS)
    done = run("draft", "6_events_no_year.txt", library=None)
    assert done.exit_code == 0 and "is a guess" in done.stderr


def test_6_a_day_in_the_early_morning_and_a_session_that_one_follows_on_from():
    text = ("某社北京3月5日电 这场问答发生在5日早晨的“部长通道”。\n"
            "某部部长张明继3日下午在“部长通道”发声后再次亮相。张明表示，今年新建幼儿园2000所。\n")
    brief = draft_article(text, year=2016).brief
    assert [(e.date, e.kind, e.time) for e in brief.events] == [("2016-03-05", "ministers_corridor", "早晨")]


def test_6_a_title_leaves_out_a_dateline_with_xun_a_day_said_again_and_the_city_it_is_held_in():
    text = ("某网3月4日讯（记者 林立）十三届全国人大四次会议4日在北京举行新闻发布会，大会新闻发言人张明表示，"
            "今年增长6%。")
    [event] = draft_article(text).brief.events
    assert event.title == "十三届全国人大四次会议新闻发布会"


def test_6_a_deadline_ahead_is_not_the_year_guessed():
    text = "某省省长赵明介绍，2023年全省旅游收入增长12%，力争到2027年旅游收入突破万亿元，2035年前建成旅游强省。"
    result = draft_article(text)
    assert result.brief.events[0].date.startswith("2023-") and "2023" in result.notes[0]
    ahead = "11月9日，某省代表团向媒体开放。某大学教授王芳代表说，实现2095年的远景目标前景乐观，今年新建学校12所。\n"
    result = draft_article(ahead)  # a year still ahead is no session's year: the guess is this year's
    assert result.brief.events[0].date.startswith(f"{date.today().year}-")


@pytest.mark.parametrize("told, year", [("周平表示，刚刚过去的2023年全省新修水渠800公里。", 2024),
                                       ("邓华介绍，2020年至2022年累计报销3.2亿人次，截至2023年8月，参保人数达1200万人。", 2023),
                                       ("张明介绍，截至2015年底，全省高速公路通车里程达到6200公里。", 2016)])
def test_6_the_year_just_past_and_a_year_up_to_which_something_is_counted(told, year):
    text = f"某省政府新闻办今天举行新闻发布会。\n{told}\n"
    assert draft_article(text).brief.events[0].date.startswith(f"{year}-")


def test_6_the_year_of_the_sessions_from_the_pages_breadcrumbs():
    text = "新闻中心 > 2009年全国两会 > 两会访谈\n某社北京3月4日电 全国政协委员、某大学教授王芳说，她今年带来了6件提案。\n"
    result = draft_article(text)
    assert str(result.brief.events[0].date) == "2009-03-04" and not [n for n in result.notes if "year" in n]


def test_6_the_page_date_from_a_line_of_page_facts():
    text = "发布日期：2023-04-26 14:43 浏览次数： 信息来源：某处\n某局局长赵一介绍，一季度全省生产总值增长4.7%。\n"
    result = draft_article(text)
    assert result.brief.source.published == "2023-04-26" and result.brief.events[0].date.startswith("2023-")
    assert not [note for note in result.notes if "guess" in note]  # the year is the page's
    bulleted = ("今天是：2024年11月23日 星期六\n某省政协提案工作报告引热议\n• 来源：宣传处\n• 日期：2023-01-24\n"
                "1月21日上午，某省政协会议开幕。省政协副主席张明向大会报告，去年立案812件。\n")
    result = draft_article(bulleted)  # the day the page was read is no date of it; a bulleted line of facts is
    assert result.brief.source.published == "2023-01-24" and str(result.brief.events[0].date) == "2023-01-21"
    assert result.brief.title == "某省政协提案工作报告引热议"


def test_6_a_corridor_where_officials_are_interviewed_is_the_corridor():
    text = ("今年第二场“部长通道”3月8日上午开启，某部部长周强等几位部长在通道上回答了中外记者的采访。\n"
            "某部部长周强：\n去年全国新建5G基站60万个。\n")
    [event] = draft_article(text, year=2024).brief.events
    assert (event.kind, event.title) == ("ministers_corridor", "今年第二场“部长通道”")


@pytest.mark.parametrize("opening, kind", [("某办举行新聞釋出會", "news_conference"), ("某办召开政策吹风会", "news_conference"),
                                           ("致公党某省委会举办两会媒体见面会", "press_conference"),
                                           ("某部次長張明接受媒體聯訪", "interview"), ("某部负责人就乡村建设答记者问", "press_conference")])
def test_6_more_words_of_a_kind(opening, kind):
    text = f"12月4日，{opening}。\n某部副部长张明表示，今年新建学校30所。\n"
    assert draft_article(text, year=2024).brief.events[0].kind == kind


def test_6_a_reporting_trip_that_ends_at_a_press_meeting_is_that_meeting():
    text = ("6月9日，某办组织30余名记者赴某省采访。副省长周文涛出席中外记者见面会并介绍情况。\n"
            "周文涛表示，全省去年新建5G基站3万个。")
    [event] = draft_article(text, year=2025).brief.events
    assert (event.date, event.kind, event.title) == ("2025-06-09", "press_conference", "中外记者见面会")


def test_6_a_delegation_open_day_and_the_count_of_delegations_that_held_one():
    text = ("某社北京3月8日电 十二届全国人大五次会议代表团开放日观察\n"
            "全国人大代表、某省委书记孙立国说，今年已建成监察委员会12个。\n"
            "截至3月8日，已有26个代表团举办了开放日。")
    brief = draft_article(text).brief
    assert [(e.date, e.kind) for e in brief.events] == [("2017-03-08", "open_delegation_meeting")]
    assert [t.figure for t in brief.targets] == ["12个"]


def test_6_a_dated_happening_with_no_session_word_dates_the_event():
    text = ("某省代表团抵京\n"
            "十四届全国人大四次会议将于3月5日上午开幕，3月2日上午，某省代表团抵达北京。\n"
            "全国人大代表、某市市长孙立国说，今年要新建学校12所。")
    result = draft_article(text)
    [event] = result.brief.events
    assert (event.date, event.time, event.kind) == ("2026-03-02", "上午", "other")  # not the opening ahead
    assert "date" in event.review and any("2026-03-02" in note for note in result.notes)


def test_6_a_session_after_which_another_begins_is_a_time_not_the_event_and_a_birth_year_is_no_session_year():
    text = "新华社北京3月5日电 十四届全国人大三次会议开幕会结束后，“部长通道”开启。\n某部部长刘明远表示，新建公路5万公里。"
    assert [e.kind for e in draft_article(text).brief.events] == ["ministers_corridor"]
    born = "某报记者专访某村支书王立春。\n王立春生于1988年，他说，村里今年修路12公里。"
    assert draft_article(born).brief.events[0].date[:4] != "1988"


def test_6_a_photo_caption_dates_the_event_the_text_leaves_undated():
    text = ("“部长通道”之所以受关注，在于部长们答得坦率。\n"
            "某部部长张明表示，今年新增就业800万人。\n"
            "3月5日，某会议在北京开幕。图为部长通道现场。某社记者 王五 摄\n"
            "对外汇形势，某行副行长李华表示，外汇储备充足，达到3万亿美元。\n")
    brief = draft_article(text, year=2017).brief
    assert [(e.date, e.kind) for e in brief.events] == [("2017-03-05", "ministers_corridor")]
    filed = text.replace("3月5日，某会议", "资料图：3月5日，某会议")
    assert draft_article(filed, year=2017).brief.events[0].date == "2017-01-01"  # an old photo dates nothing


def test_6_the_present_day_is_no_date():
    text = ("发布时间：2024-12-01 10:00\n"
            "1月23日，某省人代会在省城开幕。省长张明作政府工作报告。\n"
            "“今日之某省，活力持续增强。”张明指出，全省完成重点任务120项。\n")
    brief = draft_article(text).brief
    assert brief.events[0].date == "2024-01-23"  # not the page's date: 今日之 is no 今日


def test_6_the_opening_lines_date_and_a_year_before_a_quarter():
    text = ("6月5日，时值芒种，某市举行新闻发布会。\n"
            "某市市长陈立群说，2025年前三季度全市生产总值增长5.3%。")
    [event] = draft_article(text).brief.events
    assert event.date == "2025-06-05"  # 2025年前三季度 is that year, not one before it


def test_6_the_year_from_a_session_number_written_after_the_body():
    brief = draft("6_session_body_first").brief  # 全國人大十三屆四次會議: 2021
    assert [str(e.date) for e in brief.events] == ["2021-03-11"]

def test_6_a_report_looking_back_on_a_year_it_tells_as_done_is_of_the_year_after():
    text = (PATTERNS / "6_year_told_as_past.txt").read_text(encoding="utf-8")
    assert [str(e.date) for e in draft_article(text).brief.events] == ["2018-01-22"]  # 2017年全年实现……，去年……
    ahead = text.replace("2017年全年实现", "展望2017年，将实现")  # a year ahead is the report's own
    assert [str(e.date) for e in draft_article(ahead).brief.events] == ["2017-01-22"]
    part = text.replace("2017年全年实现", "2017年1-2月实现了")  # a part of a year is told from inside it
    assert [str(e.date) for e in draft_article(part).brief.events] == ["2017-01-22"]

def test_6_a_session_named_before_its_date_takes_its_title_from_before_it():
    text = ("全国政协十四届三次会议新闻发布会3月3日下午举行，大会新闻发言人张明向中外媒体介绍有关情况。\n"
            "张明表示，去年新增提案5000件。\n")
    [event] = draft_article(text).brief.events
    assert (event.date, event.kind, event.title) == ("2025-03-03", "news_conference", "全国政协十四届三次会议新闻发布会")


def test_6_a_clause_that_names_no_session_keeps_its_verb_in_the_title():
    text = ("记者会现场（某社 王五摄） 某社香港2月26日电（记者 王五）全国两会即将在北京召开。"
            "多位港区全国人大代表26日举行记者会，介绍今年的建议。\n"
            "港区全国人大代表张明表示，今年将提出建议12项。\n")
    [event] = draft_article(text, year=2026).brief.events
    assert (event.date, event.kind) == ("2026-02-26", "press_conference")
    assert "即将" not in event.title or "召开" in event.title  # never a title that lost its verb (全国两会即将)


def test_6_meeting_the_press_after_the_closing_is_a_press_conference():
    text = ("十四届全国人大三次会议3月11日闭幕，多位港区全国人大代表于闭幕会后见记者。\n"
            "港区全国人大代表团团长张明表示，代表们共提交建议146项。各位代表还在网上与市民交流了两个多小时。\n")
    [event] = draft_article(text).brief.events
    assert (event.date, event.kind) == ("2025-03-11", "press_conference")
    today = text.replace("3月11日闭幕", "今日（11日）闭幕")  # no month written: the congress meets in March
    assert [(e.date, e.kind) for e in draft_article(today).brief.events] == [("2025-03-11", "press_conference")]


@pytest.mark.parametrize("text, title", [
    ("某省代表团今日（7日）举行全体会议，省长张明表示，今年新建学校20所。", "某省代表团全体会议"),  # no ） left
    ("某省代表团3月9日晚在驻地举行第二场新闻发布会，省长张明表示，今年新建学校20所。", "第二场新闻发布会"),
    ("某市3月9日举行了主题新闻发布会，市长张明表示，今年新建学校20所。", "主题新闻发布会"),  # not 了…
    ("某部今天（3月9日）举行例行记者会，发言人张明表示，今年新建学校20所。", "例行记者会"),
    ("大家好！欢迎关注3月5日首场「部长通道」。\n某部部长张明表示，今年新建学校20所。", "首场「部长通道」"),
    ("某办于2022年6月12日（星期日）下午3时在某办发布厅举行新闻发布会，局长张明表示，今年新建学校20所。",
     "某办新闻发布会"),  # no 于 left, nor the hall
    ("某办8月30日上午在新闻发布厅举行新闻发布会，局长张明表示，今年新建学校20所。", "某办新闻发布会"),
    ("某部发言人张明15日说，今年新建学校20所。\n她是在某部召开的例行新闻发布会上作出上述表述的。", "某部例行新闻发布会"),
])
def test_6_a_title_leaves_out_times_brackets_and_marks_a_date_left_and_keeps_its_closing_quote(text, title):
    assert draft_article(text, year=2022).brief.events[0].title == title


def test_6_a_title_found_with_no_date_keeps_the_closing_quote_of_its_kind_word():
    text = "大家上午好，十四届全国人大二次会议第二场“部长通道”采访活动现在开始。\n某部部长张明表示，今年新建学校20所。\n"
    assert draft_article(text).brief.events[0].title == "十四届全国人大二次会议第二场“部长通道”"


# --- 7. figures --------------------------------------------------------------------------------------

def test_7_qualifiers_ranges_shared_units_and_chinese_decimals():
    got = figures(draft("7_figures", year=2026).brief)
    assert got["4万多"][1:4] == (40000, "人", "over")  # unit from the noun (员工)
    assert got["首破1000亿元"][3] == "over" and got["迈上1200亿元"][3] == "at_least"
    assert got["约占全球1/3"][1:4] == (Fraction(1, 3), "fraction", "approx")
    assert got["6600至7200台"][1] == 6600
    assert got["8.2"][1:3] == (Decimal("8.2"), "百分点")  # 8.2、5.0个百分点: the unit in its base form
    assert got["百分之二十三点六"][1:3] == (Decimal("23.6"), "%")
    assert got["突破三百亿元"][0] == "于海洋"


def test_7_the_first_of_three_figures_that_share_a_unit_takes_it_too():
    text = "3月5日，某局局长张明表示，东区、西区和北区房价分别回落0.3、0.5和0.7个百分点。\n"
    units = {t.figure: t.unit for t in draft_article(text, year=2024).brief.targets}
    assert units == {"0.3": "百分点", "0.5": "百分点", "0.7个百分点": "百分点"}


def test_7_an_estimate_in_neighbouring_digits_is_a_range_and_nominal_is_not_people():
    text = "某部部长张明说，当年GDP增量有六七万亿就可以了，今年要有九万亿名义GDP的增量，两三个省已达标。"
    got = figures(draft_article(text, year=2022).brief)
    assert got["六七万亿"][1:4] == (6 * 10**12, "元", "approx")  # 元: money is spoken of
    assert got["九万亿"][1] == 9 * 10**12 and "九万亿名" not in got  # 名义 is nominal, not 名 people
    assert got["两三个"][1:4] == (2, "个", "approx")


def test_7_a_time_and_a_half_is_read_whole():
    text = "大会新闻发言人张明介绍，本次会议为期7天半，记者会将持续两个半小时。"
    got = figures(draft_article(text, year=2023).brief)
    assert got["7天半"][1:3] == (Decimal("7.5"), "天") and got["两个半小时"][1:3] == (Decimal("2.5"), "小时")


def test_7_a_threshold_passed_with_le_and_a_name_before_zuo():
    text = ("某市市长林海作政府工作报告。\n"
            "林海说，机场旅客吞吐量突破了1000万人次，集装箱达到53万标箱。")
    brief = draft_article(text, year=2009).brief
    got = figures(brief)
    assert got["突破了1000万人次"][1:4] == (10000000, "人次", "over") and got["53万标箱"][2] == "标箱"
    assert [(d.name, d.role) for d in brief.delegates] == [("林海", "某市市长")]  # not 林海作


def test_7_what_the_work_report_says_is_not_the_deputy_s_and_a_round_amount_after_a_qualifier_is_one():
    text = ("记者与我市的全国人大代表连线，他们表示倍感振奋。\n"
            "政府工作报告指出，去年国内生产总值达到114万亿元。全国人大代表、某站副站长冯玉宝认为，成绩实属不易，"
            "全省交通欠债已达近百亿。")
    brief = draft_article(text, year=2022).brief
    assert [d.name for d in brief.delegates] == ["冯玉宝"]  # not 连线, a video call
    got = figures(brief)
    assert "114万亿元" not in got  # the report's figure
    assert got["近百亿"][1:4] == (10**10, "元", "nearly")


def test_7_a_short_quoted_sentence_is_speech_not_a_name():
    text = "全国人大代表、某县县长田野被问到修路的事，他给出答案：“今年修村道120公里。”他说，“百千工程”已推进。"
    got = figures(draft_article(text, year=2025).brief)
    assert got["120公里"][:3] == ("田野", 120, "公里")
    assert not any("百千" in t for t in got)  # a quoted name with a number in it stays a name


def test_7_the_count_of_the_points_that_follow_is_not_a_figure():
    text = "某省省长高远说，办法主要是两条，一是稳就业，二是兴产业，今年新增就业60万人。"
    got = figures(draft_article(text, year=2025).brief)
    assert set(got) == {"60万人"}
    essays = "某市市长高远说，今年要写好三篇文章。一是引进企业，二是新建园区3个。今年新建学校8所。一是小学，二是中学。"
    assert set(figures(draft_article(essays, year=2025).brief)) == {"3个", "8所"}  # 三篇文章 is the count of the points


def test_7_what_is_not_a_speakers_figure_is_left_out():
    brief = draft("7_figures", year=2026).brief
    texts = set(figures(brief))
    assert "6%" not in texts  # in the reporter's question
    assert not {"42亿美元", "120个", "6位", "两个"} & texts  # a conversion, 数据显示, a narration count, a list's count
    assert not any("第二" in t or "3轴" in t or "2012" in t for t in texts)  # a rank, a name with numbers, a year
    double = next(t for t in brief.targets if t.figure == "两倍")
    assert double.horizon is None  # 较2012年 is the base of the comparison, not its period


def test_7_years_ago_as_the_base_of_a_comparison_is_no_horizon_and_alone_is():
    text = "3月5日，某市市长张明表示，全市生产总值比十年前翻了一番多，10年前只有200家企业。\n"
    horizons = {t.figure: t.horizon for t in draft_article(text, year=2026).brief.targets}
    assert horizons == {"翻了一番多": None, "200家": "10年前"}


def test_7_a_bare_number_where_a_change_from_a_figure_ends_takes_its_unit():
    text = "3月5日，部长通道开启。\n某部部长周立新表示，十年间全市PM2.5浓度从60.2微克每立方米降到了31.4，年均增长不到5。"
    found = figures(draft_article(text, year=2025).brief)
    assert found["31.4"][1:3] == (Decimal("31.4"), "微克/立方米")
    assert "5" not in found  # a bare number after no change from a figure stays out


def test_7_a_bare_number_where_a_change_to_a_figure_starts_takes_its_unit():
    text = ("3月5日，部长通道开启。\n"
            "全国人大代表张明建议，学生餐补由4000改为6000元，补贴从90提高到150元，上限从2.5提高到4万元。\n")
    found = figures(draft_article(text, year=2025).brief)
    assert found["4000"][1:3] == (4000, "元") and found["90"][1:3] == (90, "元")
    assert "2.5" not in found  # 2.5 of what magnitude: 4万元 does not say


def test_7_thousands_separators_and_a_threshold_broken():
    text = "3月5日，部长通道开启。\n某部部长周立新表示，新增就业1,254万人，全年产值破万亿元，打破10项纪录。"
    found = figures(draft_article(text, year=2025).brief)
    assert found["1,254万人"][1:4] == (12540000, "人", "exact")
    assert found["破万亿元"][1:4] == (10 ** 12, "元", "over") and found["10项"][3] == "exact"
    doubled = figures(draft_article(text.replace("打破10项纪录", "出口增长了一倍"), year=2025).brief)
    assert doubled["一倍"][1:3] == (1, "倍")  # a multiple, not the indefinite 一 of 一批


def test_7_the_count_of_members_who_spoke_is_the_reports_not_a_speakers_figure():
    text = ("3月7日，全国政协会议举行大会发言。\n"
            "全国政协委员林川表示，今年新建实验室12个。本次会议上有32名委员发言。\n")
    assert set(figures(draft_article(text, year=2024).brief)) == {"12个"}
    heads = text.replace("本次会议上有32名委员发言", "今年的通道共有6位部委“一把手”亮相")
    assert set(figures(draft_article(heads, year=2024).brief)) == {"12个"}  # the heads of ministries who came


def test_7_how_long_the_event_took_and_how_many_questions_were_answered_are_the_reports():
    text = ("3月15日，某会议举行记者会。\n"
            "在约两个小时的记者会上，张明总理共回答了17个中外记者的提问。张明说，今年新增就业1100万人。\n")
    assert set(figures(draft_article(text, year=2024).brief)) == {"1100万人"}


def test_7_more_than_a_magnitude_with_no_unit_written():
    text = "3月5日，某市召开新闻发布会。\n副市长张明表示，全市投资将超过2000多亿，新建项目总投资190多亿，带动就业3万多。"
    found = figures(draft_article(text, year=2025).brief)
    assert found["超过2000多亿"][1:4] == (2 * 10 ** 11, "元", "over")  # money spoken of: 元, marked for review
    assert found["190多亿"][1:4] == (19 * 10 ** 9, "元", "over") and found["3万多"][1:2] == (30000,)


def test_7_an_amount_someone_takes_in_earns_or_spends_with_no_unit_is_money():
    text = ("3月6日，某省代表团举行全体会议。\n"
            "省委书记张明说，某局收表格的科员，5年就收了1200多万；有的中介一年赚300多万。某校今年招收1000多万。")
    found = figures(draft_article(text, year=2025).brief)
    assert found["1200多万"][1:3] == (12 * 10 ** 6, "元") and found["300多万"][2] == "元"
    assert found["1000多万"][2] == "个"  # 招收: who is taken in, not money


def test_7_the_reports_counts_ages_other_bodies_and_questions_are_not_a_speakers_figures():
    text = ("3月9日，部长通道开启，40多家中外媒体到场，6位部长回答了12个问题。\n"
            "63岁的某部部长刘明远表示，今年出口增长7.1%，比上年高0.7和0.5个百分点，新增135种产品，发布会开了1个多小时。"
            "统计数据显示，前三季度进出口增长4.2%。据世贸组织预测，全球贸易增长2.6%。"
            "有记者问：“3%的增速您满意吗？”\n"
            "刘明远表示，今年出口增长7.1%。")
    found = figures(draft_article(text, year=2025).brief)
    assert set(found) == {"7.1%", "0.7", "0.5个百分点", "135种", "1个多小时"}
    assert found["0.7"][2] == "百分点" and found["1个多小时"][2:4] == ("小时", "over")
    brief = draft_article(text, year=2025).brief
    assert [t.figure for t in brief.targets].count("7.1%") == 1  # said twice, one figure


def test_7_a_count_said_again_after_a_demonstrative_or_a_pronoun_is_one_figure():
    text = ("3月5日，某省代表团举行全体会议。\n"
            "全国人大代表、某村党支部书记张明说，全省有8名乡村教师当选代表。“成为这8名代表中的一员，我很自豪。"
            "我们8个人中有5位来自农村。这3个项目投资5亿元。”")
    brief = draft_article(text, year=2025).brief
    assert [t.figure for t in brief.targets] == ["8名", "5位", "3个", "5亿元"]  # 这3个: no 3 given before


def test_7_outlets_listed_by_level_before_they_gather_are_the_reports_count():
    text = ("发布会上，某区委书记张明介绍，全区工业年产值近900亿元。"
            "当天，新华社、人民网等21家中央、省、市三级媒体记者齐聚发布会现场。\n")
    assert set(figures(draft_article(text, year=2025).brief)) == {"近900亿元"}


def test_7_a_claim_the_speaker_answers_quoted_is_not_the_speakers():
    text = ("11月13日，某部召开例行新闻发布会。\n"
            "某部新闻发言人张明表示，针对“某国已经同意今后从我国每年至少购买300万吨大豆”的传闻，已作回应；今年进口增长5%。\n")
    assert set(figures(draft_article(text, year=2025).brief)) == {"5%"}


def test_7_a_period_said_per_year_is_no_figure():
    text = "3月5日，某省代表团举行全体会议。\n省长张明说，未来三年每年新建学校20所。\n"
    assert set(figures(draft_article(text, year=2025).brief)) == {"20所"}


def test_7_an_indefinite_count_is_no_figure():
    text = "3月5日，某省代表团举行全体会议。\n省长张明说，全场响起几十次掌声，数十个项目已开工，全省共有5个园区。\n"
    assert set(figures(draft_article(text, year=2025).brief)) == {"5个"}  # not 十次 nor 十个


def test_7_a_figure_a_heading_gives_and_the_body_says_again_is_one_figure():
    text = ("3月5日，部长通道开启。\n"
            "某部部长张明：\n"
            "网费三年降了八成\n"
            "某部部长张明表示，三年来网费降低了八成，新建基站120万个。\n")
    brief = draft_article(text, year=2025).brief
    assert [(t.figure, t.paragraph) for t in brief.targets] == [("八成", 4), ("120万个", 4)]
    lead = ("5月29日，某办请某室主任吴强解读报告修改情况。\n"
            "【规划调整56处】吴强说，这次规划一共调整了56处，其中民生部分20处。\n")
    assert [t.figure for t in draft_article(lead, year=2025).brief.targets] == ["56处", "20处"]


def test_7_the_publics_words_a_speaker_passes_on_are_not_the_speakers_figures():
    text = ("3月5日，十四届全国人大三次会议开幕。\n"
            "全国人大代表、某村党支部书记张明告诉记者，来北京前，乡亲们纷纷找他。村民们说，种粮补贴偏低，一年少收3000元。"
            "“一亩地才补贴50元，化肥一袋就要200元。”张明说，他今年建议把补贴提高到每亩100元。\n")
    got = figures(draft_article(text, year=2025).brief)
    assert set(got) == {"100元"} and got["100元"][0] == "张明"  # not the villagers' 3000元, 50元, 200元
    own = text.replace("村民们说", "他说")
    assert set(figures(draft_article(own, year=2025).brief)) == {"3000元", "50元", "200元", "100元"}


def test_7_the_reporters_who_sat_in_and_the_media_counted_after_the_noun_are_the_reports():
    assert sorted(figures(draft("7_reporters_counted", year=2024).brief)) == ["5万人"]  # not 120名记者旁听, 境外媒体12家

def test_7_the_currencies_of_hong_kong_macau_and_taiwan_are_units_and_keep_the_thousands():
    found = figures(draft("7_currencies_of_hong_kong_macau_taiwan", year=2026).brief)
    assert found["4,180亿澳门元"][1:4] == (418000000000, "澳门元", "exact")  # not 180亿 of 元
    assert found["超过6,630亿澳门币"][2] == "澳门币" and found["约300亿港币"][2:4] == ("港币", "approx")

def test_7_a_magnitude_with_its_last_unit_left_unsaid_keeps_the_digit_after_it():
    text = ("3月5日，某省代表团举行全体会议。\n"
            "全国人大代表、某村党支部书记张明说，全村人均年收入从一万二涨到了三万五，合作社去年分红两千三百万，"
            "村里种了一百七个大棚，今年投资再加一亿二千万。\n")
    got = figures(draft_article(text, year=2025).brief)
    assert {k: v[1] for k, v in got.items()} == {  # 三万五 is 35000 (三万 and a 5 in the next lower place), not 30000
        "一万二": 12000, "三万五": 35000, "两千三百万": 23000000, "一百七个": 170, "一亿二千万": 120000000}
    assert got["一万二"][2] == got["三万五"][2] == "元"  # what someone takes in, with no unit written
    each = "3月5日，某省代表团举行全体会议。\n省长张明说，技术工人工资三万一个月，一亿一个的项目有5个。\n"
    got = figures(draft_article(each, year=2025).brief)
    assert got["三万"][1] == 30000 and got["一亿"][1] == 10 ** 8  # 一 before a word is its article: not 31000个月


def test_7_a_per_head_amount_with_no_unit_is_money_and_the_people_before_it_are_its_base():
    text = ("3月5日，某省代表团举行全体会议。\n"
            "全国人大代表、某镇党委书记张明说，村民人均年收入一万二，职工人均月工资1.1万，"
            "居民人均消费支出1.2万；全镇人口2.1万，合作社吸纳村民300多万。\n")
    got = figures(draft_article(text, year=2025).brief)
    assert (got["一万二"][2], got["1.1万"][2], got["1.2万"][2]) == ("元", "元", "元")  # per head: not people counted
    assert got["2.1万"][2] == got["300多万"][2] == "人"  # a count of people is still one


def test_7_a_count_of_a_named_meeting_is_no_figure_and_meetings_held_are():
    text = ("7月19日，某省举行新闻发布会。\n"
            "省长张明介绍，这里是两次东山会议召开地，也是三次南岭会议的旧址。"
            "去年省政府召开了12次常务会议，全年3次党组会议研究生态，开了两次座谈会。\n")
    assert [t.figure for t in draft_article(text, year=2025).brief.targets] == ["12次", "3次", "两次"]  # 两次座谈会 only


def test_7_a_count_that_points_back_to_the_places_just_named_is_no_figure():
    text = ("3月5日，某省代表团举行全体会议。\n"
            "全国人大代表张明表示，东港及西湾的码头吞吐量去年创新高，但两个内地码头都要排队；"
            "北岭、南岭和中岭的园区产值增长8%，三个园区新增企业40家。全省新建两个码头。\n")
    assert [t.figure for t in draft_article(text, year=2025).brief.targets] == ["8%", "40家", "两个"]


def test_7_the_reports_own_counts_are_no_figures_when_no_speaker_is_named():
    text = ("3月10日，第三场“委员通道”开启。\n"
            "据某网记者统计，今年两场通道共有31名委员回答了提问，分别来自12个不同的界别。\n"
            "某网注意到，前年走上通道的委员比今年少，共有25位。\n"
            "全省今年新建学校20所。\n")
    assert set(figures(draft_article(text, year=2021).brief)) == {"20所"}
    said = "3月10日，委员通道开启。\n全国政协委员林川表示，今年新建实验室12个，委员们来自34个界别。\n"
    assert set(figures(draft_article(said, year=2021).brief)) == {"12个"}


def test_7_a_paragraph_of_a_bodys_statistics_after_a_speaker_is_the_reports_not_theirs():
    text = ("4月12日，某局举行新闻发布会。\n"
            "某局新闻发言人张明表示，一季度港口运行平稳，集装箱吞吐量增长5%。\n"
            "据某局统计，一季度港口货物吞吐量42亿吨。其中，外贸货物11亿吨。\n"
            "他表示，二季度将新开航线8条。\n")
    assert set(figures(draft_article(text, year=2024).brief)) == {"5%", "8条"}
    own = text.replace("据某局统计，", "")  # the same paragraph with no source stated carries on the speaker
    assert set(figures(draft_article(own, year=2024).brief)) == {"5%", "42亿吨", "11亿吨", "8条"}


def test_7_a_year_gone_by_and_a_plan_named_as_a_thing_make_no_goal_nor_plan():
    text = ("10月17日，某会议新闻中心举行记者招待会。\n"
            "某委副主任张明介绍，从2012年到2021年，全省货运量从3.2亿吨增长到6.5亿吨；"
            "某省高新区由1992年的5家发展到20家，我们实施了大科学计划，新建平台30个。"
            "143件建议中，综合计划类18件。今年计划投资500亿元，到2027年将达到1000亿元。\n")
    kinds = {t.figure: t.kind for t in draft_article(text, year=2022).brief.targets}
    assert kinds == {"3.2亿吨": "achieved", "6.5亿吨": "achieved", "5家": "achieved", "20家": "achieved",
                     "30个": "achieved", "143件": "achieved", "18件": "achieved", "500亿元": "plan", "1000亿元": "goal"}


def test_7_a_rank_written_without_di_is_no_figure():
    text = ("11月7日，某市召开新闻发布会。\n"
            "县长张明介绍，县里营商环境排名从全省96位跃升至41位，前进5个位次，新增企业300家，引进8位博士。\n")
    assert set(figures(draft_article(text, year=2019).brief)) == {"300家", "8位"}


def test_7_digits_of_a_growth_rate_are_no_people():
    text = "6月18日，某办举行新闻发布会。\n某委副主任张明介绍，新能源装备订单保持两位数增长，快于全部订单6.2个百分点。\n"
    assert set(figures(draft_article(text, year=2024).brief)) == {"6.2个百分点"}  # 两位数: double digits, not two people


def test_7_a_span_of_time_up_to_now_is_a_period_and_quarters_in_a_row_are_counted():
    text = ("4月13日，某办举行新闻发布会。\n"
            "某局副局长张明介绍，一季度客流增长12.4%，增速创5个季度以来新高，已连续4个季度保持增长，"
            "二季度预计增长8%，这10多天来新增企业300家。\n")
    got = {t.figure: (t.value, t.unit) for t in draft_article(text, year=2022).brief.targets}
    assert got == {"12.4%": (Decimal("12.4"), "%"), "4个季度": (4, "季度"), "8%": (8, "%"), "300家": (300, "家")}


def test_7_people_of_a_region_travellers_and_doses_with_no_unit_of_their_own():
    text = ("3月7日，某会议举行记者会。\n"
            "某区主席张明表示，我代表全区3000多万各族人民欢迎大家；预计有超过60万外地旅客来访，"
            "对岸1000万同胞都会受益；我们已提供近2亿剂疫苗。\n")
    got = {t.figure: (t.value, t.unit) for t in draft_article(text, year=2022).brief.targets}
    assert got == {"3000多万": (30000000, "人"), "超过60万": (600000, "人"), "1000万": (10000000, "人"),
                   "近2亿剂": (200000000, "剂")}


def test_7_a_qualifier_before_a_rate_qualifies_the_figure_after_it():
    text = ("3月5日，某省代表团举行全体会议。\n"
            "某省交通运输厅厅长张明说，新建农村公路约每公里200万元，高标准农田近每亩3000元，补贴大约每人每年1200元。\n")
    got = {t.figure: t for t in draft_article(text, year=2025).brief.targets}
    read = sorted((t.value, t.qualifier) for t in got.values())
    assert read == [(1200, "approx"), (3000, "nearly"), (2000000, "approx")]
    assert all(t.unit == "元" and t.qualitative for t in got.values())  # the words between are kept with it


def test_7_the_count_of_members_who_came_out_or_answered_at_the_event_is_the_reports():
    text = ("3月10日，第三场“委员通道”开启。\n"
            "全国政协委员林川表示，今年新建实验室12个。今年共有31名委员回答了记者提问，去年有25名委员走上通道，"
            "首场有9名代表亮相。\n")
    assert set(figures(draft_article(text, year=2024).brief)) == {"12个"}
    elected = "全国政协委员林川表示，全省有8名乡村教师当选代表，新增委员工作站30名委员参与。\n"
    assert set(figures(draft_article(elected, year=2024).brief)) == {"8名", "30名"}  # the speaker's counts


# --- 8. input as pasted ------------------------------------------------------------------------------

def test_8_ascii_punctuation_traditional_text_and_page_chrome():
    assert widen_punctuation("代表,浙江省宁波市:(20)17年,1,500人 20:16") == "代表，浙江省宁波市：（20）17年，1,500人 20:16"
    text = (PATTERNS / "8_pasted.txt").read_text(encoding="utf-8")
    article = clean(text)
    assert not any("首頁" in p or "更多" in p or "林某" in p or ".jpg" in p or "攝" in p for p in article.paragraphs)
    result = draft_article(text)
    assert result.brief.source.published == "2024-03-06"
    [delegate] = result.brief.delegates
    assert delegate.name == "蔣文斌" and delegate.role == "全國人大代表、西港集團董事長"  # as written
    got = figures(result.brief)
    assert got["1.2兆元"][1:3] == (1200000000000, "元") and got["超過3萬人"][1:4] == (30000, "人", "over")


def test_8_a_caption_credited_to_outlets_and_a_photographer_is_set_aside_with_the_host_it_names():
    text = ("某省召开新闻发布会\n"
            "3月2日，某省政府新闻发布会举行，某省发改委主任李华介绍情况。图为发布会主持人、某省新闻办副主任张敬安介绍出席嘉宾。"
            "东方网/南方新闻网 陈杰 摄\n"
            "某省发改委主任李华表示，今年新开工项目300个。\n")
    brief = draft_article(text, year=2024).brief
    assert [d.name for d in brief.delegates] == ["李华"]  # not the host the caption names
    assert figures(brief)["300个"][0] == "李华"


def test_8_a_caption_with_the_photographer_named_after_sheying_is_set_aside():
    text = ("某局新闻发言人、某司司长张明 摄影王五\n"
            "某网讯 记者王五 15日上午，某办举行新闻发布会。某局新闻发言人张明出席发布会。\n"
            "张明介绍，一季度全国生产总值增长6.7%。\n")
    brief = draft_article(text, year=2016).brief
    assert brief.title != "某局新闻发言人、某司司长张明 摄影王五" and "王五" not in [d.name for d in brief.delegates]
    assert figures(brief)["6.7%"][0] == "张明"
    assert "摄影：王五" not in draft_article("张明在现场。摄影：王五\n" + text, year=2016).brief.title


def test_8_a_variant_form_the_conversion_table_leaves_is_read_as_simplified():
    text = "3月6日，陜西代表團審議政府工作報告時，省長張明說，全省新增企業3000家。\n"
    assert delegates(draft_article(text, year=2024).brief)["張明"].organization == "陕西省"


def test_8_pinyin_readings_copied_from_ruby_annotations_are_dropped():
    from cybrief.draft.clean import normalize_line

    assert normalize_line("工業(yè)和信息化部部長 金壯龍(lóng):") == "工業和信息化部部長 金壯龍:"
    assert normalize_line("人工智能(AI)与算力(suanli)、网络（wǎng）") == "人工智能(AI)与算力(suanli)、网络"
    assert normalize_line("大會(huì )新聞發(fā )言人") == "大會新聞發言人"  # a space left inside the brackets
    assert normalize_line("十四屆三次會(huì )議新聞發(fā )布會(huì)") == "十四屆三次會議新聞發布會"  # a space left inside the brackets
    [delegate] = draft_article("交通運(yùn)輸部部長 李明(míng)表示，今年將新建高速公路5000公里。", year=2024).brief.delegates
    assert (delegate.name, delegate.role) == ("李明", "交通運輸部部長")


def test_8_html_left_in_the_text_and_an_agency_caption_are_set_aside():
    from cybrief.draft.clean import normalize_line

    assert normalize_line("他说，<b>今年</b>将新建5座电站。<a target='_blank' href='http://x.cn/'><p align=") == "他说，今年将新建5座电站。"
    assert normalize_line("增速<5%的行业") == "增速<5%的行业"  # a comparison is not a tag
    text = (
        "文章来源：某某网 发布时间：2021-03-09 08:12 作者：某某\n"
        "3月5日，十三届全国人大四次会议举行首场部长通道采访活动。图为某某部部长赵一接受采访。<a href='http://x.cn/'>\n"
        "某某部部长钱二表示，今年将新建高速公路5000公里。\n"
    )
    article = clean(text)
    assert [p[:4] for p in article.captions] == ["3月5日"] and len(article.paragraphs) == 1
    result = draft_article(text)
    assert [d.name for d in result.brief.delegates] == ["钱二"]  # the person in the photo is not a speaker
    assert result.brief.source.published == "2021-03-09" and result.brief.source.outlet == "某某网"
    without_the_page_line = draft_article(text.split("\n", 1)[1])
    assert without_the_page_line.brief.events[0].date.startswith("2021-")  # the session named in the caption


def test_8_a_space_left_by_a_line_wrap_inside_a_role_is_dropped_and_a_title_keeps_only_the_session():
    text = ("某社北京8月1日电(记者 某某)在8月1日举行的国家发展改革委新闻发布会上,国家发展改 革委某司司长周晨阳表示,"
            "上半年GDP同比增长5.3%。")
    brief = draft_article(text).brief
    assert brief.delegates[0].role == "国家发展改革委某司司长"
    assert [(e.date, e.title) for e in brief.events] == [(f"{brief.events[0].date[:4]}-08-01", "国家发展改革委新闻发布会")]


def test_8_names_in_quotes_before_a_comma_and_a_list_of_guests_after_it():
    # 「甲」之「乙」交流会，由本会某会长、某副会长……: reading back over the quoted names ends at the paragraph's start
    brief = draft("8_quoted_names_before_a_list", year=2024).brief
    assert delegates(brief)["张立新"].role == "全国政协委员、东岭市工商联会长"
    assert figures(brief)["1200亿元"][0] == "张立新"

def test_8_buttons_a_page_footer_and_what_a_page_shows_while_loading_are_page_chrome():
    brief = draft("8_page_buttons_and_footer", year=2024).brief
    [event] = brief.events
    assert event.title.startswith("东岭代表团") and str(event.date) == "2024-03-08"
    kept = clean((PATTERNS / "8_page_buttons_and_footer.txt").read_text(encoding="utf-8")).paragraphs
    assert kept[0].startswith("3月8日") and not any("版权" in p or "打印" in p for p in kept)
    crumb = clean("某某网 正文\n3月8日，某省代表团举行全体会议。\n").paragraphs
    assert crumb == ["3月8日，某省代表团举行全体会议。"]  # the last of a page's breadcrumbs
    above = clean("移动版\n某某搜索\n某局负责人谈上半年物价走势\n3月8日，某局举行发布会。\n")
    assert above.title == "某局负责人谈上半年物价走势"  # a site's name and a menu's word above the headline
    menu = clean("首 页 新闻动态 图片 视频 专栏\n某省政协委员热议报告\n3月8日，某省政协举行会议。\n")
    assert menu.title == "某省政协委员热议报告"  # a menu with 首页 spaced out
    assert clean("张明代表：\n多修几条村道\n村里今年新修道路12公里。\n").title == ""  # a label, no headline
    ended = clean("4月11日，某局举行发布会。\n某局副局长冯亮介绍，一季度支出320亿元。（完）\n声明：转载的资讯。两家车企买了船。\n")
    assert ended.paragraphs[-1] == "某局副局长冯亮介绍，一季度支出320亿元。" and len(ended.paragraphs) == 2  # （完）ends it

@pytest.mark.parametrize("stamp", ["2023年03月07日 15:35 | 来源：东岭日报", "2023年03月07日15:35 ｜ 来源：东岭日报",
                                   "2023年3月7日 15:35 来源：东岭日报", "2023年03月07日 15:35:20｜东岭日报"])
def test_8_a_date_line_with_a_time_and_a_source_is_the_pages(stamp):
    text = ("代表建议加快农村公路建设\n"
            f"{stamp}\n"
            "3月6日，某省代表团举行全体会议。\n"
            "全国人大代表、某县县长张明表示，今年新建农村公路500公里。\n")
    article = clean(text)
    assert article.title == "代表建议加快农村公路建设" and not any(stamp in p for p in article.paragraphs)
    source = draft_article(text).brief.source
    assert source.published == "2023-03-07" and source.outlet == ("东岭日报" if "来源" in stamp else "（待补充）")


def test_8_a_row_of_a_portals_sections_is_page_chrome_not_the_title():
    text = ("首页 新闻 要闻 两会 专题\n"
            "代表建议加快农村公路建设\n"
            "3月6日，某省代表团举行全体会议。\n"
            "全国人大代表、某县县长张明表示，今年新建农村公路500公里。\n")
    assert clean(text).title == "代表建议加快农村公路建设"
    assert clean(text.replace(" ", " | ", 2)).title == "代表建议加快农村公路建设"
    for lost in (" ? ", "  ?  ", " › ", " / "):  # a breadcrumb whose arrows a copy lost or printed otherwise
        assert clean(f"首頁{lost}財經{lost}經濟觀察\n" + text.split("\n", 1)[1]).title == "代表建议加快农村公路建设"
    names = "张明 李华 王强 赵刚\n3月6日，某省代表团举行全体会议。\n"
    assert clean(names).paragraphs[0] == "张明 李华 王强 赵刚"  # a row of names names no section: not chrome


def test_8_a_source_line_run_on_into_its_time_stamp_names_the_outlet_without_the_stamp():
    text = ("代表建议加快农村公路建设\n"
            "来源：东岭网2024-03-08 15:02\n"
            "3月8日，某省代表团举行全体会议。\n"
            "全国人大代表、某县县长张明表示，今年新建农村公路500公里。\n")
    source = draft_article(text).brief.source
    assert (source.outlet, source.published) == ("东岭网", "2024-03-08")
    assert draft_article(text.replace("东岭网", "21世纪经济报道")).brief.source.outlet == "21世纪经济报道"


def test_8_a_share_widget_and_the_line_naming_what_is_being_read_are_page_chrome():
    text = ("点击右上角微信好友\n朋友圈\n请使用浏览器分享功能进行分享\n"
            "正在阅读：某部部长答记者问：今年新建基站60万个\n"
            "某部部长答记者问：今年新建基站60万个\n"
            "3月8日，第二场“部长通道”集中采访活动举行。\n"
            "某部部长张明表示，今年新建基站60万个。\n"
            "阅读剩余全文（\n")
    article = clean(text)
    assert article.title == "某部部长答记者问：今年新建基站60万个"
    assert not any("右上角" in p or "朋友圈" in p or "正在阅读" in p or "剩余全文" in p for p in article.paragraphs)


def test_8_a_breadcrumb_carried_on_to_a_line_that_opens_with_its_arrow_is_page_chrome():
    text = ("当前位置：首页\n"
            "> 新闻资讯 > 新闻发布会\n"
            "省政府新闻办通报一季度经济运行情况\n"
            "4月24日下午，省政府新闻办召开发布会。\n"
            "省统计局局长张明介绍，一季度全省生产总值2000亿元。\n")
    assert clean(text).title == "省政府新闻办通报一季度经济运行情况"
    assert clean(text.replace("> 新闻资讯 > ", "» 新闻资讯 » ")).title == "省政府新闻办通报一季度经济运行情况"


def test_8_a_byline_left_first_once_the_captions_are_set_aside_is_no_title():
    text = ("3月5日，全国人大代表张明接受东岭网记者采访。东岭网记者 李华摄\n"
            "东岭网记者 王强 赵刚\n"
            "3月5日上午，十四届全国人大二次会议开幕。\n"
            "全国人大代表、某村党支部书记张明告诉记者，村里今年新建大棚120个。\n")
    article = clean(text)
    assert "记者" not in article.title and article.bylines == ["东岭网记者 王强 赵刚"]
    assert draft_article(text).brief.source.reporter == "王强、赵刚"
    assert clean(text.replace("东岭网记者 王强", "東嶺網記者 王強")).bylines == ["東嶺網記者 王強 赵刚"]  # as written


# --- 9. the source's own terms -----------------------------------------------------------------------

def test_8_the_english_of_a_bilingual_page_and_a_portals_statement_are_set_aside():
    text = ("某部举行吹风会\n"
            "3月5日，某部举行吹风会。\n"
            "The ministry held a briefing on March 5, the 14th such meeting this year.\n"
            "某部副部长钱宁：\n"
            "Qian Ning:\n"
            "今年新建学校120所。\n"
            "This year 120 schools were built.\n"
            "特别声明：本文由用户投稿，观点不代表本站立场。\n")
    article = clean(text)
    assert not any("The ministry" in p or "Qian" in p or "特别声明" in p for p in article.paragraphs)
    brief = draft_article(text, year=2025).brief
    assert [(d.name, d.role) for d in brief.delegates] == [("钱宁", "某部副部长")]
    assert [t.figure for t in brief.targets] == ["120所"]  # not 14th read as 14 t


def test_8_a_space_between_two_titles_of_a_label_line_stays():
    text = "7月1日，某区专场新闻发布会举行。\n某区委副书记 区长 张明：\n全区新开工项目45个。\n"
    brief = draft_article(text, year=2025).brief
    assert delegates(brief)["张明"].role == "某区委副书记 区长"


def test_8_a_role_and_a_name_in_square_brackets_label_a_turn():
    text = "3月13日，记者会举行。\n[某部部长 张明]媒体的朋友们好，今年出口增长7%。\n"
    brief = draft_article(text, year=2025).brief
    assert [(d.name, d.role, d.organization) for d in brief.delegates] == [("张明", "某部部长", "某部")]


def test_9_quoted_expressions_and_names_become_the_speakers_terms():
    [delegate] = draft("9_terms", year=2026).brief.delegates
    assert {"天枢", "星河算力园区", "智能制造三年行动", "AIPC", "星河科技公司"} <= set(delegate.terms)
    assert "terms" in delegate.review


# --- what comes out ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(p.stem for p in PATTERNS.glob("*.txt")))
def test_every_pattern_drafts_a_brief_that_loads_and_validates(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    done = run("draft", str(PATTERNS / f"{name}.txt"), "-o", "out.yaml", library=None)
    assert done.exit_code == 0, done.stderr
    assert run("validate", "out.yaml", library=None).exit_code == 0


def test_an_article_with_neither_speaker_nor_figure_exits_1_saying_what_it_looked_for(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("春天来了。\n河边的柳树发芽了，孩子们在放风筝。\n", encoding="utf-8")
    done = run("draft", "a.txt", "-o", "out.yaml", library=None)
    assert done.exit_code == 1 and "found no speaker and no figure: looked for" in done.stderr
    assert not (tmp_path / "out.yaml").exists()


def test_an_article_of_photo_captions_only_exits_1_saying_they_were_set_aside(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("3月5日，某市代表团举行开放日活动。图为代表张明在会上。新华社记者 李华 摄\n"
                                    "![](photo1.jpg)\n", encoding="utf-8")
    done = run("draft", "a.txt", "-o", "out.yaml", library=None)
    assert done.exit_code == 1 and "set aside as a caption" in done.stderr, done.stderr
    assert not (tmp_path / "out.yaml").exists()
    (tmp_path / "b.txt").write_text(" \n\n", encoding="utf-8")
    assert run("draft", "b.txt", "-o", "out.yaml", library=None).exit_code == 2  # nothing at all: a usage error


# --- long input --------------------------------------------------------------------------------------

# 2,000 different statements on one line (the same one said again is one figure: see build.py)
LONG_LINE = "3月7日，某代表团举行记者会。\n" + "".join(
    f"全国人大代表、某公司董事长张三表示，今年投资增长{i % 90 + 1}%，达到{i + 30}亿元，带动就业{i + 1200}人" for i in range(2000)) + "。"


def test_a_long_line_is_guessed_from_a_window_around_each_figure_not_the_whole_paragraph(monkeypatch):
    seen: list[int] = []
    real = guess.sector_of

    def watching(weighted):
        seen.append(max(len(text) for text, _ in weighted))
        return real(weighted)

    monkeypatch.setattr(guess, "sector_of", watching)
    result = draft_article(LONG_LINE, year=2026)
    assert len(result.brief.targets) == MAX_TARGETS and seen
    assert max(seen) <= 2 * guess.WINDOW + 20 < len(LONG_LINE) // 100  # never the 100 KB paragraph


def test_an_article_too_long_for_one_brief_is_drafted_in_part_and_still_loads_and_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "long.txt").write_text(LONG_LINE, encoding="utf-8")
    assert (tmp_path / "long.txt").stat().st_size > 200_000
    done = run("draft", "long.txt", "--year", "2026", "-o", "out.yaml", library=None)
    assert done.exit_code == 0, done.stderr
    assert f"drafted the first {MAX_TARGETS} of 6000 figures found, so that the draft loads" in done.stderr
    assert len(loads_brief((tmp_path / "out.yaml").read_text(encoding="utf-8")).targets) == MAX_TARGETS


# --- any text ----------------------------------------------------------------------------------------

_PIECES = list("张王李欧阳·说表示介绍：:“”「」『』，,。、（）()【】■—|12345.67890万亿兆元%个人代表委员部长局长记者年月日他是一二\n 　")


@given(st.lists(st.sampled_from(_PIECES), max_size=200).map("".join))
def test_any_text_drafts_a_brief_that_loads_or_says_why_not(text):
    try:
        result = draft_article(text, year=2026)
    except (NoMatch, UsageError):
        return
    assert loads_brief(result.yaml) == result.brief


def test_7_a_goal_in_traditional_characters_is_a_goal():
    text = "3月5日，某市副市長張明表示，今年投資將超過2000億元。計劃新建學校30所。去年新增就業5萬人。\n"
    kinds = {t.figure: t.kind for t in draft_article(text, year=2024).brief.targets}
    assert kinds == {"超過2000億元": "goal", "30所": "plan", "5萬人": "achieved"}


def test_4_when_a_post_was_taken_is_no_name_after_the_membership():
    text = "3月5日，某会议召开。\n林川担任政协委员以来对基层很熟悉，他提出了4项建议。\n"
    assert "以来" not in [d.name for d in draft_article(text, year=2024).brief.delegates]


def test_6_the_day_a_run_of_sessions_began_is_no_session():
    text = ("5月16日，某市举行疫情防控新闻发布会。\n"
            "市卫健委主任张明介绍，从2020年1月24日至今，发布会已举办400场，今年新增病例12例。\n")
    assert [e.date for e in draft_article(text, year=2024).brief.events] == ["2024-05-16"]


def test_3_a_numbered_subheading_stands_alone_and_stops_the_speaker_before_it():
    text = ("4月17日，某局举行一季度经济运行情况发布会。\n"
            "某局新闻发言人张明表示，一季度经济开局平稳。\n"
            "2、就业总体稳定\n"
            "某局发布的数据显示，一季度城镇新增就业300万人，比上年多20万人。\n")
    brief = draft_article(text, year=2024).brief
    assert [t.figure for t in brief.targets] == []  # the figures under the subheading are the bureau's data
    assert clean(text).paragraphs[2] == "2、就业总体稳定"  # not run on into the paragraph under it


@pytest.mark.parametrize("lead, date, title", [
    ("新闻汇总 2023-08-30\n某省人社厅22日举行新闻发布会，", "2023-08-22", "某省人社厅新闻发布会"),
    ("2023-03-07 10:20\n某社北京7日电\n某会议6日举行记者会，", "2023-03-06", "某会议记者会"),
])
def test_6_a_day_before_holding_a_session_dates_it_and_who_holds_it_heads_the_title(lead, date, title):
    text = f"某地就业总体稳定\n{lead}某处处长王芳表示，上半年全省城镇新增就业41万人。\n"
    [event] = draft_article(text, year=2023).brief.events
    assert (str(event.date), event.title) == (date, title)


def test_6_a_date_in_chinese_numerals_and_a_datelines_day_before_the_sessions_own():
    text = ("某社香港5月12日电 行政长官张明五月十一日上午在礼宾府会见传媒。\n"
            "张明：过去7天，全港共有3宗输入个案。\n")
    [event] = draft_article(text, year=2021).brief.events  # one session, on the day the sentence gives it
    assert (str(event.date), event.kind) == ("2021-05-11", "press_conference")
    quoted = "以下是财政司司长张明今日（六月二十日）下午会见传媒的谈话全文：\n财政司司长：我们会落实超过800亿元的措施。\n"
    assert str(draft_article(quoted, year=2020).brief.events[0].date) == "2020-06-20"


def test_7_a_bare_amount_of_households_is_no_money_though_money_is_spoken_of():
    text = "3月4日，某省举行新闻发布会。\n某省民政厅厅长王芳说，每户补助提高到8000元，惠及全省20多万困难家庭。\n"
    units = {t.figure: t.unit for t in draft_article(text, year=2024).brief.targets}
    assert units == {"8000元": "元", "20多万": "户"}


def test_7_the_colleagues_who_came_with_a_speaker_are_no_figure():
    text = "3月5日，某局举行发布会。\n某局局长张明说，今天我和两位同事一起向大家通报情况，今年全市新增企业300家。\n"
    assert set(figures(draft_article(text, year=2024).brief)) == {"300家"}


def test_7_the_noun_after_a_bare_amount_or_a_count_of_people_before_it_gives_the_unit():
    text = ("6月3日，某省政府举行新闻发布会。\n省财政厅厅长黄平介绍，省里将分三年拨付30亿支持重建。"
            "去年累计近150亿就诊人次享受医保结算，资助了近六百万低收入人口参保。全省高校在校生人数一百二十万。\n")
    units = {t.figure: t.unit for t in draft_article(text, year=2024).brief.targets}
    assert units == {"30亿": "元", "近150亿": "人次", "近六百万": "人", "一百二十万": "人"}


def test_7_a_figure_that_is_the_goal_or_the_expectation_is_a_goal():
    text = ("7月20日，某省人社厅举行新闻发布会。\n副厅长马丽介绍，6月份失业率为5.1%，低于6%的预期控制目标。"
            "去年实现了新增就业90万人的目标。外贸好于预期，出口增长6.2%。\n"
            "省财政厅厅长何军表示，明年每月税收预期由今年预期的80亿元，降低至预期72亿元。\n")
    kinds = {t.figure: t.kind for t in draft_article(text, year=2024).brief.targets}
    assert kinds == {"5.1%": "achieved", "6%": "goal", "90万人": "achieved", "6.2%": "achieved",
                     "80亿元": "goal", "72亿元": "goal"}


def test_6_a_session_told_as_yesterday_after_the_reports_date_is_the_day_before():
    text = "某社北京5月16日电 某部某司司长张明昨天接受记者采访时表示，一季度实际使用外资增长12.5%。\n"
    [event] = draft_article(text, year=2024).brief.events
    assert (str(event.date), event.kind) == ("2024-05-15", "interview")
    today = text.replace("昨天", "")
    assert str(draft_article(today, year=2024).brief.events[0].date) == "2024-05-16"


def test_6_a_deadline_ahead_is_no_date_of_the_session():
    text = "15日下午，某市召开防汛新闻发布会。\n某市副市长张明：全市中小学暑期补课一律推迟到8月20日以后，新建泵站12座。\n"
    assert draft_article(text, year=2024).brief.events[0].date != "2024-08-20"


def test_7_a_bare_amount_after_one_counted_in_the_sentence_takes_its_unit():
    text = "3月9日，某省举行新闻发布会。\n某省卫健委主任张明说，目前全省能腾出2万张床位，下月将达到2.6万。\n"
    assert {t.figure: t.unit for t in draft_article(text, year=2024).brief.targets} == {"2万张": "张", "2.6万": "张"}
