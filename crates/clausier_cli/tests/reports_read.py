"""Reads a report of `clausier check` with readers that know nothing of Clausier, and
prints what they understood as JSON.

    reports_read.py json|ndjson|csv|markdown FILE

- json: Python's json module; the document as read.
- ndjson: Python's json module, one document a line; the list of documents.
- csv: Python's csv module in strict mode, after checking the RFC 4180 framing (every
  record ends with CRLF, every record has as many fields as the header); the header and
  the rows.
- markdown: markdown-it-py (CommonMark with GFM tables); every table as its header and
  rows of cell texts, in document order.
"""

import csv
import io
import json
import sys

from markdown_it import MarkdownIt


def read_csv(data: bytes):
    text = data.decode("utf-8")
    if not text.endswith("\r\n"):
        raise SystemExit("the last record does not end with CRLF")
    # A bare LF is allowed only inside a quoted field; the csv module tells records apart.
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    header, body = rows[0], rows[1:]
    for number, row in enumerate(body, start=2):
        if len(row) != len(header):
            raise SystemExit(f"record {number} has {len(row)} fields, the header {len(header)}")
    records = text.split("\r\n")
    if len(records) - 1 < len(rows):
        raise SystemExit("records are not separated by CRLF")
    return {"header": header, "rows": body}


def read_markdown(data: bytes):
    tokens = MarkdownIt("commonmark").enable("table").parse(data.decode("utf-8"))
    tables, table, row, in_head = [], None, None, False
    for token in tokens:
        if token.type == "table_open":
            table = {"header": [], "rows": []}
        elif token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append("".join(child.content for child in (token.children or [])))
        elif token.type == "tr_close":
            if in_head:
                table["header"] = row
            else:
                table["rows"].append(row)
            row = None
        elif token.type == "table_close":
            tables.append(table)
            table = None
    return tables


def main():
    kind, path = sys.argv[1], sys.argv[2]
    with open(path, "rb") as file:
        data = file.read()
    if kind == "json":
        out = json.loads(data)
    elif kind == "ndjson":
        out = [json.loads(line) for line in data.decode("utf-8").split("\n") if line]
    elif kind == "csv":
        out = read_csv(data)
    elif kind == "markdown":
        out = read_markdown(data)
    else:
        raise SystemExit(f"unknown format {kind}")
    json.dump(out, sys.stdout, ensure_ascii=False)


main()
