"""The one way a value from the regeling enters generated JavaScript: as a JSON literal, safe inside HTML.

JSON is valid JavaScript for strings, numbers, booleans, arrays and objects; on top of that ``<``, ``>`` and
``&`` become ``\\u003c``-escapes, so no ``</script>`` or ``<!--`` can close or confuse an inline script, and
U+2028/U+2029 (line ends in older JavaScript, not in JSON) are escaped as well.
"""

from __future__ import annotations

import json

__all__ = ["js"]

_VEILIG = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                         "\u2029": "\\u2029"})


def js(value: object) -> str:
    """``value`` (str, int, bool, None, lists and dicts of them) as a JavaScript literal.

    >>> js("</script><b>")
    '"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"'
    """
    return json.dumps(value, ensure_ascii=False, sort_keys=False).translate(_VEILIG)
