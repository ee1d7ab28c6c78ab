"""The ``rlz`` domain: object types, cross-reference roles and indices for the regeling's pages.

Objects: artikel, lid (also onderdelen), bijlage and begrip per version (``2.2@rlz-2027``), casus and
versie. A role without ``@versie`` resolves to the version of the page it stands on, else to the base
regeling, else to any version that has the object. Duplicates are reported with their location.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Set
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from docutils import nodes
from sphinx.domains import Domain, Index, IndexEntry, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from ..escape import zichtbaar
from ..span import ProvisionRef

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

__all__ = ["CASUSNAAM_KLASSE", "ObjectEntry", "RegelingDomain", "bepaling_naam", "leesbaar", "natuurlijke_volgorde",
           "volledige_naam"]

logger = logging.getLogger(__name__)

VERSIONED = ("artikel", "lid", "bijlage", "begrip")
# The class of a link to a case in another page's case table (its text is the case's name).
CASUSNAAM_KLASSE = "rlz-casusnaam"


class ObjectEntry(NamedTuple):
    """Where an object is described. ``rang`` orders the versions for an unversioned reference:
    the base regeling first, then other non-variant versions, then variants."""

    docname: str
    node_id: str
    titel: str
    versie: str
    rang: tuple[int, int, str]
    omschrijving: str


def bepaling_naam(ref: ProvisionRef) -> str:
    """The name of a provision in roles and the domain: ``2.2``, ``2.2 lid 1``, ``2.2 lid 1 onderdeel a``,
    ``bijlage A``.

    >>> bepaling_naam(ProvisionRef("2.2", "1", "a"))
    '2.2 lid 1 onderdeel a'
    """
    if ref.bijlage:
        return f"bijlage {ref.bijlage}"
    if ref.begrip:  # a begrip of a begrippenlijst: "1.1 begrip zorg thuis"
        return f"{ref.artikel} begrip {ref.begrip}"
    parts = [ref.artikel]
    if ref.lid:
        parts.append(f"lid {ref.lid}")
    if ref.onderdeel:
        parts.append(f"onderdeel {ref.onderdeel}")
    if ref.subonderdeel:
        parts.append(f"subonderdeel {ref.subonderdeel}")
    return " ".join(parts)


def _ref_van_naam(name: str) -> ProvisionRef | None:
    """Inverse of :func:`bepaling_naam` (for link titles); None if it is not of that form."""
    words = name.split()
    if len(words) == 2 and words[0] == "bijlage":
        return ProvisionRef(bijlage=words[1])
    if len(words) > 2 and words[1] == "begrip":
        return ProvisionRef(words[0], begrip=" ".join(words[2:]))
    if not words or len(words) % 2 == 0:
        return None
    parts = dict(zip(words[1::2], words[2::2], strict=True))
    if not set(parts) <= {"lid", "onderdeel", "subonderdeel"}:
        return None
    return ProvisionRef(words[0], parts.get("lid", ""), parts.get("onderdeel", ""), parts.get("subonderdeel", ""))


def leesbaar(tekst: str, namen: dict[str, str]) -> str:
    """Every version id in ``tekst`` (a whole word, the longest first) by its name in ``namen``.

    >>> leesbaar("artikel 2.2 (rlz-2027-variant-a), rlz-2027", {"rlz-2027": "Voorstel 2027",
    ...                                                         "rlz-2027-variant-a": "Variant A"})
    'artikel 2.2 (Variant A), Voorstel 2027'
    """
    if not namen:
        return tekst
    return _patroon(tuple(namen)).sub(lambda m: namen[m.group(1)], tekst)


@functools.lru_cache(maxsize=8)
def _patroon(ids: tuple[str, ...]) -> re.Pattern[str]:
    """The version ids as whole words, the longest first (once per set of ids, not per text: every text of
    every page goes through :func:`leesbaar`)."""
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(v) for v in sorted(ids, key=len, reverse=True))
                      + r")(?![\w-])")


def volledige_naam(name: str, versie: str) -> str:
    """The domain key of a versioned object: ``2.2@rlz-2026`` (a name from a case file made visible: it goes
    into the inventory, which cannot hold a lone surrogate)."""
    return zichtbaar(f"{name}@{versie}")


class RegelingXRefRole(XRefRole):
    """``:rlz:artikel:`2.2``` or ``:rlz:artikel:`2.2@rlz-2027```; remembers the page's version so an
    unversioned reference on a version's page stays in that version."""

    def process_link(self, env: BuildEnvironment, refnode: Element, has_explicit_title: bool, title: str,
                     target: str) -> tuple[str, str]:
        refnode["rlz:versie"] = env.ref_context.get("rlz:versie", "")
        target = target.strip()
        domain = env.domains["rlz"]
        if isinstance(domain, RegelingDomain):
            domain.note_verwijzing(self.reftype, target, refnode["rlz:versie"])
        if not has_explicit_title:
            name, _, versie = target.partition("@")
            ref = _ref_van_naam(name) if self.reftype in ("artikel", "lid", "bijlage") else None
            if ref is not None:
                title = ref.citeer()
            else:
                title = name
            if versie:
                title += f" ({versie})"
        return title, target


