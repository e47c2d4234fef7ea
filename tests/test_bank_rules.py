"""The measures behind the item-writing rules (widgets/course/bank_rules.py); each rule's
failing fixture is in tests/fixtures/broken/bank-*.yaml (run by tests/test_course.py)."""
from widgets.course.bank_rules import item_stats
from widgets.course.models import MultipleChoice, SingleChoice


def single(options, nodes=(), prompt="Which?"):
    return SingleChoice.model_validate({
        "id": "q-1", "kind": "single", "prompt": prompt, "refs": ["R1"], "nodes": list(nodes),
        "options": [{"text": t, "correct": c, "explanation": e} for t, c, e in options]})


def test_longest_key_counts_only_a_uniquely_longest_key():
    assert item_stats(single([("A long key here", True, "x"), ("Short", False, "y")])).longest_is_key
    tie = single([("Same length", True, "x"), ("Other words", False, "y")])
    assert not item_stats(tie).longest_is_key


def test_absolute_words_are_counted_apart_for_keys_and_wrong_options():
    st = item_stats(single([("It never stops baclofen abruptly", True, "x"),
                            ("It always works", False, "y"), ("Only at night", False, "z"),
                            ("Finally settles", False, "w")]))
    assert (st.absolute_keys, st.absolute_wrong) == (1, 2)


def test_explanations_citing_keys_outside_refs_are_found():
    st = item_stats(single([("Key", True, "Right [R1, R6]."), ("Other", False, "No [R2].")]))
    assert st.uncited == ["R2", "R6"]


def test_hint_nodes_named_only_by_a_wrong_option_are_found():
    labels = {"dvt": "Deep vein thrombosis (DVT)", "spasms": "Spasms and clonus"}
    q = single([("Get a same-day check for a clot", True, "A deep vein thrombosis [R19]."),
                ("Stretch it, it is a spasm", False, "Spasms do not swell a calf.")],
               nodes=["dvt", "spasms"], prompt="A swollen calf?")
    assert item_stats(q, labels).wrong_nodes == ["spasms"]
    # a node the key is about is fine, whatever the wrong options say (plurals stemmed)
    q2 = single([("Grade 3, more than 1 spasm an hour", True, "x"), ("Grade 1, spasms", False, "y")],
                nodes=["spasms"])
    assert item_stats(q2, labels).wrong_nodes == []


def test_keys_first_in_multiple_items():
    def multi(flags):
        return MultipleChoice.model_validate({
            "id": "q-2", "kind": "multiple", "prompt": "Which?", "refs": ["R1"],
            "options": [{"text": f"O{i}", "correct": c, "explanation": "e"} for i, c in enumerate(flags)]})
    assert item_stats(multi([True, True, False])).keys_first
    assert not item_stats(multi([False, True, True])).keys_first
    assert item_stats(multi([False, True, True])).n_correct == 2


def test_rules_cover_banks_that_declare_metadata_or_every_bank_when_facts_say_all(tmp_path):
    import shutil

    from conftest import FIXTURES
    from widgets.course import check_course

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "quiz" / "content", content)  # no facts.yaml, no metadata
    assert check_course(content)[1] == []
    bank = content / "quizzes" / "02-leg-pain.yaml"
    bank.write_text(bank.read_text().replace("    kind: single\n", "    kind: single\n    level: apply\n", 1))
    found = [str(p) for p in check_course(content)[1]]
    assert any("lacks item metadata: objective, audience, facts" in p for p in found), found
    assert not any("01-nerve-damage.yaml" in p for p in found)  # that bank declares nothing yet
