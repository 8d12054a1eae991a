#!/bin/sh
# Fuzzes every reader of files GANvas did not write for SECONDS each (default 600), one
# target after another on one core: scripts/fuzz.sh [SECONDS] [TARGET...]
# Builds tests/fuzz with clang (libFuzzer, ASan, UBSan) into build-fuzz/ when needed. Each
# target's growing corpus, its findings (crash-*, leak-*, timeout-*, oom-*) and its log stay in
# build-fuzz/runs/<target>/; the seed corpus tests/fuzz/corpus/<target>/ is only read (copy a
# finding there, once fixed, as a regression input). Prints executions and coverage (cov: edges,
# ft: features, from libFuzzer's last status line) per target; see docs/RELIABILITY.md.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-idx cifar archive png jpeg gif checkpoint config storedrun}
build=${GANVAS_FUZZ_BUILD:-$root/build-fuzz}
cxx=$(command -v clang++-14 || command -v clang++ || true)
cc=$(command -v clang-14 || command -v clang || true)
if [ -z "$cxx" ] || [ -z "$cc" ]; then
  echo "fuzz.sh: no clang; apt-get install clang-14 libclang-rt-14-dev" >&2
  exit 2
fi
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root/tests/fuzz" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc"
fi
ninja -C "$build" -j "${GANVAS_FUZZ_JOBS:-1}"
summary=""
status=0
for t in $targets; do
  echo "== fuzz_$t for ${seconds}s"
  mkdir -p "$build/runs"
  if ! "$root/tests/fuzz/runfuzz.sh" "$build/fuzz_$t" "$root/tests/fuzz/corpus/$t" "$seconds" \
       "$build/runs/$t" >"$build/runs/$t.out" 2>&1; then
    status=1
  fi
  line=$(tail -n 1 "$build/runs/$t.out")
  echo "$line"
  summary="$summary
$line"
  ls "$build/runs/$t/artifacts" 2>/dev/null | sed "s|^|   finding: $build/runs/$t/artifacts/|"
done
echo "== summary$summary"
exit $status
