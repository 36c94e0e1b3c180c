#!/bin/bash
# bench.sh: rnn's training and generation speed against PyTorch's and
# oneDNN's, on the same models.
#
#   bash bench/bench.sh [DATA]     (from the repository root, ./rnn built;
#                                   build/bench/onednn for oneDNN's column)
#
# DATA is the corpus (default: $DATA, else data/tinyshakespeare.txt).
# Environment: REPS (timed runs per program and configuration, 5), TARGET
# (seconds a timed training run should take, 8), CONFIGS (which of 1..5 to
# run, all), GEN_CONFIGS (which generation models, 1 and 2, to run, both;
# empty: none), GEN_TARGET (seconds a timed generation run should take, 4),
# THREADS (passed to rnn as --threads N if its --help lists --threads),
# RNN (the program, ./rnn), ONEDNN (the oneDNN peer, build/bench/onednn),
# RNN_KERNEL (the kernel rnn uses: avx512, avx2, generic; by default the best
# the processor can run; the table's header names the one measured).
#
# The configurations, all trained on characters with Adam, clip 5:
#   1 rnn       plain RNN, 1 layer of 100, 25 steps, 1 stream (min-char-rnn)
#   2 lstm      LSTM, 2 layers of 128, 50 steps, 50 streams (char-rnn's default)
#   3 gru       GRU of the same shape
#   4 rnn-128   plain RNN of the same shape
#   5 lstm-512  LSTM, 2 layers of 512, 100 steps, 64 streams
# The peers: the PyTorch reference (bench/reference.py bench: PyTorch 1.13,
# whose nn.LSTM runs on ATen's own loops) and oneDNN's RNN primitives, the
# library PyTorch 2 runs nn.LSTM on (bench/onednn.c train: one primitive per
# layer, one-hot input, dnnl_sgemm for the decoder, Adam; checked by
# bench/onednn-check.sh, which make bench runs first).
# For each configuration, a short calibration run of each program sets the
# number of steps so that a timed run takes about TARGET seconds (and at
# least twice the calibration's); then rounds of one run each of rnn,
# PyTorch and oneDNN, REPS rounds, and the table reports the medians of
# their characters per second, in the columns "best" the ratio of rnn's
# fastest run to the peer's fastest, and in "pairs" the median over the
# rounds of the ratio of rnn's run to the peer's run in the same round
# (runs close in time share most of the machine's conditions). (Other work
# on a shared machine slows a run, never speeds it up: the fastest run of
# each is the least disturbed.) rnn's speed is
# the chars_per_sec of its last line, which times training steps only; it runs
# with --val-frac 0 so that no final validation pass lengthens the run (the
# training text is then the whole corpus; this does not change the speed of a
# step). PyTorch times its steps after a few warm-up steps.
#
# PyTorch's threads are tuned fairly: the calibration tries torch threads 1 and
# 2 with OpenBLAS on one thread, and 2 with OpenBLAS on two, always with
# OMP_WAIT_POLICY=PASSIVE, and keeps the fastest per configuration; the table
# says which ("2t/blas1": torch.set_num_threads(2), OPENBLAS_NUM_THREADS=1).
# oneDNN's likewise: its calibration tries 1 thread, one per core ("2t" on
# two cores) with OpenMP's default waiting, and one per core with
# OMP_WAIT_POLICY=PASSIVE ("2t/passive"), and keeps the fastest.
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
# oneDNN's GFLOP/s is the same count times its speed. Peak resident memory
# (MB) is measured for every training run by bench/rss.py; the table gives
# the largest.
#
# Generation: `rnn sample`, which writes one character at a time from one
# stream, on an LSTM of 2 layers of 128 (GEN_CONFIGS 1) and of 512 (2); the
# model is untrained (`rnn --steps 0 --save`; the speed of a step does not
# depend on the weights). rnn's speed is N / (t(N) - t(0)), t(N) the wall
# time of `rnn sample --length N` (its default threads, temperature 0.8),
# t(0) the fastest of three runs with --length 0 (loading the checkpoint).
# The peers time their own loops after 200 characters of warm-up: PyTorch's
# step-by-step loop under torch.no_grad (bench/reference.py generate) and
# oneDNN's forward_inference primitives with the states carried
# (bench/onednn.c sample), each with its threads tuned as above. Rounds of
# one run each, REPS rounds, medians. Each model has two bounds, in
# characters per second: the FMA peak on all cores over its FLOPs per
# character, 2 H [G (2L - 1) + V] (the forward pass's products, as above),
# and the speed at which the machine reads the weights a character reads,
# 4 [G H (2L - 1) + G + L G + V H + V] bytes (all of W_hh, W_xh above the
# first layer, the first layer's column of W_xh, the biases, the decoder),
# over that size: bench/peak.c --read measures how fast all cores read a
# buffer of that size again and again (from a cache if it fits in one). The
# table gives rnn's speed as a percentage of the lower bound, and prints the
# memory's bandwidth (a buffer of 512 MiB) for reference.
#
# A full run takes about 16 minutes: about 9 for rnn's and PyTorch's
# training, 4 more for oneDNN's, 3 for generation (make bench runs
# make parity and make bench-onednn first, about 4 minutes more).

