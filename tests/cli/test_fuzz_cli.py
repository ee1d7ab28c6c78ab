"""Fuzzing the front ends through the command line, in-process: a regeling and a case file are mutated as a
careless or hostile user would (tokens deleted, duplicated, swapped; deep nesting, huge numbers, odd Unicode,
YAML tags and anchors inserted), then ``meerzorg check`` and ``meerzorg test`` run on them.

Whatever the input: no exception escapes ``main``, the exit code is 0, 1 or 2, and every error names a file,
a line and a column. The seeds are small files in tests/cli/data/fuzz, so an example takes milliseconds.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from meerzorg_law.cli import main

DATA = Path(__file__).parent / "data" / "fuzz"
RGL = (DATA / "regeling.rgl").read_text(encoding="utf-8")
YAML = (DATA / "casussen.yaml").read_text(encoding="utf-8")
# No shrinking: a failure here is usually thousands of nested brackets, which shrink for many minutes; the
# unshrunk example and its traceback are enough to see which stage recursed or which message lacks a place.
FAST = settings(derandomize=True, max_examples=40, deadline=None, phases=[Phase.explicit, Phase.generate],
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_ODD = ["е", "\u200b", "ρ", "ｅ", "é", "\u202e", "\x00", "\ufeff", "🙂"]
_RGL_PIECES = ["niet ", "(", ")", "{", "}", "{1,2}", "als waar dan ", " anders ", " en ", "regel: ", "artikel 9 ",
               "lid 1", "in afwijking van eerste lid", "2026-02-30", "9999-12-31", "€ 1.000,00", "1,25", "\n  ",
               '"', '"""', "#", "meerzorg is ", "10000 jaar"]
_YAML_PIECES = ["[", "]", "{", "}", ": ", "- ", "&a ", "*a", "<<: *basis", "<<: [*basis]", "!!binary ",
                "!!python/name:os.system ", "!!str ", "~", "\t", "\n    ", "'", '"', "#", "9999-99-99", "null",
                "casussen: []", "sjablonen:", "0x1F", "1e9999", ".nan"]


@st.composite
def _mutated(draw: st.DrawFn, text: str, pieces: list[str], spot: str,
             deep: list[tuple[str, str, str]]) -> str:
    """1-3 edits of ``text``; nesting goes right after a ``spot`` token (where a value or condition stands)."""
    tokens = _TOKEN.findall(text)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(tokens) - 1))
        kind = draw(st.sampled_from(["deep", "number", "odd", "delete", "duplicate", "swap", "insert"]))
        if kind == "delete":
            del tokens[i]
        elif kind == "duplicate":
            tokens.insert(i, tokens[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(tokens) - 1))
            tokens[i], tokens[j] = tokens[j], tokens[i]
        elif kind == "insert":
            tokens.insert(i, draw(st.sampled_from(pieces)))
        elif kind == "deep":  # balanced nesting where a value or condition goes, so it gets past the parser
            n = draw(st.sampled_from([3000, 150, 50]))
            spots = [k + 1 for k, t in enumerate(tokens) if t == spot and not _in_comment(tokens, k)] or [i]
            opener, atom, closer = draw(st.sampled_from(deep))
            at = draw(st.sampled_from(spots))
            if spot == ":":  # YAML: the nesting replaces the value
                while at < len(tokens) and "\n" not in tokens[at]:
                    del tokens[at]
                tokens.insert(at, f" {opener * n}{atom}{closer * n}")
            else:  # DSL: the nesting joins the condition
                tokens.insert(at, f" {opener * n}{atom}{closer * n} en")
        elif kind == "number":
            tokens.insert(i, draw(st.sampled_from(["-", ""])) + "9" * draw(st.sampled_from([16, 400, 5000])))
        else:
            tokens.insert(i, draw(st.sampled_from(_ODD)))
        if not tokens:
            tokens = [""]
    return "".join(tokens)


_RGL_DEEP = [("niet ", "waar", ""), ("(", "1", ")"), ("als waar dan ", "1", " anders 2"), ("{", "1", "}")]
_YAML_DEEP = [("[", "1", "]"), ("{a: ", "1", "}"), ("- ", "1", "")]
def _in_comment(tokens: list[str], k: int) -> bool:
    line = "".join(tokens[:k]).rsplit("\n", 1)[-1]
    return "#" in line


_GNU = re.compile(r"^.+:\d+:\d+: (fout|waarschuwing): ")
_ARROW = re.compile(r"^\s*--> .+:\d+:\d+$")


def _positioned(stream: str) -> None:
    """Every diagnostic ('fout[...]' / 'waarschuwing[...]') is followed by its '--> file:line:column'."""
    lines = stream.splitlines()
    for i, line in enumerate(lines):
        if re.match(r"^\s*(fout|waarschuwing)\[", line):
            assert i + 1 < len(lines) and _ARROW.match(lines[i + 1]), f"zonder positie: {line!r}"
        assert not line.startswith("fout: "), f"melding zonder bestand, regel en kolom: {line!r}"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in out + err
    return code, out, err


@FAST
@given(text=_mutated(RGL, _RGL_PIECES, "indien", _RGL_DEEP))
def test_mutated_regeling(capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str) -> None:
    path = tmp_path / "regeling.rgl"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    _, _, err = _run(capsys, "check", "--gnu", str(path))
    for line in err.splitlines():
        assert _GNU.match(line) or not line.strip() or line.startswith(" "), f"zonder positie: {line!r}"
    _, out, err = _run(capsys, "--regeling", str(path), "test", str(DATA / "casussen.yaml"))
    _positioned(out + "\n" + err)


@FAST
@given(text=_mutated(YAML, _YAML_PIECES, ":", _YAML_DEEP))
def test_mutated_case_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str) -> None:
    path = tmp_path / "casussen.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    _, out, err = _run(capsys, "--regeling", str(DATA / "regeling.rgl"), "test", str(path))
    _positioned(out + "\n" + err)
    _, out, err = _run(capsys, "--regeling", str(DATA / "regeling.rgl"), "uitleg", str(path))
    _positioned(out + "\n" + err)
