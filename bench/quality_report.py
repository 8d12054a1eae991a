#!/usr/bin/env python3
"""docs/QUALITY.md's tables from a bench/quality.sh output folder.

For every preset: the runs of each seed both sides finished (ganvas-P-sS and pytorch-P-sS).
Per side, the FD per epoch averaged over those seeds and its mean over the epochs; the mean of
every single seed (the spread of the draws); GANvas's mean over PyTorch's; the recall per epoch
averaged over the seeds; and the seconds per epoch and per score that the logs hold.

Usage: quality_report.py OUT_DIR [PRESET...]
"""
import csv
import os
import re
import statistics
import sys


def scores(folder):
    path = os.path.join(folder, "quality.csv")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [row for row in csv.DictReader(f)]


def seeds_of(out, preset):
    found = set()
    for name in os.listdir(out):
        m = re.fullmatch(r"(ganvas|pytorch)-" + re.escape(preset) + r"-s(\d+)", name)
        if m and os.path.isdir(os.path.join(out, name)):
            found.add(int(m.group(2)))
    return sorted(found)


def main():
    out = sys.argv[1]
    presets = sys.argv[2:] or ["mlp", "seed", "lsgan", "hinge", "wgan-gp", "dcgan"]
    rows = []
    for p in presets:
        runs = []
        for s in seeds_of(out, p):
            ours, peer = scores(os.path.join(out, f"ganvas-{p}-s{s}")), scores(os.path.join(out, f"pytorch-{p}-s{s}"))
            if ours and peer and len(ours) == len(peer):
                runs.append((s, ours, peer))
        if runs:
            epochs = min(len(o) for _, o, _ in runs)
            rows.append((p, epochs, runs))
    if not rows:
        sys.exit(f"{out}: no preset has finished runs on both sides")
    width = max(e for _, e, _ in rows)

    def fd(run, e):
        return float(run[e]["fd"])

    print(f"FD per epoch, the mean over the seeds (lower is better); the mean over the epochs; each seed's mean.")
    print()
    head = " | ".join(str(e) for e in range(1, width + 1))
    print(f"| preset | trained by | seeds | {head} | mean | each seed's mean | GANvas / PyTorch |")
    print("|---|---|---|" + "---|" * (width + 3))
    for p, epochs, runs in rows:
        means = {}
        for side, tool in ((1, "GANvas"), (2, "PyTorch")):
            per_epoch = [statistics.fmean(fd(r[side], e) for r in runs) for e in range(epochs)]
            each = [statistics.fmean(fd(r[side], e) for e in range(epochs)) for r in runs]
            means[tool] = statistics.fmean(each)
            cells = [f"{v:.1f}" for v in per_epoch] + [""] * (width - epochs)
            seeds = " ".join(str(r[0]) for r in runs)
            ratio = f"**{means['GANvas'] / means['PyTorch']:.2f}**" if tool == "PyTorch" else ""
            print(f"| {p} | {tool} | {seeds} | " + " | ".join(cells) +
                  f" | **{means[tool]:.1f}** | {' '.join(f'{v:.1f}' for v in each)} | {ratio} |")
    print()
    print("Recall per epoch, the mean over the seeds (higher is better; near 0 is mode collapse):")
    print()
    print("| preset | trained by | recall per epoch |")
    print("|---|---|---|")
    for p, epochs, runs in rows:
        for side, tool in ((1, "GANvas"), (2, "PyTorch")):
            vals = [statistics.fmean(float(r[side][e]["recall"]) for r in runs) for e in range(epochs)]
            print(f"| {p} | {tool} | " + " ".join(f"{v:.3f}" for v in vals) + " |")
    print()
    print("| preset | GANvas s per epoch (median) | score, s (median) | PyTorch s per epoch (median) |")
    print("|---|---|---|---|")
    med = lambda v: statistics.median(v) if v else float("nan")
    for p, _, runs in rows:
        per_epoch, score_s, peer_s = [], [], []
        for s, _, _ in runs:
            log_path = os.path.join(out, f"ganvas-{p}-s{s}.log")
            log = open(log_path).read() if os.path.exists(log_path) else ""
            elapsed = [int(m) * 60 + int(x) for m, x in re.findall(r"done .*elapsed (\d+):(\d+)", log)]
            per_epoch += [b - a for a, b in zip([0] + elapsed, elapsed)]
            score_s += [float(x) for x in re.findall(r"samples, ([0-9.]+) s;", log)]
            peer_path = os.path.join(out, f"pytorch-{p}-s{s}", "peer.log")
            if os.path.exists(peer_path):
                peer_s += [float(x) for x in re.findall(r"seconds ([0-9.]+)", open(peer_path).read())]
        print(f"| {p} | {med(per_epoch):.0f} | {med(score_s):.1f} | {med(peer_s):.0f} |")


if __name__ == "__main__":
    main()
