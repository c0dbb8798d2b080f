"""Mirror copies of news pages write toned pinyin after characters (集團(tuán), 機(jī)構(gòu)): the
pipeline reads such a text as if the glosses were not there, and names keep them as written."""

from __future__ import annotations

import re

import pytest

from kg.extract import extract_text
from kg.glosses import strip_glosses

#: An article of our own, in traditional characters, and its mirror copy with glosses.
PLAIN = "12月4日，青島港口集團董事長王明率團訪問日本，拜訪了大阪市港灣局，並與局長田中一郎進行交流。"
GLOSSED = "12月4日，青島港口集團(tuán)董事長王明率團(tuán)訪(fǎng)問(wèn)日本，拜訪了大阪市港灣(wān)局，並與局長田中一郎進(jìn)行交流。"
_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)")


def test_strip_glosses_maps_each_character_with_its_gloss():
    plain = strip_glosses(GLOSSED)
    assert plain.text == PLAIN
    at = PLAIN.index("集團")
    assert plain.to_written(at, at + 2) == (GLOSSED.index("集團"), GLOSSED.index("董事長"))
    assert plain.to_written(0, 2) == (0, 2)
    assert plain.from_written(GLOSSED.index("董事長")) == PLAIN.index("董事長")


@pytest.mark.parametrize("text", [
    "日本貿易振興機構(JETRO)上海代表處", "楼兰(murano)等车型", "協(xie)議", "（本報記者 王明）", "2019(tuán)年", "集團（tuán",
])
def test_bracketed_latin_that_is_no_toned_syllable_after_an_ideograph_stays(text):
    assert strip_glosses(text) is None


def test_full_width_brackets_gloss_too():
    assert strip_glosses("集團（tuán）黨委").text == "集團黨委"


def test_a_glossed_text_gives_the_facts_of_the_plain_one_with_names_as_written(nlp):
    plain, glossed = extract_text(nlp, PLAIN), extract_text(nlp, GLOSSED)
    assert glossed.text == GLOSSED
    names = {e.key.name for e in glossed.entities}
    assert {"青岛港口集团(tuán)", "大阪市港湾(wān)局"} <= names
    assert {(_GLOSS.sub("", e.key.name), e.key.label) for e in glossed.entities} == \
        {(e.key.name, e.key.label) for e in plain.entities}
    facts = {(_GLOSS.sub("", r.subject.name), r.predicate, _GLOSS.sub("", r.object.name)) for r in glossed.relations}
    assert ("王明", "affiliatedWith", "青岛港口集团") in facts
    assert facts == {(r.subject.name, r.predicate, r.object.name) for r in plain.relations}
    assert ("王明", "affiliatedWith", "青岛港口集团(tuán)") in {
        (r.subject.name, r.predicate, r.object.name) for r in glossed.relations}
    for mention in glossed.mentions:
        assert mention.text == GLOSSED[mention.start:mention.end]
    assert "青島港口集團(tuán)" in {m.text for m in glossed.mentions}
    for relation in glossed.relations:
        assert relation.evidence == GLOSSED[relation.start:relation.end]


def test_glosses_are_stripped_before_the_text_is_cut_into_windows(nlp):
    text = GLOSSED + "\n" + GLOSSED.replace("王明", "李紅")
    window = len(GLOSSED) - 10
    plain, glossed = extract_text(nlp, _GLOSS.sub("", text), window=window), extract_text(nlp, text, window=window)

    def unglossed(result):
        return {(_GLOSS.sub("", r.subject.name), r.predicate, _GLOSS.sub("", r.object.name)) for r in result.relations}

    assert ("李红", "affiliatedWith", "青岛港口集团") in unglossed(glossed)
    assert unglossed(glossed) == unglossed(plain)
    assert [m.key.label for m in glossed.mentions] == [m.key.label for m in plain.mentions]
    for mention in glossed.mentions:
        assert mention.text == text[mention.start:mention.end]
    assert text.index("李紅") in {m.start for m in glossed.mentions}