def op_volgorde(objects: dict[tuple[str, str], ObjectEntry]) -> list[tuple[tuple[str, str], ObjectEntry]]:
    """The objects in the order a build that reads every page notes them (pages by name, each in its own order),
    whichever pages this build read again: a page read again notes its objects last, which must not reorder an
    index (of two versions of equal rank, the first would then depend on which page changed)."""
    return sorted(objects.items(), key=lambda kv: kv[1].docname)


class BegrippenIndex(Index):
    """Every begrip and parameter, with its description, and per version the provision defining it."""

    name = "begrippen"
    localname = "Begrippenindex"
    shortname = "begrippen"

    def generate(self, docnames: Iterable[str] | None = None) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = self.domain
        assert isinstance(domain, RegelingDomain)
        per_name: dict[str, list[ObjectEntry]] = {}
        for (objtype, full), entry in op_volgorde(domain.objects):
            if objtype == "begrip" and (docnames is None or entry.docname in docnames):
                per_name.setdefault(full.partition("@")[0], []).append(entry)
        content: dict[str, list[IndexEntry]] = {}

        def sleutel(name: str) -> str:
            return (min(per_name[name], key=lambda e: e.rang).omschrijving or name).lower()

        for name in sorted(per_name, key=sleutel):
            entries = sorted(per_name[name], key=lambda e: e.rang)
            first = entries[0]
            letter = content.setdefault((first.omschrijving or name)[0].upper(), [])
            # A begrip by its description (its name is a code name: in the entry's link, never as text).
            letter.append(IndexEntry(first.omschrijving or name, 1, first.docname, first.node_id, "", "", ""))
            letter += [IndexEntry(domain.leesbaar(e.versie), 2, e.docname, e.node_id, "", "", domain.leesbaar(e.titel))
                       for e in entries]
        return sorted(content.items()), False


class BepalingenIndex(Index):
    """Per version, every artikel with its leden and onderdelen, and the bijlagen."""

    name = "bepalingen"
    localname = "Bepalingenindex"
    shortname = "bepalingen"

    def generate(self, docnames: Iterable[str] | None = None) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = self.domain
        assert isinstance(domain, RegelingDomain)
        per_version: dict[str, list[tuple[ProvisionRef, str, ObjectEntry]]] = {}
        ranks: dict[str, tuple[int, int, str]] = {}
        for (objtype, full), entry in op_volgorde(domain.objects):
            if objtype not in ("artikel", "lid", "bijlage"):
                continue
            if docnames is not None and entry.docname not in docnames:
                continue
            ref = _ref_van_naam(full.partition("@")[0])
            if ref is not None:
                per_version.setdefault(entry.versie, []).append((ref, objtype, entry))
                ranks[entry.versie] = entry.rang
        content: list[tuple[str, list[IndexEntry]]] = []
        for versie in sorted(per_version, key=lambda v: (ranks[v], v)):
            items = sorted(per_version[versie], key=lambda item: natuurlijke_volgorde(item[0]))
            entries = [IndexEntry(ref.citeer(), 2 if objtype == "lid" else 0, e.docname, e.node_id, "", "",
                                  domain.leesbaar(e.titel)) for ref, objtype, e in items]
            content.append((domain.leesbaar(versie), entries))
        return content, True


