"""YAML text -> diagnostics: what a case file may not contain, found before the node graph is built.

PyYAML's composer recurses once per level of nesting, so thousands of nested lists end in RecursionError;
and an explicit tag such as ``!!binary`` or ``!!python/name:os.system`` would otherwise be read as plain
text. The event stream is produced without recursion, so both are checked on it first, with a position.
"""

from __future__ import annotations

import yaml
from yaml.events import CollectionEndEvent, CollectionStartEvent, Event, NodeEvent

from ..diagnostics import Diagnostic
from ..span import Span

__all__ = ["LOADER", "MAX_YAML_DEPTH", "check_yaml"]

# libyaml's parser where PyYAML was built with it (ten times faster on the bundled case files), same events,
# nodes and marks; the pure-Python one elsewhere.
LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_YAML_DEPTH = 20
"""Deepest nesting of lists and maps in a case file; a case file needs 5 (casussen, case, verwacht, versie)."""

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "seq", "map"))


def check_yaml(text: str, file: str, loader: type[yaml.SafeLoader] = LOADER) -> list[Diagnostic]:
    """The first place nested too deeply, and every explicit tag outside YAML's core schema."""
    diagnostics: list[Diagnostic] = []
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, NodeEvent):
            tag = getattr(event, "tag", None)
            if tag and tag not in _ALLOWED_TAGS and tag != "!":
                shown = "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag
                diagnostics.append(Diagnostic("C006", _span(file, event), (
                    f"de YAML-tag '{shown}' wordt niet ondersteund: een casusbestand bevat alleen tekst, getallen, "
                    "lijsten en 'naam: waarde'")))
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                diagnostics.append(Diagnostic("C007", _span(file, event), (
                    f"het casusbestand is hier te diep genest (meer dan {MAX_YAML_DEPTH} niveaus lijsten en "
                    "'naam: waarde')")))
                return diagnostics
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
    return diagnostics


def _span(file: str, event: Event) -> Span:
    s, e = event.start_mark, event.end_mark
    if s is None or e is None:
        return Span(file, 1, 1, 1, 2)
    return Span(file, s.line + 1, s.column + 1, e.line + 1, max(e.column + 1, s.column + 2))
