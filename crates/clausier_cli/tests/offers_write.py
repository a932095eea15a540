"""Writes the example offers of a folder as a vendor's tables would hold them, with
writers that know nothing of Clausier, for crates/clausier_cli/tests/formats_equivalent.rs.

    offers_write.py EXAMPLES_FOLDER OUTPUT_FOLDER

reads every `*.json`, `*.yaml` and `*.toml` offer of EXAMPLES_FOLDER (file name order)
and writes into OUTPUT_FOLDER four folders holding the same offers:

- `json/`: one JSON file per offer (Python's json module), the reference;
- `csv/offres.csv`: one row per offer, as a French Excel saves a sheet as CSV: cells
  separated by `;`, decimals with a comma (`4,20`), encoded in Windows-1252 with CRLF
  line ends, cells holding a `;` quoted;
- `xlsx/offres.xlsx`: one sheet written with openpyxl, numbers in numeric cells,
  booleans in boolean cells, dates in date cells;
- `ods/offres.ods`: the same sheet written with odfpy.

In every table the first row names field paths (`hosting.region`), lists are written
`a;b` and an empty list `[]`; a field absent from an offer is an empty cell. In the CSV
file booleans are `VRAI` and `FAUX` and dates `12/05/2026`, as French Excel writes them.

A table has no way to write a non-empty list of records (`subprocessors`): such a field
is left out of the offer in every format, the JSON one included, so that all four hold
the same offer. What was left out is printed on standard output as JSON:
`{"offers": [ids], "fields_left_out": {id: [paths]}}`.
"""

import csv
import datetime
import json
import pathlib
import sys
import tomllib

import openpyxl
import yaml
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P


def read_offer(path):
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    if path.suffix == ".yaml":
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    return tomllib.loads(path.read_text(encoding="utf-8"))


def no_such_day(value):
    """The offer with every day written day/month/year (`30/06/2027`, which JSON refuses
    and a French CSV reads) made a day that does not exist (`31/02/2027`): an offer
    invalid for its date is then invalid the same way in every format."""
    if isinstance(value, dict):
        return {key: no_such_day(item) for key, item in value.items()}
    if isinstance(value, list):
        return [no_such_day(item) for item in value]
    parts = value.split("/") if isinstance(value, str) else []
    if len(parts) == 3 and [len(part) for part in parts] == [2, 2, 4] and all(
        part.isdigit() for part in parts
    ):
        return f"31/02/{parts[2]}"
    return value


def is_record_list(value):
    return isinstance(value, list) and any(isinstance(item, dict) for item in value)


def without_record_lists(offer, prefix=""):
    """The offer without its non-empty lists of records, and their paths."""
    kept, left_out = {}, []
    for name, value in offer.items():
        path = f"{prefix}{name}"
        if isinstance(value, dict):
            kept[name], inner = without_record_lists(value, f"{path}.")
            left_out += inner
        elif is_record_list(value):
            left_out.append(path)
        else:
            kept[name] = value
    return kept, left_out


def cells(offer, prefix=""):
    """The offer's fields as (path, value) pairs, nested records flattened."""
    for name, value in offer.items():
        if isinstance(value, dict):
            yield from cells(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value


def french_decimal(text):
    """A decimal written as French Excel shows it: `4,20`, `5,20 €`."""
    return text.replace(".", ",")


def is_decimal_text(text):
    """Whether a text is an amount written with a point, such as `5.20 €`."""
    number = text.removesuffix("€").strip()
    whole, point, fraction = number.partition(".")
    return bool(point) and whole.isdigit() and fraction.isdigit()


def is_iso_day(text):
    """`2026-05-12`: a day as JSON offers write it."""
    parts = text.split("-")
    return len(text) == 10 and len(parts) == 3 and all(part.isdigit() for part in parts)


def csv_text(value):
    """A value as French Excel writes it in a `;`-separated CSV file."""
    if isinstance(value, bool):
        return "VRAI" if value else "FAUX"
    if isinstance(value, float):
        return french_decimal(repr(value))
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and is_iso_day(value):
        return datetime.date.fromisoformat(value).strftime("%d/%m/%Y")
    if isinstance(value, list):
        return ";".join(csv_text(item) for item in value) if value else "[]"
    if is_decimal_text(value):
        return french_decimal(value)
    return value


def sheet_value(value):
    """A value as a workbook cell holds it: numbers, booleans and dates as such, an
    amount typed as text with its decimal comma, lists as text."""
    if isinstance(value, (bool, int, float, datetime.date)):
        return value
    return csv_text(value)


def json_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"cannot write {value!r} in JSON")


def write_ods(path, header, rows):
    document = OpenDocumentSpreadsheet()
    table = Table(name="Offres")
    for values in [header, *rows]:
        row = TableRow()
        for value in values:
            row.addElement(ods_cell(sheet_value(value) if value is not None else None))
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(path))


def ods_cell(value):
    if value is None:
        return TableCell()
    if isinstance(value, bool):
        text = "VRAI" if value else "FAUX"
        cell = TableCell(valuetype="boolean", booleanvalue="true" if value else "false")
    elif isinstance(value, (int, float)):
        text = french_decimal(str(value))
        cell = TableCell(valuetype="float", value=str(value))
    elif isinstance(value, datetime.date):
        text = value.strftime("%d/%m/%Y")
        cell = TableCell(valuetype="date", datevalue=value.isoformat())
    else:
        text = value
        cell = TableCell(valuetype="string")
    cell.addElement(P(text=text))
    return cell


def main(examples, output):
    sources = sorted(
        path
        for pattern in ("*.json", "*.yaml", "*.toml")
        for path in examples.glob(pattern)
    )
    offers, fields_left_out = [], {}
    for source in sources:
        offer, left_out = without_record_lists(no_such_day(read_offer(source)))
        if left_out:
            fields_left_out[offer["id"]] = left_out
        offers.append(offer)

    for folder in ("json", "csv", "xlsx", "ods"):
        (output / folder).mkdir(parents=True)
    for offer in offers:
        (output / "json" / f"{offer['id']}.json").write_text(
            json.dumps(offer, ensure_ascii=False, indent=2, default=json_value),
            encoding="utf-8",
        )

    header = []
    for offer in offers:
        for path, _ in cells(offer):
            if path not in header:
                header.append(path)
    rows = []
    for offer in offers:
        values = dict(cells(offer))
        rows.append([values.get(path) for path in header])

    with open(output / "csv" / "offres.csv", "w", encoding="cp1252", newline="") as file:
        writer = csv.writer(file, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if value is None else csv_text(value) for value in row])

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Offres"
    sheet.append(header)
    for row in rows:
        sheet.append([None if value is None else sheet_value(value) for value in row])
    workbook.save(output / "xlsx" / "offres.xlsx")

    write_ods(output / "ods" / "offres.ods", header, rows)

    json.dump(
        {"offers": [offer["id"] for offer in offers], "fields_left_out": fields_left_out},
        sys.stdout,
    )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: offers_write.py EXAMPLES_FOLDER OUTPUT_FOLDER")
    main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))
