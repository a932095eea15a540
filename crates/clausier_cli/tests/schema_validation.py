"""Validates descriptors against the JSON Schema that `clausier schema` writes, with an
independent validator (Python's jsonschema, Draft 2020-12, formats checked).

Run by crates/clausier_cli/tests/schema_validation.rs with the Python of
target/python-env (scripts/python-env):

    python schema_validation.py SCHEMA DESCRIPTOR...

Descriptors are JSON, NDJSON (one per line), YAML or TOML; YAML and TOML are converted
to JSON first, their dates written as `YYYY-MM-DD` strings. Prints one JSON object:
{"schema": [problems with the schema itself], "descriptors": [{"source", "line", "id",
"errors": [{"path", "message"}]}]}.
"""

import datetime
import json
import pathlib
import sys
import tomllib

import jsonschema
import yaml


def as_json(value):
    """Dates become strings, as a vendor converting YAML or TOML to JSON would write."""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def read(path):
    """The descriptors of a file, with the line of each (NDJSON) or None."""
    text = path.read_text(encoding="utf-8-sig")
    suffix = path.suffix.lower()
    if suffix in (".ndjson", ".jsonl"):
        return [
            (number, json.loads(line))
            for number, line in enumerate(text.split("\n"), start=1)
            if line.strip()
        ]
    if suffix == ".json":
        return [(None, json.loads(text))]
    if suffix in (".yaml", ".yml"):
        return [(None, as_json(yaml.safe_load(text)))]
    if suffix == ".toml":
        return [(None, as_json(tomllib.loads(text)))]
    raise SystemExit(f"not a descriptor file: {path}")


def main():
    schema_path, *descriptor_paths = sys.argv[1:]
    schema = json.loads(pathlib.Path(schema_path).read_text(encoding="utf-8"))
    validator_class = jsonschema.Draft202012Validator
    problems = [error.message for error in validator_class(validator_class.META_SCHEMA).iter_errors(schema)]
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    results = []
    for name in descriptor_paths:
        path = pathlib.Path(name)
        for line, data in read(path):
            errors = sorted(
                (
                    {"path": error.json_path, "message": error.message}
                    for error in validator.iter_errors(data)
                ),
                key=lambda error: error["path"],
            )
            default_id = path.stem if line is None else f"{path.stem}:{line}"
            identifier = data.get("id") if isinstance(data, dict) else None
            results.append(
                {
                    "source": name,
                    "line": line,
                    "id": identifier if isinstance(identifier, str) and identifier.strip() else default_id,
                    "errors": errors,
                }
            )
    json.dump({"schema": problems, "descriptors": results}, sys.stdout, ensure_ascii=False, indent=1)


main()
