#!/usr/bin/env bash
# The .deb as a user gets it: `cpack -G DEB` in the build folder, installed with `dpkg -i` into a
# scratch root (its own dpkg database; the dependencies are this machine's, so they are not
# checked there); its files are where a desktop looks for them, the desktop entry and the
# AppStream metainfo pass their validators, lintian finds no error, the installed ganvas-cli
# trains one epoch and finds the shipped example config by name, and the installed ganvas
# speaks Chinese under LANG=zh_CN.UTF-8.
# Usage: package_check.sh BUILD_DIR OUT_DIR
set -euo pipefail
build=$1 out=$2
src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for tool in cpack dpkg-deb desktop-file-validate appstreamcli lintian; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (installer/debian-packages.txt installs it)"; exit 1; }
done
rm -rf "$out" && mkdir -p "$out"
(cd "$build" && cpack -G DEB -B "$out/cpack" > "$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; echo "FAIL: cpack"; exit 1; }
deb=$(ls "$out"/cpack/ganvas_*.deb | head -1)
echo "package: $deb"
root="$out/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" && touch "$root/var/lib/dpkg/status"
dpkg --root="$root" --admindir="$root/var/lib/dpkg" --force-depends --force-script-chrootless -i "$deb" \
  > "$out/dpkg.log" 2>&1 || { cat "$out/dpkg.log"; echo "FAIL: dpkg -i"; exit 1; }
dpkg --root="$root" --admindir="$root/var/lib/dpkg" -s ganvas | grep -q '^Status: install ok installed' \
  || { echo "FAIL: dpkg does not list ganvas as installed"; exit 1; }
fail=0
for f in usr/bin/ganvas usr/bin/ganvas-cli usr/share/applications/ganvas.desktop \
         usr/share/metainfo/io.github.ganvas.GANvas.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/ganvas.svg usr/share/icons/hicolor/16x16/apps/ganvas.png \
         usr/share/icons/hicolor/512x512/apps/ganvas.png usr/share/man/man1/ganvas.1.gz \
         usr/share/man/man1/ganvas-cli.1.gz usr/share/ganvas/presets/mlp.json usr/share/ganvas/configs/quick-demo.json \
         usr/share/ganvas/lessons/mode-collapse.json usr/share/doc/ganvas/copyright usr/share/doc/ganvas/changelog.gz \
         usr/share/doc/ganvas/USER_GUIDE.md usr/share/doc/ganvas/USER_GUIDE.zh_CN.md \
         usr/share/doc/ganvas/WHAT_IS_A_GAN.zh_CN.md usr/share/ganvas/translations/ganvas_zh_CN.qm \
         usr/share/ganvas/translations/ganvas_en.qm; do
  [ -s "$root/$f" ] || { echo "FAIL: the package lacks /$f"; fail=1; }
done
desktop-file-validate "$root/usr/share/applications/ganvas.desktop" || { echo "FAIL: desktop-file-validate"; fail=1; }
appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.ganvas.GANvas.metainfo.xml" \
  || { echo "FAIL: appstreamcli validate"; fail=1; }
# Every screenshot the metainfo names is one of the repository's docs/screenshots.
shots=$(grep -o 'docs/screenshots/[^<]*' "$root/usr/share/metainfo/io.github.ganvas.GANvas.metainfo.xml" || true)
[ -n "$shots" ] || { echo "FAIL: the metainfo names no screenshot"; fail=1; }
for s in $shots; do
  [ -s "$src/$s" ] || { echo "FAIL: the metainfo's screenshot $s is not in the repository"; fail=1; }
done
dpkg-deb -f "$deb" Depends | grep -q libopenblas0-openmp || { echo "FAIL: Depends lacks the fast BLAS"; fail=1; }
dpkg-deb -f "$deb" Recommends | grep -q fonts-noto-cjk || { echo "FAIL: Recommends lacks a CJK font"; fail=1; }
dpkg-deb -f "$deb" Recommends | grep -q qt6-translations-l10n || { echo "FAIL: Recommends lacks Qt's translations"; fail=1; }
# The installed program in Chinese (its --help needs no display).
LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 LANGUAGE= "$root/usr/bin/ganvas" --help > "$out/help-zh.txt" 2>&1 || true
grep -q '训练生成对抗网络' "$out/help-zh.txt" || { head -5 "$out/help-zh.txt"; echo "FAIL: the installed ganvas --help is not Chinese"; fail=1; }
# lintian: errors fail the test, warnings are printed.
lintian --tag-display-limit 0 "$deb" 2>/dev/null | tee "$out/lintian.txt" || true
if grep -q '^E:' "$out/lintian.txt"; then echo "FAIL: lintian errors"; fail=1; fi
# The unpacked command line trains (its libraries are the system's, as after dpkg -i).
if [ -e /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ]; then
  "$root/usr/bin/ganvas-cli" train --preset mlp --limit 256 --epochs 1 --score-every 0 --out "$out/run" > "$out/train.log" 2>&1 \
    || { tail -5 "$out/train.log"; echo "FAIL: the packaged ganvas-cli did not train"; fail=1; }
  [ -s "$out/run/checkpoints/epoch-0001.ckpt" ] || { echo "FAIL: no checkpoint from the packaged ganvas-cli"; fail=1; }
  # An example config by its bare name: found in the installed /usr/share/ganvas/configs.
  (cd "$out" && "$root/usr/bin/ganvas-cli" train --config quick-demo.json --limit 256 --epochs 1 --score-every 0 \
     --out "$out/example" > "$out/example.log" 2>&1) \
    || { tail -5 "$out/example.log"; echo "FAIL: the packaged ganvas-cli did not find quick-demo.json"; fail=1; }
fi
[ "$fail" = 0 ] && echo "package OK"
exit "$fail"
