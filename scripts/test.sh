#!/usr/bin/env bash
# Every test: install what is missing, build, run the Qt Test programs through ctest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure --timeout 900 "$@"
