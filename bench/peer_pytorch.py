#!/usr/bin/env python3
"""The peer for `ganvas-cli bench`: the seed's fully connected GAN written plainly in PyTorch.

Same model, loss (non-saturating BCE on logits), optimiser (Adam 1e-4, betas 0.9/0.999, as the seed and TrainingConfig),
batch size and thread count as `ganvas-cli bench --model mlp`; random data resident in memory;
fresh noise every step. Prints `images_per_s <number>` like the C++ bench.
"""
import argparse
import time

import torch
from torch import nn
import torch.nn.functional as F


def generator(latent, out):
    return nn.Sequential(
        nn.Linear(latent, 256), nn.LeakyReLU(0.2),
        nn.Linear(256, 512), nn.BatchNorm1d(512), nn.LeakyReLU(0.2),
        nn.Linear(512, 1024), nn.BatchNorm1d(1024), nn.LeakyReLU(0.2),
        nn.Linear(1024, out), nn.Tanh())


def discriminator(inp):
    return nn.Sequential(
        nn.Linear(inp, 1024), nn.LeakyReLU(0.2),
        nn.Linear(1024, 512), nn.LeakyReLU(0.2),
        nn.Linear(512, 256), nn.LeakyReLU(0.2),
        nn.Linear(256, 1))


def gan_step(G, D, opt_g, opt_d, real, z, ones, zeros):
    """One step the way the PyTorch DCGAN example trains: D on real and on G(z).detach(), then G through D."""
    fake = G(z)
    opt_d.zero_grad()
    d_loss = (F.binary_cross_entropy_with_logits(D(real), ones)
              + F.binary_cross_entropy_with_logits(D(fake.detach()), zeros))
    d_loss.backward()
    opt_d.step()
    opt_g.zero_grad()
    g_loss = F.binary_cross_entropy_with_logits(D(fake), ones)
    g_loss.backward()
    opt_g.step()
    return d_loss, g_loss


def time_steps(step, args, dev, what):
    """Runs args.warmup untimed steps, then args.steps timed ones; prints the figures as the C++ bench does."""
    def wait():
        if dev.type == "cuda":
            torch.cuda.synchronize(dev)

    for i in range(args.warmup):
        step(i)
    wait()
    t0 = time.perf_counter()
    for i in range(args.steps):
        d_loss, _ = step(i)
    float(d_loss)
    wait()
    dt = time.perf_counter() - t0
    b = args.batch_size
    print(f"device {dev} threads {torch.get_num_threads()} {what} steps {args.steps} ms_per_step {1000 * dt / args.steps:.2f}")
    print(f"images_per_s {args.steps * b / dt:.1f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--steps", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--threads", type=int, default=0, help="0: all cores")
    ap.add_argument("--device", default="cpu", help="cpu or cuda (data resident on the device)")
    args = ap.parse_args()
    import os
    torch.set_num_threads(args.threads or os.cpu_count())
    torch.manual_seed(0)
    latent, pixels, b = 100, 28 * 28, args.batch_size
    dev = torch.device(args.device)
    G, D = generator(latent, pixels).to(dev), discriminator(pixels).to(dev)
    opt_g = torch.optim.Adam(G.parameters(), lr=1e-4, betas=(0.9, 0.999))
    opt_d = torch.optim.Adam(D.parameters(), lr=1e-4, betas=(0.9, 0.999))
    data = torch.rand(4096, pixels, device=dev) * 2 - 1
    ones, zeros = torch.ones(b, 1, device=dev), torch.zeros(b, 1, device=dev)

    def step(i):
        real = data[(i * b) % (4096 - b):][:b]
        return gan_step(G, D, opt_g, opt_d, real, torch.randn(b, latent, device=dev), ones, zeros)

    time_steps(step, args, dev, f"batch {b}")

if __name__ == "__main__":
    main()
