#!/usr/bin/env python3
"""The DCGAN peer for `ganvas-cli bench --model dcgan`: the same networks written plainly in PyTorch.

As training/models/dcgan.cpp builds them: G a linear layer to a small feature map, then
stride-2 transposed convolutions (4x4) halving the channels, batch norm and ReLU, tanh at the
end; D stride-2 convolutions doubling the channels from 64, batch norm after the first,
LeakyReLU 0.2, a linear layer to one logit. Non-saturating BCE on logits, Adam, random data in
memory, fresh noise every step, the PyTorch defaults otherwise (float32, contiguous NCHW).
Prints `images_per_s <number>` like the C++ bench.
"""
import argparse
import os

import torch
from torch import nn

from peer_pytorch import gan_step, time_steps


def stages(side):
    s, k = side, 0
    while s % 2 == 0 and s // 2 >= 4:
        s //= 2
        k += 1
    if k < 2 or k > 5:
        raise SystemExit(f"--image-size: dcgan supports sides such as 28, 32 and 64 (got {side})")
    return k, s


def generator(latent, side, channels):
    k, s = stages(side)
    ch = 64 << (k - 1)
    layers = [nn.Linear(latent, ch * s * s, bias=False), nn.Unflatten(1, (ch, s, s)), nn.BatchNorm2d(ch), nn.ReLU()]
    for i in range(1, k + 1):
        last = i == k
        out = channels if last else ch // 2
        layers.append(nn.ConvTranspose2d(ch, out, 4, stride=2, padding=1, bias=last))
        if not last:
            layers += [nn.BatchNorm2d(out), nn.ReLU()]
        ch = out
    layers.append(nn.Tanh())
    return nn.Sequential(*layers)


def discriminator(side, channels):
    k, s = stages(side)
    layers, inp = [], channels
    for i in range(k):
        out = 64 << i
        norm = i > 0
        layers.append(nn.Conv2d(inp, out, 4, stride=2, padding=1, bias=not norm))
        if norm:
            layers.append(nn.BatchNorm2d(out))
        layers.append(nn.LeakyReLU(0.2))
        inp = out
    layers += [nn.Flatten(), nn.Linear(inp * s * s, 1)]
    return nn.Sequential(*layers)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--threads", type=int, default=0, help="0: all cores")
    ap.add_argument("--image-size", type=int, default=28)
    ap.add_argument("--channels", type=int, default=1)
    ap.add_argument("--device", default="cpu", help="cpu or cuda (data resident on the device)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads or os.cpu_count())
    torch.manual_seed(0)
    latent, b, side, c = 100, args.batch_size, args.image_size, args.channels
    dev = torch.device(args.device)
    G, D = generator(latent, side, c).to(dev), discriminator(side, c).to(dev)
    opt_g = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
    n = max(1024, 2 * b)
    data = torch.rand(n, c, side, side, device=dev) * 2 - 1
    ones, zeros = torch.ones(b, 1, device=dev), torch.zeros(b, 1, device=dev)

    def step(i):
        start = (i * b) % (n - b)
        return gan_step(G, D, opt_g, opt_d, data[start:start + b], torch.randn(b, latent, device=dev), ones, zeros)

    time_steps(step, args, dev, f"batch {b} {side}x{side}x{c}")

if __name__ == "__main__":
    main()
