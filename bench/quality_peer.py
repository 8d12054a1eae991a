#!/usr/bin/env python3
"""The peer of docs/QUALITY.md: a GANvas preset trained in plain PyTorch, for the same epochs.

It reads the preset's settings from resources/presets/NAME.json and trains what `ganvas-cli
train --preset NAME` trains, written the way a PyTorch user would: the same networks (the
tutorial's fully connected pair, or the DCGAN pair GANvas builds for 28x28 images), the same
initialisation, losses, label smoothing, Adam settings, batch size, D steps per G step and
per-epoch shuffling (the last partial batch dropped), on Fashion-MNIST's 60,000 training
images scaled to [-1, 1]. After every epoch it writes SAMPLES images of G (in eval mode, from
one fixed noise) as an IDX file, epoch-NN.idx, which `ganvas-cli score` scores with the very
feature network GANvas's own runs are scored with.

Usage: quality_peer.py --preset mlp --epochs 10 --out DIR [--samples 10000] [--threads N]
"""
import argparse
import gzip
import json
import os
import struct
import time

import torch
from torch import nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULTS = {"model": "mlp", "loss": "bce", "latent_size": 100, "gp_weight": 10.0, "lr_g": 2e-4, "lr_d": 2e-4,
            "beta1_g": 0.5, "beta2_g": 0.999, "beta1_d": 0.5, "beta2_d": 0.999, "d_steps_per_g": 1,
            "label_smoothing": 0.0, "batch_size": 64}


def read_idx_images(path):
    with gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb") as f:
        magic, n, h, w = struct.unpack(">IIII", f.read(16))
        assert magic == 0x803, f"{path}: not IDX images"
        data = torch.frombuffer(bytearray(f.read(n * h * w)), dtype=torch.uint8)
    return data.view(n, 1, h, w)


def write_idx_images(path, images):
    n, _, h, w = images.shape
    with open(path, "wb") as f:
        f.write(struct.pack(">IIII", 0x803, n, h, w))
        f.write(images.contiguous().numpy().tobytes())


def mlp_pair(latent, pixels):
    g = nn.Sequential(
        nn.Linear(latent, 256), nn.LeakyReLU(0.2),
        nn.Linear(256, 512), nn.BatchNorm1d(512), nn.LeakyReLU(0.2),
        nn.Linear(512, 1024), nn.BatchNorm1d(1024), nn.LeakyReLU(0.2),
        nn.Linear(1024, pixels), nn.Tanh(), nn.Unflatten(1, (1, 28, 28)))
    d = nn.Sequential(
        nn.Flatten(), nn.Linear(pixels, 1024), nn.LeakyReLU(0.2),
        nn.Linear(1024, 512), nn.LeakyReLU(0.2),
        nn.Linear(512, 256), nn.LeakyReLU(0.2),
        nn.Linear(256, 1))
    return g, d, False


def dcgan_pair(latent, batch_norm_d):
    # 28 = 7 * 2 * 2: two stride-2 stages from 7x7, 128 then 64 channels (as GANvas builds it).
    g = nn.Sequential(
        nn.Linear(latent, 128 * 7 * 7, bias=False), nn.Unflatten(1, (128, 7, 7)), nn.BatchNorm2d(128), nn.ReLU(),
        nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
        nn.ConvTranspose2d(64, 1, 4, 2, 1, bias=True), nn.Tanh())
    layers = [nn.Conv2d(1, 64, 4, 2, 1, bias=True), nn.LeakyReLU(0.2),
              nn.Conv2d(64, 128, 4, 2, 1, bias=not batch_norm_d)]
    if batch_norm_d:
        layers.append(nn.BatchNorm2d(128))
    layers += [nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(128 * 7 * 7, 1)]
    d = nn.Sequential(*layers)
    for net in (g, d):  # the DCGAN paper's initialisation
        for m in net.modules():
            if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
                nn.init.normal_(m.weight, 0.0, 0.02)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)
            elif isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
                nn.init.normal_(m.weight, 1.0, 0.02)
                nn.init.zeros_(m.bias)
    return g, d, batch_norm_d


