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


TARGETS = ("jsonlogic", "answers", "questionnaire", "article", "ruleset")

for target in TARGETS:
    shutil.rmtree(os.path.join(corpus, target), ignore_errors=True)

# JsonLogic: the rule on the first line, the data after it.
for source in ("tests/data/jsonlogic/jsonlogic-tests.json", "tests/data/jsonlogic/spinepath-cases.json"):
    for entry in load(source):
        if isinstance(entry, list) and len(entry) >= 2:
            write("jsonlogic", "case", compact(entry[0]) + "\n" + compact(entry[1]))
flat = load("tests/data/screening/clinical-examples-v2.json")["examples"][0]["answers"]
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
# Nested and repeating items, for the answer model the target drives.
for path in ("tests/data/questionnaire/repeating-instances.json", "tests/data/questionnaire/repeating-group.json"):
    write("questionnaire", os.path.basename(path).split(".")[0], compact(load(path)))
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

# Rulesets: the real one as it is, a minimal valid one over the real
# questionnaire, and small variants of it with one fault each.
with open(os.path.join(root, "content/rules/spinepath-core.json"), encoding="utf-8") as f:
    write("ruleset", "spinepath-core", f.read())
minimal = {
    "resourceType": "SpinePathRuleset",
    "id": "minimal",
    "version": "1",
    "questionnaire": "https://spinepath.example/fhir/Questionnaire/spinepath-intake",
    "pathways": ["regenerative", "fusion"],
    "scoreRange": {"min": 0, "max": 10},
    "derived": [
        {"id": "chronic", "value": {"in": [{"var": "pain.duration"}, ["6m_12m", "gt12m"]]}},
        {"id": "peg", "value": {"round": [{"/": [{"+": [{"var": "peg.pain"}, {"var": "peg.activity"}]}, 2]}, 1]}},
    ],
    "flags": [{"id": "bladder", "severity": "emergency", "title": "t", "clinical": "c", "patient": "p",
               "when": {"===": [{"var": "redflag.bladder_bowel"}, True]}, "articles": ["warning-signs"]}],
    "categories": [
        {"id": "urgent", "title": "t", "patient": "p", "clinical": "c", "when": {"!!": [{"var": "flags"}]}},
        {"id": "other", "title": "t", "patient": "p", "clinical": "c", "when": True},
    ],
    "factors": [
        {"id": "chronic_pain", "pathway": "regenerative", "weight": 3, "reason": "r",
         "when": {"var": "derived.chronic"}},
        {"id": "motion", "pathway": "regenerative", "weight": 2, "reason": "r",
         "when": {"==": [{"var": "pref.motion"}, "important"]}},
        {"id": "slip", "pathway": "fusion", "weight": -1, "reason": "r",
         "when": {"==": [{"var": "dx.spondy_grade"}, "grade3plus"]}},
    ],
    "notes": [{"id": "n", "text": "t", "clinical": "c", "when": {"==": [{"var": "category"}, "other"]}}],
}
write("ruleset", "minimal", compact(minimal))


def variant(name, change):
    copy = json.loads(compact(minimal))
    change(copy)
    write("ruleset", name, compact(copy))


def setter(pointer, value):
    def change(copy):
        *parents, last = pointer.strip("/").split("/")
        node = copy
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return change


# Wrong types, one section at a time.
for pointer, value in [("/id", 7), ("/version", ""), ("/scoreRange", "0-10"), ("/scoreRange/max", 1.5),
                       ("/derived", {"id": "x"}), ("/derived/0/value", None), ("/flags", "bladder"),
                       ("/flags/0/severity", 1), ("/flags/0/articles", "warning-signs"),
                       ("/categories/0", "urgent"), ("/factors/0/weight", "3"), ("/factors/0/pathway", []),
                       ("/notes", []), ("/notes/0/text", {"en": "t"})]:
    variant("wrong-type" + pointer.replace("/", "-"), setter(pointer, value))
variant("no-catch-all", lambda copy: copy["categories"].pop())
variant("catch-all-not-last", lambda copy: copy["categories"].reverse())
variant("duplicate-id", lambda copy: copy["categories"][1].update(id="urgent"))
variant("duplicate-derived", lambda copy: copy["derived"][1].update(id="chronic"))
variant("unknown-operator", setter("/flags/0/when", {"is": [{"var": "redflag.bladder_bowel"}, True]}))
variant("wrong-arity", setter("/notes/0/when", {"==": [{"var": "category"}, "other", "urgent"]}))
variant("round-arity", setter("/derived/1/value", {"round": [1, 2, 3]}))
variant("unknown-linkid", setter("/factors/0/when", {"var": "no.such.item"}))
variant("derived-used-before", setter("/derived/0/value", {"var": "derived.peg"}))
variant("large-weight", setter("/factors/0/weight", 2147483647))
write("ruleset", "not-an-object", compact([minimal]))

for target in TARGETS:
    print(target, len(os.listdir(os.path.join(corpus, target))), "seeds")
