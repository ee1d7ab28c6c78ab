"""The real site: ``docs/`` over the bundled regeling and cases builds with -W, with a page per version found."""

from __future__ import annotations

from pathlib import Path

from meerzorg_law.semantics.pipeline import load_bundle

REGELING = Path(__file__).resolve().parents[2] / "regeling"


def test_real_docs_build_with_warnings_as_errors(echte_site: tuple[int, Path]) -> None:
    status, out = echte_site
    assert status == 0, "meerzorg docs faalde: zie de waarschuwingen hierboven"
    bundle = load_bundle(REGELING)
    for versie in bundle.catalog:
        assert (out / "_generated" / versie.id / "index.html").is_file(), versie.id
    assert (out / "_generated" / "rlz-2026" / "artikel-2.2.html").is_file()
    assert (out / "_generated" / "rlz-2026" / "bijlage-A.html").is_file()
    for page in ("index", "casussen", "dekking", "taal", "rlz-begrippen", "rlz-bepalingen", "rlz-casussen"):
        assert (out / f"{page}.html").is_file(), page
    bijlage = (out / "_generated" / "rlz-2026" / "bijlage-A.html").read_text(encoding="utf-8")
    assert "VG (Besloten) wonen met zeer intensieve begeleiding, verzorging en gedragsregulering" in bijlage
