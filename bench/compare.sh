#!/usr/bin/env bash
# ganvas-cli bench against a plain PyTorch peer, in one run on one machine: the same model, batch,
# threads and environment, rounds interleaved so that load from elsewhere hits both alike. Prints
# each round, the medians and the ratio.
#   --model mlp   (default) the seed's MLP against bench/peer_pytorch.py
#   --model dcgan the DCGAN against bench/peer_dcgan.py (--image-size 28|32|64, --channels 1|3)
# ganvas-cli runs with its default precision for the machine (auto) unless --precision is given;
# the peer is PyTorch's default, float32.
# Usage: bench/compare.sh [--model mlp|dcgan] [--batch-size B] [--threads T] [--steps N] [--rounds R]
#                         [--image-size S] [--channels C] [--precision P]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
model=mlp batch="" threads=$(nproc) steps="" rounds=5 side=28 channels=1 precision=auto
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model=$2; shift 2 ;;
    --batch-size) batch=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --steps) steps=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --image-size) side=$2; shift 2 ;;
    --channels) channels=$2; shift 2 ;;
    --precision) precision=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$model" in
  mlp) peer_script="$root/bench/peer_pytorch.py"; batch=${batch:-128}; steps=${steps:-100}; warmup=10; shape=() ;;
  dcgan) peer_script="$root/bench/peer_dcgan.py"; batch=${batch:-64}; steps=${steps:-20}; warmup=3
         shape=(--image-size "$side" --channels "$channels") ;;
  *) echo "--model: mlp or dcgan" >&2; exit 2 ;;
esac
cli="$root/build/training/ganvas-cli"
[ -x "$cli" ] || { echo "build first: scripts/build.sh" >&2; exit 2; }
python=/usr/bin/python3 # Debian's, which has python3-torch
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; model $model batch $batch threads $threads steps $steps ${shape[*]}"
info=$("$cli" bench --model "$model" --batch-size "$batch" --threads "$threads" --precision "$precision" "${shape[@]}" \
  --steps 1 --warmup 1 | grep '^model')
echo "$info"
# The peer gets the OpenBLAS kernels ganvas-cli chose for itself ("blas OpenBLAS/SkylakeX"): where
# OpenBLAS 0.3.21 does not know the CPU (newer Xeons) it falls back to its slowest kernels, and
# ganvas-cli re-executes itself with better ones; else the ratio would measure OpenBLAS's guess.
core=$(sed -n 's|.* blas OpenBLAS/\([A-Za-z0-9]*\).*|\1|p' <<<"$info")
if [ -z "${OPENBLAS_CORETYPE:-}" ] && [ -n "$core" ]; then export OPENBLAS_CORETYPE=$core; fi
echo "openblas kernels: ${OPENBLAS_CORETYPE:-not OpenBLAS}${OPENBLAS_CORETYPE:+ (OPENBLAS_CORETYPE, for both)}"
ours=() peer=()
for r in $(seq "$rounds"); do
  o=$("$cli" bench --model "$model" --batch-size "$batch" --threads "$threads" --precision "$precision" "${shape[@]}" \
      --steps "$steps" --warmup "$warmup" | awk '/^images_per_s/ {print $2}')
  p=$("$python" "$peer_script" --batch-size "$batch" --threads "$threads" "${shape[@]}" --steps "$steps" --warmup "$warmup" \
      | awk '/^images_per_s/ {print $2}')
  echo "round $r: ganvas-cli $o images/s, pytorch $p images/s"
  ours+=("$o") peer+=("$p")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mo=$(median "${ours[@]}") mp=$(median "${peer[@]}")
echo "median: ganvas-cli $mo images/s, pytorch $mp images/s"
awk -v o="$mo" -v p="$mp" 'BEGIN {printf "ratio ganvas/pytorch %.2f\n", o / p}'
