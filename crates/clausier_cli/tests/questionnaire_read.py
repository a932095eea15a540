"""Reads the questionnaire that `clausier schema --format xlsx` writes with openpyxl, which
knows nothing of Clausier, for crates/clausier_cli/tests/formats_equivalent.rs.

    questionnaire_read.py WORKBOOK

prints as JSON the workbook's sheet names, then, of its first sheet, every row (each
cell as text, an empty cell as "") and every data validation of type list, by cell:
`{"sheets": [...], "rows": [[...], ...], "lists": {"B5": ["EU", "EEA"], ...}}`.
"""

import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter


def main(path):
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    rows = [
        ["" if value is None else str(value) for value in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    lists = {}
    for validation in sheet.data_validations.dataValidation:
        if validation.type != "list":
            continue
        values = validation.formula1.strip('"').split(",")
        for cells in validation.sqref.ranges:
            for number, column in cells.cells:
                lists[f"{get_column_letter(column)}{number}"] = values
    json.dump({"sheets": workbook.sheetnames, "rows": rows, "lists": lists}, sys.stdout)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: questionnaire_read.py WORKBOOK")
    main(sys.argv[1])