def natuurlijke_volgorde(ref: ProvisionRef) -> tuple[object, ...]:
    """Natural order of provisions: artikel 2.10 after 2.9 and 2.2a after 2.2, lid 10 after 9, bijlagen last.

    >>> refs = [ProvisionRef("2.10"), ProvisionRef("2.2a"), ProvisionRef(bijlage="A"), ProvisionRef("2.2", "1")]
    >>> [r.citeer() for r in sorted(refs, key=natuurlijke_volgorde)]
    ['artikel 2.2, eerste lid', 'artikel 2.2a', 'artikel 2.10', 'bijlage A']
    """
    def nat(text: str) -> tuple[tuple[int, int, str], ...]:
        return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|[^\d.]+", text))
    return (ref.bijlage, nat(ref.artikel), nat(ref.lid), ref.onderdeel, nat(ref.subonderdeel), ref.begrip.casefold())


class CasussenIndex(Index):
    """Per artikel, the cases that exercise it, and under which versions."""

    name = "casussen"
    localname = "Casussen per artikel"
    shortname = "casussen per artikel"

    def generate(self, docnames: Iterable[str] | None = None) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = self.domain
        assert isinstance(domain, RegelingDomain)
        per_artikel: dict[str, dict[str, set[str]]] = {}
        for casus, (artikel, versie) in domain.exercises:
            per_artikel.setdefault(artikel, {}).setdefault(casus, set()).add(versie)
        content: list[tuple[str, list[IndexEntry]]] = []
        for artikel in sorted(per_artikel, key=lambda a: natuurlijke_volgorde(ProvisionRef(a))):
            entries = []
            for casus in sorted(per_artikel[artikel]):
                entry = domain.objects.get(("casus", casus))
                if entry is None or (docnames is not None and entry.docname not in docnames):
                    continue
                versies = ", ".join(domain.leesbaar(v) for v in sorted(per_artikel[artikel][casus]))
                entries.append(IndexEntry(casus, 0, entry.docname, entry.node_id, "", "", versies))
            if entries:
                content.append((f"artikel {artikel}", entries))
        return content, False


