#!/bin/bash
# bench.sh: rnn's training speed against PyTorch's, on the same models.
#
#   bash bench/bench.sh [DATA]     (from the repository root, ./rnn built)
#
# DATA is the corpus (default: $DATA, else data/tinyshakespeare.txt).
# Environment: REPS (timed runs per program and configuration, 5), TARGET
# (seconds a timed run should take, 8), CONFIGS (which of 1..5 to run, all),
# THREADS (passed to rnn as --threads N if its --help lists --threads),
# RNN (the program, ./rnn), RNN_KERNEL (the kernel rnn uses: avx512, avx2,
# generic; by default the best the processor can run; the table's header
# names the one measured).
#
# The configurations, all trained on characters with Adam, clip 5:
#   1 rnn       plain RNN, 1 layer of 100, 25 steps, 1 stream (min-char-rnn)
#   2 lstm      LSTM, 2 layers of 128, 50 steps, 50 streams (char-rnn's default)
#   3 gru       GRU of the same shape
#   4 rnn-128   plain RNN of the same shape
#   5 lstm-512  LSTM, 2 layers of 512, 100 steps, 64 streams
# For each, a short calibration run of each program sets the number of steps
# so that a timed run takes about TARGET seconds (and at least twice the
# calibration's); then rnn and the PyTorch
# reference (bench/reference.py bench) run alternately, REPS times each, and
# the table reports the medians of their characters per second, in the
# column "best" the ratio of the two programs' fastest runs, and in "pairs"
# the median of the ratios of each rnn run to the PyTorch run right after it
# (two runs in a row share most of the machine's conditions). (Other work on a
# shared machine slows a run, never speeds it up: the fastest run of each is
# the least disturbed.) rnn's speed is
# the chars_per_sec of its last line, which times training steps only; it runs
# with --val-frac 0 so that no final validation pass lengthens the run (the
# training text is then the whole corpus; this does not change the speed of a
# step). PyTorch times its steps after a few warm-up steps.
#
# PyTorch's threads are tuned fairly: the calibration tries torch threads 1 and
# 2 with OpenBLAS on one thread, and 2 with OpenBLAS on two, always with
# OMP_WAIT_POLICY=PASSIVE, and keeps the fastest per configuration; the table
# says which ("2t/blas1": torch.set_num_threads(2), OPENBLAS_NUM_THREADS=1).
#
# FLOPs per training character: 6 H [G (2L - 1) + V], with G = gates * H
# (1 plain, 4 LSTM, 3 GRU), L layers, V the vocabulary. The forward pass does,
# per character, a G x H product with the previous state in every layer, a
# G x H product with the input in every layer above the first (the first
# layer's one-hot input is a column lookup, not counted), and the V x H output
# layer: 2H [G (2L - 1) + V] FLOPs; backward costs twice the forward products.
# Elementwise work is not counted. rnn's GFLOP/s is that times its
# characters per second, compared with the FMA peak that bench/peak.c
# measures (built here into build/bench/peak) on one thread and on all cores.
# Peak resident memory (MB) is measured for every run by bench/rss.py; the
# table gives the largest.
#
# A full run takes about 8 minutes.

set -u
cd "$(dirname "$0")/.."
DATA=${1:-${DATA:-data/tinyshakespeare.txt}}
PY=/usr/bin/python3
RNN=${RNN:-./rnn}
REPS=${REPS:-5}
TARGET=${TARGET:-8}
CONFIGS=${CONFIGS:-1 2 3 4 5}
THREADS=${THREADS:-}