def d_loss_of(loss, real_out, fake_out, smoothing):
    if loss == "bce":
        return (F.binary_cross_entropy_with_logits(real_out, torch.full_like(real_out, 1 - smoothing))
                + F.binary_cross_entropy_with_logits(fake_out, torch.zeros_like(fake_out)))
    if loss == "lsgan":
        return 0.5 * ((real_out - (1 - smoothing)).square().mean() + fake_out.square().mean())
    if loss == "hinge":
        return F.relu(1 - real_out).mean() + F.relu(1 + fake_out).mean()
    return fake_out.mean() - real_out.mean()  # wgan-gp, the penalty added by the caller


def g_loss_of(loss, fake_out):
    if loss == "bce":
        return F.softplus(-fake_out).mean()
    if loss == "lsgan":
        return 0.5 * (fake_out - 1).square().mean()
    return -fake_out.mean()


def gradient_penalty(d, real, fake):
    eps = torch.rand(real.size(0), 1, 1, 1)
    mixed = (eps * real + (1 - eps) * fake).requires_grad_(True)
    grad, = torch.autograd.grad(d(mixed).sum(), mixed, create_graph=True)
    return (grad.flatten(1).norm(2, dim=1) - 1).square().mean()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--preset", required=True)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--out", required=True)
    ap.add_argument("--samples", type=int, default=10000)
    ap.add_argument("--threads", type=int, default=0, help="0: all cores")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--data", default="/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")
    args = ap.parse_args()
    with open(os.path.join(ROOT, "resources", "presets", args.preset + ".json")) as f:
        c = dict(DEFAULTS, **json.load(f)["settings"])
    torch.set_num_threads(args.threads or os.cpu_count())
    torch.manual_seed(args.seed)
    os.makedirs(args.out, exist_ok=True)

    data = read_idx_images(args.data).float().div(127.5).sub(1)
    latent, b, loss = c["latent_size"], c["batch_size"], c["loss"]
    if c["model"] == "mlp":
        g, d, d_norm = mlp_pair(latent, 28 * 28)
    else:
        g, d, d_norm = dcgan_pair(latent, loss != "wgan-gp")
    opt_g = torch.optim.Adam(g.parameters(), lr=c["lr_g"], betas=(c["beta1_g"], c["beta2_g"]))
    opt_d = torch.optim.Adam(d.parameters(), lr=c["lr_d"], betas=(c["beta1_d"], c["beta2_d"]))
    smoothing = c["label_smoothing"] if loss in ("bce", "lsgan") else 0.0
    fixed = torch.randn(args.samples, latent, generator=torch.Generator().manual_seed(12345))
    step = 0
    with open(os.path.join(args.out, "peer.log"), "w") as log:
        for epoch in range(1, args.epochs + 1):
            t0 = time.perf_counter()
            order = torch.randperm(data.size(0))
            for i in range(data.size(0) // b):
                real = data[order[i * b:(i + 1) * b]]
                g_step = (step + 1) % c["d_steps_per_g"] == 0
                z = torch.randn(b, latent)
                if g_step:
                    fake = g(z)
                else:
                    with torch.no_grad():
                        fake = g(z)
                opt_d.zero_grad()
                if d_norm:
                    real_out, fake_out = d(real).flatten(), d(fake.detach()).flatten()
                else:
                    out = d(torch.cat([real, fake.detach()])).flatten()
                    real_out, fake_out = out[:b], out[b:]
                d_loss = d_loss_of(loss, real_out, fake_out, smoothing)
                if loss == "wgan-gp":
                    d_loss = d_loss + c["gp_weight"] * gradient_penalty(d, real, fake.detach())
                d_loss.backward()
                opt_d.step()
                if g_step:
                    opt_g.zero_grad()
                    for p in d.parameters():
                        p.requires_grad_(False)
                    g_loss_of(loss, d(fake).flatten()).backward()
                    for p in d.parameters():
                        p.requires_grad_(True)
                    opt_g.step()
                step += 1
            seconds = time.perf_counter() - t0
            g.eval()
            with torch.no_grad():
                images = torch.cat([g(fixed[i:i + 500]) for i in range(0, args.samples, 500)])
            g.train()
            pixels = images.add(1).mul(127.5).round().clamp(0, 255).to(torch.uint8)
            write_idx_images(os.path.join(args.out, f"epoch-{epoch:02d}.idx"), pixels)
            line = f"epoch {epoch} seconds {seconds:.1f} images_per_s {data.size(0) // b * b / seconds:.0f}"
            print(line, flush=True)
            log.write(line + "\n")


if __name__ == "__main__":
    main()
