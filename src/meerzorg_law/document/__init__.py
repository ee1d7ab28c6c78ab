"""The document model: a regeling and a wijzigingsregeling as legal documents, shaped after Akoma Ntoso (act,
chapter, section, article, paragraph, point, subpoint, annex; an amendment with ``mod``s carrying quoted
structures). It is the contract for legal text, as the IR is the contract for rules: the site, ``meerzorg
vergelijk``, the .docx, the PDF and the Akoma Ntoso export are formats of it (``formats.py``), and every
amendment instruction is worded once (``wording.py``)."""

from .amendment import build_amendment
from .build import build_act
from .formats import FORMATS, Format, Generator, register
from .model import Act, Amendment, Mod, Provision

__all__ = ["FORMATS", "Act", "Amendment", "Format", "Generator", "Mod", "Provision", "build_act", "build_amendment",
           "register"]
