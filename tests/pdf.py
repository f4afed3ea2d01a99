"""Reading our PDFs in tests: their text as a person sees it, and what a screen reader needs
(a tagged structure, the document's language and title)."""

import io
from collections import Counter
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject


@dataclass
class ReadPDF:
    reader: PdfReader
    pages: list[str]  # each page's text, spaces collapsed
    tags: Counter  # how many of each structure type (H1, Table, TH, Figure, ...)
    alt_texts: list[str]  # the alternative text of each figure

    @property
    def text(self) -> str:
        return " ".join(self.pages)


def _walk(node, tags: Counter, alt_texts: list[str]) -> None:
    node = node.get_object()
    if isinstance(node, ArrayObject):
        for kid in node:
            _walk(kid, tags, alt_texts)
        return
    if not isinstance(node, DictionaryObject):
        return  # a marked-content id: the leaf that points at the page's content
    if "/S" in node:
        tags[str(node["/S"]).removeprefix("/")] += 1
        if node["/S"] == "/Figure":
            alt_texts.append(str(node.get("/Alt", "")))
    if "/K" in node:
        _walk(node["/K"], tags, alt_texts)


def read_accessible_pdf(content: bytes, *, title: str, lang: str = "en-GB") -> ReadPDF:
    """Open the PDF and check what every PDF of ours must have: tags (a structure tree, marked
    as tagged), its language (British English unless `lang` says otherwise), `title` as its
    title shown in the window, and us as its author. Returns its text and its tags for further
    checks."""
    assert content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert root["/Lang"] == lang
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert reader.metadata.title == title
    assert reader.metadata.author == "Open Gate"
    tags, alt_texts = Counter(), []
    _walk(root["/StructTreeRoot"], tags, alt_texts)
    assert tags["Document"] == 1
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    return ReadPDF(reader=reader, pages=pages, tags=tags, alt_texts=alt_texts)
