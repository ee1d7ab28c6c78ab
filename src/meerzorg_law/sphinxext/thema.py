"""Furo in Dutch and with distinct landmarks: the labels Furo writes into its templates in English (they are
not in its message catalogue), the names of its two side panels, and the level of the navigation's caption.

``docs/_templates/page.html`` sends the rendered page body through the Jinja filter ``nl_thema``; each
replacement is a fixed piece of the theme's own markup, never a value from the regeling. A test fails when a
theme update changes that markup so that an English label or an unnamed panel would come back.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["VERVANGINGEN", "eigen_navigatie", "nl_thema", "registreer"]

VERVANGINGEN: tuple[tuple[str, str], ...] = (
    ('aria-label="Toggle site navigation sidebar"', 'aria-label="Navigatie tonen of verbergen"'),
    ('aria-label="Toggle table of contents sidebar"', 'aria-label="Inhoud van deze pagina tonen of verbergen"'),
    ('aria-label="Toggle Light / Dark / Auto color theme"',
     'aria-label="Kleurenschema kiezen: licht, donker of automatisch"'),
    ('<aside class="sidebar-drawer">', '<aside class="sidebar-drawer" aria-label="Navigatie">'),
    ('<aside class="toc-drawer', '<aside aria-label="Op deze pagina" class="toc-drawer'),
    # A wide table scrolls sideways in Furo's wrapper: the keyboard must be able to reach it to scroll it.
    ('<div class="table-wrapper', '<div tabindex="0" class="table-wrapper'),
    # A wide chart scrolls sideways on a phone (meerzorg.css): the keyboard must reach it too.
    ('<figure class="rlz-breed-figuur align-default"', '<figure tabindex="0" class="rlz-breed-figuur align-default"'),
    # Sphinx marks a toctree caption as a heading without a level; in the navigation it heads a list (level 2).
    ('<p class="caption" role="heading">', '<p class="caption" role="heading" aria-level="2">'),
)


def nl_thema(html: str) -> str:
    """The page body with Furo's English labels in Dutch and its side panels named."""
    out = str(html)
    for engels, nederlands in VERVANGINGEN:
        out = out.replace(engels, nederlands)
    return Markup(out) if isinstance(html, Markup) else out


def registreer(app: Sphinx) -> None:
    """``builder-inited``: make the filter known to the HTML builder's templates, and keep the compiled templates
    beside Sphinx's environment (Jinja's own bytecode cache, keyed on each template's source): a new process
    (each ``meerzorg docs``) compiled the theme's 19 templates again, 0,1-0,15 s."""
    import jinja2

    templates = getattr(app.builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is not None:
        environment.filters["nl_thema"] = nl_thema
        map_ = Path(app.doctreedir) / "meerzorg-sjablonen"
        with contextlib.suppress(OSError):
            map_.mkdir(parents=True, exist_ok=True)
            environment.bytecode_cache = jinja2.FileSystemBytecodeCache(str(map_))


def eigen_navigatie(app: Sphinx) -> bool:
    """Whether the site has its own ``sidebar/navigation.html`` (ours opens only the current branch and calls
    ``toctree`` itself), so Furo's full navigation tree is never shown."""
    confdir = Path(app.confdir)
    return app.config.html_theme == "furo" and any(
        (confdir / t / "sidebar" / "navigation.html").is_file() for t in app.config.templates_path)


def verberg_toctree(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """``html-page-context`` before Furo's handler: Furo builds the whole navigation tree of every page (and
    parses it again) for its own sidebar template; with ours that tree is never shown and cost a quarter of a
    second per page written. Without ``toctree`` in the context Furo skips it; :func:`herstel_toctree` puts it
    back for our template."""
    if "toctree" in context and eigen_navigatie(app):
        context["meerzorg_toctree"] = context.pop("toctree")


def herstel_toctree(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """``html-page-context`` after Furo's handler: the ``toctree`` function back for the templates."""
    if "meerzorg_toctree" in context:
        context["toctree"] = context.pop("meerzorg_toctree")
