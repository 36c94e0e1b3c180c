#!/bin/bash
# timed.sh: PyTorch (bench/reference.py timed) trained for a time on Tiny
# Shakespeare, for the book's comparison of the cells (make results).
#
#   bash bench/timed.sh OUT     (from the repository root)
#
# Appends to OUT a line in the form of bench/search.sh's for pytorch-lstm:
# char-rnn's LSTM, 2 x 128, 50 streams of 50, three minutes, validated at
# the end, as bench/cells.list's runs are; Adam at 0.002, clip 5, the last
# tenth held out, two threads.
set -eu
cd "$(dirname "$0")/.."
options="--cell lstm --layers 2 --hidden 128 --batch 50 --seq 50 --seconds 180"
cpu=$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)
echo "timed: pytorch-lstm: $options" >&2
# shellcheck disable=SC2086
line=$(OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=2 \
    /usr/bin/python3 bench/reference.py timed $options --threads 2 \
    --data data/tinyshakespeare.txt)
echo "pytorch-lstm | $options | $cpu | pytorch | $line" | tee -a "$1"
