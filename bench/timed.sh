#!/bin/bash
# timed.sh: PyTorch (bench/reference.py timed) trained for a time on Tiny
# Shakespeare, for the book's comparisons (make results).
#
#   bash bench/timed.sh OUT     (from the repository root, ./rnn built)
#
# Two runs, each appending a line to OUT in the form of bench/search.sh's:
#   pytorch-lstm  char-rnn's LSTM, 2 x 128, 50 streams of 50, three minutes
#   pytorch-10m   the shape, rate and dropout of rnn's recipe 10m (read
#                 from a checkpoint of one step of it), ten minutes, with a
#                 constant rate: reference.py has no schedules
# Both use Adam, clip 5, the last tenth held out, two threads.
set -eu
cd "$(dirname "$0")/.."
out=$1
cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./rnn --data data/tinyshakespeare.txt --recipe 10m --steps 1 \
    --sample-length 0 --save "$tmp/r.ckpt" --save-best "$tmp/b.ckpt" \
    > /dev/null
setting() { ./rnn dump --model "$tmp/r.ckpt" | awk -v n="$1" \
    '$1 == "setting" && $2 == n { print $3; exit }'; }
recipe="--cell $(setting cell) --layers $(setting layers)"
recipe+=" --hidden $(setting hidden) --batch $(setting batch)"
recipe+=" --seq $(setting seq) --dropout $(setting dropout)"
recipe+=" --lr $(setting lr) --seconds 600"
while read -r name options; do
    echo "timed: $name: $options" >&2
    # shellcheck disable=SC2086
    line=$(OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=2 \
        /usr/bin/python3 bench/reference.py timed $options --threads 2 \
        --data data/tinyshakespeare.txt)
    echo "$name | $options | $cpu | pytorch | $line" | tee -a "$out"
done <<LIST
pytorch-lstm --cell lstm --layers 2 --hidden 128 --batch 50 --seq 50 --seconds 180
pytorch-10m $recipe
LIST
