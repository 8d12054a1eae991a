#!/usr/bin/env bash
# Smoke test of the real window: start `ganvas` under Xvfb, train a short epoch on the
# installed Fashion-MNIST, take a picture of the window, stop (which writes a checkpoint), quit.
# Usage: smoke_xvfb.sh GANVAS_BINARY OUT_DIR
set -euo pipefail
bin=$1 out=$2
if [ ! -e /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ]; then
  echo "SKIP: dataset-fashion-mnist is not installed"; exit 0
fi
rm -rf "$out" && mkdir -p "$out"
# Its own settings folder: the run must not change (or depend on) the user's saved settings.
export GANVAS_RUNS_DIR="$out/runs" QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME="$out/config"
unset WAYLAND_DISPLAY
# --help needs no display (over ssh, in a script).
env -u DISPLAY -u QT_QPA_PLATFORM "$bin" --help | grep -q -- "--compare" || { echo "FAIL: --help without a display"; exit 1; }
timeout 240 xvfb-run -a -s "-screen 0 1280x800x24" \
  "$bin" --start --limit 2048 --epochs 20 --screenshot "$out/window.png" --screenshot-epoch 2
test -s "$out/window.png" || { echo "FAIL: no screenshot"; exit 1; }
# PNG width and height: big-endian at bytes 16..23.
read -r w h < <(od -An -tu1 -j16 -N8 "$out/window.png" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
echo "screenshot ${w}x${h}"
[ "$w" -ge 1000 ] && [ "$h" -ge 600 ] || { echo "FAIL: window too small"; exit 1; }
ls "$out"/runs/*/frames/epoch-0002.png >/dev/null || { echo "FAIL: no frame of epoch 2"; exit 1; }
ls "$out"/runs/*/checkpoints/*.ckpt >/dev/null || { echo "FAIL: closing did not write a checkpoint"; exit 1; }
# `ganvas RUN_DIR` opens that run; Start continues it from its newest checkpoint.
run=$(ls -d "$out"/runs/*/ | head -1)
timeout 240 xvfb-run -a -s "-screen 0 1280x800x24" \
  "$bin" "$run" --start --epochs 3 --screenshot "$out/reopened.png" --screenshot-epoch 3
test -s "$out/reopened.png" || { echo "FAIL: no screenshot of the reopened run"; exit 1; }
test -e "$run/frames/epoch-0003.png" || { echo "FAIL: the reopened run did not continue to epoch 3"; exit 1; }
[ "$(ls -d "$out"/runs/*/ | wc -l)" -eq 1 ] || { echo "FAIL: reopening made a new run"; exit 1; }
# The comparison window: two new runs (grey and colour) train at once next to the run above.
shapes="$out/shapes"
python3 "$(dirname "$0")/../scripts/make-shapes.py" "$shapes" 256
timeout 240 xvfb-run -a -s "-screen 0 1280x860x24" \
  "$bin" --compare "$run" --dataset fashion-mnist --dataset "$shapes" --limit 256 --epochs 2 --start \
  --screenshot "$out/compare.png" --screenshot-epoch 2
test -s "$out/compare.png" || { echo "FAIL: no screenshot of the comparison window"; exit 1; }
[ "$(ls -d "$out"/runs/compare-*/ | wc -l)" -eq 2 ] || { echo "FAIL: the comparison did not start two runs"; exit 1; }
for r in "$out"/runs/compare-*/; do
  test -e "$r/frames/epoch-0002.png" || { echo "FAIL: $r did not reach epoch 2"; exit 1; }
done
# Headless export of those runs from disk: one GIF frame per epoch, one PNG.
QT_QPA_PLATFORM=offscreen timeout 120 "$bin" --compare "$out"/runs/compare-*/ \
  --export-gif "$out/compare.gif" --export-png "$out/compare-export.png"
[ "$(head -c 6 "$out/compare.gif")" = "GIF89a" ] || { echo "FAIL: --export-gif wrote no GIF"; exit 1; }
[ "$(od -An -c -j1 -N3 "$out/compare-export.png" | tr -d ' ')" = "PNG" ] || { echo "FAIL: --export-png wrote no PNG"; exit 1; }
if QT_QPA_PLATFORM=offscreen timeout 60 "$bin" --compare "$out/no-such-run" --export-gif "$out/none.gif" 2>/dev/null; then
  echo "FAIL: exporting a comparison of nothing succeeded"; exit 1
fi
echo "PASS: window trained, drew, saved a checkpoint and quit; reopened the run and continued it; compared runs"
