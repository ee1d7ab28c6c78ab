"""``meerzorg docs``: build the explainer site with Sphinx (-W: every warning is an error).

Builds are incremental: Sphinx keeps its environment in a folder beside the output (never inside the
published site) and re-reads only the pages whose regeling or case files changed (the extension notes
those files as dependencies). After a failed build the next one reads everything again (-E), so -W still
sees every warning of pages that did not change since.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ._common import EXIT_FAILED, EXIT_INPUT, EXIT_OK, INVOER, INVOERMAP, UITVOERMAP, fout

# Written into the doctree folder after a build without warnings; its absence forces a full build.
_GESLAAGD = "meerzorg-bouw-geslaagd"


def add_parser(sub: Any) -> None:
    s = sub.add_parser("docs", help="de uitlegsite bouwen (Sphinx, waarschuwingen zijn fouten)")
    s.add_argument("--uit", pad=UITVOERMAP, help="map voor de HTML (standaard: docs/_build/html)")
    s.add_argument("--bron", pad=INVOERMAP, help="map met conf.py (standaard: de meegeleverde docs/)")
    s.add_argument("--casussen", nargs="+", metavar="PAD", pad=INVOER,
                   help="casusbestanden of -mappen voor de site (standaard: die van conf.py)")
    s.add_argument("--opnieuw", action="store_true", help="alles opnieuw lezen in plaats van alleen wat veranderde")
    s.add_argument("--uitgebreid", "-v", action="store_true", help="alle uitvoer van Sphinx tonen")
    s.add_argument("--volg", action="store_true",
                   help="na de bouw blijven kijken en na elke opgeslagen wijziging van de regeling, de casussen of "
                        "de pagina's opnieuw bouwen, in hetzelfde proces (stoppen met Ctrl-C)")
    s.set_defaults(run=run)


def doctree_map(uit: Path) -> Path:
    """Sphinx's pickled environment: beside the output folder, so it is never published with the site."""
    return uit.parent / f"{uit.name}.doctrees"


def run(args: argparse.Namespace) -> int:
    from ..cases.project import bundled_paths
    from ..output import ensure_directory

    bron = Path(args.bron) if args.bron else bundled_paths()[0].parent / "docs"
    if not (bron / "conf.py").is_file():
        fout(f"geen Sphinx-site in {bron} (conf.py ontbreekt)")
        return EXIT_INPUT
    uit = Path(args.uit) if args.uit else bron / "_build" / "html"
    doctrees = doctree_map(uit)
    ensure_directory(uit), ensure_directory(doctrees)  # a file in the way is a Dutch error, not a traceback
    with _slot(uit):
        status = _bouw(args, bron, uit, doctrees)
        return _volg(args, bron, uit, doctrees, status) if args.volg else status


# How often --volg looks at the files: every 0,1 s, or less often where a look costs more than a twentieth of that
# (it asks the time and size of every input file: 2-3 ms for the bundled site). After a change it looks again
# after as long, and builds when nothing changed in between (an editor that saves in steps). It was 0,3 s: a
# save waited 0,3-0,6 s before its build began, now 0,1-0,2 s.
_KIJK = 0.1
_KIJK_AANDEEL = 20


def _kijk(bron: Path, uit: Path) -> tuple[dict[Path, tuple[int, int]], float]:
    """``_stand`` and the pause before the next look."""
    begin = time.perf_counter()
    stand = _stand(bron, uit)
    return stand, max(_KIJK, _KIJK_AANDEEL * (time.perf_counter() - begin))