set -u
export LC_ALL=C
cd "$(dirname "$0")/.."
DATA=${1:-${DATA:-data/tinyshakespeare.txt}}
PY=/usr/bin/python3
RNN=${RNN:-./rnn}
REPS=${REPS:-5}
TARGET=${TARGET:-8}
CONFIGS=${CONFIGS-1 2 3 4 5}
GEN_CONFIGS=${GEN_CONFIGS-1 2}
GEN_TARGET=${GEN_TARGET:-4}
THREADS=${THREADS:-}
ONEDNN=${ONEDNN:-build/bench/onednn}

say() { echo "bench: $*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }

[ -x "$RNN" ] || die "$RNN is not built (make tangle)"
[ -r "$DATA" ] || die "cannot read the corpus '$DATA'"
[ -x "$PY" ] || PY=python3
torch=1
if ! "$PY" -c 'import torch' >/dev/null 2>&1; then
    torch=0
    say "python3-torch is not installed (make bench-deps): no PyTorch column"
fi
onednn=1
if [ ! -x "$ONEDNN" ]; then
    onednn=0
    say "$ONEDNN is not built (make bench-onednn, libdnnl-dev): no oneDNN column"
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
tvariants="1t/blas1 2t/blas1 2t/blas2"
ovariants="1t"
[ "${cores:-1}" -gt 1 ] && ovariants+=" ${cores}t ${cores}t/passive"
say "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows every program)"

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

# run_onednn CELL L H T B STEPS VARIANT WARMUP: sets cps and rss
run_onednn() {
    local t=${7%%t*} wait=
    case $7 in */passive) wait=PASSIVE ;; esac
    env ${wait:+OMP_WAIT_POLICY=$wait} "$PY" bench/rss.py "$ONEDNN" train \
        --cell "$1" --layers "$2" --hidden "$3" --seq "$4" --batch "$5" \
        --steps "$6" --warmup "$8" --threads "$t" --val-frac 0 \
        --data "$DATA" >"$tmp/out" 2>&1 \
        || { cat "$tmp/out" >&2; die "$ONEDNN failed"; }
    cps=$(field chars_per_sec "$(cat "$tmp/out")")
    rss=$(field peak_rss_mb "$(cat "$tmp/out")")
}

# calibrate NAME RUN ARGS...: runs `RUN ARGS... VARIANT 1` (one warm-up
# step) once for each variant in $variants, and sets best and variant to
# the fastest
calibrate() {
    local name=$1 v
    shift
    best=0 variant=
    for v in $variants; do
        "$@" "$v" 1
        say "  $name calibration $v: $cps chars/s"
        if awk -v a="$cps" -v b="$best" 'BEGIN { exit !(a > b) }'; then
            best=$cps variant=$v
        fi
    done
}

# warmup_for SPEED B T: warm-up steps for a timed run, about a second's,
# 1 to 5
warmup_for() {
    awk -v c="$1" -v b="$2" -v t="$3" \
        'BEGIN { n = int(c / (b * t)); print (n < 1 ? 1 : n > 5 ? 5 : n) }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# steps_for SPEED B T MIN: steps that take about TARGET seconds, at least MIN
steps_for() {
    awk -v c="$1" -v b="$2" -v t="$3" -v s="$TARGET" -v m="$4" \
        'BEGIN { n = int(s * c / (b * t) + 0.5); print (n < m ? m : n) }'
}
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 }
    END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { tr ' ' '\n' | grep . | sort -g | tail -1; }

