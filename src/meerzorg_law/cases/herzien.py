"""Accepted outcomes written back into a case file, keeping its comments and layout (``meerzorg test --herzien``).

The file is read with ruamel.yaml in round-trip mode, which keeps comments, key order, flow style and block
scalars. A file that ruamel would not write back byte for byte, unchanged, is not touched (its layout would
be lost); a file changed on disk since it was read is not overwritten. The new text is written atomically
(``output.atomic_writer``), so an interrupted write leaves the old file whole.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import ir, values
from ..output import OutputError, reden, write_text_atomic
from ..values import Value
from .load import TE_HERZIEN, parse_value

__all__ = ["TE_HERZIEN", "Aanpassing", "HerzienFout", "bestandshash", "herschrijf", "yaml_tekst"]

# Indentation styles tried in turn; the first that writes the unchanged file back identically is used.
_INSPRINGINGEN = ((2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 0), (2, 4, 0))


class HerzienFout(Exception):
    """A case file that cannot be rewritten safely; the message is Dutch and names the file."""


@dataclass(frozen=True, slots=True)
class Aanpassing:
    """The accepted values of one expectation: case at ``regel`` (its first line) in ``file``, version ``versie``;
    ``waarden`` are YAML texts that the case loader reads back to the computed values."""

    file: str
    regel: int
    versie: str
    waarden: dict[str, str]


def yaml_tekst(value: Value, decl: ir.OutcomeDecl, regeling: ir.Regeling) -> str | None:
    """``value`` as a case file writes it, or None when no text reads back to exactly this value (a decimal
    with an endless expansion, say): such a value is never written rounded."""
    if isinstance(value, bool):
        tekst = "waar" if value else "onwaar"
    elif isinstance(value, values.Decimal):
        tekst = values.format_decimal(value, 12).replace("≈", "").replace(".", "")
    elif isinstance(value, values.Date):
        tekst = value.value.isoformat()
    else:
        tekst = values.format_value(value)
    try:
        terug = parse_value(tekst, decl.type, regeling.enums)
    except ValueError:
        return None
    return tekst if terug == value else None


def _yaml(inspringing: tuple[int, int, int]) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the drafter wrote
    yaml.indent(mapping=inspringing[0], sequence=inspringing[1], offset=inspringing[2])
    return yaml


def _dump(yaml: Any, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _lees(path: Path, tekst: str) -> tuple[Any, Any]:
    """The round-trip document and a YAML object that writes it back unchanged."""
    from ruamel.yaml.error import YAMLError

    for inspringing in _INSPRINGINGEN:
        yaml = _yaml(inspringing)
        try:
            data = yaml.load(tekst)
        except (YAMLError, RecursionError):
            raise HerzienFout(f"{path}: kan het bestand niet als YAML lezen om het te herschrijven") from None
        if _dump(yaml, data) == tekst:
            return yaml, data
    raise HerzienFout(f"{path}: dit bestand kan niet herschreven worden zonder zijn opmaak te veranderen "
                      "(ongebruikelijke inspringing of tekens); neem de nieuwe uitkomsten met de hand over")


def _casus(path: Path, data: Any, regel: int) -> Any:
    items: Any = data.get("casussen") if hasattr(data, "get") else []
    for i, item in enumerate(items or []):
        if items.lc.item(i)[0] + 1 == regel:
            return item
    raise HerzienFout(f"{path}:{regel}: de casus staat niet meer op deze regel; is het bestand intussen bewerkt?")


def _verwachting(path: Path, casus: Any, aanpassing: Aanpassing) -> None:
    from ruamel.yaml.comments import CommentedMap

    verwacht = casus.get("verwacht")
    if verwacht is None:
        verwacht = CommentedMap()
        casus["verwacht"] = verwacht
    oud = verwacht.get(aanpassing.versie)
    plek = f"{path}:{aanpassing.regel}"
    if isinstance(oud, CommentedMap):
        if oud.anchor.value is not None or verwacht.merge:
            raise HerzienFout(f"{plek}: de verwachting voor {aanpassing.versie} is gedeeld (een anker '&' of "
                              "'<<:'); pas haar met de hand aan, zodat andere casussen niet meeveranderen")
        for naam, tekst in aanpassing.waarden.items():
            oud[naam] = _scalar(tekst)
        return
    nieuw = CommentedMap({naam: _scalar(tekst) for naam, tekst in aanpassing.waarden.items()})
    # As the other expectations of the case are written: one line each ({...}), or a block.
    andere = [m for m in verwacht.values() if isinstance(m, CommentedMap)]
    if not andere or any(m.fa.flow_style() for m in andere):
        nieuw.fa.set_flow_style()
    else:
        nieuw.fa.set_block_style()
    verwacht[aanpassing.versie] = nieuw


def _scalar(tekst: str) -> object:
    """A whole number or a date as YAML writes it plain (``19``, ``2027-01-01``); other text as a string,
    quoted only where YAML needs it (``'19,5'`` in a flow mapping). The loader reads the text either way."""
    if re.fullmatch(r"-?[0-9]+", tekst):
        return int(tekst)
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", tekst):
        return datetime.date.fromisoformat(tekst)
    return tekst


def _hash(tekst: str) -> str:
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


def herschrijf(path: str | Path, aanpassingen: Sequence[Aanpassing], gelezen: Mapping[str, str] | None = None) -> None:
    """Write ``aanpassingen`` (all of one file) into ``path``. ``gelezen`` maps the file to the hash of the text
    the cases were loaded from: a file edited since is refused, never overwritten."""
    target = Path(path)
    try:
        tekst = target.read_text(encoding="utf-8")
    except OSError as err:
        raise OutputError(f"kan '{target}' niet lezen: {reden(err)}") from None
    if gelezen is not None and gelezen.get(str(path)) not in (None, _hash(tekst)):
        raise HerzienFout(f"{target} is gewijzigd sinds de casussen zijn gelezen; er is niets geschreven. "
                          "Draai 'meerzorg test --herzien' opnieuw")
    yaml, data = _lees(target, tekst)
    for a in aanpassingen:
        _verwachting(target, _casus(target, data, a.regel), a)
    write_text_atomic(target, _dump(yaml, data))


def bestandshash(path: str | Path) -> str:
    """The hash ``herschrijf`` compares against: taken when the cases are loaded."""
    return _hash(Path(path).read_text(encoding="utf-8"))
