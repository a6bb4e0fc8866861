#!/usr/bin/env python3
"""Checks QuestionnaireResponse files against HL7's FHIR R4 JSON schema
(tests/data/fhir-r4-schema), with the jsonschema package (Debian:
python3-jsonschema), an implementation that owes nothing to SpinePath.

    check_r4_schema.py SCHEMA FILE...

Prints every error as "FILE: /path: message" and exits 1 if there is any,
2 if the check cannot run.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("check_r4_schema.py: the Python package jsonschema is missing (apt install python3-jsonschema)")
    sys.exit(2)

schema = json.load(open(sys.argv[1], encoding="utf-8"))
validator = jsonschema.Draft6Validator(schema)
errors = 0
for name in sys.argv[2:]:
    with open(name, encoding="utf-8") as file:
        response = json.load(file)
    for error in sorted(validator.iter_errors(response), key=lambda e: list(e.absolute_path)):
        where = "/" + "/".join(str(part) for part in error.absolute_path)
        print(f"{name}: {where}: {error.message[:300]}")
        errors += 1
print(f"{len(sys.argv) - 2} responses checked against {schema.get('id', sys.argv[1])}: {errors} errors")
sys.exit(1 if errors else 0)