# name cell layers hidden seq batch, and the steps of the calibration runs
# (about a second each, or one step): rnn's, and the peers' (PyTorch's and
# oneDNN's)
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
    min=$((2 * tcal > 3 ? 2 * tcal : 3))
    srnn=$(steps_for "$cps" "$B" "$T" $((2 * rcal > 3 ? 2 * rcal : 3)))
    say "  rnn calibration: $cps chars/s; $srnn steps per run"
    if [ "$torch" = 1 ]; then
        variants=$tvariants
        calibrate PyTorch run_torch "$cell" "$L" "$H" "$T" "$B" "$tcal"
        tvariant=$variant storch=$(steps_for "$best" "$B" "$T" "$min")
        twarm=$(warmup_for "$best" "$B" "$T")
        say "  PyTorch: $tvariant, $storch steps per run after $twarm warm-up"
    fi
    if [ "$onednn" = 1 ]; then
        variants=$ovariants
        calibrate oneDNN run_onednn "$cell" "$L" "$H" "$T" "$B" "$tcal"
        ovariant=$variant sonednn=$(steps_for "$best" "$B" "$T" "$min")
        owarm=$(warmup_for "$best" "$B" "$T")
        say "  oneDNN: $ovariant, $sonednn steps per run after $owarm warm-up"
    fi
    rnn_cps= rnn_rss= torch_cps= torch_rss= tpairs= onednn_cps= onednn_rss=
    opairs=
    for ((k = 1; k <= REPS; k++)); do
        run_rnn "$cell" "$L" "$H" "$T" "$B" "$srnn"
        rnn_k=$cps rnn_cps+=" $cps" rnn_rss+=" $rss"
        line="  run $k: rnn $cps chars/s, $rss MB"
        if [ "$torch" = 1 ]; then
            run_torch "$cell" "$L" "$H" "$T" "$B" "$storch" "$tvariant" \
                "$twarm"
            tpairs+=" $(ratio "$rnn_k" "$cps")"
            torch_cps+=" $cps" torch_rss+=" $rss"
            line+="; PyTorch $cps chars/s, $rss MB"
        fi
        if [ "$onednn" = 1 ]; then
            run_onednn "$cell" "$L" "$H" "$T" "$B" "$sonednn" "$ovariant" \
                "$owarm"
            opairs+=" $(ratio "$rnn_k" "$cps")"
            onednn_cps+=" $cps" onednn_rss+=" $rss"
            line+="; oneDNN $cps chars/s, $rss MB"
        fi
        say "$line"
    done
    case $cell in rnn) gates=1 ;; lstm) gates=4 ;; gru) gates=3 ;; esac
    G=$((gates * H))
    flops=$(( 6 * H * (G * (2 * L - 1) + V) ))
    row="$name $flops $(median <<<"$rnn_cps") $(maximum <<<"$rnn_rss")"
    if [ "$torch" = 1 ]; then
        row+=" $(median <<<"$torch_cps") $tvariant $(maximum <<<"$torch_rss")"
        row+=" $(ratio "$(maximum <<<"$rnn_cps")" "$(maximum <<<"$torch_cps")")"
        row+=" $(ratio "$(median <<<"$tpairs")" 1)"
    else
        row+=" - - - - -"
    fi
    if [ "$onednn" = 1 ]; then
        row+=" $(median <<<"$onednn_cps") $ovariant $(maximum <<<"$onednn_rss")"
        row+=" $(ratio "$(maximum <<<"$rnn_cps")" "$(maximum <<<"$onednn_cps")")"
        row+=" $(ratio "$(median <<<"$opairs")" 1)"
    else
        row+=" - - - - -"
    fi
    rows+=("$row")
done

# ------------------------------------------------------------ generation

