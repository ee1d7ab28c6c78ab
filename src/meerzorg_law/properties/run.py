"""Versions -> Report: the built-in and declared checks on each version, counterexamples written as case files.

This is what ``meerzorg eigenschappen`` calls; the CLI only prints the report (``render.properties``).
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .. import ir
from ._runner import profile
from .builtin import check_builtin
from .counterexample import write_counterexample
from .declared import check_declared
from .model import Report, VersionReport

__all__ = ["check_properties"]


def check_properties(versions: Mapping[str, ir.Regeling], versie: str | None = None, profiel: str | None = None,
                     uit: Path | None = None) -> Report:
    """Check every version (or only ``versie``) with the Hypothesis profile ``profiel`` (ci, lang; default:
    $MEERZORG_HYPOTHESIS, else ci). Counterexamples go to ``uit`` (default: a new temporary directory).

    Raises KeyError for an unknown version and ValueError for an unknown profile.
    """
    name, cfg = profile(profiel)
    if versie is not None and versie not in versions:
        raise KeyError(versie)
    reports = []
    directory = uit
    for vid in [versie] if versie else list(versions):
        builtin, onbereikbaar = check_builtin(versions[vid], cfg)
        results = []
        for result in (*builtin, *check_declared(versions, vid, cfg)):
            if result.counterexample is not None:
                if directory is None:
                    directory = Path(tempfile.mkdtemp(prefix="meerzorg-eigenschappen-"))
                path = write_counterexample(result, versions, directory)
                result = dataclasses.replace(result, bestand=path)
            results.append(result)
        reports.append(VersionReport(vid, tuple(results), onbereikbaar))
    return Report(tuple(reports), name, directory)
