"""``meerzorg docs``: incremental builds that still see every warning, and the environment kept outside the site."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from meerzorg_law.cli import main
from meerzorg_law.cli.docs import doctree_map

ROOTS = Path(__file__).resolve().parent / "roots"


def _doctree_tijden(doctrees: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in doctrees.glob("*.doctree")}


def test_incremental_build_reads_everything_again_after_a_failure(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    bron = tmp_path / "bron"
    shutil.copytree(ROOTS / "test-basic", bron)
    uit = tmp_path / "html"
    doctrees = doctree_map(uit)
    assert main(["docs", "--bron", str(bron), "--uit", str(uit)]) == 0
    assert doctrees.is_dir() and not (uit / ".doctrees").exists()
    eerst = _doctree_tijden(doctrees)

    # Nothing changed: nothing is read again.
    assert main(["docs", "--bron", str(bron), "--uit", str(uit)]) == 0
    assert _doctree_tijden(doctrees) == eerst

    # A page with a warning fails the build (-W) ...
    fout = bron / "rollen.rst"
    goed = fout.read_text(encoding="utf-8")
    fout.write_text(goed + "\n:rlz:artikel:`9.9`\n", encoding="utf-8")
    assert main(["docs", "--bron", str(bron), "--uit", str(uit)]) != 0
    # ... and stays failing although the page itself did not change since: the next build reads everything.
    assert main(["docs", "--bron", str(bron), "--uit", str(uit)]) != 0
    assert "9.9" in capsys.readouterr().err

    # Repaired: a full read once more, then incremental again.
    fout.write_text(goed, encoding="utf-8")
    voor = _doctree_tijden(doctrees)
    assert main(["docs", "--bron", str(bron), "--uit", str(uit)]) == 0
    na = _doctree_tijden(doctrees)
    assert all(na[k] > voor[k] for k in voor), "na een mislukte bouw moet alles opnieuw gelezen worden"
    assert main(["docs", "--bron", str(bron), "--uit", str(uit)]) == 0
    assert _doctree_tijden(doctrees) == na


def test_a_build_sets_up_no_builder_it_does_not_use_and_no_http_client(tmp_path: Path) -> None:
    """An HTML build in a new process: the link checker and the other builders are not set up, and requests
    (for remote images) is not imported; after the build Sphinx's list of builders is whole again, for a build
    of another kind in the same process."""
    bron = tmp_path / "bron"
    shutil.copytree(ROOTS / "test-basic", bron)
    code = ("import json, sys\nfrom meerzorg_law.cli import main\n"
            f"status = main(['docs', '--bron', {str(bron)!r}, '--uit', {str(tmp_path / 'html')!r}])\n"
            "import sphinx.application\n"
            "print(json.dumps([status, sorted(sys.modules), list(sphinx.application.builtin_extensions)]))")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    status, modules, builders = json.loads(uit.stdout.strip().splitlines()[-1])
    assert status == 0
    assert "sphinx.transforms.post_transforms.images" in modules  # (it imports sphinx.util.requests)
    assert [m for m in modules if m.startswith(("requests", "urllib3", "sphinx.builders.linkcheck",
                                                "sphinx.builders.latex", "sphinx.builders.epub3"))] == []
    assert {"sphinx.builders.linkcheck", "sphinx.builders.text", "sphinx.builders.html"} <= set(builders)


def test_volg_rebuilds_after_a_change_in_the_same_process_until_ctrl_c(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str],
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """``docs --volg`` looks at the files (here a case file outside the pages' folder, given with --casussen),
    does nothing while none changes, rebuilds once after a change, and stops on Ctrl-C with the last status."""
    import time

    bron = tmp_path / "bron"
    shutil.copytree(ROOTS / "test-basic", bron)
    elders = tmp_path / "elders"
    shutil.move(bron / "gevallen", elders)
    uit = tmp_path / "html"
    yaml = elders / "proef.yaml"
    rondes: list[float] = []

    def slaap(seconden: float) -> None:
        rondes.append(seconden)
        if len(rondes) == 3:  # the third look: the drafter saves a renamed case
            yaml.write_text(yaml.read_text(encoding="utf-8").replace("naam: P1 onder de drempel, thuis",
                                                                     "naam: P1 ver onder de drempel, thuis"),
                            encoding="utf-8")
        if len(rondes) == 7:
            raise KeyboardInterrupt

    # Built before: the first build of --volg finds nothing changed (and loads no case), and still watches them.
    assert main(["docs", "--bron", str(bron), "--uit", str(uit), "--casussen", str(elders)]) == 0
    capsys.readouterr()
    monkeypatch.setattr(time, "sleep", slaap)
    assert main(["docs", "--bron", str(bron), "--uit", str(uit), "--casussen", str(elders), "--volg"]) == 0
    out = capsys.readouterr().out
    assert out.count("Site gebouwd") == 2 and out.count("Opnieuw gebouwd in ") == 1, out
    assert out.rstrip().endswith("Gestopt.")
    assert "P1 ver onder de drempel, thuis" in (uit / "artikel.html").read_text(encoding="utf-8")


def test_volg_sees_a_file_saved_just_after_it_says_it_watches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The drafter reads "Ik kijk naar ..." and saves at once: that save is a change. (--volg looked at the files
    only after printing the message, so a save in between was taken for the state to compare with and never
    built; the benchmark that saves as soon as it reads the message waited for ever.)"""
    import io
    import sys
    import time

    bron = tmp_path / "bron"
    shutil.copytree(ROOTS / "test-basic", bron)
    uit = tmp_path / "html"
    yaml = bron / "gevallen" / "proef.yaml"
    assert main(["docs", "--bron", str(bron), "--uit", str(uit)]) == 0

    class Drafter(io.StringIO):
        def write(self, tekst: str) -> int:
            if tekst.startswith("Ik kijk naar"):
                yaml.write_text(yaml.read_text(encoding="utf-8").replace("naam: P1 onder de drempel, thuis",
                                                                         "naam: P1 ver onder de drempel, thuis"),
                                encoding="utf-8")
            return super().write(tekst)

    rondes: list[float] = []

    def slaap(seconden: float) -> None:
        rondes.append(seconden)
        if len(rondes) == 6:
            raise KeyboardInterrupt

    uitvoer = Drafter()
    monkeypatch.setattr(sys, "stdout", uitvoer)
    monkeypatch.setattr(time, "sleep", slaap)
    assert main(["docs", "--bron", str(bron), "--uit", str(uit), "--volg"]) == 0
    assert uitvoer.getvalue().count("Opnieuw gebouwd in ") == 1, uitvoer.getvalue()
    assert "P1 ver onder de drempel, thuis" in (uit / "artikel.html").read_text(encoding="utf-8")


def test_volg_looks_every_tenth_of_a_second_unless_a_look_costs_more(monkeypatch: pytest.MonkeyPatch) -> None:
    """A look (the time and size of every input file) every 0,1 s; a look that costs more than a twentieth of the
    pause makes the pause longer, so watching a large folder does not keep a core busy."""
    from meerzorg_law.cli import docs

    monkeypatch.setattr(docs, "_stand", lambda bron, uit: {})
    for kosten, pauze in ((0.002, 0.1), (0.005, 0.1), (0.02, 0.4)):
        klok = iter((10.0, 10.0 + kosten))
        monkeypatch.setattr(docs.time, "perf_counter", lambda klok=klok: next(klok))
        assert docs._kijk(Path("bron"), Path("uit")) == ({}, pytest.approx(pauze))


def test_volg_stops_on_ctrl_c_during_a_rebuild(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Sphinx catches a Ctrl-C during a build and returns a status; --volg still stops (it kept watching)."""
    import os
    import signal
    import time

    from meerzorg_law.cli import docs

    bron = tmp_path / "bron"
    shutil.copytree(ROOTS / "test-basic", bron)
    standen = iter(range(1_000))
    monkeypatch.setattr(docs, "_stand", lambda bron, uit: next(standen) // 3)  # a change every third look
    monkeypatch.setattr(time, "sleep", lambda seconden: None)
    bouwen: list[int] = []

    def bouw(*args: object) -> int:
        bouwen.append(1)
        if len(bouwen) == 1:
            return 0  # the first build, before watching
        if len(bouwen) > 3:
            raise KeyboardInterrupt  # (a watcher that went on: end the test, which then fails)
        try:  # as Sphinx does with a Ctrl-C during its build
            os.kill(os.getpid(), signal.SIGINT)
            time.perf_counter()
        except KeyboardInterrupt:
            return 2
        return 0

    monkeypatch.setattr(docs, "_bouw", bouw)
    voor = signal.getsignal(signal.SIGINT)
    assert main(["docs", "--bron", str(bron), "--uit", str(tmp_path / "html"), "--volg"]) == 2
    assert len(bouwen) == 2 and capsys.readouterr().out.rstrip().endswith("Gestopt.")
    assert signal.getsignal(signal.SIGINT) is voor


def test_a_build_that_stops_before_it_finishes_leaves_the_collector_running(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A rebuild rests the collector from its start (a kept environment); one that stops before Sphinx says it
    finished (here a theme that does not exist) must not leave it resting: ``--volg`` goes on building."""
    import gc

    bron = tmp_path / "bron"
    shutil.copytree(ROOTS / "test-basic", bron)
    uit = tmp_path / "html"
    assert main(["docs", "--bron", str(bron), "--uit", str(uit)]) == 0
    drempels = gc.get_threshold()
    conf = bron / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + 'html_theme = "bestaat-niet"\n', encoding="utf-8")
    assert main(["docs", "--bron", str(bron), "--uit", str(uit)]) != 0
    assert "bestaat-niet" in capsys.readouterr().err
    assert gc.isenabled() and gc.get_freeze_count() == 0 and gc.get_threshold() == drempels
