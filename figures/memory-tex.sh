#!/usr/bin/env bash
# What the default model with 100,000 hidden units would need (Chapter
# "Settings"), as the program says when it refuses it, checked against the
# book's own count, and written as the LaTeX macro \MemoryHundredThousand
# (gigabytes, as the program prints them).
#
# The program runs under an address-space limit of 4 GB, far below the
# model's need, and must refuse it with "would need N GB". A small run of
# the same settings on the same text (8 units, one step) reports the
# vocabulary V and the window, B streams of T steps; from them the book's
# count is 4-byte numbers for six copies of the parameters of
# eq. (params) (the parameters, their gradient, Adam's two moments and the
# fast driver's two copies in panels, one for each direction) and the
# window: 2(T+1)BH states, 2TBG pre-activations
# and their adjoints, TBV logits. The script fails, failing the build, if
# the program's figure differs from that count by more than its rounding.
# Usage: memory-tex.sh RNN DIR > DIR/memory.tex (writes DIR/memory.*)
set -eu
rnn=$1 dir=$2 H=100000
fail() { echo "memory-tex: $*" >&2; exit 1; }
out=$("$rnn" --hidden 8 --steps 1 --val-every 0 --sample-length 0 \
        --save "$dir/memory-small.ckpt")
[[ $(grep '^corpus: ' <<< "$out") =~ ([0-9]+)\ distinct ]] \
  || fail "no vocabulary in the small run's output"
V=${BASH_REMATCH[1]}
[[ $(grep '^model: ' <<< "$out") =~ ^model:\ lstm,\ 1\ layer.*\ ([0-9]+)\ streams\ of\ ([0-9]+)\ steps ]] \
  || fail "the small run is not one layer of LSTM"
B=${BASH_REMATCH[1]} T=${BASH_REMATCH[2]}
if (ulimit -v 4000000; "$rnn" --hidden $H --steps 1 --save "$dir/memory.ckpt" \
      2> "$dir/memory.err" > /dev/null); then
  fail "the program did not refuse $H hidden units under a limit of 4 GB"
fi
[[ $(cat "$dir/memory.err") =~ would\ need\ ([0-9.]+)\ GB ]] \
  || fail "no size in the program's refusal: $(cat "$dir/memory.err")"
gb=${BASH_REMATCH[1]}
awk -v V="$V" -v H=$H -v B="$B" -v T="$T" -v gb="$gb" 'BEGIN {
  G = 4 * H
  params = G * (V + H + 1) + V * (H + 1)
  window = 2 * (T + 1) * B * H + 2 * T * B * G + T * B * V
  want = 4 * (6 * params + window) / 1e9
  if (gb / want > 1.005 || want / gb > 1.005) {
    printf "memory-tex: the program says %s GB, the book counts %.4g\n", \
      gb, want > "/dev/stderr"
    exit 1
  }
}'
printf '\\newcommand{\\MemoryHundredThousand}{%s}\n' "$gb"
