#!/bin/sh
# Runs one fuzz target: runfuzz.sh BINARY SEED_CORPUS SECONDS WORK_DIR [EXTRA libFuzzer flags]
# New inputs go to WORK_DIR/corpus (the seed corpus in the repository is only read), crashes,
# leaks and timeouts to WORK_DIR/artifacts, the scratch files of the reader to WORK_DIR/tmp.
# Exit status: libFuzzer's (0 when nothing was found). The last lines printed are libFuzzer's
# final statistics (executions, coverage) and a summary line for scripts/fuzz.sh.
set -eu
bin=$1 seeds=$2 seconds=$3 work=$4
shift 4
# ctest sets GANVAS_FUZZ_FRESH=1: every run starts from the seed corpus alone.
if [ "${GANVAS_FUZZ_FRESH:-0}" = 1 ]; then
  rm -rf "$work"
fi
mkdir -p "$work/corpus" "$work/artifacts" "$work/tmp"
rm -rf "$work/tmp"/*
export TMPDIR="$work/tmp"
# Leaks count as findings; libtorch's and Qt's own start-up allocations are suppressed.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:handle_abort=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$(dirname "$0")/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
if [ ! -x "$bin" ]; then
  echo "runfuzz.sh: $bin is not built" >&2
  exit 1
fi
log="$work/fuzz.log"
rc=0
start=$(date +%s)
"$bin" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -malloc_limit_mb=2048 \
  -max_len=262144 -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$@" \
  "$work/corpus" "$seeds" >"$log" 2>&1 || rc=$?
tail -n 40 "$log"
done_line=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
echo "runfuzz: $(basename "$bin") ran $(( $(date +%s) - start ))s of ${seconds}s exit=$rc executions=${execs:-?} last: $done_line"
exit $rc
