"""The question kinds by name: each module presents, grades, reveals, saves and draws one kind."""
from __future__ import annotations

from . import matching, multiple, ordering, single, truefalse

KINDS = {
    "single": single,
    "multiple": multiple,
    "truefalse": truefalse,
    "ordering": ordering,
    "matching": matching,
}


def kind_of(question):
    try:
        return KINDS[question.kind]
    except KeyError:
        raise ValueError(f"unknown question kind {question.kind!r}; known: "
                         + ", ".join(KINDS)) from None
