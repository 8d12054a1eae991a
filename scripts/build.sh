#!/usr/bin/env bash
# Installs the missing Debian packages, then configures and builds GANvas in ./build.
# Extra arguments go to CMake's configure step (e.g. -DGANVAS_GUI=OFF).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/installer/install-deps.sh"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$root/build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$root/build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release "$@"
elif [ $# -gt 0 ]; then
  cmake -S "$root" -B "$root/build" "$@"
fi
cmake --build "$root/build" --parallel "$(nproc)"
