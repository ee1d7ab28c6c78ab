"""The bundled regeling as data: every provision says where it comes from, every citation is a registered
source, and no project file points at a document outside the project or a path on a machine."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from meerzorg_law.semantics.pipeline import load_bundle
from meerzorg_law.span import ProvisionRef

ROOT = Path(__file__).resolve().parents[2]
# Files a reader of the project gets: sources, data, docs, tests (not the build output or the environment).
SCANNED = [p for p in ROOT.rglob("*") if p.is_file()
           and p.suffix in {".py", ".rgl", ".yaml", ".toml", ".rst", ".md", ".lark", ".txt", ".cfg"}
           and not {".git", ".venv", "_build", "node_modules", ".hypothesis", "__pycache__"} & set(p.parts)]
FORBIDDEN = [
    (re.compile(r"\[[SP]\d+[^\]]*\]"), "een bron-tag uit een document buiten het project"),
    # A home or work folder of a development machine (system paths such as the Chromium binary are fine).
    (re.compile(r"(?<![\w:/.~-])/(?:home|root|work|mnt|Users)/\w"), "een pad op een machine"),
    (re.compile(r"\b(?:domein)?brief\s+(?:paragraaf|§|\d)", re.I), "een document buiten het project"),
]
# A relative path that climbs out of its file's folder, and a Markdown document named in the text: each must
# lead to a file of the project itself.
CLIMB = re.compile(r"((?:\.\./)+[\w.-]+)")
MARKDOWN = re.compile(r"\b([\w.-]+\.md)\b")
PROJECT_NAMES = {p.name for p in SCANNED}
CITATION = re.compile(r"\[([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\]")


def test_no_project_file_refers_outside_the_project() -> None:
    found = []
    for path in SCANNED:
        if path == Path(__file__):
            continue
        for i, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            where = f"{path.relative_to(ROOT)}:{i}"
            for pattern, what in FORBIDDEN:
                if pattern.search(line):
                    found.append(f"{where}: {what}: {line.strip()[:80]}")
            for m in CLIMB.finditer(line):
                if not (path.parent / m.group(1)).resolve().is_relative_to(ROOT):
                    found.append(f"{where}: een pad buiten het project: {m.group(1)}")
            for m in MARKDOWN.finditer(line):
                if m.group(1) not in PROJECT_NAMES:
                    found.append(f"{where}: een document buiten het project: {m.group(1)}")
    assert found == []


def test_bundled_regeling_has_provenance_everywhere_and_only_registered_sources() -> None:
    bundle = load_bundle(ROOT / "regeling")
    assert [d for d in bundle.diagnostics if d.code.startswith("H")] == []
    assert len(bundle.bronnen) >= 20
    for reg in bundle.versions.values():
        for p in reg.provisions:
            assert p.herkomst is not None or not p.tekst, f"{reg.versie}: {p.ref.citeer()} zonder herkomst"
        for t in reg.tables.values():
            assert t.herkomst is not None, f"{reg.versie}: tabel {t.name} zonder herkomst"


def test_every_citation_in_a_text_is_a_registered_source() -> None:
    bronnen = load_bundle(ROOT / "regeling").bronnen
    files = [*sorted((ROOT / "regeling").glob("*.rgl")), *sorted((ROOT / "tests" / "casussen").glob("*.yaml"))]
    unknown = [(f.name, m.group(1)) for f in files for m in CITATION.finditer(f.read_text(encoding="utf-8"))
               if m.group(1) not in bronnen]
    assert unknown == []


def test_official_text_is_marked_as_such_and_the_rest_is_not() -> None:
    reg = load_bundle(ROOT / "regeling").versions["rlz-2026"]
    soort = {p.ref.citeer(): p.herkomst.soort for p in reg.provisions if p.herkomst is not None}
    assert soort["artikel 2.1"] == "officieel"
    assert soort["artikel 5.5, eerste lid"] == "officieel"
    # the bekostigingsuren: ZN rekentool
    assert soort["artikel 1.1, begripsomschrijving van 'bekostigingsuren'"] == "uitvoering"
    assert soort["artikel 2.2, vierde lid"] == "beleid"             # the three-year term
    # which toezicht counts: a keuze (issue 20)
    assert soort["artikel 1.1, begripsomschrijving van 'telbare zorgbehoefte'"] == "keuze"
    assert reg.tables["bekostigingsuren"].herkomst is not None
    assert reg.tables["bekostigingsuren"].herkomst.soort == "uitvoering"
    keuze = reg.definitions["meerzorg_ggz_wonen"].herkomst
    assert keuze is not None and keuze.soort == "keuze" and keuze.alternatieven
    assert "Staatsblad" not in "".join(p.toelichting for p in reg.provisions)


def test_the_2027_proposal_is_marked_voorstel_and_states_its_aanhef() -> None:
    bundle = load_bundle(ROOT / "regeling")
    reg = bundle.versions["rlz-2027"]
    soort = {p.ref.citeer(): p.herkomst.soort for p in reg.provisions if p.herkomst is not None}
    for ref in ("artikel 1.1, begripsomschrijving van 'telbare zorgbehoefte'", "artikel 2.2, derde lid",
                "artikel 2.2a, eerste lid", "artikel 2.2b"):
        assert soort[ref] == "voorstel", ref
    doc = bundle.documents["rlz-2027"]
    assert getattr(doc, "aanhef", "") == "Gelet op artikel 3.1.1, vierde lid, van het Besluit langdurige zorg;"


def test_meerzorg_check_counts_the_official_text_per_version() -> None:
    good = Path(__file__).parent / "good" / "herkomst.rgl"
    run = subprocess.run([sys.executable, "-m", "meerzorg_law", "check", str(good)], capture_output=True,
                         text=True, check=False)
    assert ("  officiële tekst: 1 van 1 bepalingen (13 van 13 woorden), uit de geconsolideerde tekst geldend vanaf "
            "27-7-2015: 1") in run.stdout.splitlines()
    bundled = subprocess.run([sys.executable, "-m", "meerzorg_law", "check"], capture_output=True, text=True,
                             check=False, cwd=ROOT)
    # The 2015 text and the bijlage of 2025 are counted apart: neither is claimed as the text in force in 2026.
    assert ("  officiële tekst: 5 van 19 bepalingen (155 van 593 woorden), uit de geconsolideerde tekst geldend "
            "vanaf 27-7-2015: 4, vanaf 1-7-2025: 1; verder beleid 1, uitvoering 1, reconstructie 11, keuze 1"
            ) in bundled.stdout.splitlines()


def test_every_official_provision_is_verbatim_in_the_excerpt_of_its_source() -> None:
    import tomllib

    registry = tomllib.loads((ROOT / "regeling" / "bronnen.toml").read_text(encoding="utf-8"))

    def norm(text: str) -> str:
        return " ".join(text.split())

    checked = 0
    for reg in load_bundle(ROOT / "regeling").versions.values():
        for p in reg.provisions:
            if p.herkomst is None or p.herkomst.soort != "officieel":
                continue
            excerpts = [norm((ROOT / registry[b]["uittreksel"]).read_text(encoding="utf-8"))
                        for b in p.herkomst.bronnen if "uittreksel" in registry.get(b, {})]
            assert excerpts, f"{reg.versie}: {p.ref.citeer()} is officieel, maar geen bron heeft een uittreksel"
            assert any(norm(p.tekst) in e for e in excerpts), \
                f"{reg.versie}: {p.ref.citeer()} staat niet letterlijk in de bron"
            checked += 1
    assert checked >= 5 * 7


def test_the_scan_sees_what_it_forbids() -> None:
    """The scan above is not vacuous: each kind of outside reference in a line is caught."""
    outside = "../" * (len(ROOT.parts) + 1) + "elders"
    # Built from parts, so that this file does not itself contain what the project may not (the stop check greps it).
    lines = ["zie [" + "S7] en [" + "P5, p. 3]", "/ho" + "me/iemand/notities", "zoals brief " + "paragraaf 9 zegt",
             outside, "uit aantekeningen.md"]
    caught = [any(p.search(line) for p, _ in FORBIDDEN)
              or any(not (ROOT / m.group(1)).resolve().is_relative_to(ROOT) for m in CLIMB.finditer(line))
              or any(m.group(1) not in PROJECT_NAMES for m in MARKDOWN.finditer(line)) for line in lines]
    assert caught == [True] * len(lines)
    assert not any(p.search("/usr/bin/chromium en https://wetten.overheid.nl/x") for p, _ in FORBIDDEN)


def test_the_pgb_bar_for_ggz_wonen_5_does_not_depend_on_the_ggz_wonen_keuze() -> None:
    """Artikel 5.5 as the CIZ applies it in 2025 names GGZ Wonen 5 (paragraaf 2.1.6.4): a bar on the pgb for the
    profile itself, in both readings of artikel 2.1; and the text of 2015 is not presented as the text in force."""
    bundle = load_bundle(ROOT / "regeling")
    for versie in ("rlz-2026", "rlz-2026-ggzw-tekst"):
        reg = bundle.versions[versie]
        assert "meerzorg_ggz_wonen" not in reg.dependencies["profiel_zonder_pgb"]
        assert "GGZ5W" in reg.definitions["profiel_zonder_pgb"].source
        assert reg.definitions["profiel_zonder_pgb"].span.provision == ProvisionRef("5.5", "3")
        lid1, lid3 = reg.provision(ProvisionRef("5.5", "1")), reg.provision(ProvisionRef("5.5", "3"))
        assert lid1 is not None and lid1.herkomst is not None and "niet de geldende tekst" in lid1.herkomst.noot
        assert lid3 is not None and lid3.herkomst is not None and lid3.herkomst.soort == "reconstructie"
        assert "ciz-indicatiestelling-2025" in lid3.herkomst.bronnen


def test_the_readme_quotes_the_official_count_that_meerzorg_check_gives() -> None:
    """README, "Wat is officiële tekst": the figures it quotes for rlz-2026 and rlz-2027 are those of
    'meerzorg check' (issue 20: the section follows the regeling)."""
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    run = subprocess.run([sys.executable, "-m", "meerzorg_law", "check"], capture_output=True, text=True,
                         check=False, cwd=ROOT)
    regels = run.stdout.splitlines()
    telling = {regels[i].split(":")[0]: regels[i + 1].strip() for i in range(len(regels) - 1)
               if regels[i + 1].strip().startswith("officiële tekst:")}
    assert telling["rlz-2026"].removeprefix("officiële tekst: ") in readme
    [kern] = re.findall(r"\d+ van \d+ bepalingen \(\d+ van \d+ woorden\)", telling["rlz-2027"])
    assert f"voor rlz-2027 {kern}" in readme
