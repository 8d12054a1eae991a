#!/usr/bin/env python3
"""The translations test: every user-visible string of the GUI is in the .ts files, and the
Chinese translation is complete and well formed.

  translations_check.py --lupdate PATH --sources FILE --ts-dir DIR [--guide FILE]
  translations_check.py --check-only TS...       (only the form checks, for translators)

1. lupdate runs over the sources (the list CMake writes) into copies of the committed .ts
   files; a string it finds that the committed file lacks, or one the file has that the sources
   no longer have, fails the test ("run `ninja update_translations`").
2. ganvas_zh_CN.ts: no unfinished or empty entry; the same placeholders (%1, %n, %L1) as the
   English; the same access key, written "(&X)"; the same HTML tags; one plural form.
3. ganvas_en.ts: every plural message has its singular and plural form.
4. The user guide's section names (context "HelpSection") are headings of the Chinese guide.
"""
import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%L?(?:\d+|n)")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
ACCESS_KEY = re.compile(r"&(?!(?:[a-zA-Z]+|#\d+);)([^&\s])")


def messages(path):
    """(context, source, comment) -> the <message> element."""
    found = {}
    for context in ET.parse(path).getroot().findall("context"):
        name = context.findtext("name")
        for m in context.findall("message"):
            key = (name, m.findtext("source") or "", m.findtext("comment") or "")
            found[key] = m
    return found


def texts(m):
    t = m.find("translation")
    if t is None:
        return []
    forms = t.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [t.text or ""]


def unfinished(m):
    t = m.find("translation")
    return t is None or t.get("type") in ("unfinished", "vanished", "obsolete")


def shown(key):
    context, source, comment = key
    return f"{context}: {source!r}" + (f" ({comment})" if comment else "")


def form_problems(path, chinese):
    problems = []
    for key, m in messages(path).items():
        source = key[1]
        numerus = m.get("numerus") == "yes"
        if not chinese:
            if numerus and (unfinished(m) or len([t for t in texts(m) if t]) != 2):
                problems.append(f"{os.path.basename(path)}: plural without its two English forms: {shown(key)}")
            continue
        if unfinished(m) or not any(texts(m)):
            problems.append(f"unfinished: {shown(key)}")
            continue
        forms = texts(m)
        if numerus and len(forms) != 1:
            problems.append(f"Chinese has one plural form, found {len(forms)}: {shown(key)}")
        for text in forms:
            want = collections.Counter(PLACEHOLDER.findall(source))
            if numerus:
                want["%n"] = max(want["%n"], 1)
            have = collections.Counter(PLACEHOLDER.findall(text))
            if numerus and have["%n"] == 0 and "%Ln" not in text:
                problems.append(f"%n missing: {shown(key)} -> {text!r}")
            have.pop("%n", None), want.pop("%n", None)
            if have != want:
                problems.append(f"placeholders {sorted(want.elements())} in the source, "
                                f"{sorted(have.elements())} in the translation: {shown(key)} -> {text!r}")
            if sorted(TAG.findall(source)) != sorted(TAG.findall(text)):
                problems.append(f"HTML tags differ: {shown(key)} -> {text!r}")
            keys = ACCESS_KEY.findall(source.replace("&&", ""))
            if keys:
                wanted = f"(&{keys[0].upper()})"
                if wanted not in text.replace("&&", ""):
                    problems.append(f"access key: the translation should carry {wanted}: {shown(key)} -> {text!r}")
            elif ACCESS_KEY.search(text.replace("&&", "")):
                problems.append(f"an access key the source does not have: {shown(key)} -> {text!r}")
    return problems


def missing_strings(lupdate, sources, ts_dir, includes_dirs):
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        listing = os.path.join(scratch, "sources.lst")
        with open(listing, "w") as f:
            f.write("\n".join(sources) + "\n")
        for name in sorted(os.listdir(ts_dir)):
            if not name.endswith(".ts"):
                continue
            committed = os.path.join(ts_dir, name)
            fresh = os.path.join(scratch, name)
            shutil.copy(committed, fresh)
            includes = [arg for d in includes_dirs for arg in ("-I", d)]
            run = subprocess.run([lupdate, "-silent", "-locations", "none", "-no-obsolete", *includes,
                                  "@" + listing, "-ts", fresh], capture_output=True, text=True)
            if run.returncode != 0:
                problems.append(f"lupdate failed on {name}: {run.stderr.strip()}")
                continue
            # lupdate says where it cannot follow a tr() call (a variable, an unknown class).
            for line in run.stderr.splitlines():
                if line.strip():
                    problems.append(f"lupdate: {line.strip()}")
            old, new = messages(committed), messages(fresh)
            for key in sorted(set(new) - set(old)):
                problems.append(f"{name} lacks {shown(key)} — run `ninja update_translations` and translate it")
            for key in sorted(set(old) - set(new)):
                problems.append(f"{name} holds a string the sources no longer have: {shown(key)} "
                                "— run `ninja update_translations`")
    return problems


def heading_problems(zh_ts, guide):
    if not guide:
        return []
    with open(guide, encoding="utf-8") as f:
        headings = {re.sub(r"^#+\s*", "", line).strip() for line in f if line.startswith("#")}
    problems = []
    for key, m in messages(zh_ts).items():
        if key[0] == "HelpSection" and texts(m) and texts(m)[0] not in headings:
            problems.append(f"the Chinese user guide has no heading {texts(m)[0]!r} (for {key[1]!r})")
    return problems


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--lupdate")
    p.add_argument("--sources", help="file with one source path per line")
    p.add_argument("--ts-dir")
    p.add_argument("--guide", help="the Chinese user guide")
    p.add_argument("--include", action="append", default=[], help="an include folder for lupdate")
    p.add_argument("--check-only", nargs="*")
    a = p.parse_args()
    problems = []
    if a.check_only:
        for ts in a.check_only:
            problems += form_problems(ts, chinese="zh" in os.path.basename(ts))
    else:
        with open(a.sources) as f:
            sources = [line.strip() for line in f if line.strip()]
        problems += missing_strings(a.lupdate, sources, a.ts_dir, a.include)
        zh = os.path.join(a.ts_dir, "ganvas_zh_CN.ts")
        en = os.path.join(a.ts_dir, "ganvas_en.ts")
        problems += form_problems(zh, chinese=True)
        problems += form_problems(en, chinese=False)
        problems += heading_problems(zh, a.guide)
        count = len(messages(zh))
        print(f"{count} strings; lupdate over {len(sources)} source files")
    for line in problems:
        print(line)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
