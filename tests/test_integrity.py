"""The content-integrity rules (widgets/course/integrity.py): what they read, what they
recognise as not a fact, and the problems they report. One broken fixture per rule lives in
tests/fixtures/broken/integrity-*.yaml (run by tests/test_course.py); the tests here drive
the rules directly on a copy of the fixture course and of the real course."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from widgets.course import check_course, load_course
from widgets.course.facts import Facts, number_key, numbers_in
from widgets.course.integrity import strip_not_facts
from widgets.course.textunits import sentences

from conftest import FIXTURES, ROOT

BROKEN = sorted((FIXTURES / "broken").glob("integrity-*.yaml"))
FACTS = Facts.model_validate(yaml.safe_load((ROOT / "content" / "facts.yaml").read_text()))


def problems_in(content: Path) -> list[str]:
    _, problems = check_course(content)
    return [str(p) for p in problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


# ------------------------------------------------------------------ the pieces
def test_numbers_are_read_as_the_course_writes_them():
    text = "63 % (95 % CI 55-70) of 7,101 people; SMD 0.60; NG220 1.4.2; CYP2C19; late 20s; R6"
    assert numbers_in(text) == ["63", "95", "55", "70", "7101", "0.6", "20"]
    assert number_key(0.60) == number_key("0.6") == "0.6"
    assert number_key("7,101") == number_key(7101) == "7101"


def test_sentences_keep_their_citations_and_abbreviations():
    text = ("Foley et al. (2013) pooled 28 articles [R6]. **Why?** Overall pain was 63 % [R6]. "
            "See e.g. Section 5.")
    assert sentences(text) == ["Foley et al. (2013) pooled 28 articles [R6].", "**Why?**",
                               "Overall pain was 63 % [R6].", "See e.g. Section 5."]


@pytest.mark.parametrize("text", [
    "as section 7 explains", "sections 4 to 6", "types 3 and 4", "| 8-9. Treatment-induced",
    "recommendation 1.4.2", "Bohannon and Smith, 1987", "**03 Nerve damage**",
    "A person's pain score falls from 7 to 5 on a new treatment"])
def test_numbers_that_are_not_facts_are_recognised(text):
    assert numbers_in(strip_not_facts(text, FACTS)) == []


def test_fact_ids_are_short_slugs_and_p_facts_name_a_source():
    for fact in FACTS.facts:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", fact.id) and len(fact.id) <= 40, fact.id
        assert fact.status in ("V", "P")
        if fact.status == "P":
            assert fact.source, fact.id


def test_facts_keep_the_numbers_of_the_brief():
    brief = (ROOT.parent.parent / "shared" / "content-brief.md")
    by_id = FACTS.by_id()
    assert by_id["pain-prevalence-63"].numbers == {"63", "95", "55", "70"}
    assert by_id["pain-prevalence-17-studies-5319"].numbers == {"17", "5319"}
    assert by_id["foley-28-articles-7101"].numbers == {"28", "7101"}
    assert by_id["tonic-spasms-mixed"].refs == ["R8"]
    if brief.exists():   # the shared brief next to the worktrees: every fact number is in it
        # derived, not new: painDETECT's "13-18" is the band between its cut-offs 12 and 19
        brief_numbers = set(numbers_in(brief.read_text())) | {"13", "18"}
        for fact in FACTS.facts:
            assert fact.numbers <= brief_numbers, (fact.id, fact.numbers - brief_numbers)


# ------------------------------------------------------------------ the course
def test_the_course_passes_every_integrity_rule():
    course = load_course()
    assert course.facts is not None and len(course.facts.facts) > 100


def test_with_every_quiz_item_in_scope_only_quiz_items_can_fail(tmp_path):
    """Switching checks.quiz_scope to `all` reaches the quiz bank and nothing else: every
    other text of the course already passes (the bank is rebuilt under issue 10)."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    facts = content / "facts.yaml"
    facts.write_text(re.sub(r"(?m)^  quiz_scope: \w+$", "  quiz_scope: all", facts.read_text()))
    assert "  quiz_scope: all" in facts.read_text()
    problems = problems_in(content)
    assert all(p.startswith("content/quizzes/") for p in problems), "\n".join(problems)


