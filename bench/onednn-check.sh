#!/bin/bash
# onednn-check.sh: checks that the oneDNN peer (bench/onednn.c) computes
# rnn's model, before make bench times it.
#
#   bash bench/onednn-check.sh [DATA]   (from the repository root; ./rnn and
#                                        build/bench/onednn built)
#
# DATA is the corpus (default: $DATA, else data/tinyshakespeare.txt).
#   1. `onednn check`: for each cell, every parameter's gradient against
#      finite differences on a model of 2 layers of 5 units (random weights
#      and starting states; tolerance 5e-2, relative, floor 1e-2 of the
#      tensor's largest entry: the primitives compute in single precision),
#      and the inference primitive one step at a time against the training
#      forward over a window (1e-5 in a logit).
#   2. For each cell, a model of 2 layers of 64 units, 16 streams of 25
#      steps, clip 5, as bench/parity.sh makes it (`rnn --steps 0 --save`),
#      read through `rnn dump`:
#      a. the loss and gradient of the first window against PyTorch's in
#         double (bench/reference.py grad; where python3-torch is missing,
#         against rnn grad's), bench/compare.py grad, tolerance 1e-4, floor
#         1e-2; the loss must be within 0.01 of ln V (an untrained model
#         predicts about uniformly);
#      b. 200 training steps from those weights (the same streams, carried
#         states, clipping and Adam) against rnn's: every step's moving
#         average of the loss within 1e-3 nats (bench/compare.py train),
#         and it must fall: the average of the last step at least 0.5 nats
#         below the first loss;
#      c. the gradient of rnn's trained model's next window, from its
#         carried states, against PyTorch's (or rnn's), floor 1e-1.
# It prints `onednn-check: passed` or `onednn-check: FAILED` (exit status 1).
# About half a minute.

set -u
cd "$(dirname "$0")/.."
DATA=${1:-${DATA:-data/tinyshakespeare.txt}}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
export RNN=${RNN:-./rnn}
ONEDNN=${ONEDNN:-build/bench/onednn}
STEPS=200

[ -x "$RNN" ] || { echo "onednn-check: FAILED: $RNN is not built"; exit 1; }
[ -x "$ONEDNN" ] || { echo "onednn-check: FAILED: $ONEDNN is not built"; exit 1; }
[ -r "$DATA" ] || { echo "onednn-check: FAILED: cannot read '$DATA'"; exit 1; }
torch=1
"$PY" -c 'import torch' >/dev/null 2>&1 || torch=0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rnn-onednn.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
quiet=(--val-every 0 --sample-every 0 --sample-length 0)
shape=(--layers 2 --hidden 64 --seq 25 --batch 16 --clip 5 --dropout 0)
failed=0
fail() { echo "  FAILED: $*"; failed=1; }

echo "onednn-check: oneDNN's primitives (bench/onednn.c) against finite differences,"
if [ "$torch" = 1 ]; then
    echo "onednn-check: PyTorch in double (bench/reference.py) and rnn, on $DATA"
    ref=PyTorch
else
    echo "onednn-check: and rnn (python3-torch is not installed), on $DATA"
    ref=rnn
fi
echo
echo "== finite differences and the inference primitive"
"$ONEDNN" check --data "$DATA" || failed=1

# reference_grad CKPT OUT: the reference's gradient of the checkpoint's
# next window
reference_grad() {
    if [ "$torch" = 1 ]; then
        "$PY" bench/reference.py grad --model "$1" --data "$DATA" >"$2"
    else
        "$RNN" grad --model "$1" --data "$DATA" >"$2"
    fi
}

for cell in rnn lstm gru; do
    echo
    echo "== $cell: 2 layers of 64 units, 16 streams of 25 steps"
    ck=$tmp/$cell.ckpt run=$tmp/$cell.run.ckpt
    if ! "$RNN" --data "$DATA" --cell "$cell" "${shape[@]}" "${quiet[@]}" \
            --print-every 0 --steps 0 --save "$ck" >"$tmp/log" 2>&1 ||
       ! "$RNN" dump --model "$ck" >"$tmp/$cell.dump" 2>>"$tmp/log"; then
        sed 's/^/    /' "$tmp/log"; fail "rnn could not make the model"
        continue
    fi
    # a. the first window's gradient
    if "$ONEDNN" grad --dump "$tmp/$cell.dump" --data "$DATA" \
            >"$tmp/$cell.grad" 2>"$tmp/err" &&
       reference_grad "$ck" "$tmp/$cell.ref" 2>>"$tmp/err"; then
        echo "  the first window's gradient, oneDNN against $ref:"
        "$PY" bench/compare.py grad "$tmp/$cell.grad" "$tmp/$cell.ref" \
            || fail "the gradient"
        V=$(grep -c '^token' "$tmp/$cell.dump")
        loss=$(sed -n 's/^loss //p' "$tmp/$cell.grad")
        awk -v l="$loss" -v v="$V" 'BEGIN {
            printf "  loss at the first window %.6f, ln V = ln %d = %.6f\n", l, v, log(v)
            exit !(l - log(v) < 0.01 && log(v) - l < 0.01) }' \
            || fail "the untrained loss is not near ln V"
    else
        sed 's/^/    /' "$tmp/err"; fail "computing the gradient"
    fi
    # b. training, against rnn's
    cp "$ck" "$run"
    if "$RNN" --resume "$run" --data "$DATA" --steps "$STEPS" \
            --print-every 1 "${quiet[@]}" --log "$tmp/$cell.csv" \
            >/dev/null 2>"$tmp/err" &&
       "$ONEDNN" train --dump "$tmp/$cell.dump" --data "$DATA" \
            --steps "$STEPS" --warmup 0 --print-every 1 \
            >"$tmp/$cell.train" 2>>"$tmp/err"; then
        echo "  $STEPS training steps, oneDNN against rnn:"
        "$PY" bench/compare.py train "$tmp/$cell.csv" "$tmp/$cell.train" \
            || fail "training"
        awk '$1 == "step" { if ($2 == 1) first = $4; last = $6; n = $2 }
            END { printf "  oneDNN: loss %.4f at step 1, moving average %.4f at step %d\n", first, last, n
                  exit !(last < first - 0.5) }' "$tmp/$cell.train" \
            || fail "the loss did not fall"
    else
        sed 's/^/    /' "$tmp/err"; fail "training"
        continue
    fi
    # c. the trained model's next window
    if "$RNN" dump --model "$run" >"$tmp/$cell.run.dump" 2>"$tmp/err" &&
       "$ONEDNN" grad --dump "$tmp/$cell.run.dump" --data "$DATA" \
            >"$tmp/$cell.run.grad" 2>>"$tmp/err" &&
       reference_grad "$run" "$tmp/$cell.run.ref" 2>>"$tmp/err"; then
        echo "  the trained model's next window, oneDNN against $ref:"
        "$PY" bench/compare.py grad --floor 1e-1 "$tmp/$cell.run.grad" \
            "$tmp/$cell.run.ref" || fail "the trained model's gradient"
    else
        sed 's/^/    /' "$tmp/err"; fail "the trained model's gradient"
    fi
done

echo
if [ "$failed" = 0 ]; then
    echo "onednn-check: passed"
else
    echo "onednn-check: FAILED"
    exit 1
fi
