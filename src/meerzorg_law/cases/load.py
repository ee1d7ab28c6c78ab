"""YAML case files -> Case values, validated against the versions' declarations. Nothing is dropped silently:
unknown facts, enum values, outcomes and versions, wrong types and missing facts are diagnostics with a line.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .. import ir, values
from ..diagnostics import Diagnostic
from ..names import odd_characters
from ..output import reden
from ..span import Span
from ..syntax.limits import MAX_DIGITS
from ..types import Type, TypeKind
from ..values import Value
from .beperkingen import check_beperkingen
from .model import Case, Expectation
from .yaml_guard import LOADER, check_yaml

__all__ = ["TE_HERZIEN", "case_files", "load_cases", "missing_or_empty", "parse_value"]

InForce = Callable[[datetime.date], "str | None"]
_MERGE = "tag:yaml.org,2002:merge"
_CASE_KEYS = ("naam", "omschrijving", "feiten", "verwacht")
_TOP_KEYS = ("casussen", "titel", "sjablonen")
_WAAR = {"waar": True, "true": True, "ja": True, "onwaar": False, "false": False, "nee": False}
TE_HERZIEN = "te herzien"  # an expectation still to be reviewed (cases.herzien)
_DUUR = re.compile(r"^(\d+) +(jaren|jaar|maanden|maand|weken|week|dagen|dag)$")


def case_files(paths: Iterable[Path | str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out += sorted([*p.rglob("*.yaml"), *p.rglob("*.yml")]) if p.is_dir() else [p]
    return out


def file_title(path: Path) -> str:
    """The ``titel:`` of a case file without loading its cases (the site's page stubs need only that); empty
    when the file has none or cannot be read. The loader checks the key properly when the cases are run."""
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("titel:"):
                    value = yaml.safe_load(line.partition(":")[2])
                    return value if isinstance(value, str) else ""
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return ""
    return ""


def _span(file: str, node: Node) -> Span:
    s, e = node.start_mark, node.end_mark
    return Span(file, s.line + 1, s.column + 1, e.line + 1, e.column + 1)


def _suggest(word: str, options: Iterable[str]) -> tuple[str, ...]:
    return tuple(difflib.get_close_matches(word, list(options), n=2, cutoff=0.6))


def _hint(close: tuple[str, ...], word: str = "") -> str:
    """"; bedoelde u x?", and which character of ``word`` only looks like a plain letter."""
    odd = odd_characters(word)
    return (f"; bedoelde u {' of '.join(close)}?" if close else "") + (f" (let op: {odd})" if odd else "")


def parse_value(text: str, t: Type, enums: dict[str, ir.EnumDecl]) -> Value:
    """A case value from its YAML text; ValueError carries the Dutch reason."""
    s = text.strip()
    parse = PARSERS[t.kind]
    if parse is None:
        raise ValueError(f"'{_shorten(s)}': een invoer van type {t} kan een casus niet opgeven")
    return parse(s, t, enums)


def _parse_bool(s: str, t: Type, enums: dict[str, ir.EnumDecl]) -> Value:
    if s.lower() in _WAAR:
        return _WAAR[s.lower()]
    raise ValueError(f"'{s}' is geen waar/onwaar")


def _parse_geheel(s: str, t: Type, enums: dict[str, ir.EnumDecl]) -> Value:
    _check_digits(s)
    if re.fullmatch(r"-?\d+", s):
        return values.integer(int(s))
    raise ValueError(f"'{s}' is geen geheel getal")


def _parse_decimaal(s: str, t: Type, enums: dict[str, ir.EnumDecl]) -> Value:
    _check_digits(s)
    if re.fullmatch(r"-?\d+([.,]\d+)?", s):
        return values.decimal_of_text(s)
    raise ValueError(f"'{s}' is geen decimaal getal")


def _parse_geld(s: str, t: Type, enums: dict[str, ir.EnumDecl]) -> Value:
    _check_digits(s)
    if re.fullmatch(r"(€ ?)?\d+([.]\d{3})*(,\d{1,2})?", s):
        return values.money_of_text(s)
    if re.fullmatch(r"\d+(\.\d{1,2})?", s):
        return values.money_of_text(s.replace(".", ","))
    raise ValueError(f"'{s}' is geen geldbedrag")


def _parse_datum(s: str, t: Type, enums: dict[str, ir.EnumDecl]) -> Value:
    try:
        return values.date_of_python(datetime.date.fromisoformat(s))
    except ValueError:
        raise ValueError(f"'{s}' is geen datum (jjjj-mm-dd)") from None


def _parse_uren(s: str, t: Type, enums: dict[str, ir.EnumDecl]) -> Value:
    """"26:05", "6:31:15", or decimal hours "32.6" / "32,6"."""
    _check_digits(s.partition(":")[0])
    return values.uren_of_text(s)


def _parse_duur(s: str, t: Type, enums: dict[str, ir.EnumDecl]) -> Value:
    m = _DUUR.match(s)
    if m:
        return values.duration(int(m.group(1)), m.group(2))
    raise ValueError(f"'{s}' is geen duur (zoals '3 jaar')")


def _parse_enum(s: str, t: Type, enums: dict[str, ir.EnumDecl]) -> Value:
    decl = enums.get(t.enum)
    if decl is not None and s in decl.values:
        return s
    options = decl.values if decl else ()
    raise ValueError(f"'{s}' is geen waarde van {t.enum}{_hint(_suggest(s, options), s)}"
                     + ("" if _suggest(s, options) else f" (mogelijk: {', '.join(options)})"))


def _check_digits(s: str) -> None:
    if _too_many_digits(s):
        raise ValueError(f"'{_shorten(s)}' heeft te veel cijfers: ten hoogste {MAX_DIGITS} vóór en na de komma")


# How a case file writes a value of each type kind (None: no fact has that type). The case reader's one mapping
# keyed by TypeKind (tests/test_typekind.py checks it is complete).
PARSERS: dict[TypeKind, Callable[[str, Type, dict[str, ir.EnumDecl]], Value] | None] = {
    TypeKind.BOOL: _parse_bool, TypeKind.GEHEEL: _parse_geheel, TypeKind.DECIMAAL: _parse_decimaal,
    TypeKind.GELD: _parse_geld, TypeKind.DATUM: _parse_datum, TypeKind.UREN: _parse_uren,
    TypeKind.DUUR: _parse_duur, TypeKind.ENUM: _parse_enum, TypeKind.TABEL: None, TypeKind.FOUT: None,
}


def _too_many_digits(s: str) -> bool:
    """Digits before and after the decimal separator (the last ',' or '.'), thousands points ignored."""
    digits = s.replace("€", "").replace(" ", "").lstrip("-")
    cut = max(digits.rfind(","), digits.rfind(".") if "," not in digits else -1)
    whole, fraction = (digits[:cut], digits[cut + 1:]) if cut >= 0 else (digits, "")
    return len(whole.replace(".", "")) > MAX_DIGITS or len(fraction) > MAX_DIGITS


def _shorten(s: str) -> str:
    return s if len(s) <= 30 else f"{s[:12]}…{s[-12:]} ({len(s)} tekens)"


class _Loader:
    def __init__(self, file: str, versions: dict[str, ir.Regeling], in_force: InForce,
                 diags: list[Diagnostic]) -> None:
        self.file = file
        self.versions = versions
        self.diags = diags
        self.in_force = in_force
        self.onbekend: dict[str, list[Diagnostic]] = {}  # unknown version -> its C040s (load_cases merges them)
        self.titel = ""
        # Facts as the newest version declares them (a later version may add facts).
        self.facts: dict[str, tuple[ir.FactDecl, ir.Regeling]] = {}
        for reg in versions.values():
            for name, f in reg.facts.items():
                self.facts[name] = (f, reg)

    def err(self, code: str, node: Node, message: str, suggestions: tuple[str, ...] = ()) -> None:
        self.diags.append(Diagnostic(code, _span(self.file, node), message, suggestions=suggestions))

    def mapping(self, node: Node, what: str) -> list[tuple[ScalarNode, Node]] | None:
        if not isinstance(node, MappingNode):
            self.err("C010", node, f"{what} moet een lijst van 'naam: waarde' zijn")
            return None
        pairs: list[tuple[ScalarNode, Node]] = []
        seen: dict[str, Node] = {}
        merged: list[tuple[ScalarNode, Node]] = []
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.tag == _MERGE:
                merged += self.merge(v, what, {id(node)}, set())
                continue
            if not isinstance(k, ScalarNode):
                self.err("C010", k, f"een sleutel in {what} moet een naam zijn")
                continue
            if k.value in seen:
                self.err("C011", k, f"'{k.value}' staat twee keer in {what}")
                continue
            seen[k.value] = k
            pairs.append((k, v))
        for k, v in merged:  # written keys win over merged ones; the first merged source wins over later ones
            if k.value not in seen:
                seen[k.value] = k
                pairs.append((k, v))
        return pairs

    def merge(self, node: Node, what: str, busy: set[int], done: set[int]) -> list[tuple[ScalarNode, Node]]:
        """The pairs of ``<<: *basis`` (or ``<<: [*a, *b]``), merge keys inside them included. ``busy``: the
        mappings being merged on this path (a cycle is an error); ``done``: those merged already, whose keys
        are in (the first one wins, so merging one again adds nothing, and '<<: [*a, *a]' chains stay linear
        instead of doubling at every level)."""
        sources = node.value if isinstance(node, SequenceNode) else [node]
        out: list[tuple[ScalarNode, Node]] = []
        for src in sources:
            if not isinstance(src, MappingNode):
                self.err("C013", src, "na '<<:' komt een verwijzing naar 'naam: waarde'-paren, zoals '<<: *basis'")
                continue
            if id(src) in busy:
                self.err("C013", src, "deze '<<:' verwijst naar zichzelf")
                continue
            if id(src) in done:
                continue
            done.add(id(src))
            for k, v in src.value:
                if isinstance(k, ScalarNode) and k.tag == _MERGE:
                    out += self.merge(v, what, busy | {id(src)}, done)
                elif isinstance(k, ScalarNode):
                    out.append((k, v))
        return out

    def scalar(self, node: Node, what: str) -> str | None:
        if not isinstance(node, ScalarNode):
            self.err("C012", node, f"{what} moet een enkele waarde zijn")
            return None
        return str(node.value)

    def document(self, root: Node | None) -> list[Case]:
        if root is None:
            self.diags.append(Diagnostic("C001", Span(self.file, 1, 1, 1, 1),
                                         "het casusbestand is leeg: verwacht 'casussen:' met een lijst casussen"))
            return []
        top = self.mapping(root, "het casusbestand")
        if top is None:
            return []
        for k, _ in top:
            # 'sjablonen' holds anchored blocks for merge keys ('<<: *basis'); nothing in it runs by itself.
            if k.value not in _TOP_KEYS:
                self.err("C002", k, f"onbekende sleutel '{k.value}' (verwacht 'casussen' en eventueel 'titel' en "
                         f"'sjablonen'){_hint(_suggest(k.value, _TOP_KEYS), k.value)}", _suggest(k.value, _TOP_KEYS))
        sjablonen = next((v for k, v in top if k.value == "sjablonen"), None)
        if isinstance(sjablonen, ScalarNode) and sjablonen.value not in ("", "~", "null"):
            self.err("C008", sjablonen, "'sjablonen:' bevat blokken met een anker ('basis: &basis' met 'naam: waarde'-"
                                        "paren eronder), geen enkele waarde")
        titel_node = next((v for k, v in top if k.value == "titel"), None)
        self.titel = (self.scalar(titel_node, "titel") or "") if titel_node is not None else ""
        items = next((v for k, v in top if k.value == "casussen"), None)
        if items is None:
            self.err("C003", root, "'casussen:' ontbreekt")
            return []
        if not isinstance(items, SequenceNode):
            self.err("C003", items, "'casussen:' moet een lijst zijn (regels die met '- ' beginnen)")
            return []
        if not items.value:
            self.err("C003", items, "'casussen:' is leeg: een casusbestand zonder casussen test niets")
            return []
        return [c for c in (self.case(n) for n in items.value) if c is not None]

    def case(self, node: Node) -> Case | None:
        pairs = self.mapping(node, "een casus")
        if pairs is None:
            return None
        fields = {k.value: (k, v) for k, v in pairs}
        for k, _ in pairs:
            if k.value not in _CASE_KEYS:
                close = _suggest(k.value, _CASE_KEYS)
                self.err("C020", k, f"onbekende sleutel '{k.value}' in een casus{_hint(close, k.value)}"
                         f" (mogelijk: {', '.join(_CASE_KEYS)})", _suggest(k.value, _CASE_KEYS))
        naam = self.scalar(fields["naam"][1], "naam") if "naam" in fields else None
        if "naam" not in fields:
            self.err("C021", node, "deze casus heeft geen 'naam'")
        omschrijving = self.scalar(fields["omschrijving"][1], "omschrijving") if "omschrijving" in fields else ""
        feiten: dict[str, Value] = {}
        spans: dict[str, Span] = {}
        given: set[str] = set()
        if "feiten" not in fields:
            self.err("C022", node, "deze casus heeft geen 'feiten'")
        else:
            for k, v in self.mapping(fields["feiten"][1], "feiten") or []:
                given.add(k.value)
                # A misspelt fact gets one message (unknown, with a suggestion), not a second "missing" one.
                given.update(_suggest(k.value, self.facts) if k.value not in self.facts else ())
                value = self.fact(k, v)
                if value is not None:
                    feiten[k.value] = value
                    spans[k.value] = _span(self.file, k)
        verwacht = self.expectations(fields["verwacht"][1]) if "verwacht" in fields else []
        if naam is None:
            return None
        span = _span(self.file, node)
        case = Case(naam, omschrijving or "", feiten, spans, tuple(verwacht), span, self.titel)
        self.check_required(case, given, fields.get("feiten", (node, node))[0])
        peil = case.feiten.get("peildatum")
        in_force = self.in_force(peil.value) if isinstance(peil, values.Date) else None
        runs_on = [e.versie for e in case.verwacht] or ([in_force] if in_force else [])
        self.diags.extend(check_beperkingen(case, [self.versions[v] for v in runs_on if v in self.versions]))
        return case

    def fact(self, key: ScalarNode, node: Node) -> Value | None:
        known = self.facts.get(key.value)
        if known is None:
            close = _suggest(key.value, self.facts)
            self.err("C030", key, f"onbekend feit '{key.value}'{_hint(close, key.value)}", close)
            return None
        decl, reg = known
        text = self.scalar(node, f"het feit '{key.value}'")
        if text is None:
            return None
        if node.tag == "tag:yaml.org,2002:null" or text in ("", "~", "null"):
            if decl.optioneel:
                return None
            self.err("C031", node, f"het feit '{key.value}' heeft geen waarde")
            return None
        try:
            value = parse_value(text, decl.type, reg.enums)
        except ValueError as e:
            self.err("C032", node, f"{key.value}: {e}")
            return None
        if decl.bereik is not None:
            lo, hi = decl.bereik
            v = values.decimal_of_integer(value) if isinstance(value, values.Integer) else value
            lo_d = values.decimal_of_integer(lo) if isinstance(lo, values.Integer) else lo
            hi_d = values.decimal_of_integer(hi) if isinstance(hi, values.Integer) else hi
            if v < lo_d or v > hi_d:  # type: ignore[operator]
                self.err("C033", node, f"{key.value}: {text} ligt buiten het bereik van {values.format_value(lo)} "
                                       f"tot en met {values.format_value(hi)}")
                return None
        return value

    def expectations(self, node: Node) -> list[Expectation]:
        out: list[Expectation] = []
        for k, v in self.mapping(node, "verwacht") or []:
            reg = self.versions.get(k.value)
            if reg is None:
                close = _suggest(k.value, self.versions)
                self.err("C040", k, f"versie '{k.value}' bestaat niet{_hint(close, k.value)} (versies: "
                                    f"{', '.join(self.versions)})", close)
                self.onbekend.setdefault(k.value, []).append(self.diags[-1])
                continue
            vals: dict[str, Value] = {}
            spans: dict[str, Span] = {}
            if isinstance(v, ScalarNode) and v.value == TE_HERZIEN:
                out.append(Expectation(k.value, vals, spans, _span(self.file, k), te_herzien=True))
                continue
            for ok, ov in self.mapping(v, f"de verwachting voor {k.value}") or []:
                decl = reg.outcomes.get(ok.value)
                if decl is None:
                    close = _suggest(ok.value, reg.outcomes)
                    self.err("C041", ok, f"'{ok.value}' is geen uitkomst van {k.value}{_hint(close, ok.value)}", close)
                    continue
                text = self.scalar(ov, ok.value)
                if text is None:
                    continue
                try:
                    vals[ok.value] = parse_value(text, decl.type, reg.enums)
                    spans[ok.value] = _span(self.file, ok)
                except ValueError as e:
                    self.err("C042", ov, f"{ok.value}: {e}")
            out.append(Expectation(k.value, vals, spans, _span(self.file, k)))
        return out

    def check_required(self, case: Case, given: set[str], node: Node) -> None:
        """Every version the case runs on needs its required facts; a rejected fact has its own message."""
        versies = [e.versie for e in case.verwacht]
        peil = case.feiten.get("peildatum")
        if not versies and isinstance(peil, values.Date):
            vid = self.in_force(peil.value)
            versies = [vid] if vid else []
            if not vid:
                self.err("C035", node, f"casus '{case.naam}' heeft geen verwachting en op de peildatum "
                                       f"{peil.value.isoformat()} is geen versie geldig: zij zou nergens tegen draaien")
        for vid in versies:
            missing = [n for n, f in self.versions[vid].facts.items() if not f.optioneel and n not in given]
            if missing:
                self.err("C034", node, f"casus '{case.naam}': {vid} heeft deze feiten nodig, maar ze ontbreken: "
                                       f"{', '.join(missing)}")


def missing_or_empty(paths: Iterable[Path | str]) -> list[Diagnostic]:
    """A path that does not exist (a typo in a folder name) or a folder without case files is an error:
    running nothing must not look like success."""
    diags: list[Diagnostic] = []
    for p in map(Path, paths):
        if not p.exists():
            siblings = [c.name for c in p.parent.iterdir()] if p.parent.is_dir() else []
            close = _suggest(p.name, siblings)
            diags.append(Diagnostic("C000", Span(str(p), 1, 1, 1, 1), f"'{p}' bestaat niet{_hint(close, p.name)}",
                                    suggestions=close))
        elif p.is_dir() and not case_files([p]):
            diags.append(Diagnostic("C004", Span(str(p), 1, 1, 1, 1),
                                    f"in de map '{p}' staan geen casusbestanden (.yaml of .yml)"))
    return diags


def _none(_: datetime.date) -> str | None:
    return None


def load_cases(paths: Iterable[Path | str], versions: dict[str, ir.Regeling],
               in_force: InForce = _none) -> tuple[list[Case], list[Diagnostic]]:
    """Load every case file under ``paths``. ``in_force`` gives the version in force on a peildatum."""
    diags: list[Diagnostic] = []
    cases: list[Case] = []
    paths = list(paths)
    diags += missing_or_empty(paths)
    files = case_files(p for p in paths if Path(p).exists())
    for f in files:
        file = str(f)
        if f.suffix not in (".yaml", ".yml"):  # e.g. a regeling given where the cases go
            diags.append(Diagnostic("C000", Span(file, 1, 1, 1, 1),
                                    f"'{f.name}' is geen casusbestand: casussen staan in .yaml-bestanden"))
            continue
        try:
            raw = f.read_bytes()
            text = raw.decode("utf-8")
        except OSError as e:
            diags.append(Diagnostic("C000", Span(file, 1, 1, 1, 1), f"kan het bestand niet lezen: {reden(e)}"))
            continue
        except UnicodeDecodeError as e:
            line = raw[: e.start].count(b"\n") + 1
            diags.append(Diagnostic("C000", Span(file, line, 1, line, 1), "dit is geen UTF-8-tekstbestand"))
            continue
        if "\x00" in text:
            diags.append(Diagnostic("C000", Span(file, 1, 1, 1, 1), "dit is geen tekstbestand (NUL-tekens)"))
            continue
        try:
            try:
                guard = check_yaml(text, file)
                root = None if guard else yaml.compose(text, Loader=LOADER)
            except yaml.YAMLError:
                # libyaml words its errors otherwise: the pure-Python parser gives the message and position
                # the error tests pin down (only bad files pay for the second parse).
                guard = check_yaml(text, file, yaml.SafeLoader)
                root = None if guard else yaml.compose(text, Loader=yaml.SafeLoader)
            if guard:
                diags += guard
                continue
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            diags.append(Diagnostic("C005", Span(file, line, col, line, col + 1),
                                    f"geen geldige YAML: {e.problem or e.context}"))
            continue
        except yaml.YAMLError as e:
            diags.append(Diagnostic("C005", Span(file, 1, 1, 1, 1), f"geen geldige YAML: {e}"))
            continue
        eigen: list[Diagnostic] = []
        loader = _Loader(file, versions, in_force, eigen)
        cases += loader.document(root)
        diags += _onbekende_versies(eigen, loader.onbekend, versions)
    return cases, diags


def _onbekende_versies(diags: list[Diagnostic], onbekend: dict[str, list[Diagnostic]],
                       versions: dict[str, ir.Regeling]) -> list[Diagnostic]:
    """A file that names a version the regeling does not have (the variant's own case file, loaded without
    its folder): one error per such version, with a hint to --regeling, instead of one per case and every
    unknown fact after it; the rest of the file is judged once the version is known."""
    if not onbekend:
        return diags
    out = []
    for versie, found in onbekend.items():
        keer = f" ({len(found)} keer; de andere meldingen in dit bestand volgen als de versie bekend is)" \
            if len(found) > 1 or len(diags) > len(found) else ""
        close = found[0].suggestions
        odd = odd_characters(versie)
        out.append(Diagnostic("C040", found[0].span, f"versie '{versie}' bestaat niet in deze regeling{keer}. "
                              "Staat zij in een eigen map? Geef die dan mee: meerzorg --regeling MAP ... (versies "
                              f"hier: {', '.join(versions)})" + (f"; of bedoelde u {' of '.join(close)}?" if close
                                                                  else "") + (f" (let op: {odd})" if odd else ""),
                              suggestions=close))
    return out
