#!/usr/bin/env bash
# The .deb as a user gets it: `cpack -G DEB` in the build folder, unpacked into a scratch root;
# its files are where a desktop looks for them, the desktop entry and the AppStream metainfo pass
# their validators, lintian finds no error, and the unpacked ganvas-cli trains one epoch.
# Usage: package_check.sh BUILD_DIR OUT_DIR
set -euo pipefail
build=$1 out=$2
for tool in cpack dpkg-deb desktop-file-validate appstreamcli lintian; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (installer/debian-packages.txt installs it)"; exit 1; }
done
rm -rf "$out" && mkdir -p "$out"
(cd "$build" && cpack -G DEB -B "$out/cpack" > "$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; echo "FAIL: cpack"; exit 1; }
deb=$(ls "$out"/cpack/ganvas_*.deb | head -1)
echo "package: $deb"
root="$out/root"
dpkg-deb -x "$deb" "$root"
fail=0
for f in usr/bin/ganvas usr/bin/ganvas-cli usr/share/applications/ganvas.desktop \
         usr/share/metainfo/io.github.ganvas.GANvas.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/ganvas.svg usr/share/icons/hicolor/16x16/apps/ganvas.png \
         usr/share/icons/hicolor/512x512/apps/ganvas.png usr/share/man/man1/ganvas.1.gz \
         usr/share/man/man1/ganvas-cli.1.gz usr/share/ganvas/presets/mlp.json usr/share/ganvas/configs/quick-demo.json \
         usr/share/ganvas/lessons/mode-collapse.json usr/share/doc/ganvas/copyright usr/share/doc/ganvas/changelog.gz \
         usr/share/doc/ganvas/USER_GUIDE.md; do
  [ -s "$root/$f" ] || { echo "FAIL: the package lacks /$f"; fail=1; }
done
desktop-file-validate "$root/usr/share/applications/ganvas.desktop" || { echo "FAIL: desktop-file-validate"; fail=1; }
appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.ganvas.GANvas.metainfo.xml" \
  || { echo "FAIL: appstreamcli validate"; fail=1; }
dpkg-deb -f "$deb" Depends | grep -q libopenblas0-openmp || { echo "FAIL: Depends lacks the fast BLAS"; fail=1; }
dpkg-deb -f "$deb" Recommends | grep -q fonts-noto-cjk || { echo "FAIL: Recommends lacks a CJK font"; fail=1; }
# lintian: errors fail the test, warnings are printed.
lintian --tag-display-limit 0 "$deb" 2>/dev/null | tee "$out/lintian.txt" || true
if grep -q '^E:' "$out/lintian.txt"; then echo "FAIL: lintian errors"; fail=1; fi
# The unpacked command line trains (its libraries are the system's, as after dpkg -i).
if [ -e /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ]; then
  "$root/usr/bin/ganvas-cli" train --preset mlp --limit 256 --epochs 1 --score-every 0 --out "$out/run" > "$out/train.log" 2>&1 \
    || { tail -5 "$out/train.log"; echo "FAIL: the packaged ganvas-cli did not train"; fail=1; }
  [ -s "$out/run/checkpoints/epoch-0001.ckpt" ] || { echo "FAIL: no checkpoint from the packaged ganvas-cli"; fail=1; }
fi
[ "$fail" = 0 ] && echo "package OK"
exit "$fail"
