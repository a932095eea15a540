"""Validates publiccode.yml files against the JSON Schema of publiccode.yml 0.4 written
from the standard's text (tests/validators/publiccode-0.4.schema.json), with an
independent reader: PyYAML reads the YAML, Python's jsonschema (Draft 2020-12, formats
checked) validates it. No parser of the standard could be installed from PyPI or npm.

Run by crates/clausier_cli/tests/publiccode_validation.rs with the Python of
target/python-env (scripts/python-env):

    python publiccode_validation.py SCHEMA FILE...

Prints one JSON object: {"schema": [problems with the schema itself], "files":
[{"file", "errors": [{"path", "message"}]}]}.
"""

import datetime
import json
import pathlib
import sys

import jsonschema
import yaml


def as_json(value):
    """Dates as `YYYY-MM-DD` strings: YAML 1.1 reads an unquoted date as a date, where
    the standard reads a string."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def main():
    schema_path, *files = sys.argv[1:]
    schema = json.loads(pathlib.Path(schema_path).read_text(encoding="utf-8"))
    validator_class = jsonschema.Draft202012Validator
    schema_problems = [error.message for error in validator_class(validator_class.META_SCHEMA).iter_errors(schema)]
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    results = []
    for name in files:
        document = as_json(yaml.safe_load(pathlib.Path(name).read_text(encoding="utf-8")))
        errors = sorted(
            validator.iter_errors(document),
            key=lambda error: [str(step) for step in error.absolute_path],
        )
        results.append(
            {
                "file": name,
                "errors": [
                    {
                        "path": "/".join(str(step) for step in error.absolute_path),
                        "message": error.message,
                    }
                    for error in errors
                ],
            }
        )
    json.dump({"schema": schema_problems, "files": results}, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
