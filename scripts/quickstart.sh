#!/usr/bin/env bash
# The main job: install what is missing, build, and train the seed's GAN on the installed
# Fashion-MNIST into runs/quickstart (progress on the terminal; Ctrl-C stops and checkpoints).
# Extra arguments go to `ganvas-cli train` (e.g. --epochs 5).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
cd "$root"
if [ -d runs/quickstart/checkpoints ] && ls runs/quickstart/checkpoints/*.ckpt >/dev/null 2>&1; then
  exec build/training/ganvas-cli train --resume runs/quickstart "$@"
fi
exec build/training/ganvas-cli train --dataset fashion-mnist --out runs/quickstart "$@"