say() { echo "bench: $*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }

[ -x "$RNN" ] || die "$RNN is not built (make tangle)"
[ -r "$DATA" ] || die "cannot read the corpus '$DATA'"
[ -x "$PY" ] || PY=python3
torch=1
if ! "$PY" -c 'import torch' >/dev/null 2>&1; then
    torch=0
    say "python3-torch is not installed (make bench-deps): rnn's column only"
fi

mkdir -p build/bench
gcc -O2 -march=native -pthread -o build/bench/peak bench/peak.c \
    || die "cannot compile bench/peak.c"
peakline=$(build/bench/peak) || die "build/bench/peak failed"
field() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" <<<"$2" | tail -1; }
peak1=$(field peak_1thread_gflops "$peakline")
peakall=$(field peak_all_gflops "$peakline")
cores=$(field cores "$peakline")
say "$peakline"
say "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows both programs)"

rnn_threads=()
if [ -n "$THREADS" ]; then
    if "$RNN" --help 2>&1 | grep -q -- '--threads'; then
        rnn_threads=(--threads "$THREADS")
    else
        say "THREADS=$THREADS ignored: $RNN has no --threads option"
    fi
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rnn-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# run_rnn CELL L H T B STEPS: sets cps, rss, and V (from rnn's corpus line)
run_rnn() {
    "$PY" bench/rss.py "$RNN" --data "$DATA" --cell "$1" --layers "$2" \
        --hidden "$3" --seq "$4" --batch "$5" --steps "$6" --val-frac 0 \
        --val-every 0 --sample-every 0 --sample-length 0 --print-every 0 \
        "${rnn_threads[@]}" --save "$tmp/x.ckpt" >"$tmp/out" 2>&1 \
        || { cat "$tmp/out" >&2; die "rnn failed"; }
    cps=$(field chars_per_sec "$(grep chars_per_sec= "$tmp/out")")
    rss=$(field peak_rss_mb "$(cat "$tmp/out")")
    V=$(sed -n 's/^corpus: .*, \([0-9]*\) distinct.*/\1/p' "$tmp/out")
    rm -f "$tmp/x.ckpt"
}

# run_torch CELL L H T B STEPS VARIANT WARMUP: sets cps and rss
run_torch() {
    local t=${7%%t/*} blas=${7##*blas}
    OPENBLAS_NUM_THREADS=$blas OMP_WAIT_POLICY=PASSIVE \
        "$PY" bench/rss.py "$PY" bench/reference.py bench --cell "$1" \
        --layers "$2" --hidden "$3" --seq "$4" --batch "$5" --steps "$6" \
        --warmup "$8" --threads "$t" --val-frac 0 --data "$DATA" \
        >"$tmp/out" 2>&1 || { cat "$tmp/out" >&2; die "reference.py failed"; }
    cps=$(field chars_per_sec "$(cat "$tmp/out")")
    rss=$(field peak_rss_mb "$(cat "$tmp/out")")
}

# steps_for SPEED B T MIN: steps that take about TARGET seconds, at least MIN
steps_for() {
    awk -v c="$1" -v b="$2" -v t="$3" -v s="$TARGET" -v m="$4" \
        'BEGIN { n = int(s * c / (b * t) + 0.5); print (n < m ? m : n) }'
}
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 }
    END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { tr ' ' '\n' | grep . | sort -g | tail -1; }

# name cell layers hidden seq batch, and the steps of the calibration runs
# (about a second each, or one step): rnn's and PyTorch's
config() {
    case $1 in
        1) echo "rnn rnn 1 100 25 1 3000 1000" ;;
        2) echo "lstm lstm 2 128 50 50 6 6" ;;
        3) echo "gru gru 2 128 50 50 6 6" ;;
        4) echo "rnn-128 rnn 2 128 50 50 15 15" ;;
        5) echo "lstm-512 lstm 2 512 100 64 1 1" ;;
        *) die "no configuration $1 (1 to 5)" ;;
    esac
}

rows=()
for c in $CONFIGS; do
    read -r name cell L H T B rcal tcal <<<"$(config "$c")"
    say "$name: $cell, $L x $H, seq $T, batch $B"
    run_rnn "$cell" "$L" "$H" "$T" "$B" "$rcal"
    # at least twice the calibration, lest a disturbed one make runs too short
    srnn=$(steps_for "$cps" "$B" "$T" $((2 * rcal > 3 ? 2 * rcal : 3)))
    say "  rnn calibration: $cps chars/s; $srnn steps per run"
    if [ "$torch" = 1 ]; then
        best=0 variant=
        for v in 1t/blas1 2t/blas1 2t/blas2; do
            run_torch "$cell" "$L" "$H" "$T" "$B" "$tcal" "$v" 1
            say "  PyTorch calibration $v: $cps chars/s"
            if awk -v a="$cps" -v b="$best" 'BEGIN { exit !(a > b) }'; then
                best=$cps variant=$v
            fi
        done
        storch=$(steps_for "$best" "$B" "$T" $((2 * tcal > 3 ? 2 * tcal : 3)))
        warm=$(awk -v c="$best" -v b="$B" -v t="$T" \
            'BEGIN { n = int(c / (b * t)); print (n < 1 ? 1 : n > 5 ? 5 : n) }')
        say "  PyTorch: $variant, $storch steps per run after $warm warm-up"
    fi
    rnn_cps= rnn_rss= torch_cps= torch_rss= pair_ratios=
    for ((k = 1; k <= REPS; k++)); do
        run_rnn "$cell" "$L" "$H" "$T" "$B" "$srnn"
        rnn_k=$cps rnn_cps+=" $cps" rnn_rss+=" $rss"
        line="  run $k: rnn $cps chars/s, $rss MB"
        if [ "$torch" = 1 ]; then
            run_torch "$cell" "$L" "$H" "$T" "$B" "$storch" "$variant" "$warm"
            pair_ratios+=" $(awk -v a="$rnn_k" -v b="$cps" \
                'BEGIN { print a / b }')"
            torch_cps+=" $cps" torch_rss+=" $rss"
            line+="; PyTorch $cps chars/s, $rss MB"
        fi
        say "$line"
    done
    case $cell in rnn) gates=1 ;; lstm) gates=4 ;; gru) gates=3 ;; esac
    G=$((gates * H))
    flops=$(( 6 * H * (G * (2 * L - 1) + V) ))
    rcps=$(median <<<"$rnn_cps")
    if [ "$torch" = 1 ]; then
        best=$(awk -v a="$(maximum <<<"$rnn_cps")" \
            -v b="$(maximum <<<"$torch_cps")" 'BEGIN { printf "%.2f", a / b }')
        pairs=$(awk -v p="$(median <<<"$pair_ratios")" \
            'BEGIN { printf "%.2f", p }')
        rows+=("$name $rcps $(median <<<"$torch_cps") $variant $flops $(maximum <<<"$rnn_rss") $(maximum <<<"$torch_rss") $best $pairs")
    else
        rows+=("$name $rcps - - $flops $(maximum <<<"$rnn_rss") - - -")
    fi
done

# The peak is a property of the machine; a virtual machine's second core is
# not always there when asked, so measure again and keep the larger figures.
peakline2=$(build/bench/peak) || die "build/bench/peak failed"
say "peak again: $peakline2"
peak1=$(awk -v a="$peak1" -v b="$(field peak_1thread_gflops "$peakline2")" \
    'BEGIN { print (b > a ? b : a) }')
peakall=$(awk -v a="$peakall" -v b="$(field peak_all_gflops "$peakline2")" \
    'BEGIN { print (b > a ? b : a) }')

echo
echo "FLOPs per training character: 6 H [G (2L - 1) + V], G = gates x H, V = ${V:-?}"
echo "processor: $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)"
echo "$("$RNN" --version)${RNN_KERNEL:+ (forced by RNN_KERNEL=$RNN_KERNEL)}"
echo "FMA peak: ${peak1} GFLOP/s on 1 thread, ${peakall} GFLOP/s on all ${cores} cores (the larger of two measurements)"
if [ -n "$THREADS" ] && [ ${#rnn_threads[@]} -gt 0 ]; then
    echo "rnn: --threads $THREADS"
else
    echo "rnn: its default threads"
fi
echo "medians of $REPS runs each; speeds in characters per second; memory in MB"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-9s %12s %10s %11s %9s %7s %5s %5s %7s %8s %9s %9s %9s\n' config \
    "MFLOP/char" "rnn c/s" "PyTorch c/s" threads ratio best pairs "rnn GF" \
    "%peak" "%peak1t" "rnn MB" "torch MB"
for row in "${rows[@]}"; do
    read -r name rcps tcps variant flops rmb tmb best pairs <<<"$row"
    awk -v n="$name" -v r="$rcps" -v t="$tcps" -v v="$variant" -v f="$flops" \
        -v rm="$rmb" -v tm="$tmb" -v b="$best" -v q="$pairs" -v pa="$peakall" \
        -v p1="$peak1" 'BEGIN {
        gf = f * r / 1e9
        printf "%-9s %12.3f %10.0f %11s %9s %7s %5s %5s %7.2f %7.1f%% %8.1f%% %9s %9s\n",
            n, f / 1e6, r, t == "-" ? "-" : sprintf("%.0f", t), v,
            t == "-" ? "-" : sprintf("%.2f", r / t), b, q, gf, 100 * gf / pa,
            100 * gf / p1, rm, tm }'
done
echo
echo "ratio: rnn's median speed over PyTorch's (above 1: rnn is faster); best:"
echo "the same for the fastest run of each; pairs: the median of the ratios of"
echo "each rnn run to the PyTorch run right after it; rnn GF: its"
echo "GFLOP/s; %peak, %peak1t: of the FMA peak on all cores, and on one thread"
