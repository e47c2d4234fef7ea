"""The loader's context: it reads YAML with line numbers, validates models and collects problems."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import yamlsrc
from .models import cited_keys
from .problems import Problem, rel


class _Ctx:
    def __init__(self, root: Path, problems: list[Problem]):
        self.root = root
        self.problems = problems
        self.nodes: dict[Path, tuple[Any, int]] = {}  # path -> (yaml node, line offset)
        self.texts: dict[Path, str] = {}
        self.bank_paths: dict[str, Path] = {}
        self.validated: list[tuple[Path, tuple, BaseModel]] = []  # (file, YAML path, model)

    def add(self, path: Path, line: int, message: str) -> None:
        problem = Problem(rel(path, self.root), line, message)
        if problem not in self.problems:  # two checks may find the same thing
            self.problems.append(problem)

    def line(self, path: Path, loc: tuple) -> int:
        node, offset = self.nodes.get(path, (None, 0))
        return yamlsrc.line_of(node, loc, offset)

    def yaml_file(self, name: str, required: bool = True):
        path = self.root / name
        if not path.exists():
            if required:
                self.add(path, 1, f"missing file: the course needs {name} (see content/README.md)")
            return None
        return self.yaml_path(path)

    def yaml_path(self, path: Path):
        text = _read(self, path)
        if text is None:
            return None
        try:
            data, node = yamlsrc.parse(text)
        except yamlsrc.YamlFileError as exc:
            self.add(path, exc.line, exc.message)
            return None
        self.nodes[path] = (node, 0)
        self.texts[path] = text
        if data is None:
            self.add(path, 1, "the file is empty")
            return None
        return data, node, path

    def model_file(self, name: str, model: type[BaseModel]):
        loaded = self.yaml_file(name)
        if loaded is None:
            return None
        data, node, path = loaded
        return self.validate(model, data, path, node)

    def validate(self, model, data, path: Path, node, prefix: tuple = (), offset: int = 0,
                 context: dict | None = None):
        try:
            validated = model.model_validate(data, context=context)
            self.validated.append((path, prefix, validated))
            return validated
        except ValidationError as exc:
            for err in exc.errors():
                loc = prefix + tuple(p for p in err["loc"] if not _is_tag(p, model))
                line = yamlsrc.line_of(node, loc, offset)
                self.add(path, line, _message(err, loc))
            return None

    def check_model_refs(self, known: set[str]) -> None:
        """Unknown keys in the ``refs`` of every validated model, each at its own line."""
        for path, prefix, model in self.validated:
            for loc, key in _model_refs(model):
                if key not in known:
                    self.add(path, self.line(path, prefix + loc),
                             f"unknown reference key {key!r}; use a key from references.yaml "
                             "(the content brief's keys)")

    def check_citations(self, known: set[str]) -> None:
        for path, text in self.texts.items():
            for lineno, line in enumerate(text.splitlines(), start=1):
                for key in dict.fromkeys(cited_keys(line)):
                    if key not in known:
                        self.add(path, lineno, f"unknown reference key {key!r}; use a key from "
                                               "references.yaml (the content brief's keys)")


def _model_refs(value, loc: tuple = ()):
    """(YAML path, key) of every entry of every ``refs`` list a validated model holds,
    whichever YAML style wrote it (``refs: [R1]`` or one ``- R1`` per line)."""
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            child = getattr(value, name, None)
            key = field.alias or name
            if name == "refs" and isinstance(child, list):
                for i, ref in enumerate(child):
                    yield loc + (key, i), ref
            else:
                yield from _model_refs(child, loc + (key,))
    elif isinstance(value, (list, tuple)):
        for i, child in enumerate(value):
            yield from _model_refs(child, loc + (i,))
    elif isinstance(value, dict):
        for k, child in value.items():
            yield from _model_refs(child, loc + (k,))


def _is_tag(part, model) -> bool:
    # pydantic puts the discriminator value ("single", ...) into the error location
    return isinstance(part, str) and part in ("single", "multiple", "truefalse", "ordering",
                                              "matching", "function-after[_graph()]")


def _message(err: dict, loc: tuple) -> str:
    where = ".".join(str(p) for p in loc if not str(p).startswith("function-"))
    msg = err.get("msg", "invalid")
    kind = err.get("type")
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    if kind == "missing":
        return f"{where}: required field is missing; add it (see content/README.md)"
    if kind == "extra_forbidden":
        return f"{where}: unknown field; remove it or fix its spelling (see content/README.md)"
    if kind == "union_tag_invalid":
        return (f"{where}: unknown question kind; use one of single, multiple, truefalse, "
                "ordering, matching")
    if kind == "union_tag_not_found":
        return f"{where}: the question has no 'kind'; add one of single, multiple, truefalse, ordering, matching"
    if kind == "string_pattern_mismatch" and "refs" in [str(p) for p in loc]:
        return f"{where}: {err.get('input')!r} is not a reference key like R6 or R27a"
    if kind == "string_type":
        return (f"{where}: expected text, found {type(err.get('input')).__name__}; "
                "put quotes around text that contains ': ' or starts with a special character")
    if kind == "string_pattern_mismatch":
        return f"{where}: {err.get('input')!r} must be lower-case words joined by hyphens"
    return f"{where}: {msg}" if where else msg


def _read(ctx: _Ctx, path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        ctx.add(path, 1, f"not UTF-8 text ({exc.reason}); save the file as UTF-8")
    except OSError as exc:
        ctx.add(path, 1, f"cannot read the file: {exc.strerror}")
    return None