def test_red_flags_read_the_same_in_course_yaml_and_every_red_flag_list():
    course = load_course()
    plain = lambda t: " ".join(re.sub(r"[*|]", " ", t).split())  # noqa: E731
    for section in course.sections:
        for part in section.parts:
            if "red flag" not in part.title.lower():
                continue
            text = plain(part.markdown)
            for flag in course.info.red_flags:
                assert plain(flag.signs) in text and plain(flag.action) in text, \
                    (section.id, flag.signs)
    for flag in course.info.red_flags:
        assert re.search(r"\b(new|suddenly)\b", flag.signs, re.I), flag.signs


# ------------------------------------------------------------------ the rules, driven
def test_a_cited_fact_number_passes_and_the_wrong_key_fails(min_content):
    page = min_content / "sections" / "01-second.md"
    edit(page, "states a fact that is cited properly [R2].",
         "states that 84 % report spasticity [R2].")
    assert problems_in(min_content) == []
    edit(page, "84 % report spasticity [R2].", "84 % report spasticity [R1].")
    assert any("the number 84 (fact 'spasticity-84') needs its reference key" in p
               for p in problems_in(min_content))


def test_a_partly_verified_fact_passes_when_the_sentence_names_its_source(min_content):
    gloss = min_content / "glossary.yaml"
    edit(gloss, "Stiff muscles from a central motor lesion [R2].",
         "According to a small study, stiff muscles come with hypersensitivity [R2].")
    assert problems_in(min_content) == []
    edit(gloss, "According to a small study, stiff", "Stiff")
    assert any("partly verified fact 'weaker-finding'" in p for p in problems_in(min_content))


def test_quiz_scope_declared_checks_only_items_that_list_facts(min_content):
    facts = min_content / "facts.yaml"
    quiz = min_content / "quizzes" / "00-start.yaml"
    edit(facts, "  quiz_scope: all", "  quiz_scope: declared")
    edit(quiz, "    prompt: What is demyelination?", "    prompt: What do 84 % of people report?")
    edit(quiz, "        explanation: Right [R1].", "        explanation: Right [R2].")
    assert problems_in(min_content) == []          # start-01 lists no facts: out of scope
    edit(quiz, "    nodes: [demyelination]", "    nodes: [demyelination]\n    facts: [spasticity-84]")
    found = problems_in(min_content)
    assert any("cites R2 in its explanations but not in its refs" in p for p in found), found
    # the declared fact holds 84, but its key R2 is not in the item's refs [R1]
    assert any("the number 84 (fact 'spasticity-84') needs its reference key" in p for p in found)
    edit(quiz, "    prompt: What do 84 % of people report?\n    refs: [R1]",
         "    prompt: What do 84 % of people report?\n    refs: [R1, R2]")
    assert problems_in(min_content) == []


def test_a_red_flag_list_that_leaves_a_flag_out_is_reported(min_content):
    edit(min_content / "course.yaml", "    action: Emergency [R1].",
         "    action: Emergency [R1].\n  - signs: New chest pain\n    action: Call for help [R1].")
    edit(min_content / "sections" / "01-second.md", "course prose here [R1, R2].",
         "course prose here [R1, R2].\n\n## Red flags\n\n- **New saddle numbness**: Emergency [R1].\n")
    found = problems_in(min_content)
    assert any("leaves out course.yaml's red flag 'New chest pain'" in p for p in found), found


def test_a_saddle_sign_anywhere_must_say_new(min_content):
    edit(min_content / "glossary.yaml", "Stiff muscles from a central motor lesion [R2].",
         "Stiff muscles; saddle numbness is an emergency [R2].")
    assert any("red flag without 'new' or 'suddenly'" in p for p in problems_in(min_content))


@pytest.mark.parametrize("case", BROKEN, ids=[p.stem for p in BROKEN])
def test_every_integrity_fixture_names_one_rule(case):
    spec = yaml.safe_load(case.read_text())
    assert spec["what"] and spec["edits"] and spec["expect"]["message"]


@pytest.mark.parametrize("link", ["javascript:alert(1)", "PMC3566383", "PMID 24871874",
                                  "https://example.org/a b"])
def test_a_reference_link_must_be_a_full_address(min_content, link):
    edit(min_content / "references.yaml", "  year: 2022\n  link: null", f"  year: 2022\n  link: '{link}'")
    assert any("is not an address a reader can open" in p for p in problems_in(min_content))
