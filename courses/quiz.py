"""Question types: a small registry, so a new kind plugs in without touching the scoring.

Each kind says how many options a learner may pick, what a well-formed question looks like
(for authors) and whether a set of chosen options is right. Scoring happens only here, on
the server; the browser never sees which option is correct before it has answered.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from flask_babel import lazy_gettext as _l


class OptionLike(Protocol):
    id: int
    is_correct: bool


@dataclass(frozen=True)
class QuestionKind:
    key: str
    label: object  # a lazy string
    multiple: bool  # checkboxes (several answers) or radio buttons (one answer)
    fixed_options: int | None = None  # true/false has exactly two

    def authoring_error(self, correct: Sequence[bool]) -> object | None:
        """Why options with these correct-flags do not make a question, or None."""
        if self.fixed_options and len(correct) != self.fixed_options:
            return _l("A true/false question has exactly two options.")
        if len(correct) < 2:
            return _l("Give at least two options.")
        right = sum(1 for c in correct if c)
        if not self.multiple and right != 1:
            return _l("Mark exactly one option as correct.")
        if self.multiple and right < 1:
            return _l("Mark at least one option as correct.")
        return None

    def answer_error(self, chosen: set[int]) -> object | None:
        """Why this choice is not an answer (nothing chosen, or too many), or None."""
        if not chosen:
            return _l("Answer this question.")
        if not self.multiple and len(chosen) != 1:
            return _l("Choose one answer.")
        return None

    def is_right(self, options: Sequence[OptionLike], chosen: set[int]) -> bool:
        # Multiple choice is all-or-nothing: exactly the correct options, no more, no fewer.
        return chosen == {o.id for o in options if o.is_correct}


KINDS: dict[str, QuestionKind] = {}


def register(kind: QuestionKind) -> QuestionKind:
    KINDS[kind.key] = kind
    return kind


register(QuestionKind("single", _l("Single choice"), multiple=False))
register(QuestionKind("multiple", _l("Multiple choice"), multiple=True))
register(QuestionKind("truefalse", _l("True or false"), multiple=False, fixed_options=2))


def kind_of(key: str) -> QuestionKind:
    return KINDS[key]
