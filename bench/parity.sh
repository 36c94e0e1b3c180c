#!/bin/bash
# parity.sh: checks rnn against an independent implementation in PyTorch.
#
#   bash bench/parity.sh [DATA]        (from the repository root, ./rnn built)
#
# DATA is the corpus (default: $DATA, else data/tinyshakespeare.txt).
# For each cell (rnn, lstm, gru), a model of 2 layers of 64 units, 16 streams
# of 25 steps, clip 5, no dropout, default learning rate, and for each kernel
# that rnn runs on this processor (RNN_KERNEL; PARITY_KERNELS names the ones
# to try, default avx512 avx2 neon generic):
#   1. `rnn --steps 0 --save` writes the untrained model to a checkpoint;
#   2. `rnn grad` and `bench/reference.py grad` (PyTorch, in double) compute
#      the loss and gradient of the first window from it; bench/compare.py
#      requires every entry to agree to a relative error of 1e-4, measured as
#      |a - b| / max(|a|, |b|, 1e-2 * max |b| over the tensor) (see the
#      comment of compare.py for why this floor), and prints each tensor's
#      largest error;
#   3. both train 200 steps from the checkpoint (Adam, clipping, carried
#      states), and every step's moving average of the training loss must
#      agree to 1e-3 nats;
#   4. both compute the gradient of the next window of rnn's trained
#      checkpoint, at its saved position and from its carried states, to
#      1e-4 with a floor of 1e-1 of the tensor's largest entry. A trained
#      model's gradients cancel more: on the trained LSTM, PyTorch's own
#      float32 gradient differs from its double one by up to 6.1e-5 with the
#      floor of 1e-2 (1.0e-4 for rnn), and by 6.1e-6 with 1e-1 (rnn: 1.0e-5);
#      an error in a formula is of the order of the tensor's entries, and
#      fails either way.
# Then, for each cell, rnn export and rnn import against PyTorch's modules
# (bench/exchange.py; the book's chapter "The model outside the program"):
#   5. the model trained in 3 with the first kernel, exported and loaded
#      into nn.RNN, nn.LSTM or nn.GRU (with an nn.Linear) by
#      load_state_dict(strict=True), gives on the corpus the loss that
#      `rnn eval` gives, to 1e-5 relative (PyTorch in double);
#   6. a model of the same shape made by PyTorch, with its own random
#      initialisation (both biases of every layer), written as safetensors
#      and imported, gives in `rnn eval` the loss PyTorch computes;
#   7. the README's lines that load an exported model into PyTorch run.
# It prints a table and `parity: passed` or `parity: FAILED` (exit status 1).
# Without python3-torch it says so and exits 0 (make bench-deps installs it).
# Everything it writes goes to a temporary directory, removed at the end.
# It takes about a minute per kernel.

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

# 5 to 7: export and import. The loss of a model on the corpus by rnn eval,
# and a relative error.
eval_loss() {
    "$RNN" eval --model "$1" --data "$DATA" 2>> "$tmp/err" \
        | sed -n 's/^eval .* loss=\([0-9.]*\) .*/\1/p'
}
relerr() {
    awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d
                                     printf "%.1e", d / (b < 0 ? -b : b) }'
}
exchange_checks() {
    echo
    echo "== export and import against PyTorch's modules: loss on $DATA (1e-5)"
    printf '%-6s %-28s %14s %14s %10s  %s\n' cell check "rnn eval" PyTorch \
        relerr result
    for cell in rnn lstm gru; do
        exchange_check "$cell" export "$tmp/$cell.${kernels[0]}.ckpt"
        exchange_check "$cell" import
    done
    readme_check
}
# exchange_check CELL export CKPT: the trained CKPT exported, in PyTorch;
# exchange_check CELL import: a PyTorch model imported, in rnn eval.
exchange_check() {
    local mine= theirs= st=$tmp/$1.$2.st ck=${3:-$tmp/$1.torch.ckpt} e=- ok=0
    : > "$tmp/err"
    if [ "$2" = export ]; then
        [ -f "$ck" ] && "$RNN" export --model "$ck" --out "$st" > /dev/null \
            2>> "$tmp/err" && mine=$(eval_loss "$ck") \
            && theirs=$("$PY" bench/exchange.py load --model "$st" \
                        --data "$DATA" 2>> "$tmp/err" | sed -n 's/^loss=//p')
    else
        theirs=$("$PY" bench/exchange.py make --cell "$1" --layers 2 \
                 --hidden 64 --data "$DATA" --out "$st" 2>> "$tmp/err" \
                 | sed -n 's/^loss=//p') \
            && "$RNN" import --in "$st" --out "$ck" > /dev/null 2>> "$tmp/err" \
            && mine=$(eval_loss "$ck")
    fi
    if [ -n "$mine" ] && [ -n "$theirs" ]; then
        e=$(relerr "$mine" "$theirs")
        awk -v e="$e" 'BEGIN { exit !(e <= 1e-5) }' && ok=1
    fi
    [ "$ok" = 1 ] || { failed=1; sed 's/^/    /' "$tmp/err"; }
    printf '%-6s %-28s %14s %14s %10s  %s\n' "$1" "$([ "$2" = export ] \
        && echo "rnn's model, in PyTorch" || echo "PyTorch's model, in rnn")" \
        "${mine:--}" "${theirs:--}" "$e" "$([ $ok = 1 ] && echo ok || echo FAILED)"
}
# The README's Python that loads an exported model into PyTorch, run on the
# exported LSTM: the lines from "import json" to "strict=True)".
readme_check() {
    sed -n '/^    import json, sys, torch$/,/strict=True)$/s/^    //p' README.md \
        | sed "s|rnn.safetensors|$tmp/lstm.export.st|" > "$tmp/readme.py"
    if [ -s "$tmp/readme.py" ] && "$PY" "$tmp/readme.py" > /dev/null \
            2> "$tmp/err"; then
        echo "the README's lines that load the exported LSTM into PyTorch: ok"
    else
        echo "the README's lines that load the exported LSTM into PyTorch: FAILED"
        sed 's/^/    /' "$tmp/err"; failed=1
    fi
}

