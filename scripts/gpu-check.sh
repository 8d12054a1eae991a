#!/usr/bin/env bash
# Builds the Qt-free part against a CUDA libtorch 2.x and checks the GPU path, on a machine
# like the GPU machines we measure on (PyTorch wheel, nvcc, Ninja; no Qt, giflib, nlohmann-json,
# CLI11, libcurl, libarchive or libjpeg, and no network).
#
# What that machine lacks comes as Debian 12 packages in .cache/gpu/debs (made here with
#   scripts/gpu-check.sh --prepare
# on a Debian 12 machine), unpacked into .cache/gpu/root; a Fashion-MNIST subset comes in
# .cache/gpu/data/fmnist. Everything it prints also lands in $OUT (default: gpu-out/).
#
# Checks: the build; `ganvas-cli bench --device cuda` (CUDA graph and --eager) against
# bench/peer_pytorch.py on the same GPU, rounds interleaved; other models and losses; a short
# training run on the GPU (graph and eager with the same seed), a resume, a CPU sample and a CPU
# resume from the GPU checkpoint, the GIF; DCGAN runs on a colour image folder.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
gpu="$root/.cache/gpu"

if [ "${1:-}" = "--prepare" ]; then
  set -e
  mkdir -p "$gpu/debs" "$gpu/data/fmnist"
  (cd "$gpu/debs" && apt-get download libgif-dev libgif7 nlohmann-json3-dev libcli11-dev \
      libcurl4-openssl-dev libcurl4 libssl-dev libssl3 libarchive-dev libarchive13 \
      libjpeg62-turbo-dev libjpeg62-turbo libpng-dev libpng16-16 zlib1g-dev zlib1g libbrotli1 \
      libgssapi-krb5-2 libkrb5-3 libk5crypto3 libkrb5support0 libkeyutils1 libidn2-0 libunistring2 \
      libldap-2.5-0 libsasl2-2 libnghttp2-14 libpsl5 librtmp1 libssh2-1 libzstd1 libacl1 libbz2-1.0 \
      liblz4-1 liblzma5 libxml2 libnettle8 libgnutls30 libhogweed6 libgmp10 libp11-kit0 libtasn1-6 \
      libffi8 libicu72)
  python3 - "$gpu/data/fmnist" <<'EOF'
import gzip, struct, sys
src, dst, n = '/usr/share/datasets/fashion-mnist/', sys.argv[1] + '/', 20000
for name, head, size in (('train-images-idx3-ubyte.gz', 16, 784), ('train-labels-idx1-ubyte.gz', 8, 1)):
    with gzip.open(src + name) as f:
        h = bytearray(f.read(head)); body = f.read(n * size)
    h[4:8] = struct.pack('>I', n)
    with gzip.open(dst + name, 'wb') as g:
        g.write(bytes(h) + body)
EOF
  echo "prepared $gpu: $(du -sh "$gpu" | cut -f1)"
  exit 0
fi

out="${OUT:-$root/gpu-out}"
mkdir -p "$out"
exec > >(tee -a "$out/gpu-check.log") 2>&1
step() { echo; echo "=== $* ($(date +%T))"; }

step "machine"
nvidia-smi -L
grep -m1 'model name' /proc/cpuinfo; nproc
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.get_device_name(0))'

