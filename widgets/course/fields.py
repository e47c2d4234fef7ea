"""The shared building blocks of the course's models: field types, the strict base model, citations."""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

REF_KEY = r"R\d+[a-z]?"
REF_KEY_RE = re.compile(rf"^{REF_KEY}$")
CITATION_RE = re.compile(rf"\[({REF_KEY}(?:\s*,\s*{REF_KEY})*)\]")
SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

NonEmpty = Annotated[str, Field(min_length=1)]
RefKey = Annotated[str, Field(pattern=REF_KEY_RE.pattern)]
Slug = Annotated[str, Field(pattern=SLUG)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def cited_keys(text: str) -> list[str]:
    """Reference keys cited in text as ``[R6]`` or ``[R6, R8]``, in order."""
    keys: list[str] = []
    for match in CITATION_RE.finditer(text):
        keys.extend(k.strip() for k in match.group(1).split(","))
    return keys
