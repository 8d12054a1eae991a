#!/usr/bin/env python3
"""docs/QUALITY.md's tables from a bench/quality.sh output folder.

For every preset with both a ganvas-P and a pytorch-P run: the FD score per epoch of each, the
mean over the epochs both have, and the recall per epoch; plus the seconds per epoch and per
score that the GANvas logs hold.

Usage: quality_report.py OUT_DIR [PRESET...]
"""
import csv
import os
import re
import sys


def scores(folder):
    with open(os.path.join(folder, "quality.csv")) as f:
        return [row for row in csv.DictReader(f)]


def main():
    out = sys.argv[1]
    presets = sys.argv[2:] or ["mlp", "seed", "lsgan", "hinge", "wgan-gp", "dcgan"]
    rows = []
    for p in presets:
        ours, peer = os.path.join(out, "ganvas-" + p), os.path.join(out, "pytorch-" + p)
        if not (os.path.exists(os.path.join(ours, "quality.csv")) and os.path.exists(os.path.join(peer, "quality.csv"))):
            continue
        rows.append((p, scores(ours), scores(peer)))
    epochs = max(len(o) for _, o, _ in rows)
    head = " | ".join(str(e) for e in range(1, epochs + 1))
    print(f"| preset | trained by | {head} | mean |")
    print("|---|---|" + "---|" * (epochs + 1))
    for p, ours, peer in rows:
        n = min(len(ours), len(peer))
        for tool, s in (("GANvas", ours), ("PyTorch", peer)):
            cells = [f"{float(r['fd']):.1f}" for r in s] + [""] * (epochs - len(s))
            mean = sum(float(r["fd"]) for r in s[:n]) / n
            print(f"| {p} | {tool} | " + " | ".join(cells) + f" | **{mean:.1f}** |")
    print()
    print(f"| preset | trained by | recall per epoch |")
    print("|---|---|---|")
    for p, ours, peer in rows:
        for tool, s in (("GANvas", ours), ("PyTorch", peer)):
            print(f"| {p} | {tool} | " + " ".join(f"{float(r['recall']):.3f}" for r in s) + " |")
    print()
    print("| preset | GANvas s per epoch (median) | score of 10,000 samples, s (median) | PyTorch s per epoch (median) |")
    print("|---|---|---|---|")
    for p, _, _ in rows:
        log = open(os.path.join(out, f"ganvas-{p}.log")).read()
        elapsed = [int(m) * 60 + int(s) for m, s in re.findall(r"done .*elapsed (\d+):(\d+)", log)]
        per_epoch = sorted(b - a for a, b in zip([0] + elapsed, elapsed))
        score_s = sorted(float(x) for x in re.findall(r"samples, ([0-9.]+) s;", log))
        peer_log = open(os.path.join(out, f"pytorch-{p}", "peer.log")).read()
        peer_s = sorted(float(x) for x in re.findall(r"seconds ([0-9.]+)", peer_log))
        med = lambda v: v[len(v) // 2] if v else float("nan")
        print(f"| {p} | {med(per_epoch):.0f} | {med(score_s):.1f} | {med(peer_s):.0f} |")


if __name__ == "__main__":
    main()
