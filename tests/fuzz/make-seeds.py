#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (tests/fuzz/corpus) from the
project's own synthetic test data and content: no patient data. Run from the
repository root after changing those files:

    python3 tests/fuzz/make-seeds.py

The fuzzers never write here: make fuzz works on a copy in build-fuzz.
FHIR QuestionnaireResponse seeds come from tests/fuzz/seeds-fhir (written once
with `spinepath-cli convert --to fhir`), as this script does not convert.
"""
import glob
import hashlib
import json
import os
import shutil

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
corpus = os.path.join(root, "tests", "fuzz", "corpus")


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def write(target, name, text):
    folder = os.path.join(corpus, target)
    os.makedirs(folder, exist_ok=True)
    data = text.encode("utf-8")
    digest = hashlib.sha1(data).hexdigest()[:12]
    with open(os.path.join(folder, f"{name}-{digest}"), "wb") as out:
        out.write(data)


def load(path):
    with open(os.path.join(root, path), encoding="utf-8") as f:
        return json.load(f)


for target in ("jsonlogic", "answers", "questionnaire", "article"):
    shutil.rmtree(os.path.join(corpus, target), ignore_errors=True)

# JsonLogic: the rule on the first line, the data after it.
for source in ("tests/data/jsonlogic/jsonlogic-tests.json", "tests/data/jsonlogic/spinepath-cases.json"):
    for entry in load(source):
        if isinstance(entry, list) and len(entry) >= 2:
            write("jsonlogic", "case", compact(entry[0]) + "\n" + compact(entry[1]))
flat = load("tests/data/screening/cases/worked-examples.json")[0]["answers"]
# The rules see the answers nested by linkId, as the scorer hands them over.
example = {}
for key, value in flat.items():
    node = example
    *parents, last = key.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value
for rule in load("bench/data/screening-rules.json"):
    write("jsonlogic", "screening", compact(rule) + "\n" + compact(example))
ruleset = load("content/rules/spinepath-core.json")


def conditions(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("when", "value", "condition", "logic") and isinstance(value, (dict, list)):
                yield value
            yield from conditions(value)
    elif isinstance(node, list):
        for value in node:
            yield from conditions(value)


seen = set()
for rule in conditions(ruleset):
    text = compact(rule)
    if text not in seen and len(seen) < 80:
        seen.add(text)
        write("jsonlogic", "ruleset", text + "\n" + compact(example))

# Answers: every screening case (flat), and the FHIR forms of a few.
for path in sorted(glob.glob(os.path.join(root, "tests/data/screening/cases/*.json"))):
    stem = os.path.splitext(os.path.basename(path))[0]
    for case in load(path):
        write("answers", stem, compact(case["answers"]))
for path in sorted(glob.glob(os.path.join(root, "tests/fuzz/seeds-fhir/*.json"))):
    with open(path, encoding="utf-8") as f:
        write("answers", "fhir", f.read())
write("answers", "empty", "{}")
write("answers", "wrong-type", compact({"peg.pain": "six", "pain.duration": 3}))
write("answers", "unknown", compact({"no.such.item": True}))

# Questionnaires: the real one, the test one, and small variations.
for path in ("content/questionnaire/spinepath-intake.json", "tests/data/questionnaire/sleep-and-work.json"):
    with open(os.path.join(root, path), encoding="utf-8") as f:
        write("questionnaire", os.path.basename(path).split(".")[0], f.read())
small = load("tests/data/questionnaire/sleep-and-work.json")
write("questionnaire", "small", compact(small))
items = small.get("item", [])
for i, item in enumerate(items):
    one = dict(small)
    one["item"] = [item]
    write("questionnaire", f"item{i}", compact(one))

# Articles: every article of the content folder.
for path in sorted(glob.glob(os.path.join(root, "content/articles/*.md"))):
    with open(path, encoding="utf-8") as f:
        write("article", os.path.splitext(os.path.basename(path))[0], f.read())
write("article", "no-front-matter", "# Title\n\nText only.\n")
write("article", "unterminated", "---\nid: x\ntitle: y\n")

for target in ("jsonlogic", "answers", "questionnaire", "article"):
    print(target, len(os.listdir(os.path.join(corpus, target))), "seeds")
