#!/usr/bin/env bash
# ganvas-cli bench against the plain PyTorch peer (bench/peer_pytorch.py), in one run on one
# machine: same model (the seed's MLP), batch, threads and environment, rounds interleaved so
# that load from elsewhere hits both alike. Prints each round, the medians and the ratio.
# Usage: bench/compare.sh [--batch-size B] [--threads T] [--steps N] [--rounds R]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
batch=128 threads=$(nproc) steps=100 rounds=5
while [ $# -gt 0 ]; do
  case "$1" in
    --batch-size) batch=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --steps) steps=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
cli="$root/build/training/ganvas-cli"
[ -x "$cli" ] || { echo "build first: scripts/build.sh" >&2; exit 2; }
python=/usr/bin/python3 # Debian's, which has python3-torch
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; batch $batch threads $threads steps $steps"
"$cli" bench --batch-size "$batch" --threads "$threads" --steps 2 --warmup 1 | grep '^model'
ours=() peer=()
for r in $(seq "$rounds"); do
  o=$("$cli" bench --batch-size "$batch" --threads "$threads" --steps "$steps" --warmup 10 | awk '/^images_per_s/ {print $2}')
  p=$("$python" "$root/bench/peer_pytorch.py" --batch-size "$batch" --threads "$threads" --steps "$steps" --warmup 10 | awk '/^images_per_s/ {print $2}')
  echo "round $r: ganvas-cli $o images/s, pytorch $p images/s"
  ours+=("$o") peer+=("$p")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mo=$(median "${ours[@]}") mp=$(median "${peer[@]}")
echo "median: ganvas-cli $mo images/s, pytorch $mp images/s"
awk -v o="$mo" -v p="$mp" 'BEGIN {printf "ratio ganvas/pytorch %.2f\n", o / p}'