# gen_config N: name cell layers hidden, and the lengths of the calibration
# runs of rnn, PyTorch and oneDNN (a fraction of a second each)
gen_config() {
    case $1 in
        1) echo "lstm-128 lstm 2 128 4000 1000 4000" ;;
        2) echo "lstm-512 lstm 2 512 1000 200 1000" ;;
        *) die "no generation configuration $1 (1 or 2)" ;;
    esac
}

# run_sample CKPT N: sets secs, the wall time of rnn sample --length N
run_sample() {
    local start=$EPOCHREALTIME
    "$RNN" sample --model "$1" --length "$2" >/dev/null 2>"$tmp/err" \
        || { cat "$tmp/err" >&2; die "rnn sample failed"; }
    secs=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')
}

# run_rnn_gen CKPT N: sets cps, rnn's characters per second (t0 its start)
run_rnn_gen() {
    run_sample "$1" "$2"
    cps=$(awk -v n="$2" -v s="$secs" -v z="$t0" \
        'BEGIN { printf "%.0f", (s > z) ? n / (s - z) : 0 }')
}

# run_torch_gen CELL L H LENGTH VARIANT: sets cps
run_torch_gen() {
    local t=${5%%t/*} blas=${5##*blas}
    OPENBLAS_NUM_THREADS=$blas OMP_WAIT_POLICY=PASSIVE \
        "$PY" bench/reference.py generate --cell "$1" --layers "$2" \
        --hidden "$3" --length "$4" --threads "$t" --data "$DATA" \
        >"$tmp/out" 2>&1 || { cat "$tmp/out" >&2; die "reference.py failed"; }
    cps=$(field chars_per_sec "$(cat "$tmp/out")")
}

# run_onednn_gen CELL L H LENGTH VARIANT: sets cps
run_onednn_gen() {
    local t=${5%%t*} wait=
    case $5 in */passive) wait=PASSIVE ;; esac
    env ${wait:+OMP_WAIT_POLICY=$wait} "$ONEDNN" sample --cell "$1" \
        --layers "$2" --hidden "$3" --length "$4" --threads "$t" \
        --data "$DATA" >"$tmp/out" 2>&1 \
        || { cat "$tmp/out" >&2; die "$ONEDNN failed"; }
    cps=$(field chars_per_sec "$(cat "$tmp/out")")
}

# gen_calibrate NAME RUN ARGS...: runs `RUN ARGS... VARIANT` for each of
# $variants; sets best and variant to the fastest
gen_calibrate() {
    local name=$1 v
    shift
    best=0 variant=
    for v in $variants; do
        "$@" "$v"
        say "  $name calibration $v: $cps chars/s"
        if awk -v a="$cps" -v b="$best" 'BEGIN { exit !(a > b) }'; then
            best=$cps variant=$v
        fi
    done
}
length_for() {
    awk -v c="$1" -v s="$GEN_TARGET" -v m="$2" \
        'BEGIN { n = int(s * c + 0.5); print (n < m ? m : n) }'
}

grows=()
if [ -n "$GEN_CONFIGS" ]; then
    dram=$(build/bench/peak --read 536870912) || die "build/bench/peak failed"
    say "memory: $dram"
