"""Reads a JUnit XML file with junitparser, an independent reader, and prints what it
understood as JSON: for each suite its name and counts, and each case's class name, name
and result kind."""

import json
import sys

from junitparser import Error, Failure, JUnitXml, Skipped

xml = JUnitXml.fromfile(sys.argv[1])
suites = [xml] if xml._tag == "testsuite" else list(xml)
out = []
for suite in suites:
    cases = []
    for case in suite:
        kinds = sorted(
            {
                "failure" if isinstance(r, Failure) else
                "error" if isinstance(r, Error) else
                "skipped" if isinstance(r, Skipped) else "other"
                for r in case.result
            }
        )
        cases.append({"class": case.classname, "name": case.name, "results": kinds})
    out.append(
        {
            "name": suite.name,
            "tests": suite.tests,
            "failures": suite.failures,
            "errors": suite.errors,
            "skipped": suite.skipped,
            "cases": cases,
        }
    )
json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
