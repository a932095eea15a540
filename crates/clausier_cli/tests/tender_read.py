"""Reads a tender rendered by `clausier render` as Word (python-docx) and as HTML (the
standard library's html.parser), knowing nothing of Clausier, and prints what each shows
as JSON: the title, the numbered articles, the headings of the clauses, the criteria with
their weights and total, the page size and margins, and the language of the text.

    python tender_read.py TENDER.docx TENDER.html
"""

import json
import re
import sys
from html.parser import HTMLParser

import docx
from docx.shared import Length

CLAUSE = re.compile(r"^\d+(\.\d+)+ ")


def read_docx(path):
    document = docx.Document(path)
    title = None
    articles = []
    clauses = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else "Normal"
        text = paragraph.text
        if style == "Title" and title is None:
            title = text
        elif style.startswith("Heading") and text.startswith(("Article ", "Annex")):
            articles.append(text)
        elif style.startswith("Heading") and CLAUSE.match(text):
            clauses.append(text)
    criteria, total = [], None
    evidence = None
    for table in document.tables:
        header = [cell.text for cell in table.rows[0].cells]
        rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
        if header[-1] in ("Pondération", "Weight"):
            # One table per lot in a contract whose lots have criteria of their own.
            criteria += rows[:-1]
            total = rows[-1][-1]
        if header[0] in ("Pièce", "Document"):
            evidence = len(rows)
    section = document.sections[0]
    millimetres = lambda length: round(Length(length).mm)
    language = document.styles.element.xpath("//w:rPrDefault//w:lang/@w:val")
    # Word reads a spacing without a rule as proportional, LibreOffice as exact.
    line_rule = document.styles.element.xpath("//w:pPrDefault//w:spacing/@w:lineRule")
    return {
        "title": title,
        "articles": articles,
        "clauses": clauses,
        "criteria": criteria,
        "total": total,
        "evidence_rows": evidence,
        "page_mm": [millimetres(section.page_width), millimetres(section.page_height)],
        "margins_mm": [
            millimetres(section.top_margin),
            millimetres(section.right_margin),
            millimetres(section.bottom_margin),
            millimetres(section.left_margin),
        ],
        "language": language[0] if language else None,
        "line_rule": line_rule[0] if line_rule else None,
    }


class TenderPage(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings = []
        self.heading = None
        self.section = None
        self.tables = {}
        self.table = None
        self.cell = None
        self.row = None

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "section":
            self.section = attributes.get("id")
        elif re.fullmatch(r"h[1-6]", tag):
            self.heading = [tag, ""]
        elif tag == "table" and self.section not in self.tables:
            self.table = self.tables.setdefault(self.section, [])
        elif tag == "tr" and self.table is not None:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if self.heading is not None and tag == self.heading[0]:
            self.headings.append((tag, self.heading[1]))
            self.heading = None
        elif tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell)
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.table.append(self.row)
            self.row = None
        elif tag == "table":
            self.table = None

    def handle_data(self, data):
        if self.heading is not None:
            self.heading[1] += data
        if self.cell is not None:
            self.cell += data


def read_html(path):
    page = TenderPage()
    with open(path, encoding="utf-8") as file:
        page.feed(file.read())
    title = next(text for tag, text in page.headings if tag == "h1")
    articles = [text for tag, text in page.headings if text.startswith(("Article ", "Annex"))]
    clauses = [text for tag, text in page.headings if CLAUSE.match(text)]
    criteria, total = [], None
    # `criteria`, or `lot-1-criteria`, `lot-2-criteria`… in a contract whose lots have
    # criteria of their own, in the order of the page.
    for name, table in page.tables.items():
        if name == "criteria" or (name or "").endswith("-criteria"):
            rows = table[1:]
            criteria += rows[:-1]
            total = rows[-1][-1] if rows else None
    evidence = page.tables.get("evidence")
    return {
        "title": title,
        "articles": articles,
        "clauses": clauses,
        "criteria": criteria,
        "total": total,
        "evidence_rows": len(evidence) - 1 if evidence else None,
    }


if __name__ == "__main__":
    print(json.dumps({"docx": read_docx(sys.argv[1]), "html": read_html(sys.argv[2])}, ensure_ascii=False))