fi
for c in $GEN_CONFIGS; do
    read -r name cell L H rcal tcal ocal <<<"$(gen_config "$c")"
    say "generation, $name: $cell, $L x $H, one stream"
    ck=$tmp/gen.ckpt
    "$RNN" --data "$DATA" --cell "$cell" --layers "$L" --hidden "$H" \
        --steps 0 --val-every 0 --sample-every 0 --sample-length 0 \
        --print-every 0 --save "$ck" >"$tmp/out" 2>&1 \
        || { cat "$tmp/out" >&2; die "rnn could not make the model"; }
    V=$(sed -n 's/^corpus: .*, \([0-9]*\) distinct.*/\1/p' "$tmp/out")
    t0=
    for k in 1 2 3; do
        run_sample "$ck" 0
        t0=$(awk -v a="${t0:-$secs}" -v b="$secs" \
            'BEGIN { print (b < a ? b : a) }')
    done
    run_rnn_gen "$ck" "$rcal"
    nrnn=$(length_for "$cps" $((2 * rcal)))
    say "  rnn: $t0 s to start, calibration $cps chars/s; $nrnn per run"
    if [ "$torch" = 1 ]; then
        variants=$tvariants
        gen_calibrate PyTorch run_torch_gen "$cell" "$L" "$H" "$tcal"
        tvariant=$variant ntorch=$(length_for "$best" $((2 * tcal)))
        say "  PyTorch: $tvariant, $ntorch per run"
    fi
    if [ "$onednn" = 1 ]; then
        variants=$ovariants
        gen_calibrate oneDNN run_onednn_gen "$cell" "$L" "$H" "$ocal"
        ovariant=$variant nonednn=$(length_for "$best" $((2 * ocal)))
        say "  oneDNN: $ovariant, $nonednn per run"
    fi
    rnn_cps= torch_cps= onednn_cps=
    for ((k = 1; k <= REPS; k++)); do
        run_rnn_gen "$ck" "$nrnn"
        rnn_cps+=" $cps" line="  run $k: rnn $cps chars/s"
        if [ "$torch" = 1 ]; then
            run_torch_gen "$cell" "$L" "$H" "$ntorch" "$tvariant"
            torch_cps+=" $cps" line+="; PyTorch $cps chars/s"
        fi
        if [ "$onednn" = 1 ]; then
            run_onednn_gen "$cell" "$L" "$H" "$nonednn" "$ovariant"
            onednn_cps+=" $cps" line+="; oneDNN $cps chars/s"
        fi
        say "$line"
    done
    case $cell in rnn) gates=1 ;; lstm) gates=4 ;; gru) gates=3 ;; esac
    G=$((gates * H))
    flops=$(( 2 * H * (G * (2 * L - 1) + V) ))
    bytes=$(( 4 * (G * H * (2 * L - 1) + G + L * G + V * H + V) ))
    readline=$(build/bench/peak --read "$bytes") \
        || die "build/bench/peak failed"
    say "  reading $bytes bytes: $readline"
    row="$name $flops $bytes $(field read_all_gbs "$readline")"
    row+=" $(median <<<"$rnn_cps")"
    if [ "$torch" = 1 ]; then
        row+=" $(median <<<"$torch_cps") $tvariant"
    else
        row+=" - -"
    fi
    if [ "$onednn" = 1 ]; then
        row+=" $(median <<<"$onednn_cps") $ovariant"
    else
        row+=" - -"
    fi
    grows+=("$row")
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
echo "processor: $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)"
echo "$("$RNN" --version)${RNN_KERNEL:+ (forced by RNN_KERNEL=$RNN_KERNEL)}"
echo "FMA peak: ${peak1} GFLOP/s on 1 thread, ${peakall} GFLOP/s on all ${cores} cores (the larger of two measurements)"
if [ -n "$THREADS" ] && [ ${#rnn_threads[@]} -gt 0 ]; then
    echo "rnn: --threads $THREADS"
else
    echo "rnn: its default threads"
fi
echo "PyTorch: $([ "$torch" = 1 ] && "$PY" -c 'import torch; print(torch.__version__)' || echo "not installed")"
echo "oneDNN: $([ "$onednn" = 1 ] && "$ONEDNN" version 2>/dev/null || echo "not built")"
echo "medians of $REPS runs each; speeds in characters per second; memory in MB"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ${#rows[@]} -gt 0 ]; then
    echo
    echo "Training. FLOPs per character: 6 H [G (2L - 1) + V], G = gates x H, V = ${V:-?}"
    echo
    printf '%-9s %10s %9s %11s %9s %6s %5s %5s %10s %10s %6s %5s %5s\n' \
        config "MFLOP/char" "rnn c/s" "PyTorch c/s" threads ratio best \
        pairs "oneDNN c/s" threads ratio best pairs
    for row in "${rows[@]}"; do
        read -r name flops rcps rmb tcps tv tmb tbest tpairs ocps ov omb \
            obest opairs <<<"$row"
        awk -v n="$name" -v f="$flops" -v r="$rcps" -v t="$tcps" -v tv="$tv" \
            -v tb="$tbest" -v tp="$tpairs" -v o="$ocps" -v ov="$ov" \
            -v ob="$obest" -v op="$opairs" '
        function speed(x) { return x == "-" ? "-" : sprintf("%.0f", x) }
        function over(a, b) { return b == "-" ? "-" : sprintf("%.2f", a / b) }
        BEGIN {
            printf "%-9s %10.3f %9.0f %11s %9s %6s %5s %5s %10s %10s %6s %5s %5s\n",
                n, f / 1e6, r, speed(t), tv, over(r, t), tb, tp, speed(o),
                ov, over(r, o), ob, op }'
    done
    echo
    printf '%-9s %7s %7s %8s %9s %7s %8s %7s %9s %9s\n' config "rnn GF" \
        "%peak" "%peak1t" "oneDNN GF" "%peak" "%peak1t" "rnn MB" "torch MB" \
        "oneDNN MB"
    for row in "${rows[@]}"; do
        read -r name flops rcps rmb tcps tv tmb tbest tpairs ocps ov omb \
            obest opairs <<<"$row"
        awk -v n="$name" -v f="$flops" -v r="$rcps" -v o="$ocps" \
            -v rm="$rmb" -v tm="$tmb" -v om="$omb" -v pa="$peakall" \
            -v p1="$peak1" 'BEGIN {
            gr = f * r / 1e9
            go = o == "-" ? "-" : sprintf("%.2f", f * o / 1e9)
            printf "%-9s %7.2f %6.1f%% %7.1f%% %9s %7s %8s %7s %9s %9s\n",
                n, gr, 100 * gr / pa, 100 * gr / p1, go,
                go == "-" ? "-" : sprintf("%.1f%%", 100 * go / pa),
                go == "-" ? "-" : sprintf("%.1f%%", 100 * go / p1), rm, tm, om }'
    done
    echo
    echo "ratio: rnn's median speed over the peer's (above 1: rnn is faster);"
    echo "best: the same for the fastest run of each; pairs: the median of the"
    echo "ratios of rnn's run to the peer's in the same round; threads: the"
    echo "peer's best setting; GF: GFLOP/s; %peak, %peak1t: of the FMA peak on"
    echo "all cores, and on one thread"
fi
if [ ${#grows[@]} -gt 0 ]; then
    echo
    echo "Generation, one stream, one character at a time. FLOPs per character:"
    echo "2 H [G (2L - 1) + V]; weights read per character: 4 [G H (2L - 1) + G + L G"
    echo "+ V H + V] bytes. Reading: $(field read_all_gbs "$dram") GB/s from memory (512 MiB, all cores)."
    echo
    printf '%-9s %10s %7s %7s %9s %11s %9s %10s %9s %6s %6s %9s %9s %7s\n' \
        model "MFLOP/char" "MB/char" "GB/s" "rnn c/s" "PyTorch c/s" \
        threads "oneDNN c/s" threads "/torch" "/dnnl" "FMA lim" \
        "read lim" "%limit"
    for row in "${grows[@]}"; do
        read -r name flops bytes gbs rcps tcps tv ocps ov <<<"$row"
        awk -v n="$name" -v f="$flops" -v by="$bytes" -v g="$gbs" \
            -v r="$rcps" -v t="$tcps" -v tv="$tv" -v o="$ocps" -v ov="$ov" \
            -v pa="$peakall" '
        function speed(x) { return x == "-" ? "-" : sprintf("%.0f", x) }
        function over(a, b) { return b == "-" ? "-" : sprintf("%.2f", a / b) }
        BEGIN {
            fl = pa * 1e9 / f; rl = g * 1e9 / by; lim = fl < rl ? fl : rl
            printf "%-9s %10.3f %7.2f %7.1f %9.0f %11s %9s %10s %9s %6s %6s %9.0f %9.0f %6.1f%%\n",
                n, f / 1e6, by / 1e6, g, r, speed(t), tv, speed(o), ov,
                over(r, t), over(r, o), fl, rl, 100 * r / lim }'
    done
    echo
    echo "GB/s: how fast all cores read a buffer of the weights' size again and"
    echo "again (bench/peak.c --read); /torch, /dnnl: rnn's median speed over"
    echo "the peer's; FMA lim: the FMA peak on all cores over the FLOPs per"
    echo "character; read lim: GB/s over the weights' bytes; %limit: rnn's"
    echo "speed as a percentage of the lower limit"
fi
