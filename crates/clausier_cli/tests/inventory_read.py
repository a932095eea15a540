"""Reads the inventory of `examples/autodiagnostic` with Python's csv module and exact
decimals, knowing nothing of Clausier, and prints as JSON the annual spend summed by
category and by the jurisdiction of the supplier, the total and the number of lines.

    python inventory_read.py INVENTORY.csv

A line without a category, a jurisdiction or an amount that reads as a decimal stops the
reader with an error naming the line: a sum must not leave a line out silently.
"""

import csv
import json
import sys
from collections import defaultdict
from decimal import Decimal, InvalidOperation


def read(path):
    by_category = defaultdict(Decimal)
    by_jurisdiction = defaultdict(Decimal)
    total = Decimal(0)
    lines = 0
    with open(path, newline="", encoding="utf-8") as file:
        for number, row in enumerate(csv.DictReader(file), start=2):
            category = row.get("category") or ""
            jurisdiction = row.get("supplier.jurisdiction") or ""
            if not category or not jurisdiction:
                sys.exit(f"{path}:{number}: no category or no supplier jurisdiction")
            try:
                spend = Decimal(row["annual_spend"])
            except (InvalidOperation, KeyError, TypeError):
                sys.exit(f"{path}:{number}: the annual spend is not a decimal amount")
            by_category[category] += spend
            by_jurisdiction[jurisdiction] += spend
            total += spend
            lines += 1
    text = lambda amount: format(amount, "f")
    return {
        "lines": lines,
        "by_category": {key: text(value) for key, value in by_category.items()},
        "by_jurisdiction": {key: text(value) for key, value in by_jurisdiction.items()},
        "total": text(total),
    }


if __name__ == "__main__":
    json.dump(read(sys.argv[1]), sys.stdout, ensure_ascii=False, indent=2)
    print()
