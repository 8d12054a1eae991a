#!/usr/bin/env python3
"""Reference values for tst_quality: the quality scores computed with NumPy and SciPy.

Usage: quality_reference.py DIR. DIR/cases.txt lists "name n_real n_fake d" per line; the
features are DIR/<name>_real.f64 and DIR/<name>_fake.f64 (raw float64, little-endian, row-major).
Prints "name fd kid precision recall" per case. Exits with 77 when NumPy or SciPy is missing.
"""
import os
import sys

try:
    import numpy as np
    import scipy.linalg
except ImportError as e:
    print(f"missing: {e}")
    sys.exit(77)


def frechet(x, y):
    # As pytorch-fid: unbiased covariances, scipy.linalg.sqrtm of the product, its real part.
    mu1, mu2 = x.mean(axis=0), y.mean(axis=0)
    s1, s2 = np.cov(x, rowvar=False), np.cov(y, rowvar=False)
    covmean, _ = scipy.linalg.sqrtm(s1.dot(s2), disp=False)
    covmean = covmean.real
    diff = mu1 - mu2
    return diff.dot(diff) + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean)


def kid_all_rows(x, y):
    # One subset of every row (the first m of each), polynomial kernel (x.y / D + 1)^3, unbiased.
    m = min(len(x), len(y))
    x, y = x[:m], y[:m]
    d = x.shape[1]
    kxx = (x @ x.T / d + 1) ** 3
    kyy = (y @ y.T / d + 1) ** 3
    kxy = (x @ y.T / d + 1) ** 3
    off = (kxx.sum() - np.trace(kxx) + kyy.sum() - np.trace(kyy)) / (m * (m - 1))
    return off - 2 * kxy.sum() / (m * m)


def distances(a, b):
    return np.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(axis=-1))


def precision_recall(x, y, k=3):
    # Kynkaanniemi et al. 2019: radius = distance to the k-th nearest other row of the same set.
    real_radii = np.partition(distances(x, x), k, axis=1)[:, k]
    fake_radii = np.partition(distances(y, y), k, axis=1)[:, k]
    d = distances(y, x)  # fake x real
    precision = (d <= real_radii[None, :]).any(axis=1).mean()
    recall = (d <= fake_radii[:, None]).any(axis=0).mean()
    return precision, recall


def load(folder, name, rows, d):
    data = np.fromfile(os.path.join(folder, name), dtype="<f8")
    return data.reshape(rows, d)


def main():
    folder = sys.argv[1]
    with open(os.path.join(folder, "cases.txt")) as f:
        for line in f:
            if not line.strip():
                continue
            name, n_real, n_fake, d = line.split()
            x = load(folder, f"{name}_real.f64", int(n_real), int(d))
            y = load(folder, f"{name}_fake.f64", int(n_fake), int(d))
            p, r = precision_recall(x, y)
            print(f"{name} {frechet(x, y):.17g} {kid_all_rows(x, y):.17g} {p:.17g} {r:.17g}")


if __name__ == "__main__":
    main()
