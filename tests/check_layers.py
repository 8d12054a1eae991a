#!/usr/bin/env python3
"""The arrows of docs/ARCHITECTURE.md, checked on the sources:

1. The windows, dialogs, panels, support and widgets never see libtorch: they include no header
   that pulls in torch, ATen or c10, directly or through an engine header.
2. The run lifecycle (app/runs) uses QtCore (and QtConcurrent) only: no QtGui, no widgets.
3. The engine (training/) includes no Qt header.
4. No file in the repository refers to the shared folder outside it.

Usage: check_layers.py SOURCE_DIR [QT_INCLUDE_DIR]. Prints every breach and exits 1 if any.
"""
import os
import re
import sys

root = sys.argv[1]
qt_include = sys.argv[2] if len(sys.argv) > 2 else "/usr/include/x86_64-linux-gnu/qt6"
include_re = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
breaches = []


def sources(folder, exts=(".h", ".cpp")):
    for base, _, files in os.walk(os.path.join(root, folder)):
        for f in sorted(files):
            if f.endswith(exts):
                yield os.path.join(base, f)


def includes(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return include_re.findall(f.read())


# Engine headers that pull in torch, found by following quoted includes inside training/.
torch_roots = ("torch/", "ATen/", "c10/", "caffe2/")
engine = {os.path.relpath(p, os.path.join(root, "training")): p for p in sources("training", (".h",))}
pulls = {}


def pulls_torch(header, seen=()):
    if header in pulls:
        return pulls[header]
    result = False
    for kind, name in includes(engine[header]):
        if kind == "<" and name.startswith(torch_roots):
            result = True
        elif kind == '"' and name in engine and name not in seen and pulls_torch(name, seen + (header,)):
            result = True
    pulls[header] = result
    return result


torch_headers = {h for h in engine if pulls_torch(h)}
if "engine/trainer.h" not in torch_headers:
    breaches.append("the check is broken: engine/trainer.h should pull in torch")

for folder in ("app/windows", "app/dialogs", "app/panels", "app/support", "widgets", "app/main.cpp"):
    paths = [os.path.join(root, folder)] if folder.endswith(".cpp") else sources(folder)
    for path in paths:
        for kind, name in includes(path):
            if name.startswith(torch_roots) or (kind == '"' and name in torch_headers):
                breaches.append(f"{os.path.relpath(path, root)}: includes {name}, which pulls in libtorch")

core = set(os.listdir(os.path.join(qt_include, "QtCore"))) | set(os.listdir(os.path.join(qt_include, "QtConcurrent")))
for path in sources("app/runs"):
    for kind, name in includes(path):
        if kind == "<" and re.match(r"Q[A-Z]|Qt[A-Z]", name):
            module, _, header = name.rpartition("/")
            if module not in ("", "QtCore", "QtConcurrent") or header not in core:
                breaches.append(f"{os.path.relpath(path, root)}: includes {name}, not part of QtCore")

for path in sources("training"):
    for kind, name in includes(path):
        if kind == "<" and re.match(r"Q[A-Z]|Qt[A-Z]", name):
            breaches.append(f"{os.path.relpath(path, root)}: the engine includes the Qt header {name}")

outside = re.compile(r"\.\./shared\b")
for base, dirs, files in os.walk(root):
    dirs[:] = [d for d in dirs if not d.startswith((".git", "build", ".cache"))]
    for f in files:
        if f.endswith((".h", ".cpp", ".md", ".txt", ".sh", ".py", ".ui", ".json", ".cmake")):
            path = os.path.join(base, f)
            if path == os.path.abspath(__file__):
                continue
            with open(path, encoding="utf-8", errors="replace") as fh:
                if outside.search(fh.read()):
                    breaches.append(f"{os.path.relpath(path, root)}: refers to a folder outside the repository")

for b in breaches:
    print("FAIL:", b)
print(f"{len(torch_headers)} engine headers pull in libtorch; {len(breaches)} breach(es)")
sys.exit(1 if breaches else 0)
