"""Reads a document of `clausier award --format docx` with python-docx, knowing nothing of
Clausier, and prints as JSON what a reader sees: the headings with their level, the text of
every other paragraph, every table's rows (header first), the page size and the language
of the text.

    python award_read.py DOCUMENT.docx
"""

import json
import sys

import docx
from docx.shared import Length


def read(path):
    document = docx.Document(path)
    headings, paragraphs = [], []
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else "Normal"
        if style.startswith("Heading "):
            headings.append([int(style.split(" ")[1]), paragraph.text])
        else:
            paragraphs.append(paragraph.text)
    tables = [
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in document.tables
    ]
    section = document.sections[0]
    millimetres = lambda length: round(Length(length).mm)
    language = document.styles.element.xpath("//w:rPrDefault//w:lang/@w:val")
    return {
        "headings": headings,
        "paragraphs": paragraphs,
        "tables": tables,
        "page_mm": [millimetres(section.page_width), millimetres(section.page_height)],
        "language": language[0] if language else None,
    }


if __name__ == "__main__":
    json.dump(read(sys.argv[1]), sys.stdout, ensure_ascii=False, indent=1)