class RegelingDomain(Domain):
    """Artikelen, leden, bijlagen, begrippen, casussen and versies of a regeling written in the DSL."""

    name = "rlz"
    label = "Regeling"
    # The first argument is the name a reader sees (in a search hit: "Casus — <page title>"); the second the role.
    object_types: ClassVar[dict[str, ObjType]] = {
        "artikel": ObjType("Artikel", "artikel"),
        "lid": ObjType("Bepaling", "lid"),
        "bijlage": ObjType("Bijlage", "bijlage"),
        "begrip": ObjType("Begrip", "begrip"),
        "casus": ObjType("Casus", "casus"),
        "versie": ObjType("Versie", "versie"),
        "renvooi": ObjType("Renvooi", "renvooi"),
        "wijzigingsregeling": ObjType("Wijzigingsregeling", "wijzigingsregeling"),
        "bron": ObjType("Bron", "bron"),
    }
    # warn_dangling: a role in a page that names no object is a warning (an error under -W).
    # Citations and case names read as prose; begrippen and versie ids are names, in code font.
    roles: ClassVar[dict[str, Any]] = {
        **{name: RegelingXRefRole(warn_dangling=True, innernodeclass=nodes.inline)
           for name in ("artikel", "lid", "bijlage", "casus", "renvooi", "wijzigingsregeling", "bron")},
        **{name: RegelingXRefRole(warn_dangling=True) for name in ("begrip", "versie")},
    }
    indices: ClassVar[list[type[Index]]] = [BegrippenIndex, BepalingenIndex, CasussenIndex]
    initial_data: ClassVar[dict[str, Any]] = {
        "objects": {},  # (objtype, name[@versie]) -> ObjectEntry
        "exercises": {},  # (casus, (artikel, versie)) -> docname that recorded it
        "paginas": {},  # docname -> [(soort, args, fingerprint)]: what each page shows (sphinxext.vinger)
        "versienamen": {},  # version id -> its short name (basis.versie_kort), for the indices
        "casusnamen": {},  # case id (SiteData.casus_id) -> (docname of its case page, its name)
        "getoonde_namen": {},  # docname -> {case id: the name its tables showed when last written}
        "verwijzingen": {},  # docname -> [(role, target, page's version)]: the rlz roles written on the page
        "verwezen": {},  # docname -> [(page, anchor, title) of each role's object, or None]: as last written
    }
    # The directives are added by setup() with add_directive_to_domain (they import this module).
    data_version = 8

    @property
    def objects(self) -> dict[tuple[str, str], ObjectEntry]:
        result: dict[tuple[str, str], ObjectEntry] = self.data.setdefault("objects", {})
        return result

    @property
    def exercises(self) -> dict[tuple[str, tuple[str, str]], str]:
        result: dict[tuple[str, tuple[str, str]], str] = self.data.setdefault("exercises", {})
        return result

    def note_object(self, objtype: str, name: str, node_id: str, *, titel: str = "", versie: str = "",
                    rang: tuple[int, int, str] = (0, 0, ""), omschrijving: str = "",
                    location: Any = None, waarschuw: bool = True) -> bool:
        """Record an object; a second description of the same object is a warning at ``location``
        (unless ``waarschuw`` is off: the leden of a duplicated artikel). Returns whether it was one."""
        full = volledige_naam(name, versie) if versie else zichtbaar(name)
        dubbel = (objtype, full) in self.objects
        if dubbel and waarschuw:
            other = self.objects[objtype, full]
            logger.warning("dubbele beschrijving van %s %s; de andere staat in %s", objtype, full,
                           other.docname, location=location, type="rlz", subtype="dubbel")
        # The index pages and the search index are built from these, not from a doctree: made visible here.
        self.objects[objtype, full] = ObjectEntry(self.env.docname, node_id, zichtbaar(titel or full), versie,
                                                  rang, zichtbaar(omschrijving))
        return dubbel

    @property
    def versienamen(self) -> dict[str, str]:
        result: dict[str, str] = self.data.setdefault("versienamen", {})
        return result

    def leesbaar(self, tekst: str) -> str:
        """``tekst`` with every version id by its short name (an index shows no ids)."""
        return leesbaar(tekst, self.versienamen)

    @property
    def paginas(self) -> dict[str, list[tuple[str, tuple[str, ...], str]]]:
        result: dict[str, list[tuple[str, tuple[str, ...], str]]] = self.data.setdefault("paginas", {})
        return result

    def note_pagina(self, soort: str, args: tuple[str, ...], vinger: str) -> None:
        """What a directive on the current page shows, and its fingerprint now."""
        self.paginas.setdefault(self.env.docname, []).append((soort, args, vinger))

    @property
    def casusnamen(self) -> dict[str, tuple[str, str]]:
        result: dict[str, tuple[str, str]] = self.data.setdefault("casusnamen", {})
        return result

    @property
    def getoonde_namen(self) -> dict[str, dict[str, str]]:
        result: dict[str, dict[str, str]] = self.data.setdefault("getoonde_namen", {})
        return result

    def note_casus_id(self, casus_id: str, naam: str) -> None:
        """A case's page names the case with this id (``SiteData.casus_id``)."""
        self.casusnamen[casus_id] = (self.env.docname, zichtbaar(naam))

    def casusnaam(self, casus_id: str, naam: str) -> pending_xref:
        """A case in a table of another page than its own: a link by its id whose text is the name its page
        gives it when this page is written; ``naam``, the name now, is noted as shown (:meth:`hernoemd`)."""
        from sphinx import addnodes

        self.getoonde_namen.setdefault(self.env.docname, {})[casus_id] = zichtbaar(naam)
        return addnodes.pending_xref("", nodes.inline("", naam), refdomain="rlz", reftype="casusnaam",
                                     reftarget=casus_id, refexplicit=False, refwarn=False)

    def hernoemd(self) -> dict[str, dict[str, tuple[str, str]]]:
        """The pages whose case tables show a case renamed since they were written (``env-get-updated``; a page
        read in this build noted the names as they are now), each with its renamed cases: case id -> (the name
        shown, the name now). Their note follows."""
        out = {}
        for doc, getoond in self.getoonde_namen.items():
            nu = {cid: self.casusnamen[cid][1] for cid in getoond if cid in self.casusnamen}
            anders = {cid: (naam, nu[cid]) for cid, naam in getoond.items() if nu.get(cid, naam) != naam}
            if anders:
                getoond.update(nu)
                out[doc] = anders
        return out

    def casus_doel(self, naam: str) -> tuple[str, str] | None:
        """Where a link to the case named ``naam`` points (its anchor) and its title, as :meth:`_casusnaam`
        makes them; None for a name no page describes."""
        entry = self.objects.get(("casus", naam))
        return None if entry is None else (entry.node_id, entry.titel)

    @property
    def verwijzingen(self) -> dict[str, list[tuple[str, str, str]]]:
        result: dict[str, list[tuple[str, str, str]]] = self.data.setdefault("verwijzingen", {})
        return result

    def note_verwijzing(self, rol: str, target: str, versie: str) -> None:
        """A role written on the current page (a hand-written one: generated pages follow their fingerprints)."""
        self.verwijzingen.setdefault(self.env.docname, []).append((rol, target, versie))

    def verweesd(self) -> list[str]:
        """The pages with a role whose object is gone (a case renamed, an artikel removed), or whose link would
        now differ (the object's page, anchor or title: an artikel retitled): written again (``env-get-updated``),
        so the reference is resolved again as in a build from scratch (and a dangling one warns). A page that was
        read in this build resolves its roles anyway. What each page's links show is noted for the next build."""
        out = []
        for doc, refs in self.verwijzingen.items():
            nu = [self._doel(rol, target, versie) for rol, target, versie in refs]
            if None in nu or self.verwezen.get(doc, nu) != nu:
                out.append(doc)
            self.verwezen[doc] = nu
        return out

    @property
    def verwezen(self) -> dict[str, list[tuple[str, str, str] | None]]:
        result: dict[str, list[tuple[str, str, str] | None]] = self.data.setdefault("verwezen", {})
        return result

    def _doel(self, rol: str, target: str, versie: str) -> tuple[str, str, str] | None:
        entry = self._find(rol, target, versie)
        return None if entry is None else (entry.docname, entry.node_id, entry.titel)

    def note_exercise(self, casus: str, artikel: str, versie: str) -> None:
        self.exercises[casus, (artikel, versie)] = self.env.docname

    def clear_doc(self, docname: str) -> None:
        for key, entry in list(self.objects.items()):
            if entry.docname == docname:
                del self.objects[key]
        for key2, doc in list(self.exercises.items()):
            if doc == docname:
                del self.exercises[key2]
        self.paginas.pop(docname, None)
        self.getoonde_namen.pop(docname, None)
        self.verwijzingen.pop(docname, None)
        self.verwezen.pop(docname, None)
        for cid, (doc, _) in list(self.casusnamen.items()):
            if doc == docname:
                del self.casusnamen[cid]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key, entry in otherdata["objects"].items():
            if entry.docname in docnames:
                if key in self.objects and self.objects[key].docname != entry.docname:
                    logger.warning("dubbele beschrijving van %s %s; de andere staat in %s", key[0], key[1],
                                   self.objects[key].docname, location=(entry.docname, 0), type="rlz",
                                   subtype="dubbel")
                self.objects[key] = entry
        for key2, doc in otherdata["exercises"].items():
            if doc in docnames:
                self.exercises[key2] = doc
        self.versienamen.update(otherdata.get("versienamen", {}))
        for doc, wat in otherdata.get("paginas", {}).items():
            if doc in docnames:
                self.paginas[doc] = wat
        for doc, getoond in otherdata.get("getoonde_namen", {}).items():
            if doc in docnames:
                self.getoonde_namen[doc] = getoond
        for doc, refs in otherdata.get("verwijzingen", {}).items():
            if doc in docnames:
                self.verwijzingen[doc] = refs
        for doc, doelen in otherdata.get("verwezen", {}).items():
            if doc in docnames:
                self.verwezen[doc] = doelen
        for cid, (doc, naam) in otherdata.get("casusnamen", {}).items():
            if doc in docnames:
                self.casusnamen[cid] = (doc, naam)

    def _find(self, objtype: str, target: str, page_versie: str) -> ObjectEntry | None:
        if objtype not in VERSIONED or "@" in target:
            return self.objects.get((objtype, target))
        if page_versie and (objtype, volledige_naam(target, page_versie)) in self.objects:
            return self.objects[objtype, volledige_naam(target, page_versie)]
        candidates = [e for (t, full), e in self.objects.items() if t == objtype and full.partition("@")[0] == target]
        # Of equal rank, the one on the first page in name order (as a build that reads every page finds it).
        return min(candidates, key=lambda e: (e.rang, e.docname)) if candidates else None

    def resolve_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str, target: str,
                     node: pending_xref, contnode: Element) -> nodes.reference | None:
        if typ == "casusnaam":
            return self._casusnaam(builder, fromdocname, target, contnode)
        entry = self._find(typ, target, str(node.get("rlz:versie", "")))
        if entry is None:
            return None
        return make_refnode(builder, fromdocname, entry.docname, entry.node_id, contnode, entry.titel)

    def _casusnaam(self, builder: Builder, fromdocname: str, casus_id: str,
                   contnode: Element) -> nodes.reference | None:
        """A case by its id (:meth:`casusnaam`): a link to it showing the name its page gives it now."""
        _, naam = self.casusnamen.get(casus_id, ("", ""))
        entry = self.objects.get(("casus", naam))
        if entry is None:
            return None
        tekst = nodes.inline("", naam, classes=contnode.get("classes", []))
        ref = make_refnode(builder, fromdocname, entry.docname, entry.node_id, tekst, entry.titel)
        # Found by its class when the case is renamed (``schrijven.hernoem_in_html``); left out of the search
        # index (the case's own page is the hit for its name), so a page that only shows the name keeps its entry.
        ref["classes"] += [CASUSNAAM_KLASSE, "no-search"]
        return ref

    def resolve_any_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder, target: str,
                         node: pending_xref, contnode: Element) -> list[tuple[str, nodes.reference]]:
        results: list[tuple[str, nodes.reference]] = []
        for objtype in self.object_types:
            entry = self._find(objtype, target, str(node.get("rlz:versie", "")))
            if entry is not None:
                ref = make_refnode(builder, fromdocname, entry.docname, entry.node_id, contnode, entry.titel)
                results.append((f"rlz:{objtype}", ref))
        return results

    def get_type_name(self, type: ObjType, primary: bool = False) -> str:
        """The kind of an object as a search hit names it: ``Casus``, not Sphinx's "Regeling casus" (the
        domain's label before an English-ordered type name)."""
        return type.lname

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """The objects for the search index, whose hits show the display name ("artikel 2.2 (Regeling 2026)"):
        with every version id by its short name, as on the index pages; the inventory keeps the keys."""
        namen = self.versienamen
        patroon = re.compile(r"(?<![\w-])(" + "|".join(re.escape(v) for v in sorted(namen, key=len, reverse=True))
                             + r")(?![\w-])") if namen else None
        for (objtype, full), entry in op_volgorde(self.objects):
            titel = patroon.sub(lambda m: namen[m.group(1)], entry.titel) if patroon else entry.titel
            yield full, titel, objtype, entry.docname, entry.node_id, 1
