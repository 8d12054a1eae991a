#!/usr/bin/env bash
# docs/QUALITY.md's measurement: every preset trained for EPOCHS epochs on Fashion-MNIST by
# GANvas (ganvas-cli train --preset P, scored after every epoch) and by the plain PyTorch
# version of the same settings (bench/quality_peer.py), whose samples ganvas-cli score measures
# with the very same feature network. One run, one machine. Writes OUT/ganvas-P/ and
# OUT/pytorch-P/ (each with quality.csv), OUT/summary.md and OUT/quality.png (drawn by GANvas).
# Usage: bench/quality.sh [--epochs N] [--samples N] [--seeds "S1 S2 ..."] [--out DIR] [PRESET...]
# Every preset is trained once per seed on each side (OUT/ganvas-P-sS, OUT/pytorch-P-sS): one
# run per side is one draw of a noisy process, several seeds show its spread.
# KEEP=1 keeps the runs (GANvas's and PyTorch's) already complete in DIR.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
epochs=10 samples=10000 seeds="42 1 2" out="$root/build/quality-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --epochs) epochs=$2; shift 2 ;;
    --samples) samples=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
presets=("$@")
[ ${#presets[@]} -gt 0 ] || presets=(mlp seed lsgan hinge wgan-gp dcgan)
cli="$root/build/training/ganvas-cli"
gui="$root/build/app/ganvas"
[ -x "$cli" ] || { echo "build first: scripts/build.sh" >&2; exit 2; }
python=/usr/bin/python3 # Debian's, which has python3-torch
# Both sides on the same BLAS kernels: OpenBLAS 0.3.21 does not know the newest Xeons and runs
# its generic ones (ganvas-cli picks better ones itself, PyTorch does not); see cpuruntime.cpp.
if [ -z "${OPENBLAS_CORETYPE:-}" ] && grep -qm1 avx512f /proc/cpuinfo; then export OPENBLAS_CORETYPE=SkylakeX; fi
mkdir -p "$out"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $epochs epochs, $samples samples per score, seeds $seeds"

for p in "${presets[@]}"; do
for seed in $seeds; do
  ours="$out/ganvas-$p-s$seed" peer="$out/pytorch-$p-s$seed"
  # A finished GANvas run of these settings is kept (--keep), so an interrupted bench goes on.
  if [ "${KEEP:-0}" = 1 ] && [ "$(tail -n +2 "$ours/quality.csv" 2>/dev/null | wc -l)" = "$epochs" ]; then
    echo "$p seed $seed: ganvas-cli run kept"
  else
    rm -rf "$ours"
    start=$(date +%s)
    "$cli" train --preset "$p" --seed "$seed" --epochs "$epochs" --score-samples "$samples" --checkpoint-every 0 \
      --out "$ours" > "$ours.log" 2>&1
    echo "$p seed $seed: ganvas-cli trained in $(( $(date +%s) - start )) s"
  fi
  if [ "${KEEP:-0}" = 1 ] && [ "$(tail -n +2 "$peer/quality.csv" 2>/dev/null | wc -l)" = "$epochs" ]; then
    echo "$p seed $seed: pytorch run kept"
    continue
  fi
  rm -rf "$peer"
  start=$(date +%s)
  "$python" "$root/bench/quality_peer.py" --preset "$p" --seed "$seed" --epochs "$epochs" --samples "$samples" \
    --out "$peer" > "$peer.log" 2>&1
  echo "$p seed $seed: pytorch trained in $(( $(date +%s) - start )) s"
  # The peer's samples, scored by the same feature network as GANvas's own runs.
  batch=$("$python" -c "import json,sys; print(json.load(open(sys.argv[1]))['settings'].get('batch_size', 64))" \
    "$root/resources/presets/$p.json")
  net=$(sed -n '2p' "$ours/quality.csv" | cut -d, -f8-)
  echo "epoch,step,fd,kid,precision,recall,samples,feature_net" > "$peer/quality.csv"
  for e in $(seq "$epochs"); do
    line=$("$cli" score "$peer/epoch-$(printf %02d "$e").idx" --dataset fashion-mnist 2>/dev/null)
    # "fd X kid Y precision P recall R"
    set -- $line
    echo "$e,$(( e * (60000 / batch) )),$2,$4,$6,$8,$samples,$net" >> "$peer/quality.csv"
    rm -f "$peer/epoch-$(printf %02d "$e").idx"
  done
done
done

"$python" "$root/bench/quality_report.py" "$out" "${presets[@]}" > "$out/summary.md"
cat "$out/summary.md"
# The chart: the first seed's curves of every preset, GANvas's and PyTorch's.
first=${seeds%% *}
dirs=()
for p in "${presets[@]}"; do dirs+=("$out/ganvas-$p-s$first" "$out/pytorch-$p-s$first"); done
if [ -x "$gui" ]; then
  QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$gui" --plot-scores "$out/quality.png" "${dirs[@]}"
  echo "chart: $out/quality.png"
fi