def _volg(args: argparse.Namespace, bron: Path, uit: Path, doctrees: Path, status: int) -> int:
    """``--volg``: rebuild in this process whenever an input file changes, until Ctrl-C. A build in a new process
    first imports Sphinx and the toolkit and sets up Sphinx (1,5-2 s on the development machine); here those
    stay, so a rebuild after one change costs what ``benchmarks/bench_docs.py`` measures in-process. Returns the
    status of the last build."""
    import signal

    # Sphinx catches a Ctrl-C during a build and returns a status: noted here, so that it stops the watching too.
    onderbroken: list[bool] = []

    def ctrl_c(signum: int, frame: object) -> None:
        onderbroken.append(True)
        raise KeyboardInterrupt

    eerder = signal.signal(signal.SIGINT, ctrl_c)
    # Looked at before saying so: a file saved just after the message is a change (it was not seen before).
    vorige, pauze = _kijk(bron, uit)
    print(f"Ik kijk naar de regeling, de casussen en de pagina's in {bron}; stoppen met Ctrl-C.", flush=True)
    try:
        while True:
            time.sleep(pauze)
            nu, pauze = _kijk(bron, uit)
            if nu == vorige:
                continue
            while nu != vorige:  # an editor that saves in steps: build when the files are still
                vorige = nu
                time.sleep(pauze)
                nu, pauze = _kijk(bron, uit)
            begin = time.perf_counter()
            status = _bouw(args, bron, uit, doctrees)
            if onderbroken:
                raise KeyboardInterrupt
            duur = f"{time.perf_counter() - begin:.1f}".replace(".", ",")
            print(f"Opnieuw gebouwd in {duur} s." if status == EXIT_OK else
                  f"De bouw mislukte ({duur} s); ik kijk verder.", flush=True)
    except KeyboardInterrupt:
        print("Gestopt.")
    finally:
        signal.signal(signal.SIGINT, eerder)
    return status


def _stand(bron: Path, uit: Path) -> dict[Path, tuple[int, int]]:
    """Time and size of every input file: the pages' sources (not what a build writes) and the regeling and case
    files the last build read, their folders looked at again so that a new file counts."""
    from ..sphinxext.sitedata import invoerbestanden

    overslaan = {"_build", "_generated", "__pycache__"}
    uit = uit.resolve()
    bestanden = [f for f in bron.rglob("*") if not overslaan & set(f.relative_to(bron).parts)
                 and not f.resolve().is_relative_to(uit)]
    stand: dict[Path, tuple[int, int]] = {}
    for f in [*bestanden, *invoerbestanden()]:
        with contextlib.suppress(OSError):
            st = f.stat()
            if not f.is_dir():
                stand[f] = (st.st_mtime_ns, st.st_size)
    return stand


