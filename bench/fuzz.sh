#!/usr/bin/env bash
# Coverage-guided fuzzing of the parsers of outside input (cargo-fuzz + libFuzzer, on the stable
# toolchain with RUSTC_BOOTSTRAP=1 for the sanitizer flags).
#
# Usage: bash bench/fuzz.sh TARGET SECONDS   fuzz TARGET for SECONDS (ASan, debug assertions)
#        bash bench/fuzz.sh TARGET replay    run every seed and saved crash of TARGET once
#        bash bench/fuzz.sh all replay       the same for every target (a regression test)
# Prints one line per figure:
#   fuzz TARGET execs N / fuzz TARGET crashes N / fuzz TARGET seconds S
# and exits 1 when a crash (panic, hang over 10 s, over 2 GB of memory) was found.
#
# Targets (fuzz/fuzz_targets/): package_read (handoff package zip, showcall_exchange::read::open
# with staging), agenda_csv and agenda_xlsx (showcall_agenda::read, then mapping, rows, plan and
# apply into the demo event), asset_headers (asset_check::sniff and check_file/check_head, logo
# and video presets, no ffprobe), amf_decode (rtmp amf0 decode/round trip and the ChunkReader),
# edit_json (an Edit from JSON applied to the demo event, then validated).
#
# Files: fuzz/ is its own Cargo project (own [workspace], Cargo.lock and target/): the root
# workspace never builds it. Seeds: fuzz/corpus/TARGET (small valid inputs written by
# fuzz/make_corpus.py, plus the small units a first run found that add coverage); a run only
# reads them. What libFuzzer adds goes to the git-ignored fuzz/target/corpus/TARGET, kept
# between runs; to keep the small ones that add coverage:
#   cd fuzz && target/x86_64-unknown-linux-gnu/release/TARGET -merge=1 corpus/TARGET target/corpus/TARGET A crash is copied to fuzz/regressions/TARGET/
# (commit it: `replay` runs it from then on); libFuzzer's own copy is in fuzz/artifacts/TARGET.
# Reproduce one: cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -a TARGET regressions/TARGET/FILE
# Shrink the seeds after a long run: cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz cmin -a TARGET
# agenda_xlsx lets calamine's own panics through to the reader's catch_unwind (a cell reference
# of 10 letters overflows u32 in calamine's get_row_and_optional_column; the app refuses such a
# file): see fuzz/fuzz_targets/agenda_xlsx.rs.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export RUSTC_BOOTSTRAP=1
target=${1:?usage: bench/fuzz.sh TARGET SECONDS|replay}
seconds=${2:?usage: bench/fuzz.sh TARGET SECONDS|replay}

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

targets=$(cargo fuzz list)
if [ "$target" = all ]; then
    [ "$seconds" = replay ] || { echo "all: only with replay" >&2; exit 2; }
    set -- $targets
else
    grep -qx "$target" <<<"$targets" || { echo "no fuzz target $target (have: $(echo $targets))" >&2; exit 2; }
    set -- "$target"
fi

# -a (debug assertions, overflow checks) on every build, so build and run share one artifact.
status=0
for t in "$@"; do
    cargo fuzz build -a "$t" >&2
    mkdir -p "corpus/$t" "regressions/$t" "target/corpus/$t" "artifacts/$t"
    log="target/fuzz-$t.log"
    before=$(ls "artifacts/$t" | wc -l)
    start=$(date +%s.%N)
    if [ "$seconds" = replay ]; then
        # Every seed and every saved crash, once each (libFuzzer would add what it finds to
        # the first folder: an empty scratch one, so the seeds stay as they are).
        rm -rf "target/replay/$t" && mkdir -p "target/replay/$t"
        set +e
        cargo fuzz run -a "$t" "target/replay/$t" "corpus/$t" "regressions/$t" -- -runs=0 \
            -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1
        rc=$?
        set -e
    else
        set +e
        # Saved crashes are not among the inputs (`replay` runs them): one not fixed yet would
        # stop every run at start-up.
        cargo fuzz run -a "$t" "target/corpus/$t" "corpus/$t" -- \
            -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
            >"$log" 2>&1
        rc=$?
        set -e
    fi
    end=$(date +%s.%N)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    new=$(( $(ls "artifacts/$t" | wc -l) - before ))
    crashes=$new
    if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi
    if [ "$seconds" != replay ]; then # (a replayed crash is in regressions/ already)
        for f in $(ls -t "artifacts/$t" | head -n "$new"); do
            cp "artifacts/$t/$f" "regressions/$t/$f"
            echo "fuzz $t saved fuzz/regressions/$t/$f" >&2
        done
    fi
    if [ "$rc" -ne 0 ]; then
        grep -m1 -A3 "panicked at\|ERROR: libFuzzer\|ERROR: AddressSanitizer" "$log" >&2 || tail -20 "$log" >&2
        status=1
    fi
    echo "fuzz $t execs ${execs:-0}"
    echo "fuzz $t crashes $crashes"
    echo "fuzz $t seconds $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", b - a }')"
done
exit $status