step "unpack the Debian packages"
rm -rf "$gpu/root"; mkdir -p "$gpu/root"
for d in "$gpu"/debs/*.deb; do dpkg -x "$d" "$gpu/root"; done
# Links such as libz.so -> /lib/x86_64-linux-gnu/libz.so.1.2.13 must point into the folder.
find "$gpu/root" -type l | while read -r l; do
  t=$(readlink "$l"); case "$t" in /*) ln -sfn "$gpu/root$t" "$l" ;; esac
done
libs="$gpu/root/usr/lib/x86_64-linux-gnu:$gpu/root/lib/x86_64-linux-gnu"

step "configure"
torch_prefix="$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')"
cmake -S . -B build-gpu -G Ninja -DCMAKE_BUILD_TYPE=Release -DGANVAS_GUI=OFF \
  -DCMAKE_PREFIX_PATH="$torch_prefix;$gpu/root/usr" \
  -DCMAKE_EXE_LINKER_FLAGS="-Wl,-rpath-link,$libs" 2>&1 | tail -25
step "build"
time cmake --build build-gpu --target ganvas-cli -- -k 0 2>&1 | tail -60
cli="$root/build-gpu/training/ganvas-cli"
[ -x "$cli" ] || { echo "BUILD FAILED"; exit 1; }

# Only the libraries this machine lacks come from the Debian packages.
mkdir -p "$gpu/rt"
for _ in 1 2 3; do
  for so in $(LD_LIBRARY_PATH="$gpu/rt" ldd "$cli" | awk '/not found/ {print $1}'); do
    f=$(find "$gpu/root" -name "$so" | head -1)
    [ -n "$f" ] && ln -sf "$f" "$gpu/rt/$so"
  done
done
export LD_LIBRARY_PATH="$gpu/rt"
ls "$gpu/rt"
LD_LIBRARY_PATH="$gpu/rt" ldd "$cli" | grep -E 'not found|torch_cuda|libc10_cuda' || true

if [ "${1:-}" != "--no-bench" ]; then
step "bench: ganvas-cli (CUDA graph, eager) vs the PyTorch peer, seed MLP, batch 128, data on the GPU"
timeout 60 "$cli" bench --device cuda --steps 20 --warmup 5 | grep -E '^(model|warning)'
for r in 1 2 3; do
  o=$(timeout 90 "$cli" bench --device cuda --steps 1000 --warmup 30 | awk '/^images_per_s/ {print $2}')
  e=$(timeout 90 "$cli" bench --device cuda --eager --steps 400 --warmup 30 | awk '/^images_per_s/ {print $2}')
  p=$(timeout 90 python3 bench/peer_pytorch.py --device cuda --steps 400 --warmup 30 2>/dev/null | awk '/^images_per_s/ {print $2}')
  echo "round $r: ganvas-cli graph ${o:-FAILED}, ganvas-cli eager ${e:-FAILED}, pytorch eager ${p:-FAILED} images/s"
done

step "bench: other models and losses on the GPU (graph, then eager)"
for args in "--model dcgan --image-size 32 --channels 3 --batch-size 128" "--model dcgan --image-size 64 --channels 3 --batch-size 64" \
            "--model dcgan --loss hinge" "--model mlp --loss lsgan" "--model mlp --loss wgan-gp"; do
  g=$(timeout 90 "$cli" bench --device cuda $args --steps 200 --warmup 10 | awk '/^model/ {m=$0} /^images_per_s/ {print $2, (m ~ /CUDA graph/ ? "graph" : "eager")}')
  e=$(timeout 90 "$cli" bench --device cuda --eager $args --steps 100 --warmup 10 | awk '/^images_per_s/ {print $2}')
  echo "$args: ${g:-FAILED} / eager ${e:-FAILED} images/s"
done
step "bench: the DCGAN peer (bench/peer_dcgan.py) on the GPU, 32x32x3 batch 128 and 64x64x3 batch 64"
for shape in "--image-size 32 --channels 3 --batch-size 128" "--image-size 64 --channels 3 --batch-size 64"; do
  p=$(timeout 90 python3 bench/peer_dcgan.py --device cuda $shape --steps 100 --warmup 10 2>/dev/null | awk '/^images_per_s/ {print $2}')
  echo "peer dcgan $shape: ${p:-FAILED} images/s"
done

step "bench: CPU of this machine, ours vs the peer (all threads)"
timeout 90 "$cli" bench --device cpu --steps 50 --warmup 5 | grep -E '^(model|images)'
timeout 90 python3 bench/peer_pytorch.py --device cpu --steps 50 --warmup 5 2>/dev/null | tail -1

fi # --no-bench

step "CUDA graph against eager execution, same seed: the losses must agree"
variant() { # name, config JSON fragment, epochs, extra options
  local name=$1 json=$2 epochs=$3; shift 3
  printf '{"dataset": "%s", "device": "cuda", "epochs": %s, "checkpoint_every": 0, %s}\n' "$gpu/data/fmnist" "$epochs" "$json" > "$out/$name.json"
  rm -rf "$out/v-$name-graph" "$out/v-$name-eager"
  g=$(timeout 120 "$cli" train --config "$out/$name.json" "$@" --out "$out/v-$name-graph" | grep -c 'one CUDA graph')
  GANVAS_NO_CUDA_GRAPH=1 timeout 120 "$cli" train --config "$out/$name.json" "$@" --out "$out/v-$name-eager" >/dev/null
  if cmp -s <(cut -d, -f1-6 "$out/v-$name-graph/metrics.csv") <(cut -d, -f1-6 "$out/v-$name-eager/metrics.csv"); then
    echo "$name: graph used: $g; losses identical over $(($(wc -l < "$out/v-$name-graph/metrics.csv") - 1)) rows"
  else
    echo "$name: graph used: $g; LOSSES DIFFER"; diff <(cut -d, -f1-6 "$out/v-$name-graph/metrics.csv") <(cut -d, -f1-6 "$out/v-$name-eager/metrics.csv") | head -6
  fi
  rm -rf "$out/v-$name-graph" "$out/v-$name-eager" "$out/$name.json"
}
variant smoothing-flip-decay '"label_smoothing": 0.1, "label_flip_prob": 0.05, "lr_decay": "linear"' 2
variant instance-noise '"instance_noise": 0.1, "instance_noise_anneal_epochs": 1' 3
variant d-steps-2 '"d_steps_per_g": 2' 1
variant dcgan-bce '"model": "dcgan"' 1
variant mlp-hinge-betas '"loss": "hinge", "beta1_g": 0.5, "beta1_d": 0.5' 1

step "train on the GPU: 3 epochs of the MLP on 20,000 Fashion-MNIST images"
rm -rf "$out/run-mlp" "$out/run-eager"
timeout 120 "$cli" train --device cuda --dataset "$gpu/data/fmnist" --epochs 3 --checkpoint-every 1 --out "$out/run-mlp"
echo "exit $?"
step "the same seed eagerly, 1 epoch: losses of both"
GANVAS_NO_CUDA_GRAPH=1 timeout 120 "$cli" train --device cuda --dataset "$gpu/data/fmnist" --epochs 1 --out "$out/run-eager" | tail -2
head -4 "$out/run-mlp/metrics.csv"; head -4 "$out/run-eager/metrics.csv" | tail -3
grep '^1,156,' "$out/run-mlp/metrics.csv" "$out/run-eager/metrics.csv"
step "resume on the GPU to epoch 4"
timeout 120 "$cli" train --resume "$out/run-mlp" --epochs 4
echo "exit $?"
ls "$out/run-mlp/frames" "$out/run-mlp/checkpoints"; tail -2 "$out/run-mlp/metrics.csv"
step "sample on the CPU from the GPU checkpoint (GPU hidden too); resume the GPU run on the CPU; GIF"
timeout 60 "$cli" sample "$out/run-mlp/checkpoints/epoch-0004.ckpt" --out "$out/sample-cpu.png" --count 16
CUDA_VISIBLE_DEVICES= timeout 60 "$cli" sample "$out/run-mlp/checkpoints/epoch-0004.ckpt" --out "$out/sample-nogpu.png" --count 16
CUDA_VISIBLE_DEVICES= timeout 120 "$cli" train --resume "$out/run-mlp" --epochs 5 --device cpu | tail -3
timeout 60 "$cli" gif "$out/run-mlp" --out "$out/run-mlp.gif"
rm -rf "$out/run-mlp/checkpoints" "$out/run-mlp/frames" "$out/run-eager"

step "train on the GPU: DCGAN, BCE (graph) and WGAN-GP (eager), 32x32 colour image folder"
python3 scripts/make-shapes.py "$out/shapes" 2048 >/dev/null
timeout 120 "$cli" train --device cuda --dataset "$out/shapes" --model dcgan --epochs 4 --out "$out/run-dcgan" | tail -3
cp "$out/run-dcgan/frames/epoch-0004.png" "$out/dcgan-epoch-0004.png"
timeout 120 "$cli" train --device cuda --dataset "$out/shapes" --model dcgan --loss wgan-gp --epochs 2 --out "$out/run-wgan" | tail -3
rm -rf "$out/shapes" "$out/run-dcgan" "$out/run-wgan"

step "done"
