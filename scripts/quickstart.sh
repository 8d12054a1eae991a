#!/usr/bin/env bash
# The main job: install what is missing, build, and open the GANvas window, ready to train the
# default preset (mlp) on the installed Fashion-MNIST (press Start). Without a display it trains on the
# command line instead, into runs/quickstart (progress on the terminal; Ctrl-C stops and
# checkpoints; running it again resumes). Extra arguments go to `ganvas` or `ganvas-cli train`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
cd "$root"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x build/app/ganvas ]; then
  exec build/app/ganvas "$@"
fi
echo "no display: training with ganvas-cli instead of the window"
if [ -d runs/quickstart/checkpoints ] && ls runs/quickstart/checkpoints/*.ckpt >/dev/null 2>&1; then
  exec build/training/ganvas-cli train --resume runs/quickstart "$@"
fi
exec build/training/ganvas-cli train --dataset fashion-mnist --out runs/quickstart "$@"
