#!/bin/bash
# parity.sh: checks rnn against an independent implementation in PyTorch.
#
#   bash bench/parity.sh [DATA]        (from the repository root, ./rnn built)
#
# DATA is the corpus (default: $DATA, else data/tinyshakespeare.txt).
# For each cell (rnn, lstm, gru), a model of 2 layers of 64 units, 16 streams
# of 25 steps, clip 5, no dropout, default learning rate:
#   1. `rnn --steps 0 --save` writes the untrained model to a checkpoint;
#   2. `rnn grad` and `bench/reference.py grad` (PyTorch, in double) compute
#      the loss and gradient of the first window from it; bench/compare.py
#      requires every entry to agree to a relative error of 1e-4, measured as
#      |a - b| / max(|a|, |b|, 1e-2 * max |b| over the tensor) (see the
#      comment of compare.py for why this floor), and prints each tensor's
#      largest error;
#   3. both train 200 steps from the checkpoint (Adam, clipping, carried
#      states), and every step's moving average of the training loss must
#      agree to 1e-3 nats.
# It prints a table and `parity: passed` or `parity: FAILED` (exit status 1).
# Without python3-torch it says so and exits 0 (make bench-deps installs it).
# Everything it writes goes to a temporary directory, removed at the end.
# It takes about a minute.

set -u
cd "$(dirname "$0")/.."
DATA=${1:-${DATA:-data/tinyshakespeare.txt}}
PY=/usr/bin/python3
export RNN=${RNN:-./rnn}          # the program under test (reference.py reads
                                  # checkpoints through it)
STEPS=${PARITY_STEPS:-200}

if ! "$PY" -c 'import torch' >/dev/null 2>&1; then
    echo "parity: skipped: python3-torch is not installed (make bench-deps)"
    exit 0
fi
if [ ! -x "$RNN" ]; then
    echo "parity: FAILED: $RNN is not built (make tangle)"
    exit 1
fi
if [ ! -r "$DATA" ]; then
    echo "parity: FAILED: cannot read the corpus '$DATA'"
    exit 1
fi
if ! "$RNN" grad --help >/dev/null 2>&1; then
    echo "parity: FAILED: this rnn has no grad command"
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rnn-parity.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
quiet=(--val-every 0 --sample-every 0 --sample-length 0)
shape=(--layers 2 --hidden 64 --seq 25 --batch 16 --clip 5 --dropout 0)

echo "parity: rnn against PyTorch $("$PY" -c 'import torch; print(torch.__version__)') on $DATA"
echo "parity: 2 layers of 64 units, 16 streams of 25 steps, clip 5; gradient of the"
echo "parity: first window (tolerance 1e-4, relative), then $STEPS training steps (1e-3 nats)"
failed=0
summary=()
for cell in rnn lstm gru; do
    echo
    echo "== $cell"
    ok=1
    ck=$tmp/$cell.ckpt
    if ! "$RNN" --data "$DATA" --cell "$cell" "${shape[@]}" "${quiet[@]}" \
            --print-every 0 --steps 0 --save "$ck" >"$tmp/$cell.init.log" 2>&1; then
        echo "  rnn --steps 0 failed:"; sed 's/^/    /' "$tmp/$cell.init.log"
        failed=1; summary+=("$cell - - FAILED"); continue
    fi
    cp "$ck" "$tmp/$cell.resume.ckpt"      # rnn --resume saves back to it

    # 1. the gradient of the first window
    if "$RNN" grad --model "$ck" --data "$DATA" >"$tmp/$cell.rnn.grad" 2>"$tmp/err" &&
       "$PY" bench/reference.py grad --model "$ck" --data "$DATA" \
            >"$tmp/$cell.ref.grad" 2>>"$tmp/err"; then
        "$PY" bench/compare.py grad "$tmp/$cell.rnn.grad" "$tmp/$cell.ref.grad" \
            | tee "$tmp/$cell.grad.cmp"
        [ "${PIPESTATUS[0]}" = 0 ] || ok=0
        gerr=$(awk '/largest relative error/ {print $4}' "$tmp/$cell.grad.cmp")
    else
        echo "  computing the gradient failed:"; sed 's/^/    /' "$tmp/err"
        ok=0; gerr=-
    fi

    # 2. training
    if "$RNN" --resume "$tmp/$cell.resume.ckpt" --data "$DATA" --steps "$STEPS" \
            --print-every 1 "${quiet[@]}" --log "$tmp/$cell.csv" \
            >/dev/null 2>"$tmp/err" &&
       "$PY" bench/reference.py train --model "$ck" --data "$DATA" \
            --steps "$STEPS" >"$tmp/$cell.ref.train" 2>>"$tmp/err"; then
        "$PY" bench/compare.py train "$tmp/$cell.csv" "$tmp/$cell.ref.train" \
            | tee "$tmp/$cell.train.cmp"
        [ "${PIPESTATUS[0]}" = 0 ] || ok=0
        terr=$(awk '/largest difference/ {print $3}' "$tmp/$cell.train.cmp")
    else
        echo "  training failed:"; sed 's/^/    /' "$tmp/err"
        ok=0; terr=-
    fi
    [ "$ok" = 1 ] || failed=1
    summary+=("$cell ${gerr:--} ${terr:--} $([ "$ok" = 1 ] && echo ok || echo FAILED)")
done

echo
printf '%-6s %18s %22s  %s\n' cell "gradient relerr" "moving-average diff" result
for row in "${summary[@]}"; do
    set -- $row
    printf '%-6s %18s %22s  %s\n' "$1" "$2" "$3" "$4"
done
if [ "$failed" = 0 ]; then
    echo "parity: passed"
else
    echo "parity: FAILED"
    exit 1
fi