kernels=()
for k in ${PARITY_KERNELS:-avx512 avx2 neon generic}; do
    RNN_KERNEL=$k "$RNN" --version >/dev/null 2>&1 && kernels+=("$k")
done
if [ ${#kernels[@]} = 0 ]; then
    echo "parity: FAILED: $RNN runs none of the kernels ${PARITY_KERNELS:-avx512 avx2 neon generic}"
    exit 1
fi

echo "parity: rnn against PyTorch $("$PY" -c 'import torch; print(torch.__version__)') on $DATA"
echo "parity: 2 layers of 64 units, 16 streams of 25 steps, clip 5; with each kernel"
echo "parity: this processor runs (${kernels[*]}): the gradient of the first window"
echo "parity: (tolerance 1e-4, relative, floor 1e-2), $STEPS training steps (1e-3 nats),"
echo "parity: and the gradient of the trained model's next window (1e-4, floor 1e-1)"
failed=0
summary=()
for cell in rnn lstm gru; do
    ck=$tmp/$cell.ckpt
    if ! "$RNN" --data "$DATA" --cell "$cell" "${shape[@]}" "${quiet[@]}" \
            --print-every 0 --steps 0 --save "$ck" >"$tmp/$cell.init.log" 2>&1 ||
       ! "$PY" bench/reference.py grad --model "$ck" --data "$DATA" \
            >"$tmp/$cell.ref.grad" 2>"$tmp/err" ||
       ! "$PY" bench/reference.py train --model "$ck" --data "$DATA" \
            --steps "$STEPS" >"$tmp/$cell.ref.train" 2>>"$tmp/err"; then
        echo "== $cell: the untrained model or the reference failed:"
        sed 's/^/    /' "$tmp/$cell.init.log" "$tmp/err"
        failed=1; summary+=("$cell - - - - FAILED"); continue
    fi
    for k in "${kernels[@]}"; do
        echo
        echo "== $cell, kernel $k"
        ok=1
        run=$tmp/$cell.$k
        cp "$ck" "$run.ckpt"                  # rnn --resume saves back to it
        # 1. the gradient of the first window
        if RNN_KERNEL=$k "$RNN" grad --model "$ck" --data "$DATA" \
                >"$run.grad" 2>"$tmp/err"; then
            "$PY" bench/compare.py grad "$run.grad" "$tmp/$cell.ref.grad" \
                | tee "$run.grad.cmp"
            [ "${PIPESTATUS[0]}" = 0 ] || ok=0
            gerr=$(awk '/largest relative error/ {print $4}' "$run.grad.cmp")
        else
            echo "  computing the gradient failed:"; sed 's/^/    /' "$tmp/err"
            ok=0; gerr=-
        fi
        # 2. training, and 3. the trained model's next window, from the
        # states it carries (read by the reference through rnn dump)
        if RNN_KERNEL=$k "$RNN" --resume "$run.ckpt" --data "$DATA" \
                --steps "$STEPS" --print-every 1 "${quiet[@]}" \
                --log "$run.csv" >/dev/null 2>"$tmp/err" &&
           RNN_KERNEL=$k "$RNN" grad --model "$run.ckpt" --data "$DATA" \
                >"$run.trained.grad" 2>>"$tmp/err" &&
           "$PY" bench/reference.py grad --model "$run.ckpt" --data "$DATA" \
                >"$run.trained.ref" 2>>"$tmp/err"; then
            "$PY" bench/compare.py train "$run.csv" "$tmp/$cell.ref.train" \
                | tee "$run.train.cmp"
            [ "${PIPESTATUS[0]}" = 0 ] || ok=0
            terr=$(awk '/largest difference/ {print $3}' "$run.train.cmp")
            echo "  the trained model's next window:"
            "$PY" bench/compare.py grad --floor 1e-1 "$run.trained.grad" \
                "$run.trained.ref" | tee "$run.trained.cmp"
            [ "${PIPESTATUS[0]}" = 0 ] || ok=0
            tgerr=$(awk '/largest relative error/ {print $4}' "$run.trained.cmp")
        else
            echo "  training failed:"; sed 's/^/    /' "$tmp/err"
            ok=0; terr=-; tgerr=-
        fi
        [ "$ok" = 1 ] || failed=1
        summary+=("$cell $k ${gerr:--} ${tgerr:--} ${terr:--} $([ "$ok" = 1 ] && echo ok || echo FAILED)")
    done
done

exchange_checks

echo
printf '%-6s %-14s %16s %16s %20s  %s\n' cell kernel "gradient relerr" \
    "trained relerr" "moving-average diff" result
for row in "${summary[@]}"; do
    set -- $row
    printf '%-6s %-14s %16s %16s %20s  %s\n' "$1" "$2" "$3" "$4" "$5" "$6"
done
if [ "$failed" = 0 ]; then
    echo "parity: passed"
else
    echo "parity: FAILED"
    exit 1
fi