@contextlib.contextmanager
def _slot(uit: Path) -> Iterator[None]:
    """One build per output folder at a time: a second ``docs --uit`` on the same folder is refused in Dutch
    (two at once crashed on each other's temporary files)."""
    import fcntl

    from ..output import OutputError, reden

    pad = uit.parent / f".{uit.name}.meerzorg-slot"
    try:
        fd = os.open(pad, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as err:
        raise OutputError(f"kan '{uit}' niet vergrendelen: {reden(err)}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(f"'{uit}' wordt al gebouwd door een andere 'meerzorg docs'; wacht tot die klaar is "
                              "of kies een andere --uit") from None
        yield
    finally:
        os.close(fd)


def _bron_buiten_checkout(bron: Path, uit: Path) -> Path:
    """Where Sphinx reads the pages: ``bron`` itself when the site is built inside it; else a copy beside the
    output (``.<uit>.bron``), so the generated pages go there and never into a checkout that may be read-only
    or someone else's. conf.py stays in ``bron`` (``-c``), so its relative paths keep their meaning."""
    if uit.resolve().is_relative_to(bron.resolve()):
        return bron
    kopie = uit.parent / f".{uit.name}.bron"
    shutil.copytree(bron, kopie, dirs_exist_ok=True, copy_function=shutil.copy2,
                    ignore=shutil.ignore_patterns("_build", "_generated", "conf.py", "__pycache__"))
    return kopie


# Builders Sphinx sets up for every build whatever it builds; this command builds HTML only. Their imports are
# 30-40 ms of each run, measured per module on the development machine, and the link checker imports requests,
# which ``_LUI`` defers. The gettext builder stays: Sphinx's core reads its settings.
_ANDERE_BUILDERS = frozenset({
    "sphinx.builders.changes", "sphinx.builders.epub3", "sphinx.builders.dirhtml", "sphinx.builders.dummy",
    "sphinx.builders.latex", "sphinx.builders.linkcheck", "sphinx.builders.manpage", "sphinx.builders.singlehtml",
    "sphinx.builders.texinfo", "sphinx.builders.text", "sphinx.builders.xml", "sphinxcontrib.applehelp",
    "sphinxcontrib.devhelp", "sphinxcontrib.htmlhelp", "sphinxcontrib.qthelp", "sphinxcontrib.serializinghtml"})


_LUI = ("sphinx.util.requests",)


@contextlib.contextmanager
def _alleen_html() -> Iterator[None]:
    """Sphinx without the builders this command does not use, for the build inside the ``with`` only (the list
    is Sphinx's own module-level ``builtin_extensions``; a test that builds text in the same process afterwards
    finds them all again), and the modules of ``_LUI`` imported lazily. Each build of the site makes the same
    choice, so Sphinx's record of the settings (``.buildinfo``) stays the same from build to build."""
    import sphinx.application

    for naam in _LUI:
        _lui(naam)
    alle = sphinx.application.builtin_extensions
    sphinx.application.builtin_extensions = tuple(e for e in alle if e not in _ANDERE_BUILDERS)
    try:
        yield
    finally:
        sphinx.application.builtin_extensions = alle


def _lui(naam: str) -> None:
    """Import the module ``naam`` lazily (``importlib.util.LazyLoader``): it is executed when one of its names is
    first used, and then whole, so nothing behaves otherwise. For Sphinx's ``sphinx.util.requests`` (downloading
    remote images, which this site has none of), which the HTML build imports through ``from sphinx.util import
    requests`` and which imports requests and urllib3: about 30 ms of every build on the development machine.
    (Not for a module that is imported with ``import naam``: CPython reads the module's ``__spec__`` on every
    import, which executes it; so soupsieve, which Furo's BeautifulSoup imports so, cannot be deferred this way.)"""
    import importlib.util
    import sys

    if naam in sys.modules:
        return
    spec = importlib.util.find_spec(naam)  # (imports the parent package of a submodule)
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[naam] = module
    spec.loader.exec_module(module)
    ouder, _, kind = naam.rpartition(".")
    if ouder:
        setattr(sys.modules[ouder], kind, module)


def _bouw(args: argparse.Namespace, bron: Path, uit: Path, doctrees: Path) -> int:
    from sphinx.cmd.build import build_main

    from ..output import OutputError, reden

    try:
        pagina_s = _bron_buiten_checkout(bron, uit)
    except OSError as err:
        raise OutputError(f"kan de pagina's niet naast '{uit}' zetten: {reden(err)}") from None
    geslaagd = doctrees / _GESLAAGD
    argv = ["-W", "--keep-going", "-b", "html", "-d", str(doctrees), "-c", str(bron), str(pagina_s), str(uit)]
    if args.opnieuw or not geslaagd.exists():
        argv.insert(0, "-E")
    if args.regeling:
        argv += ["-D", f"meerzorg_regeling={Path(args.regeling).resolve()}"]
    if args.casussen:
        argv += ["-D", "meerzorg_casussen=" + os.pathsep.join(str(Path(p).resolve()) for p in args.casussen)]
    if not args.uitgebreid:
        argv.append("-q")
    geslaagd.unlink(missing_ok=True)
    # Older builds kept the environment inside the site; it must not be published with it.
    shutil.rmtree(uit / ".doctrees", ignore_errors=True)
    try:
        with _alleen_html():
            status = build_main(argv)
    finally:
        from ..sphinxext import collector_als_eerder

        collector_als_eerder()
    if status == 0:
        geslaagd.write_text("", encoding="utf-8")
        print(f"Site gebouwd: {uit / 'index.html'}")
    return EXIT_OK if status == 0 else EXIT_FAILED
