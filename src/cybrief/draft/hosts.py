"""Whose labelled turns are nobody's words: the host of a press conference, and the reporters who ask.

A transcript labels every turn (`张明：……`); the host's turns (`某办副主任张明主持`, or words that welcome the
press and give the floor) and a reporter's (`记者张帅向某省省长提问`, then `【张帅】……`) carry no speaker's figures.
A spokesperson who opens the session and then answers its questions is its speaker, not its host.
"""

from __future__ import annotations

import re

from cybrief.draft.clean import Article
from cybrief.draft.introductions import find_people
from cybrief.draft.names import simplified

# 陈某：女士们、先生们，上午好！……我们荣幸地邀请到……: the words of whoever hosts, under any label
_HOST_TALK = re.compile(r"(?:荣幸|高兴)地?(?:邀请到|请到)(?!各位|大家)|我们[^，。！]{0,8}?邀请到(?!各位|大家)|(?:发布会|记者会|见面会)到此结束"
                        r"|(?:现在|下面|首先)[，,]?(?:先)?请(?!允许|我)[^，。]{1,16}?(?:介绍|发布|回答|提问)|请(?:记者朋友们?|各位记者|大家)(?:提问|举手)")


def nobodys_turns(article: Article, plains: list[str], labels: dict, known: frozenset[str], echoes: frozenset[str]) -> None:
    """Turn the labels of hosts and reporters into questions (nobody's words), in place."""
    reporters = {name for name in known  # 记者张明向……: the whole name, not 记者张明华 of a speaker 张明
                 if any(re.search(rf"记者\s?{re.escape(simplified(name))}(?![\u4e00-\u9fff](?<![向对问采说和与跟在]))", plain) for plain in plains)}
    for number, label in labels.items():
        if label[1] is not None and label[1].name in reporters:
            labels[number] = ("question", None)  # 记者张帅向某省省长提问 / 【张帅】……: a reporter's question
    hosts = _hosts(article, plains, known, echoes)
    hosting = {label[1].name for number, label in labels.items() if label[1] is not None
               and _HOST_TALK.search(plains[number - 1] if plains[number - 1][label[1].end:].strip(" ：:") or number == len(plains)
                                     else plains[number])}  # the label alone on its line: the words are on the next
    order = sorted(labels)
    answering = {labels[n][1].name for before, n in zip(order, order[1:]) if labels[before][0] == "question" and labels[n][1] is not None}
    hosts = (hosts | hosting) - answering  # a spokesperson who opens the session and answers its questions is its speaker
    for number, label in labels.items():
        if label[1] is not None and label[1].name in hosts:
            labels[number] = ("question", None)  # 陈文俊：…… where the report says 陈文俊主持: the host's words


def _hosts(article: Article, plains: list[str], known: frozenset[str], echoes: frozenset[str]) -> set[str]:
    """The people the report says host the event (某办副主任张明主持, 由张明主持, 主持人张明): their labelled turns
    are a transcript's host talk, nobody's figures."""
    hosts = set()
    for number, plain in enumerate(plains, 1):
        if "主持" not in plain:
            continue
        for person in find_people(number, article.paragraph(number), plain, known, echoes):
            if re.match(r"(?:先生|女士|同志)?(?:主持|担任主持)(?!人|召开|[^，。；]{0,8}?并(?:介绍|发布|通报|讲话|回答))", plain[person.end: person.end + 14]) \
                    or re.search(r"主持人(?:为|是|[：:])?$", plain[max(0, person.name_start - 5): person.name_start]):
                hosts.add(person.name)
    return hosts
