"""YAML with line numbers, so every problem can point at the line to fix."""
from __future__ import annotations

from typing import Any

import yaml

# libyaml's C parser when PyYAML has it (20x faster: loading the course is the first thing
# every notebook kernel does); the pure-Python loader otherwise, and for error messages.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


class YamlFileError(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


def parse(text: str, line_offset: int = 0) -> tuple[Any, yaml.Node | None]:
    """Parse YAML text safely and return (data, node tree).

    Raises :class:`YamlFileError` with a 1-based line for syntax errors.
    """
    if _FAST_LOADER is not None:
        try:
            node = yaml.compose(text, Loader=_FAST_LOADER)
            data = None if node is None else _FAST_LOADER("").construct_document(node)
            return data, node
        except yaml.YAMLError:
            pass  # parse again below, for the same error message with or without libyaml
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = None if node is None else yaml.SafeLoader("").construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        what = exc.problem or str(exc)
        if exc.context_mark is not None and exc.problem_mark is not None \
                and exc.context_mark.line != exc.problem_mark.line:
            what += f" ({exc.context} that starts at line {exc.context_mark.line + 1 + line_offset})"
        raise YamlFileError(line, f"YAML syntax error: {what}; check indentation and quoting "
                                  "(text containing ': ' or starting with '[' needs quotes)") from None
    except yaml.YAMLError as exc:  # pragma: no cover - other YAML errors have no mark
        raise YamlFileError(1 + line_offset, f"YAML error: {exc}") from None
    return data, node


def line_of(node: yaml.Node | None, loc: tuple, line_offset: int = 0) -> int:
    """The 1-based line of the deepest node reachable along ``loc`` (keys and indexes)."""
    if node is None:
        return 1 + line_offset
    best = node
    for part in loc:
        nxt = None
        if isinstance(best, yaml.MappingNode):
            for key, value in best.value:
                if str(key.value) == str(part):
                    nxt = value if not isinstance(value, yaml.ScalarNode) else value
                    break
        elif isinstance(best, yaml.SequenceNode) and isinstance(part, int):
            if 0 <= part < len(best.value):
                nxt = best.value[part]
        if nxt is None:
            break
        best = nxt
    return best.start_mark.line + 1 + line_offset
