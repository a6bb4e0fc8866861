#!/usr/bin/env python3
"""Refreshes the translation files after the sources' tr() texts changed.

Runs lupdate over src/ and ui/ into every spinepath_LANG.ts but the English
one (which english-plurals.py keeps, and which this runs too). lupdate keeps
every translation already made, drops texts the sources no longer have and
adds new ones as unfinished: translate those (Qt Linguist, or by hand in the
.ts), then remove their type="unfinished". test_Translator fails while any
text of the sources has no finished translation.

Usage: resources/translations/update-translations.py  (from any folder)
"""
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources/translations"
LUPDATE = "/usr/lib/qt6/bin/lupdate"


def unfinished(ts):
    return [m.findtext("source") for m in ET.parse(ts).iter("message")
            if m.find("translation").get("type") == "unfinished"]


def main():
    subprocess.run([sys.executable, str(FOLDER / "english-plurals.py")], check=True)
    status = 0
    for ts in sorted(FOLDER.glob("spinepath_*.ts")):
        language = ts.stem.split("_", 1)[1]
        if language == "en":
            continue
        subprocess.run([LUPDATE, "-silent", "-locations", "none", "-no-obsolete",
                        "-source-language", "en", "-target-language", language,
                        "src", "ui", "-ts", str(ts)], cwd=ROOT, check=True)
        for source in unfinished(ts):
            print(f"{ts.name}: needs a translation: {source}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
