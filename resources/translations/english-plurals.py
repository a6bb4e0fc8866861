#!/usr/bin/env python3
"""Refreshes spinepath_en.ts: the English plural forms of every "%n" text.

The source texts are written "%n minute(s)"; Qt shows them as written unless
a translation gives the singular and plural forms. This runs lupdate (plural
texts only) over the sources and fills in the forms it can derive: "(s)" and
"(es)" become "" / "s" and "" / "es". Texts written differently keep their
forms as edited by hand; new ones without "(s)" are left unfinished and
test_EnglishPlurals names them.

Usage: resources/translations/english-plurals.py  (from the project folder)
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources/translations/spinepath_en.ts"
LUPDATE = "/usr/lib/qt6/bin/lupdate"


def forms(source):
    if "(s)" in source or "(es)" in source:
        one = source.replace("(es)", "").replace("(s)", "")
        many = source.replace("(es)", "es").replace("(s)", "s")
        return [one, many]
    return None


def main():
    subprocess.run([LUPDATE, "-silent", "-pluralonly", "-locations", "none", "-no-obsolete",
                    "-source-language", "en", "-target-language", "en",
                    "src", "ui", "-ts", str(TS)], cwd=ROOT, check=True)
    tree = ET.parse(TS)
    unfinished = []
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source")
        translation = message.find("translation")
        done = [f.text for f in translation.findall("numerusform") if f.text]
        if len(done) == 2 and translation.get("type") is None:
            continue
        derived = forms(source)
        if not derived:
            unfinished.append(source)
            continue
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        for text in derived:
            ET.SubElement(translation, "numerusform").text = text
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for source in unfinished:
        print(f"needs its English forms by hand: {source}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
