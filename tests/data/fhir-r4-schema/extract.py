#!/usr/bin/env python3
"""Cuts HL7's FHIR R4 JSON schema (fhir.schema.json) down to what a
QuestionnaireResponse uses, so the tests can check SpinePath's responses
against the official schema without keeping all 3 MB of it.

    extract.py fhir.schema.json > questionnaireresponse.schema.json

Every definition QuestionnaireResponse reaches is copied unchanged, except
ResourceList (the resources of `contained`): it would pull in every resource,
and SpinePath writes no contained resources, so it is only required to be an
object with a resourceType.
"""
import json
import sys

full = json.load(open(sys.argv[1], encoding="utf-8"))
definitions = full["definitions"]
kept = {}


def reach(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and value.startswith("#/definitions/"):
                name = value.rsplit("/", 1)[1]
                if name not in kept:
                    kept[name] = None
                    if name != "ResourceList":
                        kept[name] = definitions[name]
                        reach(definitions[name])
            else:
                reach(value)
    elif isinstance(node, list):
        for value in node:
            reach(value)


kept["QuestionnaireResponse"] = definitions["QuestionnaireResponse"]
reach(definitions["QuestionnaireResponse"])
kept["ResourceList"] = {
    "description": "A contained resource (not checked here: SpinePath writes none).",
    "type": "object",
    "required": ["resourceType"],
}
subset = {
    "$schema": full["$schema"],
    "id": full["id"],
    "description": "The QuestionnaireResponse of " + full["id"] + ", cut from fhir.schema.json by extract.py",
    "$ref": "#/definitions/QuestionnaireResponse",
    "definitions": {name: kept[name] for name in sorted(kept)},
}
json.dump(subset, sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write("\n")
